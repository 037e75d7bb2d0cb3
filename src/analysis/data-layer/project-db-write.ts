/**
 * Database writes through the project's own data layer, when the handle's origin leads to no
 * library: model classes imported from model files (`Order.create(…)`, `new Order(x).save()`),
 * repositories (`this.ordersRepository.save(…)`), a shared database handle
 * (`db.insert(orders).values(…)`, `db.order.create(…)`), MongoDB collections, and SQL that writes.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  COLLECTION_WRITES,
  DATA_SETUP_MEMBER,
  DATA_FUNCTION_NAME,
  DB_HANDLE_NAME,
  ENTITY_MODULE,
  INSTANCE_WRITES,
  MODEL_INSTANCE_SOURCES,
  MODEL_MODULE,
  MODEL_STATIC_WRITES,
  REPOSITORY_NAME,
  REPOSITORY_WRITE_PREFIX,
  REPOSITORY_WRITES,
  REPOSITORY_BUILDERS,
} from '../../catalog/named-handles.js';
import { getCalleeName, getPropertyName, skipTransparent } from '../code/ast.js';
import type { FileContext } from '../code/file-context.js';
import { getImportedOrigin, getOrigin, type Origin, type Step } from '../code/origin.js';
import { getHandleName, isProjectHandle, isProjectOrigin } from '../code/project-handles.js';
import { isWriteSql } from './write-sql.js';

/** Builder members that follow a Drizzle/Knex write started on the handle: `insert(t).values(…)`. */
const FOLLOW_UPS: Readonly<Record<string, readonly string[]>> = {
  insert: ['values', 'into'],
  update: ['set'],
  delete: ['where'],
};

const KYSELY_WRITES = new Set(['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
const PRISMA_MODEL_WRITES = new Set(['create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany']);
const TABLE_BUILDER_WRITES = new Set(['insert', 'update', 'del', 'delete', 'upsert', 'increment', 'decrement']);

export function isProjectDataWrite(call: TSESTree.CallExpression, receiver: TSESTree.Node, member: string, file: FileContext): boolean {
  const origin = getOrigin(receiver, file);
  if (!isProjectHandle(receiver, origin, file)) return false;
  if ((member === 'query' || member === 'execute') && isWriteSql(call, file)) return true;
  const name = getHandleName(receiver);
  if (name !== undefined && REPOSITORY_NAME.test(name)) return isRepositoryWrite(member);
  if (COLLECTION_WRITES.has(member) && isCollection(receiver, name)) return true;
  if (origin && MODEL_MODULE.test(origin.module) && isModelWrite(receiver, member, origin)) return true;
  if (name !== undefined && DB_HANDLE_NAME.test(name)) return isHandleWrite(call, member);
  return isTableBuilderWrite(receiver, member, file) || isModelDelegateWrite(receiver, member, file);
}

/**
 * Whether a member name can be a write of the project's data layer at all, by any of the ways
 * below: asked before any origin is computed, as most member calls are no write.
 */
export function isProjectWriteMember(member: string): boolean {
  return (
    member === 'query' ||
    member === 'execute' ||
    REPOSITORY_WRITES.has(member) ||
    isNamedWrite(member) ||
    COLLECTION_WRITES.has(member) ||
    MODEL_STATIC_WRITES.has(member) ||
    INSTANCE_WRITES.has(member) ||
    KYSELY_WRITES.has(member) ||
    Object.hasOwn(FOLLOW_UPS, member) ||
    TABLE_BUILDER_WRITES.has(member) ||
    PRISMA_MODEL_WRITES.has(member)
  );
}

function isRepositoryWrite(member: string): boolean {
  // TypeORM's `create` only builds an entity, but its repositories come from TypeORM, not from the project
  return !REPOSITORY_BUILDERS.has(member) && (REPOSITORY_WRITES.has(member) || isNamedWrite(member));
}

/** `saveOrder`, `addOrderItem`, but not `addHook` or `createIndex`. */
function isNamedWrite(member: string): boolean {
  return REPOSITORY_WRITE_PREFIX.test(member) && !DATA_SETUP_MEMBER.test(member);
}

/** `db.collection('orders')`, `ordersCollection`, `this.collection`. */
function isCollection(receiver: TSESTree.Node, name: string | undefined): boolean {
  const expression = skipTransparent(receiver);
  if (expression.type === AST_NODE_TYPES.CallExpression) return getCalleeName(expression.callee) === 'collection';
  return name !== undefined && /(?:^c|C)ollection$/.test(name);
}

/**
 * A model imported from a model file: a static write on the class (`Order.updateOne(…)`), or an
 * instance write on a document made from it (`new Order(x).save()`, `(await Order.findById(id)).save()`).
 */
function isModelWrite(receiver: TSESTree.Node, member: string, origin: Origin): boolean {
  const steps = dropModelName(origin.steps);
  if (steps.length === 0) {
    const name = getHandleName(receiver);
    if (name === undefined || !MODEL_NAME.test(name)) return false;
    // `orderModel.createOrder(…)`, `OrderModel.addOrderItem(…)`: a model module's own write methods
    if (isNamedWrite(member)) return true;
    if (!MODEL_STATIC_WRITES.has(member)) return false;
    return member !== 'create' || !ENTITY_MODULE.test(origin.module);
  }
  if (!INSTANCE_WRITES.has(member)) return false;
  const [first, second] = steps;
  if (steps.length === 1) return first?.kind === 'new';
  return steps.length === 2 && first?.kind === 'get' && MODEL_INSTANCE_SOURCES.has(first.name) && second?.kind === 'call';
}

/** A model class: `Order`, `orderModel`. */
const MODEL_NAME = /^[A-Z]|Model$/;

/** `Order` in `import { Order } from '../../models/order'`: the class itself. */
function dropModelName(steps: readonly Step[]): readonly Step[] {
  const first = steps[0];
  return first?.kind === 'get' && MODEL_NAME.test(first.name) ? steps.slice(1) : steps;
}

/** `db.insert(orders).values(…)`, `db.update(orders).set(…)`, `db.delete(orders).where(…)`, `db.insertInto('orders')`. */
function isHandleWrite(call: TSESTree.CallExpression, member: string): boolean {
  if (KYSELY_WRITES.has(member)) return true;
  const followUps = FOLLOW_UPS[member];
  const parent = call.parent;
  return (
    followUps !== undefined &&
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === call &&
    followUps.includes(getPropertyName(parent) ?? '')
  );
}

/** Knex through a project module: `db('orders').where(…).update(…)`. */
function isTableBuilderWrite(receiver: TSESTree.Node, member: string, file: FileContext): boolean {
  if (!TABLE_BUILDER_WRITES.has(member)) return false;
  let current = skipTransparent(receiver);
  for (let steps = 0; steps < 12 && current.type === AST_NODE_TYPES.CallExpression; steps += 1) {
    const callee = skipTransparent(current.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const table = current.arguments[0];
      const isTable = table?.type === AST_NODE_TYPES.Literal && typeof table.value === 'string';
      return isTable && DB_HANDLE_NAME.test(callee.name) && isProjectOrigin(getOrigin(callee, file));
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    current = skipTransparent(callee.object);
  }
  return false;
}

/** A Prisma client behind a project module: `db.order.create(…)`, `this.db.payment.update(…)`. */
function isModelDelegateWrite(receiver: TSESTree.Node, member: string, file: FileContext): boolean {
  if (!PRISMA_MODEL_WRITES.has(member)) return false;
  const delegate = skipTransparent(receiver);
  if (delegate.type !== AST_NODE_TYPES.MemberExpression || delegate.computed) return false;
  const client = skipTransparent(delegate.object);
  const name = getHandleName(client);
  return name !== undefined && DB_HANDLE_NAME.test(name) && isProjectOrigin(getOrigin(client, file));
}

/** A write function of the project's data layer: `createOrder(…)` imported from `../db` or `./order.model`. */
export function isProjectDataFunctionWrite(callee: TSESTree.Identifier, file: FileContext): boolean {
  if (!DATA_FUNCTION_NAME.test(callee.name) || DATA_SETUP_MEMBER.test(callee.name)) return false;
  const origin = getOrigin(callee, file);
  return origin !== undefined && isProjectHandle(callee, origin, file) && MODEL_MODULE.test(origin.module);
}

/**
 * A function of the project whose name says it writes (`saveOrder(…)`, `createPayment(…)`),
 * imported from another module. `dataLayer` when that module is a models or database module
 * (`../db`, `./order.model`): evidence enough when the function cannot be read; elsewhere only
 * reading its body confirms it.
 */
export function getProjectWriteFunction(callee: TSESTree.Identifier, file: FileContext): { readonly dataLayer: boolean } | undefined {
  if (!DATA_FUNCTION_NAME.test(callee.name) || DATA_SETUP_MEMBER.test(callee.name)) return undefined;
  const imported = getImportedOrigin(callee, file);
  if (imported) return isProjectOrigin(imported) ? { dataLayer: MODEL_MODULE.test(imported.module) } : undefined;
  return isProjectDataFunctionWrite(callee, file) ? { dataLayer: true } : undefined;
}
