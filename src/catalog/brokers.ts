/**
 * Durable publish APIs (queues, brokers, workflow engines) as data: where each client comes
 * from, which members publish, and which members are request–reply look-alikes. Used to
 * recognise mitigations, the dual-write rule's publishes, and broker handles that the
 * suggestions can publish with.
 */

export interface Family {
  readonly id: string;
  readonly label: string;
  /** members whose call publishes durably */
  readonly publish: readonly string[];
  /** members that create another handle: `kafka.producer()`, `conn.createChannel()` */
  readonly factories?: Readonly<Record<string, { readonly via: 'call' | 'property'; readonly kind: string }>>;
  /** a publish that needs a command object: AWS SDK v3 `client.send(new SendMessageCommand(…))` */
  readonly commandPattern?: RegExp;
}

export interface FamilyRoot {
  readonly module: string;
  readonly path: readonly string[];
  readonly kind: string;
}

export const BROKER_FAMILIES: readonly Family[] = [
  { id: 'kafka-client', label: 'Kafka', publish: [], factories: { producer: { via: 'call', kind: 'kafka-producer' } } },
  {
    id: 'kafka-producer',
    label: 'Kafka',
    publish: ['send', 'sendBatch'],
    factories: { transaction: { via: 'call', kind: 'kafka-producer' } },
  },
  { id: 'bull-queue', label: 'BullMQ', publish: ['add', 'addBulk'] },
  { id: 'bull-flow', label: 'BullMQ', publish: ['add', 'addBulk'] },
  {
    id: 'amqp-connection',
    label: 'RabbitMQ',
    publish: [],
    factories: {
      createChannel: { via: 'call', kind: 'amqp-channel' },
      createConfirmChannel: { via: 'call', kind: 'amqp-channel' },
    },
  },
  { id: 'amqp-channel', label: 'RabbitMQ', publish: ['publish', 'sendToQueue'] },
  { id: 'nest-client', label: 'NestJS microservices', publish: ['emit', 'dispatchEvent'] },
  { id: 'aws-v3', label: 'AWS', publish: ['send'], commandPattern: /^(?:SendMessage|SendMessageBatch|Publish|PublishBatch|PutEvents|PutRecord|PutRecords|PutRecordBatch)Command$/ },
  { id: 'sqs-v2', label: 'SQS', publish: ['sendMessage', 'sendMessageBatch'] },
  { id: 'sns-v2', label: 'SNS', publish: ['publish', 'publishBatch'] },
  { id: 'eventbridge-v2', label: 'EventBridge', publish: ['putEvents'] },
  {
    id: 'pubsub',
    label: 'Pub/Sub',
    publish: [],
    factories: { topic: { via: 'call', kind: 'pubsub-topic' }, subscription: { via: 'call', kind: 'pubsub-subscription' } },
  },
  {
    id: 'pubsub-topic',
    label: 'Pub/Sub',
    publish: ['publishMessage', 'publish', 'publishJSON'],
    factories: { subscription: { via: 'call', kind: 'pubsub-subscription' } },
  },
  { id: 'pubsub-subscription', label: 'Pub/Sub', publish: [] },
  { id: 'servicebus', label: 'Service Bus', publish: [], factories: { createSender: { via: 'call', kind: 'servicebus-sender' } } },
  { id: 'servicebus-sender', label: 'Service Bus', publish: ['sendMessages', 'scheduleMessages'] },
  { id: 'pg-boss', label: 'pg-boss', publish: ['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'insert', 'publish'] },
  { id: 'graphile-utils', label: 'graphile-worker', publish: ['addJob', 'addJobs'] },
  { id: 'redis', label: 'Redis streams', publish: ['xadd', 'xAdd'] },
  { id: 'nats', label: 'NATS', publish: [], factories: { jetstream: { via: 'call', kind: 'jetstream' } } },
  { id: 'jetstream', label: 'NATS JetStream', publish: ['publish'] },
  { id: 'dapr', label: 'Dapr pub/sub', publish: [], factories: { pubsub: { via: 'property', kind: 'dapr-pubsub' } } },
  { id: 'dapr-pubsub', label: 'Dapr pub/sub', publish: ['publish'] },
  { id: 'inngest', label: 'Inngest', publish: ['send'] },
  { id: 'temporal', label: 'Temporal', publish: [], factories: { workflow: { via: 'property', kind: 'temporal-workflow' } } },
  { id: 'temporal-workflow', label: 'Temporal', publish: ['start', 'signalWithStart'] },
  { id: 'trigger-tasks', label: 'Trigger.dev', publish: ['trigger', 'batchTrigger'] },
  { id: 'sqs-producer', label: 'SQS', publish: ['send'] },
];

const root = (module: string, path: readonly string[], kind: string): FamilyRoot => ({ module, path, kind });
const typed = (module: string, names: readonly string[], kind: string): FamilyRoot[] =>
  names.map((name) => root(module, [name, '<instance>'], kind));

export const BROKER_ROOTS: readonly FamilyRoot[] = [
  root('kafkajs', ['Kafka', 'new'], 'kafka-client'),
  ...typed('kafkajs', ['Kafka'], 'kafka-client'),
  ...typed('kafkajs', ['Producer', 'Transaction'], 'kafka-producer'),
  root('@confluentinc/kafka-javascript', ['KafkaJS', 'Kafka', 'new'], 'kafka-client'),
  root('bullmq', ['Queue', 'new'], 'bull-queue'),
  ...typed('bullmq', ['Queue'], 'bull-queue'),
  root('bullmq', ['FlowProducer', 'new'], 'bull-flow'),
  ...typed('bullmq', ['FlowProducer'], 'bull-flow'),
  root('bull', ['new'], 'bull-queue'),
  root('bull', ['()'], 'bull-queue'),
  // `const Queue = require('bull/lib/queue')`: the same constructor, from its own file
  root('bull/lib/queue', ['new'], 'bull-queue'),
  root('bull/lib/queue', ['()'], 'bull-queue'),
  ...typed('bull', ['Queue'], 'bull-queue'),
  root('amqplib', ['connect', '()'], 'amqp-connection'),
  ...typed('amqplib', ['Connection', 'ChannelModel'], 'amqp-connection'),
  ...typed('amqplib', ['Channel', 'ConfirmChannel'], 'amqp-channel'),
  // the callback API: the connection arrives in a callback, but its types name the channel
  ...typed('amqplib/callback_api', ['Connection'], 'amqp-connection'),
  ...typed('amqplib/callback_api', ['Channel', 'ConfirmChannel'], 'amqp-channel'),
  root('amqp-connection-manager', ['connect', '()'], 'amqp-connection'),
  ...typed('amqp-connection-manager', ['ChannelWrapper'], 'amqp-channel'),
  ...typed('@golevelup/nestjs-rabbitmq', ['AmqpConnection'], 'amqp-channel'),
  ...typed(
    '@nestjs/microservices',
    ['ClientProxy', 'ClientKafka', 'ClientKafkaProxy', 'ClientRMQ', 'ClientNats', 'ClientRedis', 'ClientMqtt', 'ClientTCP'],
    'nest-client',
  ),
  root('@nestjs/microservices', ['ClientProxyFactory', 'create', '()'], 'nest-client'),
  ...['sqs', 'sns', 'eventbridge', 'kinesis', 'firehose'].flatMap((service) => {
    const module = `@aws-sdk/client-${service}`;
    const client = { sqs: 'SQSClient', sns: 'SNSClient', eventbridge: 'EventBridgeClient', kinesis: 'KinesisClient', firehose: 'FirehoseClient' }[service]!;
    return [root(module, [client, 'new'], 'aws-v3'), ...typed(module, [client], 'aws-v3')];
  }),
  root('@aws-sdk/client-sqs', ['SQS', 'new'], 'sqs-v2'),
  root('@aws-sdk/client-sns', ['SNS', 'new'], 'sns-v2'),
  root('@aws-sdk/client-eventbridge', ['EventBridge', 'new'], 'eventbridge-v2'),
  root('aws-sdk', ['SQS', 'new'], 'sqs-v2'),
  root('aws-sdk', ['SNS', 'new'], 'sns-v2'),
  root('aws-sdk', ['EventBridge', 'new'], 'eventbridge-v2'),
  root('aws-sdk/clients/sqs', ['new'], 'sqs-v2'),
  root('aws-sdk/clients/sns', ['new'], 'sns-v2'),
  root('sqs-producer', ['Producer', 'create', '()'], 'sqs-producer'),
  root('@google-cloud/pubsub', ['PubSub', 'new'], 'pubsub'),
  ...typed('@google-cloud/pubsub', ['PubSub'], 'pubsub'),
  ...typed('@google-cloud/pubsub', ['Topic'], 'pubsub-topic'),
  ...typed('@google-cloud/pubsub', ['Subscription'], 'pubsub-subscription'),
  root('@azure/service-bus', ['ServiceBusClient', 'new'], 'servicebus'),
  ...typed('@azure/service-bus', ['ServiceBusSender'], 'servicebus-sender'),
  root('pg-boss', ['new'], 'pg-boss'),
  root('pg-boss', ['PgBoss', 'new'], 'pg-boss'),
  ...typed('pg-boss', ['PgBoss'], 'pg-boss'),
  root('graphile-worker', ['makeWorkerUtils', '()'], 'graphile-utils'),
  ...typed('graphile-worker', ['WorkerUtils'], 'graphile-utils'),
  root('ioredis', ['new'], 'redis'),
  root('ioredis', ['Redis', 'new'], 'redis'),
  ...typed('ioredis', ['Redis'], 'redis'),
  root('redis', ['createClient', '()'], 'redis'),
  root('nats', ['connect', '()'], 'nats'),
  root('@nats-io/transport-node', ['connect', '()'], 'nats'),
  ...typed('nats', ['NatsConnection'], 'nats'),
  root('@nats-io/jetstream', ['jetstream', '()'], 'jetstream'),
  root('@dapr/dapr', ['DaprClient', 'new'], 'dapr'),
  ...typed('@dapr/dapr', ['DaprClient'], 'dapr'),
  root('inngest', ['Inngest', 'new'], 'inngest'),
  ...typed('inngest', ['Inngest'], 'inngest'),
  root('@temporalio/client', ['Client', 'new'], 'temporal'),
  root('@temporalio/client', ['WorkflowClient', 'new'], 'temporal-workflow'),
  ...typed('@temporalio/client', ['Client'], 'temporal'),
  root('@trigger.dev/sdk', ['tasks'], 'trigger-tasks'),
  root('@trigger.dev/sdk/v3', ['tasks'], 'trigger-tasks'),
];

/** A module-level function that publishes when called: graphile-worker `quickAddJob(…)`. */
export const PUBLISH_FUNCTIONS: readonly FamilyRoot[] = [root('graphile-worker', ['quickAddJob'], 'graphile-utils')];

/** Receivers (`this.paymentsQueue`, `outbox`, `eventBus`) that hand a write to a queue or an outbox, for catch-block fallbacks. */
export const DURABLE_HANDOFF_NAME = /outbox|queue|producer|publisher|broker|topic|channel|jobs?\b|deadLetter|dlq/i;
