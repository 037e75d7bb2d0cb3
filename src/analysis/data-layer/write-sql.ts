/** SQL passed to `query(…)`/`execute(…)`: whether the statement writes. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { WRITE_SQL } from '../../catalog/databases.js';
import { findProperty } from '../code/ast.js';
import { EMPTY_ENV, type FileContext } from '../code/file-context.js';
import { evaluateTemplate } from '../code/template.js';

/** `query('INSERT …')`, `query({ text: 'UPDATE …' })`, `query(sql)` with a constant statement. */
export function isWriteSql(call: TSESTree.CallExpression, file: FileContext): boolean {
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
  let sqlNode: TSESTree.Node = first;
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    const text = findProperty(first, 'text') ?? findProperty(first, 'sql');
    if (!text) return false;
    sqlNode = text.value;
  }
  const template = evaluateTemplate(sqlNode, file, EMPTY_ENV);
  const head = template[0];
  return head?.kind === 'text' && WRITE_SQL.test(head.value);
}
