/**
 * Adding an import to a file for a suggestion, in the file's own module system: an
 * `import` line after the last import (ESM) or a `require` after the last top-level
 * require (CommonJS). Nothing is added when the name is already bound at module level.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

export interface ImportRequest {
  readonly from: string;
  readonly name: string;
  /** import the default export under `name` */
  readonly default?: boolean;
}

function isRequireDeclaration(statement: TSESTree.ProgramStatement): statement is TSESTree.VariableDeclaration {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => {
      let init = declarator.init;
      while (init?.type === AST_NODE_TYPES.MemberExpression) init = init.object;
      return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
    })
  );
}

function isModuleLevelBound(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  const scope = sourceCode.scopeManager?.globalScope;
  if (!scope) return false;
  const moduleScope = scope.childScopes.find((child) => child.type === TSESLint.Scope.ScopeType.module) ?? scope;
  return moduleScope.set.has(name) || scope.set.has(name);
}

export function usesCommonJs(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): boolean {
  const body = sourceCode.ast.body;
  if (body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration)) return false;
  if (body.some(isRequireDeclaration)) return true;
  const sourceType: string = sourceCode.ast.sourceType;
  return /\.c[jt]s$/.test(filename) || sourceType === 'script' || sourceType === 'commonjs';
}

/** Fixes that add `request` to the file, or none when it is already there. */
export function addImport(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  request: ImportRequest,
): TSESLint.RuleFix[] {
  if (isModuleLevelBound(sourceCode, request.name)) return [];
  const body = sourceCode.ast.body;
  const commonJs = usesCommonJs(sourceCode, filename);

  if (!commonJs && !request.default) {
    // merge into an existing `import { … } from 'x'`
    const existing = body.find(
      (statement): statement is TSESTree.ImportDeclaration =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        statement.source.value === request.from &&
        statement.importKind !== 'type' &&
        statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
    );
    const last = existing?.specifiers.at(-1);
    if (last) return [fixer.insertTextAfter(last, `, ${request.name}`)];
  }

  const quote = JSON.stringify(request.from).slice(1, -1);
  const line = commonJs
    ? request.default
      ? `const ${request.name} = require('${quote}');`
      : `const { ${request.name} } = require('${quote}');`
    : request.default
      ? `import ${request.name} from '${quote}';`
      : `import { ${request.name} } from '${quote}';`;

  const anchor = commonJs
    ? body.filter(isRequireDeclaration).at(-1)
    : body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration).at(-1);
  if (anchor) return [fixer.insertTextAfter(anchor, `\n${line}`)];
  // after a 'use strict' prologue, which must stay first
  let lastDirective: TSESTree.ProgramStatement | undefined;
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !statement.directive) break;
    lastDirective = statement;
  }
  if (lastDirective) return [fixer.insertTextAfter(lastDirective, `\n${line}`)];
  const first = body[0];
  if (!first) return [];
  // above the comments attached to the first statement (its JSDoc stays with it)
  let target: TSESTree.Node | TSESTree.Comment = first;
  const comments = sourceCode.getCommentsBefore(first);
  for (let index = comments.length - 1; index >= 0; index -= 1) {
    const comment = comments[index]!;
    if (comment.loc.end.line < target.loc.start.line - 1) break;
    target = comment;
  }
  return [fixer.insertTextBeforeRange(target.range, `${line}\n`)];
}
