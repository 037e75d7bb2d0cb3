/**
 * Wrappers declared in the same file (`postJson(base, path, body)`, `this.send(path, body)`):
 * a write that becomes cross-service and critical only with the arguments of a call site is
 * reported at that call site, with `syncCriticalWriteVia` naming the wrappers. A write already
 * reported on its own is not reported again where its wrapper is called.
 */
import { describe } from 'vitest';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

/**
 * `forward(target, …)` called with a `Journal` (its `send` leads nowhere) and a `Core` (its
 * `send` posts to the core service), in the order given: the write is reported at the `Core`
 * call only, whichever comes first.
 */
function forwardCase(order: readonly ('Journal' | 'Core')[], name: string) {
  const calls = order.map((cls) => `  await forward(new ${cls}(), '/transfers', { amount: order.total });`).join('\n');
  return js.invalid(
    `
import axios from 'axios';

class Core {
  send(path, body) {
    return axios.post(\`\${process.env.CORE_SERVICE_URL}\${path}\`, body);
  }
}

class Journal {
  send(path, body) {
    return [path, body];
  }
}

const core = new Core();

function forward(target, path, body) {
  core.send('/heartbeat', {});
  return target.send(path, body);
}

export async function settle(order) {
${calls}
}
`,
    {
      at: 'forward',
      within: 'await forward(new Core()',
      request: 'POST /transfers',
      service: 'core',
      evidence: ['path "/transfers"', 'payload key "amount"'],
      via: ['forward', 'Core.send'],
      suggest: rewrite({ replaced: "forward(new Core(), '/transfers', { amount: order.total })", topic: 'core.transfers.created', payload: '{ amount: order.total }' }),
    },
    { name },
  );
}

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

async function postJson(base, path, body) {
  const { data } = await axios.post(base + path, body);
  return data;
}

export async function savePreferences(userId, preferences) {
  return postJson(process.env.USERS_SERVICE_URL, \`/users/\${userId}/preferences\`, { theme: preferences.theme });
}
`,
        { name: 'a wrapper call that carries nothing critical' },
      ),
      js.valid(
        `
import axios from 'axios';

async function getJson(base, path) {
  const { data } = await axios.get(base + path);
  return data;
}

export async function loadPayment(id) {
  return getJson(process.env.PAYMENTS_SERVICE_URL, \`/payments/\${id}\`);
}
`,
        { name: 'a wrapper around a read' },
      ),
      js.valid(
        `
import axios from 'axios';

async function postJson(base, path, body) {
  const { data } = await axios.post(base + path, body);
  return data;
}

export async function start(consumer) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const order = JSON.parse(message.value.toString());
      await postJson(process.env.PAYMENTS_SERVICE_URL, '/payments', { orderId: order.id, amount: order.total });
    },
  });
}
`,
        { name: 'a wrapper called inside a consumer handler' },
      ),
      js.valid(
        `
import axios from 'axios';

function ping(url, attempts) {
  return attempts > 0 ? pong(url, attempts - 1) : axios.get(url);
}

function pong(url, attempts) {
  return ping(url, attempts);
}

export const warmUp = () => ping(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, 3);
`,
        { name: 'mutually recursive wrappers terminate' },
      ),
    ],
    invalid: [
      forwardCase(['Journal', 'Core'], 'a wrapper whose inner call leads nowhere for one argument leads to the write for another (the dead end is not reused)'),
      forwardCase(['Core', 'Journal'], 'the same, the argument that leads to the write first'),
      js.invalid(
        `
import axios from 'axios';

class BillingClient {
  constructor(baseUrl) {
    this.http = axios.create({ baseURL: baseUrl });
  }

  issueInvoice(dto) {
    return this.http.post('/invoices', dto);
  }
}

const billing = new BillingClient(process.env.BILLING_SERVICE_URL);

export async function invoiceOrder(order) {
  await billing.issueInvoice({ orderId: order.id, lines: order.items });
}
`,
        {
          at: 'this.http.post',
          request: 'POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({ replaced: "this.http.post('/invoices', dto)", topic: 'billing.invoices.created', payload: 'dto', responseUsed: true }),
        },
        { name: 'the one instance the file builds of its class: reported once, in the method, not again where it is called' },
      ),
      js.invalid(
        `
import axios from 'axios';

async function postJson(base, path, body) {
  const { data } = await axios.post(base + path, body, { headers: { 'content-type': 'application/json' } });
  return data;
}

export async function chargeCustomer(order) {
  return postJson(process.env.PAYMENTS_SERVICE_URL, '/payments', { orderId: order.id, amount: order.total });
}
`,
        {
          at: 'postJson',
          within: 'return postJson(',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          via: ['postJson'],
          suggest: rewrite({
            replaced: "postJson(process.env.PAYMENTS_SERVICE_URL, '/payments', { orderId: order.id, amount: order.total })",
            topic: 'payments.created',
            payload: '{ orderId: order.id, amount: order.total }',
            responseUsed: true,
          }),
        },
        { name: 'postJson(base, path, body) reported at its call site' },
      ),
      js.invalid(
        `
import axios from 'axios';

const http = axios.create({ baseURL: process.env.CORE_SERVICE_URL });

function request(path, config = {}) {
  return http.request({ url: path, method: config.method || 'GET', data: config.body });
}

function post(path, body, config) {
  return request(path, { ...config, method: 'POST', body });
}

export async function payInvoice(invoiceId, amount) {
  await post('/payments', { invoiceId, amount });
}
`,
        {
          at: 'post',
          within: 'await post(',
          request: 'POST /payments',
          service: 'core',
          evidence: ['path "/payments"', 'function "payInvoice"'],
          via: ['post', 'request'],
          suggest: rewrite({
            replaced: "post('/payments', { invoiceId, amount })",
            topic: 'core.payments.created',
            // the body reaches the request as a member of the options object the wrapper builds
            payload: '{ invoiceId, amount }',
          }),
        },
        { name: "a method given as `config.method || 'GET'`, the config made by a wrapper that sets it" },
      ),
      js.invalid(
        `
import axios from 'axios';

class ResilientHttpClient {
  constructor({ baseURL }) {
    this.axios = axios.create({ baseURL });
  }

  async request(config) {
    const { method = 'GET', url, data } = config;
    return this.axios.request({ method, url, data });
  }

  async post(url, data, config = {}) {
    return this.request({ method: 'POST', url, data, ...config });
  }
}

const createHttpClient = (baseURL) => new ResilientHttpClient({ baseURL });
const inventoryClient = createHttpClient(process.env.INVENTORY_SERVICE_URL);

export const createReservation = async (cartId, quantity) => inventoryClient.post('/api/reservations', { cartId, quantity });
`,
        {
          at: 'inventoryClient.post',
          request: 'POST /api/reservations',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/api/reservations"'],
          via: ['ResilientHttpClient.post', 'ResilientHttpClient.request'],
          suggest: rewrite({
            replaced: "inventoryClient.post('/api/reservations', { cartId, quantity })",
            topic: 'inventory.reservations.created',
            payload: '{ cartId, quantity }',
            responseUsed: true,
          }),
        },
        { name: 'a client made by a factory of the project, its method destructured from the options with a default' },
      ),
      js.invalid(
        `
import axios from 'axios';

async function callService({ url, method = 'GET', data, timeoutMs = 3000 }) {
  try {
    const response = await axios({ url, method, data, timeout: timeoutMs });
    return { ok: true, body: response.data };
  } catch (error) {
    return { ok: false, status: error.response?.status ?? null };
  }
}

async function callServiceWithRetry(options, retries = 2) {
  let result;
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    result = await callService(options);
    if (result.ok) return result;
  }
  return result;
}

export async function callPayment(payload) {
  return callServiceWithRetry({ url: \`\${process.env.PAYMENT_SERVICE_URL}/payments\`, method: 'POST', data: payload.data });
}

export async function placeOrder(order) {
  return callPayment({ data: { orderId: order.id, amount: order.total } });
}
`,
        {
          at: 'callServiceWithRetry',
          within: 'return callServiceWithRetry(',
          request: 'POST /payments',
          service: 'payment',
          evidence: ['service "payment"', 'path "/payments"'],
          via: ['callServiceWithRetry', 'callService'],
          suggest: rewrite({
            replaced: "callServiceWithRetry({ url: `${process.env.PAYMENT_SERVICE_URL}/payments`, method: 'POST', data: payload.data })",
            topic: 'payment.created',
            payload: 'payload.data',
            responseUsed: true,
          }),
        },
        { name: 'an options object passed on whole to the wrapper that destructures it: reported where the object is written, not again further up' },
      ),
      js.invalid(
        `
const putJson = (url, body) => fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export async function setStock(sku, quantity) {
  await putJson(\`\${process.env.INVENTORY_SERVICE_URL}/stock/\${sku}\`, { quantity });
}
`,
        {
          at: 'putJson',
          within: 'await putJson(',
          request: 'PUT /stock/{sku}',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/stock/{sku}"'],
          via: ['putJson'],
          suggest: rewrite({
            replaced: 'putJson(`${process.env.INVENTORY_SERVICE_URL}/stock/${sku}`, { quantity })',
            topic: 'inventory.stock.updated',
            // the URL's value as written at the call site
            payload: '{ sku, quantity }',
          }),
        },
        { name: 'an arrow-function wrapper around fetch' },
      ),
      js.invalid(
        `
const axios = require('axios');

const internalRequest = (userId = '') => axios.create({ headers: { 'x-user-id': userId }, timeout: 10000 });

const updateBalance = async (accountNumber, amount, userId) => {
  const res = await internalRequest(userId).patch(\`\${process.env.ACCOUNT_SERVICE_URL}/api/accounts/\${accountNumber}/balance\`, { amount });
  return res.data;
};

module.exports = { updateBalance };
`,
        {
          at: 'internalRequest(userId).patch',
          request: 'PATCH /api/accounts/{accountNumber}/balance',
          service: 'account',
          evidence: ['service "account"', 'path "/api/accounts/{accountNumber}/balance"'],
          suggest: rewrite({
            replaced: 'internalRequest(userId).patch(`${process.env.ACCOUNT_SERVICE_URL}/api/accounts/${accountNumber}/balance`, { amount })',
            topic: 'account.balance.updated',
            // the URL's path parameter goes with the body
            payload: '{ accountNumber, amount }',
            responseUsed: true,
          }),
        },
        { name: 'a client made by a factory function of the same file', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
import axios from 'axios';

export class CoreApiClient {
  constructor() {
    this.http = axios.create({ baseURL: process.env.CORE_API_URL, timeout: 5000 });
  }

  send(path, body) {
    return this.http.post(path, body);
  }

  async capture(payment) {
    return this.send('/payments', payment);
  }

  async saveNote(note) {
    return this.send('/notes', note);
  }
}
`,
        {
          at: 'this.send',
          within: "this.send('/payments'",
          request: 'POST /payments',
          service: 'core',
          evidence: ['path "/payments"', 'payload "payment"'],
          via: ['CoreApiClient.send'],
          suggest: rewrite({
            replaced: "this.send('/payments', payment)",
            topic: 'core.payments.created',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: "class method wrapper this.send('/payments', body); the /notes call is not critical" },
      ),
      js.invalid(
        `
import axios from 'axios';

function postJson(url, body) {
  return axios.post(url, body, { timeout: 5000 });
}

function servicePost(base, path, body) {
  return postJson(base + path, body);
}

export const refund = (request) => servicePost(process.env.PAYMENTS_SERVICE_URL, '/refunds', request);
`,
        {
          at: 'servicePost',
          within: '=> servicePost(',
          request: 'POST /refunds',
          service: 'payments',
          evidence: ['service "payments"', 'path "/refunds"'],
          via: ['servicePost', 'postJson'],
          suggest: rewrite({
            replaced: "servicePost(process.env.PAYMENTS_SERVICE_URL, '/refunds', request)",
            topic: 'payments.refunds.created',
            // the body, two wrappers up: the argument at the reported call
            payload: 'request',
            responseUsed: true,
          }),
        },
        { name: 'two wrappers deep: via names both, outermost first' },
      ),
      js.invalid(
        `
import axios from 'axios';

const coreApi = {
  post: (path, body) => axios.post(\`\${process.env.CORE_API_URL}\${path}\`, body),
};

export async function moveFunds(from, to, cents) {
  await coreApi.post('/transfers', { from, to, cents });
}
`,
        {
          at: 'coreApi.post',
          within: "coreApi.post('/transfers'",
          request: 'POST /transfers',
          service: 'core',
          evidence: ['path "/transfers"', 'payload key "cents"'],
          via: ['post'],
          suggest: rewrite({
            replaced: "coreApi.post('/transfers', { from, to, cents })",
            topic: 'core.transfers.created',
            payload: '{ from, to, cents }',
          }),
        },
        { name: 'a wrapper held in an object literal' },
      ),
      js.invalid(
        `
import axios from 'axios';

async function createPayment(payment) {
  const { data } = await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  return data;
}

export async function checkout(order) {
  return createPayment({ orderId: order.id, amount: order.total, currency: order.currency });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: 'a wrapper whose inner call is reported on its own is not reported again at its call site' },
      ),
      js.invalid(
        `
import axios from 'axios';

async function postJson(base, path, body) {
  const { data } = await axios.post(base + path, body);
  return data;
}

export async function savePreferences(userId, preferences) {
  return postJson(process.env.USERS_SERVICE_URL, \`/users/\${userId}/preferences\`, preferences);
}

export async function reserveStock(orderId, items) {
  return postJson(process.env.INVENTORY_SERVICE_URL, '/reservations', { orderId, items });
}
`,
        {
          at: 'postJson',
          within: "postJson(process.env.INVENTORY_SERVICE_URL, '/reservations'",
          request: 'POST /reservations',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/reservations"'],
          via: ['postJson'],
          suggest: rewrite({
            replaced: "postJson(process.env.INVENTORY_SERVICE_URL, '/reservations', { orderId, items })",
            topic: 'inventory.reservations.created',
            payload: '{ orderId, items }',
            responseUsed: true,
          }),
        },
        { name: 'only the critical one of two call sites is reported' },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import { Processor, WorkerHost } from '@nestjs/bullmq';
import axios from 'axios';
import type { Job } from 'bullmq';

function postJson(url: string, body: unknown) {
  return axios.post(url, body, { timeout: 5000 });
}

@Processor('invoices')
export class InvoicesProcessor extends WorkerHost {
  async process(job: Job<{ orderId: string; total: number }>): Promise<void> {
    await postJson(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, job.data);
  }
}
`,
        { name: 'a wrapper called from a bullmq WorkerHost processor' },
      ),
      ts.valid(
        `
export class QuotesClient {
  private readonly pricingUrl = process.env.PRICING_SERVICE_URL ?? 'http://pricing:3000';

  private async fetchQuote(orderId: string) {
    const response = await fetch(\`\${this.pricingUrl}/orders/\${orderId}/price\`, { method: 'POST' });
    return response.json();
  }

  async totalFor(orderId: string) {
    return (await this.fetchQuote(orderId)).total;
  }
}
`,
        { name: 'a helper named for what it reads (fetchQuote) still makes its POST a query' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import axios from 'axios';

function putJson(url: string, body: unknown) {
  return axios.put(url, body);
}

/** Changes what the customer is billed from the next cycle. @critical */
export function changePlan(change: { customerId: string; plan: string }) {
  return putJson(\`\${process.env.PLANS_SERVICE_URL}/customers/\${change.customerId}/plan\`, change);
}
`,
        {
          at: 'putJson',
          within: 'return putJson(',
          request: 'PUT /customers/{customerId}/plan',
          service: 'plans',
          evidence: ['@critical on changePlan'],
          via: ['putJson'],
          suggest: rewrite({
            replaced: 'putJson(`${process.env.PLANS_SERVICE_URL}/customers/${change.customerId}/plan`, change)',
            topic: 'plans.customers.plan.updated',
            payload: 'change',
            responseUsed: true,
          }),
        },
        { name: '@critical on the function at the call site counts for the wrapped write' },
      ),
      ts.invalid(
        `
export class RewardsService {
  private readonly walletUrl = process.env.WALLET_SERVICE_URL ?? 'http://wallet:3005';

  private async fetchWithTimeout(url: string, options: RequestInit) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 5000);
    try {
      return await fetch(url, { ...options, signal: controller.signal });
    } finally {
      clearTimeout(timer);
    }
  }

  async grant(userId: string, coins: number) {
    const response = await this.fetchWithTimeout(\`\${this.walletUrl}/users/\${userId}/payments\`, {
      method: 'POST',
      body: JSON.stringify({ coins }),
    });
    return response.ok;
  }
}
`,
        {
          at: 'this.fetchWithTimeout',
          request: 'POST /users/{userId}/payments',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/users/{userId}/payments"'],
          via: ['RewardsService.fetchWithTimeout'],
          suggest: rewrite({
            replaced: "this.fetchWithTimeout(`${this.walletUrl}/users/${userId}/payments`, {\n      method: 'POST',\n      body: JSON.stringify({ coins }),\n    })",
            topic: 'wallet.users.payments.created',
            payload: '{ userId, coins }',
            responseUsed: true,
          }),
        },
        { name: 'a helper named for how it sends (fetchWithTimeout) is no query: its callers name the write' },
      ),
      ts.invalid(
        `
const CORE = process.env.CORE_API_URL;

async function send<T>(method: 'POST' | 'PUT' | 'GET', path: string, body?: T): Promise<Response> {
  return fetch(\`\${CORE}\${path}\`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
}

export async function status(id: string): Promise<Response> {
  return send('GET', \`/transfers/\${id}\`);
}

export async function transfer(from: string, to: string, cents: number): Promise<Response> {
  return send('POST', '/transfers', { from, to, cents });
}
`,
        {
          at: 'send',
          within: "send('POST'",
          request: 'POST /transfers',
          service: 'core',
          evidence: ['path "/transfers"', 'function "transfer"'],
          via: ['send'],
          suggest: rewrite({
            replaced: "send('POST', '/transfers', { from, to, cents })",
            topic: 'core.transfers.created',
            // the wrapper sends `body === undefined ? undefined : JSON.stringify(body)`: not carried over
            payload: '/* TODO: the data this request carried */ {}',
            responseUsed: true,
          }),
        },
        { name: 'a generic wrapper taking the method: only the POST call site is reported' },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

interface LedgerEntry {
  account: string;
  reference: string;
}

@Injectable()
export class InternalApi {
  constructor(private readonly http: HttpService) {}

  private async post<T>(url: string, body: unknown): Promise<T> {
    const { data } = await firstValueFrom(this.http.post<T>(url, body));
    return data;
  }

  recordEntry(entry: LedgerEntry): Promise<{ id: string }> {
    return this.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, entry);
  }
}
`,
        {
          at: 'this.post',
          within: 'return this.post(',
          request: 'POST /entries',
          service: 'ledger',
          // the payload's declared type is read through the wrapper's parameter
          evidence: ['service "ledger"', 'payload type "LedgerEntry"'],
          via: ['InternalApi.post'],
          suggest: rewrite({
            replaced: 'this.post(`${process.env.LEDGER_SERVICE_URL}/entries`, entry)',
            topic: 'ledger.entries.created',
            payload: 'entry',
            responseUsed: true,
          }),
        },
        { name: 'a private generic method wrapping HttpService' },
      ),
    ],
  });
});

/**
 * A wrapper that picks its client method by an argument (`if (method === 'GET') …`): the call
 * site's argument rules out the other branches, so a read sent through it is no write, and a
 * write is named by the method it sends.
 */
describe('a wrapper that picks its client method by an argument', () => {
  const wrapper = `
import axios from 'axios';

const PAYMENTS = process.env.PAYMENT_SERVICE_URL;

async function callPayments(endpoint, data, method = 'POST') {
  const url = \`\${PAYMENTS}\${endpoint}\`;
  let response;
  if (method === 'GET') {
    response = await axios.get(url);
  } else if (method === 'PUT') {
    response = await axios.put(url, data);
  } else {
    response = await axios.post(url, data);
  }
  return response.data;
}
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `${wrapper}
export function getPaymentStatus(paymentId) {
  return callPayments(\`/payments/\${paymentId}/status\`, undefined, 'GET');
}
`,
        { name: 'an if chain: a GET sent through it reads' },
      ),
      js.valid(
        `
import axios from 'axios';

async function send(verb, path, body) {
  switch (verb.toLowerCase()) {
    case 'get':
      return axios.get(process.env.ORDERS_SERVICE_URL + path);
    case 'delete':
    case 'remove':
      return axios.delete(process.env.ORDERS_SERVICE_URL + path);
    default:
      return axios.post(process.env.ORDERS_SERVICE_URL + path, body);
  }
}

export function listOrders(customerId) {
  return send('GET', \`/orders?customer=\${customerId}\`);
}
`,
        { name: 'a switch on the case-changed argument: the GET case alone runs' },
      ),
      js.valid(
        `
import axios from 'axios';

function call(path, body, mode) {
  return !(mode === 'read' || mode === 'list') ? axios.post(process.env.ORDERS_SERVICE_URL + path, body) : axios.get(process.env.ORDERS_SERVICE_URL + path);
}

export function ordersOf(customerId) {
  return call(\`/orders?customer=\${customerId}\`, undefined, 'list');
}
`,
        { name: 'a conditional whose test is decided through a negation and an or' },
      ),
      js.valid(
        `
import axios from 'axios';

async function sendEvent(service, realm, event, method) {
  const url = \`\${process.env[service.toUpperCase() + '_SERVICE_URL']}/\${realm}\`;
  if (method) {
    if (method === 'get') return (await axios.get(url)).data;
    return (await axios[method](url, event)).data;
  }
  return (await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/\${realm}\`, event)).data;
}

export async function allPayments() {
  return sendEvent('payment', 'api/payments', null, 'get');
}
`,
        { name: 'a test of the argument itself: a method given is a non-empty string' },
      ),
    ],
    invalid: [
      js.invalid(
        `${wrapper}
export function capturePayment(order) {
  return callPayments('/payments', { orderId: order.id, amount: order.total });
}
`,
        {
          at: 'callPayments',
          within: 'return callPayments(',
          request: 'POST /payments',
          service: 'payment',
          evidence: ['service "payment"', 'path "/payments"'],
          via: ['callPayments'],
          suggest: rewrite({
            replaced: "callPayments('/payments', { orderId: order.id, amount: order.total })",
            topic: 'payment.created',
            payload: '{ orderId: order.id, amount: order.total }',
            responseUsed: true,
          }),
        },
        { name: 'the default method: the last branch alone runs, and the write is named POST' },
      ),
      js.invalid(
        `${wrapper}
export function refundPayment(paymentId, amount) {
  return callPayments(\`/payments/\${paymentId}/refund\`, { amount }, 'PUT');
}
`,
        {
          at: 'callPayments',
          within: 'return callPayments(',
          request: 'PUT /payments/{paymentId}/refund',
          service: 'payment',
          evidence: ['service "payment"', 'path "/payments/{paymentId}/refund"'],
          via: ['callPayments'],
          suggest: rewrite({
            replaced: "callPayments(`/payments/${paymentId}/refund`, { amount }, 'PUT')",
            topic: 'payment.refund.requested',
            // the path's parameter goes into the payload: the relay needs it to send the write
            payload: '{ paymentId, amount }',
            responseUsed: true,
          }),
        },
        { name: 'a PUT given at the call: the PUT branch alone runs' },
      ),
      js.invalid(
        `
import axios from 'axios';

async function send(verb, path, body) {
  switch (verb) {
    case 'GET':
      return axios.get(process.env.ORDERS_SERVICE_URL + path);
    case 'POST':
      await audit(path);
    case 'PUT':
      return axios.put(process.env.ORDERS_SERVICE_URL + path, body);
    default:
      throw new Error(verb);
  }
}

async function audit(path) {
  return path;
}

export function placeOrder(order) {
  return send('POST', '/orders', { items: order.items, total: order.total });
}
`,
        {
          at: 'send',
          within: "send('POST'",
          request: 'PUT /orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders"'],
          via: ['send'],
          suggest: rewrite({
            replaced: "send('POST', '/orders', { items: order.items, total: order.total })",
            topic: 'orders.updated',
            payload: '{ items: order.items, total: order.total }',
            responseUsed: true,
          }),
        },
        { name: 'a switch case reached by falling through from the case that matches' },
      ),
    ],
  });
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class PaymentGateway {
  private readonly paymentServiceUrl = process.env.PAYMENT_SERVICE_URL;

  constructor(private readonly httpService: HttpService) {}

  private async callPaymentService<T>(endpoint: string, data?: unknown, method: 'GET' | 'POST' | 'PUT' = 'POST'): Promise<T> {
    const url = \`\${this.paymentServiceUrl}\${endpoint}\`;
    let response;
    if (method === 'GET') {
      response = await firstValueFrom(this.httpService.get<T>(url));
    } else if (method === 'PUT') {
      response = await firstValueFrom(this.httpService.put<T>(url, data));
    } else {
      response = await firstValueFrom(this.httpService.post<T>(url, data));
    }
    return response.data;
  }

  async getPaymentStatus(paymentId: string): Promise<{ status: string }> {
    return this.callPaymentService(\`/payments/\${paymentId}/status\`, undefined, 'GET');
  }
}
`,
        { name: 'a private NestJS method choosing HttpService.get for a GET' },
      ),
    ],
    invalid: [],
  });
});
