import { tokens } from '@fluentui/react-components';
import { parseAst, type Plugin } from 'vite';

type Node = { type: string; start: number; end: number; [key: string]: unknown };

// Where `tokens` comes from: our sources import it from react-components, Fluent's own packages from react-theme.
const TOKEN_SOURCES = new Set(['@fluentui/react-components', '@fluentui/react-theme']);
const TRANSFORMED = /[\\/]tabs[\\/]src[\\/].*\.tsx?$|[\\/]node_modules[\\/]@fluentui[\\/][^\\/]+[\\/]lib[\\/].*\.js$/;

/** Every node below `node` (parent first): the AST's plain objects and arrays, walked without a visitor library. */
function* nodesOf(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const child of node) yield* nodesOf(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (typeof (node as Node).type === 'string') yield node as Node;
  for (const [key, value] of Object.entries(node)) if (key !== 'type' && value && typeof value === 'object') yield* nodesOf(value);
}

/**
 * Writes Fluent's `tokens.colorNeutralForeground1` (and the like) in our sources as the string it
 * stands for ("var(--colorNeutralForeground1)"), taken from Fluent's own `tokens` object at build
 * time. Fluent's components ship with those strings already inlined; only our `makeStyles` read the
 * object, and the object (~470 names, 7.4 KB gzipped) was the largest part of Fluent's styling
 * runtime in the home view's download. Griffel's build-time plugin would inline them too, but it
 * also precompiles every rule and our chunks grew more than the runtime it dropped (−4.9 KB against
 * this −7.4 KB, measured; see README "Tab download"). An unknown token name fails the build.
 */
export function inlineFluentTokens(): Plugin {
  const values = tokens as Record<string, string>;
  return {
    name: 'line-of-sight:inline-fluent-tokens',
    enforce: 'pre',
    transform(code, id) {
      if (!TRANSFORMED.test(id) || !code.includes('tokens')) return null;
      const program = parseAst(code, { lang: id.endsWith('.tsx') ? 'tsx' : id.endsWith('.ts') ? 'ts' : 'js' }, id);
      const locals = new Set<string>();
      for (const statement of program.body as unknown as Node[]) {
        if (statement.type !== 'ImportDeclaration' || !TOKEN_SOURCES.has((statement.source as { value: string }).value)) continue;
        for (const specifier of statement.specifiers as Node[]) {
          const imported = specifier.imported as { name?: string } | undefined;
          if (specifier.type === 'ImportSpecifier' && imported?.name === 'tokens') locals.add((specifier.local as { name: string }).name);
        }
      }
      if (locals.size === 0) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      for (const node of nodesOf(program.body)) {
        const object = node.object as Node | undefined;
        const property = node.property as (Node & { name?: string }) | undefined;
        if (node.type !== 'MemberExpression' || node.computed || object?.type !== 'Identifier' || !locals.has(object.name as string) || !property?.name) continue;
        const value = values[property.name];
        if (value === undefined) this.error(`${id}: Fluent has no token "${property.name}"`);
        // Offsets must point at the source text: a mismatch (e.g. byte against UTF-16 offsets) fails loudly.
        if (code.slice(node.start, node.end).replace(/\s/g, '') !== `${object.name as string}.${property.name}`) this.error(`${id}: unexpected AST offsets at ${node.start}`);
        edits.push({ start: node.start, end: node.end, text: JSON.stringify(value) });
      }
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      return { code: out, map: null };
    },
  };
}
