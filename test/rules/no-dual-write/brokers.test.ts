/**
 * The second half of a dual write: a durable publish recognised by origin (kafkajs, amqplib,
 * BullMQ/Bull, SQS/SNS/EventBridge v3 commands and v2 clients, Google Pub/Sub, Azure Service
 * Bus, NATS JetStream, Redis streams, NestJS `ClientProxy.emit`, pg-boss, graphile-worker), or
 * a cross-service HTTP write as `no-sync-critical-write` recognises it. In-memory emitters,
 * reads, third-party hosts and non-critical traffic are not the second half of anything.
 */
import { describe } from 'vitest';
import { js, jsTester, publishesTo, RULE_NAME, rule, ts, tsTester } from './helpers.js';

/** A Prisma client at module level, for the JS tier. */
const PRISMA = `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
`;

const WRITE = 'prisma.order.create';

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `${PRISMA}
export async function refundOrder(orderId, amount) {
  await prisma.refund.create({ data: { orderId, amount } });
  await fetch(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reference: orderId, amount, direction: 'debit' }),
  });
}
`,
        { name: 'a fetch POST to the ledger service after a database write: left to no-sync-critical-write' },
      ),
      js.valid(
        `${PRISMA}
import axios from 'axios';

const inventory = axios.create({ baseURL: process.env.INVENTORY_SERVICE_URL, timeout: 3000 });

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await inventory.post('/reservations', { orderId: order.id, items: order.items });
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total, currency: order.currency });
  return order;
}

export async function cancelOrder(order) {
  await inventory.delete(\`/reservations/\${order.reservationId}\`);
  await prisma.order.update({ where: { id: order.id }, data: { status: 'cancelled' } });
}
`,
        { name: 'critical HTTP writes before and after a database write: one warning per call, from no-sync-critical-write, which names the database write' },
      ),
      js.valid(
        `${PRISMA}
import { EventEmitter } from 'node:events';

export const orderEvents = new EventEmitter();

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  orderEvents.emit('order.created', order);
  return order;
}
`,
        { name: 'Node EventEmitter.emit stays in memory: not a publish' },
      ),
      js.valid(
        `${PRISMA}
import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({ region: 'eu-west-1' });

export async function settleNext(queueUrl) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1 }));
  for (const message of Messages) {
    await prisma.settlement.create({ data: JSON.parse(message.Body) });
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}
`,
        { name: 'SQS receive and delete commands are not publishes' },
      ),
      js.valid(
        `${PRISMA}
import axios from 'axios';

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  const { data: payment } = await axios.get(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${order.paymentId}\`);
  await axios.post('https://api.stripe.com/v1/refunds', { payment_intent: payment.intentId, amount: order.total });
  await fetch(\`\${process.env.METRICS_SERVICE_URL}/metrics\`, { method: 'POST', body: JSON.stringify({ name: 'orders.created', value: 1 }) });
  await fetch('/api/orders/recent', { method: 'POST', body: JSON.stringify({ id: order.id }) });
  return order;
}
`,
        { name: 'HTTP reads, third-party hosts, non-critical writes and relative URLs are not cross-service writes' },
      ),
      js.valid(
        `${PRISMA}
import express from 'express';
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
const app = express();

app.post('/orders', createOrderHandler);

export async function createOrderHandler(req, res) {
  res.status(202).json(await prisma.order.create({ data: req.body }));
}

export async function announce(order) {
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { name: 'an Express route definition is neither a request nor a publish' },
      ),
    ],
    invalid: [
      js.invalid(
        `${PRISMA}
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] });
const producer = kafka.producer({ idempotent: true });
const transactional = kafka.producer({ transactionalId: 'orders-tx', maxInFlightRequests: 1 });

export async function placeOrders(inputs) {
  const orders = await prisma.order.createMany({ data: inputs });
  await producer.sendBatch({ topicMessages: [{ topic: 'orders.created', messages: [{ value: JSON.stringify(orders) }] }] });
}

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  const transaction = await transactional.transaction();
  await transaction.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
  await transaction.commit();
}
`,
        [
          { at: 'producer.sendBatch', action: publishesTo('Kafka'), write: 'prisma.order.createMany', suggestions: [] },
          { at: 'transaction.send', action: publishesTo('Kafka'), write: WRITE, writeAt: 'prisma.order.create(', suggestions: [] },
        ],
        { name: 'kafkajs sendBatch, and send on a Kafka transaction (atomic for Kafka only, not with the database)' },
      ),
      js.invalid(
        `${PRISMA}
import amqp from 'amqplib';

const connection = await amqp.connect(process.env.AMQP_URL);
const channel = await connection.createChannel();
const confirmChannel = await connection.createConfirmChannel();

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  channel.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
}

export async function payOrder(id) {
  const order = await prisma.order.update({ where: { id }, data: { status: 'paid' } });
  confirmChannel.publish('shop', 'order.paid', Buffer.from(JSON.stringify(order)), { persistent: true });
  await confirmChannel.waitForConfirms();
}
`,
        [
          { at: 'channel.sendToQueue', action: publishesTo('RabbitMQ'), write: WRITE, suggestions: [] },
          { at: 'confirmChannel.publish', action: publishesTo('RabbitMQ'), write: 'prisma.order.update', suggestions: [] },
        ],
        { name: 'amqplib sendToQueue, and publish on a confirm channel' },
      ),
      js.invalid(
        `${PRISMA}
import { FlowProducer, Queue } from 'bullmq';

const connection = { host: 'redis', port: 6379 };
const shipments = new Queue('shipments', { connection });
const flows = new FlowProducer({ connection });

export async function confirmOrder(id) {
  const order = await prisma.order.update({ where: { id }, data: { status: 'confirmed' } });
  await shipments.add('create-shipment', { orderId: order.id }, { jobId: \`shipment-\${order.id}\` });
}

export async function splitOrder(id, parts) {
  await prisma.order.update({ where: { id }, data: { split: true } });
  await shipments.addBulk(parts.map((part) => ({ name: 'create-shipment', data: part })));
  await flows.add({ name: 'invoice', queueName: 'billing', data: { orderId: id }, children: [] });
}
`,
        [
          {
            at: 'shipments.add',
            action: publishesTo('BullMQ'),
            write: 'prisma.order.update',
            suggestions: [],
          },
          {
            at: 'shipments.addBulk',
            action: publishesTo('BullMQ'),
            write: 'prisma.order.update',
            writeNth: 2,
            suggestions: [],
          },
          { at: 'flows.add', action: publishesTo('BullMQ'), write: 'prisma.order.update', writeNth: 2, suggestions: [] },
        ],
        { name: 'bullmq Queue add and addBulk, FlowProducer add' },
      ),
      js.invalid(
        `${PRISMA}
import Queue from 'bull';

const emails = new Queue('receipts', process.env.REDIS_URL);

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await emails.add({ orderId: order.id, template: 'receipt' });
}
`,
        { at: 'emails.add', action: publishesTo('BullMQ'), write: WRITE, suggestions: [] },
        { name: 'Bull (v3) queue add without a job name' },
      ),
      js.invalid(
        `${PRISMA}
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';

const sqs = new SQSClient({});
const sns = new SNSClient({});
const events = new EventBridgeClient({});

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.ORDERS_QUEUE_URL, MessageBody: JSON.stringify(order) }));
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.AUDIT_QUEUE_URL, Entries: [{ Id: order.id, MessageBody: order.id }] }));
  const announcement = new PublishCommand({ TopicArn: process.env.ORDERS_TOPIC_ARN, Message: JSON.stringify(order) });
  await sns.send(announcement);
  await events.send(new PutEventsCommand({ Entries: [{ Source: 'shop.orders', DetailType: 'OrderCreated', Detail: JSON.stringify(order) }] }));
}
`,
        [
          { at: 'sqs.send', nth: 1, action: publishesTo('AWS'), write: WRITE, suggestions: [] },
          { at: 'sqs.send', nth: 2, action: publishesTo('AWS'), write: WRITE, suggestions: [] },
          { at: 'sns.send', action: publishesTo('AWS'), write: WRITE, suggestions: [] },
          { at: 'events.send', action: publishesTo('AWS'), write: WRITE, suggestions: [] },
        ],
        { name: 'AWS SDK v3: SQS SendMessage/SendMessageBatch, SNS Publish (command in a const), EventBridge PutEvents' },
      ),
      js.invalid(
        `${PRISMA}
import AWS from 'aws-sdk';
import { EventBridge } from 'aws-sdk';

const sqs = new AWS.SQS({ region: 'eu-west-1' });
const sns = new AWS.SNS();
const bus = new EventBridge();

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await sqs.sendMessage({ QueueUrl: process.env.ORDERS_QUEUE_URL, MessageBody: JSON.stringify(order) }).promise();
  await sns.publish({ TopicArn: process.env.ORDERS_TOPIC_ARN, Message: JSON.stringify(order) }).promise();
  await bus.putEvents({ Entries: [{ Source: 'shop.orders', DetailType: 'OrderCreated', Detail: JSON.stringify(order) }] }).promise();
}
`,
        [
          { at: 'sqs.sendMessage', action: publishesTo('SQS'), write: WRITE, suggestions: [] },
          { at: 'sns.publish', action: publishesTo('SNS'), write: WRITE, suggestions: [] },
          { at: 'bus.putEvents', action: publishesTo('EventBridge'), write: WRITE, suggestions: [] },
        ],
        { name: 'aws-sdk v2 sendMessage, publish and putEvents with .promise()' },
      ),
      js.invalid(
        `${PRISMA}
import { PubSub } from '@google-cloud/pubsub';

const pubsub = new PubSub();
const audit = pubsub.topic('audit');

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await pubsub.topic('orders').publishMessage({ json: order });
  await audit.publishMessage({ data: Buffer.from(order.id), attributes: { type: 'order.created' } });
}
`,
        [
          { at: "pubsub.topic('orders').publishMessage", action: publishesTo('Pub/Sub'), write: WRITE, suggestions: [] },
          { at: 'audit.publishMessage', action: publishesTo('Pub/Sub'), write: WRITE, suggestions: [] },
        ],
        { name: 'Google Pub/Sub publishMessage on a topic, inline and from a const' },
      ),
      js.invalid(
        `${PRISMA}
import { ServiceBusClient } from '@azure/service-bus';

const serviceBus = new ServiceBusClient(process.env.SERVICE_BUS_CONNECTION);
const sender = serviceBus.createSender('orders');

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await sender.sendMessages({ body: order, messageId: order.id, contentType: 'application/json' });
}
`,
        { at: 'sender.sendMessages', action: publishesTo('Service Bus'), write: WRITE, suggestions: [] },
        { name: 'Azure Service Bus sender sendMessages' },
      ),
      js.invalid(
        `${PRISMA}
import { connect, JSONCodec } from 'nats';

const codec = JSONCodec();
const nc = await connect({ servers: process.env.NATS_URL });
const js = nc.jetstream();

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await js.publish('orders.created', codec.encode(order), { msgID: order.id });
}
`,
        { at: 'js.publish', action: publishesTo('NATS JetStream'), write: WRITE, suggestions: [] },
        { name: 'NATS JetStream publish (nats v2 client)' },
      ),
      js.invalid(
        `${PRISMA}
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';

const nc = await connect({ servers: process.env.NATS_URL });
const stream = jetstream(nc);

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await stream.publish('orders.created', JSON.stringify(order), { msgID: order.id });
}
`,
        { at: 'stream.publish', action: publishesTo('NATS JetStream'), write: WRITE, suggestions: [] },
        { name: 'NATS JetStream publish (@nats-io v3 modules)' },
      ),
      js.invalid(
        `${PRISMA}
import Redis from 'ioredis';
import { createClient } from 'redis';

const redis = new Redis(process.env.REDIS_URL);
const client = createClient({ url: process.env.REDIS_URL });

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await redis.xadd('orders', 'MAXLEN', '~', '100000', '*', 'payload', JSON.stringify(order));
  await client.xAdd('audit', '*', { orderId: order.id });
}
`,
        [
          { at: 'redis.xadd', action: publishesTo('Redis streams'), write: WRITE, suggestions: [] },
          { at: 'client.xAdd', action: publishesTo('Redis streams'), write: WRITE, suggestions: [] },
        ],
        { name: 'Redis streams: ioredis xadd and node-redis xAdd' },
      ),
      js.invalid(
        `${PRISMA}
import PgBoss from 'pg-boss';
import { makeWorkerUtils, quickAddJob } from 'graphile-worker';

const boss = new PgBoss(process.env.DATABASE_URL);
const workerUtils = await makeWorkerUtils({ connectionString: process.env.DATABASE_URL });

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await boss.send('order-created', { orderId: order.id });
  await workerUtils.addJob('send-receipt', { orderId: order.id });
  await quickAddJob({ connectionString: process.env.DATABASE_URL }, 'reserve-stock', { orderId: order.id });
}
`,
        [
          { at: 'boss.send', action: publishesTo('pg-boss'), write: WRITE, suggestions: [] },
          { at: 'workerUtils.addJob', action: publishesTo('graphile-worker'), write: WRITE, suggestions: [] },
          { at: 'quickAddJob', within: 'await quickAddJob(', action: publishesTo('graphile-worker'), write: WRITE, suggestions: [] },
        ],
        { name: 'pg-boss send without the caller’s transaction, graphile-worker addJob and quickAddJob on their own connection' },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { firstValueFrom } from 'rxjs';
import { Repository } from 'typeorm';
import { Payment } from './payment.entity';

@Injectable()
export class CaptureService {
  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    private readonly http: HttpService,
    private readonly config: ConfigService,
  ) {}

  async capture(payment: Payment): Promise<void> {
    payment.status = 'captured';
    await this.payments.save(payment);
    await firstValueFrom(
      this.http.post(\`\${this.config.get('LEDGER_SERVICE_URL')}/entries\`, {
        reference: payment.id,
        amount: payment.amount,
        currency: payment.currency,
      }),
    );
  }
}
`,
        { name: 'a NestJS HttpService POST to the ledger service after a database write: left to no-sync-critical-write' },
      ),
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly eventEmitter: EventEmitter2,
  ) {}

  async place(input: Partial<Order>): Promise<Order> {
    const order = await this.orders.save(this.orders.create(input));
    this.eventEmitter.emit('order.created', order);
    await this.eventEmitter.emitAsync('order.created.async', order);
    return order;
  }
}
`,
        { name: 'NestJS EventEmitter2 emit/emitAsync stays in memory' },
      ),
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';
import { OrderPlacedEvent } from './order-placed.event';

@Injectable()
export class PlaceOrderHandler {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly eventBus: EventBus,
  ) {}

  async execute(input: Partial<Order>): Promise<void> {
    const order = await this.orders.save(this.orders.create(input));
    this.eventBus.publish(new OrderPlacedEvent(order.id));
    this.eventBus.publishAll([new OrderPlacedEvent(order.id)]);
  }
}
`,
        { name: 'NestJS CQRS EventBus publish/publishAll stays in memory' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { firstValueFrom } from 'rxjs';
import { Repository } from 'typeorm';
import { Payment } from './payment.entity';

@Injectable()
export class PaymentsService {
  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    private readonly http: HttpService,
  ) {}

  async capture(orderId: string, amount: number): Promise<Payment> {
    const { data: intent } = await firstValueFrom(
      this.http.post<{ id: string }>('https://api.stripe.com/v1/payment_intents', { amount, confirm: true }),
    );
    return this.payments.save(this.payments.create({ orderId, amount, pspReference: intent.id }));
  }
}
`,
        { name: 'HttpService POST to a third-party host (Stripe) is not a cross-service write' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Repository } from 'typeorm';
import { Reservation } from './reservation.entity';

@Injectable()
export class StockService {
  constructor(
    @InjectRepository(Reservation) private readonly reservations: Repository<Reservation>,
    @InjectQueue('shipments') private readonly shipments: Queue,
  ) {}

  async confirm(reservation: Reservation): Promise<void> {
    reservation.status = 'confirmed';
    await this.reservations.save(reservation);
    await this.shipments.add('create-shipment', { reservationId: reservation.id }, { jobId: reservation.id });
  }
}
`,
        { at: 'this.shipments.add', action: publishesTo('BullMQ'), write: 'this.reservations.save', suggestions: [] },
        { name: 'injected bullmq Queue (@InjectQueue) after an injected repository save' },
      ),
      ts.invalid(
        `
import { Inject, Injectable } from '@nestjs/common';
import { ClientKafka, ClientProxy } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Payment } from './payment.entity';

@Injectable()
export class RefundsService {
  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    @Inject('NOTIFICATIONS') private readonly notifications: ClientProxy,
    @Inject('KAFKA') private readonly kafka: ClientKafka,
  ) {}

  async refund(payment: Payment, amount: number): Promise<void> {
    payment.refundedAmount += amount;
    await this.payments.save(payment);
    this.notifications.emit('payment.refunded', { paymentId: payment.id, amount });
    this.kafka.emit('ledger.refund', { paymentId: payment.id, amount });
  }
}
`,
        [
          { at: 'this.notifications.emit', action: publishesTo('NestJS microservices'), write: 'this.payments.save', suggestions: [] },
          { at: 'this.kafka.emit', action: publishesTo('NestJS microservices'), write: 'this.payments.save', suggestions: [] },
        ],
        { name: 'NestJS ClientProxy and ClientKafka emit' },
      ),
      ts.invalid(
        `
import type { ConfirmChannel } from 'amqplib';
import type { Repository } from 'typeorm';
import type { Payment } from './payment.entity';

export class ChargebackService {
  constructor(
    private readonly payments: Repository<Payment>,
    private readonly channel: ConfirmChannel,
  ) {}

  async record(payment: Payment, reason: string): Promise<void> {
    await this.payments.update(payment.id, { status: 'charged_back' });
    this.channel.sendToQueue('chargebacks', Buffer.from(JSON.stringify({ paymentId: payment.id, reason })), { persistent: true });
    await this.channel.waitForConfirms();
  }
}
`,
        { at: 'this.channel.sendToQueue', action: publishesTo('RabbitMQ'), write: 'this.payments.update', suggestions: [] },
        { name: 'typed amqplib ConfirmChannel sendToQueue' },
      ),
      ts.invalid(
        `
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Repository } from 'typeorm';
import type { Order } from './order.entity';

export async function placeOrder(orders: Repository<Order>, sqs: SQSClient, input: Partial<Order>): Promise<Order> {
  const order = await orders.save(orders.create(input));
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.ORDERS_QUEUE_URL, MessageBody: JSON.stringify(order) }));
  return order;
}
`,
        { at: 'sqs.send', action: publishesTo('AWS'), write: 'orders.save', suggestions: [] },
        { name: 'typed SQSClient parameter with SendMessageCommand' },
      ),
    ],
  });
});
