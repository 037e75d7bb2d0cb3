/**
 * Test helper: parses a snippet the way ESLint does and hands back real AST nodes plus a
 * `FileContext` built on ESLint's own `SourceCode` (with its scope manager), so that the
 * analysis modules see exactly what they see inside a rule.
 *
 * A tiny probe rule runs through `Linter#verify` and captures `context.sourceCode` on
 * `Program:exit`. `.ts`/`.tsx` files go through `@typescript-eslint/parser`, `.js`/`.mjs`/`.cjs`
 * through ESLint's default parser (espree). A snippet that does not parse throws.
 *
 * ```ts
 * const p = parse(`import axios from 'axios'; axios.post(url, body);`);
 * const call = p.call('axios.post');          // first call whose callee text is `axios.post`
 * const id = p.node(AST_NODE_TYPES.Identifier, 'url');
 * ```
 */
import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { FileContext } from '../../src/analysis/code/file-context.js';
import { compileSettings, DEFAULT_OPTIONS, type NoSyncCriticalWriteOptions, type Settings } from '../../src/options.js';

type NodeOfType<T extends AST_NODE_TYPES> = Extract<TSESTree.Node, { type: T }>;

export interface Parsed {
  readonly code: string;
  readonly sourceCode: TSESLint.SourceCode;
  readonly file: FileContext;
  readonly ast: TSESTree.Program;
  /** Every node of a type, in source order (pre-order walk). */
  all<T extends AST_NODE_TYPES>(type: T): NodeOfType<T>[];
  /** The first node of a type whose source text is `text` (any when omitted); throws when absent. */
  node<T extends AST_NODE_TYPES>(type: T, text?: string): NodeOfType<T>;
  /** The first call whose callee's source text is `callee` (any call when omitted); throws when absent. */
  call(callee?: string): TSESTree.CallExpression;
  /** The `index`-th call (0-based) whose callee's source text is `callee`. */
  callAt(callee: string, index: number): TSESTree.CallExpression;
  /** The first node of a type whose source text starts with `prefix`. */
  nodeStarting<T extends AST_NODE_TYPES>(type: T, prefix: string): NodeOfType<T>;
}

export interface ParseOptions {
  /** defaults to `file.ts`; use a `.js`/`.mjs`/`.cjs` name for espree */
  readonly filename?: string;
}

const captured: { sourceCode?: TSESLint.SourceCode } = {};

const probeRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      'Program:exit'() {
        captured.sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
      },
    };
  },
};

const linter = new Linter({ configType: 'flat' });

export function parse(code: string, options: ParseOptions = {}): Parsed {
  const filename = options.filename ?? 'file.ts';
  const isTs = /\.[cm]?tsx?$/.test(filename);
  const config: Linter.Config[] = [
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: isTs
        ? { parser: tsParser as unknown as Linter.Parser, sourceType: 'module' }
        : { sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module' },
      plugins: { t: { rules: { r: probeRule } } },
      rules: { 't/r': 'error' },
    },
  ];
  captured.sourceCode = undefined;
  const messages = linter.verify(code, config, { filename });
  const problem = messages.find((message) => message.fatal || message.ruleId === null);
  if (problem) throw new Error(`cannot lint snippet: ${problem.message} (line ${problem.line})`);
  const sourceCode = captured.sourceCode;
  if (!sourceCode) throw new Error('probe rule did not run');
  return makeParsed(code, sourceCode);
}

function makeParsed(code: string, sourceCode: TSESLint.SourceCode): Parsed {
  const ast = sourceCode.ast;
  const nodes: TSESTree.Node[] = [];
  const walk = (node: TSESTree.Node): void => {
    nodes.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') walk(item as TSESTree.Node);
      }
    }
  };
  walk(ast);
  const text = (node: TSESTree.Node): string => sourceCode.getText(node);
  const all = <T extends AST_NODE_TYPES>(type: T): NodeOfType<T>[] =>
    nodes.filter((node): node is NodeOfType<T> => node.type === type);
  const calls = (callee: string): TSESTree.CallExpression[] =>
    all(AST_NODE_TYPES.CallExpression).filter((call) => text(call.callee) === callee);
  return {
    code,
    sourceCode,
    file: new FileContext(sourceCode),
    ast,
    all,
    node(type, wanted) {
      const found = all(type).find((node) => wanted === undefined || text(node) === wanted);
      if (!found) throw new Error(`no ${type}${wanted === undefined ? '' : ` "${wanted}"`} in snippet`);
      return found;
    },
    nodeStarting(type, prefix) {
      const found = all(type).find((node) => text(node).startsWith(prefix));
      if (!found) throw new Error(`no ${type} starting with "${prefix}" in snippet`);
      return found;
    },
    call(callee) {
      const found = callee === undefined ? all(AST_NODE_TYPES.CallExpression)[0] : calls(callee)[0];
      if (!found) throw new Error(`no call${callee === undefined ? '' : ` to ${callee}`} in snippet`);
      return found;
    },
    callAt(callee, index) {
      const found = calls(callee)[index];
      if (!found) throw new Error(`no call #${index} to ${callee} in snippet`);
      return found;
    },
  };
}

/** Settings compiled from the defaults with some options overridden. */
export function settings(overrides: Partial<NoSyncCriticalWriteOptions> = {}): Settings {
  return compileSettings({ ...DEFAULT_OPTIONS, ...overrides });
}
