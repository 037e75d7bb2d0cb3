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

/** A publisher class of the project: `new OrderCreatedPublisher(client).publish(…)`, a field typed `KafkaProducerService` or `UserUpdatedPublishService`. */
export const PUBLISHER_CLASS_NAME = /^[A-Z]\w*(?:Publisher|Producer)(?:Service|Client)?$|^[A-Z]\w*Publish(?:Service|Client)$|^(?:[A-Z]\w*)?(?:Kafka|Rabbit(?:MQ|Mq)?|Amqp|Nats|Sqs|Sns|Broker|Messaging)\w*(?:Service|Client)$/;

/** Words of a handle named for a broker: `this.kafka`, `amqp`, `rabbitMQService`, `messageBroker`, `sqsClient`. */
export const BROKER_HANDLE_WORDS: ReadonlySet<string> = new Set(['kafka', 'rabbit', 'rabbitmq', 'amqp', 'nats', 'sqs', 'sns', 'broker']);

/** Members of a broker-named handle that send: `send`, `sendToQueue`, `publishOrderCreated`, `emit`. */
export const BROKER_PUBLISH_MEMBER = /^(?:send|publish|produce|emit|enqueue)(?:[A-Z]\w*)?$/;

/** Members that only a queue publish goes by, whatever the handle is called: `channels.orders.sendToQueue(…)`. */
export const QUEUE_PUBLISH_MEMBERS: ReadonlySet<string> = new Set(['sendToQueue', 'publishToQueue']);

/** A job queue handle: `orderQueue`, `this.emailQueue`; it publishes with `add(name, data)`. */
export const QUEUE_HANDLE_NAME = /(?:^q|Q)ueue$/;

/** Members of a job queue that add a job. */
export const QUEUE_ADD_MEMBERS: ReadonlySet<string> = new Set(['add', 'addBulk']);

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
  'graphql-redis-subscriptions', 'socket.io', 'socket.io-client', 'ws', 'pubsub-js', 'emittery', 'p-queue', 'fastq', 'async',
  'better-queue', 'queue',
]);

/**
 * A function of the project that publishes: `publishOrderCreated(order)`, `produceOrderCreated(order)`,
 * `enqueuePayment(id)`, `dispatchOrderCreated(order)`, `sendToQueue(name, body)`.
 */
export const PUBLISH_FUNCTION_NAME = /^(?:publish|produce|enqueue)(?:[A-Z_]\w*)?$|^queue[A-Z]\w*$|^(?:dispatch|emit)[A-Z]\w*$|^send(?:Event|Message|ToQueue|ToTopic|ToKafka)\w*$/;

/** Module paths of a project's messaging code: `../kafka/producer`, `../events/publishers/…`, `./queue`, `@app/messaging`. */
export const MESSAGING_MODULE = /produc|publish|kafka|rabbit|amqp|nats|queue|broker|pubsub|messag|sqs|sns/i;

/** The module is the project's producer or publisher itself (`../queue/producer.js`): any function it exports sends. */
export const PRODUCER_MODULE = /(?:^|[/.-])(?:producers?|publishers?)(?:\.[cm]?[jt]s)?$/i;

/** Exports of a producer module that set it up rather than send. */
export const SETUP_FUNCTION_NAME = /^(?:connect|disconnect|init|initiali[sz]e|create|start|stop|close|get|setup|shutdown|run)/i;

/**
 * Module specifiers of the project's data layer: model and entity files and database
 * packages of a monorepo (`../models/order`, `./order.model`, `../db/orders`, `@repo/order-db`).
 */
export const MODEL_MODULE = /(?:^|[/@])(?:models?|entities|schemas?|db|database)(?:\/|$)|[./-](?:model|entity|schema)$|[/-]db$/i;

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
  'findByIdAndDelete', 'persist', 'persistAndFlush', 'bulkWrite', 'create', 'createMany',
]);

/** Repository members that build queries rather than write. */
export const REPOSITORY_BUILDERS: ReadonlySet<string> = new Set(['createQueryBuilder', 'createQueryRunner']);

/** Verbs that name a write of the data layer. */
const WRITE_VERBS = 'save|insert|update|upsert|delete|remove|persist|store|create';

/** Repository and model members named for a write: `saveOrder`, `updateStatus`, `deleteById`, `createOrder`, `addOrderItem`. */
export const REPOSITORY_WRITE_PREFIX = new RegExp(`^(?:${WRITE_VERBS}|add)[A-Z]`);

/** Members named like writes that set up a model or a store instead: `addHook`, `addScope`, `createIndex`. */
export const DATA_SETUP_MEMBER = /^(?:add(?:Hook|Scope|Listener|Index|Column|Plugin|Validator|Association)|create(?:Index(?:es)?|Collection|Table|Schema|Connection))/;

/** Functions of a data-layer module named for a write: `createOrder(…)` imported from `../db`. */
export const DATA_FUNCTION_NAME = new RegExp(`^(?:${WRITE_VERBS})[A-Z]\\w*$`);

/** A project's database handle: `import { db } from './db'` (Drizzle, Knex, Kysely behind a module). */
export const DB_HANDLE_NAME = /^(?:db|database|drizzle|knex|trx|tx)$/i;

/** MongoDB collection members that write, on any collection handle. */
export const COLLECTION_WRITES: ReadonlySet<string> = new Set([
  'insertOne', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne', 'bulkWrite',
  'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete',
]);
