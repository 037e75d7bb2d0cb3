/**
 * Shapes seen in real services: gateways forwarding the incoming body, reads sent as POST,
 * address maps, Dapr's documented host/port/header form, node:http wrappers built on `URL`
 * objects with destructured options, scripts and browser bundles that are not services.
 */
import { js, jsTester, outbox, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const FORWARD = `import express from 'express';
import axios from 'axios';

const router = express.Router();

router.post('/orders', async (req, res) => {
  const { data } = await axios.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, req.body);
  res.status(201).json(data);
});

export default router;
`;

const HTTP_WRAPPER = `const http = require('http');
const https = require('https');

const callLedger = ({ method, path, body, baseUrl = process.env.LEDGER_SERVICE_URL || 'http://localhost:4010' }) =>
  new Promise((resolve, reject) => {
    let url;
    try {
      url = new URL(path, baseUrl);
    } catch (error) {
      reject(error);
      return;
    }
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(
      { protocol: url.protocol, hostname: url.hostname, port: url.port, method, path: \`\${url.pathname}\${url.search}\` },
      (res) => resolve(res.statusCode),
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });

async function postEntry(entry) {
  return callLedger({ method: 'POST', path: '/entries', body: entry });
}

module.exports = { postEntry };
`;

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(FORWARD, { name: 'a gateway route forwarding req.body as it came' }),
    js.valid(
      FORWARD.replace(
        '  res.status(201).json(data);',
        "  await axios.post(`${process.env.NOTIFICATION_SERVICE_URL}/notifications`, { orderId: data.id, type: 'order-created' });\n  res.status(201).json(data);",
      ),
      { name: 'a gateway route forwarding req.body, then sending a notice: the notice is no write of its own' },
    ),
    js.valid(
      `import axios from 'axios';

export async function checkOrder(order) {
  const { data } = await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/api/inventory/availability-batch\`, order);
  return data.available;
}
`,
      { name: 'a read sent as POST from a function named checkX' },
    ),
    js.valid(
      `import axios from 'axios';

export async function placeOrder(order) {
  await axios.post(\`\${process.env.API_URL}/orders\`, order);
}
`,
      { name: 'an env name with no service word (API_URL) addresses no service in particular' },
    ),
    {
      ...js.valid(
        `import axios from 'axios';

export async function pay(amount) {
  await axios.post('http://localhost:3000/charge-card', { amount });
}
`,
        { name: 'a browser bundle, known from the configured globals' },
      ),
      languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
    },
    js.valid(
      `const request = require('request');

request.post('http://10.0.0.12:9010/payments', { json: { amount: 10 } }, () => {});
`,
      { filename: 'tools/test.js', sourceType: 'commonjs', name: 'a throw-away test.js script' },
    ),
  ],
  invalid: [
    js.invalid(
      FORWARD,
      {
        at: 'axios.post',
        request: 'POST /orders',
        service: 'orders',
        evidence: ['service "orders"', 'path "/orders"'],
        suggest: rewrite(
          { replaced: 'axios.post(`${process.env.ORDERS_SERVICE_URL}/orders`, req.body)', topic: 'orders.created', payload: 'req.body', responseUsed: true },
          outbox(),
        ),
      },
      { options: { checkProxies: true }, name: 'checkProxies reports gateways too' },
    ),
    js.invalid(
      `import express from 'express';
import axios from 'axios';

const ORDER_SERVICE_URL = 'http://localhost:3001';
const PAYMENT_SERVICE_URL = 'http://localhost:3002';

const app = express();

app.post('/create-order-saga', async (req, res) => {
  const orderData = req.body;
  const { data: order } = await axios.post(\`\${ORDER_SERVICE_URL}/create-order\`, orderData);
  const { data: payment } = await axios.post(\`\${PAYMENT_SERVICE_URL}/process-payment\`, { orderId: order.orderId, amount: orderData.totalAmount });
  res.json({ order, payment });
});
`,
      [
        {
          at: 'axios.post',
          request: 'POST /create-order',
          service: 'order',
          evidence: ['service "order"', 'path "/create-order"'],
          suggest: rewrite({ replaced: 'axios.post(`${ORDER_SERVICE_URL}/create-order`, orderData)', topic: 'order.create-order.created', payload: 'orderData', responseUsed: true }, outbox()),
        },
        {
          at: 'axios.post',
          within: 'axios.post(`${PAYMENT_SERVICE_URL}',
          request: 'POST /process-payment',
          service: 'payment',
          evidence: ['service "payment"', 'path "/process-payment"'],
          suggest: rewrite(
            {
              replaced: 'axios.post(`${PAYMENT_SERVICE_URL}/process-payment`, { orderId: order.orderId, amount: orderData.totalAmount })',
              topic: 'payment.process-payment.created',
              payload: '{ orderId: order.orderId, amount: orderData.totalAmount }',
              responseUsed: true,
            },
            outbox(),
          ),
        },
      ],
      { name: 'a saga step that sends the body it was given, before charging the payment, is no relay: the handler orchestrates' },
    ),
    js.invalid(
      `import express from 'express';
import axios from 'axios';

const app = express();

app.put('/employees/:id/billing-mode', async (req, res) => {
  const { data } = await axios.put(\`\${process.env.AUTH_SERVICE_URL}/auth/employees/\${req.params.id}/billing-mode\`, req.body);
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/sync/employee\`, { id: req.params.id, billingMode: req.body.billingMode });
  res.json(data);
});
`,
      {
        at: 'axios.post',
        request: 'POST /sync/employee',
        service: 'billing',
        evidence: ['service "billing"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/sync/employee`, { id: req.params.id, billingMode: req.body.billingMode })',
            topic: 'billing.sync.employee.created',
            payload: '{ id: req.params.id, billingMode: req.body.billingMode }',
          },
          outbox(),
        ),
      },
      { name: 'a second write that takes nothing from the first leaves the first a relay' },
    ),
    js.invalid(
      `import axios from 'axios';

export async function checkAndReserve(order) {
  await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/reserve\`, order);
}
`,
      {
        at: 'axios.post',
        request: 'POST /reserve',
        service: 'inventory',
        evidence: ['service "inventory"', 'path "/reserve"'],
        suggest: rewrite({ replaced: 'axios.post(`${process.env.INVENTORY_SERVICE_URL}/reserve`, order)', topic: 'inventory.reserve.requested', payload: 'order' }, outbox()),
      },
      { name: 'a read-named function whose path commands a write is still reported' },
    ),
    js.invalid(
      `import axios from 'axios';

export async function notifyOrderService(sessionId, paid) {
  try {
    await axios.patch(\`\${process.env.ORDER_SERVICE_URL}/checkout/sessions/\${sessionId}/payment-status\`, { status: paid ? 'PAID' : 'FAILED' });
  } catch (error) {
    console.error('could not tell the order service', error);
  }
}
`,
      {
        at: 'axios.patch',
        request: 'PATCH /checkout/sessions/{sessionId}/payment-status',
        service: 'order',
        evidence: ['service "order"', 'path "/checkout/sessions/{sessionId}/payment-status"'],
        swallowed: 'the catch at line 6 only logs',
        suggest: rewrite(
          {
            replaced: "axios.patch(`${process.env.ORDER_SERVICE_URL}/checkout/sessions/${sessionId}/payment-status`, { status: paid ? 'PAID' : 'FAILED' })",
            topic: 'order.checkout.sessions.payment-status.updated',
            payload: "{ sessionId, status: paid ? 'PAID' : 'FAILED' }",
          },
          outbox(),
        ),
      },
      { name: 'a function named notifyX that sets another service’s payment status is reported' },
    ),
    js.invalid(
      `const axios = require('axios');
const { serviceUrls } = require('../shared/config');

module.exports.createOrder = async (order) => {
  await axios.post(\`\${serviceUrls.PAYMENTS}/payments/pay\`, { orderId: order.id, amount: order.total });
};
`,
      {
        at: 'axios.post',
        request: 'POST /payments/pay',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/pay"'],
        suggest: rewrite(
          { replaced: 'axios.post(`${serviceUrls.PAYMENTS}/payments/pay`, { orderId: order.id, amount: order.total })', topic: 'payments.pay.requested', payload: '{ orderId: order.id, amount: order.total }' },
          outbox(),
        ),
      },
      { sourceType: 'commonjs', name: 'a map of service addresses imported from a shared module' },
    ),
    js.invalid(
      `import axios from 'axios';

const DAPR_HOST = process.env.DAPR_HOST ?? 'http://localhost';
const DAPR_HTTP_PORT = process.env.DAPR_HTTP_PORT ?? '3500';

export async function checkout(order) {
  await axios.post(\`\${DAPR_HOST}:\${DAPR_HTTP_PORT}/orders\`, order, { headers: { 'dapr-app-id': 'order-processor' } });
}
`,
      {
        at: 'axios.post',
        request: 'POST /orders',
        service: 'order-processor',
        evidence: ['service "order-processor"', 'path "/orders"'],
        suggest: rewrite(
          { replaced: "axios.post(`${DAPR_HOST}:${DAPR_HTTP_PORT}/orders`, order, { headers: { 'dapr-app-id': 'order-processor' } })", topic: 'order-processor.orders.created', payload: 'order' },
          outbox(),
        ),
      },
      { name: "Dapr's host and port variables with the dapr-app-id header" },
    ),
    js.invalid(
      HTTP_WRAPPER,
      {
        at: 'callLedger',
        within: 'return callLedger(',
        request: 'POST /entries',
        service: 'ledger',
        evidence: ['service "ledger"', 'function "callLedger"'],
        via: ['callLedger'],
        suggest: rewrite({ replaced: "callLedger({ method: 'POST', path: '/entries', body: entry })", topic: 'ledger.entries.created', payload: '/* TODO: the data this request carried */ {}', responseUsed: true }, outbox()),
      },
      { sourceType: 'commonjs', name: 'a node:http wrapper: https-or-http transport, URL object parts, destructured options with defaults' },
    ),
  ],
});

tsTester.run(RULE_NAME, rule, {
  valid: [
    ts.valid(
      `export async function POST(request: Request): Promise<Response> {
  const body = await request.json();
  return fetch(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, { method: 'POST', body: JSON.stringify(body) });
}
`,
      { filename: 'app/api/orders/route.ts', name: 'a Next route handler forwarding the body it received' },
    ),
  ],
  invalid: [],
});
