/**
 * A circuit breaker runs the function it was built with when it is fired, with the fire call's
 * arguments (opossum: `new CircuitBreaker(action, options).fire(...args)`): a write the action
 * sends with an address and a payload the fire call gives is reported at that call. The breaker
 * makes nothing durable.
 */
import { describe } from 'vitest';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const CHECKOUT = (action: string, body: string) => `
import axios from 'axios';
import CircuitBreaker from 'opossum';

const http = axios.create({ timeout: 5000 });
${action}

export class Checkout {
  private readonly paymentServiceUrl = process.env.PAYMENT_SERVICE_URL ?? 'http://payment-service:3004';

  async pay(sessionId: string, totalAmount: number): Promise<void> {
${body}
  }
}
`;

const FIRE = '    await paymentBreaker.fire(`${this.paymentServiceUrl}/intents`, { sessionId, totalAmount });';

const REPORT = (via: string) => ({
  at: 'paymentBreaker.fire',
  request: 'POST /intents',
  service: 'payment',
  evidence: ['service "payment"', 'payload key "totalAmount"'],
  via: [via],
  suggest: rewrite({
    replaced: 'paymentBreaker.fire(`${this.paymentServiceUrl}/intents`, { sessionId, totalAmount })',
    topic: 'payment.intents.created',
    payload: '{ sessionId, totalAmount }',
  }),
});

tsTester.run(RULE_NAME, rule, {
  valid: [
    ts.valid(
      CHECKOUT('const paymentBreaker = new CircuitBreaker((url: string) => http.get(url), { timeout: 3000 });', "    await paymentBreaker.fire(`${this.paymentServiceUrl}/intents/${sessionId}`);"),
      { name: 'a breaker whose action reads' },
    ),
    ts.valid(
      CHECKOUT('class Launcher { fire(url: string, body: unknown) { return [url, body]; } }\nconst paymentBreaker = new Launcher();', FIRE),
      { name: '`fire` of a class of the project that sends nothing' },
    ),
  ],
  invalid: [
    ts.invalid(
      CHECKOUT('const paymentBreaker = new CircuitBreaker((url: string, body: unknown) => http.post(url, body), { timeout: 3000 });', FIRE),
      REPORT('paymentBreaker.fire'),
      { name: 'an arrow function fired with the address and the payload, named by the fire call' },
    ),
    ts.invalid(
      CHECKOUT('function postJson(url: string, body: unknown) {\n  return http.post(url, body);\n}\nconst paymentBreaker = new CircuitBreaker(postJson);', FIRE),
      REPORT('postJson'),
      { name: 'a function declared elsewhere in the file' },
    ),
  ],
});

/**
 * A worker whose private method sends the write through a breaker built over another of its
 * methods: where the breaker is fired decides, not where it was built.
 */
const WORKER = (breaker: string, runFrom: string) => `
import axios from 'axios';
import { Kafka } from 'kafkajs';
import CircuitBreaker from 'opossum';

const consumer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).consumer({ groupId: 'payments' });

export class PaymentsWorker {
  ${breaker}

  async start(): Promise<void> {
${runFrom}
  }

  private async charge(order: { id: string; total: number }): Promise<void> {
    await this.breaker.fire(order);
  }

  private async chargeNow(order: { id: string; total: number }): Promise<void> {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
  }
}
`;

const IN_FIELD = 'private readonly breaker = new CircuitBreaker(this.chargeNow.bind(this), { timeout: 3000 });';
const IN_CONSTRUCTOR = 'private readonly breaker: CircuitBreaker;\n\n  constructor() {\n    this.breaker = new CircuitBreaker(this.chargeNow.bind(this), { timeout: 3000 });\n  }';
const FROM_CONSUMER = `    await consumer.run({
      eachMessage: async ({ message }) => {
        await this.charge(JSON.parse(message.value!.toString()));
      },
    });`;
const FROM_ROUTE = `    const order = { id: 'o-1', total: 10 };
    await this.charge(order);`;

describe('a breaker fired only inside a consumer', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(WORKER(IN_FIELD, FROM_CONSUMER), { name: 'built in a field initializer, fired from a kafkajs eachMessage handler' }),
      ts.valid(WORKER(IN_CONSTRUCTOR, FROM_CONSUMER), { name: 'built in the constructor, fired from a kafkajs eachMessage handler' }),
    ],
    invalid: [
      ts.invalid(
        WORKER(IN_FIELD, FROM_ROUTE),
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: order.id, amount: order.total })',
            topic: 'payments.created',
            payload: '{ orderId: order.id, amount: order.total }',
          }),
        },
        { name: 'the same breaker fired outside any consumer' },
      ),
    ],
  });
});

/**
 * A breaker whose action is written inline, fired inside an in-memory retry by a function an
 * amqplib consumer calls (CommonJS): the transfer runs on the queue's behalf, and the queue
 * redelivers it when it fails.
 */
const TRANSFERS = (runFrom: string) => `
const axios = require('axios');
const CircuitBreaker = require('opossum');
const retry = require('async-retry');

const WALLET_SERVICE_URL = process.env.WALLET_SERVICE_URL || 'http://wallet-service:3001';

const walletBreaker = new CircuitBreaker(
  async ({ fromUserId, toUserId, amount }) => axios.post(\`\${WALLET_SERVICE_URL}/wallets/transfer\`, { fromUserId, toUserId, amount }),
  { timeout: 3000 },
);

async function processTransaction(transaction) {
  await retry(() => walletBreaker.fire({ fromUserId: transaction.from, toUserId: transaction.to, amount: transaction.amount }), { retries: 2 });
}
${runFrom}
`;

describe('an inline breaker action fired only inside a consumer', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        TRANSFERS(`
async function start(channel) {
  channel.consume('transactions', async (msg) => {
    await processTransaction(JSON.parse(msg.content.toString()));
    channel.ack(msg);
  });
}
module.exports = { start };`),
        { name: 'fired through async-retry by a function an amqplib consume handler calls' },
      ),
    ],
    invalid: [
      js.invalid(
        TRANSFERS(`
const express = require('express');
const app = express();
app.post('/transactions', async (req, res) => {
  await processTransaction(req.body);
  res.status(201).end();
});`),
        {
          at: 'axios.post',
          request: 'POST /wallets/transfer',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallets/transfer"'],
          suggest: rewrite({
            replaced: 'axios.post(`${WALLET_SERVICE_URL}/wallets/transfer`, { fromUserId, toUserId, amount })',
            topic: 'wallet.transfer.requested',
            payload: '{ fromUserId, toUserId, amount }',
            responseUsed: true,
          }),
        },
        { name: 'the same breaker fired from an HTTP route' },
      ),
    ],
  });
});
