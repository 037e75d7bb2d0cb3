import { describe, expect, it } from 'vitest';
import { getOrigin } from '../../../src/analysis/code/origin.js';
import { describePublish, getBrokerFamily } from '../../../src/analysis/messaging/publish.js';
import { parse } from '../parse.js';

interface Summary {
  readonly family: string;
  readonly label: string;
  readonly member: string;
  readonly receiver: string | undefined;
}

/** Describes the first call whose callee text is `callee`. */
function publishOf(code: string, callee: string): Summary | undefined {
  const parsed = parse(code);
  const found = describePublish(parsed.call(callee), parsed.file);
  return (
    found && {
      family: found.family.id,
      label: found.family.label,
      member: found.member,
      receiver: found.receiver && parsed.sourceCode.getText(found.receiver),
    }
  );
}

describe('describePublish', () => {
  it('recognises a kafkajs producer send', () => {
    const code = "import { Kafka } from 'kafkajs'; const kafka = new Kafka({ brokers: [] }); const producer = kafka.producer(); producer.send({ topic: 'payments', messages: [] });";
    expect(publishOf(code, 'producer.send')).toEqual({ family: 'kafka-producer', label: 'Kafka', member: 'send', receiver: 'producer' });
    expect(publishOf(code.replace('producer.send(', 'producer.sendBatch('), 'producer.sendBatch')).toMatchObject({ member: 'sendBatch' });
  });

  it('ignores producer members that do not publish', () => {
    const code = "import { Kafka } from 'kafkajs'; const producer = new Kafka({ brokers: [] }).producer(); producer.connect();";
    expect(publishOf(code, 'producer.connect')).toBeUndefined();
  });

  it('recognises injected typed producers and NestJS ClientProxy.emit but not send (request–reply)', () => {
    const code = `
      import type { Producer } from 'kafkajs';
      import { ClientProxy } from '@nestjs/microservices';
      class C {
        constructor(private readonly producer: Producer, private readonly client: ClientProxy) {}
        m() { this.producer.send({}); this.client.emit('order.created', {}); this.client.send('get.order', {}); }
      }`;
    expect(publishOf(code, 'this.producer.send')).toMatchObject({ family: 'kafka-producer', receiver: 'this.producer' });
    expect(publishOf(code, 'this.client.emit')).toMatchObject({ family: 'nest-client', label: 'NestJS microservices', member: 'emit' });
    expect(publishOf(code, 'this.client.send')).toBeUndefined();
  });

  it('recognises a bullmq Queue add and not its other members', () => {
    const code = "import { Queue } from 'bullmq'; const queue = new Queue('payments'); queue.add('charge', {}); queue.getJob('1');";
    expect(publishOf(code, 'queue.add')).toEqual({ family: 'bull-queue', label: 'BullMQ', member: 'add', receiver: 'queue' });
    expect(publishOf(code, 'queue.getJob')).toBeUndefined();
  });

  it('recognises an amqplib channel publish and sendToQueue', () => {
    const code = `
      import amqp from 'amqplib';
      async function f() {
        const connection = await amqp.connect('amqp://rabbit');
        const channel = await connection.createChannel();
        channel.sendToQueue('payments', Buffer.from('{}'));
        channel.publish('ex', 'rk', Buffer.from('{}'));
        channel.assertQueue('payments');
      }`;
    expect(publishOf(code, 'channel.sendToQueue')).toMatchObject({ family: 'amqp-channel', label: 'RabbitMQ', member: 'sendToQueue' });
    expect(publishOf(code, 'channel.publish')).toMatchObject({ family: 'amqp-channel', member: 'publish' });
    expect(publishOf(code, 'channel.assertQueue')).toBeUndefined();
  });

  it('recognises AWS SDK v3 send only with a publish command', () => {
    const code = `
      import { SQSClient, SendMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
      const sqs = new SQSClient({});
      const command = new SendMessageCommand({ QueueUrl: 'q', MessageBody: '{}' });
      sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: '{}' }));
      sqs.send(command);
      sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));`;
    expect(publishOf(code, 'sqs.send')).toEqual({ family: 'aws-v3', label: 'AWS', member: 'send', receiver: 'sqs' });
    const parsed = parse(code);
    const [direct, viaConst, receive] = [0, 1, 2].map((index) => describePublish(parsed.callAt('sqs.send', index), parsed.file));
    expect(direct?.member).toBe('send');
    expect(viaConst?.member).toBe('send');
    expect(receive).toBeUndefined();
  });

  it('recognises SNS v3 PublishCommand and EventBridge PutEventsCommand', () => {
    const code = `
      import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
      import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
      new SNSClient({}).send(new PublishCommand({}));
      const bus = new EventBridgeClient({}); bus.send(new PutEventsCommand({ Entries: [] }));`;
    expect(publishOf(code, 'new SNSClient({}).send')).toMatchObject({ family: 'aws-v3' });
    expect(publishOf(code, 'bus.send')).toMatchObject({ family: 'aws-v3' });
  });

  it('recognises pg-boss, Redis streams, Dapr pub/sub and graphile-worker quickAddJob', () => {
    expect(publishOf("import PgBoss from 'pg-boss'; const boss = new PgBoss('postgres://x'); boss.send('charge', {});", 'boss.send')).toMatchObject({
      family: 'pg-boss',
    });
    expect(publishOf("import Redis from 'ioredis'; const redis = new Redis(); redis.xadd('orders', '*', 'k', 'v');", 'redis.xadd')).toMatchObject({
      label: 'Redis streams',
    });
    expect(publishOf("import { DaprClient } from '@dapr/dapr'; const dapr = new DaprClient(); dapr.pubsub.publish('pubsub', 'orders', {});", 'dapr.pubsub.publish')).toMatchObject({
      family: 'dapr-pubsub',
      receiver: 'dapr.pubsub',
    });
    expect(publishOf("import { quickAddJob } from 'graphile-worker'; quickAddJob({}, 'charge', {});", 'quickAddJob')).toEqual({
      family: 'graphile-utils',
      label: 'graphile-worker',
      member: 'quickAddJob',
      receiver: undefined,
    });
  });

  it('recognises a Bull queue constructed from bull/lib/queue', () => {
    expect(publishOf("const Queue = require('bull/lib/queue'); const queue = new Queue('email'); queue.add({ to: 'x' });", 'queue.add')).toMatchObject({
      family: 'bull-queue',
      label: 'BullMQ',
    });
  });

  it('does not recognise look-alikes by name', () => {
    expect(publishOf('const producer = { send(x: unknown) { return x; } }; producer.send({});', 'producer.send')).toBeUndefined();
    expect(publishOf("import PQueue from 'p-queue'; const queue = new PQueue(); queue.add(() => 1);", 'queue.add')).toBeUndefined();
    expect(publishOf("function quickAddJob(...a: unknown[]) { return a; } quickAddJob('x');", 'quickAddJob')).toBeUndefined();
    expect(publishOf("import axios from 'axios'; axios.post('/publish', {});", 'axios.post')).toBeUndefined();
  });

  it('ignores computed members and non-member callees without throwing', () => {
    const code = "import { Queue } from 'bullmq'; const queue = new Queue('q'); const k = 'add'; queue[k]('x', {}); (() => 1)();";
    expect(publishOf(code, 'queue[k]')).toBeUndefined();
    expect(publishOf(code, '() => 1')).toBeUndefined();
  });
});

describe('getBrokerFamily', () => {
  it('names the family of a broker handle and nothing for its members', () => {
    const parsed = parse("import { Kafka } from 'kafkajs'; const kafka = new Kafka({ brokers: [] }); const producer = kafka.producer(); producer.send({}); kafka.admin();");
    const producer = getOrigin(parsed.call('producer.send').callee, parsed.file)!;
    expect(getBrokerFamily({ module: producer.module, steps: producer.steps.slice(0, -1) })?.id).toBe('kafka-producer');
    expect(getBrokerFamily(producer)).toBeUndefined();
    const kafka = getOrigin(parsed.call('kafka.admin').callee, parsed.file)!;
    expect(getBrokerFamily({ module: kafka.module, steps: kafka.steps.slice(0, -1) })?.id).toBe('kafka-client');
    expect(getBrokerFamily({ module: 'axios', steps: [] })).toBeUndefined();
  });
});
