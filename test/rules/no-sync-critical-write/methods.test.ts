/**
 * Step 2 of the rule: only writes (POST, PUT, PATCH, DELETE) are reported. The method comes
 * from the member name, the options (directly, through consts, spreads and instance
 * defaults), TS enums, or both branches of a ternary; compared in any case. An unknown method
 * is not a write unless `unknownMethod: 'write'`.
 */
import { describe } from 'vitest';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const PAYMENTS = ['service "payments"', 'path "/payments"'];

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
export async function listPayments(orderId) {
  const response = await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments?orderId=\${orderId}\`, { method: 'GET' });
  return response.json();
}
`,
        { name: "fetch with method: 'GET'" },
      ),
      js.valid(
        `
export async function paymentExists(id) {
  const head = await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${id}\`, { method: 'head' });
  const options = await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'OPTIONS' });
  return head.ok && options.ok;
}
`,
        { name: 'HEAD and OPTIONS in any case read' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function forward(req) {
  return axios({ method: req.method, url: \`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, data: req.body });
}
`,
        { name: 'a method taken from the incoming request is unknown: not a write by default' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function syncPayment(payment, dryRun) {
  await axios({
    method: dryRun ? 'GET' : 'POST',
    url: \`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${payment.id}\`,
    data: payment,
  });
}
`,
        { name: 'a ternary between a read and a write is not known to write' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function send(payment, verb) {
  let method = 'get';
  if (verb) method = verb;
  await axios.request({ method, url: \`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, data: payment });
}
`,
        { name: 'a reassigned let holds an unknown method' },
      ),
      js.valid(
        `
import superagent from 'superagent';

export async function loadPayment(id) {
  const { body } = await superagent('GET', \`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${id}\`);
  return body;
}
`,
        { name: "superagent('GET', url) reads" },
      ),
      js.valid(
        `
const needle = require('needle');

async function loadEntries(account) {
  return needle('get', \`\${process.env.LEDGER_SERVICE_URL}/accounts/\${account}/entries\`);
}
module.exports = { loadEntries };
`,
        { name: "needle('get', url) reads", sourceType: 'commonjs' },
      ),
    ],
    invalid: [
      js.invalid(
        `
export async function refund(paymentId, amount) {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}/refunds\`, {
    method: 'post',
    body: JSON.stringify({ amount }),
  });
}
`,
        {
          at: 'fetch',
          request: 'POST /payments/{paymentId}/refunds',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}/refunds"'],
          suggest: rewrite({
            replaced: { from: 'fetch(', to: '\n  })' },
            topic: 'payments.refunds.created',
            payload: '{ paymentId, amount }',
          }),
        },
        { name: "lower-case method: 'post'" },
      ),
      js.invalid(
        `
export async function amendOrder(orderId, changes) {
  await fetch(\`\${process.env.ORDERS_SERVICE_URL}/orders/\${orderId}\`, { method: 'Patch', body: JSON.stringify(changes) });
}
`,
        {
          at: 'fetch',
          request: 'PATCH /orders/{orderId}',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders/{orderId}"'],
          suggest: rewrite({
            replaced: "fetch(`${process.env.ORDERS_SERVICE_URL}/orders/${orderId}`, { method: 'Patch', body: JSON.stringify(changes) })",
            topic: 'orders.updated',
            payload: '{ ...changes, orderId }',
          }),
        },
        { name: "mixed-case method: 'Patch'" },
      ),
      js.invalid(
        `
const METHOD = 'PUT';

export async function setStock(sku, quantity) {
  await fetch(\`\${process.env.INVENTORY_SERVICE_URL}/stock/\${sku}\`, { method: METHOD, body: JSON.stringify({ quantity }) });
}
`,
        {
          at: 'fetch',
          request: 'PUT /stock/{sku}',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/stock/{sku}"'],
          suggest: rewrite({
            replaced: 'fetch(`${process.env.INVENTORY_SERVICE_URL}/stock/${sku}`, { method: METHOD, body: JSON.stringify({ quantity }) })',
            topic: 'inventory.stock.updated',
            payload: '{ sku, quantity }',
          }),
        },
        { name: 'method from a const' },
      ),
      js.invalid(
        `
const HTTP = { create: 'POST', remove: 'DELETE' };

export async function cancelBooking(bookingId) {
  await fetch(\`\${process.env.BOOKINGS_SERVICE_URL}/bookings/\${bookingId}\`, { method: HTTP.remove });
}
`,
        {
          at: 'fetch',
          request: 'DELETE /bookings/{bookingId}',
          service: 'bookings',
          evidence: ['service "bookings"', 'path "/bookings/{bookingId}"'],
          suggest: rewrite({
            replaced: 'fetch(`${process.env.BOOKINGS_SERVICE_URL}/bookings/${bookingId}`, { method: HTTP.remove })',
            topic: 'bookings.deleted',
            payload: '{ bookingId }',
          }),
        },
        { name: 'method from a const object' },
      ),
      js.invalid(
        `
const jsonPost = { method: 'POST', headers: { 'content-type': 'application/json' } };

export async function capturePayment(payment) {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { ...jsonPost, body: JSON.stringify(payment) });
}
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'fetch(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { ...jsonPost, body: JSON.stringify(payment) })',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'method from a spread of shared options' },
      ),
      js.invalid(
        `
export async function releaseHold(holdId) {
  const init = { method: 'DELETE', headers: { 'x-caller': 'orders' } };
  await fetch(\`\${process.env.WALLET_SERVICE_URL}/holds/\${holdId}\`, init);
}
`,
        {
          at: 'fetch',
          request: 'DELETE /holds/{holdId}',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/holds/{holdId}"'],
          suggest: rewrite({
            replaced: 'fetch(`${process.env.WALLET_SERVICE_URL}/holds/${holdId}`, init)',
            // `holds` is a collection, not the command `hold`
            topic: 'wallet.holds.deleted',
            payload: '{ holdId }',
          }),
        },
        { name: 'init object held in a const' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function savePayment(payment) {
  await axios({
    method: payment.id ? 'PUT' : 'POST',
    url: \`\${process.env.PAYMENTS_SERVICE_URL}/payments\`,
    data: payment,
  });
}
`,
        {
          at: 'axios',
          within: 'await axios(',
          request: 'PUT/POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({ replaced: { from: 'axios({', to: '\n  })' }, topic: 'payments.updated', payload: 'payment' }),
        },
        { name: 'a ternary whose branches both write' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment, { method: 'get', timeout: 2000 });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment, { method: 'get', timeout: 2000 })",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'the helper name decides over a method in the config' },
      ),
      js.invalid(
        `
import axios from 'axios';

const payments = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL, method: 'post' });

export async function capturePayment(payment) {
  await payments({ url: '/payments', data: payment });
}
`,
        {
          at: 'payments',
          within: 'await payments(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "payments({ url: '/payments', data: payment })",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: "an instance created with method: 'post' writes when called without a method" },
      ),
      js.invalid(
        `
import got from 'got';

export async function amendShipment(id, changes) {
  await got(\`\${process.env.SHIPPING_SERVICE_URL}/shipments/\${id}\`, { method: 'patch', json: changes });
}
`,
        {
          at: 'got',
          within: 'await got(',
          request: 'PATCH /shipments/{id}',
          service: 'shipping',
          evidence: ['path "/shipments/{id}"', 'function "amendShipment"'],
          suggest: rewrite({
            replaced: "got(`${process.env.SHIPPING_SERVICE_URL}/shipments/${id}`, { method: 'patch', json: changes })",
            topic: 'shipping.shipments.updated',
            payload: '{ ...changes, id }',
          }),
        },
        { name: 'got with a lower-case method option' },
      ),
      js.invalid(
        `
import superagent from 'superagent';

export async function capturePayment(payment) {
  await superagent('POST', \`\${process.env.PAYMENTS_SERVICE_URL}/payments\`).send(payment);
}
`,
        {
          at: 'superagent',
          within: 'await superagent(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "superagent('POST', `${process.env.PAYMENTS_SERVICE_URL}/payments`).send(payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: "superagent('POST', url)" },
      ),
      js.invalid(
        `
const needle = require('needle');

async function replaceEntry(entry) {
  return needle('PUT', \`\${process.env.LEDGER_SERVICE_URL}/entries/\${entry.id}\`, entry, { json: true });
}
module.exports = { replaceEntry };
`,
        {
          at: 'needle',
          within: "return needle('PUT'",
          request: 'PUT /entries/{id}',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: "needle('PUT', `${process.env.LEDGER_SERVICE_URL}/entries/${entry.id}`, entry, { json: true })",
            topic: 'ledger.entries.updated',
            payload: 'entry',
            responseUsed: true,
          }),
        },
        { name: 'needle with the method as first argument', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function submit(method, payment) {
  return axios({ method, url: \`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, data: payment });
}
`,
        {
          at: 'axios',
          within: 'return axios(',
          request: 'request /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios({ method, url: `${process.env.PAYMENTS_SERVICE_URL}/payments`, data: payment })',
            topic: 'payments.requested',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: "unknownMethod: 'write' reports an unknown method", options: { unknownMethod: 'write' } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function syncPayment(payment, dryRun) {
  await axios({
    method: dryRun ? 'GET' : 'POST',
    url: \`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${payment.id}\`,
    data: payment,
  });
}
`,
        {
          at: 'axios',
          within: 'await axios(',
          request: 'POST /payments/{id}',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{id}"'],
          suggest: rewrite({ replaced: { from: 'axios({', to: '\n  })' }, topic: 'payments.created', payload: 'payment' }),
        },
        { name: "unknownMethod: 'write' reports a read/write ternary", options: { unknownMethod: 'write' } },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
enum HttpMethod {
  Get = 'GET',
  Post = 'POST',
}

export async function loadPayment(id: string) {
  const response = await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${id}\`, { method: HttpMethod.Get });
  return response.json();
}
`,
        { name: 'an enum member naming GET reads' },
      ),
      ts.valid(
        `
import axios, { type Method } from 'axios';

export async function call(method: Method, body: unknown) {
  return axios.request({ method, url: \`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, data: body });
}
`,
        { name: 'a method parameter typed Method is unknown' },
      ),
      ts.valid(
        `
export async function paymentStatus(paymentId: string): Promise<string> {
  const init = { method: 'GET' } satisfies RequestInit;
  const response = await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}\`, init);
  return ((await response.json()) as { status: string }).status;
}
`,
        { name: "an init object declared 'GET' with satisfies" },
      ),
    ],
    invalid: [
      ts.invalid(
        `
enum HttpMethod {
  Get = 'GET',
  Post = 'POST',
  Put = 'PUT',
}

export async function capturePayment(payment: { amount: number }) {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: HttpMethod.Post, body: JSON.stringify(payment) });
}
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'fetch(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { method: HttpMethod.Post, body: JSON.stringify(payment) })',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'string enum member' },
      ),
      ts.invalid(
        `
const enum Verb {
  GET,
  DELETE,
}

export async function cancelOrder(orderId: string) {
  await fetch(\`\${process.env.ORDERS_SERVICE_URL}/orders/\${orderId}\`, { method: Verb.DELETE });
}
`,
        {
          at: 'fetch',
          request: 'DELETE /orders/{orderId}',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders/{orderId}"'],
          suggest: rewrite({
            replaced: 'fetch(`${process.env.ORDERS_SERVICE_URL}/orders/${orderId}`, { method: Verb.DELETE })',
            topic: 'orders.deleted',
            payload: '{ orderId }',
          }),
        },
        { name: 'numeric const enum member named after the method' },
      ),
      ts.invalid(
        `
const REFUND_METHOD = 'POST' as const;

export async function refund(paymentId: string, amount: number) {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}/refunds\`, {
    method: REFUND_METHOD,
    body: JSON.stringify({ amount }),
  });
}
`,
        {
          at: 'fetch',
          request: 'POST /payments/{paymentId}/refunds',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}/refunds"'],
          suggest: rewrite({
            replaced: { from: 'fetch(', to: '\n  })' },
            topic: 'payments.refunds.created',
            payload: '{ paymentId, amount }',
          }),
        },
        { name: "a const declared 'POST' as const" },
      ),
      ts.invalid(
        `
import axios from 'axios';

export async function upsertInvoice(invoice: { id?: string; total: number }) {
  const method = invoice.id ? 'patch' : 'post';
  await axios.request({ method, url: \`\${process.env.BILLING_SERVICE_URL}/invoices\`, data: invoice });
}
`,
        {
          at: 'axios.request',
          request: 'PATCH/POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({
            replaced: 'axios.request({ method, url: `${process.env.BILLING_SERVICE_URL}/invoices`, data: invoice })',
            topic: 'billing.invoices.updated',
            payload: 'invoice',
          }),
        },
        { name: 'shorthand method property bound to a const ternary of writes' },
      ),
      ts.invalid(
        `
const releaseInit: RequestInit = { method: 'DELETE', headers: { 'x-caller': 'checkout' } };

export async function releaseReservation(reservationId: string): Promise<void> {
  await fetch(\`\${process.env.INVENTORY_SERVICE_URL}/reservations/\${reservationId}\`, releaseInit);
}
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'DELETE /reservations/{reservationId}',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/reservations/{reservationId}"'],
          suggest: rewrite({
            replaced: 'fetch(`${process.env.INVENTORY_SERVICE_URL}/reservations/${reservationId}`, releaseInit)',
            topic: 'inventory.reservations.deleted',
            payload: '{ reservationId }',
          }),
        },
        { name: 'an init const with a RequestInit annotation' },
      ),
      ts.invalid(
        `
import axios, { type Method } from 'axios';

const CAPTURE: Method = 'post';

export async function capture(paymentId: string): Promise<void> {
  await axios.request({ method: CAPTURE, url: \`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}/capture\` });
}
`,
        {
          at: 'axios.request',
          request: 'POST /payments/{paymentId}/capture',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
          suggest: rewrite({
            replaced: 'axios.request({ method: CAPTURE, url: `${process.env.PAYMENTS_SERVICE_URL}/payments/${paymentId}/capture` })',
            topic: 'payments.capture.requested',
            payload: '{ paymentId }',
          }),
        },
        { name: "a const typed axios Method holding 'post'" },
      ),
    ],
  });
});
