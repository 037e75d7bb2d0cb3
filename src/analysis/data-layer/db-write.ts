/**
 * Recognises database writes by origin: Prisma model delegates, TypeORM repositories and
 * managers, Knex table builders, Sequelize models, Mongoose models and documents, the
 * MongoDB driver, Drizzle, Kysely, MikroORM, and `pg`/`mysql2` queries whose SQL writes.
 * Writes to an outbox table are told apart from business writes.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { DATABASE_FAMILIES, DATABASE_ROOTS, type DatabaseFamily, OUTBOX_NAME } from '../../catalog/databases.js';
import { getPropertyName, getThisClass, isFunctionNode, skipTransparent, type FunctionNode } from '../code/ast.js';
import { type ConfigArgument, FamilyCatalog } from '../code/families.js';
import type { FileContext } from '../code/file-context.js';
import { getOrigin } from '../code/origin.js';
import { formatCalleeLabel } from '../../util/callee-label.js';
import { getProjectWriteFunction, isProjectDataWrite, isProjectWriteMember } from './project-db-write.js';
import { readCallee, type Reading } from '../code/callees.js';
import { mentionsDatabase } from '../file-filter.js';
import { evaluateTemplate, getStaticText } from '../code/template.js';
import { isWriteSql } from './write-sql.js';

const DATABASES = new FamilyCatalog(DATABASE_ROOTS, new Map(DATABASE_FAMILIES.map((family) => [family.id, family])));

const PRISMA = DATABASE_FAMILIES.find((family) => family.id === 'prisma')!;

/** Every member a database library writes with. */
const LIBRARY_WRITE_MEMBERS: ReadonlySet<string> = new Set(DATABASE_FAMILIES.flatMap((family) => family.writes));

/** Models, repositories and database handles of the project's own data layer, known by name and shape. */
const PROJECT_DATA_LAYER: DatabaseFamily = { id: 'project', label: 'the database', shape: 'member', writes: [] };

export interface DbWrite {
  readonly node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
  readonly family: DatabaseFamily;
  /** `orders.save`, `prisma.order.create`: the callee as written, for messages */
  readonly label: string;
  /** an insert into an outbox table/model/entity rather than a business write */
  readonly isOutbox: boolean;
}

export function describeDbWrite(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, file: FileContext): DbWrite | undefined {
  const callee = skipTransparent(node.type === AST_NODE_TYPES.CallExpression ? node.callee : node.tag);
  if (callee.type === AST_NODE_TYPES.Identifier && node.type === AST_NODE_TYPES.CallExpression) {
    const named = getProjectWriteFunction(callee, file);
    if (!named) return undefined;
    // a write function of another module is confirmed by reading it, when it can be read; by its module's name when not
    const read = readProjectWrite(node, file);
    if (read) return read.found && { node, family: PROJECT_DATA_LAYER, label: callee.name, isOutbox: read.found.isOutbox || OUTBOX_NAME.test(callee.name) };
    return named.dataLayer ? { node, family: PROJECT_DATA_LAYER, label: callee.name, isOutbox: OUTBOX_NAME.test(callee.name) } : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const member = getPropertyName(callee);
  if (member === undefined) return undefined;
  // by name first: most member calls are no write, and their receivers need not be traced
  if (!LIBRARY_WRITE_MEMBERS.has(member) && !member.startsWith('$executeRaw') && !isProjectWriteMember(member)) return undefined;
  const label = formatCalleeLabel(file.getText(callee));
  const receiver = skipTransparent(callee.object);
  const make = (family: DatabaseFamily, configs: readonly ConfigArgument[] = []): DbWrite => ({
    node,
    family,
    label,
    isOutbox: isOutboxWrite(node, receiver, configs, file),
  });

  const receiverOrigin = getOrigin(receiver, file);
  const match = receiverOrigin && DATABASES.match(receiverOrigin);
  if (match) {
    const { family, rest, configs } = match;
    const direct = rest.length === 0 && family.writes.includes(member);
    switch (family.shape) {
      case 'member':
        if (direct) return make(family, configs);
        break;
      case 'model-member':
        if (rest.length === 0 && member.startsWith('$executeRaw')) return make(family, configs);
        if (rest.length === 1 && rest[0]!.kind === 'get' && family.writes.includes(member)) return make(family, configs);
        break;
      case 'sql':
        if (direct && node.type === AST_NODE_TYPES.CallExpression && isWriteSql(node, file)) return make(family, configs);
        break;
      case 'table-chain':
        // `db.insert(row).into('orders')`: a write started on the instance; table builders are handled below
        if (direct) return make(family, configs);
        break;
    }
  }
  if (member === 'execute') {
    const builder = getQueryBuilderWrite(receiver, file);
    if (builder) return make(builder.family, builder.entity ? [{ node: builder.entity, env: undefined }] : []);
  }
  const knex = getKnexTableChain(receiver, file);
  if (knex && knex.family.writes.includes(member)) return make(knex.family, [{ node: knex.table, env: undefined }]);
  if (isPrismaLike(receiver, member, file)) return make(PRISMA);
  if (node.type === AST_NODE_TYPES.CallExpression && isProjectDataWrite(node, receiver, member, file)) {
    // a repository or model method of another module is confirmed by reading it, when it can be read
    const read = readProjectWrite(node, file);
    if (!read) return make(PROJECT_DATA_LAYER);
    return read.found && { node, family: PROJECT_DATA_LAYER, label, isOutbox: read.found.isOutbox || isOutboxWrite(node, receiver, [], file) };
  }
  return undefined;
}

/** The database write the project function a call enters makes (read through the project layer), if it can be read. */
export function readProjectWrite(call: TSESTree.CallExpression, file: FileContext): Reading<DbWrite> | undefined {
  return readCallee(call, file, describeDbWrite, mentionsDatabase);
}

const QUERY_BUILDER_WRITES = new Set(['insert', 'update', 'delete', 'softDelete', 'restore', 'orUpdate', 'orIgnore']);

/**
 * TypeORM's query builder: `repo.createQueryBuilder().update(Order).set(…).where(…).execute()`
 * writes when the chain holds insert/update/delete.
 */
function getQueryBuilderWrite(receiver: TSESTree.Node, file: FileContext): { family: DatabaseFamily; entity: TSESTree.Node | undefined } | undefined {
  let current = skipTransparent(receiver);
  let writes = false;
  let entity: TSESTree.Node | undefined;
  for (let steps = 0; steps < 16 && current.type === AST_NODE_TYPES.CallExpression; steps += 1) {
    const callee = skipTransparent(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = getPropertyName(callee) ?? '';
    if (QUERY_BUILDER_WRITES.has(name)) writes = true;
    if ((name === 'into' || name === 'update' || name === 'from' || name === 'createQueryBuilder') && current.arguments[0]) {
      entity ??= current.arguments[0];
    }
    if (name === 'createQueryBuilder') {
      const origin = getOrigin(callee.object, file);
      const match = origin && DATABASES.match(origin);
      return writes && match && match.rest.length === 0 && match.family.id.startsWith('typeorm') ? { family: match.family, entity } : undefined;
    }
    current = skipTransparent(callee.object);
  }
  return undefined;
}

/** `knex('orders').where(…)` → the table builder at the chain's start, for `.update(…)` on it. */
function getKnexTableChain(receiver: TSESTree.Node, file: FileContext): { family: DatabaseFamily; table: TSESTree.Node } | undefined {
  let current = skipTransparent(receiver);
  for (let steps = 0; steps < 12 && current.type === AST_NODE_TYPES.CallExpression; steps += 1) {
    const callee = skipTransparent(current.callee);
    // db('orders') — calling the knex instance starts a table builder
    const origin = getOrigin(callee, file);
    const match = origin && DATABASES.match(origin);
    if (match && match.family.shape === 'table-chain' && match.rest.length === 0) {
      const table = current.arguments[0];
      return table ? { family: match.family, table } : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = getPropertyName(callee);
    if (name === 'table' || name === 'from' || name === 'into') {
      const objectOrigin = getOrigin(callee.object, file);
      const objectMatch = objectOrigin && DATABASES.match(objectOrigin);
      if (objectMatch && objectMatch.family.shape === 'table-chain' && objectMatch.rest.length === 0) {
        const table = current.arguments[0];
        return table ? { family: objectMatch.family, table } : undefined;
      }
    }
    current = skipTransparent(callee.object);
  }
  return undefined;
}

/**
 * Prisma clients are usually injected as a project class (`PrismaService extends PrismaClient`
 * declared in another file): `this.prisma.order.create(…)`, or `tx.order.create(…)` inside
 * `$transaction(async (tx) => …)`.
 */
function isPrismaLike(receiver: TSESTree.Node, member: string, file: FileContext): boolean {
  if (!PRISMA.writes.includes(member)) return false;
  if (receiver.type !== AST_NODE_TYPES.MemberExpression) return false; // needs `client.model`
  const client = skipTransparent(receiver.object);
  const name =
    client.type === AST_NODE_TYPES.Identifier
      ? client.name
      : client.type === AST_NODE_TYPES.MemberExpression
        ? getPropertyName(client)
        : undefined;
  if (name !== undefined && /prisma/i.test(name)) return true;
  if (client.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = file.getBinding(client);
  if (binding?.kind !== 'parameter') return false;
  const fn = binding.variable.defs[0]?.node;
  return fn !== undefined && isFunctionNode(fn) && getTransactionCallee(fn) === '$transaction';
}

/** The member name of the call a callback is passed to: `$transaction`, `transaction`. */
function getTransactionCallee(fn: FunctionNode): string | undefined {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => argument === fn)) return undefined;
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
}

const TRANSACTION_MEMBERS = new Set(['$transaction', 'transaction', 'transactional', 'withTransaction', 'execute']);

export interface TransactionScope {
  /** the callback running inside the transaction */
  readonly fn: FunctionNode;
  /** the handle parameter (`tx`, `manager`, `trx`), when the callback names one */
  readonly handle: TSESTree.Identifier | undefined;
}

/** The innermost transaction callback around a node. */
export function getTransactionScope(node: TSESTree.Node): TransactionScope | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const member = getTransactionCallee(current);
    if (member !== undefined && TRANSACTION_MEMBERS.has(member)) {
      const first = current.params[0];
      return { fn: current, handle: first?.type === AST_NODE_TYPES.Identifier ? first : undefined };
    }
  }
  return undefined;
}

function isOutboxWrite(
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
  receiver: TSESTree.Node,
  configs: readonly ConfigArgument[],
  file: FileContext,
): boolean {
  const names: string[] = [file.getText(receiver)];
  for (const config of configs) names.push(file.getText(config.node));
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    names.push(node.quasi.quasis.map((quasi) => quasi.value.raw).join(' '));
  } else {
    const first = node.arguments[0];
    if (first && first.type !== AST_NODE_TYPES.SpreadElement) {
      const value = skipTransparent(first);
      if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.Literal) names.push(file.getText(value));
      else if (value.type === AST_NODE_TYPES.NewExpression) names.push(file.getText(value.callee));
      else if (value.type === AST_NODE_TYPES.TemplateLiteral) names.push(getStaticText(evaluateTemplate(value, file)) ?? '');
      if (value.type === AST_NODE_TYPES.Identifier) {
        const binding = file.getBinding(value);
        if (binding?.kind === 'value') names.push(file.getText(binding.node).slice(0, 200));
      }
    }
  }
  const receiverNode = skipTransparent(receiver);
  if (receiverNode.type === AST_NODE_TYPES.MemberExpression && receiverNode.object.type === AST_NODE_TYPES.ThisExpression) {
    // @InjectRepository(OutboxMessage) private readonly outbox: Repository<OutboxMessage>
    const type = getMemberTypeText(receiverNode, file);
    if (type) names.push(type);
  }
  return names.some((name) => OUTBOX_NAME.test(name));
}

function getMemberTypeText(member: TSESTree.MemberExpression, file: FileContext): string | undefined {
  const cls = getThisClass(member);
  const name = getPropertyName(member);
  const info = cls && name !== undefined ? file.getClassMember(cls, name) : undefined;
  return info?.type ? file.getText(info.type) : undefined;
}

/** Database family names used for transaction handles, by the family of a write made with them. */
const HANDLE_FAMILY_BY_WRITE: Readonly<Record<string, string>> = {
  prisma: 'prisma',
  'typeorm-manager': 'typeorm-manager',
  'typeorm-repository': 'typeorm-manager',
  knex: 'knex',
  'sequelize-model': 'sequelize-transaction',
  drizzle: 'drizzle',
  kysely: 'kysely',
  'mikro-orm': 'mikro-orm',
};

/** The database family of a transaction handle: from its origin, else from a write made in its callback. */
export function getDatabaseFamilyOf(handle: TSESTree.Identifier, write: DbWrite, file: FileContext): string | undefined {
  const origin = getOrigin(handle, file);
  const match = origin && DATABASES.match(origin);
  if (match && match.rest.length === 0) return match.family.id;
  return HANDLE_FAMILY_BY_WRITE[write.family.id];
}
