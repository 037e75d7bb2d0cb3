/**
 * Other files of the program, parsed on demand into ESTree with scopes (no type checking:
 * types come from the program the linter already built), so the syntax-level analysis can
 * run inside a callee declared there. One set per program, shared by all linted files.
 */
import type { parseForESLint as ParseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { SourceCode } from 'eslint';
import type * as ts from 'typescript';
import { claimNodes, FileContext, type ProjectResolver } from '../../analysis/code/file-context.js';
import { getChildren, walk } from '../../analysis/code/walk.js';

const MAX_FILE_BYTES = 1_000_000;

let parser: typeof ParseForESLint | undefined;

/** typescript-eslint's parser, loaded on first use: it loads TypeScript, which untyped linting never needs. */
function getParser(): typeof ParseForESLint {
  parser ??= (createRequire(import.meta.url)('@typescript-eslint/parser') as { parseForESLint: typeof ParseForESLint }).parseForESLint;
  return parser;
}

export class ProjectFiles {
  readonly #program: ts.Program;
  readonly #byName = new Map<string, FileContext | null>();
  #resolver: ProjectResolver | undefined;

  constructor(program: ts.Program) {
    this.#program = program;
  }

  set resolver(resolver: ProjectResolver) {
    this.#resolver = resolver;
  }

  /** Project code only: no declaration files, nothing under node_modules. */
  static isProjectFile(sourceFile: ts.SourceFile): boolean {
    return !sourceFile.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(sourceFile.fileName);
  }

  get(fileName: string): FileContext | undefined {
    const cached = this.#byName.get(fileName);
    if (cached !== undefined) return cached ?? undefined;
    const context = this.#parse(fileName);
    this.#byName.set(fileName, context ?? null);
    return context;
  }

  #parse(fileName: string): FileContext | undefined {
    const sourceFile = this.#program.getSourceFile(fileName);
    if (!sourceFile || !ProjectFiles.isProjectFile(sourceFile) || sourceFile.text.length > MAX_FILE_BYTES) return undefined;
    try {
      const { ast, scopeManager, visitorKeys } = getParser()(sourceFile.text, {
        range: true,
        loc: true,
        tokens: true,
        comment: true,
        filePath: fileName,
        sourceType: 'module',
        jsx: /\.[jt]sx$/.test(fileName),
      });
      setParents(ast, visitorKeys);
      const sourceCode = new SourceCode({
        text: sourceFile.text,
        ast: ast as never,
        scopeManager: scopeManager as never,
        visitorKeys: visitorKeys as never,
      }) as unknown as TSESLint.SourceCode;
      const context = new FileContext(sourceCode, { resolver: this.#resolver, fileName });
      claimNodes(ast, context, visitorKeys as TSESLint.SourceCode.VisitorKeys);
      return context;
    } catch {
      return undefined; // a file TypeScript accepts but the parser does not: analyse nothing there
    }
  }
}

function setParents(root: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): void {
  walk(root, visitorKeys, (node, parent) => {
    if (parent) (node as { parent: TSESTree.Node }).parent = parent;
  });
}

/** The deepest node of a file whose range is exactly [start, end]. */
export function findNodeByRange(root: TSESTree.Node, start: number, end: number, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  let current: TSESTree.Node | undefined = root;
  while (current) {
    if (current.range[0] === start && current.range[1] === end) found = current;
    current = getChildren(current, visitorKeys).find((child) => child.range[0] <= start && child.range[1] >= end);
  }
  return found;
}
