/**
 * Across files without type information (`followImports`, on by default): each case is linted
 * as a file of one of the projects in fixtures/cross-file, so that its imports and requires
 * resolve to the modules on disk there (config modules, client instances, wrappers, client and
 * base classes, a workspace package). The code of the linted file is given here; the modules
 * it imports are read from the fixtures.
 *
 * - js-cjs: CommonJS (`require`, `module.exports`, `exports.X`), jsconfig.json `paths`;
 * - js-esm: ES modules, package.json `imports` (`#config`), a barrel in src/lib/index.js;
 * - ts: TypeScript, tsconfig.json `paths` (`@app/*`), base classes, NestJS injection;
 * - monorepo: npm workspaces, `@acme/shared` by name with its `main` in a dist/ that does not exist.
 *
 * Each write is reported once, where its evidence completes; the same code with
 * `followImports: false` sees nothing it cannot see in the file.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import { describe } from 'vitest';
import type { MessageIds, Options } from '../../../src/rules/no-sync-critical-write.js';
import { js, jsTester, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/cross-file');

/** A file of one of the fixture projects, absolute. */
const cjsFile = (file: string): string => path.join(FIXTURES, 'js-cjs', file);
const esmFile = (file: string): string => path.join(FIXTURES, 'js-esm', file);
const tsFile = (file: string): string => path.join(FIXTURES, 'ts', file);
const monorepoFile = (file: string): string => path.join(FIXTURES, 'monorepo', file);

/** The same case linted with `followImports: false`: nothing from other files, so nothing reported. */
function withoutImports(testCase: InvalidTestCase<MessageIds, Options>): ValidTestCase<Options> {
  return {
    code: testCase.code,
    ...(testCase.filename === undefined ? {} : { filename: testCase.filename }),
    ...(testCase.languageOptions === undefined ? {} : { languageOptions: testCase.languageOptions }),
    name: `without followImports: ${testCase.name ?? testCase.code}`,
    options: [{ followImports: false }] as Options,
  };
}

/*
 * JavaScript, CommonJS (fixtures/cross-file/js-cjs)
 */

const CJS = { sourceType: 'commonjs' } as const;

const cjsInvalid = [
  js.invalid(
    `
'use strict';

const axios = require('axios');
const config = require('../config');

async function createPayment(order) {
  const { data } = await axios.post(\`\${config.services.payments}/payments\`, { orderId: order.id, amount: order.total, currency: order.currency });
  return data;
}

module.exports = { createPayment };
`,
    {
      at: 'axios.post',
      request: 'POST /payments',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payments"'],
      suggest: rewrite({
        replaced: 'axios.post(`${config.services.payments}/payments`, { orderId: order.id, amount: order.total, currency: order.currency })',
        topic: 'payments.created',
        payload: '{ orderId: order.id, amount: order.total, currency: order.currency }',
        responseUsed: true,
      }),
    },
    { ...CJS, filename: cjsFile('src/services/payments.js'), name: 'cjs: config.services.payments from module.exports of ../config (index.js), with an || default' },
  ),
  js.invalid(
    `
'use strict';

const { services } = require('../config');
const axios = require('axios');

async function createOrder(order) {
  const { data } = await axios.post(\`\${services.inventory}/reservations\`, { orderId: order.id, items: order.items });
  return data;
}

module.exports = { createOrder };
`,
    {
      at: 'axios.post',
      request: 'POST /reservations',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations"'],
      suggest: rewrite({
        replaced: 'axios.post(`${services.inventory}/reservations`, { orderId: order.id, items: order.items })',
        topic: 'inventory.reservations.created',
        payload: '{ orderId: order.id, items: order.items }',
        responseUsed: true,
      }),
    },
    { ...CJS, filename: cjsFile('src/services/order-service.js'), name: 'cjs: a destructured require of the config, with a ?? default' },
  ),
  js.invalid(
    `
'use strict';

const axios = require('axios');
const { services } = require('../config');

async function createShipment(order) {
  await axios.post(\`\${services.shipping.baseUrl}/shipments\`, { orderId: order.id, address: order.address });
}

module.exports = { createShipment };
`,
    {
      at: 'axios.post',
      request: 'POST /shipments',
      service: 'shipping',
      evidence: ['path "/shipments"', 'function "createShipment"'],
      suggest: rewrite({
        replaced: 'axios.post(`${services.shipping.baseUrl}/shipments`, { orderId: order.id, address: order.address })',
        topic: 'shipping.shipments.created',
        payload: '{ orderId: order.id, address: order.address }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/shipping.js'), name: 'cjs: a nested map of the config (services.shipping.baseUrl)' },
  ),
  js.invalid(
    `
'use strict';

const axios = require('axios');
const config = require('../config');

async function openAccount(customer) {
  await axios.post(\`\${config.services.accounts}/accounts\`, { customerId: customer.id, currency: customer.currency });
}

module.exports = { openAccount };
`,
    {
      at: 'axios.post',
      request: 'POST /api/v1/accounts',
      service: 'accounts',
      evidence: ['service "accounts"', 'path "/api/v1/accounts"'],
      suggest: rewrite({
        replaced: 'axios.post(`${config.services.accounts}/accounts`, { customerId: customer.id, currency: customer.currency })',
        topic: 'accounts.created',
        payload: '{ customerId: customer.id, currency: customer.currency }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/accounts.js'), name: 'cjs: a config value built by a helper call of the config module (withApiSuffix)' },
  ),
  js.invalid(
    `
'use strict';

const axios = require('axios');
const { LEDGER_URL } = require('../config/constants');

async function recordEntry(entry) {
  await axios.post(\`\${LEDGER_URL}/entries\`, { account: entry.account, amount: entry.amount });
}

module.exports = { recordEntry };
`,
    {
      at: 'axios.post',
      request: 'POST /entries',
      service: 'ledger',
      evidence: ['service "ledger"', 'payload key "amount"'],
      suggest: rewrite({
        replaced: 'axios.post(`${LEDGER_URL}/entries`, { account: entry.account, amount: entry.amount })',
        topic: 'ledger.entries.created',
        payload: '{ account: entry.account, amount: entry.amount }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/entries.js'), name: 'cjs: exports.LEDGER_URL of a constants module' },
  ),
  js.invalid(
    `
'use strict';

const axios = require('axios');
const config = require('@config');

async function reserveStock(orderId, items) {
  await axios.post(\`\${config.services.inventory}/reservations\`, { orderId, items });
}

module.exports = { reserveStock };
`,
    {
      at: 'axios.post',
      request: 'POST /reservations',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations"'],
      suggest: rewrite({
        replaced: 'axios.post(`${config.services.inventory}/reservations`, { orderId, items })',
        topic: 'inventory.reservations.created',
        payload: '{ orderId, items }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/reservations.js'), name: "cjs: require('@config') through jsconfig.json paths" },
  ),
  js.invalid(
    `
'use strict';

const { paymentsApi } = require('../lib/http');

async function chargeOrder(order) {
  const { data } = await paymentsApi.post('/payments', { orderId: order.id, amount: order.total, currency: order.currency });
  return data;
}

module.exports = { chargeOrder };
`,
    {
      at: 'paymentsApi.post',
      request: 'POST /payments',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payments"'],
      suggest: rewrite({
        replaced: "paymentsApi.post('/payments', { orderId: order.id, amount: order.total, currency: order.currency })",
        topic: 'payments.created',
        payload: '{ orderId: order.id, amount: order.total, currency: order.currency }',
        responseUsed: true,
      }),
    },
    { ...CJS, filename: cjsFile('src/services/charges.js'), name: 'cjs: an axios instance of lib/http, its baseURL from the config module' },
  ),
  js.invalid(
    `
'use strict';

const { inventoryApi } = require('@lib/http');

async function setStock(sku, quantity) {
  await inventoryApi.put(\`/stock/\${sku}\`, { quantity });
}

module.exports = { setStock };
`,
    {
      at: 'inventoryApi.put',
      request: 'PUT /stock/{sku}',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/stock/{sku}"'],
      suggest: rewrite({
        replaced: 'inventoryApi.put(`/stock/${sku}`, { quantity })',
        topic: 'inventory.stock.updated',
        payload: '{ sku, quantity }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/stock-levels.js'), name: "cjs: an instance from require('@lib/http') through jsconfig.json paths" },
  ),
  js.invalid(
    `
'use strict';

const warehouse = require('../lib/clients/warehouse-api');

async function shipOrder(order) {
  await warehouse.post('/shipments', { orderId: order.id, lines: order.items });
}

module.exports = { shipOrder };
`,
    {
      at: 'warehouse.post',
      request: 'POST /shipments',
      service: 'warehouse',
      evidence: ['service "warehouse"', 'path "/shipments"'],
      suggest: rewrite({
        replaced: "warehouse.post('/shipments', { orderId: order.id, lines: order.items })",
        topic: 'warehouse.shipments.created',
        payload: '{ orderId: order.id, lines: order.items }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/shipments.js'), name: 'cjs: module.exports = axios.create({ baseURL: process.env.WAREHOUSE_SERVICE_URL })' },
  ),
  js.invalid(
    `
'use strict';

const config = require('../config');
const { sendJson } = require('../lib/send-json');

async function captureOrder(order) {
  return sendJson(\`\${config.services.payments}/payments/\${order.paymentId}/capture\`, { amount: order.total });
}

module.exports = { captureOrder };
`,
    {
      at: 'sendJson',
      within: 'return sendJson(',
      request: 'POST /payments/{paymentId}/capture',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
      via: ['sendJson'],
      suggest: rewrite({
        replaced: 'sendJson(`${config.services.payments}/payments/${order.paymentId}/capture`, { amount: order.total })',
        topic: 'payments.capture.requested',
        payload: '{ paymentId: order.paymentId, amount: order.total }',
        responseUsed: true,
      }),
    },
    { ...CJS, filename: cjsFile('src/services/capture.js'), name: 'cjs: a wrapper of another module (sendJson) reported at the call that supplies URL and body' },
  ),
  js.invalid(
    `
'use strict';

const config = require('../config');
const postJson = require('../lib/post-json');

async function issueCreditNote(invoiceId, amount) {
  await postJson(\`\${config.services.billing}/credit-notes\`, { invoiceId, amount });
}

module.exports = { issueCreditNote };
`,
    {
      at: 'postJson',
      within: 'await postJson(',
      request: 'POST /credit-notes',
      service: 'billing',
      evidence: ['service "billing"', 'path "/credit-notes"'],
      via: ['postJson'],
      suggest: rewrite({
        replaced: 'postJson(`${config.services.billing}/credit-notes`, { invoiceId, amount })',
        topic: 'billing.credit-notes.created',
        payload: '{ invoiceId, amount }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/credit-notes.js'), name: 'cjs: module.exports = async function postJson(url, body), the required module called' },
  ),
  js.invalid(
    `
'use strict';

const { LEDGER_URL } = require('../config/constants');
const { LedgerClient } = require('../lib/clients/ledger-client');

const ledger = new LedgerClient(LEDGER_URL);

async function recordSale(order) {
  return ledger.postEntry({ account: order.customerId, amount: order.total, reference: order.id });
}

module.exports = { recordSale };
`,
    {
      at: 'ledger.postEntry',
      request: 'POST /entries',
      service: 'ledger',
      evidence: ['service "ledger"', 'payload key "amount"'],
      via: ['LedgerClient.postEntry'],
      suggest: rewrite({
        replaced: 'ledger.postEntry({ account: order.customerId, amount: order.total, reference: order.id })',
        topic: 'ledger.entries.created',
        payload: '{ account: order.customerId, amount: order.total, reference: order.id }',
        responseUsed: true,
      }),
    },
    { ...CJS, filename: cjsFile('src/services/ledger.js'), name: 'cjs: new LedgerClient(LEDGER_URL) of a class in another module, both from other modules' },
  ),
  js.invalid(
    `
'use strict';

const { LedgerClient } = require('../lib/clients/ledger-client');

async function bookTransfer(transfer) {
  await new LedgerClient(process.env.LEDGER_SERVICE_URL).postEntry(transfer);
}

module.exports = { bookTransfer };
`,
    {
      at: 'new LedgerClient(process.env.LEDGER_SERVICE_URL).postEntry',
      request: 'POST /entries',
      service: 'ledger',
      evidence: ['service "ledger"', 'payload "transfer"'],
      via: ['LedgerClient.postEntry'],
      suggest: rewrite({
        replaced: 'new LedgerClient(process.env.LEDGER_SERVICE_URL).postEntry(transfer)',
        topic: 'ledger.entries.created',
        payload: 'transfer',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/transfers.js'), name: 'cjs: new LedgerClient(process.env.X).postEntry(…) in one expression' },
  ),
  js.invalid(
    `
'use strict';

const config = require('../config');
const { createHttpClient } = require('../lib/http-factory');

const inventory = createHttpClient(config.services.inventory);

async function releaseReservation(reservationId) {
  await inventory.delete(\`/reservations/\${reservationId}\`);
}

module.exports = { releaseReservation };
`,
    {
      at: 'inventory.delete',
      request: 'DELETE /reservations/{reservationId}',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations/{reservationId}"'],
      suggest: rewrite({
        replaced: 'inventory.delete(`/reservations/${reservationId}`)',
        topic: 'inventory.reservations.deleted',
        payload: '{ reservationId }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/release.js'), name: 'cjs: a factory of another module (createHttpClient(baseURL)) with its argument bound' },
  ),
  js.invalid(
    `
'use strict';

const { makeClient } = require('@lib/make-client');

const inventory = makeClient('inventory');

async function setStock(sku, quantity) {
  await inventory.put(\`/stock/\${sku}\`, { quantity });
}

module.exports = { setStock };
`,
    {
      at: 'inventory.put',
      request: 'PUT /stock/{sku}',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/stock/{sku}"'],
      suggest: rewrite({
        replaced: 'inventory.put(`/stock/${sku}`, { quantity })',
        topic: 'inventory.stock.updated',
        payload: '{ sku, quantity }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/stock.js'), name: "cjs: a factory reading config.services[name] with name bound to 'inventory'" },
  ),
  js.invalid(
    `
'use strict';

const http = require('../lib/http');

async function capturePayment(paymentId) {
  await http.paymentsApi.post(\`/payments/\${paymentId}/capture\`);
}

module.exports = { capturePayment };
`,
    {
      at: 'http.paymentsApi.post',
      request: 'POST /payments/{paymentId}/capture',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
      suggest: rewrite({
        replaced: 'http.paymentsApi.post(`/payments/${paymentId}/capture`)',
        topic: 'payments.capture.requested',
        payload: '{ paymentId }',
      }),
    },
    { ...CJS, filename: cjsFile('src/services/capture.js'), name: 'cjs: a client read as a property of a whole required module' },
  ),
  js.invalid(
    `
'use strict';

const config = require('../config');

async function refund(payment) {
  const baseUrl = String(config.services?.payments || '').replace(/\\/+$/, '');
  const response = await fetch(\`\${baseUrl}/refunds\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ paymentId: payment.id, amount: payment.amount }),
  });
  return response.ok;
}

module.exports = { refund };
`,
    {
      at: 'fetch',
      request: 'POST /refunds',
      service: 'payments',
      evidence: ['service "payments"', 'path "/refunds"'],
      suggest: rewrite({
        replaced: { from: 'fetch(`', to: '\n  })' },
        topic: 'payments.refunds.created',
        payload: '{ paymentId: payment.id, amount: payment.amount }',
        responseUsed: true,
      }),
    },
    { ...CJS, filename: cjsFile('src/services/refunds.js'), name: "cjs: a config address tidied before use (String(…), .replace(/\\/+$/, ''))" },
  ),
  js.invalid(
    `
'use strict';

const ServiceCalls = require('../lib/service-calls');

async function payOrder(order, req) {
  const payment = { orderId: order.id, amount: order.total, method: order.paymentMethod };
  const result = await ServiceCalls.shared().call('payment-service', 'api/payments', payment, req.headers);
  return result.paymentId;
}

module.exports = { payOrder };
`,
    {
      at: 'ServiceCalls.shared().call',
      request: 'POST /api/payments',
      service: 'payment',
      evidence: ['service "payment"', 'path "/api/payments"'],
      via: ['ServiceCalls.call'],
      suggest: rewrite({
        replaced: "ServiceCalls.shared().call('payment-service', 'api/payments', payment, req.headers)",
        topic: 'payment.created',
        payload: 'payment',
        responseUsed: true,
      }),
    },
    {
      ...CJS,
      filename: cjsFile('src/services/order-payments.js'),
      name: "cjs: a registry helper of a singleton class (ServiceCalls.shared()) given the service's name: reported where the name is given",
    },
  ),
];

/** Reported in the file that declares the class and builds its one instance: the callers only pass data. */
const cjsSingletons = [
  js.invalid(
    `
'use strict';

const axios = require('axios');
const config = require('../../config');

class BillingClient {
  constructor(baseUrl) {
    this.http = axios.create({ baseURL: baseUrl, timeout: 5000 });
  }

  issueInvoice(dto) {
    return this.http.post('/invoices', dto);
  }

  getInvoice(id) {
    return this.http.get(\`/invoices/\${id}\`);
  }
}

module.exports = new BillingClient(config.services.billing);
`,
    {
      at: 'this.http.post',
      request: 'POST /invoices',
      service: 'billing',
      evidence: ['service "billing"', 'path "/invoices"'],
      suggest: rewrite({
        replaced: "this.http.post('/invoices', dto)",
        topic: 'billing.invoices.created',
        payload: 'dto',
        responseUsed: true,
      }),
    },
    { ...CJS, filename: cjsFile('src/lib/clients/billing-client.js'), name: 'cjs: module.exports = new BillingClient(config.services.billing): the request in its method, with the constructor argument bound' },
  ),
];

const cjsValid = [
  js.valid(
    `
'use strict';

const ServiceCalls = require('../lib/service-calls');

async function welcome(user, req) {
  await ServiceCalls.shared().call('notification-service', 'api/notifications', { userId: user.id, template: 'welcome' }, req.headers);
}

async function forward(service, route, body) {
  return ServiceCalls.shared().call(service, route, body);
}

module.exports = { welcome, forward };
`,
    {
      ...CJS,
      filename: cjsFile('src/services/registry-calls.js'),
      name: 'cjs: the registry helper sending a notice, and passing on a service name it does not know',
    },
  ),
  js.valid(
    `
'use strict';

const billing = require('../lib/clients/billing-client');

async function invoiceOrder(order) {
  const { data } = await billing.issueInvoice({ orderId: order.id, lines: order.items });
  return data;
}

module.exports = { invoiceOrder };
`,
    {
      ...CJS,
      filename: cjsFile('src/services/invoices.js'),
      name: 'cjs: the method of the one instance lib/clients/billing-client.js builds: reported there, not at each caller',
    },
  ),
  js.valid(
    `
'use strict';

const { stripeApi } = require('../lib/clients/stripe');

async function createCharge(order) {
  const { data } = await stripeApi.post('/charges', { amount: order.total, currency: order.currency, source: order.cardToken });
  return data;
}

module.exports = { createCharge };
`,
    { ...CJS, filename: cjsFile('src/services/stripe-charges.js'), name: "cjs: an instance whose baseURL is a third party's (config.stripe.apiUrl)" },
  ),
  js.valid(
    `
'use strict';

const axios = require('axios');
const config = require('../config');

async function refundCharge(chargeId, amount) {
  await axios.post(\`\${config.stripe.apiUrl}/refunds\`, { charge: chargeId, amount });
}

module.exports = { refundCharge };
`,
    { ...CJS, filename: cjsFile('src/services/stripe-refunds.js'), name: 'cjs: a config URL of a third party (https://api.stripe.com)' },
  ),
  js.valid(
    `
'use strict';

const { paymentsApi } = require('../lib/http');
const billing = require('../lib/clients/billing-client');
const { LedgerClient } = require('../lib/clients/ledger-client');
const { LEDGER_URL } = require('../config/constants');

async function getOrderFinances(order) {
  const { data: payment } = await paymentsApi.get(\`/payments/\${order.paymentId}\`);
  const { data: invoice } = await billing.getInvoice(order.invoiceId);
  const balance = await new LedgerClient(LEDGER_URL).getBalance(order.customerId);
  return { payment, invoice, balance };
}

module.exports = { getOrderFinances };
`,
    { ...CJS, filename: cjsFile('src/services/finances.js'), name: 'cjs: imported clients, instances and client classes used only for reads' },
  ),
  js.valid(
    `
'use strict';

const { publishEvent } = require('../lib/events');

async function requestPayment(order) {
  await publishEvent('payments.requested', { id: order.id, amount: order.total, currency: order.currency });
}

module.exports = { requestPayment };
`,
    { ...CJS, filename: cjsFile('src/services/payment-events.js'), name: 'cjs: an imported wrapper that publishes to Kafka, not over HTTP' },
  ),
  js.valid(
    `
'use strict';

const { kafka } = require('../lib/events');
const { paymentsApi } = require('../lib/http');

async function startOrderCreatedConsumer() {
  const consumer = kafka.consumer({ groupId: 'orders-payments' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders.created' });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const order = JSON.parse(message.value.toString());
      await paymentsApi.post('/payments', { orderId: order.id, amount: order.total });
    },
  });
}

module.exports = { startOrderCreatedConsumer };
`,
    { ...CJS, filename: cjsFile('src/consumers/order-created.js'), name: 'cjs: an imported client used inside a kafkajs eachMessage consumer' },
  ),
  js.valid(
    `
'use strict';

const config = require('@config');
const { sendJson } = require('@lib/send-json');
const { analyticsApi } = require('@lib/http');

async function notifyCustomer(order) {
  await sendJson(\`\${config.services.notifications}/notifications\`, { to: order.email, orderId: order.id, total: order.total });
}

async function trackOrderPlaced(order) {
  await analyticsApi.post('/events', { name: 'order_placed', orderId: order.id, total: order.total });
}

module.exports = { notifyCustomer, trackOrderPlaced };
`,
    { ...CJS, filename: cjsFile('src/services/notify.js'), name: 'cjs: internal but non-critical services (notifications, analytics)' },
  ),
  js.valid(
    `
'use strict';

const express = require('express');
const { createOrder } = require('../services/order-service');
const { chargeOrder } = require('../services/checkout');

const router = express.Router();

router.post('/orders', async (req, res, next) => {
  try {
    const order = await createOrder(req.body);
    await chargeOrder(order);
    res.status(201).json(order);
  } catch (error) {
    next(error);
  }
});

module.exports = router;
`,
    { ...CJS, filename: cjsFile('src/routes/orders.js'), name: 'cjs: a route handler delegating to services whose requests are reported in their own files' },
  ),
];

describe('JavaScript, CommonJS (fixtures/cross-file/js-cjs)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [...cjsValid, ...cjsInvalid.map(withoutImports)],
    invalid: [...cjsInvalid, ...cjsSingletons],
  });
});

/*
 * JavaScript, ES modules (fixtures/cross-file/js-esm)
 */

const esmInvalid = [
  js.invalid(
    `
import axios from 'axios';
import config from '../config.js';

export async function createOrder(order) {
  const { data } = await axios.post(\`\${config.services.inventory}/reservations\`, { orderId: order.id, items: order.items });
  return data;
}
`,
    {
      at: 'axios.post',
      request: 'POST /reservations',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations"'],
      suggest: rewrite({
        replaced: 'axios.post(`${config.services.inventory}/reservations`, { orderId: order.id, items: order.items })',
        topic: 'inventory.reservations.created',
        payload: '{ orderId: order.id, items: order.items }',
        responseUsed: true,
      }),
    },
    { filename: esmFile('src/services/order-service.js'), name: 'esm: the default export of the config module (export default { services })' },
  ),
  js.invalid(
    `
import axios from 'axios';
import { LEDGER_URL } from '../config.js';

export async function recordEntry(entry) {
  await axios.post(\`\${LEDGER_URL}/entries\`, { account: entry.account, amount: entry.amount });
}
`,
    {
      at: 'axios.post',
      request: 'POST /entries',
      service: 'ledger',
      evidence: ['service "ledger"', 'payload key "amount"'],
      suggest: rewrite({
        replaced: 'axios.post(`${LEDGER_URL}/entries`, { account: entry.account, amount: entry.amount })',
        topic: 'ledger.entries.created',
        payload: '{ account: entry.account, amount: entry.amount }',
      }),
    },
    { filename: esmFile('src/services/entries.js'), name: 'esm: export const LEDGER_URL = env.LEDGER_SERVICE_URL ?? …' },
  ),
  js.invalid(
    `
import { services } from '#config';

export async function issueInvoice(invoice) {
  await fetch(\`\${services.billing}/invoices\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(invoice),
  });
}
`,
    {
      at: 'fetch',
      request: 'POST /invoices',
      service: 'billing',
      evidence: ['service "billing"', 'path "/invoices"'],
      suggest: rewrite({
        replaced: { from: 'fetch(`', to: '})' },
        topic: 'billing.invoices.created',
        payload: 'invoice',
      }),
    },
    { filename: esmFile('src/services/billing.js'), name: "esm: import { services } from '#config' (package.json imports)" },
  ),
  js.invalid(
    `
import { walletApi } from '#lib/http.js';

export async function withdraw(accountId, amount) {
  await walletApi.post(\`/accounts/\${accountId}/withdrawals\`, { amount });
}
`,
    {
      at: 'walletApi.post',
      request: 'POST /accounts/{accountId}/withdrawals',
      service: 'wallet',
      evidence: ['service "wallet"', 'path "/accounts/{accountId}/withdrawals"'],
      suggest: rewrite({
        replaced: 'walletApi.post(`/accounts/${accountId}/withdrawals`, { amount })',
        topic: 'wallet.accounts.withdrawals.created',
        payload: '{ accountId, amount }',
      }),
    },
    { filename: esmFile('src/services/wallet.js'), name: "esm: an instance from '#lib/http.js' (a package.json imports pattern), its baseURL a nested config map" },
  ),
  js.invalid(
    `
import { services } from '#config';
import { paymentsApi, sendJson } from '../lib/index.js';

export async function chargeOrder(order) {
  const { data } = await paymentsApi.post('/payments', { orderId: order.id, amount: order.total, currency: order.currency });
  return data;
}

export async function captureOrder(order) {
  return sendJson(\`\${services.payments}/payments/\${order.paymentId}/capture\`, { amount: order.total });
}

export async function getPayment(paymentId) {
  const { data } = await paymentsApi.get(\`/payments/\${paymentId}\`);
  return data;
}
`,
    [
      {
        at: 'paymentsApi.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments"'],
        suggest: rewrite({
          replaced: "paymentsApi.post('/payments', { orderId: order.id, amount: order.total, currency: order.currency })",
          topic: 'payments.created',
          payload: '{ orderId: order.id, amount: order.total, currency: order.currency }',
          responseUsed: true,
        }),
      },
      {
        at: 'sendJson',
        within: 'return sendJson(',
        request: 'POST /payments/{paymentId}/capture',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
        via: ['sendJson'],
        suggest: rewrite({
          replaced: 'sendJson(`${services.payments}/payments/${order.paymentId}/capture`, { amount: order.total })',
          topic: 'payments.capture.requested',
          payload: '{ paymentId: order.paymentId, amount: order.total }',
          responseUsed: true,
        }),
      },
    ],
    {
      filename: esmFile('src/services/checkout.js'),
      name: 'esm: an instance and a fetch wrapper through the lib/index.js barrel (export { … } from, export * from); the read is not reported',
    },
  ),
  js.invalid(
    `
import { inventoryApi } from '../lib/index.js';

export async function setStock(sku, quantity) {
  await inventoryApi.patch(\`/stock/\${sku}\`, { quantity });
}
`,
    {
      at: 'inventoryApi.patch',
      request: 'PATCH /stock/{sku}',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/stock/{sku}"'],
      suggest: rewrite({
        replaced: 'inventoryApi.patch(`/stock/${sku}`, { quantity })',
        topic: 'inventory.stock.updated',
        payload: '{ sku, quantity }',
      }),
    },
    { filename: esmFile('src/services/stock.js'), name: 'esm: a default-exported instance re-exported by name (export { default as inventoryApi } from)' },
  ),
  js.invalid(
    `
import inventoryApi from '../lib/http.js';

export async function releaseReservation(reservationId) {
  await inventoryApi.delete(\`/reservations/\${reservationId}\`);
}
`,
    {
      at: 'inventoryApi.delete',
      request: 'DELETE /reservations/{reservationId}',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations/{reservationId}"'],
      suggest: rewrite({
        replaced: 'inventoryApi.delete(`/reservations/${reservationId}`)',
        topic: 'inventory.reservations.deleted',
        payload: '{ reservationId }',
      }),
    },
    { filename: esmFile('src/services/release.js'), name: 'esm: export default of an axios instance, imported as default' },
  ),
  js.invalid(
    `
import postJson from '../lib/send-json.js';

export async function openWallet(customerId, currency) {
  await postJson(\`\${process.env.WALLET_SERVICE_URL}/wallets\`, { customerId, currency });
}
`,
    {
      at: 'postJson',
      within: 'await postJson(',
      request: 'POST /wallets',
      service: 'wallet',
      evidence: ['service "wallet"', 'path "/wallets"'],
      via: ['sendJson'],
      suggest: rewrite({
        replaced: 'postJson(`${process.env.WALLET_SERVICE_URL}/wallets`, { customerId, currency })',
        topic: 'wallet.created',
        payload: '{ customerId, currency }',
      }),
    },
    { filename: esmFile('src/services/wallets.js'), name: 'esm: the default export of a wrapper module, imported under another name' },
  ),
  js.invalid(
    `
import { LEDGER_URL } from '#config';
import { LedgerClient } from '../lib/index.js';

const ledger = new LedgerClient(LEDGER_URL);

export async function recordSale(order) {
  return ledger.postEntry({ account: order.customerId, amount: order.total, reference: order.id });
}
`,
    {
      at: 'ledger.postEntry',
      request: 'POST /entries',
      service: 'ledger',
      evidence: ['service "ledger"', 'payload key "amount"'],
      via: ['LedgerClient.postEntry'],
      suggest: rewrite({
        replaced: 'ledger.postEntry({ account: order.customerId, amount: order.total, reference: order.id })',
        topic: 'ledger.entries.created',
        payload: '{ account: order.customerId, amount: order.total, reference: order.id }',
        responseUsed: true,
      }),
    },
    { filename: esmFile('src/services/ledger.js'), name: 'esm: new LedgerClient(LEDGER_URL), the class through the barrel, the URL from #config' },
  ),
  js.invalid(
    `
import { services } from '../config.js';
import { createHttpClient } from '../lib/index.js';

const payments = createHttpClient(services.payments, 3000);

export async function payOutSeller(sellerId, amount) {
  await payments.post('/payouts', { sellerId, amount });
}
`,
    {
      at: 'payments.post',
      request: 'POST /payouts',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payouts"'],
      suggest: rewrite({
        replaced: "payments.post('/payouts', { sellerId, amount })",
        topic: 'payments.payouts.created',
        payload: '{ sellerId, amount }',
      }),
    },
    { filename: esmFile('src/services/payouts.js'), name: 'esm: a factory with its arguments bound, through export * of the barrel' },
  ),
  js.invalid(
    `
import { sendCommand } from '../lib/commands.js';

export async function settle(orderId, total) {
  await sendCommand({ type: 'settle', orderId, amount: total, currency: 'EUR' });
}
`,
    {
      at: 'sendCommand',
      within: 'await sendCommand(',
      request: 'POST /v1/commands',
      service: 'core',
      evidence: ['payload key "amount"'],
      via: ['sendCommand'],
      suggest: rewrite({
        replaced: "sendCommand({ type: 'settle', orderId, amount: total, currency: 'EUR' })",
        topic: 'core.commands.created',
        payload: "{ type: 'settle', orderId, amount: total, currency: 'EUR' }",
      }),
    },
    { filename: esmFile('src/services/settlement.js'), name: 'esm: a function of another module that owns its address, reported where the call supplies the critical payload' },
  ),
  js.invalid(
    `
import { callCore } from '../lib/core-client.js';

export async function pay(orderId, amount) {
  await callCore('/payments', { orderId, amount });
}
`,
    {
      at: 'callCore',
      within: 'await callCore(',
      request: 'POST /payments',
      service: 'core',
      evidence: ['path "/payments"', 'payload key "amount"'],
      via: ['callCore', 'sendJson'],
      suggest: rewrite({
        replaced: "callCore('/payments', { orderId, amount })",
        topic: 'core.payments.created',
        payload: '{ orderId, amount }',
      }),
    },
    { filename: esmFile('src/services/pay.js'), name: 'esm: two files deep (callCore → sendJson → fetch), within the default followDepth' },
  ),
  js.invalid(
    `
import * as http from '../lib/http.js';

export async function capturePayment(paymentId) {
  await http.paymentsApi.post(\`/payments/\${paymentId}/capture\`);
}
`,
    {
      at: 'http.paymentsApi.post',
      request: 'POST /payments/{paymentId}/capture',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
      suggest: rewrite({
        replaced: 'http.paymentsApi.post(`/payments/${paymentId}/capture`)',
        topic: 'payments.capture.requested',
        payload: '{ paymentId }',
      }),
    },
    { filename: esmFile('src/services/capture.js'), name: 'esm: a client read from a namespace import' },
  ),
  js.invalid(
    `
import { registry } from '../lib/registry.js';

export async function reserveStock(orderId, items) {
  await registry.call('inventory', { method: 'post', path: '/reservations', data: { orderId, items } });
}
`,
    {
      at: 'registry.call',
      within: 'await registry.call(',
      request: 'POST /reservations',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations"'],
      via: ['call'],
      suggest: rewrite({
        replaced: "registry.call('inventory', { method: 'post', path: '/reservations', data: { orderId, items } })",
        topic: 'inventory.reservations.created',
        payload: '{ orderId, items }',
      }),
    },
    { filename: esmFile('src/services/reserve.js'), name: "esm: a registry helper reading services[service] with the service named by the caller" },
  ),
];

/** Reported in the file that declares the class and builds its one instance: the callers only pass data. */
const esmSingletons = [
  js.invalid(
    `
import axios from 'axios';
import { services } from '../../config.js';

export class BillingClient {
  constructor(baseUrl) {
    this.http = axios.create({ baseURL: baseUrl, timeout: 5000 });
  }

  issueInvoice(dto) {
    return this.http.post('/invoices', dto);
  }

  getInvoice(id) {
    return this.http.get(\`/invoices/\${id}\`);
  }
}

export default new BillingClient(services.billing);
`,
    {
      at: 'this.http.post',
      request: 'POST /invoices',
      service: 'billing',
      evidence: ['service "billing"', 'path "/invoices"'],
      suggest: rewrite({
        replaced: "this.http.post('/invoices', dto)",
        topic: 'billing.invoices.created',
        payload: 'dto',
        responseUsed: true,
      }),
    },
    { filename: esmFile('src/lib/clients/billing-client.js'), name: 'esm: export default new BillingClient(services.billing): the request in its method, with the constructor argument bound' },
  ),
];

const esmValid = [
  js.valid(
    `
import { billing } from '../lib/index.js';

export async function invoiceOrder(order) {
  const { data } = await billing.issueInvoice({ orderId: order.id, lines: order.items });
  return data;
}
`,
    {
      filename: esmFile('src/services/invoices.js'),
      name: 'esm: the method of the one instance lib/clients/billing-client.js builds, through the barrel: reported there, not at each caller',
    },
  ),
  js.valid(
    `
import { stripeApi } from '../lib/index.js';

export async function createCharge(order) {
  const { data } = await stripeApi.post('/charges', { amount: order.total, currency: order.currency, source: order.cardToken });
  return data;
}
`,
    { filename: esmFile('src/services/stripe-charges.js'), name: "esm: an instance whose baseURL is a third party's config constant" },
  ),
  js.valid(
    `
import axios from 'axios';
import { STRIPE_API_URL } from '#config';

export async function refundCharge(chargeId, amount) {
  await axios.post(\`\${STRIPE_API_URL}/refunds\`, { charge: chargeId, amount });
}
`,
    { filename: esmFile('src/services/stripe-refunds.js'), name: 'esm: a config URL of a third party (https://api.stripe.com)' },
  ),
  js.valid(
    `
import { LEDGER_URL } from '../config.js';
import { billing, LedgerClient, paymentsApi } from '../lib/index.js';

export async function getOrderFinances(order) {
  const { data: payment } = await paymentsApi.get(\`/payments/\${order.paymentId}\`);
  const { data: invoice } = await billing.getInvoice(order.invoiceId);
  const balance = await new LedgerClient(LEDGER_URL).getBalance(order.customerId);
  return { payment, invoice, balance };
}
`,
    { filename: esmFile('src/services/finances.js'), name: 'esm: imported clients, instances and client classes used only for reads' },
  ),
  js.valid(
    `
import { publishEvent } from '../lib/index.js';

export async function requestPayment(order) {
  await publishEvent('payments.requested', { id: order.id, amount: order.total, currency: order.currency });
}
`,
    { filename: esmFile('src/services/payment-events.js'), name: 'esm: an imported wrapper that publishes to Kafka, not over HTTP' },
  ),
  js.valid(
    `
import { kafka } from '../lib/events.js';
import { paymentsApi } from '../lib/index.js';

export async function startOrderCreatedConsumer() {
  const consumer = kafka.consumer({ groupId: 'checkout-payments' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders.created' });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const order = JSON.parse(message.value.toString());
      await paymentsApi.post('/payments', { orderId: order.id, amount: order.total });
    },
  });
}
`,
    { filename: esmFile('src/consumers/order-created.js'), name: 'esm: an imported client used inside a kafkajs eachMessage consumer' },
  ),
  js.valid(
    `
import config from '#config';
import { analyticsApi, sendJson } from '../lib/index.js';

export async function notifyCustomer(order) {
  await sendJson(\`\${config.services.notifications}/notifications\`, { to: order.email, orderId: order.id, total: order.total });
}

export async function trackOrderPlaced(order) {
  await analyticsApi.post('/events', { name: 'order_placed', orderId: order.id, total: order.total });
}
`,
    { filename: esmFile('src/services/notify.js'), name: 'esm: internal but non-critical services (notifications, analytics)' },
  ),
  js.valid(
    `
import { Router } from 'express';
import { chargeOrder } from '../services/checkout.js';
import { createOrder } from '../services/order-service.js';

export const orders = Router();

orders.post('/orders', async (req, res, next) => {
  try {
    const order = await createOrder(req.body);
    await chargeOrder(order);
    res.status(201).json(order);
  } catch (error) {
    next(error);
  }
});
`,
    { filename: esmFile('src/routes/orders.js'), name: 'esm: a route handler delegating to services whose requests are reported in their own files' },
  ),
  js.valid(
    `
import { sendCommand } from '../lib/commands.js';

export async function createOrder(order) {
  await sendCommand({ type: 'note', orderId: order.id, text: order.note });
}
`,
    {
      filename: esmFile('src/services/order-notes.js'),
      name: 'esm: the caller\'s name (createOrder) is no evidence for a function of another module that owns its address',
    },
  ),
  js.valid(
    `
import { callCore } from '../lib/core-client.js';

export async function pay(orderId, amount) {
  await callCore('/payments', { orderId, amount });
}
`,
    { filename: esmFile('src/services/pay.js'), options: { followDepth: 1 }, name: 'esm: two files deep is beyond followDepth 1' },
  ),
  js.valid(
    `
import { paymentsApi } from '../lib/index.js';

export async function charge(paymentsApi, order) {
  await paymentsApi.post('/payments', { orderId: order.id, amount: order.total });
}
`,
    { filename: esmFile('src/services/shadowed.js'), name: 'esm: a parameter that shadows the imported instance is not the instance' },
  ),
  js.valid(
    `
import axios from 'axios';
import { PAYMENTS_URL } from '#missing';
import { paymentsApi } from '../lib/missing.js';

export async function charge(order) {
  await paymentsApi.post('/payments', { orderId: order.id, amount: order.total });
  await axios.post(\`\${PAYMENTS_URL}/payments\`, { orderId: order.id, amount: order.total });
}
`,
    { filename: esmFile('src/services/missing-imports.js'), name: 'esm: modules that cannot be found are unknown, not an error' },
  ),
];

describe('JavaScript, ES modules (fixtures/cross-file/js-esm)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [...esmValid, ...esmInvalid.map(withoutImports)],
    invalid: [...esmInvalid, ...esmSingletons],
  });
});

/*
 * TypeScript (fixtures/cross-file/ts): tsconfig.json paths `@app/*`, NestJS providers
 */

const tsInvalid = [
  ts.invalid(
    `
import axios from 'axios';
import configuration from '@app/config/configuration';
import type { ChargeDto } from '@app/dto';

export async function createPayment(dto: ChargeDto): Promise<void> {
  await axios.post(\`\${configuration.services.payments}/payments\`, dto);
}
`,
    {
      at: 'axios.post',
      request: 'POST /payments',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payments"'],
      suggest: rewrite({
        replaced: 'axios.post(`${configuration.services.payments}/payments`, dto)',
        topic: 'payments.created',
        payload: 'dto',
      }),
    },
    { filename: tsFile('src/payments/create-payment.ts'), name: "ts: the default export of the config module through tsconfig paths ('@app/config/configuration')" },
  ),
  ts.invalid(
    `
import axios from 'axios';
import { LEDGER_URL } from '../config/configuration';

export async function post(from: string, to: string, cents: number): Promise<void> {
  await axios.post(\`\${LEDGER_URL}/postings\`, { from, to, cents });
}
`,
    {
      at: 'axios.post',
      request: 'POST /postings',
      service: 'ledger',
      evidence: ['service "ledger"', 'payload key "cents"'],
      suggest: rewrite({
        replaced: 'axios.post(`${LEDGER_URL}/postings`, { from, to, cents })',
        topic: 'ledger.postings.created',
        payload: '{ from, to, cents }',
      }),
    },
    { filename: tsFile('src/payments/postings.ts'), name: 'ts: export const LEDGER_URL = process.env.LEDGER_SERVICE_URL ?? …, a relative import without extension' },
  ),
  ts.invalid(
    `
import axios from 'axios';
import { services } from '../config/configuration.js';

export async function reserveStock(orderId: string, items: { sku: string; qty: number }[]): Promise<void> {
  await axios.post(\`\${services.inventory}/reservations\`, { orderId, items });
}
`,
    {
      at: 'axios.post',
      request: 'POST /reservations',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations"'],
      suggest: rewrite({
        replaced: 'axios.post(`${services.inventory}/reservations`, { orderId, items })',
        topic: 'inventory.reservations.created',
        payload: '{ orderId, items }',
      }),
    },
    { filename: tsFile('src/orders/reservations.ts'), name: "ts: '../config/configuration.js' written for the .ts source" },
  ),
  ts.invalid(
    `
import { Injectable } from '@nestjs/common';
import { services } from '@app/config/configuration';
import type { ChargeDto } from '@app/dto';
import { paymentsApi } from '@app/http/clients';
import { postJson } from '@app/http/post-json';

@Injectable()
export class PaymentsService {
  async capture(paymentId: string): Promise<void> {
    await paymentsApi.post(\`/payments/\${paymentId}/capture\`, {});
  }

  async createPayment(dto: ChargeDto): Promise<{ paymentId: string }> {
    return postJson(\`\${services.payments}/payments\`, dto);
  }

  async status(paymentId: string): Promise<string> {
    const { data } = await paymentsApi.get<{ status: string }>(\`/payments/\${paymentId}\`);
    return data.status;
  }
}
`,
    [
      {
        at: 'paymentsApi.post',
        request: 'POST /payments/{paymentId}/capture',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
        suggest: rewrite({
          replaced: 'paymentsApi.post(`/payments/${paymentId}/capture`, {})',
          topic: 'payments.capture.requested',
          payload: '{ paymentId }',
        }),
      },
      {
        at: 'postJson',
        within: 'return postJson(',
        request: 'POST /payments',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments"'],
        via: ['postJson'],
        suggest: rewrite({
          replaced: 'postJson(`${services.payments}/payments`, dto)',
          topic: 'payments.created',
          payload: 'dto',
          responseUsed: true,
        }),
      },
    ],
    { filename: tsFile('src/payments/payments.service.ts'), name: 'ts: an axios instance and a generic wrapper from other modules; the read is not reported' },
  ),
  ts.invalid(
    `
import { ApiClient } from '@app/http/api-client';
import type { CreateOrderDto } from '@app/dto';

export interface OrderCreated {
  orderId: string;
}

export class OrdersClient extends ApiClient {
  constructor() {
    super({ baseURL: process.env.ORDERS_SERVICE_URL });
  }

  createOrder(dto: CreateOrderDto) {
    return this.post<OrderCreated>('/orders', dto);
  }

  getOrder(orderId: string) {
    return this.get(\`/orders/\${orderId}\`);
  }
}
`,
    {
      at: 'this.post',
      request: 'POST /orders',
      service: 'orders',
      evidence: ['service "orders"', 'path "/orders"'],
      via: ['ApiClient.post'],
      suggest: rewrite({
        replaced: "this.post<OrderCreated>('/orders', dto)",
        topic: 'orders.created',
        payload: 'dto',
        responseUsed: true,
      }),
    },
    {
      filename: tsFile('src/clients/orders.client.ts'),
      name: 'ts: class OrdersClient extends ApiClient (another module), super({ baseURL }) bound to the base constructor, the inherited this.post',
    },
  ),
  ts.invalid(
    `
import configuration from '@app/config/configuration';
import { ApiClient } from '@app/http/api-client';

export class PayoutsClient extends ApiClient {
  constructor() {
    super({ baseURL: configuration.services.payments, timeoutMs: 3000 });
  }

  payOut(sellerId: string, amount: number) {
    return this.post(\`/sellers/\${sellerId}/payouts\`, { amount });
  }
}
`,
    {
      at: 'this.post',
      request: 'POST /sellers/{sellerId}/payouts',
      service: 'payments',
      evidence: ['service "payments"', 'path "/sellers/{sellerId}/payouts"'],
      via: ['ApiClient.post'],
      suggest: rewrite({
        replaced: 'this.post(`/sellers/${sellerId}/payouts`, { amount })',
        topic: 'payments.sellers.payouts.created',
        payload: '{ sellerId, amount }',
        responseUsed: true,
      }),
    },
    { filename: tsFile('src/clients/payouts.client.ts'), name: 'ts: a base class of another module, super() given a URL from a third module' },
  ),
  ts.invalid(
    `
import { Injectable } from '@nestjs/common';
import { BillingClient } from '@app/clients/billing.client';
import { CoreApiClient } from '@app/clients/core-api.client';
import { OrdersClient } from '@app/clients/orders.client';
import type { CreateOrderDto } from '@app/dto';

@Injectable()
export class CheckoutService {
  constructor(
    private readonly billing: BillingClient,
    private readonly core: CoreApiClient,
    private readonly orders: OrdersClient,
  ) {}

  async placeOrder(dto: CreateOrderDto): Promise<string> {
    const { data: order } = await this.orders.createOrder(dto);
    const total = dto.lines.reduce((sum, line) => sum + line.qty * line.unitPrice, 0);
    await this.core.post('/payments', { orderId: order.orderId, amount: total });
    await this.billing.issueInvoice({ orderId: order.orderId, lines: [] });
    return order.orderId;
  }
}
`,
    {
      at: 'this.core.post',
      request: 'POST /payments',
      service: 'core',
      evidence: ['path "/payments"', 'payload key "amount"'],
      via: ['CoreApiClient.post'],
      suggest: rewrite({
        replaced: "this.core.post('/payments', { orderId: order.orderId, amount: total })",
        topic: 'core.payments.created',
        payload: '{ orderId: order.orderId, amount: total }',
      }),
    },
    {
      filename: tsFile('src/checkout/checkout.service.ts'),
      name: 'ts: clients injected by constructor: the generic CoreApiClient.post reported where the call supplies path and payload; OrdersClient and BillingClient report in their own files',
    },
  ),
  ts.invalid(
    `
import { Injectable } from '@nestjs/common';
import axios from 'axios';
import { services } from '../config/configuration';
import type { InvoiceDto } from '../dto';

@Injectable()
export class BillingClient {
  private readonly http = axios.create({ baseURL: services.billing, timeout: 5000 });

  async issueInvoice(dto: InvoiceDto): Promise<{ invoiceId: string }> {
    const { data } = await this.http.post<{ invoiceId: string }>('/invoices', dto);
    return data;
  }
}
`,
    {
      at: 'this.http.post',
      request: 'POST /invoices',
      service: 'billing',
      evidence: ['service "billing"', 'path "/invoices"'],
      suggest: rewrite({
        replaced: "this.http.post<{ invoiceId: string }>('/invoices', dto)",
        topic: 'billing.invoices.created',
        payload: 'dto',
        responseUsed: true,
      }),
    },
    { filename: tsFile('src/clients/billing.client.ts'), name: 'ts: an injectable client whose instance field takes its baseURL from the config module' },
  ),
  ts.invalid(
    `
import { Injectable } from '@nestjs/common';
import { services } from '@app/config/configuration';
import { createHttpClient } from '@app/http/http-factory';

@Injectable()
export class StockService {
  private readonly inventory = createHttpClient(services.inventory);

  async setStock(sku: string, quantity: number): Promise<void> {
    await this.inventory.put(\`/stock/\${sku}\`, { quantity });
  }
}
`,
    {
      at: 'this.inventory.put',
      request: 'PUT /stock/{sku}',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/stock/{sku}"'],
      suggest: rewrite({
        replaced: 'this.inventory.put(`/stock/${sku}`, { quantity })',
        topic: 'inventory.stock.updated',
        payload: '{ sku, quantity }',
      }),
    },
    { filename: tsFile('src/orders/stock.service.ts'), name: 'ts: a factory of another module with its argument bound, kept in a field' },
  ),
  ts.invalid(
    `
import { Injectable } from '@nestjs/common';
import { LedgerClient } from '../clients/ledger.client';
import { LEDGER_URL } from '../config/configuration';

@Injectable()
export class LedgerService {
  private readonly ledger = new LedgerClient(LEDGER_URL);

  async recordSale(orderId: string, customerId: string, amount: number): Promise<void> {
    await this.ledger.postEntry({ account: customerId, amount, reference: orderId });
  }
}
`,
    {
      at: 'this.ledger.postEntry',
      request: 'POST /entries',
      service: 'ledger',
      evidence: ['service "ledger"', 'payload key "amount"'],
      via: ['LedgerClient.postEntry'],
      suggest: rewrite({
        replaced: 'this.ledger.postEntry({ account: customerId, amount, reference: orderId })',
        topic: 'ledger.entries.created',
        payload: '{ account: customerId, amount, reference: orderId }',
      }),
    },
    { filename: tsFile('src/payments/ledger.service.ts'), name: 'ts: new LedgerClient(LEDGER_URL) bound to a parameter property (private readonly baseUrl)' },
  ),
  ts.invalid(
    `
import { Injectable } from '@nestjs/common';
import { DownstreamHttp } from '../http/downstream';
import { Downstream } from '@app/http/downstream-apps';

@Injectable()
export class PostingsService {
  constructor(private readonly downstream: DownstreamHttp) {}

  async record(entry: { accountId: string; amount: number; currency: string }): Promise<void> {
    await this.downstream.post(this.downstream.serviceUrl(Downstream.LEDGER, 'entries'), entry);
  }

  async index(doc: { id: string; title: string }): Promise<void> {
    await this.downstream.post(this.downstream.serviceUrl(Downstream.SEARCH, '/documents'), doc);
  }
}
`,
    {
      at: 'this.downstream.post',
      within: 'this.downstream.post(this.downstream.serviceUrl(Downstream.LEDGER',
      request: 'POST /ledger/entries',
      service: 'ledger',
      evidence: ['service "ledger"', 'path "/ledger/entries"'],
      via: ['DownstreamHttp.post'],
      suggest: rewrite({
        replaced: "this.downstream.post(this.downstream.serviceUrl(Downstream.LEDGER, 'entries'), entry)",
        topic: 'ledger.entries.created',
        payload: 'entry',
      }),
    },
    {
      filename: tsFile('src/ledger/postings.service.ts'),
      name: "ts: the URL composed by an injected helper's method from an imported enum member (`${service.toUpperCase()}_SERVICE_URL`, a trailing slash dropped, a leading one made sure of)",
    },
  ),
  ts.invalid(
    `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RefundsService {
  constructor(private readonly http: HttpService) {}

  async refund(orderId: string, amount: number) {
    const { data } = await firstValueFrom(this.http.post('/', { orderId, amount }));
    return data;
  }

  async status(refundId: string) {
    const { data } = await firstValueFrom(this.http.get(\`/\${refundId}\`));
    return data;
  }
}
`,
    {
      at: 'this.http.post',
      request: 'POST /refunds/',
      service: 'payments',
      evidence: ['service "payments"', 'path "/refunds/"'],
      suggest: rewrite({
        replaced: "firstValueFrom(this.http.post('/', { orderId, amount }))",
        topic: 'payments.refunds.created',
        payload: '{ orderId, amount }',
        responseUsed: true,
      }),
    },
    {
      filename: tsFile('src/refunds/refunds.service.ts'),
      name: 'ts: an injected HttpService sending a relative path, its base from the HttpModule.registerAsync factory of the module that provides the class',
    },
  ),
];

const tsValid = [
  ts.valid(
    `
import { Injectable } from '@nestjs/common';
import type { ChargeDto } from '@app/dto';
import { stripeApi } from '@app/http/clients';

@Injectable()
export class StripeService {
  async charge(dto: ChargeDto, cardToken: string): Promise<string> {
    const { data } = await stripeApi.post<{ id: string }>('/charges', { amount: dto.amount, currency: dto.currency, source: cardToken });
    return data.id;
  }
}
`,
    { filename: tsFile('src/payments/stripe.service.ts'), name: "ts: an instance whose baseURL is a third party's (configuration.stripe.apiUrl)" },
  ),
  ts.valid(
    `
import { Injectable } from '@nestjs/common';
import { services } from '@app/config/configuration';
import { analyticsApi } from '@app/http/clients';
import { postJson } from '@app/http/post-json';

@Injectable()
export class OrderEventsService {
  async notifyCustomer(orderId: string, email: string, total: number): Promise<void> {
    await postJson(\`\${services.notifications}/notifications\`, { to: email, orderId, total });
  }

  async trackOrderPlaced(orderId: string, total: number): Promise<void> {
    await analyticsApi.post('/events', { name: 'order_placed', orderId, total });
  }
}
`,
    { filename: tsFile('src/orders/order-events.service.ts'), name: 'ts: internal but non-critical services (notifications, analytics)' },
  ),
  ts.valid(
    `
import { Injectable } from '@nestjs/common';
import type { ChargeDto } from '@app/dto';
import { EventBus } from '@app/events/event-bus';

@Injectable()
export class PaymentRequestsService {
  constructor(private readonly events: EventBus) {}

  async requestPayment(dto: ChargeDto): Promise<void> {
    await this.events.publish('payments.requested', { id: dto.orderId, ...dto });
  }
}
`,
    { filename: tsFile('src/payments/payment-requests.service.ts'), name: 'ts: an injected event bus that publishes to Kafka, not over HTTP' },
  ),
  ts.valid(
    `
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { paymentsApi } from '@app/http/clients';

@Controller()
export class OrderCreatedController {
  @EventPattern('orders.created')
  async handle(@Payload() order: { id: string; total: number }): Promise<void> {
    await paymentsApi.post('/payments', { orderId: order.id, amount: order.total });
  }
}
`,
    { filename: tsFile('src/consumers/order-created.controller.ts'), name: 'ts: an imported client used inside an @EventPattern handler' },
  ),
  ts.valid(
    `
import { Injectable } from '@nestjs/common';
import { OrdersClient } from '@app/clients/orders.client';
import { paymentsApi } from '@app/http/clients';

@Injectable()
export class OrderStatusService {
  constructor(private readonly orders: OrdersClient) {}

  async status(orderId: string, paymentId: string): Promise<{ order: unknown; payment: unknown }> {
    const order = await this.orders.getOrder(orderId);
    const { data: payment } = await paymentsApi.get(\`/payments/\${paymentId}\`);
    return { order, payment };
  }
}
`,
    { filename: tsFile('src/orders/order-status.service.ts'), name: 'ts: an injected client class and an imported instance used only for reads' },
  ),
  ts.valid(
    `
import { Body, Controller, Post } from '@nestjs/common';
import type { CreateOrderDto } from '@app/dto';
import { CheckoutService } from './checkout.service';

@Controller('checkout')
export class CheckoutController {
  constructor(private readonly checkout: CheckoutService) {}

  @Post()
  async placeOrder(@Body() dto: CreateOrderDto): Promise<{ orderId: string }> {
    return { orderId: await this.checkout.placeOrder(dto) };
  }
}
`,
    { filename: tsFile('src/checkout/checkout.controller.ts'), name: 'ts: a controller delegating to a service whose request is reported in its own file' },
  ),
  ts.valid(
    `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class PartnerBankService {
  constructor(private readonly http: HttpService) {}

  async payOut(accountId: string, amount: number) {
    await firstValueFrom(this.http.post('/transfers', { accountId, amount }));
  }
}
`,
    { filename: tsFile('src/partners/partner-bank.service.ts'), name: "ts: an injected HttpService whose module registers a partner's address (HttpModule.register({ baseURL }))" },
  ),
];

describe('TypeScript (fixtures/cross-file/ts)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [...tsValid, ...tsInvalid.map(withoutImports)],
    invalid: tsInvalid,
  });
});

/*
 * An npm workspaces monorepo (fixtures/cross-file/monorepo): services/orders imports
 * `@acme/shared` by name; its package.json `main` points into a dist/ that was never built, so
 * the package's sources in src/ are read instead.
 */

const monorepoInvalid = [
  ts.invalid(
    `
import { ServiceClient } from '@acme/shared';

export interface Payment {
  orderId: string;
  amount: number;
  currency: string;
}

export class PaymentsClient extends ServiceClient {
  constructor() {
    super({ service: 'orders', baseURL: process.env.PAYMENTS_SERVICE_URL });
  }

  capture(payment: Payment): Promise<{ paymentId: string }> {
    return this.send('/payments', payment);
  }
}
`,
    {
      at: 'this.send',
      request: 'POST /payments',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payments"'],
      via: ['ServiceClient.send'],
      suggest: rewrite({
        replaced: "this.send('/payments', payment)",
        topic: 'payments.created',
        payload: 'payment',
        responseUsed: true,
      }),
    },
    {
      filename: monorepoFile('services/orders/src/clients/payments.client.ts'),
      name: 'monorepo: a base class of the workspace package @acme/shared (main: dist/index.js, read from src/index.ts)',
    },
  ),
  ts.invalid(
    `
import { ServiceClient } from '../../packages/shared/src/http/service-client';

export class RefundsClient extends ServiceClient {
  constructor() {
    super({ service: 'orders', baseURL: process.env.PAYMENTS_SERVICE_URL });
  }

  refund(paymentId: string, amount: number): Promise<{ refundId: string }> {
    return this.send(\`/payments/\${paymentId}/refunds\`, { amount });
  }
}
`,
    {
      at: 'this.send',
      request: 'POST /payments/{paymentId}/refunds',
      service: 'payments',
      evidence: ['service "payments"', 'path "/payments/{paymentId}/refunds"'],
      via: ['ServiceClient.send'],
      suggest: rewrite({
        replaced: 'this.send(`/payments/${paymentId}/refunds`, { amount })',
        topic: 'payments.refunds.created',
        payload: '{ paymentId, amount }',
        responseUsed: true,
      }),
    },
    {
      filename: monorepoFile('services/orders/src/clients/refunds.client.ts'),
      name: 'monorepo: a relative import that climbs one folder too few (../../packages/… from services/orders/src/clients), found under the folder above',
    },
  ),
  ts.invalid(
    `
import { KeyedServiceClient } from '@acme/shared';

export class EscrowClient extends KeyedServiceClient {
  constructor() {
    super(process.env.ESCROW_SERVICE_URL ?? 'http://escrow:3000');
  }

  release(escrowId: string): Promise<{ released: boolean }> {
    return this.post(\`escrows/\${escrowId}/release\`);
  }

  find(escrowId: string): Promise<{ id: string; state: string }> {
    return this.get(\`escrows/\${escrowId}\`);
  }
}
`,
    {
      at: 'this.post',
      request: 'POST /escrows/{escrowId}/release',
      service: 'escrow',
      evidence: ['service "escrow"', 'path "/escrows/{escrowId}/release"'],
      via: ['KeyedServiceClient.post', 'KeyedServiceClient.request'],
      suggest: rewrite({
        replaced: 'this.post(`escrows/${escrowId}/release`)',
        topic: 'escrow.release.requested',
        payload: '/* TODO: the data this request carried */ {}',
        responseUsed: true,
      }),
    },
    {
      filename: monorepoFile('services/orders/src/clients/escrow.client.ts'),
      name: "monorepo: a base class whose request(method, …) calls this.client[method](…) inside a closure run behind a breaker: the method is the caller's 'post'",
    },
  ),
  ts.invalid(
    `
import { postJson, serviceUrls } from '@acme/shared';

export async function reserveStock(orderId: string, items: { sku: string; qty: number }[]): Promise<{ reservationId: string }> {
  return postJson(\`\${serviceUrls.inventory}/reservations\`, { orderId, items });
}
`,
    {
      at: 'postJson',
      within: 'return postJson(',
      request: 'POST /reservations',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations"'],
      via: ['postJson'],
      suggest: rewrite({
        replaced: 'postJson(`${serviceUrls.inventory}/reservations`, { orderId, items })',
        topic: 'inventory.reservations.created',
        payload: '{ orderId, items }',
        responseUsed: true,
      }),
    },
    { filename: monorepoFile('services/orders/src/services/reservations.ts'), name: 'monorepo: a fetch wrapper and a config map of the workspace package, both through its barrel' },
  ),
  ts.invalid(
    `
import { postJson } from '@acme/shared/http/post-json';

export async function openWallet(customerId: string, currency: string): Promise<void> {
  await postJson(\`\${process.env.WALLET_SERVICE_URL}/wallets\`, { customerId, currency });
}
`,
    {
      at: 'postJson',
      within: 'await postJson(',
      request: 'POST /wallets',
      service: 'wallet',
      evidence: ['service "wallet"', 'path "/wallets"'],
      via: ['postJson'],
      suggest: rewrite({
        replaced: 'postJson(`${process.env.WALLET_SERVICE_URL}/wallets`, { customerId, currency })',
        topic: 'wallet.created',
        payload: '{ customerId, currency }',
      }),
    },
    { filename: monorepoFile('services/orders/src/services/wallets.ts'), name: 'monorepo: a subpath of the workspace package (@acme/shared/http/post-json → src/http/post-json.ts)' },
  ),
  ts.invalid(
    `
import { serviceUrls } from '@acme/shared';
import { InventoryClient } from '../clients/inventory.client.js';

const inventory = new InventoryClient(serviceUrls.inventory);

export async function reserveForOrder(orderId: string, items: { sku: string; qty: number }[]): Promise<{ reservationId: string }> {
  return inventory.reserve(orderId, items);
}
`,
    {
      at: 'inventory.reserve',
      request: 'POST /reservations',
      service: 'inventory',
      evidence: ['service "inventory"', 'path "/reservations"'],
      via: ['InventoryClient.reserve', 'ServiceClient.request'],
      suggest: rewrite({
        replaced: 'inventory.reserve(orderId, items)',
        topic: 'inventory.reservations.created',
        // the body is built inside the wrapper ({ orderId, items } in InventoryClient.reserve): not carried over
        payload: '/* TODO: the data this request carried */ {}',
        responseUsed: true,
      }),
    },
    {
      filename: monorepoFile('services/orders/src/services/stock.ts'),
      name: "monorepo: a subclass built with the shared package's URL map, its this.request({ method: 'POST', url }) in the base class",
    },
  ),
];

const monorepoValid = [
  ts.valid(
    `
import { postJson, serviceUrls } from '@acme/shared';
import { PaymentsClient } from '../clients/payments.client.js';

const payments = new PaymentsClient();

export async function checkout(order: { id: string; total: number; currency: string; email: string }): Promise<void> {
  await payments.capture({ orderId: order.id, amount: order.total, currency: order.currency });
  await postJson(\`\${serviceUrls.notifications}/notifications\`, { to: order.email, orderId: order.id });
}
`,
    {
      filename: monorepoFile('services/orders/src/services/checkout.ts'),
      name: 'monorepo: a client whose request is reported in its own file, and a notification through the shared wrapper',
    },
  ),
  ts.valid(
    `
import { Router } from 'express';
import { checkout } from '../services/checkout.js';
import { reserveStock } from '../services/reservations.js';

export const orders = Router();

orders.post('/orders', async (req, res) => {
  await reserveStock(req.body.id, req.body.items);
  await checkout(req.body);
  res.status(201).end();
});
`,
    { filename: monorepoFile('services/orders/src/routes/orders.ts'), name: 'monorepo: a route handler delegating to services whose requests are reported in their own files' },
  ),
  ts.valid(
    `
import { KeyedServiceClient } from '@acme/shared';

export class EscrowReader extends KeyedServiceClient {
  constructor() {
    super(process.env.ESCROW_SERVICE_URL ?? 'http://escrow:3000');
  }

  find(escrowId: string): Promise<{ id: string; state: string }> {
    return this.get(\`escrows/\${escrowId}\`);
  }
}
`,
    {
      filename: monorepoFile('services/orders/src/clients/escrow-reader.ts'),
      name: "monorepo: the same keyed base class called with 'get' only: a read",
    },
  ),
];

describe('npm workspaces (fixtures/cross-file/monorepo)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [...monorepoValid, ...monorepoInvalid.map(withoutImports)],
    invalid: monorepoInvalid,
  });
});
