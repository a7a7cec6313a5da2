/**
 * `line-of-sight/no-literal-ui-text`: the tab's words come from message catalogues (tabs/src/i18n), so a
 * component may not render text written in its code. Flags JSX text with letters, string and template
 * literals rendered as JSX children, and literal values of props people read or hear (label, title,
 * placeholder, aria-label …). Identifiers such as `appearance="primary"` or `size="small"` are not words
 * people read; message keys (`t('myTasks')`) are arguments of calls, which this rule doesn't look into.
 */
const READ_PROPS = new Set([
  'label', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title',
  'placeholder', 'alt', 'content', 'header', 'description', 'hint', 'validationMessage', 'message', 'text',
  'heading', 'caption', 'subtitle', 'secondaryContent', 'emptyText', 'legend', 'tooltip', 'confirmLabel', 'cancelLabel',
]);
/** Words, not codes: a letter in any script, except strings that are only a URL, an id or a CSS value. */
const HAS_WORDS = /\p{L}/u;

const literalText = (node) => {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
  return null;
};

/** String literals a JSX expression renders as text: the value itself or either branch of a ?: / &&. */
function renderedLiterals(expression) {
  if (!expression) return [];
  switch (expression.type) {
    case 'Literal':
    case 'TemplateLiteral':
      return [expression];
    case 'ConditionalExpression':
      return [...renderedLiterals(expression.consequent), ...renderedLiterals(expression.alternate)];
    case 'LogicalExpression':
      return renderedLiterals(expression.right);
    default:
      return [];
  }
}

export const noLiteralUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'UI text comes from a message catalogue, never from a literal in a component' },
    messages: { literal: 'Text "{{text}}" is written in the component: put it in the area\'s messages/*.json and render it with text(\'key\').' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    const check = (expression) => {
      for (const literal of renderedLiterals(expression)) {
        const text = literalText(literal);
        if (text !== null && HAS_WORDS.test(text)) report(literal, text);
      }
    };
    return {
      JSXText(node) {
        if (HAS_WORDS.test(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment') check(node.expression);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXNamespacedName' ? node.name.name.name : node.name.name;
        if (!READ_PROPS.has(name) || !node.value) return;
        if (node.value.type === 'Literal') check(node.value);
        else if (node.value.type === 'JSXExpressionContainer') check(node.value.expression);
      },
    };
  },
};

export default { rules: { 'no-literal-ui-text': noLiteralUiText } };
