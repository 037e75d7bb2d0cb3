/**
 * Message-consumer handlers as data: code running inside them is the receiving end of a
 * durable delivery (the broker redelivers on failure), so a synchronous call there cannot
 * lose the write.
 */

/** Object keys whose function value handles messages: kafkajs `consumer.run({ eachMessage })`, sqs-consumer, Azure. */
export const HANDLER_KEYS: ReadonlySet<string> = new Set([
  'eachMessage',
  'eachBatch',
  'handleMessage',
  'handleMessageBatch',
  'processMessage',
  'processMessages',
]);

/** Method decorators (by imported name and module) that make a method a consumer handler. */
export const HANDLER_DECORATORS: readonly { readonly name: string; readonly modules: readonly string[] }[] = [
  { name: 'EventPattern', modules: ['@nestjs/microservices'] },
  { name: 'MessagePattern', modules: ['@nestjs/microservices'] },
  { name: 'Process', modules: ['@nestjs/bull', '@nestjs/bullmq'] },
  { name: 'RabbitSubscribe', modules: ['@golevelup/nestjs-rabbitmq'] },
  { name: 'RabbitRPC', modules: ['@golevelup/nestjs-rabbitmq'] },
  { name: 'SqsMessageHandler', modules: ['@ssut/nestjs-sqs'] },
  { name: 'SqsConsumerEventHandler', modules: ['@ssut/nestjs-sqs'] },
  { name: 'OnOutboxEvent', modules: ['@nestarc/outbox'] },
];

/** Class decorators that make every method of the class a consumer (NestJS queue processors). */
export const CONSUMER_CLASS_DECORATORS: readonly { readonly name: string; readonly modules: readonly string[] }[] = [
  { name: 'Processor', modules: ['@nestjs/bull', '@nestjs/bullmq'] },
];

/** Base classes of consumer classes: `class OrdersProcessor extends WorkerHost`. */
export const CONSUMER_BASE_CLASSES: readonly { readonly name: string; readonly modules: readonly string[] }[] = [
  { name: 'WorkerHost', modules: ['@nestjs/bullmq'] },
];

/** Constructors whose function argument is a consumer: bullmq `new Worker(name, processor)`. */
export const CONSUMER_CONSTRUCTORS: readonly { readonly module: string; readonly name: string; readonly handler: number }[] = [
  { module: 'bullmq', name: 'Worker', handler: 1 },
];

/** Member names that register a consumer callback on a broker handle, when the handle's origin is known. */
export const CONSUMER_MEMBERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['bull-queue', ['process']],
  ['amqp-channel', ['consume']],
  ['pg-boss', ['work']],
  ['pubsub-subscription', ['on']],
  ['nats', ['subscribe']],
  ['jetstream', ['consume', 'subscribe']],
  ['redis', ['xread', 'xreadgroup']],
]);

/** Event types of serverless queue triggers: a Lambda handler whose event is one of these is a consumer. */
export const QUEUE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'SQSEvent',
  'SNSEvent',
  'KinesisStreamEvent',
  'EventBridgeEvent',
  'DynamoDBStreamEvent',
  'MSKEvent',
  'SelfManagedKafkaEvent',
]);

/**
 * Schedulers that run a function again and again: node-cron `cron.schedule(expr, fn)`,
 * node-schedule `scheduleJob(rule, fn)`, cron `new CronJob(expr, fn)`, and the timer
 * `setInterval(fn, ms)`. `handler` is the function's argument position.
 */
export const SCHEDULER_CALLS: readonly { readonly module: string; readonly path: readonly string[]; readonly handler: number }[] = [
  { module: 'global', path: ['setInterval'], handler: 0 },
  { module: 'timers', path: ['setInterval'], handler: 0 },
  { module: 'node-cron', path: ['schedule'], handler: 1 },
  { module: 'node-cron', path: ['default', 'schedule'], handler: 1 },
  { module: 'node-schedule', path: ['scheduleJob'], handler: 1 },
  { module: 'node-schedule', path: ['default', 'scheduleJob'], handler: 1 },
  { module: 'cron', path: ['CronJob'], handler: 1 },
];

/** Decorators of methods a scheduler runs again and again: `@Cron('0 * * * *')`, `@Interval(60_000)`. */
export const SCHEDULE_DECORATORS: readonly { readonly name: string; readonly modules: readonly string[] }[] = [
  { name: 'Cron', modules: ['@nestjs/schedule'] },
  { name: 'Interval', modules: ['@nestjs/schedule'] },
];

/** Member names that write rows: `Booking.updateOne(…)`, `prisma.market.updateMany(…)`, `repository.save(…)`. */
export const ROW_WRITES: ReadonlySet<string> = new Set([
  'update', 'updateOne', 'updateMany', 'save', 'insert', 'insertMany', 'create', 'createMany', 'upsert', 'delete', 'deleteOne',
  'deleteMany', 'destroy', 'remove', 'findOneAndUpdate', 'findByIdAndUpdate', 'bulkWrite',
]);

/** Member names that read rows: `Booking.find(…)`, `prisma.order.findMany()`, `repository.findBy(…)`, `db.query(…)`. */
export const ROW_READS: ReadonlySet<string> = new Set([
  'find', 'findMany', 'findAll', 'findBy', 'findAndCount', 'findAndCountAll', 'query', 'select', 'aggregate', 'scan',
]);

/** A repository's own query, named for what it finds: `findDispatchReady(threshold)`, `findPendingPayouts()`. */
export const ROW_READ_NAME = /^find[A-Z]/;
