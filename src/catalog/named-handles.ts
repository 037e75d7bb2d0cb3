/**
 * Handles that come from the project's own modules (`import { producer } from './kafka'`,
 * `import { Order } from '../models/order'`, `private readonly ordersRepository: OrdersRepository`)
 * cannot be traced to a library by origin. These names and call shapes say what they wrap,
 * clearly enough to count them as publishes and database writes when nothing else is known.
 */

/** A producer handle: `producer`, `kafkaProducer`, `this.producer`, `order_producer`. */
export const PRODUCER_HANDLE_NAME = /^producers?$|(?:[a-z0-9]Producer|_producer)s?$/;

/**
 * A publisher handle: `publisher`, `orderPublisher`. Publishers also post articles and
 * packages, so a call through one counts only when its arguments look like a message.
 */
export const PUBLISHER_HANDLE_NAME = /^publishers?$|(?:[a-z0-9]Publisher|_publisher)s?$/;

/** Argument keys and names of a message: its topic, subject, routing, or body. */
export const MESSAGE_KEYS = /^(?:topic|subject|channel|event|eventName|eventType|type|pattern|messages?|value|key|payload|data|body|routingKey|exchange|queue|headers)$/;
export const MESSAGE_NAME = /topic|subject|channel|event|queue|exchange|routing|pattern/i;

/** A publisher class of the project: `new OrderCreatedPublisher(client).publish(…)`. */
export const PUBLISHER_CLASS_NAME = /^[A-Z]\w*(?:Publisher|Producer)$/;

/** Members of a named producer or publisher that send a message. */
export const NAMED_PUBLISH_MEMBERS: ReadonlySet<string> = new Set([
  'send', 'sendBatch', 'sendMessage', 'sendMessages', 'sendEvent', 'publish', 'publishEvent', 'publishMessage', 'produce', 'emit',
]);

/**
 * Modules whose producers and publishers stay in the process (event emitters, in-memory
 * buses, websockets): a publish through them is not a second durable write.
 */
export const IN_PROCESS_MODULES: ReadonlySet<string> = new Set([
  'events', 'eventemitter2', 'eventemitter3', 'mitt', 'rxjs', '@nestjs/cqrs', '@nestjs/event-emitter', 'graphql-subscriptions',
  'graphql-redis-subscriptions', 'socket.io', 'socket.io-client', 'ws', 'pubsub-js', 'emittery',
]);

/**
 * Module specifiers of the project's data layer: model and entity files and database
 * packages of a monorepo (`../models/order`, `./order.model`, `@repo/order-db`).
 */
export const MODEL_MODULE = /(?:^|[/@])(?:models?|entities|schemas?)(?:\/|$)|[./-](?:model|entity|schema)$|[/-]db$|(?:^|\/)database$/i;

/** Static members of a model class that write: Mongoose, Sequelize and ActiveRecord-style models. */
export const MODEL_STATIC_WRITES: ReadonlySet<string> = new Set([
  'create', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne', 'bulkWrite', 'bulkCreate',
  'findByIdAndUpdate', 'findOneAndUpdate', 'findOneAndReplace', 'findByIdAndDelete', 'findOneAndDelete', 'findByIdAndRemove',
  'findOneAndRemove', 'update', 'upsert', 'destroy', 'insert', 'delete',
]);

/** TypeORM entities (`BaseEntity`): `create` builds an instance without saving it. */
export const ENTITY_MODULE = /entit(?:y|ies)/i;

/** Static members of a model class that return a document or an instance (whose `save()` writes). */
export const MODEL_INSTANCE_SOURCES: ReadonlySet<string> = new Set([
  'build', 'create', 'findById', 'findOne', 'findByPk', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'hydrate',
]);

/** Members of a model instance that write. */
export const INSTANCE_WRITES: ReadonlySet<string> = new Set(['save', 'destroy', 'deleteOne', 'remove']);

/** A repository or data-access handle: `ordersRepository`, `this.orderRepo`. */
export const REPOSITORY_NAME = /(?:^r|R)epo(?:sitory)?$/;

/** Members of a project repository that write. */
export const REPOSITORY_WRITES: ReadonlySet<string> = new Set([
  'save', 'saveMany', 'insert', 'insertOne', 'insertMany', 'update', 'updateOne', 'updateMany', 'upsert', 'delete', 'deleteOne',
  'deleteMany', 'remove', 'softDelete', 'increment', 'decrement', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete',
  'findByIdAndDelete', 'persist', 'persistAndFlush', 'bulkWrite',
]);

/** Repository members named for a write: `saveOrder`, `updateStatus`, `deleteById`. */
export const REPOSITORY_WRITE_PREFIX = /^(?:save|insert|update|upsert|delete|remove|persist|store)[A-Z]/;

/** Option keys that run a repository call in a database transaction: `create(doc, { session })`. */
export const TRANSACTION_OPTION_KEYS: ReadonlySet<string> = new Set(['session', 'transaction', 'trx', 'tx', 'manager']);

/** A project's database handle: `import { db } from './db'` (Drizzle, Knex, Kysely behind a module). */
export const DB_HANDLE_NAME = /^(?:db|database|drizzle|knex|trx|tx)$/i;

/** MongoDB collection members that write, on any collection handle. */
export const COLLECTION_WRITES: ReadonlySet<string> = new Set([
  'insertOne', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne', 'bulkWrite',
  'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete',
]);
