/**
 * Regression cases: each once disagreed with the specification (DESIGN.md, "What the core
 * rule reports"). Grouped by the topic they belong to.
 */
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import realRule from '../../../src/rules/no-sync-critical-write.js';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, kafka, outbox, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const PAYMENTS = ['service "payments"', 'path "/payments"'];

describe('B1 (mitigations) consumer handlers passed by reference are consumers', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).consumer({ groupId: 'payments' });

async function handleOrderCreated({ message }) {
  const order = JSON.parse(message.value.toString());
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
}

export async function start() {
  await consumer.subscribe({ topic: 'order.created' });
  await consumer.run({ eachMessage: handleOrderCreated });
}
`,
        { name: 'kafkajs eachMessage: a named handler function' },
      ),
      js.valid(
        `
import { Worker } from 'bullmq';
import axios from 'axios';

async function processInvoice(job) {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, job.data);
}

export const worker = new Worker('invoices', processInvoice, { connection: { host: 'redis' } });
`,
        { name: 'bullmq new Worker(name, processorFunction)' },
      ),
      js.valid(
        `
import amqp from 'amqplib';
import axios from 'axios';

async function onCapture(msg) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/capture\`, JSON.parse(msg.content.toString()));
}

export async function start() {
  const channel = await (await amqp.connect(process.env.AMQP_URL)).createChannel();
  await channel.consume('payments.capture', onCapture);
}
`,
        { name: 'amqplib channel.consume(queue, namedCallback)' },
      ),
    ],
    invalid: [],
  });
});

describe('B2 (targets) Dapr invoke through localhost:${DAPR_HTTP_PORT}', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

const daprPort = process.env.DAPR_HTTP_PORT ?? 3500;

export async function capturePayment(payment) {
  await axios.post(\`http://localhost:\${daprPort}/v1.0/invoke/payments/method/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`http://localhost:${daprPort}/v1.0/invoke/payments/method/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'Dapr invoke, sidecar port from DAPR_HTTP_PORT' },
      ),
      js.invalid(
        `
export async function capturePayment(payment) {
  await fetch(\`http://localhost:\${process.env.DAPR_HTTP_PORT}/v1.0/invoke/payments/method/payments\`, {
    method: 'POST',
    body: JSON.stringify(payment),
  });
}
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({ replaced: { from: 'fetch(`', to: '\n  })' }, topic: 'payments.created', payload: 'payment' }),
        },
        { name: 'Dapr invoke, process.env.DAPR_HTTP_PORT inline' },
      ),
    ],
  });
});

describe('B3 (mitigations) a helper called only from a consumer handler', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

async function chargeOrder(order) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
}

export async function start(consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      await chargeOrder(JSON.parse(message.value.toString()));
    },
  });
}
`,
        { name: 'the only caller of the write is an eachMessage handler in the same file' },
      ),
    ],
    invalid: [],
  });
});

describe('B4 (mitigations) a catch that enqueues something else is not a hand-off of the same write', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';

@Injectable()
export class CheckoutService {
  constructor(
    private readonly http: HttpService,
    private readonly emailQueue: Queue,
  ) {}

  async pay(order: { id: string; total: number; email: string }) {
    try {
      await this.http.axiosRef.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
    } catch (error) {
      await this.emailQueue.add('payment-failed-email', { to: order.email, orderId: order.id });
      throw error;
    }
  }
}
`,
        {
          at: 'this.http.axiosRef.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite(
            {
              replaced: 'this.http.axiosRef.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: order.id, amount: order.total })',
              topic: 'payments.created',
              payload: '{ orderId: order.id, amount: order.total }',
            },
            // `emailQueue` is for e-mails: handing it the payment would feed the e-mail worker
            outbox(),
          ),
        },
        { name: 'catch enqueues a failure e-mail and rethrows: the payment is still lost' },
      ),
    ],
  });
});

describe('B5 (targets) Dapr invoke with the dapr-app-id header', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
export async function capturePayment(payment) {
  await fetch('http://localhost:3500/payments', {
    method: 'POST',
    headers: { 'dapr-app-id': 'payments', 'content-type': 'application/json' },
    body: JSON.stringify(payment),
  });
}
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({ replaced: { from: "fetch('http", to: '\n  })' }, topic: 'payments.created', payload: 'payment' }),
        },
        { name: 'dapr-app-id header, literal sidecar port: the service is the app id' },
      ),
      js.invalid(
        `
export async function capturePayment(payment) {
  await fetch(\`http://localhost:\${process.env.DAPR_HTTP_PORT}/payments\`, {
    method: 'POST',
    headers: { 'dapr-app-id': 'payments' },
    body: JSON.stringify(payment),
  });
}
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({ replaced: { from: 'fetch(`', to: '\n  })' }, topic: 'payments.created', payload: 'payment' }),
        },
        { name: 'dapr-app-id header, sidecar port from DAPR_HTTP_PORT' },
      ),
    ],
  });
});

describe("B6 (wrappers) the payload's declared type is lost through a wrapper", () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(
        `
import axios from 'axios';

/** Changes what the customer is billed from the next cycle. @critical */
export interface PlanChange {
  customerId: string;
  plan: string;
}

function putJson(url: string, body: unknown) {
  return axios.put(url, body);
}

export function changePlan(change: PlanChange) {
  return putJson(\`\${process.env.PLANS_SERVICE_URL}/customers/\${change.customerId}/plan\`, change);
}
`,
        {
          at: 'putJson',
          within: 'return putJson(',
          request: 'PUT /customers/{customerId}/plan',
          service: 'plans',
          evidence: ['@critical on type PlanChange'],
          via: ['putJson'],
          suggest: rewrite({
            replaced: 'putJson(`${process.env.PLANS_SERVICE_URL}/customers/${change.customerId}/plan`, change)',
            topic: 'plans.customers.plan.updated',
            payload: 'change',
            responseUsed: true,
          }),
        },
        { name: '@critical on the payload type, through a wrapper' },
      ),
      ts.invalid(
        `
import axios from 'axios';

class CreateRefundDto {
  paymentId!: string;
  reason!: string;
}

function postJson(url: string, body: unknown) {
  return axios.post(url, body);
}

export function submit(dto: CreateRefundDto) {
  return postJson(\`\${process.env.CORE_API_URL}/requests\`, dto);
}
`,
        {
          at: 'postJson',
          within: 'return postJson(',
          request: 'POST /requests',
          service: 'core',
          evidence: ['payload type "CreateRefundDto"'],
          via: ['postJson'],
          suggest: rewrite({
            replaced: 'postJson(`${process.env.CORE_API_URL}/requests`, dto)',
            topic: 'core.requests.created',
            payload: 'dto',
            responseUsed: true,
          }),
        },
        { name: 'a critical payload type name, through a wrapper' },
      ),
    ],
  });
});

describe('B7 (criticality) a non-critical word in the function name vetoes strong evidence', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function pushOrderToFulfillment(order) {
  await axios.post(\`\${process.env.FULFILLMENT_SERVICE_URL}/fulfillments\`, {
    orderId: order.id,
    lines: [{ sku: order.sku, quantity: order.quantity }],
  });
}
`,
        {
          at: 'axios.post',
          request: 'POST /fulfillments',
          service: 'fulfillment',
          evidence: ['service "fulfillment"', 'path "/fulfillments"'],
          suggest: rewrite({
            replaced: { from: 'axios.post(', to: '\n  })' },
            topic: 'fulfillment.created',
            payload: '{\n    orderId: order.id,\n    lines: [{ sku: order.sku, quantity: order.quantity }],\n  }',
          }),
        },
        { name: "'push' in pushOrderToFulfillment" },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function exportOrderToErp(order) {
  await axios.post(\`\${process.env.ERP_SERVICE_URL}/sales-orders\`, { orderId: order.id, total: order.total, currency: order.currency });
}
`,
        {
          at: 'axios.post',
          request: 'POST /sales-orders',
          service: 'erp',
          evidence: ['path "/sales-orders"', 'payload key "total"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.ERP_SERVICE_URL}/sales-orders`, { orderId: order.id, total: order.total, currency: order.currency })',
            topic: 'erp.sales-orders.created',
            payload: '{ orderId: order.id, total: order.total, currency: order.currency }',
          }),
        },
        { name: "'export' in exportOrderToErp" },
      ),
    ],
  });
});

describe('B8 (clients) a superagent builder stored but never awaited or ended', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import superagent from 'superagent';

export function prepareCapture(payment, logger) {
  const req = superagent.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`).send(payment);
  logger.info({ url: req.url }, 'capture prepared');
}
`,
        { name: 'the builder is kept in a variable that is never awaited, ended or returned' },
      ),
    ],
    invalid: [],
  });
});

describe('B9 (mitigations) axios-retry is an in-memory retry too', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
import axios from 'axios';
import axiosRetry from 'axios-retry';

const payments = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL });
axiosRetry(payments, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

export async function capturePayment(payment) {
  await payments.post('/payments', payment);
}
`,
        {
          at: 'payments.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          retry: 'axios-retry',
          suggest: rewrite({ replaced: "payments.post('/payments', payment)", topic: 'payments.created', payload: 'payment' }),
        },
        { name: 'a client configured with axios-retry gets the in-memory retry note' },
      ),
    ],
  });
});

describe('B10 (options) a bad option value is a schema error that names the option', () => {
  const lint = (options: unknown): void => {
    new Linter({ configType: 'flat' }).verify(
      "import axios from 'axios';",
      [
        {
          plugins: { 'durable-writes': { rules: { [RULE_NAME]: realRule as never } } },
          rules: { [`durable-writes/${RULE_NAME}`]: ['error', options] },
        },
      ],
      'src/payments.js',
    );
  };

  it.each([
    [{ relativeUrls: 'yes' }, 'relativeUrls'],
    [{ criticality: 'high' }, 'criticality'],
    [{ unknownMethod: true }, 'unknownMethod'],
    [{ builtinWords: 'no' }, 'builtinWords'],
    [{ checkTestFiles: 'yes' }, 'checkTestFiles'],
    [{ services: 'payments' }, 'services'],
    [{ services: [''] }, 'services'],
    [{ internalHosts: ['*.acme.internal', '*.acme.internal'] }, 'internalHosts'],
    [{ externalHosts: [42] }, 'externalHosts'],
    [{ criticalWords: 'payment' }, 'criticalWords'],
    [{ serviceEnvPattern: '' }, 'serviceEnvPattern'],
    [{ followDepth: 0 }, 'followDepth'],
    [{ followDepth: 2.5 }, 'followDepth'],
    [{ publisher: { call: 'bus publish' } }, 'publisher'],
    [{ outbox: { call: 'store.add', import: { from: '@acme/store' } } }, 'outbox'],
    [{ topicTemplate: '' }, 'topicTemplate'],
  ])('%j', (options, name) => {
    expect(() => lint(options)).toThrow(name);
  });
});

describe('B11 (clients) globalThis.fetch is the global fetch', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
export async function capturePayment(payment) {
  await globalThis.fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify(payment) });
}
`,
        {
          at: 'globalThis.fetch',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "globalThis.fetch(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { method: 'POST', body: JSON.stringify(payment) })",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'globalThis.fetch(url, init)' },
      ),
    ],
  });
});

describe('B12 (targets) one path under two configured bases, a gateway or the service itself', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function refund(order, viaGateway) {
  const url = viaGateway ? \`\${process.env.API_GATEWAY_URL}/api/v1/payments/refund\` : \`\${process.env.PAYMENT_SERVICE_URL}/api/v1/payments/status\`;
  await axios.post(url, { orderId: order.id });
}
`,
        { name: 'two bases with different paths: which write is made is unknown' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function refundCancelledOrder(order) {
  const paymentServiceUrl = process.env.PAYMENT_SERVICE_URL || 'http://localhost:4005';
  const apiGatewayUrl = process.env.API_GATEWAY_URL || 'http://localhost:5001';
  const paymentUrl = apiGatewayUrl
    ? \`\${apiGatewayUrl}/api/v1/payments/refund/order-cancel\`
    : \`\${paymentServiceUrl}/api/v1/payments/refund/order-cancel\`;
  const response = await axios.post(paymentUrl, { orderId: order.id, userId: order.user }, { timeout: 5000 });
  return response.data;
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/v1/payments/refund/order-cancel',
          service: 'payment',
          evidence: ['service "payment"', 'path "/api/v1/payments/refund/order-cancel"'],
          suggest: rewrite({
            replaced: 'axios.post(paymentUrl, { orderId: order.id, userId: order.user }, { timeout: 5000 })',
            topic: 'payment.refund.order-cancel.created',
            payload: '{ orderId: order.id, userId: order.user }',
            responseUsed: true,
          }),
        },
        { name: 'through the gateway or straight to the payment service: the base that names a service stands for both' },
      ),
    ],
  });
});

describe('B13 (targets) a variable written again in a catch holds, at each use, the value last written before it', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function refund(order, card) {
  let url = \`\${process.env.PAYMENT_SERVICE_URL}/api/v1/payments/refund\`;
  if (card) {
    url = 'https://api.stripe.com/v1/refunds';
  }
  await axios.post(url, { orderId: order.id, amount: order.total });
}
`,
        { name: 'written in a branch the use may skip: the address is unknown' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function refundAll(orders) {
  let url = \`\${process.env.PAYMENT_SERVICE_URL}/api/v1/payments/refund\`;
  for (const order of orders) {
    await axios.post(url, { orderId: order.id, amount: order.total });
    url = 'https://api.stripe.com/v1/refunds';
  }
}
`,
        { name: 'written again later in a loop around the use: the next turn reads the other value' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function refundOrder(order) {
  const primary = process.env.PAYMENT_SERVICE_2_URL || 'http://localhost:3005';
  const fallback = process.env.PAYMENT_SERVICE_URL || 'http://localhost:4004';
  let refundUrl = \`\${primary}/api/v1/payments/refund\`;
  try {
    await axios.post(refundUrl, { orderId: order.id, amount: order.totalPrice });
  } catch (error) {
    refundUrl = \`\${fallback}/api/v1/payments/refund\`;
    await axios.post(refundUrl, { orderId: order.id, amount: order.totalPrice });
  }
}
`,
        [
          {
            at: 'axios.post',
            nth: 1,
            request: 'POST /api/v1/payments/refund',
            service: 'payment',
            evidence: ['service "payment"', 'path "/api/v1/payments/refund"'],
            swallowed: 'the catch at line 10 carries on as if it worked',
            suggest: rewrite({
              replaced: 'axios.post(refundUrl, { orderId: order.id, amount: order.totalPrice })',
              topic: 'payment.refund.requested',
              payload: '{ orderId: order.id, amount: order.totalPrice }',
            }),
          },
          {
            at: 'axios.post',
            nth: 2,
            request: 'POST /api/v1/payments/refund',
            service: 'payment',
            evidence: ['service "payment"', 'path "/api/v1/payments/refund"'],
            suggest: rewrite({
              replaced: 'axios.post(refundUrl, { orderId: order.id, amount: order.totalPrice })',
              nth: 2,
              topic: 'payment.refund.requested',
              payload: '{ orderId: order.id, amount: order.totalPrice }',
            }),
          },
        ],
        { name: 'the first refund reads the declared address, the fallback in the catch the one written there' },
      ),
    ],
  });
});

describe('B14 (criticality) lifting a ban, and stock set in the payload', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function renameProduct(id, name) {
  await axios.patch(\`\${process.env.PRODUCT_SERVICE_URL}/api/v1/products/\${id}\`, { name });
}
`,
        { name: 'a product renamed: no stock, no money' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function unbanUser(id, token) {
  await axios.put(\`\${process.env.AUTH_SERVICE_URL}/api/auth/users/\${id}/unban\`, {}, { headers: { Authorization: token } });
}
`,
        {
          at: 'axios.put',
          request: 'PUT /api/auth/users/{id}/unban',
          service: 'auth',
          evidence: ['account unban in "auth"'],
          suggest: rewrite({
            replaced: 'axios.put(`${process.env.AUTH_SERVICE_URL}/api/auth/users/${id}/unban`, {}, { headers: { Authorization: token } })',
            topic: 'auth.users.unban.requested',
            payload: '{ id }',
          }),
        },
        { name: 'an account unbanned is an account lifecycle change, as a ban is' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function adjustProducts(ids) {
  await axios.patch(\`\${process.env.PRODUCT_SERVICE_URL}/api/v1/products?ids=\${ids.join(',')}\`, { $inc: { stock: -1 } });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/v1/products',
          service: 'product',
          evidence: ['payload key "stock"'],
          suggest: rewrite({
            replaced: "axios.patch(`${process.env.PRODUCT_SERVICE_URL}/api/v1/products?ids=${ids.join(',')}`, { $inc: { stock: -1 } })",
            topic: 'product.updated',
            payload: '{ $inc: { stock: -1 } }',
          }),
        },
        { name: 'stock decremented in another service: a quantity it hands out' },
      ),
    ],
  });
});

describe("B15 (clients) a package's client factory given a base address", () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import serviceConnector from '@acme/service-connector';

const payments = serviceConnector({ baseURL: process.env.PAYMENT_SERVICE_URL });

export const getPayment = (id) => payments.get(\`/api/v1/payments/\${id}\`);
`,
        { name: 'a read through the connector' },
      ),
      js.valid(
        `
import { createStore } from '@acme/store';

const store = createStore({ namespace: 'payments' });

export const savePayment = (payment) => store.post('/payments', payment);
`,
        { name: 'a factory given no base address: nothing says it sends requests' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import serviceConnector from '@acme/service-connector';

const connector = serviceConnector({
  baseURL: process.env.PAYMENT_SERVICE_URL,
  service: 'Payment-Service',
});

export const makePayment = (payload) => {
  return connector.post('/api/v1/payments', payload).then(connector.resolve);
};
`,
        {
          at: 'connector.post',
          request: 'POST /api/v1/payments',
          service: 'payment',
          evidence: ['service "payment"', 'path "/api/v1/payments"'],
          suggest: rewrite({
            replaced: "connector.post('/api/v1/payments', payload)",
            topic: 'payment.created',
            payload: 'payload',
            responseUsed: true,
          }),
        },
        { name: 'serviceConnector({ baseURL }).post(path, body): the returned client sends the request' },
      ),
    ],
  });
});

describe('B16 (mitigations) a relay that answers a failure with Express 4’s res.json(status, …)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import express from 'express';
import axios from 'axios';

const router = express.Router();
const authServiceUrl = 'http://auth-service:3001';

router.post('/register', async (req, res) => {
  try {
    const response = await axios.post(authServiceUrl + '/auth/register', req.body);
    res.status(response.status).json(response.data);
  } catch (error) {
    console.log('register failed at the gateway');
    res.json(500).json({ message: 'There was a server error at gateway' });
  }
});

export default router;
`,
        { name: 'the failure goes back to the client with a status given first' },
      ),
    ],
    invalid: [],
  });
});

describe('B17 (clients) a client given as a parameter default', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import axios from 'axios';

type Store = { patch(key: string, value: unknown): Promise<void> };

export class TransferSaga {
  constructor(private readonly store: Store = new Map() as unknown as Store) {}

  async debit(accountId: string, amount: string) {
    await this.store.patch(\`accounts/\${accountId}/debit\`, { amount });
  }
}
`,
        { name: 'a default that is no client' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import axios from 'axios';

const ACCOUNT_SERVICE_URL = process.env.ACCOUNT_SERVICE_URL || 'http://localhost:3001';

type HttpClient = Pick<typeof axios, 'patch'>;

export class TransferSaga {
  constructor(private readonly httpClient: HttpClient = axios) {}

  async debit(accountId: string, amount: string) {
    await this.httpClient.patch(\`\${ACCOUNT_SERVICE_URL}/v1/accounts/\${accountId}/debit\`, { amount });
  }
}
`,
        {
          at: 'this.httpClient.patch',
          request: 'PATCH /v1/accounts/{accountId}/debit',
          service: 'account',
          evidence: ['service "account"', 'path "/v1/accounts/{accountId}/debit"'],
          suggest: rewrite({
            replaced: 'this.httpClient.patch(`${ACCOUNT_SERVICE_URL}/v1/accounts/${accountId}/debit`, { amount })',
            topic: 'account.debit.requested',
            payload: '{ accountId, amount }',
          }),
        },
        { name: 'constructor(private readonly httpClient: HttpClient = axios): the default is the client when the type tells nothing' },
      ),
      ts.invalid(
        `
import axios from 'axios';

export async function refund(orderId: string, amount: number, http = axios) {
  await http.post(\`\${process.env.PAYMENT_SERVICE_URL}/payments/refund\`, { orderId, amount });
}
`,
        {
          at: 'http.post',
          request: 'POST /payments/refund',
          service: 'payment',
          evidence: ['service "payment"', 'path "/payments/refund"'],
          suggest: rewrite({
            replaced: 'http.post(`${process.env.PAYMENT_SERVICE_URL}/payments/refund`, { orderId, amount })',
            topic: 'payment.refund.requested',
            payload: '{ orderId, amount }',
          }),
        },
        { name: 'a function parameter whose default is axios' },
      ),
    ],
  });
});

describe('B18 (mitigations) a scheduled call that carries nothing but its address is a trigger sent again on every run', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import cron from 'node-cron';
import axios from 'axios';

const bookingClient = axios.create({ baseURL: process.env.BOOKING_SERVICE_URL });

const runExpiryScan = async () => {
  try {
    await bookingClient.post('/internal/bookings/expire-pending');
  } catch (error) {
    console.error('expiry scan failed', error.message);
  }
};

cron.schedule('* * * * *', runExpiryScan);
`,
        { name: 'node-cron runs a bare POST to the booking service: the next run sends it again' },
      ),
      js.valid(
        `
import cron from 'node-cron';
import axios from 'axios';

cron.schedule('*/5 * * * *', async () => {
  await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/internal/payments/settle-due\`);
});
`,
        { name: 'a fixed path after the base, inline handler' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import cron from 'node-cron';
import axios from 'axios';

const expireBooking = async (bookingId) => {
  await axios.post(\`\${process.env.BOOKING_SERVICE_URL}/internal/bookings/\${bookingId}/expire\`);
};

cron.schedule('* * * * *', () => expireBooking(process.env.STALE_BOOKING_ID));
`,
        {
          at: 'axios.post',
          request: 'POST /internal/bookings/{bookingId}/expire',
          service: 'booking',
          evidence: ['service "booking"', 'path "/internal/bookings/{bookingId}/expire"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BOOKING_SERVICE_URL}/internal/bookings/${bookingId}/expire`)',
            topic: 'booking.expire.requested',
            payload: '{ bookingId }',
          }),
        },
        { name: 'a call that names an entity is a write of its own, even from a scheduled function' },
      ),
    ],
  });
});

describe("B19 (criticality) accounts kept by a service named for their holders, and a new account posted to an identity service's root", () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function clearLocation(driverId) {
  await axios.delete(\`\${process.env.DRIVER_SERVICE_URL}/drivers/\${driverId}/location\`);
}
`,
        { name: "a driver's location removed: not the account" },
      ),
      js.valid(
        `
import axios from 'axios';

export async function createAgent(name) {
  await axios.post(\`\${process.env.AGENT_SERVICE_URL}/agents\`, { name });
}
`,
        { name: 'an agent service may keep AI agents, not accounts' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function touchUser(email) {
  await axios.post(\`\${process.env.USER_SERVICE_URL}/\`, { email });
}
`,
        { name: "posted to an identity service's root without credentials" },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function rejectDoctor(userId) {
  await axios.delete(\`\${process.env.DOCTOR_SERVICE_URL}/api/doctors/internal/\${userId}\`);
}
`,
        {
          at: 'axios.delete',
          request: 'DELETE /api/doctors/internal/{userId}',
          service: 'doctor',
          evidence: ['account deleted in "doctor"'],
          suggest: rewrite({
            replaced: 'axios.delete(`${process.env.DOCTOR_SERVICE_URL}/api/doctors/internal/${userId}`)',
            topic: 'doctor.deleted',
            payload: '{ userId }',
          }),
        },
        { name: 'a doctor deleted in the doctor service' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function registerPatient(user, profile) {
  await axios.post(\`\${process.env.PATIENT_SERVICE_URL}/api/patients/profile\`, { userId: user.id, ...profile });
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/patients/profile',
          service: 'patient',
          evidence: ['account created in "patient"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PATIENT_SERVICE_URL}/api/patients/profile`, { userId: user.id, ...profile })',
            topic: 'patient.profile.created',
            payload: '{ userId: user.id, ...profile }',
          }),
        },
        { name: "a patient's profile created in the patient service at registration" },
      ),
      js.invalid(
        `
import axios from 'axios';

const USER_SERVICE_URL = process.env.USER_SERVICE_URL;

export async function register(email, username, passwordHash) {
  const userPayload = { email, username, passwordHash };
  const response = await axios.post(\`\${USER_SERVICE_URL}/\`, userPayload);
  return response.data;
}
`,
        {
          at: 'axios.post',
          request: 'POST /',
          service: 'user',
          evidence: ['account created in "user" (credentials in the body)'],
          suggest: rewrite({
            replaced: 'axios.post(`${USER_SERVICE_URL}/`, userPayload)',
            topic: 'user.created',
            payload: 'userPayload',
            responseUsed: true,
          }),
        },
        { name: "a new account's credentials posted to the user service's root" },
      ),
    ],
  });
});

describe('B20 (targets) an address read from the environment, then given development defaults', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

let PAYMENTS_URL = process.env.PAYMENTS_SERVICE_URL;
if (process.env.USE_STRIPE === 'true') {
  PAYMENTS_URL = 'https://api.stripe.com/v1';
}

export async function charge(order) {
  await axios.post(\`\${PAYMENTS_URL}/charges\`, { amount: order.total });
}
`,
        { name: 'one of the writes is a public address: which service is called is unknown' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

const isDocker = process.env.DOCKER_ENV === 'true';

let IDENTITY_SERVICE_URL = process.env.IDENTITY_SERVICE_URL;
if (!IDENTITY_SERVICE_URL) {
  if (isDocker) {
    IDENTITY_SERVICE_URL = 'http://identity:3001';
  } else {
    IDENTITY_SERVICE_URL = 'http://localhost:3001';
  }
} else if (isDocker && IDENTITY_SERVICE_URL.includes('localhost')) {
  IDENTITY_SERVICE_URL = IDENTITY_SERVICE_URL.replace(/localhost:3001/g, 'host.docker.internal:3001');
}

export async function onTrainerGone(userId) {
  await axios.delete(\`\${IDENTITY_SERVICE_URL}/auth/users/\${userId}\`, { timeout: 10000 });
}
`,
        {
          at: 'axios.delete',
          request: 'DELETE /auth/users/{userId}',
          service: 'identity',
          evidence: ['account deleted in "identity"'],
          suggest: rewrite({
            replaced: 'axios.delete(`${IDENTITY_SERVICE_URL}/auth/users/${userId}`, { timeout: 10000 })',
            topic: 'identity.auth.users.deleted',
            payload: '{ userId }',
          }),
        },
        { name: 'the address the environment configures, with defaults for a container and a laptop' },
      ),
    ],
  });
});

describe('B21 (criticality) a prediction asked of a model, and pictures of a ride', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function createRide(ride) {
  const { data } = await axios.post('http://127.0.0.1:8000/predict', { distance: ride.distance, hour: ride.hour });
  return { ...ride, fare: data.fare };
}
`,
        { name: 'POST /predict: a model asked for a fare, nothing written' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function uploadRideImages(rideId, form) {
  await axios.post(\`\${process.env.RIDES_SERVICE_URL}/api/rides/\${rideId}/images\`, form);
}
`,
        { name: "POST /rides/{id}/images: pictures of the ride, not the ride" },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function completeRide(ride) {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/api/bills\`, { rideId: ride.id, amount: ride.fare });
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/bills',
          service: 'billing',
          evidence: ['service "billing"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/api/bills`, { rideId: ride.id, amount: ride.fare })',
            topic: 'billing.bills.created',
            payload: '{ rideId: ride.id, amount: ride.fare }',
          }),
        },
        { name: 'the bill of a completed ride is still a write' },
      ),
    ],
  });
});

describe('B22 (targets) an instance its module-level factory returns, and an address chosen for development', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(
        `
async function httpJson(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return res.json();
}

export class ProductServiceClient {
  constructor(private readonly baseUrl: string) {}

  async decrementStock(items: { productId: string; quantity: number }[]) {
    return httpJson(\`\${this.baseUrl}/api/v1/products/stock/decrement\`, { method: 'POST', body: JSON.stringify({ items }) });
  }
}

export function createProductServiceClient(baseUrl?: string): ProductServiceClient {
  return new ProductServiceClient(baseUrl ?? process.env.CATALOG_SERVICE_URL ?? 'http://localhost:3003');
}
`,
        {
          at: 'httpJson',
          within: 'return httpJson(',
          request: 'POST /api/v1/products/stock/decrement',
          service: 'catalog',
          via: ['httpJson'],
          evidence: ['path "/api/v1/products/stock/decrement"', 'function "decrementStock"'],
          suggest: rewrite({
            replaced: "httpJson(`${this.baseUrl}/api/v1/products/stock/decrement`, { method: 'POST', body: JSON.stringify({ items }) })",
            topic: 'catalog.products.stock.decrement.created',
            payload: '{ items }',
            responseUsed: true,
          }),
        },
        { name: 'the one construction of the class is what its factory returns: its methods run with those arguments' },
      ),
    ],
  });
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
const axios = require('axios');

const LOCAL_IP = process.env.LOCAL_IP;
const WALLET_SERVICE_URL = process.env.NODE_ENV === 'development'
  ? \`http://\${LOCAL_IP || 'localhost'}:8002\`
  : (process.env.WALLET_SERVICE_URL || \`http://\${LOCAL_IP || 'localhost'}:8002\`);

async function transfer(senderId, amount) {
  await axios.post(\`\${WALLET_SERVICE_URL}/update-balance\`, { userId: senderId, amount, type: 'subtract' });
}

module.exports = { transfer };
`,
        {
          at: 'axios.post',
          request: 'POST /update-balance',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/update-balance"'],
          suggest: rewrite({
            replaced: "axios.post(`${WALLET_SERVICE_URL}/update-balance`, { userId: senderId, amount, type: 'subtract' })",
            topic: 'wallet.update-balance.created',
            payload: "{ userId: senderId, amount, type: 'subtract' }",
          }),
        },
        { name: "a developer's address or the deployment's, by NODE_ENV: the deployment's names the service" },
      ),
    ],
  });
});

describe('B23 (mitigation) a queue worker built by a helper of a shared module', () => {
  const REDIS = `// optional at this layer: a service that uses queues installs it
let Queue;
let Worker;
try {
  ({ Queue, Worker } = require('bullmq'));
} catch (err) {
  console.warn('bullmq is not installed');
}

function createWorker(name, processor, opts) {
  return new Worker(name, processor, { connection: { host: 'redis' }, concurrency: (opts && opts.concurrency) || 1 });
}

function runLater(name, task) {
  return setTimeout(task, 1000);
}

module.exports = { createWorker, runLater };
`;
  /** A service's file beside the shared module, in a project of its own. */
  const serviceFile = (): string =>
    path.join(writeProject({ 'package.json': { name: 'games', private: true }, 'shared/config/redis.js': REDIS }), 'services/tournament/src/jobs/scheduler.js');
  const job = (register: string): string => `
const axios = require('axios');
const { createWorker, runLater } = require('../../../../shared/config/redis');

${register}('tournament-scheduler', async (job) => {
  await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/tournament-fee\`, { playerId: job.data.playerId, amount: job.data.fee });
});
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(job('createWorker'), {
        filename: serviceFile(),
        sourceType: 'commonjs',
        name: "the processor handed to the helper goes into BullMQ's Worker: a failed job is retried",
      }),
      js.valid(
        `
const axios = require('axios');
const { Worker } = require('bullmq');

async function chargeFee(job) {
  await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/tournament-fee\`, { playerId: job.data.playerId, amount: job.data.fee });
}

new Worker('tournament-scheduler', async (job) => {
  await chargeFee(job);
});

function chargeByHand(job) {
  return chargeFee(job);
}
`,
        { filename: serviceFile(), sourceType: 'commonjs', name: 'a caller in code that never runs does not count against the queue the others run in' },
      ),
    ],
    invalid: [
      js.invalid(
        job('runLater'),
        {
          at: 'axios.post',
          request: 'POST /tournament-fee',
          service: 'payment',
          evidence: ['service "payment"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/tournament-fee`, { playerId: job.data.playerId, amount: job.data.fee })',
            topic: 'payment.tournament-fee.created',
            payload: '{ playerId: job.data.playerId, amount: job.data.fee }',
          }),
        },
        { filename: serviceFile(), sourceType: 'commonjs', name: 'a helper that only runs the function later is no queue' },
      ),
    ],
  });
});

describe('B24 (criticality) a GraphQL mutation that sets a status, sent by a method named query; a patient profile created', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
const axios = require('axios');

class ServiceClient {
  constructor(baseURL) {
    this.client = axios.create({ baseURL, timeout: 5000 });
  }

  async query(query, variables = {}) {
    const response = await this.client.post('', { query, variables });
    return response.data.data;
  }
}

const orderService = new ServiceClient(process.env.ORDER_SERVICE_URL);

async function markPaid(orderId) {
  await orderService.query(
    \`mutation UpdatePaymentStatus($id: ID!, $status: PaymentStatus!) { updatePaymentStatus(id: $id, status: $status) { id } }\`,
    { id: orderId, status: 'PAID' },
  );
}

module.exports = { markPaid };
`,
        {
          at: 'orderService.query',
          request: 'POST /',
          service: 'order',
          via: ['ServiceClient.query'],
          evidence: ['service "order"', 'mutation "updatePaymentStatus"'],
          suggest: rewrite({
            replaced: {
              from: 'orderService.query(',
              to: "{ id: orderId, status: 'PAID' },\n  )",
            },
            topic: 'order.created',
            payload: '/* TODO: the data this request carried */ {}',
          }),
        },
        { sourceType: 'commonjs', name: 'updatePaymentStatus commands a change of state: no state named for a transition, whatever the method is called' },
      ),
      js.invalid(
        `
const axios = require('axios');

async function register(user) {
  await axios.post(\`\${process.env.PATIENT_SERVICE_URL}/api/patient-profiles\`, { userId: user._id });
}

module.exports = { register };
`,
        {
          at: 'axios.post',
          request: 'POST /api/patient-profiles',
          service: 'patient',
          evidence: ['account created in "patient"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PATIENT_SERVICE_URL}/api/patient-profiles`, { userId: user._id })',
            topic: 'patient.patient-profiles.created',
            payload: '{ userId: user._id }',
          }),
        },
        { sourceType: 'commonjs', name: "a holder's profile created in the service named for the holder, spelled as one segment, is the account created there" },
      ),
    ],
  });
});

describe('B25 (targets) a factory given the whole address by a service: the service reports the write', () => {
  const CLIENTS = `const axios = require('axios');

class BillingClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async charge(payment) {
    return axios.post(\`\${this.baseUrl}/charges\`, payment);
  }
}

function createBillingClient(baseUrl) {
  return new BillingClient(baseUrl);
}

module.exports = { BillingClient, createBillingClient };
`;
  const root = (): string =>
    writeProject({
      'package.json': { name: 'shop', private: true, workspaces: ['packages/*', 'services/*'] },
      'packages/clients/package.json': { name: '@shop/clients', main: 'src/index.js' },
      'packages/clients/src/index.js': CLIENTS,
      'services/orders/package.json': { name: 'orders-service', dependencies: { express: '^4.0.0', '@shop/clients': '*' } },
    });
  const CHECKOUT = `
const { createBillingClient } = require('../../../packages/clients/src');

const billing = createBillingClient(process.env.BILLING_SERVICE_URL);

async function checkout(order) {
  await billing.charge({ orderId: order.id, amount: order.total });
}

module.exports = { checkout };
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(CLIENTS, {
        filename: path.join(root(), 'packages/clients/src/index.js'),
        sourceType: 'commonjs',
        name: "the factory's one construction holds only its parameter: the package alone names no service",
      }),
    ],
    invalid: [
      js.invalid(
        CHECKOUT,
        {
          at: 'billing.charge',
          request: 'POST /charges',
          service: 'billing',
          via: ['BillingClient.charge'],
          evidence: ['service "billing"', 'path "/charges"'],
          suggest: rewrite({
            replaced: 'billing.charge({ orderId: order.id, amount: order.total })',
            topic: 'billing.charges.created',
            payload: '{ orderId: order.id, amount: order.total }',
          }),
        },
        { filename: path.join(root(), 'services/orders/src/checkout.js'), sourceType: 'commonjs', name: 'the call that builds the instance with its address reports it' },
      ),
    ],
  });
});

describe('B26 (criticality) a result set to a member of a status type', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
enum LegKind { SINGLE = 'SINGLE', MULTI = 'MULTI' }

export async function relabel(legId: string, multi: boolean) {
  await fetch(\`\${process.env.SPORTSBOOK_SERVICE_URL}/internal/legs/\${legId}/kind\`, {
    method: 'PATCH',
    body: JSON.stringify({ kind: multi ? LegKind.MULTI : LegKind.SINGLE }),
  });
}
`,
        { name: 'a member of a type that names no state sets no state' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
enum BetStatus { WON = 'WON', LOST = 'LOST' }

export async function settleLeg(legId: string, won: boolean) {
  await fetch(\`\${process.env.SPORTSBOOK_SERVICE_URL}/internal/legs/\${legId}/result\`, {
    method: 'PATCH',
    body: JSON.stringify({ result: won ? BetStatus.WON : BetStatus.LOST }),
  });
}
`,
        {
          at: 'fetch',
          request: 'PATCH /internal/legs/{legId}/result',
          service: 'sportsbook',
          evidence: ['result set to "BetStatus.WON"'],
          suggest: rewrite({
            replaced: {
              from: 'fetch(`${process.env.SPORTSBOOK_SERVICE_URL}',
              to: '}),\n  })',
            },
            topic: 'sportsbook.legs.result.updated',
            payload: '{ legId, result: won ? BetStatus.WON : BetStatus.LOST }',
          }),
        },
        { name: 'a key of any name set to a member of a status type, or a condition between two, is a state change' },
      ),
    ],
  });
});

describe('B27 (criticality) a function named for a query that first writes its own database', () => {
  const handler = (beforeRequest: string) => `
import axios from 'axios';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const WALLET_URL = process.env.WALLET_SERVICE_URL || 'http://localhost:3003';

export async function checkPaymentStatus(paymentId: string, paid: boolean) {
  const payment = await prisma.payment.findFirst({ where: { id: paymentId } });
  if (!payment || !paid) return payment;
${beforeRequest}  await axios.post(\`\${WALLET_URL}/api/wallet/win\`, { amount: Number(payment.amount), reference: payment.id });
  return payment;
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [ts.valid(handler(''), { name: 'a function named for a query that writes nothing of its own before the request still reads' })],
    invalid: [
      ts.invalid(handler("  await prisma.payment.update({ where: { id: payment.id }, data: { status: 'COMPLETED' } });\n"), {
        at: 'axios.post',
        request: 'POST /api/wallet/win',
        service: 'wallet',
        evidence: ['service "wallet"', 'path "/api/wallet/win"'],
        after: ' after `prisma.payment.update` (line 11) committed',
        suggest: rewrite({
          replaced: 'axios.post(`${WALLET_URL}/api/wallet/win`, { amount: Number(payment.amount), reference: payment.id })',
          topic: 'wallet.win.created',
          payload: '{ amount: Number(payment.amount), reference: payment.id }',
        }),
      }, { name: "a payment marked completed, then the wallet credited: the function acts on what it checked, whatever its name" }),
    ],
  });
});

describe('B28 (targets) a path that a registry helper prefixes on a condition', () => {
  const helper = (conditionalWrite: string) => `
const SERVICE_URLS = { auth: process.env.AUTH_SERVICE_URL || 'http://localhost:3006' };

async function callService(serviceName, path, options = {}) {
  const baseUrl = SERVICE_URLS[serviceName];
  let fullPath = path;
  if (serviceName === 'auth' && path.startsWith('/internal/')) {
    ${conditionalWrite}
  }
  const response = await fetch(\`\${baseUrl}\${fullPath}\`, { ...options, body: JSON.stringify(options.body) });
  return response.json();
}

async function suspendUser(id) {
  await callService('auth', \`/api/auth/internal/users/\${id}/status\`, { method: 'PUT', body: { isSuspended: true } });
}

module.exports = { callService, suspendUser };
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(helper('fullPath = LEGACY_PATHS[path];'), {
        sourceType: 'commonjs',
        name: 'a write that may be skipped and replaces the path with another value leaves it unknown',
      }),
    ],
    invalid: [
      js.invalid(
        helper("fullPath = '/api/auth' + path;"),
        {
          at: 'callService',
          within: "await callService('auth'",
          request: 'PUT /api/auth/internal/users/{id}/status',
          service: 'auth',
          via: ['callService'],
          evidence: ['account isSuspended set'],
          suggest: rewrite({
            replaced: "callService('auth', `/api/auth/internal/users/${id}/status`, { method: 'PUT', body: { isSuspended: true } })",
            topic: 'auth.users.status.updated',
            payload: '{ id, isSuspended: true }',
          }),
        },
        { sourceType: 'commonjs', name: 'a write that may be skipped and only prefixes the value before it: that value holds the path' },
      ),
    ],
  });
});

describe('B29 (mitigation) a pass over the rows left pending in the database, run at start-up', () => {
  const recovery = (filter: string) => `
import axios from 'axios';
import { Transaction } from '../models/Transaction';

const ACCOUNT_SERVICE_URL = process.env.ACCOUNT_SERVICE_URL ?? 'http://account-service:3001';

const recovery = {
  async recoverIncomplete(): Promise<void> {
    const rows = await Transaction.findAll({ where: ${filter} });
    for (const tx of rows) {
      try {
        await recovery.recoverOne(tx);
      } catch (err) {
        console.error(err);
      }
    }
  },

  async recoverOne(tx: Transaction): Promise<void> {
    await axios.patch(\`\${ACCOUNT_SERVICE_URL}/wallets/\${tx.walletId}/balance\`, { amount: tx.amount, operation: 'credit' });
    await tx.update({ status: 'REVERSED' });
  },
};

export async function start(): Promise<void> {
  await recovery.recoverIncomplete();
}
`;
  const sql = `
import axios from 'axios';
import { pool } from './db';

const LEDGER_URL = process.env.LEDGER_SERVICE_URL || 'http://ledger:3000';

export async function resumeTransfers() {
  const { rows } = await pool.query("SELECT * FROM transfers WHERE status = 'pending' ORDER BY created_at");
  for (const row of rows) {
    await axios.post(\`\${LEDGER_URL}/entries\`, { transferId: row.id, amount: row.amount });
    await pool.query('UPDATE transfers SET status = $1 WHERE id = $2', ['done', row.id]);
  }
}
`;
  const reserve = `
import axios from 'axios';
import { prisma } from './db';

const CREDITS_URL = process.env.CREDITS_SERVICE_URL || 'http://credits:3000';

export async function reserve(userId: string, listingId: string) {
  const taken = await prisma.reservation.findFirst({ where: { listingId, status: { in: ['pending', 'confirmed'] } } });
  if (taken) throw new Error('slot_unavailable');
  const open = await prisma.reservation.findMany({ where: { buyerId: userId, status: 'pending' } });
  if (open.length > 3) throw new Error('too_many_pending');
  await axios.post(\`\${CREDITS_URL}/internal/credits/debit\`, { userId, amount: 1, reason: 'reserve_visit' });
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(recovery("{ status: 'PENDING', createdAt: { [Op.lt]: cutoff } }"), { name: 'each row read by its pending state is taken up again by the next pass: the pass is the retry' }),
      ts.valid(recovery('{ status: { [Op.in]: [TransferStatus.PROCESSING, TransferStatus.FAILED] } }'), { name: 'a list of undone states, members of a status type' }),
      ts.valid(sql, { name: 'a query text that selects the pending rows' }),
    ],
    invalid: [
      ts.invalid(recovery('{ userId }'), {
        at: 'axios.patch',
        request: 'PATCH /wallets/{walletId}/balance',
        service: 'account',
        evidence: ['service "account"', 'path "/wallets/{walletId}/balance"'],
        suggest: rewrite({
          replaced: 'axios.patch(`${ACCOUNT_SERVICE_URL}/wallets/${tx.walletId}/balance`, { amount: tx.amount, operation: \'credit\' })',
          topic: 'account.wallets.balance.updated',
          payload: "{ walletId: tx.walletId, amount: tx.amount, operation: 'credit' }",
        }),
      }, { name: 'rows read by their owner, whatever their state: a failed call is not taken up again' }),
      ts.invalid(sql.replace("WHERE status = 'pending' ", '').replace('ORDER BY', 'WHERE owner = $1 ORDER BY'), {
        at: 'axios.post',
        request: 'POST /entries',
        service: 'ledger',
        evidence: ['service "ledger"', 'payload key "amount"'],
        after: ' before `pool.query` (line 11) commits',
        suggest: rewrite({
          replaced: 'axios.post(`${LEDGER_URL}/entries`, { transferId: row.id, amount: row.amount })',
          topic: 'ledger.entries.created',
          payload: '{ transferId: row.id, amount: row.amount }',
        }),
      }, { name: 'a query text that selects by no state' }),
      ts.invalid(reserve, {
        at: 'axios.post',
        request: 'POST /internal/credits/debit',
        service: 'credits',
        evidence: ['service "credits"', 'path "/internal/credits/debit"'],
        suggest: rewrite({
          replaced: "axios.post(`${CREDITS_URL}/internal/credits/debit`, { userId, amount: 1, reason: 'reserve_visit' })",
          topic: 'credits.debit.requested',
          payload: "{ userId, amount: 1, reason: 'reserve_visit' }",
        }),
      }, { name: 'pending rows read to check for a conflict, then one write: no pass over them' }),
    ],
  });
});

describe('B30 (targets) an env variable read off a validated env object, with credentials named like it', () => {
  const gateway = (prefix: string) => `
import axios from 'axios';
import { env } from '../env';

export class CardGateway {
  private readonly client = axios.create({
    baseURL: env.${prefix}_API_URL,
    auth: { username: env.${prefix}_USERNAME, password: env.${prefix}_PASSWORD },
  });

  async capture(retref: string, amount: string) {
    return this.client.put('/capture', { retref, amount });
  }
}
`;
  const ledger = `
import axios from 'axios';
import { env } from '../env';

export async function postEntry(orderId: string, amount: number) {
  await axios.post(\`\${env.LEDGER_API_URL}/entries\`, { orderId, amount });
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [ts.valid(gateway('CARDCONNECT'), { name: "a provider's address beside its user name and password: the provider's API" })],
    invalid: [
      ts.invalid(ledger, {
        at: 'axios.post',
        request: 'POST /entries',
        service: 'ledger',
        evidence: ['service "ledger"', 'payload key "amount"'],
        suggest: rewrite({
          replaced: 'axios.post(`${env.LEDGER_API_URL}/entries`, { orderId, amount })',
          topic: 'ledger.entries.created',
          payload: '{ orderId, amount }',
        }),
      }, { name: 'an address of the same kind with no credentials beside it: one of your services' }),
    ],
  });
});

describe('B31 (criticality) a token charged is a payment instrument', () => {
  const charge = (segment: string) => `
const PAYMENT_SERVICE_URL = process.env.PAYMENT_SERVICE_URL || 'http://localhost:4005';

export async function chargeSavedCard(req, res) {
  const { amount, orderId } = req.body;
  const response = await fetch(\`\${PAYMENT_SERVICE_URL}/api/payments/${segment}\`, {
    method: 'POST',
    body: JSON.stringify({ token: req.card.token, amount, orderId }),
  });
  res.json(await response.json());
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [ts.valid(charge('session-token'), { name: 'a token in a segment that names nothing critical is a session token' })],
    invalid: [
      ts.invalid(charge('charge-token'), {
        at: 'fetch',
        request: 'POST /api/payments/charge-token',
        service: 'payment',
        evidence: ['service "payment"', 'path "/api/payments/charge-token"'],
        suggest: rewrite({
          replaced: "fetch(`${PAYMENT_SERVICE_URL}/api/payments/charge-token`, {\n    method: 'POST',\n    body: JSON.stringify({ token: req.card.token, amount, orderId }),\n  })",
          topic: 'payment.charge-token.created',
          payload: '{ token: req.card.token, amount, orderId }',
          responseUsed: true,
        }),
      }, { name: 'the token a payment path charges' }),
    ],
  });
});

describe("B32 (targets) a config object hung on Node's global object by the service's entry point", () => {
  const assign = (base: string) => `
const axios = require('axios');

async function assignDriver(order, driver) {
  await axios.patch(\`\${${base}}/api/orders/\${order.orderId}/delivery-person\`, { deliveryPersonId: driver.id, status: 'DRIVER_ASSIGNED' });
}

module.exports = { assignDriver };
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [js.valid(assign('global.appState.lastUrl'), { sourceType: 'commonjs', name: 'a field of the global object that names no config holds an unknown address' })],
    invalid: [
      js.invalid(
        assign('global.gConfig.order_url'),
        {
          at: 'axios.patch',
          request: 'PATCH /api/orders/{orderId}/delivery-person',
          service: 'order',
          evidence: ['service "order"', 'path "/api/orders/{orderId}/delivery-person"'],
          suggest: rewrite({
            replaced: "axios.patch(`${global.gConfig.order_url}/api/orders/${order.orderId}/delivery-person`, { deliveryPersonId: driver.id, status: 'DRIVER_ASSIGNED' })",
            topic: 'order.delivery-person.updated',
            payload: "{ orderId: order.orderId, deliveryPersonId: driver.id, status: 'DRIVER_ASSIGNED' }",
          }),
        },
        { sourceType: 'commonjs', name: '`global.gConfig.order_url`: the key of a config object names its service' },
      ),
    ],
  });
});

describe('B33 (criticality) where one entity is, sent as it moves', () => {
  const sync = (segment: string, payload: string) => `
import axios from 'axios';

const ORDER_SERVICE_URL = process.env.ORDER_SERVICE_URL || 'http://localhost:5002';

export async function updateLocation(orderId: string, lat: number, lng: number) {
  await axios.patch(\`\${ORDER_SERVICE_URL}/api/orders/\${orderId}/${segment}\`, ${payload});
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [ts.valid(sync('delivery-location', '{ lat, lng }'), { name: "an order's delivery position, replaced on every move: telemetry" })],
    invalid: [
      ts.invalid(sync('delivery-location', "{ lat, lng, status: 'DELIVERED' }"), {
        at: 'axios.patch',
        request: 'PATCH /api/orders/{orderId}/delivery-location',
        service: 'order',
        evidence: ['service "order"', 'path "/api/orders/{orderId}/delivery-location"'],
        suggest: rewrite({
          replaced: "axios.patch(`${ORDER_SERVICE_URL}/api/orders/${orderId}/delivery-location`, { lat, lng, status: 'DELIVERED' })",
          topic: 'order.delivery-location.updated',
          payload: "{ orderId, lat, lng, status: 'DELIVERED' }",
        }),
      }, { name: 'the same path that also sets a status changes the order' }),
      ts.invalid(sync('delivery-address', '{ lat, lng }'), {
        at: 'axios.patch',
        request: 'PATCH /api/orders/{orderId}/delivery-address',
        service: 'order',
        evidence: ['service "order"', 'path "/api/orders/{orderId}/delivery-address"'],
        suggest: rewrite({
          replaced: 'axios.patch(`${ORDER_SERVICE_URL}/api/orders/${orderId}/delivery-address`, { lat, lng })',
          topic: 'order.delivery-address.updated',
          payload: '{ orderId, lat, lng }',
        }),
      }, { name: 'an address to deliver to is part of the order' }),
    ],
  });
});

describe("B34 (criticality) an account's profile set up or deleted in the service that keeps accounts", () => {
  const signUp = (last: string) => `
const USER_SERVICE_URL = process.env.USER_SERVICE_URL || 'http://localhost:5002';

export async function afterSignUp(user) {
  await callService({ baseUrl: USER_SERVICE_URL, path: '/internal/profiles/${last}', method: 'POST', body: { userId: user.id, email: user.email } });
}

export async function undoSignUp(userId) {
  await callService({ baseUrl: USER_SERVICE_URL, path: \`/internal/profiles/\${userId}\`, method: 'DELETE' });
}
`;
  const helper = `
export async function callService({ baseUrl, path = '/', method = 'GET', body }) {
  const response = await fetch(new URL(path, baseUrl).toString(), { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return response.json();
}
`;
  const deleted = {
    at: 'callService',
    within: 'await callService({ baseUrl: USER_SERVICE_URL, path: `/internal/profiles/${userId}`',
    request: 'DELETE /internal/profiles/{userId}',
    service: 'user',
    via: ['callService'],
    evidence: ['account deleted in "user"'],
    suggest: rewrite({
      replaced: "callService({ baseUrl: USER_SERVICE_URL, path: `/internal/profiles/${userId}`, method: 'DELETE' })",
      topic: 'user.profiles.deleted',
      payload: '/* TODO: the data this request carried */ {}',
    }),
  };
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(`${helper}${signUp('bootstrap')}`, [
        {
          at: 'callService',
          within: "await callService({ baseUrl: USER_SERVICE_URL, path: '/internal/profiles/bootstrap'",
          request: 'POST /internal/profiles/bootstrap',
          service: 'user',
          via: ['callService'],
          evidence: ['account created in "user"'],
          suggest: rewrite({
            replaced: "callService({ baseUrl: USER_SERVICE_URL, path: '/internal/profiles/bootstrap', method: 'POST', body: { userId: user.id, email: user.email } })",
            topic: 'user.profiles.bootstrap.created',
            payload: '/* TODO: the data this request carried */ {}',
          }),
        },
        deleted,
      ], { name: "a new account's profile bootstrapped, and deleted when the sign-up is undone" }),
      js.invalid(`${helper}${signUp('search')}`, deleted, { name: 'a search of the profiles sent as POST creates nothing' }),
    ],
  });
});

describe('B35 (mitigation) a catch further out hands off only what reaches it', () => {
  const pay = (innerCatch: string) => `
import axios from 'axios';
import { publishEvent } from './events';

export async function handlePayment(orderId: string, amount: number) {
  try {
    try {
      await axios.patch(\`\${process.env.ORDER_SERVICE_URL}/api/orders/\${orderId}/status\`, { status: 'PAID' });
    } catch (err) {
      ${innerCatch}
    }
    return { success: true };
  } catch (err) {
    await publishEvent('payment.failed', { orderId, amount });
    return { success: false };
  }
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [ts.valid(pay("console.error('PATCH failed', err);\n      throw err;"), { name: 'a catch that throws on: the outer catch hands the order to the broker' })],
    invalid: [
      ts.invalid(pay("console.error('PATCH failed', err);"), {
        at: 'axios.patch',
        request: 'PATCH /api/orders/{orderId}/status',
        service: 'order',
        evidence: ['service "order"', 'path "/api/orders/{orderId}/status"'],
        swallowed: 'the catch at line 9 only logs',
        suggest: rewrite({
          replaced: "axios.patch(`${process.env.ORDER_SERVICE_URL}/api/orders/${orderId}/status`, { status: 'PAID' })",
          topic: 'order.status.updated',
          payload: "{ orderId, status: 'PAID' }",
        }),
      }, { name: 'a catch that only logs keeps the failure from the outer catch and its hand-off' }),
    ],
  });
});

describe("B36 (targets) a deployment's address written out with a path, or the configured one", () => {
  const register = (written: string) => `
import axios from 'axios';

const isDocker = process.env.DOCKER === 'true';
const USER_SERVICE_URL = isDocker ? '${written}' : process.env.USER_SERVICE_URL!;

export async function register(userId: string, role: string) {
  await axios.post(\`\${USER_SERVICE_URL}/profile\`, { authUserId: userId, role });
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [ts.valid(register('http://catalog:5002/api/items'), { name: 'a written address whose host names another service: which one is meant is unknown' })],
    invalid: [
      ts.invalid(register('http://user-service:5002/api/users'), {
        at: 'axios.post',
        request: 'POST /profile',
        service: 'user',
        evidence: ['account created in "user"'],
        suggest: rewrite({
          replaced: 'axios.post(`${USER_SERVICE_URL}/profile`, { authUserId: userId, role })',
          topic: 'user.profile.created',
          payload: '{ authUserId: userId, role }',
        }),
      }, { name: "the host names the configured address's service: the configured one, and `POST /profile` there creates the account" }),
    ],
  });
});

describe('B37 (mitigation) a handler of a map dispatched by a key known only when it runs', () => {
  const handlers = (runner: string) => `
import axios from 'axios';
import { Worker } from 'bullmq';
import express from 'express';

const eventHandler = {
  UserRegistered: async (payload, userId) => {
    await axios.post(\`\${process.env.USER_SERVICE_URL}/internal/profiles\`, { userId, username: payload.username });
  },
};

${runner}
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        handlers(`export const worker = new Worker('registration', async (job) => {
  const { eventType, payload, userId } = job.data;
  await eventHandler[eventType](payload, userId);
});`),
        { name: 'called only from inside a BullMQ worker: the queue redelivers it' },
      ),
    ],
    invalid: [
      js.invalid(
        handlers(`export const app = express();
app.post('/events', async (req, res) => {
  await eventHandler[req.body.type](req.body.payload, req.body.userId);
  res.sendStatus(204);
});`),
        {
          at: 'axios.post',
          request: 'POST /internal/profiles',
          service: 'user',
          evidence: ['account created in "user"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.USER_SERVICE_URL}/internal/profiles`, { userId, username: payload.username })',
            topic: 'user.profiles.created',
            payload: '{ userId, username: payload.username }',
          }),
        },
        { name: 'the same map dispatched from a route handler' },
      ),
    ],
  });
});

describe('B38 (targets) a path parameter filled with `replace`', () => {
  const call = (base: string) => `
const PATHS = {
  PARKING_IN: (${base}) + '/in/:id',
};

export async function enter(parkId) {
  const response = await fetch(PATHS.PARKING_IN.replace(':id', parkId), { method: 'PATCH' });
  return response.status;
}
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(call("process.env.STRIPE_API_URL || 'https://api.stripe.com/v1/parking'"), {
        name: 'the address is a provider’s: the filled-in path stays external',
      }),
      js.valid(
        `
const TEMPLATE = process.env.PARKING_SERVICE_URL + '/in/:id';
export const enter = (parkId) => fetch(TEMPLATE.replace(/:(\\w+)/g, (_, key) => ({ id: parkId })[key]));
`,
        { name: 'a GET: filled in or not, a read' },
      ),
    ],
    invalid: [
      js.invalid(
        call("process.env.PARKING_SERVICE_URL || 'http://localhost:3002'"),
        {
          at: 'fetch',
          request: 'PATCH /in/{parkId}',
          service: 'parking',
          evidence: ['service "parking"'],
          suggest: rewrite({
            replaced: "fetch(PATHS.PARKING_IN.replace(':id', parkId), { method: 'PATCH' })",
            topic: 'parking.in.updated',
            payload: '{ parkId }',
            responseUsed: true,
          }),
        },
        { name: "the service's address with `:id` replaced by the space's id" },
      ),
    ],
  });
});

describe('B39 (targets) an address written in each branch of an if/else chain', () => {
  const award = (configured: string, fallback: string) => `
import axios from 'axios';

export async function awardBonus(studentId: string) {
  let baseUrl: string;
  if (${configured}) {
    baseUrl = ${configured};
  } else if (process.env.DOCKER === 'true') {
    baseUrl = ${fallback};
  } else {
    baseUrl = 'http://localhost:3007';
  }
  await axios.post(\`\${baseUrl}/coins/adjust\`, { studentId, amount: 50 });
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(award('process.env.STRIPE_API_URL', "'https://api.stripe.com'"), {
        name: "a provider's address configured, its public host the default: external",
      }),
      ts.valid(
        `
import axios from 'axios';

export async function awardBonus(studentId: string, viaGateway: boolean, gatewayUrl: string, directUrl: string) {
  let baseUrl: string;
  if (viaGateway) {
    baseUrl = gatewayUrl;
  } else {
    baseUrl = directUrl;
  }
  await axios.post(\`\${baseUrl}/coins/adjust\`, { studentId, amount: 50 });
}
`,
        { name: 'no branch writes a configured address: the address stays unknown' },
      ),
    ],
    invalid: [
      ts.invalid(
        award('process.env.PAYMENT_SERVICE_URL', "`http://payment-service:${process.env.PAYMENT_SERVICE_PORT || '3007'}`"),
        {
          at: 'axios.post',
          request: 'POST /coins/adjust',
          service: 'payment',
          evidence: ['service "payment"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${baseUrl}/coins/adjust`, { studentId, amount: 50 })',
            topic: 'payment.coins.adjust.created',
            payload: '{ studentId, amount: 50 }',
          }),
        },
        { name: 'the configured address, or the host named for the service by default' },
      ),
    ],
  });
});

describe('B40 (criticality) a loyalty-points balance', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';
export const record = (series) => axios.post(\`\${process.env.METRICS_SERVICE_URL}/datapoints\`, { series });
`,
        { name: 'data points of a metrics service are no points balance' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';
export async function adjustLoyalty(userId, delta, reason) {
  const { data } = await axios.post(\`\${process.env.AUTH_SERVICE_URL}/users/internal/loyalty/adjust\`, { userId, delta, reason });
  return data;
}
`,
        {
          at: 'axios.post',
          request: 'POST /users/internal/loyalty/adjust',
          service: 'auth',
          evidence: ['path "/users/internal/loyalty/adjust"', 'function "adjustLoyalty"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.AUTH_SERVICE_URL}/users/internal/loyalty/adjust`, { userId, delta, reason })',
            topic: 'auth.users.loyalty.adjust.created',
            payload: '{ userId, delta, reason }',
            responseUsed: true,
          }),
        },
        { name: "a customer's points balance adjusted in the service that keeps it" },
      ),
    ],
  });
});

describe('B41 (criticality) a person created in the service that keeps people', () => {
  const register = (service: string, path: string) => `
export async function registerCustomer(dto, user) {
  const peopleUrl = process.env.${service};
  if (peopleUrl && user?.id) {
    await fetch(\`\${peopleUrl}${path}\`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: user.id, firstName: dto.firstName, email: dto.email }),
    }).catch(() => {});
  }
  return { message: 'Account created' };
}
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(register('PEOPLE_SERVICE_URL', '/people/search'), { name: 'a search of the people sent as POST creates nobody' }),
      js.valid(register('CRM_SERVICE_URL', '/leads/contact-person'), { name: 'a contact person of a lead in a service that keeps no people' }),
    ],
    invalid: [
      js.invalid(
        register('PEOPLE_SERVICE_URL', '/people'),
        {
          at: 'fetch',
          request: 'POST /people',
          service: 'people',
          evidence: ['account created in "people"'],
          swallowed: 'the .catch at line 5 carries on as if it worked',
          suggest: rewrite({
            replaced: {
              from: 'fetch(`${peopleUrl}/people`',
              to: 'email: dto.email }),\n    })',
            },
            topic: 'people.created',
            payload: '{ id: user.id, firstName: dto.firstName, email: dto.email }',
            responseUsed: true,
          }),
        },
        { name: "a new customer's person record, created where the people are kept, its failure ignored" },
      ),
    ],
  });
});

describe('B42 (mitigation) the queue first, the request only when the queue cannot take it', () => {
  const QUEUE = `
const Queue = require('bull');

const pointsQueue = new Queue('points', process.env.REDIS_URL);

function isQueueReady() {
  return pointsQueue.client.status === 'ready';
}

async function queueAddPoints(userId, points) {
  await pointsQueue.add({ userId, points }, { attempts: 5 });
}

module.exports = { isQueueReady, queueAddPoints };
`;
  const file = (): string => path.join(writeProject({ 'package.json': { name: 'arena', private: true }, 'shared/serviceQueue.js': QUEUE }), 'shared/serviceClient.js');
  const client = (branch: string) => `
const axios = require('axios');
const { isQueueReady, queueAddPoints } = require('./serviceQueue');

async function addUserPoints(userId, points) {
  if (isQueueReady()) {
    ${branch}
  }
  try {
    await axios.post(\`\${process.env.USER_SERVICE_URL}/internal/loyalty/add-points\`, { userId, points });
  } catch (error) {
    console.error('addUserPoints failed', error.message);
  }
}

module.exports = { addUserPoints };
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(client('await queueAddPoints(userId, points);\n    return;'), {
        filename: file(),
        sourceType: 'commonjs',
        name: 'the queue takes the points whenever it is up: the request is its fallback',
      }),
    ],
    invalid: [
      js.invalid(
        client("await queueAddPoints(userId, points);\n    console.log('queued');"),
        {
          at: 'axios.post',
          request: 'POST /internal/loyalty/add-points',
          service: 'user',
          evidence: ['path "/internal/loyalty/add-points"', 'function "addUserPoints"'],
          swallowed: 'the catch at line 12 only logs',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.USER_SERVICE_URL}/internal/loyalty/add-points`, { userId, points })',
            topic: 'user.loyalty.add-points.created',
            payload: '{ userId, points }',
          }),
        },
        { filename: file(), sourceType: 'commonjs', name: 'a branch that queues and goes on: the request is sent as well' },
      ),
      js.invalid(
        `
import axios from 'axios';
import { Kafka } from 'kafkajs';

const producer = new Kafka({ clientId: 'payments', brokers: ['kafka:9092'] }).producer();

export async function settle(orderId, result) {
  if (!result.success) {
    await producer.send({ topic: 'payment.failed', messages: [{ value: JSON.stringify({ orderId }) }] });
    return;
  }
  await axios.patch(\`\${process.env.ORDER_SERVICE_URL}/orders/\${orderId}/status\`, { status: 'PAID', orderId });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /orders/{orderId}/status',
          service: 'order',
          evidence: ['service "order"', 'path "/orders/{orderId}/status"'],
          suggest: rewrite(
            {
              replaced: "axios.patch(`${process.env.ORDER_SERVICE_URL}/orders/${orderId}/status`, { status: 'PAID', orderId })",
              topic: 'order.status.updated',
              payload: "{ status: 'PAID', orderId }",
            },
            kafka('producer'),
            outbox(),
          ),
        },
        { name: 'a branch for the failure publishes it and returns: the write itself has no queue' },
      ),
    ],
  });
});

describe('B43 (criticality) an account lifecycle named by its noun', () => {
  const call = (method: string, path: string) => `
import axios from 'axios';

const authClient = axios.create({ baseURL: process.env.AUTH_SERVICE_URL });

export async function approveCaptain(captain) {
  captain.isApproved = true;
  await captain.save();
  await authClient.${method}(\`${path}\`, {});
}
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(call('post', '/users/activation/resend-email'), { name: 'the activation e-mail sent again changes no account' }),
      js.valid(call('get', '/users/activation/${captain.userId}'), { name: "a read of the account's activation" }),
    ],
    invalid: [
      js.invalid(
        call('patch', '/users/update-activation/${captain.userId}'),
        {
          at: 'authClient.patch',
          request: 'PATCH /users/update-activation/{userId}',
          service: 'auth',
          evidence: ['account activation in "auth"'],
          suggest: rewrite({
            replaced: 'authClient.patch(`/users/update-activation/${captain.userId}`, {})',
            topic: 'auth.users.update-activation.updated',
            payload: '{ userId: captain.userId }',
          }),
        },
        { name: "the captain's account activated in the identity service once the approval is saved" },
      ),
    ],
  });
});

describe('B44 (criticality) a machine registered is no account signed up', () => {
  const register = (path: string) => `
import axios from 'axios';

export async function announce(serverId, region) {
  await axios.post(\`\${process.env.GAME_API_URL}${path}\`, { serverId, region });
}
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(register('/pvp/server/register'), { name: 'a game server joins the pool' }),
      js.valid(register('/devices/register'), { name: 'a device registered for push' }),
      js.valid(register('/webhook-register'), { name: 'a webhook registered' }),
    ],
    invalid: [
      js.invalid(
        register('/players/register'),
        {
          at: 'axios.post',
          request: 'POST /players/register',
          service: 'game',
          evidence: ['account created (register)'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.GAME_API_URL}/players/register`, { serverId, region })',
            topic: 'game.players.register.created',
            payload: '{ serverId, region }',
          }),
        },
        { name: 'a player signed up' },
      ),
    ],
  });
});

describe('B45 (criticality) a sale is an order', () => {
  const checkout = (base: string) => `
export class SaleService {
  async sell(userId, cartItems, address) {
    const response = await fetch(new URL(${base}), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Authentication-Id': userId },
      body: JSON.stringify({ address, items: cartItems }),
    });
    return response.json();
  }
}
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
export async function refreshDashboard(period) {
  await fetch(\`\${process.env.SALES_SERVICE_URL}/sales/report\`, { method: 'POST', body: JSON.stringify({ period }) });
}
`,
        { name: 'a report of the sales writes none' },
      ),
      js.valid(
        `
import axios from 'axios';
export const countSale = (item) => axios.put('http://localhost:3002/api/products/sale/increment', { productId: item.productId, incrementBy: item.quantity });
`,
        { name: "a product's count of sales, kept for a best-seller list" },
      ),
      js.valid(
        `
import axios from 'axios';
export const callLead = (lead) => axios.post(\`\${process.env.VOICE_BRIDGE_URL}/calls/outbound\`, { event: 'sales_campaign', to: lead.phone });
`,
        { name: 'a call of a sales campaign: the name is a campaign, not a sale' },
      ),
    ],
    invalid: [
      js.invalid(
        checkout('process.env.SALE_SERVICE_URL'),
        {
          at: 'fetch',
          request: 'POST /',
          service: 'sale',
          evidence: ['service "sale"', 'function "sell"'],
          suggest: rewrite({
            replaced: {
              from: 'fetch(new URL(process.env.SALE_SERVICE_URL)',
              to: 'items: cartItems }),\n    })',
            },
            topic: 'sale.created',
            payload: '{ address, items: cartItems }',
            responseUsed: true,
          }),
        },
        { name: "the cart checked out as a sale in the sales service" },
      ),
    ],
  });
});

describe('B46 (criticality) the critical nouns in Spanish and Portuguese', () => {
  const call = (path: string, body: string) => `
import axios from 'axios';

export const SERVICES = { pagos: process.env.PAGOS_URL || 'http://localhost:3002' };

export async function step(usuario, monto, lista) {
  return axios.post(\`\${SERVICES.pagos}${path}\`, ${body});
}
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export const sortProducts = (lista) => axios.post(\`\${process.env.CATALOGO_URL}/productos/ordenar\`, { lista });
`,
        { name: 'a list sorted (ordenar) in the catalogue: the verb is not the noun' },
      ),
    ],
    invalid: [
      js.invalid(
        call('/transaccion', "{ monto, metodoPago: 'tarjeta', usuario }"),
        {
          at: 'axios.post',
          request: 'POST /transaccion',
          service: 'pagos',
          evidence: ['service "pagos"', 'path "/transaccion"'],
          suggest: rewrite({
            replaced: "axios.post(`${SERVICES.pagos}/transaccion`, { monto, metodoPago: 'tarjeta', usuario })",
            topic: 'pagos.transaccion.created',
            payload: "{ monto, metodoPago: 'tarjeta', usuario }",
            responseUsed: true,
          }),
        },
        { name: 'a payment charged in the payments service, named in Spanish' },
      ),
    ],
  });
});

describe('B47 (requests) a Cloudflare Worker calling another through a service binding', () => {
  const route = (call: string) => `
import { Hono } from 'hono';

export const app = new Hono();

app.delete('/products/:id', async (c) => {
  const id = c.req.param('id');
  try {
    const response = await ${call};
    return c.json({ ok: response.ok });
  } catch (error) {
    console.error('inventory cleanup failed', error);
    return c.json({ ok: false });
  }
});
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(route('c.env.INVENTORY_SERVICE.fetch(new Request(`http://inventory-service/api/inventory/product/${id}`))'), {
        name: 'a GET through the binding reads',
      }),
      ts.valid(route("c.env.inventory.fetch(new Request(`http://inventory-service/api/inventory/product/${id}`, { method: 'DELETE' }))"), {
        name: 'a member of the environment that is not named like a binding is not known to send anything',
      }),
    ],
    invalid: [
      ts.invalid(
        route("c.env.INVENTORY_SERVICE.fetch(new Request(`http://inventory-service/api/inventory/product/${id}`, { method: 'DELETE' }))"),
        {
          at: 'c.env.INVENTORY_SERVICE.fetch',
          request: 'DELETE /api/inventory/product/{id}',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/api/inventory/product/{id}"'],
          suggest: rewrite({
            replaced: "c.env.INVENTORY_SERVICE.fetch(new Request(`http://inventory-service/api/inventory/product/${id}`, { method: 'DELETE' }))",
            topic: 'inventory.product.deleted',
            payload: '{ id }',
            responseUsed: true,
          }),
        },
        { name: "a product's stock records deleted in the inventory Worker over its binding" },
      ),
    ],
  });
});
