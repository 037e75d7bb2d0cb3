/**
 * Step 3 of the rule: the write must cross into another of your own services. The URL is
 * resolved as far as the file allows (templates, concatenation, `new URL`, consts, instance
 * bases, env vars, config keys, fallbacks) and classified: internal (config-named bases,
 * cluster/compose hosts, Dapr invoke) is reported; external hosts, vendor and browser env
 * names, relative and unknown URLs, Dapr publish/state are not.
 */
import { describe } from 'vitest';
import { js, jsTester, outbox, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const PAYMENTS = ['service "payments"', 'path "/payments"'];

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function charge(order) {
  await axios.post('https://api.stripe.com/v1/charges', { amount: order.total, currency: 'eur', source: order.cardToken });
}
`,
        { name: 'a literal public host is a third party' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function createPaymentIntent(order) {
  await axios.post(\`\${process.env.STRIPE_API_URL}/v1/payment_intents\`, { amount: order.total, currency: order.currency });
}
`,
        { name: 'an env var named after a vendor addresses the vendor' },
      ),
      js.valid(
        `
export async function placeOrder(cart) {
  await fetch(\`\${process.env.NEXT_PUBLIC_API_URL}/orders\`, { method: 'POST', body: JSON.stringify(cart) });
}
`,
        { name: 'a browser-exposed env var (NEXT_PUBLIC_) is the app calling its own backend' },
      ),
      js.valid(
        `
export async function placeOrder(cart) {
  await fetch(\`\${import.meta.env.VITE_API_URL}/orders\`, { method: 'POST', body: JSON.stringify(cart) });
}
`,
        { name: 'a browser-exposed env var (VITE_ on import.meta.env)' },
      ),
      js.valid(
        `
export async function placeOrder(cart) {
  const response = await fetch('/api/orders', { method: 'POST', body: JSON.stringify({ items: cart.items, total: cart.total }) });
  return response.json();
}
`,
        { name: 'a relative URL is not reported by default' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function indexOrder(order) {
  await axios.put(\`\${process.env.ELASTICSEARCH_URL}/orders/_doc/\${order.id}\`, order);
}
`,
        { name: 'an infrastructure endpoint (search index) is not one of your services' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function postTo(baseUrl, payment) {
  await axios.post(\`\${baseUrl}/payments\`, payment);
}
`,
        { name: 'a base URL from a parameter is unknown' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function publishOrderCreated(order) {
  await axios.post('http://localhost:3500/v1.0/publish/order-pubsub/orders.created', { orderId: order.id, total: order.total });
}
`,
        { name: 'Dapr publish through the sidecar is asynchronous' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function saveOrderState(order) {
  await axios.post('http://localhost:3500/v1.0/state/statestore', [{ key: order.id, value: order }]);
}
`,
        { name: "Dapr state through the sidecar is the service's own storage" },
      ),
      js.valid(
        `
import axios from 'axios';

export async function emitPayment(payment) {
  await axios.post('http://localhost:3500/v1.0/bindings/payments-queue', { operation: 'create', data: payment });
}
`,
        { name: 'Dapr output binding through the sidecar is not a call to another service' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function notifyMerchant(merchant, payment) {
  await axios.post(merchant.webhookUrl, { type: 'payment.captured', amount: payment.amount });
}
`,
        { name: 'a URL read from data (merchant webhook) is unknown' },
      ),
      js.valid(
        `
import axios from 'axios';

const payments = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL });

export async function chargeCard(charge) {
  await payments.post('https://api.stripe.com/v1/charges', { amount: charge.amount, currency: charge.currency });
}
`,
        { name: "an absolute external URL overrides the instance's internal baseURL" },
      ),
      js.valid(
        `
import axios from 'axios';

const stripe = axios.create({ baseURL: 'https://api.stripe.com', headers: { authorization: \`Bearer \${process.env.STRIPE_KEY}\` } });

export async function refund(charge) {
  await stripe.post('/v1/refunds', { charge: charge.id, amount: charge.amount });
}
`,
        { name: 'an instance whose baseURL is a literal public host' },
      ),
      js.valid(
        `
import axios from 'axios';

const STRIPE_API = process.env.NODE_ENV === 'production' ? 'https://api.stripe.com' : 'http://localhost:12111';

export async function refund(charge) {
  await axios.post(\`\${STRIPE_API}/v1/refunds\`, { charge: charge.id, amount: charge.amount });
}
`,
        { name: "a provider's address or its local mock, picked by the environment: named for the provider" },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

const FLUTTERWAVE_SERVICE_URL = process.env.FLUTTERWAVE_SERVICE_URL || 'http://localhost:5012';

export class FlutterwaveProvider {
  client = axios.create({ baseURL: FLUTTERWAVE_SERVICE_URL });

  async releaseEscrow(escrowId, amount) {
    await this.client.post('/escrow/release', { escrow_id: escrowId, amount });
  }
}
`,
        {
          at: 'this.client.post',
          request: 'POST /escrow/release',
          service: 'flutterwave',
          evidence: ['path "/escrow/release"', 'transition "release"'],
          suggest: rewrite({ replaced: "this.client.post('/escrow/release', { escrow_id: escrowId, amount })", topic: 'flutterwave.escrow.release.requested', payload: '{ escrow_id: escrowId, amount }' }),
        },
        { name: "a provider's name given to a service of yours whose default runs beside your services: your own adapter of the provider" },
      ),
      js.invalid(
        `
import axios from 'axios';

const ORDERS_URL = process.env.NODE_ENV === 'production' ? 'http://orders.internal:3000' : 'http://localhost:3001';

export async function placeOrder(cart) {
  await axios.post(\`\${ORDERS_URL}/orders\`, { items: cart.items, total: cart.total });
}
`,
        {
          at: 'axios.post',
          request: 'POST /orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders"'],
          suggest: rewrite({
            replaced: 'axios.post(`${ORDERS_URL}/orders`, { items: cart.items, total: cart.total })',
            topic: 'orders.created',
            payload: '{ items: cart.items, total: cart.total }',
          }),
        },
        { name: "a deployment's address or a developer's, picked by the environment: configuration named by its constant" },
      ),
      js.invalid(
        `
import axios from 'axios';

const protocol = process.env.NODE_ENV === 'production' ? 'https' : 'http';
const ledgerUrl = \`\${protocol}://\${process.env.LEDGER_HOST ?? 'localhost'}:4010\`;

export async function recordPayment(payment) {
  await axios.post(\`\${ledgerUrl}/entries\`, { paymentId: payment.id, amount: payment.amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${ledgerUrl}/entries`, { paymentId: payment.id, amount: payment.amount })',
            topic: 'ledger.entries.created',
            payload: '{ paymentId: payment.id, amount: payment.amount }',
          }),
        },
        { name: 'a scheme picked when it runs (`${protocol}://`), then the host from the environment' },
      ),
      js.invalid(
        `
import axios from 'axios';

const prodServicePaths = { payment: 'http://35.208.91.25', hotel: 'http://35.208.92.38' };
const devServicePaths = { payment: 'http://127.0.0.1:3003', hotel: 'http://127.0.0.1:3002' };

export class BookingController {
  constructor() {
    this.servicePaths = process.env.MODE === 'PRODUCTION' ? prodServicePaths : devServicePaths;
  }

  async pay(paymentId, price) {
    await axios.post(\`\${this.servicePaths.payment}/api/v1/payment/pay/\${paymentId}\`, { price });
  }
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/v1/payment/pay/{paymentId}',
          service: 'payment',
          evidence: ['service "payment"', 'path "/api/v1/payment/pay/{paymentId}"'],
          suggest: rewrite({
            replaced: 'axios.post(`${this.servicePaths.payment}/api/v1/payment/pay/${paymentId}`, { price })',
            topic: 'payment.pay.requested',
            payload: '{ paymentId, price }',
          }),
        },
        { name: "the same key of a deployment's map of addresses or a developer's, picked by the environment: the key names the service" },
      ),
      js.invalid(
        `
import axios from 'axios';

const SERVICES = { inventory: process.env.INVENTORY_SERVICE_URL, analytics: process.env.ANALYTICS_SERVICE_URL };
const INVENTORY = 'inventory';

export async function setStock(sku, quantity) {
  await axios.put(\`\${SERVICES[INVENTORY]}/stock/\${sku}\`, { quantity });
}
`,
        {
          at: 'axios.put',
          request: 'PUT /stock/{sku}',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/stock/{sku}"'],
          suggest: rewrite({
            replaced: 'axios.put(`${SERVICES[INVENTORY]}/stock/${sku}`, { quantity })',
            topic: 'inventory.stock.updated',
            payload: '{ sku, quantity }',
          }),
        },
        { name: 'a map of addresses read with a computed key whose value is a constant' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function acceptOrder(orderId, rider) {
  await axios.put(\`\${process.env.RESTAURANT_SERVICE}/api/order/assign/rider\`, { orderId, riderId: rider.id });
}
`,
        {
          at: 'axios.put',
          request: 'PUT /api/order/assign/rider',
          service: 'restaurant',
          evidence: ['path "/api/order/assign/rider"', 'function "acceptOrder"'],
          suggest: rewrite({
            replaced: 'axios.put(`${process.env.RESTAURANT_SERVICE}/api/order/assign/rider`, { orderId, riderId: rider.id })',
            topic: 'restaurant.order.assign.rider.updated',
            payload: '{ orderId, riderId: rider.id }',
          }),
        },
        { name: 'an env var named after the service alone (`RESTAURANT_SERVICE`), read as the base of the URL' },
      ),
      js.invalid(
        `
import axios from 'axios';
import { cleanEnv, str, url } from 'envalid';

const env = cleanEnv(process.env, { LEDGER_SERVICE_URL: url(), NODE_ENV: str() });

export async function recordEntry(entry) {
  await axios.post(\`\${env.LEDGER_SERVICE_URL}/entries\`, entry);
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: 'axios.post(`${env.LEDGER_SERVICE_URL}/entries`, entry)',
            topic: 'ledger.entries.created',
            payload: 'entry',
          }),
        },
        { name: 'an env variable read from the object envalid cleanEnv(process.env, …) returns' },
      ),
      js.invalid(
        `
import axios from 'axios';
import Joi from 'joi';

const { value: envVars, error } = Joi.object({ WALLET_SERVICE_URL: Joi.string().uri().required() }).unknown().validate(process.env);
if (error) throw new Error(error.message);

export async function debit(userId, amount) {
  await axios.post(envVars.WALLET_SERVICE_URL + '/wallet/debit', { userId, amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /wallet/debit',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallet/debit"'],
          suggest: rewrite({
            replaced: "axios.post(envVars.WALLET_SERVICE_URL + '/wallet/debit', { userId, amount })",
            topic: 'wallet.debit.requested',
            payload: '{ userId, amount }',
          }),
        },
        { name: 'an env variable read from the value joi validate(process.env) hands back, destructured' },
      ),
      js.invalid(
        `import axios from 'axios';

const SETTINGS = { LEDGER_API_URL: 'http://localhost:4010/v2', timeoutMs: 3000 };
const PAYMENTS = 'http://localhost:4020';

export async function book(entry) {
  await axios.post(\`\${SETTINGS.LEDGER_API_URL}/entries\`, { amount: entry.amount, account: entry.account });
  await axios.post(\`\${PAYMENTS}/payments\`, { amount: entry.amount });
}
`,
        [
          {
            at: 'axios.post',
            nth: 1,
            request: 'POST /v2/entries',
            service: 'ledger',
            evidence: ['service "ledger"', 'payload key "amount"'],
            suggest: rewrite(
              {
                replaced: 'axios.post(`${SETTINGS.LEDGER_API_URL}/entries`, { amount: entry.amount, account: entry.account })',
                topic: 'ledger.entries.created',
                payload: '{ amount: entry.amount, account: entry.account }',
              },
              outbox(),
            ),
          },
          {
            at: 'axios.post',
            nth: 2,
            request: 'POST /payments',
            service: 'payments',
            evidence: ['service "payments"', 'path "/payments"'],
            suggest: rewrite({ replaced: 'axios.post(`${PAYMENTS}/payments`, { amount: entry.amount })', topic: 'payments.created', payload: '{ amount: entry.amount }' }, outbox()),
          },
        ],
        { name: 'a localhost address read from a named key or constant is named the way the code names it, not by its port' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function reverseEntry(entryId, amount) {
  await axios.post(process.env.LEDGER_SERVICE_URL + '/entries/' + entryId + '/reversals', { amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries/{entryId}/reversals',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: "axios.post(process.env.LEDGER_SERVICE_URL + '/entries/' + entryId + '/reversals', { amount })",
            topic: 'ledger.entries.reversals.created',
            payload: '{ entryId, amount }',
          }),
        },
        { name: 'string concatenation' },
      ),
      js.invalid(
        `
export async function capture(paymentId) {
  const url = new URL(\`/payments/\${paymentId}/capture\`, process.env.PAYMENTS_SERVICE_URL);
  await fetch(url, { method: 'POST' });
}
`,
        {
          at: 'fetch',
          request: 'POST /payments/{paymentId}/capture',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
          suggest: rewrite({
            replaced: "fetch(url, { method: 'POST' })",
            topic: 'payments.capture.requested',
            // written in the `new URL(…)` before the call, in the same function
            payload: '{ paymentId }',
          }),
        },
        { name: 'new URL(path, base)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capture(paymentId) {
  await axios.post(new URL(\`payments/\${paymentId}/capture\`, process.env.PAYMENTS_SERVICE_URL).toString());
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments/{paymentId}/capture',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
          suggest: rewrite({
            replaced: 'axios.post(new URL(`payments/${paymentId}/capture`, process.env.PAYMENTS_SERVICE_URL).toString())',
            topic: 'payments.capture.requested',
            payload: '{ paymentId }',
          }),
        },
        { name: 'new URL(relative, base).toString()' },
      ),
      js.invalid(
        `
export async function capturePayment(payment) {
  const url = new URL('/payments', process.env.PAYMENTS_SERVICE_URL);
  await fetch(url.href, { method: 'POST', body: JSON.stringify(payment) });
}
`,
        {
          at: 'fetch',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "fetch(url.href, { method: 'POST', body: JSON.stringify(payment) })",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'new URL(path, base).href' },
      ),
      js.invalid(
        `
import axios from 'axios';

const ORDERS_API = \`\${process.env.ORDERS_SERVICE_URL}/api/v1\`;

export async function placeOrder(order) {
  await axios.post(\`\${ORDERS_API}/orders\`, order);
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/v1/orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/api/v1/orders"'],
          suggest: rewrite({ replaced: 'axios.post(`${ORDERS_API}/orders`, order)', topic: 'orders.created', payload: 'order' }),
        },
        { name: 'base in a module const with a path prefix' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env['PAYMENTS_SERVICE_URL']}/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "axios.post(`${process.env['PAYMENTS_SERVICE_URL']}/payments`, payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: "process.env['X'] bracket access" },
      ),
      js.invalid(
        `
import axios from 'axios';

const { LEDGER_SERVICE_URL } = process.env;

export async function openAccount(account) {
  await axios.post(\`\${LEDGER_SERVICE_URL}/accounts\`, account);
}
`,
        {
          at: 'axios.post',
          request: 'POST /accounts',
          service: 'ledger',
          evidence: ['service "ledger"', 'path "/accounts"'],
          suggest: rewrite({
            replaced: 'axios.post(`${LEDGER_SERVICE_URL}/accounts`, account)',
            topic: 'ledger.accounts.created',
            payload: 'account',
          }),
        },
        { name: 'env var destructured from process.env' },
      ),
      js.invalid(
        `
import axios from 'axios';
import config from 'config';

export async function capturePayment(payment) {
  await axios.post(\`\${config.get('services.payments.url')}/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "axios.post(`${config.get('services.payments.url')}/payments`, payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: "config.get('services.payments.url')" },
      ),
      js.invalid(
        `
import axios from 'axios';

const LEDGER = process.env.LEDGER_BASE ?? 'http://ledger:3000';

export async function postEntry(entry) {
  await axios.post(\`\${LEDGER}/entries\`, entry);
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: 'axios.post(`${LEDGER}/entries`, entry)',
            topic: 'ledger.entries.created',
            payload: 'entry',
          }),
        },
        { name: 'an env var of unknown shape with a compose-host fallback (??)' },
      ),
      js.invalid(
        `
import axios from 'axios';

const PAYMENTS_URL = process.env.PAYMENTS_URL || 'http://payments:3000';

export async function capturePayment(payment) {
  await axios.post(\`\${PAYMENTS_URL}/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${PAYMENTS_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'a service env var with a fallback (||)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post('http://payments:8080/payments', payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "axios.post('http://payments:8080/payments', payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'docker-compose host name with a port' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post('http://payments-service:3000/v1/payments', payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /v1/payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/v1/payments"'],
          suggest: rewrite({
            replaced: "axios.post('http://payments-service:3000/v1/payments', payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'compose host with a -service suffix names the service' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function postEntry(entry) {
  await axios.post('http://ledger.finance.svc.cluster.local:8080/entries', entry);
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: "axios.post('http://ledger.finance.svc.cluster.local:8080/entries', entry)",
            topic: 'ledger.entries.created',
            payload: 'entry',
          }),
        },
        { name: 'Kubernetes service DNS name (*.svc.cluster.local)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function issueInvoice(invoice) {
  await axios.post('https://billing.internal/invoices', invoice);
}
`,
        {
          at: 'axios.post',
          request: 'POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({
            replaced: "axios.post('https://billing.internal/invoices', invoice)",
            topic: 'billing.invoices.created',
            payload: 'invoice',
          }),
        },
        { name: '*.internal host' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function placeOrder(order) {
  await axios.post('http://localhost:4001/orders', order);
}
`,
        {
          at: 'axios.post',
          request: 'POST /orders',
          service: 'localhost:4001',
          evidence: ['path "/orders"', 'payload "order"'],
          suggest: rewrite({
            replaced: "axios.post('http://localhost:4001/orders', order)",
            topic: 'orders.created',
            payload: 'order',
          }),
        },
        { name: 'localhost with a port is another local service' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function issueInvoice(invoice) {
  await axios.post('http://billing.local:8080/invoices', invoice);
}
`,
        {
          at: 'axios.post',
          request: 'POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({
            replaced: "axios.post('http://billing.local:8080/invoices', invoice)",
            topic: 'billing.invoices.created',
            payload: 'invoice',
          }),
        },
        { name: '*.local host' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function topUp(walletId, amount) {
  await axios.post(\`\${process.env.WALLET_API_URL}/wallets/\${walletId}/deposits\`, { amount });
  await axios.post(\`\${process.env.WALLET_SVC_URL}/wallets/\${walletId}/deposits\`, { amount });
  await axios.post(\`\${process.env.WALLET_ENDPOINT}/wallets/\${walletId}/deposits\`, { amount });
  await axios.post(\`http://\${process.env.WALLET_HOST}/wallets/\${walletId}/deposits\`, { amount });
}
`,
        [1, 2, 3, 4].map((nth) => ({
          at: 'axios.post',
          nth,
          request: 'POST /wallets/{walletId}/deposits',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallets/{walletId}/deposits"'],
          suggest: rewrite({
            replaced: { from: 'axios.post(', to: ', { amount })' },
            nth,
            topic: 'wallet.deposits.created',
            payload: '{ walletId, amount }',
          }),
        })),
        { name: 'env var shapes _API_URL, _SVC_URL, _ENDPOINT, _HOST' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment, idempotencyKey) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments?idempotencyKey=\${idempotencyKey}\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments?idempotencyKey=${idempotencyKey}`, payment)',
            topic: 'payments.created',
            // the query's value is carried too
            payload: '{ ...payment, idempotencyKey }',
          }),
        },
        { name: 'the query string is not part of the reported path' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post('http://localhost:3500/v1.0/invoke/payments/method/payments', payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "axios.post('http://localhost:3500/v1.0/invoke/payments/method/payments', payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'Dapr service invocation is a synchronous call to the invoked app' },
      ),
      js.invalid(
        `
export async function placeOrder(order) {
  await fetch('/api/orders', { method: 'POST', body: JSON.stringify({ items: order.items, total: order.total }) });
}
`,
        {
          at: 'fetch',
          request: 'POST /api/orders',
          service: 'unknown',
          evidence: ['path "/api/orders"', 'payload key "total"'],
          suggest: rewrite({
            replaced: "fetch('/api/orders', { method: 'POST', body: JSON.stringify({ items: order.items, total: order.total }) })",
            topic: 'orders.created',
            payload: '{ items: order.items, total: order.total }',
          }),
        },
        { name: "relativeUrls: 'internal' reports relative URLs", options: { relativeUrls: 'internal' } },
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
import { firstValueFrom } from 'rxjs';

@Injectable()
export class CardPayments {
  constructor(private readonly http: HttpService) {}

  async authorise(amount: number, currency: string) {
    await firstValueFrom(this.http.post('https://checkout-test.adyen.com/v71/payments', { amount: { value: amount, currency } }));
  }
}
`,
        { name: 'HttpService to a literal vendor host' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class CheckoutService {
  constructor(private readonly http: HttpService) {}

  async pay(orderId: string, amount: number) {
    await firstValueFrom(this.http.post('/payments', { orderId, amount }));
  }
}
`,
        { name: 'a relative path on an injected HttpService (base configured elsewhere) is not reported by default' },
      ),
      ts.valid(
        `
export async function placeOrder(cart: { items: string[]; total: number }): Promise<void> {
  await fetch(\`\${process.env.NEXT_PUBLIC_ORDERS_API_URL}/orders\`, { method: 'POST', body: JSON.stringify(cart) });
}
`,
        { name: 'a NEXT_PUBLIC_ env var in TS' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class CheckoutService {
  constructor(
    private readonly http: HttpService,
    private readonly configService: ConfigService,
  ) {}

  async pay(orderId: string, amount: number) {
    const url = \`\${this.configService.get<string>('PAYMENTS_SERVICE_URL')}/payments\`;
    await firstValueFrom(this.http.post(url, { orderId, amount }));
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'firstValueFrom(this.http.post(url, { orderId, amount }))',
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          }),
        },
        { name: "this.configService.get<string>('PAYMENTS_SERVICE_URL')" },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class AppConfigService {
  constructor(private readonly configService: ConfigService) {}

  get primary(): string {
    return this.configService.get<string>('app.paymentsServiceUrl');
  }
}

@Injectable()
export class CheckoutService {
  constructor(
    private readonly http: HttpService,
    private readonly appConfig: AppConfigService,
  ) {}

  async pay(orderId: string, amount: number) {
    await firstValueFrom(this.http.post(\`\${this.appConfig.primary}/payments\`, { orderId, amount }));
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'firstValueFrom(this.http.post(`${this.appConfig.primary}/payments`, { orderId, amount }))',
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          }),
        },
        { name: 'a getter of an injected config class, read as it runs (`get primary() { return this.configService.get(…) }`)' },
      ),
      ts.invalid(
        `
import axios from 'axios';

export class LedgerClient {
  private get base(): string {
    return process.env.LEDGER_SERVICE_URL ?? 'http://ledger:3000';
  }

  async post(entry: { accountId: string; amount: number }) {
    await axios.post(\`\${this.base}/entries\`, entry);
  }
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${this.base}/entries`, entry)',
            topic: 'ledger.entries.created',
            payload: 'entry',
          }),
        },
        { name: 'a getter of its own class (`this.base`)' },
      ),
      ts.invalid(
        `
import { Inject, Injectable } from '@nestjs/common';
import { PAYMENTS_CONFIG, type PaymentsConfig } from './payments.config';

@Injectable()
export class LedgerTransfers {
  constructor(@Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig) {}

  async transfer(fromAccount: string, toAccount: string, amountMinor: number) {
    await fetch(new URL('/internal/transfers', this.config.ledgerServiceUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fromAccount, toAccount, amountMinor }),
    });
  }
}
`,
        {
          at: 'fetch',
          request: 'POST /internal/transfers',
          service: 'ledger',
          evidence: ['service "ledger"', 'path "/internal/transfers"'],
          suggest: rewrite({
            replaced:
              "fetch(new URL('/internal/transfers', this.config.ledgerServiceUrl), {\n      method: 'POST',\n      headers: { 'content-type': 'application/json' },\n      body: JSON.stringify({ fromAccount, toAccount, amountMinor }),\n    })",
            topic: 'ledger.transfers.created',
            payload: '{ fromAccount, toAccount, amountMinor }',
          }),
        },
        { name: 'an address read from an injected config object: this.config.ledgerServiceUrl names the ledger service' },
      ),
      ts.invalid(
        `
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import axios, { type AxiosInstance } from 'axios';

@Injectable()
export class LedgerGateway {
  private readonly ledger: AxiosInstance;

  constructor(config: ConfigService) {
    this.ledger = axios.create({ baseURL: config.getOrThrow<string>('LEDGER_URL'), timeout: 2000 });
  }

  async transfer(from: string, to: string, amount: number) {
    await this.ledger.post('/transfers', { from, to, amount });
  }
}
`,
        {
          at: 'this.ledger.post',
          request: 'POST /transfers',
          service: 'ledger',
          evidence: ['service "ledger"', 'path "/transfers"'],
          suggest: rewrite({
            replaced: "this.ledger.post('/transfers', { from, to, amount })",
            topic: 'ledger.transfers.created',
            payload: '{ from, to, amount }',
          }),
        },
        { name: 'instance baseURL from config.getOrThrow in the constructor' },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RefundsService {
  constructor(
    private readonly http: HttpService,
    private readonly config: ConfigService,
  ) {}

  async refund(paymentId: string, amount: number) {
    const base = this.config.get('PAYMENTS_BASE', 'http://payments:3000');
    await firstValueFrom(this.http.post(\`\${base}/payments/\${paymentId}/refunds\`, { amount }));
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /payments/{paymentId}/refunds',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}/refunds"'],
          suggest: rewrite({
            replaced: 'firstValueFrom(this.http.post(`${base}/payments/${paymentId}/refunds`, { amount }))',
            topic: 'payments.refunds.created',
            payload: '{ paymentId, amount }',
          }),
        },
        { name: 'config key of unknown shape with a compose-host default' },
      ),
      ts.invalid(
        `
export class InventoryClient {
  private readonly baseUrl: string = process.env.INVENTORY_SERVICE_URL!;

  async reserve(orderId: string, items: ReadonlyArray<{ sku: string; quantity: number }>): Promise<void> {
    const url = new URL('/reservations', this.baseUrl);
    const response = await fetch(url, { method: 'POST', body: JSON.stringify({ orderId, items }) });
    if (!response.ok) throw new Error('reservation failed');
  }
}
`,
        {
          at: 'fetch',
          request: 'POST /reservations',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/reservations"'],
          suggest: rewrite({
            replaced: "fetch(url, { method: 'POST', body: JSON.stringify({ orderId, items }) })",
            topic: 'inventory.reservations.created',
            payload: '{ orderId, items }',
            responseUsed: true,
          }),
        },
        { name: 'new URL(path, this.baseUrl) with a non-null env field' },
      ),
      ts.invalid(
        `
import axios from 'axios';

const env = {
  paymentsUrl: process.env.PAYMENTS_SERVICE_URL!,
  timeoutMs: Number(process.env.HTTP_TIMEOUT_MS ?? 3000),
} as const;

export async function capturePayment(payment: { amount: number }): Promise<void> {
  await axios.post(\`\${env.paymentsUrl}/payments\`, payment, { timeout: env.timeoutMs });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${env.paymentsUrl}/payments`, payment, { timeout: env.timeoutMs })',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'an env object declared as const' },
      ),
      ts.invalid(
        `
import axios from 'axios';

const { LEDGER_SERVICE_URL } = process.env as Record<string, string>;

export async function postEntry(entry: { account: string; amount: number }): Promise<void> {
  await axios.post(\`\${LEDGER_SERVICE_URL}/entries\`, entry);
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${LEDGER_SERVICE_URL}/entries`, entry)',
            topic: 'ledger.entries.created',
            payload: 'entry',
          }),
        },
        { name: 'env var destructured from a cast process.env' },
      ),
    ],
  });
});

describe('names of hosts and addresses that say a service', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function indexOrder(order) {
  await axios.put(\`http://elasticsearch-service:9200/orders/_doc/\${order.id}\`, { total: order.total });
}
`,
        { name: 'a search index named as a service is still infrastructure: it speaks HTTP' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function notifyPartner(config, payment) {
  await axios.post(config.get('stripe.webhookUrl'), { amount: payment.amount });
}
`,
        { name: 'a config key whose last segment names no service keeps the vendor the whole key names' },
      ),
      js.valid(
        `
import axios from 'axios';

const services = JSON.parse(process.env.SERVICES);

export async function charge(order) {
  await axios.post(\`\${services.stripe}/v1/charges\`, { amount: order.total });
}
`,
        { name: 'an entry of a map of services that names a vendor is the vendor' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

const { BILLING_DNS } = process.env;

export async function fundAccount(body) {
  await axios.post(\`http://\${BILLING_DNS}:3001/billing/account-funding\`, { ...body });
}
`,
        {
          at: 'axios.post',
          request: 'POST /billing/account-funding',
          service: 'billing',
          evidence: ['service "billing"', 'path "/billing/account-funding"'],
          suggest: rewrite({
            replaced: 'axios.post(`http://${BILLING_DNS}:3001/billing/account-funding`, { ...body })',
            topic: 'billing.account-funding.created',
            payload: '{ ...body }',
          }),
        },
        { name: 'an env var holding a DNS name (`BILLING_DNS`) is a host' },
      ),
      js.invalid(
        `
import axios from 'axios';
import get from 'lodash/get';

const getEnvVariable = (name, cast, fallback) => {
  const value = get(process.env, name);
  return value == null ? fallback : cast(value);
};

const LEDGER_API_URL = getEnvVariable('LEDGER_API_URL', String, 'http://localhost:5505');

export async function postEntry(entry) {
  await axios.post(\`\${LEDGER_API_URL}/entries\`, { account: entry.account, amount: entry.amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${LEDGER_API_URL}/entries`, { account: entry.account, amount: entry.amount })',
            topic: 'ledger.entries.created',
            payload: '{ account: entry.account, amount: entry.amount }',
          }),
        },
        { name: 'a helper of the project named for reading the environment reads the variable its first argument names' },
      ),
      js.invalid(
        `
import axios from 'axios';

const getString = (name, fallback = '') => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  return String(value).trim();
};

const getRequiredString = (name, fallback = '') => {
  const value = getString(name, fallback);
  if (!value) throw new Error(\`Missing \${name}\`);
  return value;
};

const env = { BOOKING_SERVICE_URL: getRequiredString('BOOKING_SERVICE_URL', 'http://127.0.0.1:5000') };

export async function acceptBooking(bookingId, providerId) {
  await axios.patch(\`\${env.BOOKING_SERVICE_URL}/api/v1/internal/bookings/\${bookingId}/accept\`, { providerId });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/v1/internal/bookings/{bookingId}/accept',
          service: 'booking',
          evidence: ['service "booking"', 'path "/api/v1/internal/bookings/{bookingId}/accept"'],
          suggest: rewrite({
            replaced: 'axios.patch(`${env.BOOKING_SERVICE_URL}/api/v1/internal/bookings/${bookingId}/accept`, { providerId })',
            topic: 'booking.accept.requested',
            payload: '{ bookingId, providerId }',
          }),
        },
        { name: 'a helper of any name that reads process.env[name] of its first parameter, through another one' },
      ),
      js.invalid(
        `
import axios from 'axios';

const { INCOME_SERVICE_URL } = process.env;

export async function creditIncome(userId, amount) {
  const baseUrl = INCOME_SERVICE_URL.startsWith('http') ? INCOME_SERVICE_URL : \`http://\${INCOME_SERVICE_URL}\`;
  await axios.post(\`\${baseUrl}/api/income/credits\`, { userId, amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/income/credits',
          service: 'income',
          evidence: ['path "/api/income/credits"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${baseUrl}/api/income/credits`, { userId, amount })',
            topic: 'income.credits.created',
            payload: '{ userId, amount }',
          }),
        },
        { name: 'an address given a scheme when it has none is the address as configured' },
      ),
      js.invalid(
        `
import axios from 'axios';

const users = axios.create({ baseURL: process.env.USERS_SERVICE_BASE });

export async function createUser(email, password) {
  await users.post('/users', { email, password });
}
`,
        {
          at: 'users.post',
          request: 'POST /users',
          service: 'users',
          evidence: ['account created in "users"'],
          suggest: rewrite({
            replaced: "users.post('/users', { email, password })",
            topic: 'users.created',
            payload: '{ email, password }',
          }),
        },
        { name: 'the base of a service (`USERS_SERVICE_BASE`) is its address' },
      ),
      js.invalid(
        `
export async function debitCredits(app, buyerId) {
  await fetch(\`\${app.config.CREDITS_SERVICE_URL}/internal/credits/debit\`, { method: 'POST', body: JSON.stringify({ buyerId, reason: 'reserve_visit' }) });
}
`,
        {
          at: 'fetch',
          request: 'POST /internal/credits/debit',
          service: 'credits',
          evidence: ['service "credits"', 'path "/internal/credits/debit"'],
          suggest: rewrite({
            replaced: "fetch(`${app.config.CREDITS_SERVICE_URL}/internal/credits/debit`, { method: 'POST', body: JSON.stringify({ buyerId, reason: 'reserve_visit' }) })",
            topic: 'credits.debit.requested',
            payload: "{ buyerId, reason: 'reserve_visit' }",
          }),
        },
        { name: 'the configuration a framework hangs on its instance (`app.config.X`, @fastify/env) names the service' },
      ),
      js.invalid(
        `
export class CreditClient {
  static BASE_URL = process.env.CREDITS_SERVICE_URL || 'http://credits-service:3004';

  static async debit(userId) {
    await fetch(\`\${this.BASE_URL}/internal/credits/debit\`, { method: 'POST', body: JSON.stringify({ userId, reason: 'publish_listing' }) });
  }
}
`,
        {
          at: 'fetch',
          request: 'POST /internal/credits/debit',
          service: 'credits',
          evidence: ['service "credits"', 'path "/internal/credits/debit"'],
          suggest: rewrite({
            replaced: "fetch(`${this.BASE_URL}/internal/credits/debit`, { method: 'POST', body: JSON.stringify({ userId, reason: 'publish_listing' }) })",
            topic: 'credits.debit.requested',
            payload: "{ userId, reason: 'publish_listing' }",
          }),
        },
        { name: 'in a static method, `this.BASE_URL` is the class\'s static field' },
      ),
      js.invalid(
        `
const config = { services: { payment: process.env.PAYMENT_SERVICE_URL } };

export class WalletService {
  static get baseUrl() {
    return config.services.payment;
  }

  static async deduct(userId, amount) {
    await fetch(\`\${this.baseUrl}/internal/wallet/deduct\`, { method: 'POST', body: JSON.stringify({ userId, amount }) });
  }
}
`,
        {
          at: 'fetch',
          request: 'POST /internal/wallet/deduct',
          service: 'payment',
          evidence: ['service "payment"', 'path "/internal/wallet/deduct"'],
          suggest: rewrite({
            replaced: "fetch(`${this.baseUrl}/internal/wallet/deduct`, { method: 'POST', body: JSON.stringify({ userId, amount }) })",
            topic: 'payment.wallet.deduct.created',
            payload: '{ userId, amount }',
          }),
        },
        { name: 'in a static method, `this.baseUrl` is what the class\'s static getter returns' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function recharge(document, amount) {
  await axios.post('http://db-service:3000/db-api/wallet/recharge', { document, amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /db-api/wallet/recharge',
          service: 'db',
          evidence: ['path "/db-api/wallet/recharge"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: "axios.post('http://db-service:3000/db-api/wallet/recharge', { document, amount })",
            topic: 'db.db-api.wallet.recharge.created',
            payload: '{ document, amount }',
          }),
        },
        { name: 'a host that names itself a service after a database is an application in front of it: a database speaks no HTTP' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function sendResult(config, payment) {
  await axios.post(config.get('webhook.subscriptionServiceUrl'), { paymentId: payment.id, status: 'paid', amount: payment.amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /',
          service: 'subscription',
          evidence: ['service "subscription"', 'status set to "paid"'],
          suggest: rewrite({
            replaced: "axios.post(config.get('webhook.subscriptionServiceUrl'), { paymentId: payment.id, status: 'paid', amount: payment.amount })",
            topic: 'subscription.created',
            payload: "{ paymentId: payment.id, status: 'paid', amount: payment.amount }",
          }),
        },
        { name: 'the innermost config key that names a service decides (`webhook.subscriptionServiceUrl`)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function createPayment(configService, price) {
  await axios.post(configService.get('app.urlGateway') + '/payments', { status: 'PAID', price });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          suggest: rewrite({
            replaced: "axios.post(configService.get('app.urlGateway') + '/payments', { status: 'PAID', price })",
            topic: 'payments.created',
            payload: "{ status: 'PAID', price }",
          }),
        },
        { name: 'an address named with URL first (`urlGateway`, `URL_GATEWAY`) names the service after it: a gateway, which routes `/payments` to payments' },
      ),
      js.invalid(
        `
import axios from 'axios';

const services = JSON.parse(process.env.SERVICES);

export async function recordEntry(userId, amount) {
  await axios.post(\`\${services.ledger}/ledger/transaction\`, { userId, amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /ledger/transaction',
          service: 'ledger',
          evidence: ['service "ledger"', 'path "/ledger/transaction"'],
          suggest: rewrite({
            replaced: 'axios.post(`${services.ledger}/ledger/transaction`, { userId, amount })',
            topic: 'ledger.transaction.created',
            payload: '{ userId, amount }',
          }),
        },
        { name: 'an entry of a map of services (`services.ledger`) used as an address names its service' },
      ),
    ],
  });
});

describe('apps on a hosting platform', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function forward(charge) {
  await axios.post('https://stripe-webhooks.onrender.com/charges', { amount: charge.amount });
}
`,
        { name: "an app named for a vendor on a hosting platform is the vendor's" },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function markDelivered(orderId) {
  await axios.patch(\`https://ordermanagementservice.onrender.com/api/orders/\${orderId}/update-status\`, { status: 'Delivered' });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/orders/{orderId}/update-status',
          service: 'ordermanagementservice',
          evidence: ['path "/api/orders/{orderId}/update-status"', 'PATCH …/update-status'],
          suggest: rewrite({
            replaced: "axios.patch(`https://ordermanagementservice.onrender.com/api/orders/${orderId}/update-status`, { status: 'Delivered' })",
            topic: 'ordermanagementservice.orders.update-status.updated',
            payload: "{ orderId, status: 'Delivered' }",
          }),
        },
        { name: 'a service of the team deployed on Render (`ordermanagementservice.onrender.com`)' },
      ),
    ],
  });
});

/** A config whose addresses are methods that join their own fields: `configs.services.product.api()`. */
const CONFIG_METHODS = (call: string) => `
const axios = require('axios');

const configs = {
  services: {
    product: {
      host: process.env.PRODUCT_HOST || '',
      port: process.env.PRODUCT_PORT || '3002',
      api: function () {
        return \`\${this.host}:\${this.port}\`;
      },
      url() {
        return \`\${this.host}:\${this.port}/v1\`;
      },
    },
    billing: {
      api: () => \`\${this.host}\`,
    },
  },
};

async function reserve(productId, quantity) {
  await axios.put(\`\${${call}}/products/\${productId}/stock\`, { quantity });
}

module.exports = { reserve };
`;

describe('addresses a config method joins from its own fields', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(CONFIG_METHODS('configs.services.billing.api()'), {
        sourceType: 'commonjs',
        name: "an arrow's `this` is not the object it sits in: the address stays unknown",
      }),
    ],
    invalid: [
      ...[
        ['configs.services.product.api()', '', 'a `function` property reading `this.host` and `this.port`'],
        ['configs.services.product.url()', '/v1', 'a method reading its fields through `this`'],
      ].map(([call, prefix, name]) =>
        js.invalid(
          CONFIG_METHODS(call!),
          {
            at: 'axios.put',
            request: `PUT ${prefix}/products/{productId}/stock`,
            service: 'product',
            evidence: [`path "${prefix}/products/{productId}/stock"`, 'PUT …/stock'],
            suggest: rewrite({
              replaced: `axios.put(\`\${${call}}/products/\${productId}/stock\`, { quantity })`,
              topic: 'product.stock.updated',
              payload: '{ productId, quantity }',
            }),
          },
          { sourceType: 'commonjs', name: `nested in the config's services: ${name}` },
        ),
      ),
    ],
  });
});

/** An address a NestJS container injects by a token, registered in a module as `{ provide: token, useValue: … }`. */
const INJECTED = (decorator: string, imports = "import { Inject, Injectable } from '@nestjs/common';") => `
${imports}
import axios from 'axios';

@Injectable()
export class OrdersService {
  constructor(${decorator} private readonly inventoryUrl: string) {}

  async reserve(orderId: string, items: { sku: string; qty: number }[]) {
    await axios.post(\`\${this.inventoryUrl}/inventory/reserve\`, { orderId, items });
  }
}
`;

const INJECTED_REPORT = {
  at: 'axios.post',
  request: 'POST /inventory/reserve',
  service: 'inventory',
  evidence: ['service "inventory"', 'path "/inventory/reserve"'],
  suggest: rewrite({
    replaced: 'axios.post(`${this.inventoryUrl}/inventory/reserve`, { orderId, items })',
    topic: 'inventory.reserve.requested',
    payload: '{ orderId, items }',
  }),
};

describe('addresses injected by a token', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(INJECTED("@Inject('PAYPAL_API_URL')"), { name: "a token naming a provider's address" }),
      ts.valid(INJECTED("@Inject('INVENTORY_SERVICE_URL')", "import { Injectable } from '@nestjs/common';\nimport { Inject } from './inject';"), {
        name: 'an Inject decorator of the project, not of a container',
      }),
    ],
    invalid: [
      ts.invalid(INJECTED("@Inject('INVENTORY_SERVICE_URL')"), INJECTED_REPORT, { name: "NestJS @Inject('INVENTORY_SERVICE_URL')" }),
      ts.invalid(INJECTED('@Inject(INVENTORY_URL)', "import { Inject, Injectable } from '@nestjs/common';\n\nconst INVENTORY_URL = 'INVENTORY_SERVICE_URL';"), INJECTED_REPORT, {
        name: 'a token held by a constant',
      }),
      ts.invalid(INJECTED("@inject('INVENTORY_SERVICE_URL')", "import { inject, injectable as Injectable } from 'tsyringe';"), INJECTED_REPORT, {
        name: "tsyringe @inject('INVENTORY_SERVICE_URL')",
      }),
      ts.invalid(
        INJECTED("@Inject('INVENTORY_SERVICE_URL')")
          .replace('private readonly inventoryUrl: string) {}', 'inventoryUrl: string) {\n    this.inventoryUrl = inventoryUrl;\n  }\n\n  private readonly inventoryUrl: string;'),
        INJECTED_REPORT,
        { name: 'a plain decorated parameter assigned to a field' },
      ),
    ],
  });
});

describe('addresses named with SRV', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
const request = require('axios');

async function createInvoice(order) {
  await request({ url: process.env['BILLING_API_SRV'] + '/invoices', method: 'post', data: { orderId: order.id, amount: order.total } });
}

module.exports = { createInvoice };
`,
        {
          at: 'request',
          within: 'await request(',
          request: 'POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({
            replaced: "request({ url: process.env['BILLING_API_SRV'] + '/invoices', method: 'post', data: { orderId: order.id, amount: order.total } })",
            topic: 'billing.invoices.created',
            payload: '{ orderId: order.id, amount: order.total }',
          }),
        },
        { sourceType: 'commonjs', name: "`BILLING_API_SRV`: SRV after the service's name, as SVC" },
      ),
    ],
  });
});

describe('variables read with env-var', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import { get } from './settings';

const envs = { PRODUCTS_API_URL: get('PRODUCTS_API_URL').required().asString() };

export async function deduct(id: string, quantity: number) {
  return fetch(\`\${envs.PRODUCTS_API_URL}/\${id}/deduct\`, { method: 'PATCH', body: JSON.stringify({ quantity }) });
}
`,
        { name: "a get of the project is not env-var's" },
      ),
    ],
    invalid: [
      ...[
        ["import { get } from 'env-var';", "get('PRODUCTS_API_URL').required().asString()", 'get imported by name, checked and cast'],
        ["import env from 'env-var';", "env.get('PRODUCTS_API_URL').default('http://products:3000').asUrlString()", 'get of the default export, with a default'],
      ].map(([imported, read, name]) =>
        ts.invalid(
          `
${imported}

const envs = { PRODUCTS_API_URL: ${read} };

export async function deduct(id: string, quantity: number) {
  return fetch(\`\${envs.PRODUCTS_API_URL}/\${id}/deduct\`, { method: 'PATCH', body: JSON.stringify({ quantity }) });
}
`,
          {
            at: 'fetch',
            request: 'PATCH /{id}/deduct',
            service: 'products',
            evidence: ['payload key "quantity"'],
            suggest: rewrite({
              replaced: "fetch(`${envs.PRODUCTS_API_URL}/${id}/deduct`, { method: 'PATCH', body: JSON.stringify({ quantity }) })",
              topic: 'products.deduct.updated',
              payload: '{ id, quantity }',
              responseUsed: true,
            }),
          },
          { name: name! },
        ),
      ),
    ],
  });
});

/**
 * A request to the team's own API gateway goes to the service the gateway routes its path to:
 * named by the path's first segment past `/api` and a version, so that an account created in
 * the auth service through the gateway is one.
 */
describe('requests routed through your own API gateway', () => {
  const GATEWAY_CLIENT = (base: string, call: string) => `
const axios = require('axios');

const http = axios.create({ baseURL: ${base} });

async function handle(name, email, password, id) {
  ${call}
}

module.exports = { handle };
`;
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(GATEWAY_CLIENT("'http://api-gateway:8080'", "await http.post('/api/notifications/email', { email, name });"), {
        name: 'a notice routed through the gateway is still a notice',
      }),
      js.valid(GATEWAY_CLIENT("'http://api-gateway:8080'", "await http.post('/api/auth/login', { email, password });"), {
        name: 'a log-in routed through the gateway opens a session',
      }),
    ],
    invalid: [
      js.invalid(
        GATEWAY_CLIENT("'http://api-gateway:8080'", "await http.post('/api/auth/register-doctor', { name, email, password });"),
        {
          at: 'http.post',
          request: 'POST /api/auth/register-doctor',
          service: 'auth',
          evidence: ['account created in "auth" (credentials in the body)'],
          suggest: rewrite({
            replaced: "http.post('/api/auth/register-doctor', { name, email, password })",
            topic: 'auth.register-doctor.created',
            payload: '{ name, email, password }',
          }),
        },
        { name: 'an account created in the auth service through the gateway, named by the path' },
      ),
      js.invalid(
        GATEWAY_CLIENT('process.env.API_GATEWAY_URL', 'await http.delete(`/api/v1/auth/users/${id}`);'),
        {
          at: 'http.delete',
          request: 'DELETE /api/v1/auth/users/{id}',
          service: 'auth',
          evidence: ['account deleted in "auth"'],
          suggest: rewrite({ replaced: 'http.delete(`/api/v1/auth/users/${id}`)', topic: 'auth.users.deleted', payload: '{ id }' }),
        },
        { name: 'a gateway addressed by an env var, past a version prefix' },
      ),
    ],
  });
});
