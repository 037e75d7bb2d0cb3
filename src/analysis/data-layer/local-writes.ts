/**
 * The service's own database writes around a call: the write that comes before a request in
 * the same execution (`this.orders.save(order)` then `axios.post(…)`), so that a report can say
 * what is already committed when the request fails.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { areExclusive } from '../code/flow.js';
import type { FileContext } from '../code/file-context.js';
import { getExecutionOwner } from '../code/functions.js';
import { walk } from '../code/walk.js';
import { type DbWrite, describeDbWrite, getTransactionScope } from './db-write.js';

export interface LocalWrite {
  readonly write: DbWrite;
  /** the database write comes before the call (committed when it fails), or after it */
  readonly order: 'before' | 'after';
  /** the write and the call run in the same database transaction callback */
  readonly sameTransaction: boolean;
}

/**
 * The business write of the database that pairs with `call` in the same execution: the last one
 * before it, else the first one after it.
 */
export function findLocalWrite(call: TSESTree.CallExpression, file: FileContext): LocalWrite | undefined {
  const owner = getExecutionOwner(call);
  if (!owner || file.isForeign(call)) return undefined;
  let before: DbWrite | undefined;
  let after: DbWrite | undefined;
  walk(owner.body, file.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.TaggedTemplateExpression) return;
    if (node === call || getExecutionOwner(node) !== owner) return;
    const write = describeDbWrite(node, file);
    if (!write || write.isOutbox || areExclusive(node, call)) return;
    if (node.range[1] <= call.range[0]) {
      if (!before || node.range[0] > before.node.range[0]) before = write;
    } else if (node.range[0] >= call.range[1] && (!after || node.range[0] < after.node.range[0])) {
      after = write;
    }
  });
  const found = before ?? after;
  if (!found) return undefined;
  const scope = getTransactionScope(call)?.fn;
  return { write: found, order: before ? 'before' : 'after', sameTransaction: scope !== undefined && getTransactionScope(found.node)?.fn === scope };
}

/** Whether the function that runs a call also writes the service's own database (an outbox row aside). */
export function writesOwnDatabase(call: TSESTree.CallExpression, file: FileContext): boolean {
  const owner = getExecutionOwner(call);
  if (!owner) return false;
  let found = false;
  walk(owner.body, file.fileOf(owner).visitorKeys, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.TaggedTemplateExpression) return;
    const write = node !== call ? describeDbWrite(node, file) : undefined;
    found = write !== undefined && !write.isOutbox;
  });
  return found;
}
