/**
 * The suggestions of `no-sync-critical-write` (issue 4), focused: publishing with each broker
 * client in scope in its library's call shape (not with one bound to something unrelated to the
 * topic), the configured publisher and outbox (imports added in the file's module system),
 * topic names and templates, the payload (the body plus the URL's values, or a placeholder
 * when the data cannot be carried over), what happens around the call (`await`, `return`,
 * `void`, a used response, a callback), whole NestJS / superagent chains, and the opt-in `fix`.
 *
 * Each report states by hand what its suggestions replace, the topic and the payload; the
 * outputs are computed from those by `rewrite` (helpers.ts) and asserted in full. Every output
 * is also linted again as a valid case with the same options: the rewritten call is no
 * longer reported.
 */
import { describe } from 'vitest';
import {
  amqp,
  bullmq,
  fixed,
  js,
  jsTester,
  kafka,
  nestEmit,
  outbox,
  outputsOf,
  publisher,
  pubsub,
  pubsubTopic,
  rewrite,
  rule,
  RULE_NAME,
  sns,
  sqs,
  ts,
  tsTester,
  type UserOptions,
} from './helpers.js';

const PAYMENTS = ['service "payments"', 'path "/payments"'];
const BUS: UserOptions = { publisher: { call: 'bus.publish', import: { from: '@acme/bus', name: 'bus' } } };

describe('publish with a broker client in scope (TS syntax)', () => {
  const invalid = [
    ts.invalid(
      `
import axios from 'axios';
import { outbox } from './messaging/outbox';

export async function capturePayment(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/capture\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments/capture',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/capture"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments/capture`, { orderId, amount })',
            topic: 'payments.capture.requested',
            payload: '{ orderId, amount }',
          },
          outbox('outbox.enqueue'),
        ),
      },
      { name: 'unconfigured, with an `outbox` imported by the file: the default call, no comment' },
    ),
    ts.invalid(
      `
import axios from 'axios';
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] });
const producer = kafka.producer();

export async function capturePayment(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/capture\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments/capture',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/capture"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments/capture`, { orderId, amount })',
            topic: 'payments.capture.requested',
            payload: '{ orderId, amount }',
          },
          kafka('producer'),
          outbox(),
        ),
      },
      { name: 'kafkajs producer in a module-level const, awaited: send({ topic, messages: [{ value: JSON.stringify(…) }] })' },
    ),
    ts.invalid(
      `
import { Injectable } from '@nestjs/common';
import axios from 'axios';
import type { Producer } from 'kafkajs';

@Injectable()
export class CheckoutService {
  constructor(private readonly producer: Producer) {}

  placeOrder(order: { id: string; total: number }) {
    return axios.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, { orderId: order.id, total: order.total });
  }
}
`,
      {
        at: 'axios.post',
        request: 'POST /orders',
        service: 'orders',
        evidence: ['service "orders"', 'path "/orders"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.ORDERS_SERVICE_URL}/orders`, { orderId: order.id, total: order.total })',
            topic: 'orders.created',
            payload: '{ orderId: order.id, total: order.total }',
            responseUsed: true,
          },
          kafka('this.producer'),
          outbox(),
        ),
      },
      { name: 'kafkajs Producer injected by constructor (type annotation), returned: the description says the response is gone' },
    ),
    ts.invalid(
      `
import axios from 'axios';
import { Queue } from 'bullmq';

const ledgerQueue = new Queue('ledger', { connection: { host: 'redis' } });

export function postEntry(entry: { account: string; amount: number }): void {
  axios.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, entry);
}
`,
      {
        at: 'axios.post',
        request: 'POST /entries',
        service: 'ledger',
        evidence: ['service "ledger"', 'payload key "amount"'],
        suggest: rewrite(
          { replaced: 'axios.post(`${process.env.LEDGER_SERVICE_URL}/entries`, entry)', topic: 'ledger.entries.created', payload: 'entry' },
          bullmq('ledgerQueue'),
          outbox(),
        ),
      },
      { name: 'bullmq Queue in a module-level const, a bare call: Queue#add(name, payload)' },
    ),
    ts.invalid(
      `
import { HttpService } from '@nestjs/axios';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { firstValueFrom, timeout } from 'rxjs';

@Injectable()
export class LedgerClient {
  constructor(
    private readonly http: HttpService,
    @InjectQueue('ledger') private readonly queue: Queue,
  ) {}

  async reverseEntry(entryId: string, amount: number): Promise<void> {
    await firstValueFrom(this.http.post(\`\${process.env.LEDGER_SERVICE_URL}/entries/\${entryId}/reversals\`, { amount }).pipe(timeout(2000)));
  }
}
`,
      {
        at: 'this.http.post',
        request: 'POST /entries/{entryId}/reversals',
        service: 'ledger',
        evidence: ['service "ledger"', 'payload key "amount"'],
        suggest: rewrite(
          {
            replaced: 'firstValueFrom(this.http.post(`${process.env.LEDGER_SERVICE_URL}/entries/${entryId}/reversals`, { amount }).pipe(timeout(2000)))',
            topic: 'ledger.entries.reversals.created',
            payload: '{ entryId, amount }',
          },
          bullmq('this.queue'),
          outbox(),
        ),
      },
      { name: "@InjectQueue('ledger') queue: Queue from bullmq; NestJS firstValueFrom(this.http.post(…).pipe(…)) is replaced whole" },
    ),
    ts.invalid(
      `
import amqp from 'amqplib';
import axios from 'axios';

export async function reserveStock(orderId: string, items: { sku: string; quantity: number }[]): Promise<void> {
  const connection = await amqp.connect('amqp://rabbitmq');
  const channel = await connection.createChannel();
  await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/reservations\`, { orderId, items });
}
`,
      {
        at: 'axios.post',
        request: 'POST /reservations',
        service: 'inventory',
        evidence: ['service "inventory"', 'path "/reservations"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.INVENTORY_SERVICE_URL}/reservations`, { orderId, items })',
            topic: 'inventory.reservations.created',
            payload: '{ orderId, items }',
          },
          amqp('channel'),
          outbox(),
        ),
      },
      { name: 'amqplib channel from connection.createChannel(): sendToQueue with a Buffer, persistent' },
    ),
    ts.invalid(
      `
import type { ConfirmChannel } from 'amqplib';
import axios from 'axios';

export class LedgerWriter {
  constructor(private readonly channel: ConfirmChannel) {}

  record(entry: { account: string; amount: number }): void {
    void axios.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, entry);
  }
}
`,
      {
        at: 'axios.post',
        request: 'POST /entries',
        service: 'ledger',
        evidence: ['service "ledger"', 'payload key "amount"'],
        suggest: rewrite(
          { replaced: 'axios.post(`${process.env.LEDGER_SERVICE_URL}/entries`, entry)', topic: 'ledger.entries.created', payload: 'entry' },
          amqp('this.channel'),
          outbox(),
        ),
      },
      { name: 'amqplib ConfirmChannel class field, voided: `void` is kept' },
    ),
    ts.invalid(
      `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import axios from 'axios';

@Injectable()
export class RefundsService {
  constructor(@Inject('PAYMENTS_BUS') private readonly client: ClientProxy) {}

  async refund(paymentId: string, amount: number): Promise<string> {
    const { data } = await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}/refunds\`, { amount });
    return data.status;
  }
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments/{paymentId}/refunds',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/{paymentId}/refunds"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments/${paymentId}/refunds`, { amount })',
            topic: 'payments.refunds.created',
            payload: '{ paymentId, amount }',
            responseUsed: true,
          },
          nestEmit('this.client'),
          outbox(),
        ),
      },
      { name: 'NestJS ClientProxy injected by constructor: emit(pattern, payload); `const { data } = await …` keeps the await' },
    ),
    ts.invalid(
      `
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import axios from 'axios';

const sqsClient = new SQSClient({ region: 'eu-west-1' });

export async function issueInvoice(orderId: string, total: number): Promise<void> {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, { orderId, total });
}
`,
      {
        at: 'axios.post',
        request: 'POST /invoices',
        service: 'billing',
        evidence: ['service "billing"', 'path "/invoices"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/invoices`, { orderId, total })',
            topic: 'billing.invoices.created',
            payload: '{ orderId, total }',
          },
          sqs('sqsClient'),
          outbox(),
        ),
      },
      { name: 'SQSClient with SendMessageCommand already imported: nothing is added' },
    ),
    ts.invalid(
      `
import { SQSClient } from '@aws-sdk/client-sqs';
import axios from 'axios';

const sqs = new SQSClient({});

export async function issueInvoice(orderId: string, total: number): Promise<void> {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, { orderId, total });
}
`,
      {
        at: 'axios.post',
        request: 'POST /invoices',
        service: 'billing',
        evidence: ['service "billing"', 'path "/invoices"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/invoices`, { orderId, total })',
            topic: 'billing.invoices.created',
            payload: '{ orderId, total }',
          },
          sqs('sqs', { after: 'import { SQSClient', text: ', SendMessageCommand' }),
          outbox(),
        ),
      },
      { name: 'SQSClient without SendMessageCommand: merged into the existing import' },
    ),
    ts.invalid(
      `
import { SNSClient } from '@aws-sdk/client-sns';
import axios from 'axios';

const sns = new SNSClient({});

export async function placeOrder(order: { id: string; total: number }): Promise<void> {
  await axios.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, order);
}
`,
      {
        at: 'axios.post',
        request: 'POST /orders',
        service: 'orders',
        evidence: ['service "orders"', 'path "/orders"'],
        suggest: rewrite(
          { replaced: 'axios.post(`${process.env.ORDERS_SERVICE_URL}/orders`, order)', topic: 'orders.created', payload: 'order' },
          sns('sns', { after: 'import { SNSClient', text: ', PublishCommand' }),
          outbox(),
        ),
      },
      { name: 'SNSClient: send(new PublishCommand(…)), PublishCommand merged into the import' },
    ),
    ts.invalid(
      `
import { PubSub } from '@google-cloud/pubsub';
import axios from 'axios';

const pubsub = new PubSub();

export async function placeOrder(order: { id: string; total: number }): Promise<void> {
  await axios.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, order);
}
`,
      {
        at: 'axios.post',
        request: 'POST /orders',
        service: 'orders',
        evidence: ['service "orders"', 'path "/orders"'],
        suggest: rewrite(
          { replaced: 'axios.post(`${process.env.ORDERS_SERVICE_URL}/orders`, order)', topic: 'orders.created', payload: 'order' },
          pubsub('pubsub'),
          outbox(),
        ),
      },
      { name: 'Google Pub/Sub client: topic(name).publishMessage({ json })' },
    ),
    ts.invalid(
      `
import type { Topic } from '@google-cloud/pubsub';
import axios from 'axios';

export class OrdersGateway {
  constructor(private readonly ordersTopic: Topic) {}

  async place(order: { id: string; total: number }): Promise<void> {
    await axios.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, order);
  }
}
`,
      {
        at: 'axios.post',
        request: 'POST /orders',
        service: 'orders',
        evidence: ['service "orders"', 'path "/orders"'],
        suggest: rewrite(
          { replaced: 'axios.post(`${process.env.ORDERS_SERVICE_URL}/orders`, order)', topic: 'orders.created', payload: 'order' },
          pubsubTopic('this.ordersTopic'),
          outbox(),
        ),
      },
      { name: 'Google Pub/Sub Topic class field: publishMessage({ json })' },
    ),
    ts.invalid(
      `
import amqp from 'amqplib';
import axios from 'axios';
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function capture(orderId: string, amount: number): Promise<void> {
  const channel = await (await amqp.connect('amqp://rabbitmq')).createChannel();
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          },
          amqp('channel'),
          outbox(),
        ),
      },
      { name: 'the nearest broker client wins: a local channel over a module-level producer' },
    ),
    ts.invalid(
      `
import amqp from 'amqplib';
import axios from 'axios';
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function refund(paymentId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`, { paymentId, amount });
  const channel = await (await amqp.connect('amqp://rabbitmq')).createChannel();
  await channel.close();
}
`,
      {
        at: 'axios.post',
        request: 'POST /refunds',
        service: 'payments',
        evidence: ['service "payments"', 'path "/refunds"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/refunds`, { paymentId, amount })',
            topic: 'payments.refunds.created',
            payload: '{ paymentId, amount }',
          },
          kafka('producer'),
          outbox(),
        ),
      },
      { name: 'a channel declared after the call in the same function is not in scope yet: the producer is used' },
    ),
    ts.invalid(
      `
import axios from 'axios';
import { Queue } from 'bullmq';

const settlements = new Queue('settlements');

export async function settle(merchantId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.LEDGER_SERVICE_URL}/settlements\`, { merchantId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /settlements',
        service: 'ledger',
        evidence: ['service "ledger"', 'path "/settlements"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.LEDGER_SERVICE_URL}/settlements`, { merchantId, amount })',
            topic: 'ledger.settlements.created',
            payload: '{ merchantId, amount }',
          },
          bullmq('settlements'),
          outbox(),
        ),
      },
      { name: 'a broker client in scope is used before the configured publisher', options: BUS },
    ),
  ];
  tsTester.run(RULE_NAME, rule, { valid: outputsOf(invalid), invalid });
});

describe('publish with a broker client in scope (plain JS, CommonJS)', () => {
  const invalid = [
    js.invalid(
      `
const { SQSClient } = require('@aws-sdk/client-sqs');
const axios = require('axios');

const sqs = new SQSClient({});

async function issueInvoice(orderId, total) {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, { orderId, total });
}
module.exports = { issueInvoice };
`,
      {
        at: 'axios.post',
        request: 'POST /invoices',
        service: 'billing',
        evidence: ['service "billing"', 'path "/invoices"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/invoices`, { orderId, total })',
            topic: 'billing.invoices.created',
            payload: '{ orderId, total }',
          },
          sqs('sqs', { after: "const axios = require('axios');", text: "\nconst { SendMessageCommand } = require('@aws-sdk/client-sqs');" }),
          outbox(),
        ),
      },
      { name: 'SQSClient in a CommonJS file: SendMessageCommand is required after the last require', sourceType: 'commonjs' },
    ),
    js.invalid(
      `
const { Kafka } = require('kafkajs');
const got = require('got');

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

exports.adjustStock = async (sku, quantity) => {
  await got.patch(\`\${process.env.WAREHOUSE_SERVICE_URL}/stock/\${sku}\`, { json: { quantity } });
};
`,
      {
        at: 'got.patch',
        request: 'PATCH /stock/{sku}',
        service: 'warehouse',
        evidence: ['service "warehouse"', 'path "/stock/{sku}"'],
        suggest: rewrite(
          {
            replaced: 'got.patch(`${process.env.WAREHOUSE_SERVICE_URL}/stock/${sku}`, { json: { quantity } })',
            topic: 'warehouse.stock.updated',
            payload: '{ sku, quantity }',
          },
          kafka('producer'),
          outbox(),
        ),
      },
      { name: 'kafkajs producer from require', sourceType: 'commonjs' },
    ),
  ];
  jsTester.run(RULE_NAME, rule, { valid: outputsOf(invalid), invalid });
});

describe('the configured publisher and outbox', () => {
  const tsInvalid = [
    ts.invalid(
      `
import axios from 'axios';
import { logger } from './logger.js';

export async function capture(orderId: string, amount: number): Promise<void> {
  logger.info('capturing', { orderId });
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          },
          publisher('bus.publish', { after: "import { logger } from './logger.js';", text: "\nimport { bus } from '@acme/bus';" }),
          outbox(),
        ),
      },
      { name: 'ESM: the publisher import is added after the last import', options: BUS },
    ),
    ts.invalid(
      `
import { topics } from '@acme/bus';
import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount, topic: topics.payments });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount, topic: topics.payments })',
            topic: 'payments.created',
            payload: '{ orderId, amount, topic: topics.payments }',
          },
          publisher('bus.publish', { after: 'import { topics', text: ', bus' }),
          outbox(),
        ),
      },
      { name: 'ESM: merged into an existing import from the same module', options: BUS },
    ),
    ts.invalid(
      `
import { bus } from '@acme/bus';
import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  bus.on('payments.failed', () => undefined);
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          },
          publisher('bus.publish'),
          outbox(),
        ),
      },
      { name: 'ESM: nothing is added when the publisher is already imported', options: BUS },
    ),
    ts.invalid(
      `
export async function capture(orderId: string, amount: number): Promise<void> {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify({ orderId, amount }) });
}
`,
      {
        at: 'fetch',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: "fetch(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { method: 'POST', body: JSON.stringify({ orderId, amount }) })",
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          },
          publisher('bus.publish', { before: 'export async function', text: "import { bus } from '@acme/bus';\n" }),
          outbox('outbox.record', { before: 'export async function', text: "import { outbox } from '@acme/outbox';\n" }),
        ),
      },
      {
        name: 'a file with no imports: the import lines go before the first statement',
        options: { ...BUS, outbox: { call: 'outbox.record', import: { from: '@acme/outbox', name: 'outbox' } } },
      },
    ),
    ts.invalid(
      `
import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          },
          publisher('this.events.publish'),
          outbox('db.outbox.insert'),
        ),
      },
      {
        name: 'a publisher and an outbox without import: only the call is written',
        options: { publisher: { call: 'this.events.publish' }, outbox: { call: 'db.outbox.insert' } },
      },
    ),
    ts.invalid(
      `
import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          },
          publisher('events.publish', { after: "import axios from 'axios';", text: "\nimport events from '@acme/events';" }),
          outbox('outbox.enqueue', { after: "import axios from 'axios';", text: "\nimport { outbox } from '../db/outbox.js';" }),
        ),
      },
      {
        name: 'a default import for the publisher, a named one for the outbox',
        options: {
          publisher: { call: 'events.publish', import: { from: '@acme/events', name: 'events', default: true } },
          outbox: { call: 'outbox.enqueue', import: { from: '../db/outbox.js', name: 'outbox' } },
        },
      },
    ),
  ];
  tsTester.run(RULE_NAME, rule, { valid: outputsOf(tsInvalid), invalid: tsInvalid });

  const jsInvalid = [
    js.invalid(
      `
const axios = require('axios');
const { randomUUID } = require('node:crypto');

async function capture(orderId, amount) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { id: randomUUID(), orderId, amount });
}
module.exports = { capture };
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { id: randomUUID(), orderId, amount })',
            topic: 'payments.created',
            payload: '{ id: randomUUID(), orderId, amount }',
          },
          publisher('bus.publish', { after: "const { randomUUID } = require('node:crypto');", text: "\nconst { bus } = require('@acme/bus');" }),
          outbox('outbox.enqueue', { after: "const { randomUUID } = require('node:crypto');", text: "\nconst outbox = require('@acme/outbox');" }),
        ),
      },
      {
        name: 'CommonJS: require lines after the last require (named and default)',
        sourceType: 'commonjs',
        options: { ...BUS, outbox: { call: 'outbox.enqueue', import: { from: '@acme/outbox', name: 'outbox', default: true } } },
      },
    ),
    js.invalid(
      `
async function capture(orderId, amount) {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify({ orderId, amount }) });
}
module.exports = { capture };
`,
      {
        at: 'fetch',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: "fetch(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { method: 'POST', body: JSON.stringify({ orderId, amount }) })",
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          },
          publisher('bus.publish', { before: 'async function capture', text: "const { bus } = require('@acme/bus');\n" }),
          outbox(),
        ),
      },
      { name: 'a .cjs file with no require yet: the require goes before the first statement', filename: 'src/service.cjs', sourceType: 'commonjs', options: BUS },
    ),
    js.invalid(
      `
import axios from 'axios';

export async function capture(orderId, amount) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          },
          publisher('bus.publish', { after: "import axios from 'axios';", text: "\nimport { bus } from '@acme/bus';" }),
          outbox(),
        ),
      },
      { name: 'ESM in plain JS: an import line', options: BUS },
    ),
  ];
  jsTester.run(RULE_NAME, rule, { valid: outputsOf(jsInvalid), invalid: jsInvalid });
});

describe('topic names and what surrounds the call', () => {
  const invalid = [
    ts.invalid(
      `
import axios from 'axios';

export async function capture(paymentId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}/capture\`, { amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments/{paymentId}/capture',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
        suggest: rewrite({
          replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments/${paymentId}/capture`, { amount })',
          topic: 'acme.payments.v1.capture.requested',
          payload: '{ paymentId, amount }',
        }),
      },
      { name: 'topicTemplate with a prefix and a version', options: { topicTemplate: 'acme.{service}.v1.{resource}.{action}' } },
    ),
    ts.invalid(
      `
import axios from 'axios';

export async function capture(paymentId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}/capture\`, { amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments/{paymentId}/capture',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments/${paymentId}/capture`, { amount })',
            topic: 'payments.requested',
            payload: '{ paymentId, amount }',
          },
          publisher('bus.publish', { after: "import axios from 'axios';", text: "\nimport { bus } from '@acme/bus';" }),
          outbox(),
        ),
      },
      { name: 'topicTemplate without the resource', options: { ...BUS, topicTemplate: '{service}.{action}' } },
    ),
    ts.invalid(
      `
import axios from 'axios';

export async function openAccount(customerId: string): Promise<string> {
  const response = await axios.post(\`\${process.env.LEDGER_SERVICE_URL}/accounts\`, { customerId, currency: 'EUR' });
  return response.data.id;
}
`,
      {
        at: 'axios.post',
        request: 'POST /accounts',
        service: 'ledger',
        evidence: ['service "ledger"', 'path "/accounts"'],
        suggest: rewrite(
          {
            replaced: "axios.post(`${process.env.LEDGER_SERVICE_URL}/accounts`, { customerId, currency: 'EUR' })",
            topic: 'ledger.accounts.created',
            payload: "{ customerId, currency: 'EUR' }",
            responseUsed: true,
          },
          publisher('bus.publish', { after: "import axios from 'axios';", text: "\nimport { bus } from '@acme/bus';" }),
          outbox(),
        ),
      },
      { name: 'const r = await …; r.data.id: still offered, the description says the response will no longer be available', options: BUS },
    ),
    ts.invalid(
      `
import axios from 'axios';

export function reserve(orderId: string, items: string[]) {
  return axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/reservations\`, { orderId, items }).then((response) => response.status);
}
`,
      {
        at: 'axios.post',
        request: 'POST /reservations',
        service: 'inventory',
        evidence: ['service "inventory"', 'path "/reservations"'],
        suggest: rewrite({
          replaced: 'axios.post(`${process.env.INVENTORY_SERVICE_URL}/reservations`, { orderId, items })',
          topic: 'inventory.reservations.created',
          payload: '{ orderId, items }',
          responseUsed: true,
        }),
      },
      { name: 'a .then(…) on the response uses it' },
    ),
    ts.invalid(
      `
import superagent from 'superagent';

export async function capture(payment: { id: string; amount: number }): Promise<void> {
  await superagent
    .post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`)
    .set('idempotency-key', payment.id)
    .timeout(5000)
    .send(payment);
}
`,
      {
        at: 'superagent\n    .post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          { replaced: { from: 'superagent\n    .post', to: '.send(payment)' }, topic: 'payments.created', payload: 'payment' },
          publisher('bus.publish', { after: "import superagent from 'superagent';", text: "\nimport { bus } from '@acme/bus';" }),
          outbox(),
        ),
      },
      { name: 'a superagent builder chain is replaced whole', options: BUS },
    ),
    ts.invalid(
      `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom, map } from 'rxjs';

@Injectable()
export class BillingClient {
  constructor(private readonly http: HttpService) {}

  issueInvoice(orderId: string, total: number): Promise<string> {
    return firstValueFrom(
      this.http.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, { orderId, total }).pipe(map((response) => response.data.id as string)),
    );
  }
}
`,
      {
        at: 'this.http.post',
        request: 'POST /invoices',
        service: 'billing',
        evidence: ['service "billing"', 'path "/invoices"'],
        suggest: rewrite({
          replaced: { from: 'firstValueFrom(\n', to: '\n    )' },
          topic: 'billing.invoices.created',
          payload: '{ orderId, total }',
          responseUsed: true,
        }),
      },
      { name: 'NestJS: return firstValueFrom(this.http.post(…).pipe(map(…))) is replaced whole, return kept' },
    ),
  ];
  tsTester.run(RULE_NAME, rule, { valid: outputsOf(invalid), invalid });
});

describe('fix: true applies the configured publish with --fix only when the response is unused', () => {
  const capture = `
import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`;
  const captureSpec = {
    replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
    topic: 'payments.created',
    payload: '{ orderId, amount }',
  };
  const busImport = { after: "import axios from 'axios';", text: "\nimport { bus } from '@acme/bus';" };
  const FIX_BUS: UserOptions = { ...BUS, fix: true };

  const invalid = [
    ts.invalid(
      capture,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(captureSpec, publisher('bus.publish', busImport), outbox()),
      },
      { name: 'response unused: --fix publishes and adds the import', options: FIX_BUS, output: fixed(captureSpec, 'bus.publish', busImport) },
    ),
    ts.invalid(
      `
import axios from 'axios';

export async function openAccount(customerId: string): Promise<string> {
  const { data } = await axios.post(\`\${process.env.LEDGER_SERVICE_URL}/accounts\`, { customerId });
  return data.id;
}
`,
      {
        at: 'axios.post',
        request: 'POST /accounts',
        service: 'ledger',
        evidence: ['service "ledger"', 'path "/accounts"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.LEDGER_SERVICE_URL}/accounts`, { customerId })',
            topic: 'ledger.accounts.created',
            payload: '{ customerId }',
            responseUsed: true,
          },
          publisher('bus.publish', busImport),
          outbox(),
        ),
      },
      { name: 'response used: no fix, the suggestions remain', options: FIX_BUS, output: null },
    ),
    ts.invalid(
      capture,
      { at: 'axios.post', request: 'POST /payments', service: 'payments', evidence: PAYMENTS, suggest: rewrite(captureSpec) },
      { name: 'fix: true without a publisher: no fix', options: { fix: true }, output: null },
    ),
    ts.invalid(
      `
import axios from 'axios';
import { Queue } from 'bullmq';

const paymentsQueue = new Queue('payments');

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(captureSpec, bullmq('paymentsQueue'), outbox()),
      },
      {
        name: 'with a broker client in scope, --fix still uses the configured publisher',
        options: FIX_BUS,
        output: fixed(captureSpec, 'bus.publish', { after: "import { Queue } from 'bullmq';", text: "\nimport { bus } from '@acme/bus';" }),
      },
    ),
    ts.invalid(
      `
import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
  void axios.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, { orderId, amount });
}
`,
      [
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite(captureSpec, publisher('bus.publish', busImport), outbox()),
        },
        {
          at: 'axios.post',
          nth: 2,
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          suggest: rewrite(
            {
              replaced: 'axios.post(`${process.env.LEDGER_SERVICE_URL}/entries`, { orderId, amount })',
              topic: 'ledger.entries.created',
              payload: '{ orderId, amount }',
            },
            publisher('bus.publish', busImport),
            outbox(),
          ),
        },
      ],
      {
        name: 'two fixable calls: two passes, the import added once',
        options: FIX_BUS,
        output: (code) => {
          const first = fixed(captureSpec, 'bus.publish', busImport)(code);
          const second = fixed(
            { replaced: 'axios.post(`${process.env.LEDGER_SERVICE_URL}/entries`, { orderId, amount })', topic: 'ledger.entries.created', payload: '{ orderId, amount }' },
            'bus.publish',
          )(first);
          return [first, second];
        },
      },
    ),
  ];
  tsTester.run(RULE_NAME, rule, { valid: outputsOf(invalid.filter((item) => item.errors.length === 1)), invalid });
});

describe('the payload carries the URL values; a placeholder when the data cannot be carried over', () => {
  const busImport = { after: "import axios from 'axios';", text: "\nimport { bus } from '@acme/bus';" };
  const FIX_BUS: UserOptions = { ...BUS, fix: true };
  const reservation = {
    replaced: 'axios.delete(`${process.env.INVENTORY_SERVICE_URL}/reservations/${order.reservationId}`)',
    topic: 'inventory.reservations.deleted',
    // a member hole is written with its expression, never as a bare (undeclared) `reservationId`
    payload: '{ reservationId: order.reservationId }',
  };
  const jsInvalid = [
    js.invalid(
      `
import axios from 'axios';

export async function cancel(order) {
  await axios.delete(\`\${process.env.INVENTORY_SERVICE_URL}/reservations/\${order.reservationId}\`);
}
`,
      {
        at: 'axios.delete',
        request: 'DELETE /reservations/{reservationId}',
        service: 'inventory',
        evidence: ['service "inventory"', 'path "/reservations/{reservationId}"'],
        suggest: rewrite(reservation, publisher('bus.publish', busImport), outbox()),
      },
      { name: 'a member hole and no body: --fix publishes `{ reservationId: order.reservationId }`', options: FIX_BUS, output: fixed(reservation, 'bus.publish', busImport) },
    ),
    ...[
      {
        body: '{ quantity: item.quantity }',
        // the wrappers' `sku`, as written at the reported call
        payload: '{ sku: item.sku, quantity: item.quantity }',
        name: 'through wrappers, the URL values are written as at the reported call',
      },
      // `item.sku` is part of the body `item`: nothing to add
      { body: 'item', payload: 'item', name: 'through wrappers, a URL value that is a member of the body adds nothing' },
    ].map(({ body, payload, name }) =>
      js.invalid(
        `
import axios from 'axios';

function putJson(base, path, body) {
  return axios.put(\`\${base}\${path}\`, body);
}

function putStock(base, sku, body) {
  return putJson(base, \`/stock/\${sku}\`, body);
}

export async function restock(item) {
  await putStock(process.env.INVENTORY_SERVICE_URL, item.sku, ${body});
}
`,
        {
          at: 'putStock',
          within: 'await putStock(',
          request: 'PUT /stock/{sku}',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/stock/{sku}"'],
          via: ['putStock', 'putJson'],
          suggest: rewrite({
            replaced: `putStock(process.env.INVENTORY_SERVICE_URL, item.sku, ${body})`,
            topic: 'inventory.stock.updated',
            payload,
          }),
        },
        { name },
      ),
    ),
    js.invalid(
      `
import axios from 'axios';

export async function setBalance(account, dto) {
  await axios.put(\`\${process.env.LEDGER_SERVICE_URL}/accounts/\${account}/balance\`, dto);
}
`,
      {
        at: 'axios.put',
        request: 'PUT /accounts/{account}/balance',
        service: 'ledger',
        evidence: ['service "ledger"', 'path "/accounts/{account}/balance"'],
        suggest: rewrite({
          replaced: 'axios.put(`${process.env.LEDGER_SERVICE_URL}/accounts/${account}/balance`, dto)',
          topic: 'ledger.accounts.balance.updated',
          payload: '{ ...dto, account }',
        }),
      },
      { name: 'an identifier body: spread, the URL value added' },
    ),
    js.invalid(
      `
const CORE = process.env.CORE_API_URL;

async function send(method, path, body) {
  return fetch(\`\${CORE}\${path}\`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}

export async function transfer(from, to, cents) {
  await send('POST', '/transfers', { from, to, cents });
}
`,
      {
        at: 'send',
        within: "send('POST'",
        request: 'POST /transfers',
        service: 'core',
        evidence: ['path "/transfers"', 'function "transfer"'],
        via: ['send'],
        suggest: rewrite(
          {
            replaced: "send('POST', '/transfers', { from, to, cents })",
            topic: 'core.transfers.created',
            payload: '/* TODO: the data this request carried */ {}',
          },
          publisher('bus.publish', { before: 'const CORE', text: "import { bus } from '@acme/bus';\n" }),
          outbox(),
        ),
      },
      { name: 'the data is not carried over: the placeholder is suggested, --fix does not apply it', options: FIX_BUS, output: null },
    ),
  ];
  jsTester.run(RULE_NAME, rule, { valid: outputsOf(jsInvalid), invalid: jsInvalid });
});

describe('a used response: assigned, returned, chained, or handed to a callback', () => {
  const FIX_BUS: UserOptions = { ...BUS, fix: true };
  const jsInvalid = [
    js.invalid(
      `
const request = require('request');

function reverse(entryId, amount, callback) {
  request.post({ uri: \`\${process.env.LEDGER_SERVICE_URL}/entries/\${entryId}/reversals\`, body: { amount }, json: true }, callback);
}
module.exports = { reverse };
`,
      {
        at: 'request.post',
        request: 'POST /entries/{entryId}/reversals',
        service: 'ledger',
        evidence: ['service "ledger"', 'payload key "amount"'],
        suggest: rewrite(
          {
            replaced: 'request.post({ uri: `${process.env.LEDGER_SERVICE_URL}/entries/${entryId}/reversals`, body: { amount }, json: true }, callback)',
            topic: 'ledger.entries.reversals.created',
            payload: '{ entryId, amount }',
            responseUsed: true,
          },
          publisher('bus.publish', { after: "const request = require('request');", text: "\nconst { bus } = require('@acme/bus');" }),
          outbox(),
        ),
      },
      { name: 'a callback named `callback` receives the response: the note, and no --fix', sourceType: 'commonjs', options: FIX_BUS, output: null },
    ),
    js.invalid(
      `
const needle = require('needle');

function deposit(walletId, amount, onDone) {
  needle.post(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}/deposits\`, { amount }, { json: true }, onDone);
}
module.exports = { deposit };
`,
      {
        at: 'needle.post',
        request: 'POST /wallets/{walletId}/deposits',
        service: 'wallet',
        evidence: ['service "wallet"', 'path "/wallets/{walletId}/deposits"'],
        suggest: rewrite({
          replaced: 'needle.post(`${process.env.WALLET_SERVICE_URL}/wallets/${walletId}/deposits`, { amount }, { json: true }, onDone)',
          topic: 'wallet.deposits.created',
          payload: '{ walletId, amount }',
          responseUsed: true,
        }),
      },
      { name: 'an `onX` identifier as the last argument receives the response', sourceType: 'commonjs' },
    ),
    js.invalid(
      `
const needle = require('needle');

function withdraw(walletId, amount) {
  needle.post(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}/withdrawals\`, { amount }, { json: true }, (error) => {
    if (error) console.error(error);
  });
}
module.exports = { withdraw };
`,
      {
        at: 'needle.post',
        request: 'POST /wallets/{walletId}/withdrawals',
        service: 'wallet',
        evidence: ['service "wallet"', 'path "/wallets/{walletId}/withdrawals"'],
        suggest: rewrite({
          replaced: { from: 'needle.post(', to: '\n  })' },
          topic: 'wallet.withdrawals.created',
          payload: '{ walletId, amount }',
          responseUsed: true,
        }),
      },
      { name: 'a function as the last argument receives the response', sourceType: 'commonjs' },
    ),
  ];
  jsTester.run(RULE_NAME, rule, { valid: outputsOf(jsInvalid), invalid: jsInvalid });

  const captureSpec = {
    replaced: 'axios?.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
    topic: 'payments.created',
    payload: '{ orderId, amount }',
  };
  const busImport = { after: "import axios from 'axios';", text: "\nimport { bus } from '@acme/bus';" };
  const tsInvalid = [
    ts.invalid(
      `
import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios?.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`,
      {
        at: 'axios?.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(captureSpec, publisher('bus.publish', busImport), outbox()),
      },
      { name: 'optional chaining alone does not use the response: --fix applies', options: FIX_BUS, output: fixed(captureSpec, 'bus.publish', busImport) },
    ),
    ts.invalid(
      `
import createClient from 'openapi-fetch';
import type { paths } from './generated/orders';

const orders = createClient<paths>({ baseUrl: process.env.ORDERS_SERVICE_URL });

export async function cancel(orderId: string): Promise<void> {
  await orders.DELETE('/orders/{orderId}', { params: { path: { orderId } } });
}
`,
      {
        at: 'orders.DELETE',
        request: 'DELETE /orders/{orderId}',
        service: 'orders',
        evidence: ['service "orders"', 'path "/orders/{orderId}"'],
        suggest: rewrite(
          {
            replaced: "orders.DELETE('/orders/{orderId}', { params: { path: { orderId } } })",
            topic: 'orders.deleted',
            payload: '/* TODO: the data this request carried */ {}',
          },
          publisher('bus.publish', { after: "import type { paths } from './generated/orders';", text: "\nimport { bus } from '@acme/bus';" }),
          outbox(),
        ),
      },
      { name: 'openapi-fetch path parameters are not carried over: the placeholder, no --fix', options: FIX_BUS, output: null },
    ),
  ];
  tsTester.run(RULE_NAME, rule, { valid: outputsOf(tsInvalid), invalid: tsInvalid });
});

describe('imports in the module system the file is parsed in, before the first statement without splitting it from its comments', () => {
  const fetchCall = "fetch(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { method: 'POST', body: JSON.stringify({ orderId, amount }) })";
  const captureSpec = { replaced: fetchCall, topic: 'payments.created', payload: '{ orderId, amount }' };
  const jsInvalid = [
    js.invalid(
      `
async function capture(orderId, amount) {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify({ orderId, amount }) });
}
module.exports = { capture };
`,
      {
        at: 'fetch',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          captureSpec,
          publisher('bus.publish', { before: 'async function capture', text: "const { bus } = require('@acme/bus');\n" }),
          outbox(),
        ),
      },
      { name: 'a .js file parsed as CommonJS with no require yet: a require, not an import', sourceType: 'commonjs', options: BUS },
    ),
    js.invalid(
      `
'use strict';

async function capture(orderId, amount) {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify({ orderId, amount }) });
}
module.exports = { capture };
`,
      {
        at: 'fetch',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          captureSpec,
          publisher('bus.publish', { after: "'use strict';", text: "\nconst { bus } = require('@acme/bus');" }),
          outbox(),
        ),
      },
      { name: "the require goes after the 'use strict' prologue", filename: 'src/service.cjs', sourceType: 'commonjs', options: BUS },
    ),
  ];
  jsTester.run(RULE_NAME, rule, { valid: outputsOf(jsInvalid), invalid: jsInvalid });

  const tsInvalid = [
    ts.invalid(
      `
// Copyright Acme. All rights reserved.

/** Captures a payment. */
export async function capture(orderId: string, amount: number): Promise<void> {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify({ orderId, amount }) });
}
`,
      {
        at: 'fetch',
        request: 'POST /payments',
        service: 'payments',
        evidence: PAYMENTS,
        suggest: rewrite(
          captureSpec,
          // above the JSDoc of the first statement, below the detached file header
          publisher('bus.publish', { before: '/** Captures a payment. */', text: "import { bus } from '@acme/bus';\n" }),
          outbox(),
        ),
      },
      { name: 'no imports yet: the import goes above the JSDoc of the first statement', options: BUS },
    ),
  ];
  tsTester.run(RULE_NAME, rule, { valid: outputsOf(tsInvalid), invalid: tsInvalid });
});

describe('broker handles bound to something unrelated to the topic are not used', () => {
  const invalid = [
    ts.invalid(
      `
import axios from 'axios';
import { Queue } from 'bullmq';

interface WithdrawalJob {
  walletId: string;
  amount: number;
}

const withdrawalsQueue = new Queue('wallet-withdrawals');
const jobs: Queue<WithdrawalJob> = new Queue<WithdrawalJob>('jobs');

export async function setBalance(walletId: string, balance: number): Promise<void> {
  await axios.put(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}/balance\`, { balance });
}
`,
      {
        at: 'axios.put',
        request: 'PUT /wallets/{walletId}/balance',
        service: 'wallet',
        evidence: ['service "wallet"', 'path "/wallets/{walletId}/balance"'],
        suggest: rewrite({
          replaced: 'axios.put(`${process.env.WALLET_SERVICE_URL}/wallets/${walletId}/balance`, { balance })',
          topic: 'wallet.balance.updated',
          payload: '{ walletId, balance }',
        }),
      },
      { name: 'a queue named for withdrawals and a Queue<WithdrawalJob> are not offered for a balance write' },
    ),
    ts.invalid(
      `
import axios from 'axios';
import { Queue } from 'bullmq';

const withdrawalsQueue = new Queue('wallet-withdrawals');
const balanceQueue = new Queue('wallet-balances');

export async function setBalance(walletId: string, balance: number): Promise<void> {
  await axios.put(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}/balance\`, { balance });
}
`,
      {
        at: 'axios.put',
        request: 'PUT /wallets/{walletId}/balance',
        service: 'wallet',
        evidence: ['service "wallet"', 'path "/wallets/{walletId}/balance"'],
        suggest: rewrite(
          {
            replaced: 'axios.put(`${process.env.WALLET_SERVICE_URL}/wallets/${walletId}/balance`, { balance })',
            topic: 'wallet.balance.updated',
            payload: '{ walletId, balance }',
          },
          bullmq('balanceQueue'),
          outbox(),
        ),
      },
      { name: 'a queue named for the written resource is offered' },
    ),
  ];
  tsTester.run(RULE_NAME, rule, { valid: outputsOf(invalid), invalid });
});

describe('topics: an empty placeholder of a topicTemplate leaves no doubled or dangling separator; path parameters are not segments', () => {
  const code = `
import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId, amount });
}
`;
  const report = (topic: string) => ({
    at: 'axios.post',
    request: 'POST /payments',
    service: 'payments',
    evidence: PAYMENTS,
    suggest: rewrite({
      replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId, amount })',
      topic,
      payload: '{ orderId, amount }',
    }),
  });
  const invalid = [
    ts.invalid(code, report('payments-created'), { name: "'{service}-{resource}-{action}'", options: { topicTemplate: '{service}-{resource}-{action}' } }),
    ts.invalid(code, report('payments/created'), { name: "'{service}/{resource}/{action}'", options: { topicTemplate: '{service}/{resource}/{action}' } }),
    ts.invalid(code, report('payments_created'), { name: "'{service}_{resource}_{action}'", options: { topicTemplate: '{service}_{resource}_{action}' } }),
    ts.invalid(code, report('payments:created'), { name: "'{service}:{resource}:{action}'", options: { topicTemplate: '{service}:{resource}:{action}' } }),
    ts.invalid(code, report('payments.created'), { name: 'trimmed at the end: {service}.{action}.{resource}', options: { topicTemplate: '{service}.{action}.{resource}' } }),
    ts.invalid(
      `
import axios from 'axios';

export async function reverse(entryId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.LEDGER_SERVICE_URL}/entries/\${entryId}/reversals\`, { amount });
}
`,
      {
        at: 'axios.post',
        request: 'POST /entries/{entryId}/reversals',
        service: 'ledger',
        evidence: ['service "ledger"', 'payload key "amount"'],
        suggest: rewrite({
          replaced: 'axios.post(`${process.env.LEDGER_SERVICE_URL}/entries/${entryId}/reversals`, { amount })',
          // the template's separator before `{resource}` also joins the resource's segments
          topic: 'ledger-entries-reversals-created',
          payload: '{ entryId, amount }',
        }),
      },
      { name: "'{service}-{resource}-{action}' with a resource of two segments", options: { topicTemplate: '{service}-{resource}-{action}' } },
    ),
    ...[
      { path: '/orders/:orderId/refunds', topic: 'orders.refunds.created' },
      { path: '/orders/<orderId>/capture', topic: 'orders.capture.requested' },
      { path: '/orders/{orderId}/bookings/{bookingId}', topic: 'orders.bookings.created' },
    ].map(({ path, topic }) =>
      ts.invalid(
        `
import axios from 'axios';

export async function send(body: { amount: number }): Promise<void> {
  await axios.post(\`\${process.env.ORDERS_SERVICE_URL}${path}\`, body);
}
`,
        {
          at: 'axios.post',
          request: `POST ${path}`,
          service: 'orders',
          evidence: ['service "orders"', `path "${path}"`],
          suggest: rewrite({ replaced: `axios.post(\`\${process.env.ORDERS_SERVICE_URL}${path}\`, body)`, topic, payload: 'body' }),
        },
        { name: `path parameters written into the path are not segments: ${path}` },
      ),
    ),
  ];
  tsTester.run(RULE_NAME, rule, { valid: outputsOf(invalid), invalid });
});
