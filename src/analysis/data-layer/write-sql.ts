/** SQL passed to `query(…)`/`execute(…)`: whether the statement writes. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { WRITE_SQL } from '../../catalog/databases.js';
import { getPropertyName } from '../code/ast.js';
import { EMPTY_ENV, type FileContext } from '../code/file-context.js';
import { evaluateTemplate } from '../code/template.js';

/** `query('INSERT …')`, `query({ text: 'UPDATE …' })`, `query(sql)` with a constant statement. */
export function isWriteSql(call: TSESTree.CallExpression, file: FileContext): boolean {
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
  let sqlNode: TSESTree.Node = first;
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    const text = first.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property && ['text', 'sql'].includes(getPropertyName(property) ?? ''),
    );
    if (!text) return false;
    sqlNode = text.value;
  }
  const template = evaluateTemplate(sqlNode, file, EMPTY_ENV);
  const head = template[0];
  return head?.kind === 'text' && WRITE_SQL.test(head.value);
}
