/**
 * Database writes by origin, as data: ORMs and drivers, the handles they hand out
 * (repositories, managers, transaction handles) and which members write. Reads never count.
 */
import { getPackageName } from '../util/package-name.js';

export type WriteShape =
  /** `handle.op(…)`: the member called writes */
  | 'member'
  /** `handle.model.op(…)`: Prisma's model delegates */
  | 'model-member'
  /** `handle.query(sql)` / `execute(sql)`: writes when the SQL is INSERT/UPDATE/DELETE/MERGE */
  | 'sql'
  /** `knex('table')….insert(…)`: a builder chain that starts at a table and ends in a write */
  | 'table-chain';

export interface DatabaseFamily {
  readonly id: string;
  readonly label: string;
  readonly shape: WriteShape;
  /** members that write (for `sql`, the members that run SQL) */
  readonly writes: readonly string[];
  readonly factories?: Readonly<Record<string, { readonly via: 'call' | 'property' | 'new'; readonly kind: string; readonly configArg?: number }>>;
  /** members that run a callback inside a transaction, and which argument/parameter is the handle */
  readonly transactions?: Readonly<Record<string, { readonly arg: number | 'last'; readonly param: number; readonly kind: string }>>;
}

export interface DatabaseRoot {
  readonly module: string;
  readonly path: readonly string[];
  readonly kind: string;
}

const PRISMA_WRITES = [
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete',
  'deleteMany', '$executeRaw', '$executeRawUnsafe',
];
const TYPEORM_WRITES = [
  'save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'increment', 'decrement',
];
const KNEX_WRITES = ['insert', 'update', 'del', 'delete', 'upsert', 'increment', 'decrement'];
const SEQUELIZE_WRITES = ['create', 'bulkCreate', 'update', 'destroy', 'upsert', 'increment', 'decrement', 'restore'];
const MONGOOSE_WRITES = [
  'create', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findByIdAndUpdate',
  'findOneAndReplace', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndRemove', 'findByIdAndRemove', 'deleteOne',
  'deleteMany', 'bulkWrite', 'bulkSave',
];
const MIKRO_WRITES = [
  'persistAndFlush', 'flush', 'removeAndFlush', 'nativeInsert', 'nativeUpdate', 'nativeDelete', 'insert', 'insertMany',
  'upsert', 'upsertMany',
];

export const DATABASE_FAMILIES: readonly DatabaseFamily[] = [
  {
    id: 'prisma',
    label: 'Prisma',
    shape: 'model-member',
    writes: PRISMA_WRITES,
    transactions: { $transaction: { arg: 0, param: 0, kind: 'prisma' } },
  },
  {
    id: 'typeorm-source',
    label: 'TypeORM',
    shape: 'member',
    writes: [],
    factories: {
      getRepository: { via: 'call', kind: 'typeorm-repository', configArg: 0 },
      manager: { via: 'property', kind: 'typeorm-manager' },
      createQueryRunner: { via: 'call', kind: 'typeorm-runner' },
    },
    transactions: { transaction: { arg: 'last', param: 0, kind: 'typeorm-manager' } },
  },
  {
    id: 'typeorm-manager',
    label: 'TypeORM',
    shape: 'member',
    writes: TYPEORM_WRITES,
    factories: { getRepository: { via: 'call', kind: 'typeorm-repository', configArg: 0 } },
    transactions: { transaction: { arg: 'last', param: 0, kind: 'typeorm-manager' } },
  },
  { id: 'typeorm-runner', label: 'TypeORM', shape: 'member', writes: [], factories: { manager: { via: 'property', kind: 'typeorm-manager' } } },
  { id: 'typeorm-repository', label: 'TypeORM', shape: 'member', writes: TYPEORM_WRITES },
  {
    id: 'knex',
    label: 'Knex',
    shape: 'table-chain',
    writes: KNEX_WRITES,
    transactions: { transaction: { arg: 0, param: 0, kind: 'knex' } },
  },
  {
    id: 'sequelize',
    label: 'Sequelize',
    shape: 'sql',
    writes: ['query'],
    factories: { define: { via: 'call', kind: 'sequelize-model' } },
    transactions: { transaction: { arg: 'last', param: 0, kind: 'sequelize-transaction' } },
  },
  { id: 'sequelize-transaction', label: 'Sequelize', shape: 'member', writes: [] },
  {
    id: 'sequelize-model',
    label: 'Sequelize',
    shape: 'member',
    writes: SEQUELIZE_WRITES,
    factories: {
      new: { via: 'new', kind: 'sequelize-instance' },
      build: { via: 'call', kind: 'sequelize-instance' },
      findByPk: { via: 'call', kind: 'sequelize-instance' },
      findOne: { via: 'call', kind: 'sequelize-instance' },
    },
  },
  { id: 'sequelize-instance', label: 'Sequelize', shape: 'member', writes: ['save', 'update', 'destroy', 'increment', 'decrement'] },
  {
    id: 'mongoose-model',
    label: 'Mongoose',
    shape: 'member',
    writes: MONGOOSE_WRITES,
    factories: {
      new: { via: 'new', kind: 'mongoose-document' },
      findById: { via: 'call', kind: 'mongoose-document' },
      findOne: { via: 'call', kind: 'mongoose-document' },
      hydrate: { via: 'call', kind: 'mongoose-document' },
    },
  },
  {
    id: 'mongoose-document',
    label: 'Mongoose',
    shape: 'member',
    writes: ['save', 'deleteOne', 'updateOne'],
    // `Order.findById(id).exec()`, `.orFail()`, `.session(s)`: still the document once awaited
    factories: {
      exec: { via: 'call', kind: 'mongoose-document' },
      orFail: { via: 'call', kind: 'mongoose-document' },
      session: { via: 'call', kind: 'mongoose-document' },
    },
  },
  {
    id: 'mongo-collection',
    label: 'MongoDB',
    shape: 'member',
    writes: ['insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany', 'bulkWrite', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace'],
  },
  { id: 'mongo-client', label: 'MongoDB', shape: 'member', writes: [], factories: { db: { via: 'call', kind: 'mongo-db' } } },
  { id: 'mongo-db', label: 'MongoDB', shape: 'member', writes: [], factories: { collection: { via: 'call', kind: 'mongo-collection', configArg: 0 } } },
  {
    id: 'drizzle',
    label: 'Drizzle',
    shape: 'member',
    writes: ['insert', 'update', 'delete'],
    transactions: { transaction: { arg: 0, param: 0, kind: 'drizzle' } },
  },
  {
    id: 'kysely',
    label: 'Kysely',
    shape: 'member',
    writes: ['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'],
    factories: { transaction: { via: 'call', kind: 'kysely-transaction' } },
  },
  { id: 'kysely-transaction', label: 'Kysely', shape: 'member', writes: [], transactions: { execute: { arg: 0, param: 0, kind: 'kysely' } } },
  {
    id: 'mikro-orm',
    label: 'MikroORM',
    shape: 'member',
    writes: MIKRO_WRITES,
    transactions: { transactional: { arg: 0, param: 0, kind: 'mikro-orm' } },
  },
  { id: 'sql-pool', label: 'SQL', shape: 'sql', writes: ['query', 'execute'], factories: { connect: { via: 'call', kind: 'sql-pool' }, getConnection: { via: 'call', kind: 'sql-pool' } } },
];

const root = (module: string, path: readonly string[], kind: string): DatabaseRoot => ({ module, path, kind });
const typed = (module: string, names: readonly string[], kind: string): DatabaseRoot[] =>
  names.map((name) => root(module, [name, '<instance>'], kind));

const DRIZZLE_DRIVERS = [
  'node-postgres', 'postgres-js', 'mysql2', 'better-sqlite3', 'neon-http', 'neon-serverless', 'libsql', 'pglite',
  'bun-sqlite', 'd1', 'vercel-postgres', 'planetscale-serverless', 'aws-data-api/pg', 'sqlite-proxy', 'pg-proxy',
  'mysql-proxy', 'singlestore', 'tidb-serverless', 'xata-http', 'expo-sqlite', 'op-sqlite',
];
const MIKRO_MODULES = ['@mikro-orm/core', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/mariadb', '@mikro-orm/sqlite', '@mikro-orm/mongodb', '@mikro-orm/knex', '@mikro-orm/better-sqlite', '@mikro-orm/libsql', '@mikro-orm/mssql'];

export const DATABASE_ROOTS: readonly DatabaseRoot[] = [
  root('@prisma/client', ['PrismaClient', 'new'], 'prisma'),
  ...typed('@prisma/client', ['PrismaClient'], 'prisma'),
  root('@prisma/client', ['Prisma', 'TransactionClient', '<instance>'], 'prisma'),
  root('typeorm', ['DataSource', 'new'], 'typeorm-source'),
  ...typed('typeorm', ['DataSource', 'Connection'], 'typeorm-source'),
  ...typed('typeorm', ['EntityManager'], 'typeorm-manager'),
  ...typed('typeorm', ['QueryRunner'], 'typeorm-runner'),
  ...typed('typeorm', ['Repository', 'TreeRepository', 'MongoRepository'], 'typeorm-repository'),
  root('typeorm', ['BaseEntity'], 'typeorm-repository'),
  root('typeorm', ['getManager', '()'], 'typeorm-manager'),
  root('typeorm', ['getRepository', '()'], 'typeorm-repository'),
  root('typeorm', ['getConnection', '()'], 'typeorm-source'),
  root('knex', ['()'], 'knex'),
  root('knex', ['knex', '()'], 'knex'),
  ...typed('knex', ['Knex'], 'knex'),
  root('knex', ['Knex', 'Transaction', '<instance>'], 'knex'),
  root('sequelize', ['Sequelize', 'new'], 'sequelize'),
  root('sequelize', ['new'], 'sequelize'),
  ...typed('sequelize', ['Sequelize'], 'sequelize'),
  ...typed('sequelize', ['Transaction'], 'sequelize-transaction'),
  root('sequelize', ['Model'], 'sequelize-model'),
  root('sequelize-typescript', ['Model'], 'sequelize-model'),
  root('sequelize-typescript', ['Sequelize', 'new'], 'sequelize'),
  root('mongoose', ['model', '()'], 'mongoose-model'),
  root('mongoose', ['connection', 'model', '()'], 'mongoose-model'),
  ...typed('mongoose', ['Model'], 'mongoose-model'),
  root('mongodb', ['MongoClient', 'new'], 'mongo-client'),
  ...typed('mongodb', ['MongoClient'], 'mongo-client'),
  ...typed('mongodb', ['Db'], 'mongo-db'),
  ...typed('mongodb', ['Collection'], 'mongo-collection'),
  ...DRIZZLE_DRIVERS.map((driver) => root(`drizzle-orm/${driver}`, ['drizzle', '()'], 'drizzle')),
  root('kysely', ['Kysely', 'new'], 'kysely'),
  ...typed('kysely', ['Kysely', 'Transaction'], 'kysely'),
  ...MIKRO_MODULES.flatMap((module) => typed(module, ['EntityManager', 'SqlEntityManager'], 'mikro-orm')),
  root('pg', ['Pool', 'new'], 'sql-pool'),
  root('pg', ['Client', 'new'], 'sql-pool'),
  ...typed('pg', ['Pool', 'PoolClient', 'Client'], 'sql-pool'),
  root('mysql2', ['createPool', '()'], 'sql-pool'),
  root('mysql2', ['createConnection', '()'], 'sql-pool'),
  root('mysql2/promise', ['createPool', '()'], 'sql-pool'),
  root('mysql2/promise', ['createConnection', '()'], 'sql-pool'),
  ...typed('mysql2/promise', ['Pool', 'Connection', 'PoolConnection'], 'sql-pool'),
];

/**
 * Packages a service stores its own data with (drivers, ORMs and their framework modules), as
 * named in a package.json; a cache (Redis) is not a store of record and is not listed.
 */
export const DATABASE_PACKAGES: ReadonlySet<string> = new Set([
  ...DATABASE_ROOTS.map((entry) => getPackageName(entry.module)),
  'prisma', '@nestjs/typeorm', '@nestjs/mongoose', '@nestjs/sequelize', '@mikro-orm/nestjs', '@typegoose/typegoose',
  'mysql', 'postgres', 'sqlite3', 'better-sqlite3', 'mssql', 'oracledb', 'objection', '@neondatabase/serverless',
  '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', 'dynamoose', 'cassandra-driver',
]);

/** Names of outbox tables, models and entities: a write to one is the outbox, not a business write. */
export const OUTBOX_NAME = /outbox|integration[_-]?events?|domain[_-]?events?|event[_-]?store|event[_-]?log/i;

/** SQL statements that write. */
export const WRITE_SQL = /^\s*(?:with\b[\s\S]*?\)\s*)?(?:insert|update|delete|merge|upsert|replace)\b/i;
