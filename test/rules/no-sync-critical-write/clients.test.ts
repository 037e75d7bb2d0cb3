/**
 * Step 1 of the rule: an outgoing HTTP request is recognised by where its callee comes from
 * (import, require, instance factory, injected type), for every client in the catalog.
 */
import { describe } from 'vitest';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const PAYMENTS = ['service "payments"', 'path "/payments"'];

/** The payload when the data the request carried cannot be carried over (`fix: true` does not apply it). */
const PLACEHOLDER = '/* TODO: the data this request carried */ {}';

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import { http } from '@acme/http-client';

export async function capturePayment(payment) {
  await http.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        { name: 'a client from a module outside the catalog is not known to send requests' },
      ),
      js.valid(
        `
import axios from './testing/axios-double.js';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        { name: 'a local module named like axios is not axios' },
      ),
      js.valid(
        `
import { fetch } from './lib/signed-fetch.js';

export async function capturePayment(payment) {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify(payment) });
}
`,
        { name: 'fetch imported from a local module shadows the global fetch' },
      ),
      js.valid(
        `
import superagent from 'superagent';

export function capturePayment(payment) {
  superagent.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`).send(payment);
}
`,
        { name: 'a superagent builder that is never awaited or ended sends nothing' },
      ),
      js.valid(
        `
import { request } from 'undici';

export async function getWallet(walletId) {
  const { body } = await request(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}\`);
  return body.json();
}
`,
        { name: 'undici request without body or method is a GET' },
      ),
      js.valid(
        `
import got from 'got';
import ky from 'ky';

export async function loadOrder(orderId) {
  const order = await got.get(\`\${process.env.ORDERS_SERVICE_URL}/orders/\${orderId}\`).json();
  const stock = await ky(\`\${process.env.INVENTORY_SERVICE_URL}/stock/\${order.sku}\`).json();
  return { order, stock };
}
`,
        { name: 'got.get and a bare ky call read' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function paymentExists(paymentId) {
  const head = await axios.head(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}\`);
  const options = await axios.options(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`);
  return head.status === 200 && options.status === 204;
}
`,
        { name: 'axios.head and axios.options read' },
      ),
      js.valid(
        `
export async function balance(accountId) {
  const response = await fetch(\`\${process.env.LEDGER_SERVICE_URL}/accounts/\${accountId}/balance\`);
  return response.json();
}
`,
        { name: 'global fetch without init is a GET' },
      ),
      js.valid(
        `
const http = require('node:http');

function readInvoice(id, callback) {
  http.get({ hostname: 'billing', port: 8080, path: \`/invoices/\${id}\` }, callback);
}
module.exports = { readInvoice };
`,
        { name: 'node:http get reads', sourceType: 'commonjs' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

const paymentsApi = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL });
const clients = { paymentsApi };

export async function capturePayment(paymentId) {
  await clients.paymentsApi.post(\`/payments/\${paymentId}/capture\`);
}
`,
        {
          at: 'clients.paymentsApi.post',
          request: 'POST /payments/{paymentId}/capture',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
          suggest: rewrite({
            replaced: 'clients.paymentsApi.post(`/payments/${paymentId}/capture`)',
            topic: 'payments.capture.requested',
            payload: '{ paymentId }',
          }),
        },
        { name: 'an instance kept in an object literal of clients' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  const { data } = await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, {
    orderId: payment.orderId,
    amount: payment.amount,
    currency: payment.currency,
  });
  return data;
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: { from: 'axios.post(', to: '\n  })' },
            topic: 'payments.created',
            payload: '{\n    orderId: payment.orderId,\n    amount: payment.amount,\n    currency: payment.currency,\n  }',
            responseUsed: true,
          }),
        },
        { name: 'axios default import, post' },
      ),
      js.invalid(
        `
import axios from 'axios';

const INVENTORY_URL = process.env.INVENTORY_SERVICE_URL;

export async function replaceReservation(reservation) {
  await axios.put(\`\${INVENTORY_URL}/reservations/\${reservation.id}\`, reservation);
}

export async function amendReservation(id, changes) {
  await axios.patch(\`\${INVENTORY_URL}/reservations/\${id}\`, changes);
}

export async function releaseReservation(id) {
  await axios.delete(\`\${INVENTORY_URL}/reservations/\${id}\`);
}
`,
        [
          {
            at: 'axios.put',
            request: 'PUT /reservations/{id}',
            service: 'inventory',
            evidence: ['service "inventory"', 'path "/reservations/{id}"'],
            suggest: rewrite({
              replaced: 'axios.put(`${INVENTORY_URL}/reservations/${reservation.id}`, reservation)',
              topic: 'inventory.reservations.updated',
              payload: 'reservation',
            }),
          },
          {
            at: 'axios.patch',
            request: 'PATCH /reservations/{id}',
            service: 'inventory',
            evidence: ['service "inventory"', 'path "/reservations/{id}"'],
            suggest: rewrite({
              replaced: 'axios.patch(`${INVENTORY_URL}/reservations/${id}`, changes)',
              topic: 'inventory.reservations.updated',
              // the URL's id is not in the body: spread next to it
              payload: '{ ...changes, id }',
            }),
          },
          {
            at: 'axios.delete',
            request: 'DELETE /reservations/{id}',
            service: 'inventory',
            evidence: ['service "inventory"', 'path "/reservations/{id}"'],
            suggest: rewrite({
              replaced: 'axios.delete(`${INVENTORY_URL}/reservations/${id}`)',
              topic: 'inventory.reservations.deleted',
              payload: '{ id }',
            }),
          },
        ],
        { name: 'axios put, patch and delete' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function attachInvoicePdf(invoiceId, pdf) {
  const form = new FormData();
  form.append('file', pdf, 'invoice.pdf');
  await axios.postForm(\`\${process.env.BILLING_SERVICE_URL}/invoices/\${invoiceId}/documents\`, form);
  await axios.putForm(\`\${process.env.BILLING_SERVICE_URL}/invoices/\${invoiceId}/attachments\`, form);
  await axios.patchForm(\`\${process.env.BILLING_SERVICE_URL}/invoices/\${invoiceId}\`, form);
}
`,
        [
          {
            at: 'axios.postForm',
            request: 'POST /invoices/{invoiceId}/documents',
            service: 'billing',
            evidence: ['service "billing"', 'path "/invoices/{invoiceId}/documents"'],
            suggest: rewrite({
              replaced: 'axios.postForm(`${process.env.BILLING_SERVICE_URL}/invoices/${invoiceId}/documents`, form)',
              topic: 'billing.invoices.documents.created',
              // form data cannot be carried as event data
              payload: PLACEHOLDER,
            }),
          },
          {
            at: 'axios.putForm',
            request: 'PUT /invoices/{invoiceId}/attachments',
            service: 'billing',
            evidence: ['service "billing"', 'path "/invoices/{invoiceId}/attachments"'],
            suggest: rewrite({
              replaced: 'axios.putForm(`${process.env.BILLING_SERVICE_URL}/invoices/${invoiceId}/attachments`, form)',
              topic: 'billing.invoices.attachments.updated',
              // form data cannot be carried as event data
              payload: PLACEHOLDER,
            }),
          },
          {
            at: 'axios.patchForm',
            request: 'PATCH /invoices/{invoiceId}',
            service: 'billing',
            evidence: ['service "billing"', 'path "/invoices/{invoiceId}"'],
            suggest: rewrite({
              replaced: 'axios.patchForm(`${process.env.BILLING_SERVICE_URL}/invoices/${invoiceId}`, form)',
              topic: 'billing.invoices.updated',
              // form data cannot be carried as event data
              payload: PLACEHOLDER,
            }),
          },
        ],
        { name: 'axios *Form helpers' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function refund(payment, reason) {
  return axios({
    method: 'post',
    url: \`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`,
    data: { paymentId: payment.id, amount: payment.amount, reason },
  });
}
`,
        {
          at: 'axios',
          within: 'return axios(',
          request: 'POST /refunds',
          service: 'payments',
          evidence: ['service "payments"', 'path "/refunds"'],
          suggest: rewrite({
            replaced: { from: 'axios({', to: '\n  })' },
            topic: 'payments.refunds.created',
            payload: '{ paymentId: payment.id, amount: payment.amount, reason }',
            responseUsed: true,
          }),
        },
        { name: 'axios(config)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function refund(payment) {
  return axios(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`, { method: 'POST', data: { amount: payment.amount } });
}
`,
        {
          at: 'axios',
          within: 'return axios(',
          request: 'POST /refunds',
          service: 'payments',
          evidence: ['service "payments"', 'path "/refunds"'],
          suggest: rewrite({
            replaced: "axios(`${process.env.PAYMENTS_SERVICE_URL}/refunds`, { method: 'POST', data: { amount: payment.amount } })",
            topic: 'payments.refunds.created',
            payload: '{ amount: payment.amount }',
            responseUsed: true,
          }),
        },
        { name: 'axios(url, config)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function voidCharge(chargeId) {
  await axios.request({ method: 'delete', url: \`\${process.env.BILLING_SERVICE_URL}/charges/\${chargeId}\` });
}
`,
        {
          at: 'axios.request',
          request: 'DELETE /charges/{chargeId}',
          service: 'billing',
          evidence: ['service "billing"', 'path "/charges/{chargeId}"'],
          suggest: rewrite({
            replaced: "axios.request({ method: 'delete', url: `${process.env.BILLING_SERVICE_URL}/charges/${chargeId}` })",
            // `charges` is a collection, not the command `charge`: the method says what happened
            topic: 'billing.charges.deleted',
            payload: '{ chargeId }',
          }),
        },
        { name: 'axios.request(config)' },
      ),
      js.invalid(
        `
const axios = require('axios');

async function capturePayment(payment) {
  await axios.post(process.env.PAYMENTS_SERVICE_URL + '/payments', payment);
}

module.exports = { capturePayment };
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "axios.post(process.env.PAYMENTS_SERVICE_URL + '/payments', payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'require(axios)', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
const axios = require('axios').default;

exports.capturePayment = async (payment) => {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
};
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
        { name: "require('axios').default", sourceType: 'commonjs' },
      ),
      js.invalid(
        `
const fetch = (...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args));

exports.createStock = async (productId, available) => {
  await fetch(\`\${process.env.INVENTORY_SERVICE_URL}/api/inventory\`, { method: 'POST', body: JSON.stringify({ productId, available }) });
};
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /api/inventory',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/api/inventory"'],
          suggest: rewrite({
            replaced: "fetch(`${process.env.INVENTORY_SERVICE_URL}/api/inventory`, { method: 'POST', body: JSON.stringify({ productId, available }) })",
            topic: 'inventory.created',
            payload: '{ productId, available }',
          }),
        },
        { name: 'CommonJS loading node-fetch through a dynamic import shim that hands its arguments on', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
const { post } = require('axios');

module.exports.capturePayment = (payment) => post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
`,
        {
          at: 'post',
          within: '=> post(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: 'destructured require of axios', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
import httpClient from 'axios';

export async function bookShipment(shipment) {
  await httpClient.post('http://shipping:8080/shipments', shipment);
}
`,
        {
          at: 'httpClient.post',
          request: 'POST /shipments',
          service: 'shipping',
          evidence: ['path "/shipments"', 'payload "shipment"'],
          suggest: rewrite({
            replaced: "httpClient.post('http://shipping:8080/shipments', shipment)",
            topic: 'shipping.shipments.created',
            payload: 'shipment',
          }),
        },
        { name: 'axios default import under another name' },
      ),
      js.invalid(
        `
import axios from 'axios';

const post = axios.post;

export async function capturePayment(payment) {
  await post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: 'post',
          within: 'await post(',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'alias of axios.post' },
      ),
      js.invalid(
        `
import axios from 'axios';

const payments = axios.create({
  baseURL: process.env.PAYMENTS_SERVICE_URL,
  timeout: 5000,
  headers: { 'x-caller': 'orders' },
});

export async function capturePayment(payment) {
  const { data } = await payments.post('/payments', payment);
  return data;
}

export async function refund(refund) {
  await payments({ method: 'post', url: '/refunds', data: refund });
}
`,
        [
          {
            at: 'payments.post',
            request: 'POST /payments',
            service: 'payments',
            evidence: PAYMENTS,
            suggest: rewrite({
              replaced: "payments.post('/payments', payment)",
              topic: 'payments.created',
              payload: 'payment',
              responseUsed: true,
            }),
          },
          {
            at: 'payments',
            within: 'payments({',
            request: 'POST /refunds',
            service: 'payments',
            evidence: ['service "payments"', 'path "/refunds"'],
            suggest: rewrite({
              replaced: "payments({ method: 'post', url: '/refunds', data: refund })",
              topic: 'payments.refunds.created',
              payload: 'refund',
            }),
          },
        ],
        { name: 'axios.create instance: member call and the instance called with a config' },
      ),
      js.invalid(
        `
export async function reserveStock(order) {
  const response = await fetch(\`\${process.env.INVENTORY_SERVICE_URL}/reservations\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orderId: order.id, items: order.items }),
  });
  if (!response.ok) throw new Error(\`reservation failed: \${response.status}\`);
}
`,
        {
          at: 'fetch',
          request: 'POST /reservations',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/reservations"'],
          suggest: rewrite({
            replaced: { from: 'fetch(', to: '\n  })' },
            topic: 'inventory.reservations.created',
            payload: '{ orderId: order.id, items: order.items }',
            responseUsed: true,
          }),
        },
        { name: 'global fetch with a JSON body' },
      ),
      js.invalid(
        `
import fetch from 'node-fetch';

export async function settle(settlement) {
  await fetch(\`\${process.env.LEDGER_SERVICE_URL}/settlements\`, { method: 'PUT', body: JSON.stringify(settlement) });
}
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'PUT /settlements',
          service: 'ledger',
          evidence: ['service "ledger"', 'path "/settlements"'],
          suggest: rewrite({
            replaced: "fetch(`${process.env.LEDGER_SERVICE_URL}/settlements`, { method: 'PUT', body: JSON.stringify(settlement) })",
            topic: 'ledger.settlements.updated',
            payload: 'settlement',
          }),
        },
        { name: 'node-fetch default import' },
      ),
      js.invalid(
        `
const fetch = require('cross-fetch');

async function transfer(transfer) {
  await fetch(process.env.WALLET_SERVICE_URL + '/transfers', { method: 'POST', body: JSON.stringify(transfer) });
}
module.exports = transfer;
`,
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /transfers',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/transfers"'],
          suggest: rewrite({
            replaced: "fetch(process.env.WALLET_SERVICE_URL + '/transfers', { method: 'POST', body: JSON.stringify(transfer) })",
            topic: 'wallet.transfers.created',
            payload: 'transfer',
          }),
        },
        { name: 'cross-fetch required', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
import { fetch as undiciFetch } from 'undici';

export async function withdraw(walletId, amount) {
  await undiciFetch(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}/withdrawals\`, {
    method: 'POST',
    body: JSON.stringify({ amount }),
  });
}
`,
        {
          at: 'undiciFetch',
          within: 'await undiciFetch(',
          request: 'POST /wallets/{walletId}/withdrawals',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallets/{walletId}/withdrawals"'],
          suggest: rewrite({
            replaced: { from: 'undiciFetch(`', to: '\n  })' },
            topic: 'wallet.withdrawals.created',
            payload: '{ walletId, amount }',
          }),
        },
        { name: 'undici fetch, renamed on import' },
      ),
      js.invalid(
        `
export async function reserveStock(items) {
  const request = new Request(\`\${process.env.INVENTORY_SERVICE_URL}/reservations\`, {
    method: 'POST',
    body: JSON.stringify({ items }),
  });
  return fetch(request);
}
`,
        {
          at: 'fetch',
          request: 'POST /reservations',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/reservations"'],
          suggest: rewrite({
            replaced: 'fetch(request)',
            topic: 'inventory.reservations.created',
            // written in the `new Request(…)` before the call, in the same function
            payload: '{ items }',
            responseUsed: true,
          }),
        },
        { name: 'fetch of a new Request(url, init)' },
      ),
      js.invalid(
        `
import { request } from 'undici';

export async function setBalance(walletId, balance, currency) {
  const { statusCode } = await request(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}/balance\`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ balance, currency }),
  });
  return statusCode;
}
`,
        {
          at: 'request',
          within: 'await request(',
          request: 'PUT /wallets/{walletId}/balance',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallets/{walletId}/balance"'],
          suggest: rewrite({
            replaced: { from: 'request(`', to: '\n  })' },
            topic: 'wallet.balance.updated',
            payload: '{ walletId, balance, currency }',
            responseUsed: true,
          }),
        },
        { name: 'undici request with a body and no method is a PUT' },
      ),
      js.invalid(
        `
import * as undici from 'undici';

export async function openAccount(account) {
  await undici.request(\`\${process.env.ACCOUNTS_SERVICE_URL}/accounts\`, { method: 'POST', body: JSON.stringify(account) });
}
`,
        {
          at: 'undici.request',
          request: 'POST /accounts',
          service: 'accounts',
          evidence: ['service "accounts"', 'path "/accounts"'],
          suggest: rewrite({
            replaced: "undici.request(`${process.env.ACCOUNTS_SERVICE_URL}/accounts`, { method: 'POST', body: JSON.stringify(account) })",
            topic: 'accounts.created',
            payload: 'account',
          }),
        },
        { name: 'undici namespace import' },
      ),
      js.invalid(
        `
import { Pool } from 'undici';

const ledger = new Pool(process.env.LEDGER_SERVICE_URL, { connections: 10 });

export async function postEntry(entry) {
  const { statusCode } = await ledger.request({ path: '/entries', method: 'POST', body: JSON.stringify(entry) });
  return statusCode;
}
`,
        {
          at: 'ledger.request',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: "ledger.request({ path: '/entries', method: 'POST', body: JSON.stringify(entry) })",
            topic: 'ledger.entries.created',
            payload: 'entry',
            responseUsed: true,
          }),
        },
        { name: 'undici Pool dispatcher with origin and path' },
      ),
      js.invalid(
        `
import got from 'got';

export async function transferStock(from, to, sku, quantity) {
  await got.post(\`\${process.env.WAREHOUSE_SERVICE_URL}/transfers\`, { json: { from, to, sku, quantity } }).json();
}

export async function recount(sku, quantity) {
  await got(\`\${process.env.WAREHOUSE_SERVICE_URL}/stock/\${sku}\`, { method: 'PUT', json: { quantity } });
}
`,
        [
          {
            at: 'got.post',
            request: 'POST /transfers',
            service: 'warehouse',
            evidence: ['service "warehouse"', 'path "/transfers"'],
            suggest: rewrite({
              // got's `.json()` reads the response of this request: it goes with it
              replaced: 'got.post(`${process.env.WAREHOUSE_SERVICE_URL}/transfers`, { json: { from, to, sku, quantity } }).json()',
              topic: 'warehouse.transfers.created',
              payload: '{ from, to, sku, quantity }',
            }),
          },
          {
            at: 'got',
            within: 'await got(',
            request: 'PUT /stock/{sku}',
            service: 'warehouse',
            evidence: ['service "warehouse"', 'path "/stock/{sku}"'],
            suggest: rewrite({
              replaced: "got(`${process.env.WAREHOUSE_SERVICE_URL}/stock/${sku}`, { method: 'PUT', json: { quantity } })",
              topic: 'warehouse.stock.updated',
              payload: '{ sku, quantity }',
            }),
          },
        ],
        { name: 'got.post and got(url, { method })' },
      ),
      js.invalid(
        `
import got from 'got';

const warehouse = got.extend({ prefixUrl: process.env.WAREHOUSE_SERVICE_URL, timeout: { request: 5000 } });

export async function adjustStock(sku, quantity) {
  await warehouse.patch(\`stock/\${sku}\`, { json: { quantity } });
}
`,
        {
          at: 'warehouse.patch',
          request: 'PATCH /stock/{sku}',
          service: 'warehouse',
          evidence: ['service "warehouse"', 'path "/stock/{sku}"'],
          suggest: rewrite({
            replaced: 'warehouse.patch(`stock/${sku}`, { json: { quantity } })',
            topic: 'warehouse.stock.updated',
            payload: '{ sku, quantity }',
          }),
        },
        { name: 'got.extend instance with prefixUrl' },
      ),
      js.invalid(
        `
import ky from 'ky';

export async function placeOrder(order) {
  return ky.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, { json: order }).json();
}
`,
        {
          at: 'ky.post',
          request: 'POST /orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders"'],
          suggest: rewrite({
            replaced: 'ky.post(`${process.env.ORDERS_SERVICE_URL}/orders`, { json: order }).json()',
            topic: 'orders.created',
            payload: 'order',
            responseUsed: true,
          }),
        },
        { name: 'ky.post' },
      ),
      js.invalid(
        `
import ky from 'ky';

const base = ky.create({ prefixUrl: process.env.ORDERS_SERVICE_URL, timeout: 8000 });
const orders = base.extend({ headers: { 'x-caller': 'checkout' } });

export async function cancelOrder(orderId) {
  await orders.delete(\`orders/\${orderId}\`);
}

export async function placeOrder(order) {
  return orders('orders', { method: 'post', json: order }).json();
}
`,
        [
          {
            at: 'orders.delete',
            request: 'DELETE /orders/{orderId}',
            service: 'orders',
            evidence: ['service "orders"', 'path "/orders/{orderId}"'],
            suggest: rewrite({ replaced: 'orders.delete(`orders/${orderId}`)', topic: 'orders.deleted', payload: '{ orderId }' }),
          },
          {
            at: 'orders',
            within: "orders('orders'",
            request: 'POST /orders',
            service: 'orders',
            evidence: ['service "orders"', 'path "/orders"'],
            suggest: rewrite({
              replaced: "orders('orders', { method: 'post', json: order }).json()",
              topic: 'orders.created',
              payload: 'order',
              responseUsed: true,
            }),
          },
        ],
        { name: 'ky.create then extend' },
      ),
      js.invalid(
        `
import { $fetch, ofetch } from 'ofetch';

const inventory = ofetch.create({ baseURL: process.env.INVENTORY_SERVICE_URL, retry: 0 });

export async function reserve(items) {
  return inventory('/reservations', { method: 'POST', body: { items } });
}

export async function restock(sku, quantity) {
  return $fetch(\`\${process.env.INVENTORY_SERVICE_URL}/stock/\${sku}\`, { method: 'PATCH', body: { quantity } });
}
`,
        [
          {
            at: 'inventory',
            within: "inventory('/reservations'",
            request: 'POST /reservations',
            service: 'inventory',
            evidence: ['service "inventory"', 'path "/reservations"'],
            suggest: rewrite({
              replaced: "inventory('/reservations', { method: 'POST', body: { items } })",
              topic: 'inventory.reservations.created',
              payload: '{ items }',
              responseUsed: true,
            }),
          },
          {
            at: '$fetch',
            within: 'return $fetch(',
            request: 'PATCH /stock/{sku}',
            service: 'inventory',
            evidence: ['service "inventory"', 'path "/stock/{sku}"'],
            suggest: rewrite({
              replaced: "$fetch(`${process.env.INVENTORY_SERVICE_URL}/stock/${sku}`, { method: 'PATCH', body: { quantity } })",
              topic: 'inventory.stock.updated',
              payload: '{ sku, quantity }',
              responseUsed: true,
            }),
          },
        ],
        { name: 'ofetch.create instance and $fetch' },
      ),
      js.invalid(
        `
import superagent from 'superagent';

export async function capturePayment(payment) {
  const response = await superagent
    .post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`)
    .set('idempotency-key', payment.id)
    .send(payment);
  return response.body;
}
`,
        {
          at: 'superagent\n    .post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: { from: 'superagent\n    .post', to: '.send(payment)' },
            topic: 'payments.created',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: 'superagent chain with .send, awaited' },
      ),
      js.invalid(
        `
const request = require('superagent');

function refund(refund, done) {
  request.put(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds/\${refund.id}\`).send(refund).end(done);
}
module.exports = { refund };
`,
        {
          at: 'request.put',
          request: 'PUT /refunds/{id}',
          service: 'payments',
          evidence: ['service "payments"', 'path "/refunds/{id}"'],
          suggest: rewrite({
            replaced: 'request.put(`${process.env.PAYMENTS_SERVICE_URL}/refunds/${refund.id}`).send(refund).end(done)',
            topic: 'payments.refunds.updated',
            // `refund.id` is a member of the payload
            payload: 'refund',
            // `done` gets the response
            responseUsed: true,
          }),
        },
        { name: 'superagent chain ended with .end(callback)', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
const rp = require('request-promise-native');

async function postEntry(entry) {
  return rp({ method: 'POST', uri: \`\${process.env.LEDGER_SERVICE_URL}/entries\`, body: entry, json: true });
}
module.exports = { postEntry };
`,
        {
          at: 'rp',
          within: 'return rp(',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: "rp({ method: 'POST', uri: `${process.env.LEDGER_SERVICE_URL}/entries`, body: entry, json: true })",
            topic: 'ledger.entries.created',
            payload: 'entry',
            responseUsed: true,
          }),
        },
        { name: 'request-promise with an options object', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
const request = require('request');

const ledger = request.defaults({ baseUrl: process.env.LEDGER_SERVICE_URL, json: true });

function reverseEntry(entryId, amount, callback) {
  ledger.post({ uri: \`/entries/\${entryId}/reversals\`, body: { amount } }, callback);
}
module.exports = { reverseEntry };
`,
        {
          at: 'ledger.post',
          request: 'POST /entries/{entryId}/reversals',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'ledger.post({ uri: `/entries/${entryId}/reversals`, body: { amount } }, callback)',
            topic: 'ledger.entries.reversals.created',
            payload: '{ entryId, amount }',
            // `callback` receives the response
            responseUsed: true,
          }),
        },
        { name: 'request.defaults instance', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
const needle = require('needle');

async function bookDeposit(deposit) {
  await needle('post', \`\${process.env.WALLET_SERVICE_URL}/deposits\`, deposit, { json: true });
  await needle.patch(\`\${process.env.WALLET_SERVICE_URL}/deposits/\${deposit.id}\`, { status: 'booked' }, { json: true });
}
module.exports = { bookDeposit };
`,
        [
          {
            at: 'needle',
            within: "await needle('post'",
            request: 'POST /deposits',
            service: 'wallet',
            evidence: ['service "wallet"', 'path "/deposits"'],
            suggest: rewrite({
              replaced: "needle('post', `${process.env.WALLET_SERVICE_URL}/deposits`, deposit, { json: true })",
              topic: 'wallet.deposits.created',
              payload: 'deposit',
            }),
          },
          {
            at: 'needle.patch',
            request: 'PATCH /deposits/{id}',
            service: 'wallet',
            evidence: ['service "wallet"', 'path "/deposits/{id}"'],
            suggest: rewrite({
              replaced: "needle.patch(`${process.env.WALLET_SERVICE_URL}/deposits/${deposit.id}`, { status: 'booked' }, { json: true })",
              topic: 'wallet.deposits.updated',
              // a member hole is written as an entry with its expression
              payload: "{ id: deposit.id, status: 'booked' }",
            }),
          },
        ],
        { name: 'needle promise form and helper', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
import http from 'node:http';

export function postInvoice(invoice) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname: 'billing', port: 8080, path: '/invoices', method: 'POST', headers: { 'content-type': 'application/json' } },
      resolve,
    );
    req.on('error', reject);
    req.end(JSON.stringify(invoice));
  });
}
`,
        {
          at: 'http.request',
          request: 'POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({
            replaced: { from: 'http.request(\n', to: '\n    )' },
            topic: 'billing.invoices.created',
            // the body goes out through `req.end(…)`: not carried over
            payload: PLACEHOLDER,
            responseUsed: true,
          }),
        },
        { name: 'node:http request with { hostname, port, path, method }' },
      ),
      js.invalid(
        `
const https = require('https');

function updateInvoice(invoice) {
  const req = https.request({ hostname: process.env.BILLING_HOST, path: \`/invoices/\${invoice.id}\`, method: 'PUT' });
  req.end(JSON.stringify(invoice));
}
module.exports = { updateInvoice };
`,
        {
          at: 'https.request',
          request: 'PUT /invoices/{id}',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices/{id}"'],
          suggest: rewrite({
            replaced: "https.request({ hostname: process.env.BILLING_HOST, path: `/invoices/${invoice.id}`, method: 'PUT' })",
            topic: 'billing.invoices.updated',
            // the body goes out through `req.end(…)`: the URL's values and a TODO for the body
            payload: '{ id: invoice.id /* TODO: the body this request sent */ }',
            responseUsed: true,
          }),
        },
        { name: 'https required, host from an env var', sourceType: 'commonjs' },
      ),
      js.invalid(
        `
import { request as httpsRequest } from 'node:https';

export function chargeCard(charge) {
  const req = httpsRequest(\`\${process.env.PAYMENTS_SERVICE_URL}/charges\`, { method: 'POST' });
  req.write(JSON.stringify(charge));
  req.end();
}
`,
        {
          at: 'httpsRequest',
          within: 'const req = httpsRequest',
          request: 'POST /charges',
          service: 'payments',
          evidence: ['service "payments"', 'path "/charges"'],
          suggest: rewrite({
            replaced: "httpsRequest(`${process.env.PAYMENTS_SERVICE_URL}/charges`, { method: 'POST' })",
            topic: 'payments.charges.created',
            payload: PLACEHOLDER,
            responseUsed: true,
          }),
        },
        { name: 'node:https named request import with a URL and options' },
      ),
      js.invalid(
        `
import http from 'node:http';

export function capturePayment(payment) {
  const req = http.request(new URL('/payments', process.env.PAYMENTS_SERVICE_URL), { method: 'POST' });
  req.end(JSON.stringify(payment));
}
`,
        {
          at: 'http.request',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "http.request(new URL('/payments', process.env.PAYMENTS_SERVICE_URL), { method: 'POST' })",
            topic: 'payments.created',
            payload: PLACEHOLDER,
            responseUsed: true,
          }),
        },
        { name: 'node:http request with a URL object and options' },
      ),
      js.invalid(
        `
import got from 'got';

export async function capturePayment(payment) {
  await got.post('payments', { prefixUrl: process.env.PAYMENTS_SERVICE_URL, json: payment });
}
`,
        {
          at: 'got.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "got.post('payments', { prefixUrl: process.env.PAYMENTS_SERVICE_URL, json: payment })",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'got with prefixUrl in the call options' },
      ),
      js.invalid(
        `
import axios from 'axios';

export class PaymentsClient {
  #http = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL, timeout: 3000 });

  async capture(payment) {
    await this.#http.post('/payments', payment);
  }
}
`,
        {
          at: 'this.#http.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({ replaced: "this.#http.post('/payments', payment)", topic: 'payments.created', payload: 'payment' }),
        },
        { name: 'axios instance in a private class field' },
      ),
      js.invalid(
        `
import createClient from 'openapi-fetch';

const orders = createClient({ baseUrl: process.env.ORDERS_SERVICE_URL });

export async function placeOrder(order) {
  const { data, error } = await orders.POST('/orders', { body: order });
  if (error) throw new Error(error.message);
  return data;
}
`,
        {
          at: 'orders.POST',
          request: 'POST /orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders"'],
          suggest: rewrite({
            replaced: "orders.POST('/orders', { body: order })",
            topic: 'orders.created',
            payload: 'order',
            responseUsed: true,
          }),
        },
        { name: 'openapi-fetch client.POST' },
      ),
      js.invalid(
        `
import { Axios } from 'axios';

const payments = new Axios({ baseURL: process.env.PAYMENTS_SERVICE_URL });

export async function capturePayment(payment) {
  await payments.post('/payments', payment);
}
`,
        {
          at: 'payments.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({ replaced: "payments.post('/payments', payment)", topic: 'payments.created', payload: 'payment' }),
        },
        { name: 'new Axios(config) from the named export' },
      ),
    ],
  });
});
const WALLET_CLIENT = `import got from 'got';

class WalletClient {
  constructor() {
    this.client = got.extend({ prefixUrl: process.env.WALLET_SERVICE_URL });
    this.cache = new Map();
  }

  async call(method, path, json) {
    const send = () => this.client[method](path, { json }).json();
    return this.withTimer(send);
  }

  async withTimer(run) {
    const started = Date.now();
    try {
      return await run();
    } finally {
      console.log(Date.now() - started);
    }
  }

  forget(method, key) {
    return this.cache[method](key);
  }

  debit(walletId, amount) {
    return this.call('post', \`wallets/\${walletId}/debits\`, { amount });
  }

  balance(walletId) {
    return this.call('get', \`wallets/\${walletId}\`);
  }

  evict(walletId) {
    return this.forget('delete', walletId);
  }
}

export const wallets = new WalletClient();
`;

describe('a client method picked by name (`this.client[method](…)`)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        WALLET_CLIENT,
        {
          at: 'this.call',
          within: "this.call('post'",
          request: 'POST /wallets/{walletId}/debits',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallets/{walletId}/debits"'],
          via: ['WalletClient.call'],
          suggest: rewrite({
            replaced: "this.call('post', `wallets/${walletId}/debits`, { amount })",
            topic: 'wallet.debits.created',
            payload: '{ walletId, amount }',
            responseUsed: true,
          }),
        },
        { name: "the caller's 'post' picks the member, inside a closure run by a timer; its 'get' is a read, and a Map's member picked the same way is no request" },
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

@Injectable()
export class LedgerClient {
  constructor(private readonly http: HttpService) {}

  postEntry(entry: { amount: number; currency: string }): void {
    this.http.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, entry);
  }
}
`,
        { name: 'HttpService call as a bare statement returns a cold Observable and sends nothing' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { map } from 'rxjs';

@Injectable()
export class LedgerClient {
  constructor(private readonly http: HttpService) {}

  postEntry(entry: { amount: number }): void {
    this.http.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, entry).pipe(map((response) => response.data));
  }
}
`,
        { name: 'a piped but never subscribed HttpService Observable sends nothing' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class PaymentsClient {
  constructor(private readonly http: HttpService) {}

  async getPayment(id: string) {
    const { data } = await firstValueFrom(this.http.get(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${id}\`));
    return data;
  }
}
`,
        { name: 'HttpService get reads' },
      ),
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { PaymentsGatewayClient } from './payments-gateway.client';

@Injectable()
export class CheckoutService {
  constructor(private readonly http: PaymentsGatewayClient) {}

  async pay(order: { total: number }) {
    await firstValueFrom(this.http.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { amount: order.total }));
  }
}
`,
        { name: 'a field typed with a class from your own module is not HttpService (syntax-only mode)' },
      ),
      ts.valid(
        `
export class PaymentsRepository {
  private readonly rows = new Map<string, { amount: number }>();

  private async fetch(id: string): Promise<{ amount: number } | undefined> {
    return this.rows.get(id);
  }

  async refund(id: string): Promise<void> {
    const payment = await this.fetch(id);
    if (payment) this.rows.set(id, { amount: 0 });
  }
}
`,
        { name: 'a class method named fetch is not the global fetch' },
      ),
      ts.valid(
        `
declare const fetch: (url: string, init?: { method?: string; body?: string }) => Promise<void>;

export async function capturePayment(payment: { amount: number }): Promise<void> {
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify(payment) });
}
`,
        { name: 'a declared local fetch shadows the global fetch' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { firstValueFrom } from 'rxjs';

interface EntryDto {
  account: string;
  amount: number;
  currency: string;
}

@Injectable()
export class LedgerClient {
  constructor(
    private readonly http: HttpService,
    private readonly config: ConfigService,
  ) {}

  async postEntry(entry: EntryDto) {
    const { data } = await firstValueFrom(
      this.http.post<{ id: string }>(\`\${this.config.get('LEDGER_SERVICE_URL')}/entries\`, entry),
    );
    return data.id;
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: { from: 'firstValueFrom(\n', to: '\n    )' },
            topic: 'ledger.entries.created',
            payload: 'entry',
            responseUsed: true,
          }),
        },
        { name: 'HttpService injected by constructor, firstValueFrom' },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { lastValueFrom, map } from 'rxjs';

@Injectable()
export class RefundsClient {
  constructor(private readonly httpService: HttpService) {}

  refund(paymentId: string, amount: number): Promise<string> {
    return lastValueFrom(
      this.httpService
        .post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}/refunds\`, { amount })
        .pipe(map((response) => response.data.status as string)),
    );
  }
}
`,
        {
          at: 'this.httpService\n        .post',
          request: 'POST /payments/{paymentId}/refunds',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}/refunds"'],
          suggest: rewrite({
            replaced: { from: 'lastValueFrom(\n', to: '\n    )' },
            topic: 'payments.refunds.created',
            payload: '{ paymentId, amount }',
            responseUsed: true,
          }),
        },
        { name: 'HttpService lastValueFrom with .pipe(map)' },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class StockSync {
  private readonly logger = new Logger(StockSync.name);

  constructor(private readonly http: HttpService) {}

  release(reservationId: string): void {
    this.http
      .delete(\`\${process.env.INVENTORY_SERVICE_URL}/reservations/\${reservationId}\`)
      .subscribe({ error: (error: Error) => this.logger.error(error.message) });
  }
}
`,
        {
          at: 'this.http\n      .delete',
          request: 'DELETE /reservations/{reservationId}',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/reservations/{reservationId}"'],
          suggest: rewrite({
            // `.subscribe(…)` is what sends the request: it goes with it, and its observer receives the response
            replaced: { from: 'this.http\n', to: 'this.logger.error(error.message) })' },
            topic: 'inventory.reservations.deleted',
            payload: '{ reservationId }',
            responseUsed: true,
          }),
        },
        { name: 'HttpService .subscribe()' },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';

@Injectable()
export class LegacyBillingClient {
  constructor(private readonly http: HttpService) {}

  async issueInvoice(invoice: { orderId: string; total: number }) {
    const response = await this.http.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, invoice).toPromise();
    return response?.data;
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({
            replaced: 'this.http.post(`${process.env.BILLING_SERVICE_URL}/invoices`, invoice).toPromise()',
            topic: 'billing.invoices.created',
            payload: 'invoice',
            responseUsed: true,
          }),
        },
        { name: 'HttpService legacy .toPromise()' },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';

@Injectable()
export class LedgerClient {
  constructor(private readonly http: HttpService) {}

  async setBalance(account: string, balance: number) {
    const { data } = await this.http.axiosRef.put(\`\${process.env.LEDGER_SERVICE_URL}/accounts/\${account}/balance\`, { balance });
    return data;
  }
}
`,
        {
          at: 'this.http.axiosRef.put',
          request: 'PUT /accounts/{account}/balance',
          service: 'ledger',
          evidence: ['service "ledger"', 'path "/accounts/{account}/balance"'],
          suggest: rewrite({
            replaced: 'this.http.axiosRef.put(`${process.env.LEDGER_SERVICE_URL}/accounts/${account}/balance`, { balance })',
            topic: 'ledger.accounts.balance.updated',
            payload: '{ account, balance }',
            responseUsed: true,
          }),
        },
        { name: 'HttpService axiosRef escape hatch' },
      ),
      ts.invalid(
        `
import axios, { type AxiosInstance } from 'axios';

export class BillingClient {
  private readonly client: AxiosInstance;

  constructor() {
    this.client = axios.create({ baseURL: process.env.BILLING_SERVICE_URL, timeout: 3000 });
  }

  async issueInvoice(orderId: string, total: number): Promise<void> {
    await this.client.post('/invoices', { orderId, total });
  }
}
`,
        {
          at: 'this.client.post',
          request: 'POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({
            replaced: "this.client.post('/invoices', { orderId, total })",
            topic: 'billing.invoices.created',
            payload: '{ orderId, total }',
          }),
        },
        { name: 'constructor assignment this.client = axios.create({ baseURL })' },
      ),
      ts.invalid(
        `
import got from 'got';

export class WarehouseClient {
  private readonly warehouse = got.extend({ prefixUrl: process.env.WAREHOUSE_SERVICE_URL });

  async moveStock(sku: string, quantity: number, to: string): Promise<void> {
    await this.warehouse.post('transfers', { json: { sku, quantity, to } });
  }
}
`,
        {
          at: 'this.warehouse.post',
          request: 'POST /transfers',
          service: 'warehouse',
          evidence: ['service "warehouse"', 'path "/transfers"'],
          suggest: rewrite({
            replaced: "this.warehouse.post('transfers', { json: { sku, quantity, to } })",
            topic: 'warehouse.transfers.created',
            payload: '{ sku, quantity, to }',
          }),
        },
        { name: 'class field initialised with got.extend' },
      ),
      ts.invalid(
        `
import axios from 'axios';

interface PaymentRequest {
  orderId: string;
  amount: number;
  currency: 'EUR' | 'BRL';
}

export async function capturePayment(payment: PaymentRequest): Promise<string> {
  const { data } = await axios.post<{ id: string }>(\`\${process.env.PAYMENTS_SERVICE_URL!}/payments\`, payment satisfies PaymentRequest);
  return data.id;
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post<{ id: string }>(`${process.env.PAYMENTS_SERVICE_URL!}/payments`, payment satisfies PaymentRequest)',
            topic: 'payments.created',
            payload: 'payment',
            responseUsed: true,
          }),
        },
        { name: 'TS generics, non-null and satisfies around the arguments' },
      ),
      ts.invalid(
        `
import createClient from 'openapi-fetch';
import type { paths } from './generated/orders';

const orders = createClient<paths>({ baseUrl: process.env.ORDERS_SERVICE_URL });

export async function cancel(orderId: string) {
  await orders.DELETE('/orders/{orderId}', { params: { path: { orderId } } });
}
`,
        {
          at: 'orders.DELETE',
          request: 'DELETE /orders/{orderId}',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders/{orderId}"'],
          suggest: rewrite({
            replaced: "orders.DELETE('/orders/{orderId}', { params: { path: { orderId } } })",
            // `{orderId}` is a parameter, not a segment
            topic: 'orders.deleted',
            // the path parameter is in `params.path`, not a URL hole: not carried over
            payload: PLACEHOLDER,
          }),
        },
        { name: 'openapi-fetch typed client DELETE' },
      ),
      ts.invalid(
        `
import { Inject, Injectable } from '@nestjs/common';
import type { AxiosInstance } from 'axios';

@Injectable()
export class ReservationsClient {
  private readonly baseUrl = process.env.INVENTORY_SERVICE_URL;

  constructor(@Inject('INVENTORY_HTTP') private readonly api: AxiosInstance) {}

  async reserve(orderId: string, items: { sku: string; quantity: number }[]) {
    await this.api.post(\`\${this.baseUrl}/reservations\`, { orderId, items });
  }
}
`,
        {
          at: 'this.api.post',
          request: 'POST /reservations',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/reservations"'],
          suggest: rewrite({
            replaced: 'this.api.post(`${this.baseUrl}/reservations`, { orderId, items })',
            topic: 'inventory.reservations.created',
            payload: '{ orderId, items }',
          }),
        },
        { name: 'constructor-injected AxiosInstance (type annotation)' },
      ),
      ts.invalid(
        `
import type { Got } from 'got';

export class WarehouseClient {
  constructor(private readonly warehouse: Got) {}

  async move(sku: string, quantity: number) {
    await this.warehouse.post(\`\${process.env.WAREHOUSE_SERVICE_URL}/transfers\`, { json: { sku, quantity } });
  }
}
`,
        {
          at: 'this.warehouse.post',
          request: 'POST /transfers',
          service: 'warehouse',
          evidence: ['service "warehouse"', 'path "/transfers"'],
          suggest: rewrite({
            replaced: 'this.warehouse.post(`${process.env.WAREHOUSE_SERVICE_URL}/transfers`, { json: { sku, quantity } })',
            topic: 'warehouse.transfers.created',
            payload: '{ sku, quantity }',
          }),
        },
        { name: 'a Got instance typed by annotation' },
      ),
      ts.invalid(
        `
import type { KyInstance } from 'ky';

export class OrdersClient {
  constructor(private readonly api: KyInstance) {}

  async place(order: { total: number }) {
    await this.api.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, { json: order });
  }
}
`,
        {
          at: 'this.api.post',
          request: 'POST /orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders"'],
          suggest: rewrite({
            replaced: 'this.api.post(`${process.env.ORDERS_SERVICE_URL}/orders`, { json: order })',
            topic: 'orders.created',
            payload: 'order',
          }),
        },
        { name: 'a KyInstance typed by annotation' },
      ),
      ts.invalid(
        `
import { request, type Dispatcher } from 'undici';

export async function setBalance(walletId: string, balance: number): Promise<Dispatcher.ResponseData['statusCode']> {
  const response = await request(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${walletId}/balance\`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ balance }),
  });
  return response.statusCode;
}
`,
        {
          at: 'request',
          within: 'await request(',
          request: 'PUT /wallets/{walletId}/balance',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallets/{walletId}/balance"'],
          suggest: rewrite({
            replaced: { from: 'request(`', to: '\n  })' },
            topic: 'wallet.balance.updated',
            payload: '{ walletId, balance }',
            responseUsed: true,
          }),
        },
        { name: 'undici request in TS' },
      ),
      ts.invalid(
        `
import ky from 'ky';

interface Order {
  id: string;
  total: number;
}

export async function placeOrder(order: Omit<Order, 'id'>): Promise<Order> {
  return ky.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, { json: order, timeout: 5000 }).json<Order>();
}
`,
        {
          at: 'ky.post',
          request: 'POST /orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders"'],
          suggest: rewrite({
            replaced: 'ky.post(`${process.env.ORDERS_SERVICE_URL}/orders`, { json: order, timeout: 5000 }).json<Order>()',
            topic: 'orders.created',
            payload: 'order',
            responseUsed: true,
          }),
        },
        { name: 'ky with a typed .json<T>()' },
      ),
      ts.invalid(
        `
import got from 'got';

export async function cancelShipment(shipmentId: string): Promise<void> {
  await got.delete(\`http://shipping:8080/shipments/\${shipmentId}\`, { retry: { limit: 0 } });
}
`,
        {
          at: 'got.delete',
          request: 'DELETE /shipments/{shipmentId}',
          service: 'shipping',
          evidence: ['path "/shipments/{shipmentId}"', 'function "cancelShipment"'],
          suggest: rewrite({
            replaced: 'got.delete(`http://shipping:8080/shipments/${shipmentId}`, { retry: { limit: 0 } })',
            topic: 'shipping.shipments.deleted',
            payload: '{ shipmentId }',
          }),
        },
        { name: 'got.delete to a compose host' },
      ),
      ts.invalid(
        `
import superagent from 'superagent';

export async function bookRoom(hotelId: string, booking: { roomType: string; nights: number }): Promise<string> {
  const response = await superagent.post(\`\${process.env.BOOKINGS_SERVICE_URL}/hotels/\${hotelId}/bookings\`).send(booking);
  return (response.body as { id: string }).id;
}
`,
        {
          at: 'superagent.post',
          request: 'POST /hotels/{hotelId}/bookings',
          service: 'bookings',
          evidence: ['service "bookings"', 'path "/hotels/{hotelId}/bookings"'],
          suggest: rewrite({
            replaced: 'superagent.post(`${process.env.BOOKINGS_SERVICE_URL}/hotels/${hotelId}/bookings`).send(booking)',
            topic: 'bookings.hotels.bookings.created',
            payload: '{ ...booking, hotelId }',
            responseUsed: true,
          }),
        },
        { name: 'superagent in TS' },
      ),
    ],
  });
});

describe('a client handed out by a static accessor', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
const axios = require('axios');

class LedgerClient {
  constructor(baseURL) {
    this.http = axios.create({ baseURL });
  }

  record(entry) {
    return this.http.post('/entries', entry);
  }

  static getInstance(baseURL) {
    if (!LedgerClient.instance) LedgerClient.instance = new LedgerClient(baseURL);
    return LedgerClient.instance;
  }
}

async function settle(order) {
  await LedgerClient.getInstance(process.env.LEDGER_SERVICE_URL).record({ account: order.accountId, amount: order.total });
}

module.exports = { settle };
`,
        {
          at: 'LedgerClient.getInstance(process.env.LEDGER_SERVICE_URL).record',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          via: ['LedgerClient.record'],
          suggest: rewrite({
            replaced: 'LedgerClient.getInstance(process.env.LEDGER_SERVICE_URL).record({ account: order.accountId, amount: order.total })',
            topic: 'ledger.entries.created',
            payload: '{ account: order.accountId, amount: order.total }',
          }),
        },
        { sourceType: 'commonjs', name: "the one instance a static getInstance(baseURL) builds with its argument: reported where the address is given" },
      ),
    ],
  });
});

describe("NestJS HttpService's axios instance called itself", () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';

export class FlashSaleService {
  constructor(private readonly httpService: HttpService) {}

  async returnStock(items: { sku: string; quantity: number }[]) {
    const response = await this.httpService.axiosRef({ method: 'post', url: \`\${process.env.INVENTORY_SERVICE_URL}/inventory/return\`, data: { items } });
    return response.data;
  }
}
`,
        {
          at: 'this.httpService.axiosRef',
          request: 'POST /inventory/return',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/inventory/return"'],
          suggest: rewrite({
            replaced: "this.httpService.axiosRef({ method: 'post', url: `${process.env.INVENTORY_SERVICE_URL}/inventory/return`, data: { items } })",
            topic: 'inventory.return.created',
            payload: '{ items }',
            responseUsed: true,
          }),
        },
        { name: 'this.httpService.axiosRef({ method, url, data }): the axios instance called with a config' },
      ),
    ],
  });
});
