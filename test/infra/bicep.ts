// Reads Bicep files into tree-sitter syntax trees and answers the few questions the infra tests
// ask. Bicep itself cannot be compiled offline, so a syntax tree is what can be checked here.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Parser from 'tree-sitter';

type SyntaxNode = Parser.SyntaxNode;

const require = createRequire(import.meta.url);
// Native modules, loaded through require because they are CommonJS.
const TreeSitter = require('tree-sitter') as typeof Parser;
const bicepLanguage = require('tree-sitter-bicep') as Parser.Language;

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const INFRA_DIR = join(REPO_ROOT, 'infra');

export function parseBicep(source: string): Parser.Tree {
  const parser = new TreeSitter();
  parser.setLanguage(bicepLanguage);
  return parser.parse(source);
}

export interface BicepFile {
  /** Path relative to the repository root, for messages. */
  path: string;
  source: string;
  root: SyntaxNode;
}

export function readBicepFiles(): BicepFile[] {
  const paths = readdirSync(INFRA_DIR, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.bicep'));
  return paths.sort().map((p) => {
    const source = readFileSync(join(INFRA_DIR, p), 'utf8');
    return { path: relative(REPO_ROOT, join(INFRA_DIR, p)), source, root: parseBicep(source).rootNode };
  });
}

export function bicepFile(files: BicepFile[], path: string): BicepFile {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} not found`);
  return file;
}

/** "line:column type" for every ERROR or MISSING node: what tree-sitter could not parse. */
export function syntaxProblems(root: SyntaxNode): string[] {
  const problems: string[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.type === 'ERROR' || node.isMissing) {
      problems.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.isMissing ? `MISSING ${node.type}` : 'ERROR'}`);
    }
    node.children.forEach(visit);
  };
  visit(root);
  return problems;
}

/** The literal value of a string node; undefined when it interpolates. */
export function stringValue(node: SyntaxNode | undefined): string | undefined {
  if (node?.type !== 'string' || node.namedChildren.some((c) => c.type !== 'string_content')) return undefined;
  return node.namedChildren.map((c) => c.text).join('');
}

/** The properties of an object node, by key. */
export function properties(object: SyntaxNode | undefined): Map<string, SyntaxNode> {
  const result = new Map<string, SyntaxNode>();
  for (const property of object?.namedChildren ?? []) {
    if (property.type !== 'object_property') continue;
    const [key, value] = property.namedChildren;
    if (key && value) result.set(stringValue(key) ?? key.text, value);
  }
  return result;
}

/** Follows a path of property names through nested objects. */
export function propertyAt(object: SyntaxNode | undefined, ...path: string[]): SyntaxNode | undefined {
  let node = object;
  for (const key of path) node = properties(node).get(key);
  return node;
}

export interface ResourceDeclaration {
  symbol: string;
  /** e.g. Microsoft.Web/sites */
  type: string;
  apiVersion: string;
  /** The resource body; for a loop, the body of one iteration. */
  body: SyntaxNode | undefined;
}

export function resources(root: SyntaxNode): ResourceDeclaration[] {
  return root.namedChildren
    .filter((n) => n.type === 'resource_declaration')
    .map((declaration) => {
      const [symbol, typeString, value] = declaration.namedChildren;
      const [type = '', apiVersion = ''] = (stringValue(typeString) ?? '').split('@');
      const body =
        value?.type === 'for_statement'
          ? (value.childForFieldName('body') ?? undefined)
          : value?.type === 'if_statement'
            ? value.namedChildren.find((c) => c.type === 'object')
            : value;
      return { symbol: symbol?.text ?? '', type, apiVersion, body };
    });
}

export function resourceOfType(root: SyntaxNode, type: string): ResourceDeclaration {
  const found = resources(root).filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as ResourceDeclaration;
}

/** The value of `var <name> = ...`. */
export function variableValue(root: SyntaxNode, name: string): SyntaxNode | undefined {
  const declaration = root.namedChildren.find((n) => n.type === 'variable_declaration' && n.namedChildren[0]?.text === name);
  return declaration?.namedChildren[1];
}

/** Every `param` with the names of the decorators written just above it. */
export function parameters(root: SyntaxNode): Array<{ name: string; decorators: string[] }> {
  const result: Array<{ name: string; decorators: string[] }> = [];
  root.namedChildren.forEach((node, i) => {
    if (node.type !== 'parameter_declaration') return;
    const previous = root.namedChildren[i - 1];
    const decorators =
      previous?.type === 'decorators'
        ? previous.namedChildren.map((d) => d.descendantsOfType('identifier')[0]?.text ?? '')
        : [];
    result.push({ name: node.namedChildren[0]?.text ?? '', decorators });
  });
  return result;
}

export interface ModuleDeclaration {
  symbol: string;
  /** A relative path ('modules/cosmos.bicep') or a registry reference ('br/public:avm/res/...:1.2.3'). */
  source: string;
  /** The module body; for `if` or `for`, the body of one instance. */
  body: SyntaxNode | undefined;
}

export function moduleDeclarations(root: SyntaxNode): ModuleDeclaration[] {
  return root.namedChildren
    .filter((n) => n.type === 'module_declaration')
    .map((declaration) => {
      const [symbol, source, value] = declaration.namedChildren;
      const body =
        value?.type === 'for_statement'
          ? (value.childForFieldName('body') ?? undefined)
          : value?.type === 'if_statement'
            ? value.namedChildren.find((c) => c.type === 'object')
            : value;
      return { symbol: symbol?.text ?? '', source: stringValue(source) ?? '', body };
    });
}

export function moduleNamed(root: SyntaxNode, symbol: string): ModuleDeclaration {
  const found = moduleDeclarations(root).find((m) => m.symbol === symbol);
  if (!found) throw new Error(`no module ${symbol}`);
  return found;
}

/** `output <name> <type> = <value>`: name → value node. */
export function outputs(root: SyntaxNode): Map<string, SyntaxNode | undefined> {
  return new Map(
    root.namedChildren
      .filter((n) => n.type === 'output_declaration')
      .map((n) => [n.namedChildren[0]?.text ?? '', n.namedChildren.at(-1)] as const),
  );
}

/** Names of the `param`s with no default value: a deployment must supply them. */
export function requiredParameters(root: SyntaxNode): string[] {
  return root.namedChildren
    .filter((n) => n.type === 'parameter_declaration' && n.namedChildren.length === 2)
    .map((n) => n.namedChildren[0]?.text ?? '');
}

/** The elements of an array node (objects, strings, ...), without punctuation. */
export function elements(array: SyntaxNode | undefined): SyntaxNode[] {
  return (array?.namedChildren ?? []).filter((n) => n.type !== 'comment');
}
