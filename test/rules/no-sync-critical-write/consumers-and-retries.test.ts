/**
 * Pub/Sub subscriptions are consumers; clients configured to retry in memory get the note;
 * a `client/` folder of a back-end service is not front-end code.
 */
import { js, jsTester, outbox, rewrite, RULE_NAME, rule } from './helpers.js';

const RETRY_NOTE_CODE = `import got from 'got';

const warehouse = got.extend({ prefixUrl: process.env.WAREHOUSE_SERVICE_URL, retry: { limit: 3, methods: ['PATCH'] } });

export async function setStock(sku, quantity) {
  await warehouse.patch(\`stock/\${sku}\`, { json: { quantity } });
}
`;

const SERVER_CLIENT = `import axios from 'axios';

export class PaymentsClient {
  async capture(paymentId, amount) {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${paymentId}/capture\`, { amount });
  }
}
`;

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(
      `import axios from 'axios';
import { PubSub } from '@google-cloud/pubsub';

const subscription = new PubSub().subscription('orders-created');

subscription.on('message', async (message) => {
  const order = JSON.parse(message.data.toString());
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
  message.ack();
});
`,
      { name: 'a Pub/Sub subscription message handler is a consumer' },
    ),
    js.valid(
      `import axios from 'axios';
import { Kafka } from 'kafkajs';
import { withDeadLetter } from './dead-letter.js';

const consumer = new Kafka({ brokers: [process.env.KAFKA_BROKER] }).consumer({ groupId: 'billing' });

await consumer.run({
  eachMessage: withDeadLetter('billing.dlq', async ({ message }) => {
    const order = JSON.parse(message.value.toString());
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
  }),
});
`,
      { name: 'a kafkajs handler wrapped by a helper where it is registered is still the consumer' },
    ),
    js.valid(
      `import axios from 'axios';

export function listen(subscription) {
  subscription.on('message', async (message) => {
    await axios.post(\`\${process.env.LEDGER_SERVICE_URL}/entries\`, JSON.parse(message.data));
    message.ack();
  });
}
`,
      { name: 'a subscription handed in as a parameter, by its message handler' },
    ),
    js.valid(
      `import axios from 'axios';
import { Consumer, topics } from '../kafka-broker';

const consumer = new Consumer('orchestrator');

consumer.registerHandler(topics.PAYMENT_REPLY, async (payload) => {
  const reply = JSON.parse(payload.message.value);
  await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/payments\`, { orderId: reply.orderId, amount: reply.amount });
});
`,
      { name: "a handler registered with the project's consumer of a broker" },
    ),
  ],
  invalid: [
    js.invalid(
      `import axios from 'axios';
import { Router } from '../http-router';

const router = new Router();

router.registerHandler('/pay', async (payload) => {
  await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/payments\`, { orderId: payload.orderId, amount: payload.amount });
});
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payment',
        evidence: ['service "payment"', 'path "/payments"'],
        suggest: rewrite({
          replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/payments`, { orderId: payload.orderId, amount: payload.amount })',
          topic: 'payment.created',
          payload: '{ orderId: payload.orderId, amount: payload.amount }',
        }),
      },
      { name: 'a handler registered with a router is no consumer' },
    ),
    js.invalid(
      RETRY_NOTE_CODE,
      {
        at: 'warehouse.patch',
        request: 'PATCH /stock/{sku}',
        service: 'warehouse',
        evidence: ['service "warehouse"', 'path "/stock/{sku}"'],
        retry: 'got retry option',
        suggest: rewrite({ replaced: 'warehouse.patch(`stock/${sku}`, { json: { quantity } })', topic: 'warehouse.stock.updated', payload: '{ sku, quantity }' }, outbox()),
      },
      { name: "got's retry option is an in-memory retry: the note says it dies with the process" },
    ),
    js.invalid(
      SERVER_CLIENT,
      {
        at: 'axios.post',
        request: 'POST /payments/{paymentId}/capture',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments/{paymentId}/capture"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments/${paymentId}/capture`, { amount })',
            topic: 'payments.capture.requested',
            payload: '{ paymentId, amount }',
          },
          outbox(),
        ),
      },
      { filename: 'services/orders/src/payments/client/payments.client.js', name: 'a client/ folder of a back-end service is checked' },
    ),
  ],
});

jsTester.run(`${RULE_NAME} (Dapr app id from configuration)`, rule, {
  valid: [],
  invalid: [
    js.invalid(
      `const axios = require('axios').default;

const paymentsApp = process.env.PAYMENTS_APP_ID || 'payments';
const sidecar = \`http://localhost:\${process.env.DAPR_HTTP_PORT || 3500}\`;

async function charge(order) {
  await axios.post(\`\${sidecar}/charges\`, { orderId: order.id, amount: order.total }, { headers: { 'dapr-app-id': \`\${paymentsApp}\` } });
}

module.exports = { charge };
`,
      {
        at: 'axios.post',
        request: 'POST /charges',
        service: 'payments',
        evidence: ['service "payments"', 'path "/charges"'],
        suggest: rewrite(
          {
            replaced: "axios.post(`${sidecar}/charges`, { orderId: order.id, amount: order.total }, { headers: { 'dapr-app-id': `${paymentsApp}` } })",
            topic: 'payments.charges.created',
            payload: '{ orderId: order.id, amount: order.total }',
          },
          outbox(),
        ),
      },
      { sourceType: 'commonjs', name: 'the dapr-app-id header names the app through an env var with a default' },
    ),
  ],
});
