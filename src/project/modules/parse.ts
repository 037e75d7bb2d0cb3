/**
 * Parsing a module of the project that ESLint is not linting right now, into what the analysis
 * reads of a file (`SourceView`). oxc-parser builds the same tree as typescript-eslint's parser
 * (TS-ESTree, for JavaScript and TypeScript alike) an order of magnitude faster, and
 * typescript-eslint's scope analysis runs on it; a module oxc-parser cannot read whole is
 * parsed as ESLint would (espree and eslint-scope for JavaScript, typescript-eslint's parser
 * for TypeScript). Tokens are not kept: the analysis never reads them.
 */
import type { analyze as AnalyzeTypeScript } from '@typescript-eslint/scope-manager';
import type { parse as ParseTypeScript } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SourceView } from '../../analysis/code/file-context.js';

const { ScopeType } = TSESLint.Scope;

type VisitorKeys = TSESLint.SourceCode.VisitorKeys;
type Scope = TSESLint.Scope.Scope;
type ScopeManager = TSESLint.Scope.ScopeManager;

interface Espree {
  parse(text: string, options: Record<string, unknown>): unknown;
  VisitorKeys: VisitorKeys;
}
interface EslintScope {
  analyze(ast: unknown, options: Record<string, unknown>): unknown;
}

const TYPESCRIPT = new Set(['.ts', '.tsx', '.mts', '.cts']);
const JAVASCRIPT = new Set(['.js', '.jsx', '.mjs', '.cjs']);

/** Whether a file is a module the layer can parse. */
export function isParseableModule(file: string): boolean {
  const extension = path.extname(file);
  return (TYPESCRIPT.has(extension) || JAVASCRIPT.has(extension)) && !/\.d\.[cm]?ts$/.test(file);
}

interface TypeScriptParser {
  parse: typeof ParseTypeScript;
  analyze: typeof AnalyzeTypeScript;
  visitorKeys: VisitorKeys;
}

let typescriptParser: TypeScriptParser | null | undefined;

/**
 * No implicit library globals in the scopes of modules read through the project layer: a name
 * no scope declares is a global to the analysis either way, and declaring the whole standard
 * library's types in every module read was a large part of its scope analysis.
 */
const NO_LIB: [] = [];

/**
 * typescript-eslint's parser and scope analysis, loaded on first use. The parser loads TypeScript,
 * which JavaScript projects may not have and which costs a third of a second to load: it is
 * loaded only when a module must be parsed by it (oxc-parser reads nearly all of them).
 */
function getTypeScriptParser(): TypeScriptParser | undefined {
  if (typescriptParser === undefined) {
    try {
      const require = createRequire(import.meta.url);
      let parse: typeof ParseTypeScript | undefined;
      typescriptParser = {
        parse: ((text: string, options: Parameters<typeof ParseTypeScript>[1]) =>
          (parse ??= (require('@typescript-eslint/typescript-estree') as { parse: typeof ParseTypeScript }).parse)(text, options)) as typeof ParseTypeScript,
        analyze: (require('@typescript-eslint/scope-manager') as { analyze: typeof AnalyzeTypeScript }).analyze,
        visitorKeys: (require('@typescript-eslint/visitor-keys') as { visitorKeys: VisitorKeys }).visitorKeys,
      };
    } catch {
      typescriptParser = null;
    }
  }
  return typescriptParser ?? undefined;
}

let javascriptParser: { espree: Espree; scope: EslintScope } | null | undefined;

/** ESLint's own parser and scope analyser, resolved from the ESLint that loaded this plugin. */
function getJavaScriptParser(): { espree: Espree; scope: EslintScope } | undefined {
  if (javascriptParser === undefined) {
    try {
      const fromPlugin = createRequire(import.meta.url);
      const fromEslint = createRequire(fromPlugin.resolve('eslint'));
      javascriptParser = { espree: fromEslint('espree') as Espree, scope: fromEslint('eslint-scope') as EslintScope };
    } catch {
      javascriptParser = null;
    }
  }
  return javascriptParser ?? undefined;
}

/**
 * Parses a module; undefined when it does not parse (a syntax error, Flow, a dialect the
 * parsers do not know): the module is then simply unknown.
 * @param commonjs the file is CommonJS (`.cjs`, or `.js` in a package that is not `"type": "module"`)
 */
export function parseModule(file: string, text: string, commonjs: boolean): SourceView | undefined {
  const extension = path.extname(file);
  const cjs = extension === '.cjs' || (extension === '.js' && commonjs);
  // a `.js` file of a CommonJS package may still be written with `import` (compiled later by Babel or TypeScript)
  const fast = parseWithOxc(file, text, cjs) ?? (extension === '.js' ? parseWithOxc(file, text, !cjs) : undefined);
  if (fast) return fast;
  if (TYPESCRIPT.has(extension)) return parseWithTypeScript(file, text);
  if (!JAVASCRIPT.has(extension)) return undefined;
  const javascript = getJavaScriptParser();
  if (!javascript) return parseWithTypeScript(file, text);
  // CommonJS modules may `return` at the top level; ES modules may use `import`/`export`
  const attempts: ('module' | 'commonjs')[] = extension === '.mjs' ? ['module'] : extension === '.cjs' ? ['commonjs'] : commonjs ? ['commonjs', 'module'] : ['module', 'commonjs'];
  for (const sourceType of attempts) {
    for (const jsx of extension === '.cjs' || extension === '.mjs' ? [false] : [true, false]) {
      try {
        const ast = javascript.espree.parse(text, {
          ecmaVersion: 'latest',
          sourceType,
          range: true,
          loc: true,
          comment: true,
          ecmaFeatures: { jsx },
        }) as TSESTree.Program;
        const scopeManager = javascript.scope.analyze(ast, {
          ecmaVersion: 2026,
          sourceType,
          nodejsScope: sourceType === 'commonjs',
          childVisitorKeys: javascript.espree.VisitorKeys,
          fallback: 'iteration',
        }) as ScopeManager;
        return new ParsedSource(text, ast, scopeManager, javascript.espree.VisitorKeys);
      } catch {
        // try the next way
      }
    }
  }
  return undefined;
}

interface OxcParser {
  parseSync(
    filename: string,
    text: string,
    options: { range: boolean; preserveParens: boolean; astType: 'ts'; sourceType: 'module' | 'commonjs' },
  ): { program: unknown; comments: { type: 'Line' | 'Block'; value: string; start: number; end: number }[]; errors: readonly unknown[] };
}

let oxcParser: OxcParser | null | undefined;

function getOxcParser(): OxcParser | undefined {
  if (oxcParser === undefined) {
    try {
      oxcParser = createRequire(import.meta.url)('oxc-parser') as OxcParser;
    } catch {
      oxcParser = null; // no native binding for this platform: the parsers ESLint uses
    }
  }
  return oxcParser ?? undefined;
}

/** oxc-parser's TS-ESTree tree with typescript-eslint's scopes; undefined when it reports an error (the other parsers decide). */
function parseWithOxc(file: string, text: string, commonjs: boolean): SourceView | undefined {
  const oxc = getOxcParser();
  const typescript = oxc && getTypeScriptParser();
  if (!oxc || !typescript) return undefined;
  try {
    const result = oxc.parseSync(file, text, { range: true, preserveParens: false, astType: 'ts', sourceType: commonjs ? 'commonjs' : 'module' });
    if (result.errors.length > 0) return undefined;
    const ast = result.program as TSESTree.Program;
    (ast as { comments: TSESTree.Comment[] }).comments = result.comments.map(
      (comment) => ({ type: comment.type, value: comment.value, range: [comment.start, comment.end] }) as TSESTree.Comment,
    );
    // scopes are analysed when first asked for: many modules are read only for what they export
    const analyze = (): ScopeManager => typescript.analyze(ast, { sourceType: 'module', globalReturn: commonjs, lib: NO_LIB });
    return new ParsedSource(text, ast, analyze, typescript.visitorKeys);
  } catch {
    return undefined;
  }
}

function parseWithTypeScript(file: string, text: string): SourceView | undefined {
  const typescript = getTypeScriptParser();
  if (!typescript) return undefined;
  try {
    const ast = typescript.parse(text, {
      range: true,
      loc: true,
      comment: true,
      tokens: false,
      filePath: file,
      jsx: /\.[jt]sx$/.test(file),
      errorOnUnknownASTType: false,
    }) as TSESTree.Program;
    const scopeManager = typescript.analyze(ast, { sourceType: 'module', lib: NO_LIB });
    return new ParsedSource(text, ast, scopeManager, typescript.visitorKeys);
  } catch {
    return undefined;
  }
}

/**
 * A parsed module: its text, tree and scopes. Parent links are set when the module's nodes are
 * claimed for its file context (`claimNodes`), on the one walk over them. Nodes built from oxc's
 * offsets get no `loc`: lines are computed on demand (`getLocFromIndex`), as few are ever asked for.
 */
class ParsedSource implements SourceView {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly visitorKeys: VisitorKeys;
  #scopeManager: ScopeManager | (() => ScopeManager);
  readonly #comments: readonly TSESTree.Comment[];
  #lineStarts: number[] | undefined;

  constructor(text: string, ast: TSESTree.Program, scopeManager: ScopeManager | (() => ScopeManager), visitorKeys: VisitorKeys) {
    this.text = text;
    this.ast = ast;
    this.visitorKeys = visitorKeys;
    this.#scopeManager = scopeManager;
    this.#comments = ast.comments ?? [];
  }

  getLocFromIndex(index: number): TSESTree.Position {
    this.#lineStarts ??= getLineStarts(this.text);
    return toPosition(this.#lineStarts, index);
  }

  getText(node?: TSESTree.Node): string {
    return node ? this.text.slice(node.range[0], node.range[1]) : this.text;
  }

  /** Comments right before a node, with nothing but whitespace between them and it. */
  getCommentsBefore(node: TSESTree.Node): TSESTree.Comment[] {
    const before: TSESTree.Comment[] = [];
    let end = node.range[0];
    let index = lastIndexBefore(this.#comments, end);
    while (index >= 0) {
      const comment = this.#comments[index]!;
      if (this.text.slice(comment.range[1], end).trim() !== '') break;
      before.unshift(comment);
      end = comment.range[0];
      index -= 1;
    }
    return before;
  }

  /** The innermost scope around a node, as ESLint's `SourceCode#getScope` finds it. */
  getScope(node: TSESTree.Node): Scope {
    const scopeManager = this.#getScopeManager();
    const inner = node.type !== AST_NODE_TYPES.Program;
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      const scope = scopeManager.acquire(current, inner);
      if (scope) return scope.type === ScopeType.functionExpressionName ? scope.childScopes[0]! : scope;
    }
    return scopeManager.scopes[0]!;
  }

  #getScopeManager(): ScopeManager {
    if (typeof this.#scopeManager === 'function') {
      const analyze = this.#scopeManager;
      try {
        this.#scopeManager = analyze();
      } catch {
        // scopes that cannot be analysed know no variable: every name of the module is unknown
        this.#scopeManager = analyzeNothing();
      }
    }
    return this.#scopeManager;
  }
}

/** The scopes of an empty module: no variable, a global scope that knows nothing. */
function analyzeNothing(): ScopeManager {
  const empty = { type: AST_NODE_TYPES.Program, body: [], sourceType: 'module', range: [0, 0], comments: [] } as unknown as TSESTree.Program;
  return getTypeScriptParser()!.analyze(empty, { sourceType: 'module', lib: NO_LIB });
}

/** Offsets where each line starts. */
function getLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** ESLint's position of an offset: 1-based line, 0-based column. */
function toPosition(lineStarts: readonly number[], offset: number): TSESTree.Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! };
}

/** The index of the last comment ending at or before `offset`, or -1. */
function lastIndexBefore(comments: readonly TSESTree.Comment[], offset: number): number {
  let low = 0;
  let high = comments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (comments[middle]!.range[1] <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
