/**
 * A function exported for a message consumer in another module of its repository runs inside
 * that consumer: the broker redelivers the message when the call fails. With the project layer,
 * the rule finds every module of the repository that imports the function; when each use is a call
 * from a consumer (or from a function only called from one), the write is not reported. One use
 * it cannot vouch for (an HTTP route, the function handed on as a value, a module that re-exports
 * it) and the write is reported as before. Tests, seeds and scripts do not count as uses.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, rewrite, RULE_NAME, rule } from './helpers.js';

const PACKAGE = { name: 'refund-orchestrator', private: true, type: 'module', dependencies: { axios: '^1.7.9', kafkajs: '^2.2.4', express: '^4.21.0' } };

/** The linted module: an exported handler that refunds through a private helper. */
const REFUNDS = `import axios from 'axios';

async function refundPayment(orderId, amount) {
  const { data } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/refunds\`, { orderId, amount });
  return data;
}

export async function handleRefundApproved(event) {
  await refundPayment(event.orderId, event.amount);
}

export default { handleRefundApproved };
`;

const CONSUMER = `import { Kafka } from 'kafkajs';
import { handleRefundApproved } from '../services/refunds.js';

const consumer = new Kafka({ clientId: 'refunds', brokers: [process.env.KAFKA_BROKER] }).consumer({ groupId: 'refunds' });

export async function startConsumer() {
  await consumer.subscribe({ topic: 'refund.approved' });
  await consumer.run({
    eachMessage: async ({ message }) => {
      await handleRefundApproved(JSON.parse(message.value.toString()));
    },
  });
}
`;

const ROUTE = `import express from 'express';
import { handleRefundApproved } from '../services/refunds.js';

export const router = express.Router();

router.post('/refunds/approve', async (req, res) => {
  await handleRefundApproved(req.body);
  res.status(204).end();
});
`;

/** The same module in CommonJS. */
const REFUNDS_CJS = `const axios = require('axios');

async function refundPayment(orderId, amount) {
  const { data } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/refunds\`, { orderId, amount });
  return data;
}

async function handleRefundApproved(event) {
  await refundPayment(event.orderId, event.amount);
}

module.exports = { handleRefundApproved };
`;

/** The request written straight into \`exports\`, as many Express services write their modules. */
const REFUNDS_EXPORTS = `const axios = require('axios');

exports.handleRefundApproved = async (event) => {
  const { data } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/refunds\`, { orderId: event.orderId, amount: event.amount });
  return data;
};
`;

const AMQP_CONSUMER = `const amqp = require('amqplib');
const { handleRefundApproved } = require('../services/refunds');

module.exports = async function start() {
  const channel = await (await amqp.connect(process.env.RABBITMQ_URL)).createChannel();
  channel.consume('refund.approved', async (message) => {
    await handleRefundApproved(JSON.parse(message.content.toString()));
    channel.ack(message);
  });
};
`;

const CJS = { ...PACKAGE, type: 'commonjs', dependencies: { axios: '^1.7.9', amqplib: '^0.10.4', express: '^4.21.0' } };

const REPORTED_EXPORTS = {
  at: 'axios.post',
  request: 'POST /refunds',
  service: 'payment',
  evidence: ['service "payment"', 'path "/refunds"'],
  suggest: rewrite({
    replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/refunds`, { orderId: event.orderId, amount: event.amount })',
    topic: 'payment.refunds.created',
    payload: '{ orderId: event.orderId, amount: event.amount }',
    responseUsed: true,
  }),
};

/** A project holding the linted module (its text as linted) and the modules that import it. */
function project(files: Readonly<Record<string, string>>, linted = 'src/services/refunds.js', code = REFUNDS, manifest: object = PACKAGE): string {
  const root = writeProject({ 'package.json': manifest, [linted]: code, ...files });
  return path.join(root, linted);
}

const REPORTED = {
  at: 'axios.post',
  request: 'POST /refunds',
  service: 'payment',
  evidence: ['service "payment"', 'path "/refunds"'],
  suggest: rewrite({
    replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/refunds`, { orderId, amount })',
    topic: 'payment.refunds.created',
    payload: '{ orderId, amount }',
    responseUsed: true,
  }),
};

describe('exported functions called from consumers in other modules', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(REFUNDS, {
        filename: project({ 'src/kafka/consumer.js': CONSUMER }),
        name: 'exported, and imported only by a kafkajs eachMessage handler of another module',
      }),
      js.valid(REFUNDS, {
        filename: project({
          'src/kafka/consumer.js': CONSUMER.replace("import { handleRefundApproved } from '../services/refunds.js';", "import refunds from '../services/refunds.js';").replace(
            'await handleRefundApproved(',
            'await refunds.handleRefundApproved(',
          ),
        }),
        name: 'the default export object, its member called from the consumer',
      }),
      js.valid(REFUNDS_CJS, {
        filename: project(
          {
            'src/workers/refunds.worker.js': `const { Worker } = require('bullmq');
const refunds = require('../services/refunds');

module.exports = new Worker('refunds', async (job) => refunds.handleRefundApproved(job.data), { connection: { host: process.env.REDIS_HOST } });
`,
          },
          'src/services/refunds.js',
          REFUNDS_CJS,
          { ...PACKAGE, type: 'commonjs', dependencies: { axios: '^1.7.9', bullmq: '^5.0.0' } },
        ),
        sourceType: 'commonjs',
        name: 'CommonJS: module.exports, required whole by a bullmq Worker processor',
      }),
      js.valid(REFUNDS, {
        filename: project({
          'src/kafka/consumer.js': CONSUMER,
          'src/services/refunds.test.js': `import { handleRefundApproved } from './refunds.js';\n\nawait handleRefundApproved({ orderId: 'o-1', amount: 10 });\n`,
        }),
        name: 'a test calling it is not a use',
      }),
      js.valid(REFUNDS, {
        filename: project({ 'src/kafka/consumer.js': CONSUMER, 'src/services/index.js': "export * from './refunds.js';\n" }),
        name: 're-exported by a barrel that nothing imports: the consumer is still its only caller',
      }),
      js.valid(REFUNDS_EXPORTS, {
        filename: project(
          { 'src/broker/listener.js': AMQP_CONSUMER, 'src/controllers/orders.js': "const { handleRefundApproved } = require('../services/refunds');\n\nexports.list = async (req, res) => res.json([]);\n" },
          'src/services/refunds.js',
          REFUNDS_EXPORTS,
          CJS,
        ),
        sourceType: 'commonjs',
        name: 'CommonJS: written into exports, required by an amqplib consumer (and by a module that never calls it)',
      }),
    ],
    invalid: [
      js.invalid(REFUNDS, REPORTED, {
        filename: project({ 'src/kafka/consumer.js': CONSUMER, 'src/routes/refunds.js': ROUTE }),
        name: 'also called from an HTTP route of another module',
      }),
      js.invalid(REFUNDS, REPORTED, {
        filename: project({
          'src/kafka/consumer.js': CONSUMER,
          'src/routes/refunds.js': `import express from 'express';\nimport { handleRefundApproved } from '../services/refunds.js';\n\nexport const router = express.Router().post('/refunds/approve', handleRefundApproved);\n`,
        }),
        name: 'handed on as a route handler by another module',
      }),
      js.invalid(REFUNDS, REPORTED, {
        filename: project({
          'src/kafka/consumer.js': CONSUMER,
          'src/services/index.js': "export * from './refunds.js';\n",
          'src/routes/refunds.js': ROUTE.replace("'../services/refunds.js'", "'../services/index.js'"),
        }),
        name: 're-exported by a barrel whose importer calls it from an HTTP route',
      }),
      js.invalid(REFUNDS, REPORTED, {
        filename: project({ 'src/kafka/consumer.js': CONSUMER, 'src/services/index.js': "export * as refunds from './refunds.js';\n" }),
        name: 'passed on by a barrel as a namespace, whose uses are out of sight',
      }),
      js.invalid(REFUNDS, REPORTED, {
        filename: project({ 'src/__tests__/consumer.test.js': CONSUMER }),
        name: 'called from a consumer only in a test',
      }),
      js.invalid(REFUNDS, REPORTED, {
        filename: project({
          'src/kafka/consumer.js': CONSUMER,
          'src/routes/lazy.js': "export async function approve(req) {\n  const { handleRefundApproved } = await import('../services/refunds.js');\n  return handleRefundApproved(req.body);\n}\n",
        }),
        name: 'imported inside a function, out of sight',
      }),
      js.invalid(REFUNDS_CJS, REPORTED, {
        filename: project(
          {
            'src/workers/refunds.worker.js': `const { Worker } = require('bullmq');
const { handleRefundApproved } = require('../services/refunds');

module.exports = new Worker('refunds', async (job) => handleRefundApproved(job.data), { connection: { host: process.env.REDIS_HOST } });
`,
            'src/routes/refunds.js': `const express = require('express');
const refunds = require('../services/refunds');

module.exports = express.Router().post('/refunds/approve', async (req, res) => {
  await refunds.handleRefundApproved(req.body);
  res.sendStatus(204);
});
`,
          },
          'src/services/refunds.js',
          REFUNDS_CJS,
          { ...PACKAGE, type: 'commonjs', dependencies: { axios: '^1.7.9', bullmq: '^5.0.0', express: '^4.21.0' } },
        ),
        sourceType: 'commonjs',
        name: 'CommonJS: required by a worker and by an HTTP route',
      }),
      js.invalid(REFUNDS_EXPORTS, REPORTED_EXPORTS, {
        filename: project(
          {
            'src/broker/listener.js': AMQP_CONSUMER,
            'src/routes/refunds.js': `const express = require('express');
const { handleRefundApproved } = require('../services/refunds');

module.exports = express.Router().post('/refunds/approve', async (req, res) => res.json(await handleRefundApproved(req.body)));
`,
          },
          'src/services/refunds.js',
          REFUNDS_EXPORTS,
          CJS,
        ),
        sourceType: 'commonjs',
        name: 'CommonJS: written into exports, required by a consumer and by an HTTP route',
      }),
      js.invalid(`${REFUNDS_EXPORTS}\nexports.retryRefund = (event) => exports.handleRefundApproved(event);\n`, REPORTED_EXPORTS, {
        filename: project({ 'src/broker/listener.js': AMQP_CONSUMER }, 'src/services/refunds.js', REFUNDS_EXPORTS, CJS),
        sourceType: 'commonjs',
        name: 'CommonJS: written into exports and called through exports in its own module, a use not tracked',
      }),
      js.invalid(REFUNDS, REPORTED, {
        filename: project({ 'src/kafka/consumer.js': CONSUMER }),
        options: { followImports: false },
        name: 'without followImports the other modules are not read',
      }),
    ],
  });
});

/** A client written as an object literal of methods, exported by CommonJS under its name. */
const SEATS_CLIENT = `const axios = require('axios');

const client = axios.create({ baseURL: process.env.INVENTORY_SERVICE_URL });

const inventoryClient = {
  async confirmSeats(scheduleId, seatIds, bookingId) {
    const { data } = await client.post('/seats/confirm', { scheduleId, seatIds, bookingId });
    return data;
  },
  async listSeats(scheduleId) {
    const { data } = await client.get(\`/seats/\${scheduleId}\`);
    return data;
  },
};

module.exports = { inventoryClient };
`;

/** Its one caller: a kafkajs handler, wrapped by the project's dead-letter helper where it is registered. */
const SEATS_CONSUMER = `const { Kafka } = require('kafkajs');
const { inventoryClient } = require('../services/inventoryClient');
const { withDLQ } = require('./dlq');

const consumer = new Kafka({ clientId: 'booking', brokers: [process.env.KAFKA_BROKER] }).consumer({ groupId: 'booking' });

async function start(producer) {
  await consumer.subscribe({ topic: 'payment.succeeded' });
  await consumer.run({
    eachMessage: withDLQ(producer, 'booking.dlq', async ({ message }) => {
      const booking = JSON.parse(message.value.toString());
      await inventoryClient.confirmSeats(booking.scheduleId, booking.seatIds, booking.id);
    }),
  });
}

module.exports = { start };
`;

const SEATS_DLQ = `exports.withDLQ = (producer, topic, handler) => async (payload) => {
  try {
    await handler(payload);
  } catch (error) {
    await producer.send({ topic, messages: [{ value: payload.message.value }] });
  }
};
`;

const SEATS_ROUTE = `const express = require('express');
const { inventoryClient } = require('../services/inventoryClient');

const router = express.Router();

router.post('/bookings/:id/confirm', async (req, res) => {
  res.json(await inventoryClient.confirmSeats(req.body.scheduleId, req.body.seatIds, req.params.id));
});

module.exports = router;
`;

const SEATS_REPORTED = {
  at: 'client.post',
  request: 'POST /seats/confirm',
  service: 'inventory',
  evidence: ['service "inventory"', 'path "/seats/confirm"'],
  suggest: rewrite({
    replaced: "client.post('/seats/confirm', { scheduleId, seatIds, bookingId })",
    topic: 'inventory.seats.confirm.requested',
    payload: '{ scheduleId, seatIds, bookingId }',
    responseUsed: true,
  }),
};

const SEATS_PACKAGE = { name: 'booking-service', private: true, type: 'commonjs', dependencies: { axios: '^1.7.9', kafkajs: '^2.2.4', express: '^4.21.0' } };

/** The seats client's project: the linted client module and the modules that use it. */
function seatsProject(files: Readonly<Record<string, string>>): string {
  return project({ 'src/kafka/dlq.js': SEATS_DLQ, ...files }, 'src/services/inventoryClient.js', SEATS_CLIENT, SEATS_PACKAGE);
}

describe('methods of an exported object literal, called from a consumer', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(SEATS_CLIENT, {
        filename: seatsProject({ 'src/kafka/consumer.js': SEATS_CONSUMER }),
        sourceType: 'commonjs',
        name: 'called only from a kafkajs handler that a dead-letter helper wraps where it is registered',
      }),
    ],
    invalid: [
      js.invalid(SEATS_CLIENT, SEATS_REPORTED, {
        filename: seatsProject({ 'src/kafka/consumer.js': SEATS_CONSUMER, 'src/routes/bookings.js': SEATS_ROUTE }),
        sourceType: 'commonjs',
        name: 'also called from an HTTP route',
      }),
      js.invalid(SEATS_CLIENT, SEATS_REPORTED, {
        filename: seatsProject({
          'src/kafka/consumer.js': SEATS_CONSUMER,
          'src/services/saga.js': "const { inventoryClient } = require('./inventoryClient');\n\nmodule.exports = { run: (steps) => steps.map((step) => step(inventoryClient)) };\n",
        }),
        sourceType: 'commonjs',
        name: 'the object handed on whole: a call could hide where it goes',
      }),
      js.invalid(SEATS_CLIENT, SEATS_REPORTED, {
        filename: seatsProject({
          'src/kafka/consumer.js': SEATS_CONSUMER.replace("eachMessage: withDLQ(producer, 'booking.dlq', async", 'eachMessage: async').replace('    }),\n  });', '    },\n  });'),
          'src/jobs/confirm.js': "const { inventoryClient } = require('../services/inventoryClient');\n\nmodule.exports = async function confirmAll(bookings) {\n  for (const booking of bookings) await inventoryClient.confirmSeats(booking.scheduleId, booking.seatIds, booking.id);\n};\n",
        }),
        sourceType: 'commonjs',
        name: 'also called from a job run by something out of sight',
      }),
    ],
  });
});
