/**
 * Step 5 of the rule: nothing already makes the write durable. A call inside a message
 * consumer, inside an outbox relay, or in a `try` whose `catch` hands the write to a queue or
 * outbox is not reported. In-memory retries are not mitigations: the report stays and says so.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const PAYMENTS = ['service "payments"', 'path "/payments"'];

/** The payment cancelled by `cancelPayment(req, res, logger)`, as reported. */
const CANCEL_REPORTED = {
  at: 'axios.post',
  request: 'POST /payments/{id}/cancel',
  service: 'payments',
  evidence: ['service "payments"', 'path "/payments/{id}/cancel"'],
  suggest: rewrite({
    replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments/${req.params.id}/cancel`)',
    topic: 'payments.cancel.requested',
    payload: '{ id: req.params.id }',
  }),
};

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'orders', brokers: [process.env.KAFKA_BROKER] });
const consumer = kafka.consumer({ groupId: 'orders-payments' });

export async function start() {
  await consumer.subscribe({ topic: 'order.created' });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const order = JSON.parse(message.value.toString());
      await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
    },
  });
}
`,
        { name: 'kafkajs eachMessage handler' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function start(consumer) {
  await consumer.run({
    async eachBatch({ batch, resolveOffset }) {
      for (const message of batch.messages) {
        const entry = JSON.parse(message.value.toString());
        await axios.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, { amount: entry.amount, account: entry.account });
        resolveOffset(message.offset);
      }
    },
  });
}
`,
        { name: 'kafkajs eachBatch handler (method shorthand)' },
      ),
      js.valid(
        `
import { Worker } from 'bullmq';
import got from 'got';

export const shipmentWorker = new Worker(
  'shipments',
  async (job) => {
    await got.post('http://shipping:8080/shipments', { json: { orderId: job.data.orderId, items: job.data.items } });
  },
  { connection: { host: process.env.REDIS_HOST } },
);
`,
        { name: 'bullmq Worker processor' },
      ),
      js.valid(
        `
import amqp from 'amqplib';
import axios from 'axios';

export async function consumeCaptures() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  const channel = await connection.createChannel();
  await channel.assertQueue('payments.capture', { durable: true });
  await channel.consume('payments.capture', async (msg) => {
    const payment = JSON.parse(msg.content.toString());
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${payment.id}/capture\`, { amount: payment.amount });
    channel.ack(msg);
  });
}
`,
        { name: 'amqplib channel.consume callback' },
      ),
      js.valid(
        `
const axios = require('axios');
const { consumeQueue } = require('./rabbitmq.client');

async function setupEventListeners() {
  await consumeQueue('payment.completed', async (message) => {
    await axios.put(\`\${process.env.SCHEDULE_SERVICE_URL}/api/slots/bulk-update\`, { slotIds: message.data.slotIds, status: 'booked' });
  });
}

module.exports = { setupEventListeners };
`,
        { sourceType: 'commonjs', name: "the project's helper over a consumer, named for it and given the queue first (consumeQueue('payment.completed', handler))" },
      ),
      js.valid(
        `
import { Consumer } from 'sqs-consumer';
import axios from 'axios';

export const refunds = Consumer.create({
  queueUrl: process.env.REFUNDS_QUEUE_URL,
  handleMessage: async (message) => {
    const refund = JSON.parse(message.Body);
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`, { paymentId: refund.paymentId, amount: refund.amount });
  },
});
`,
        { name: 'sqs-consumer handleMessage' },
      ),
      js.valid(
        `
import PgBoss from 'pg-boss';
import axios from 'axios';

const boss = new PgBoss(process.env.DATABASE_URL);

export async function startWorkers() {
  await boss.start();
  await boss.work('invoice.issue', async ([job]) => {
    await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, { orderId: job.data.orderId, total: job.data.total });
  });
}
`,
        { name: 'pg-boss work handler' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function relayOutbox(db) {
  const rows = await db.query('SELECT id, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 100');
  for (const row of rows) {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, row.payload);
    await db.query('UPDATE outbox SET sent_at = now() WHERE id = $1', [row.id]);
  }
}
`,
        { name: 'inside a function named as an outbox relay' },
      ),
      js.valid(
        `
import axios from 'axios';

export class OutboxDispatcher {
  async dispatch(message) {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, message.payload);
  }
}
`,
        { name: 'inside a class named as an outbox relay' },
      ),
      js.valid(
        `
import axios from 'axios';

export class PaymentsDelivery {
  async deliver(outboxEvent) {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, outboxEvent.payload);
  }
}
`,
        { name: 'inside a method handed an outbox row' },
      ),
      js.valid(
        `
import axios from 'axios';

export class OrderService {
  constructor(outboxService) {
    this.outboxService = outboxService;
    this.outboxService.register('INVENTORY_CONSUME', (orderId) => this.#consumeStock(orderId));
  }

  async #consumeStock(orderId) {
    await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/inventory/consume\`, { orderId });
  }
}
`,
        { name: 'in a method only called from an effect registered with the outbox, which retries it until it succeeds' },
      ),
      js.valid(
        `
import axios from 'axios';
import { Listener } from '@acme/common';

export class PaymentRequestedListener extends Listener {
  async onMessage(data, msg) {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: data.orderId, amount: data.amount });
    msg.ack();
  }
}
`,
        { name: 'inside a NATS listener onMessage' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function onPaymentRequested(m) {
  const request = JSON.parse(m.data.toString());
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, request);
  m.ack();
}
`,
        { name: 'inside a handler that acknowledges its message' },
      ),
      js.valid(
        `
import axios from 'axios';
import { outbox } from './outbox.js';

export async function capturePayment(payment) {
  try {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  } catch (error) {
    await outbox.enqueue({ topic: 'payments.capture', payload: payment });
  }
}
`,
        { name: 'try whose catch records the same write in the outbox' },
      ),
      js.valid(
        `
import { Queue } from 'bullmq';
import axios from 'axios';

const captures = new Queue('payments.capture', { connection: { host: process.env.REDIS_HOST } });

export async function capturePayment(payment) {
  try {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  } catch {
    await captures.add('capture', payment, { attempts: 10, backoff: { type: 'exponential', delay: 1000 } });
  }
}
`,
        { name: 'try whose catch hands the same write to a bullmq queue' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function grantPoints(ctx, outbox, logger) {
  try {
    await axios.post(\`\${process.env.BILLING_SERVICE_URL}/points/grant\`, { userId: ctx.userId, amount: ctx.points });
    await outbox.markDelivered(ctx.outboxId);
  } catch (error) {
    logger.warn('grant failed, the outbox relay will send it again', error);
  }
}
`,
        { name: 'a fast path: the outbox row recorded for the write is marked delivered once the call succeeds' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function grantPoints(row, outboxRepository) {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/points/grant\`, row.payload);
  await outboxRepository.update(row.id, { status: 'DELIVERED' });
}
`,
        { name: 'a fast path: the outbox repository updates the row once the call succeeds' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function payOrder(order, outboxRepository) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
  await outboxRepository.save({ type: 'OrderPaid', payload: { orderId: order.id } });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: order.id, amount: order.total })',
            topic: 'payments.created',
            payload: '{ orderId: order.id, amount: order.total }',
          }),
        },
        { name: 'an outbox row of another event recorded after the call does not hold the call\'s write' },
      ),
      js.invalid(
        `
const axios = require('axios');
const { consumeQueue } = require('./rabbitmq.client');

async function setupEventListeners(bookings) {
  await consumeQueue(bookings, async (message) => {
    await axios.put(\`\${process.env.SCHEDULE_SERVICE_URL}/api/slots/bulk-update\`, { slotIds: message.data.slotIds, status: 'booked' });
  });
}

module.exports = { setupEventListeners };
`,
        {
          at: 'axios.put',
          request: 'PUT /api/slots/bulk-update',
          service: 'schedule',
          evidence: ['path "/api/slots/bulk-update"', 'status set to "booked"'],
          suggest: rewrite({
            replaced: "axios.put(`${process.env.SCHEDULE_SERVICE_URL}/api/slots/bulk-update`, { slotIds: message.data.slotIds, status: 'booked' })",
            topic: 'schedule.slots.bulk-update.updated',
            payload: "{ slotIds: message.data.slotIds, status: 'booked' }",
          }),
        },
        { sourceType: 'commonjs', name: 'a helper given no queue name first is not taken for a consumer by its name alone' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment, logger) {
  try {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  } catch (error) {
    logger.error({ error, paymentId: payment.id }, 'payment capture failed');
  }
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          swallowed: 'the catch at line 7 only logs',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'a catch that only logs does not make the write durable, and the message says the failure is swallowed' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function cancelPayment(req, res, logger) {
  try {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${req.params.id}/cancel\`);
    res.redirect('/payments?cancelled=1');
  } catch (error) {
    logger.error('cancel failed', error);
    res.redirect('/payments?error=' + encodeURIComponent('Failed to cancel the payment'));
  }
}
`,
        CANCEL_REPORTED,
        { name: 'a catch that redirects the client to an error is not a swallowed failure: the message says nothing of one' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function cancelPayment(req, res, logger) {
  try {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${req.params.id}/cancel\`);
  } catch (error) {
    logger.error('cancel failed', error);
  }
  res.render('payments/cancelled', { title: 'Payment cancelled' });
}
`,
        { ...CANCEL_REPORTED, swallowed: 'the catch at line 7 only logs' },
        { name: 'a page rendered after a catch that only logs tells the client nothing of the failure' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment, logger) {
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      return await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
    } catch (error) {
      lastError = error;
      logger.warn('payment capture failed, trying again', { attempt });
    }
  }
  throw lastError;
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: 'a retry loop whose catch keeps the error to throw once the attempts run out does not swallow it' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment, logger) {
  try {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  } catch (error) {
    let lastError;
    lastError = error;
    logger.error('payment capture failed', lastError);
  }
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          swallowed: 'the catch at line 7 only logs',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'an error kept in a variable of the catch itself is still swallowed' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment, metrics) {
  try {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  } finally {
    metrics.increment('payments.capture.attempt');
  }
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'try/finally without catch' },
      ),
      js.invalid(
        `
import express from 'express';
import axios from 'axios';

const app = express();

app.post('/checkout', async (req, res) => {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: req.body.orderId, amount: req.body.total });
  res.status(201).end();
});
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: req.body.orderId, amount: req.body.total })',
            topic: 'payments.created',
            payload: '{ orderId: req.body.orderId, amount: req.body.total }',
          }),
        },
        { name: 'an HTTP route handler is not a consumer' },
      ),
      js.invalid(
        `
import axios from 'axios';
import pRetry from 'p-retry';

export async function capturePayment(payment) {
  await pRetry(() => axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment), { retries: 3 });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          retry: 'p-retry',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: 'p-retry is in memory: reported, with the note' },
      ),
      js.invalid(
        `
import axios from 'axios';

async function retry(fn, attempts = 3) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function postEntry(entry) {
  await retry(() => axios.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, { amount: entry.amount, account: entry.account }));
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          retry: 'retry',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.LEDGER_SERVICE_URL}/entries`, { amount: entry.amount, account: entry.account })',
            topic: 'ledger.entries.created',
            payload: '{ amount: entry.amount, account: entry.account }',
            responseUsed: true,
          }),
        },
        { name: 'a local retry() helper is in memory: reported, with the note' },
      ),
      js.invalid(
        `
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import axios from 'axios';

const retryPolicy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });

export async function capturePayment(payment) {
  await retryPolicy.execute(() => axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment));
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          retry: 'cockatiel',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: 'a cockatiel retry policy is in memory: reported, with the note' },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { BookingRepository, type Booking } from './booking.repository';

@Injectable()
export class BookingDispatcher {
  private readonly transportUrl = process.env.TRANSPORT_SERVICE_URL;

  constructor(private readonly bookings: BookingRepository) {}

  @Cron(CronExpression.EVERY_5_MINUTES)
  async dispatch(): Promise<void> {
    const due = await this.bookings.findDispatchReady(new Date(), 100);
    for (const booking of due) await this.dispatchOne(booking);
  }

  private async dispatchOne(booking: Booking): Promise<void> {
    await fetch(\`\${this.transportUrl}/rides/request\`, { method: 'POST', body: JSON.stringify({ bookingId: booking.id, fare: booking.price }) });
    booking.rideRequested = true;
    await this.bookings.update(booking);
  }
}
`,
        { name: "a NestJS @Cron sweep that reads its rows with the repository's own query (findDispatchReady) finds them again on the next run" },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';

@Controller()
export class OrderEventsController {
  constructor(private readonly http: HttpService) {}

  @EventPattern('order.created')
  async onOrderCreated(@Payload() order: { id: string; total: number }) {
    await firstValueFrom(this.http.post(\`\${process.env.LEDGER_SERVICE_URL}/holds\`, { orderId: order.id, amount: order.total }));
  }
}
`,
        { name: "NestJS @EventPattern handler (from '@nestjs/microservices')" },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';

@Controller()
export class RefundRequestsController {
  constructor(private readonly http: HttpService) {}

  @MessagePattern({ cmd: 'refund' })
  async refund(request: { paymentId: string; amount: number }) {
    const { data } = await firstValueFrom(this.http.post(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`, request));
    return data;
  }
}
`,
        { name: 'NestJS @MessagePattern handler' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Processor, Process } from '@nestjs/bull';
import type { Job } from 'bull';
import { firstValueFrom } from 'rxjs';

@Processor('invoices')
export class InvoiceProcessor {
  constructor(private readonly http: HttpService) {}

  @Process('issue')
  async issue(job: Job<{ orderId: string; total: number }>) {
    await firstValueFrom(this.http.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, job.data));
  }

  async settle(job: Job<{ invoiceId: string }>) {
    await firstValueFrom(this.http.post(\`\${process.env.BILLING_SERVICE_URL}/invoices/\${job.data.invoiceId}/settlements\`, job.data));
  }
}
`,
        { name: 'every method of a @Processor class' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { firstValueFrom } from 'rxjs';

@Processor('shipments')
export class ShipmentsProcessor extends WorkerHost {
  constructor(private readonly http: HttpService) {
    super();
  }

  async process(job: Job<{ orderId: string }>): Promise<void> {
    await firstValueFrom(this.http.post(\`\${process.env.SHIPPING_SERVICE_URL}/shipments\`, { orderId: job.data.orderId }));
  }
}
`,
        { name: 'a WorkerHost subclass' },
      ),
      ts.valid(
        `
import type { SQSEvent } from 'aws-lambda';

export const handler = async (event: SQSEvent): Promise<void> => {
  for (const record of event.Records) {
    const payment = JSON.parse(record.body) as { id: string; amount: number };
    await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${payment.id}/capture\`, {
      method: 'POST',
      body: JSON.stringify({ amount: payment.amount }),
    });
  }
};
`,
        { name: 'a Lambda handler of an SQSEvent' },
      ),
      ts.valid(
        `
import axios from 'axios';

interface OutboxRow {
  id: number;
  topic: string;
  payload: { orderId: string; amount: number };
}

export class OutboxRelay {
  async deliver(row: OutboxRow): Promise<void> {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, row.payload);
  }
}
`,
        { name: 'a class named OutboxRelay' },
      ),
      ts.valid(
        `
import axios from 'axios';
import { type EachMessagePayload, Kafka } from 'kafkajs';

const consumer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).consumer({ groupId: 'invoices' });

export async function run(): Promise<void> {
  await consumer.run({
    eachMessage: async ({ message }: EachMessagePayload) => {
      const order = JSON.parse(message.value!.toString()) as { id: string; total: number };
      await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, { orderId: order.id, total: order.total });
    },
  });
}
`,
        { name: 'kafkajs eachMessage typed EachMessagePayload' },
      ),
      ts.valid(
        `
import type { SNSEvent } from 'aws-lambda';

export async function handler(event: SNSEvent): Promise<void> {
  for (const record of event.Records) {
    const refund = JSON.parse(record.Sns.Message) as { paymentId: string; amount: number };
    await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`, { method: 'POST', body: JSON.stringify(refund) });
  }
}
`,
        { name: 'a Lambda handler of an SNSEvent (function declaration)' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class WalletService {
  constructor(
    private readonly http: HttpService,
    private readonly kafka: ClientKafka,
  ) {}

  async withdraw(walletId: string, amount: number): Promise<void> {
    try {
      await firstValueFrom(this.http.post(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}/withdrawals\`, { amount }));
    } catch {
      this.kafka.emit('wallet.withdrawal.requested', { walletId, amount });
    }
  }
}
`,
        { name: 'try whose catch emits the same write to Kafka (ClientKafka.emit)' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Controller } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { EventPattern } from './decorators/event-pattern';

@Controller()
export class OrderEventsController {
  constructor(private readonly http: HttpService) {}

  @EventPattern('order.created')
  async onOrderCreated(order: { id: string; total: number }) {
    await firstValueFrom(this.http.post(\`\${process.env.LEDGER_SERVICE_URL}/holds\`, { orderId: order.id, amount: order.total }));
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /holds',
          service: 'ledger',
          evidence: ['service "ledger"', 'path "/holds"'],
          suggest: rewrite({
            replaced: 'firstValueFrom(this.http.post(`${process.env.LEDGER_SERVICE_URL}/holds`, { orderId: order.id, amount: order.total }))',
            topic: 'ledger.holds.created',
            payload: '{ orderId: order.id, amount: order.total }',
          }),
        },
        { name: 'an EventPattern decorator that is not from @nestjs/microservices does not count' },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom, map, retry } from 'rxjs';

@Injectable()
export class LedgerClient {
  constructor(private readonly http: HttpService) {}

  reverse(entryId: string, amount: number): Promise<unknown> {
    return firstValueFrom(
      this.http.post(\`\${process.env.LEDGER_SERVICE_URL}/entries/\${entryId}/reversals\`, { amount }).pipe(
        retry({ count: 2, delay: 250 }),
        map((response) => response.data),
      ),
    );
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /entries/{entryId}/reversals',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          retry: 'rxjs retry',
          suggest: rewrite({
            replaced: { from: 'firstValueFrom(\n', to: '\n    )' },
            topic: 'ledger.entries.reversals.created',
            payload: '{ entryId, amount }',
            responseUsed: true,
          }),
        },
        { name: 'rxjs retry is in memory: reported, with the note' },
      ),
      ts.invalid(
        `
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const order = JSON.parse(event.body ?? '{}') as { id: string; total: number };
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, {
    method: 'POST',
    body: JSON.stringify({ orderId: order.id, amount: order.total }),
  });
  return { statusCode: 201, body: '' };
};
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: { from: 'fetch(`', to: '\n  })' },
            topic: 'payments.created',
            payload: '{ orderId: order.id, amount: order.total }',
          }),
        },
        { name: 'an API Gateway Lambda handler is not a queue consumer' },
      ),
    ],
  });
});

describe('sweeps a scheduler runs over database rows', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
const axios = require('axios');
const cron = require('node-cron');
const Booking = require('../models/Booking');

cron.schedule('0 * * * *', async () => {
  const expired = await Booking.find({ checkOut: { $lt: new Date() }, released: false });
  for (const booking of expired) {
    await axios.put(\`\${process.env.ROOM_SERVICE_URL}/rooms/\${booking.roomId}\`, { isAvailable: true });
    await Booking.updateOne({ _id: booking.id }, { released: true });
  }
});
`,
        { sourceType: 'commonjs', name: 'node-cron: each run reads the bookings still to release, so a failed call is made again on the next run' },
      ),
      js.valid(
        `
import axios from 'axios';
import { CronJob } from 'cron';
import { prisma } from './db.js';

async function releaseHolds() {
  const holds = await prisma.hold.findMany({ where: { expiresAt: { lt: new Date() } } });
  for (const hold of holds) {
    await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/reservations/\${hold.reservationId}/release\`);
    await prisma.hold.delete({ where: { id: hold.id } });
  }
}

new CronJob('*/5 * * * *', releaseHolds).start();
`,
        { name: 'cron: a sweep handed to CronJob by name reads its rows with findMany' },
      ),
      js.valid(
        `
const axios = require('axios');
const Booking = require('../models/Booking');

setInterval(async () => {
  const expired = await Booking.find({ checkOut: { $lt: new Date() }, released: false });
  for (const booking of expired) {
    await axios.put(\`\${process.env.ROOM_SERVICE_URL}/rooms/\${booking.roomId}\`, { isAvailable: true });
    await Booking.updateOne({ _id: booking.id }, { released: true });
  }
}, 60 * 60 * 1000);
`,
        { sourceType: 'commonjs', name: 'setInterval: a timer that reads the bookings still to release on every tick' },
      ),
      js.valid(
        `
const axios = require('axios');
const cron = require('node-cron');

cron.schedule('* * * * *', async () => {
  const url = process.env.SCHEDULE_SERVICE_URL;
  const { data } = await axios.get(\`\${url}/api/slots/locked\`);
  const expired = data.slots.filter((slot) => new Date(slot.lockedAt) < new Date(Date.now() - 180000));
  await axios.put(\`\${url}/api/slots/bulk-update\`, { slotIds: expired.map((slot) => slot.id), status: 'available' });
});
`,
        { sourceType: 'commonjs', name: 'a sweep that reads what is left to do from the service it writes to (axios.get) finds it again on the next run' },
      ),
    ],
    invalid: [
      js.invalid(
        `
const axios = require('axios');
const cron = require('node-cron');

cron.schedule('0 0 1 * *', async () => {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices/monthly\`, { period: new Date().toISOString().slice(0, 7) });
});
`,
        {
          at: 'axios.post',
          request: 'POST /invoices/monthly',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices/monthly"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/invoices/monthly`, { period: new Date().toISOString().slice(0, 7) })',
            topic: 'billing.invoices.monthly.created',
            payload: '{ period: new Date().toISOString().slice(0, 7) }',
          }),
        },
        { sourceType: 'commonjs', name: 'a scheduled job that reads no rows: a failed run is not made again' },
      ),
      js.invalid(
        `
const axios = require('axios');
const cron = require('node-cron');
const PLANS = require('./plans');

cron.schedule('0 0 1 * *', async () => {
  const plan = PLANS.find((each) => each.monthly);
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices/monthly\`, { plan: plan.id });
});
`,
        {
          at: 'axios.post',
          request: 'POST /invoices/monthly',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices/monthly"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/invoices/monthly`, { plan: plan.id })',
            topic: 'billing.invoices.monthly.created',
            payload: '{ plan: plan.id }',
          }),
        },
        { sourceType: 'commonjs', name: "a scheduled job that only searches an array (PLANS.find(…)) reads no rows" },
      ),
      js.invalid(
        `
const axios = require('axios');
const cron = require('node-cron');
const Order = require('../models/Order');

cron.schedule('*/10 * * * *', async () => {
  const stale = await Order.find({ status: 'PENDING_PAYMENT', createdAt: { $lt: new Date(Date.now() - 3600000) } });
  await Order.updateMany({ _id: { $in: stale.map((order) => order.id) } }, { status: 'EXPIRED' });
  for (const order of stale) {
    await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/reservations/\${order.reservationId}/release\`);
  }
});
`,
        {
          at: 'axios.post',
          request: 'POST /reservations/{reservationId}/release',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/reservations/{reservationId}/release"'],
          after: ' after `Order.updateMany` (line 8) committed',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.INVENTORY_SERVICE_URL}/reservations/${order.reservationId}/release`)',
            topic: 'inventory.reservations.release.requested',
            payload: '{ reservationId: order.reservationId }',
          }),
        },
        { sourceType: 'commonjs', name: 'a sweep that marks its rows done before the call: the next run does not read them again' },
      ),
      js.invalid(
        `
const axios = require('axios');
const cron = require('node-cron');
const Order = require('../models/Order');

cron.schedule('* * * * *', async () => {
  const order = await Order.findOneAndUpdate({ status: 'PAID' }, { status: 'SHIPPING' });
  await axios.post(\`\${process.env.SHIPPING_SERVICE_URL}/shipments\`, { orderId: order.id });
});
`,
        {
          at: 'axios.post',
          request: 'POST /shipments',
          service: 'shipping',
          evidence: ['path "/shipments"'],
          after: ' after `Order.findOneAndUpdate` (line 7) committed',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.SHIPPING_SERVICE_URL}/shipments`, { orderId: order.id })',
            topic: 'shipping.shipments.created',
            payload: '{ orderId: order.id }',
          }),
        },
        { sourceType: 'commonjs', name: 'findOneAndUpdate marks the row before the call, though its name starts as a read does: no sweep' },
      ),
    ],
  });
});

/** A Lambda handler that routes its message to controllers: the controllers' methods are found used only there with the project layer. */
const ROUTED = (event: string, body: string): string => `
import axios from 'axios';
import type { ${event} } from 'aws-lambda';

type Handler = (body: { orderId: string; amount: number }) => Promise<void>;

class Router {
  private readonly routes: Record<string, Handler> = {};

  use(route: string, handler: Handler): void {
    this.routes[route] = handler;
  }

  async execute(route: string, body: { orderId: string; amount: number }): Promise<void> {
    await this.routes[route]?.(body);
  }
}

class OrderPaidController {
  async execute(body: { orderId: string; amount: number }): Promise<void> {
    await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/payments\`, { orderId: body.orderId, amount: body.amount });
  }
}

export async function handler(event: ${event}): Promise<void> {
  const { type, data } = JSON.parse(${body});
  const controller = new OrderPaidController();
  const router = new Router();
  router.use('order.paid', controller.execute.bind(controller));
  await router.execute(type, data);
}
`;
const ROUTED_SQS = ROUTED('SQSEvent', 'event.Records[0]!.body');
const ROUTED_HTTP = ROUTED('APIGatewayProxyEvent', 'event.body!');

/** The handler written as src/handler.ts of a project on disk, so that every use of the controller's public method is known. */
const routedHandler = (code: string): string => path.join(writeProject({ 'package.json': { name: 'orders-lambda', private: true }, 'src/handler.ts': code }), 'src/handler.ts');

/** The controller in a module of its own, bound and handed to the router by the handler's module. */
const CONTROLLER = `import axios from 'axios';

export class OrderPaidController {
  async execute(body: { orderId: string; amount: number }): Promise<void> {
    await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/payments\`, { orderId: body.orderId, amount: body.amount });
  }
}
`;

const routedController = (event: string): string => {
  const handler = ROUTED(event, 'event.Records[0]!.body')
    .replace(/class OrderPaidController \{[\s\S]*?\n\}\n/, '')
    .replace("import axios from 'axios';", "import { OrderPaidController } from './controllers/order-paid';");
  const root = writeProject({ 'package.json': { name: 'orders-lambda', private: true }, 'src/handler.ts': handler, 'src/controllers/order-paid.ts': CONTROLLER });
  return path.join(root, 'src/controllers/order-paid.ts');
};

/** The controller's write, reported where nothing durable runs it. */
const ROUTED_REPORT = {
  at: 'axios.post',
  request: 'POST /payments',
  service: 'payment',
  evidence: ['service "payment"', 'path "/payments"'],
  suggest: rewrite({
    replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/payments`, { orderId: body.orderId, amount: body.amount })',
    topic: 'payment.created',
    payload: '{ orderId: body.orderId, amount: body.amount }',
  }),
};

describe('a method handed on inside a consumer', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(ROUTED_SQS, {
        filename: routedHandler(ROUTED_SQS),
        name: 'a method handed to a router that a Lambda handler of an SQSEvent builds and dispatches its message to',
      }),
      ts.valid(CONTROLLER, {
        filename: routedController('SQSEvent'),
        name: 'the same with the controller in a module of its own, bound by the handler (`controller.execute.bind(controller)`)',
      }),
    ],
    invalid: [
      ts.invalid(
        ROUTED_HTTP,
        ROUTED_REPORT,
        { filename: routedHandler(ROUTED_HTTP), name: 'the same router built by a Lambda handler of an HTTP request' },
      ),
      ts.invalid(
        CONTROLLER,
        ROUTED_REPORT,
        { filename: routedController('APIGatewayProxyEvent'), name: 'the controller in a module of its own, bound by a handler of an HTTP request' },
      ),
    ],
  });
});
