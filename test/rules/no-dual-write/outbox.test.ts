/**
 * What makes a write and a publish safe together, and what does not: the outbox insert in
 * the same transaction, outbox relays, transactional enqueue (pg-boss `{ db }`, graphile-worker
 * `add_job`), message-consumer handlers. A publish inside a transaction callback is still a dual
 * write; the suggestion then replaces it with an outbox insert on the same transaction handle,
 * awaited (or returned) so that it runs inside the transaction, and none when the callback is not
 * async and so could not await it.
 */
import { describe } from 'vitest';
import { js, jsTester, publishesTo, replaceOnce, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const KAFKA = publishesTo('Kafka');

const PRISMA_AND_PRODUCER = `import { PrismaClient } from '@prisma/client';
import { Kafka } from 'kafkajs';

const prisma = new PrismaClient();
const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();
`;

const PRISMA_TX_PUBLISH = `${PRISMA_AND_PRODUCER}
export async function placeOrder(input) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] });
    return order;
  });
}
`;

const PRISMA_TX_HTTP = `import { PrismaClient } from '@prisma/client';
import axios from 'axios';

const prisma = new PrismaClient();

export async function placeOrder(input) {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
  });
}
`;

const SEQUELIZE_TX_QUEUE = `import { Model, Sequelize } from 'sequelize';
import { Queue } from 'bullmq';

const sequelize = new Sequelize(process.env.DATABASE_URL);
const receipts = new Queue('receipts');

class Order extends Model {}

export async function placeOrder(input) {
  await sequelize.transaction(async (t) => {
    const order = await Order.create(input, { transaction: t });
    await receipts.add('send-receipt', { orderId: order.id });
  });
}
`;

const DRIZZLE_TX_QUEUE = `import { drizzle } from 'drizzle-orm/node-postgres';
import { Queue } from 'bullmq';
import { orders } from './schema.js';

const db = drizzle(process.env.DATABASE_URL);
const receipts = new Queue('receipts');

export async function payOrder(id) {
  await db.transaction(async (tx) => {
    await tx.update(orders).set({ status: 'paid' }).where(eq(orders.id, id));
    await receipts.add('send-receipt', { orderId: id });
  });
}
`;

const KYSELY_TX_QUEUE = `import { Kysely } from 'kysely';
import { Queue } from 'bullmq';

const db = new Kysely({ dialect });
const receipts = new Queue('receipts');

export async function placeOrder(order) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values(order).execute();
    await receipts.add('send-receipt', order);
  });
}
`;

const RELAY_BY_NAME = `${PRISMA_AND_PRODUCER}
export async function drainEvents() {
  const pending = await prisma.event.findMany({ where: { sentAt: null }, take: 100 });
  for (const event of pending) {
    await producer.send({ topic: event.topic, messages: [{ key: event.id, value: JSON.stringify(event.payload) }] });
    await prisma.event.update({ where: { id: event.id }, data: { sentAt: new Date() } });
  }
}
`;

const DUAL_WRITE_IN_TEST = `${PRISMA_AND_PRODUCER}
export async function seedOrder(input) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`;

/** Suggestion outputs: each is also a valid case, so applying a suggestion leaves nothing to report. */
const PRISMA_TX_OUTBOX = replaceOnce(
  PRISMA_TX_PUBLISH,
  "producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] })",
  "tx.outboxEvent.create({ data: { topic: 'order.created', payload: order } })",
);

const PRISMA_TX_OUTBOX_MESSAGE = replaceOnce(
  PRISMA_TX_PUBLISH,
  "producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] })",
  "tx.outboxMessage.create({ data: { topic: 'order.created', payload: order } })",
);

const PRISMA_TX_HTTP_OUTBOX = replaceOnce(
  PRISMA_TX_HTTP,
  'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: order.id, amount: order.total })',
  "tx.outboxEvent.create({ data: { topic: 'payments.created', payload: { orderId: order.id, amount: order.total } } })",
);

const SEQUELIZE_TX_OUTBOX = replaceOnce(
  SEQUELIZE_TX_QUEUE,
  "receipts.add('send-receipt', { orderId: order.id })",
  "OutboxMessage.create({ topic: 'send-receipt', payload: { orderId: order.id } }, { transaction: t })",
);

const DRIZZLE_TX_OUTBOX = replaceOnce(
  DRIZZLE_TX_QUEUE,
  "receipts.add('send-receipt', { orderId: id })",
  "tx.insert(outboxEvent).values({ topic: 'send-receipt', payload: { orderId: id } })",
);

const KYSELY_TX_CUSTOM_OUTBOX = replaceOnce(
  KYSELY_TX_QUEUE,
  "receipts.add('send-receipt', order)",
  "trx.insertInto('messaging.outbox_events').values({ topic: 'send-receipt', payload: JSON.stringify(order) }).execute()",
);

const KYSELY_TX_OUTBOX = replaceOnce(
  KYSELY_TX_QUEUE,
  "receipts.add('send-receipt', order)",
  "trx.insertInto('outbox').values({ topic: 'send-receipt', payload: JSON.stringify(order) }).execute()",
);

const AMQP_TX_PUBLISH = `import { PrismaClient } from '@prisma/client';
import amqp from 'amqplib';

const prisma = new PrismaClient();
const channel = await (await amqp.connect(process.env.AMQP_URL)).createChannel();

export async function placeOrder(input) {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    channel.publish('shop', 'order.created', Buffer.from(JSON.stringify(order)));
  });
}
`;

const BULL_TX_RETURNED = `import { PrismaClient } from '@prisma/client';
import { Queue } from 'bullmq';

const prisma = new PrismaClient();
const receipts = new Queue('receipts');

export async function placeOrder(input) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    return receipts.add('send-receipt', { orderId: order.id });
  });
}
`;

const TYPEORM_TX_QUEUE = `import { DataSource } from 'typeorm';
import { Queue } from 'bullmq';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
const queue = new Queue('orders');

export async function placeOrder(order) {
  await dataSource.transaction(async (manager) => {
    await manager.save(order);
    await queue.add('order.created', { id: order.id });
  });
}
`;

const TYPEORM_TX_ISOLATION = `import { DataSource } from 'typeorm';
import { Queue } from 'bullmq';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
const queue = new Queue('orders');

export async function payOrder(id) {
  await dataSource.transaction('SERIALIZABLE', async (em) => {
    await em.getRepository('Order').update(id, { status: 'paid' });
    await queue.add('order.paid', { id });
  });
}
`;

const KNEX_TX_PUBLISH = `import knex from 'knex';
import { Kafka } from 'kafkajs';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function placeOrder(order) {
  await db.transaction(async (trx) => {
    await trx('orders').insert(order);
    await producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] });
  });
}
`;

const KNEX_CJS_TX_QUEUE = `const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
const { Queue } = require('bullmq');

const receipts = new Queue('receipts');

exports.payOrder = async function payOrder(id) {
  await knex.transaction(async (trx) => {
    await trx('orders').where({ id }).update({ status: 'paid' });
    await receipts.add('send-receipt', { orderId: id });
  });
};
`;

const SEQUELIZE_INSTANCE_TX_QUEUE = `import { Model, Sequelize } from 'sequelize';
import { Queue } from 'bullmq';

const sequelize = new Sequelize(process.env.DATABASE_URL);
const receipts = new Queue('receipts');

class Order extends Model {}

export async function payOrder(id) {
  await sequelize.transaction(async (t) => {
    const order = await Order.findByPk(id, { transaction: t });
    order.status = 'paid';
    await order.save({ transaction: t });
    await receipts.add('send-receipt', { orderId: order.id });
  });
}
`;

const AMQP_TX_OUTBOX = replaceOnce(
  AMQP_TX_PUBLISH,
  "channel.publish('shop', 'order.created', Buffer.from(JSON.stringify(order)))",
  "await tx.outboxEvent.create({ data: { topic: 'order.created', payload: order } })",
);

const BULL_TX_RETURNED_OUTBOX = replaceOnce(
  BULL_TX_RETURNED,
  "receipts.add('send-receipt', { orderId: order.id })",
  "tx.outboxEvent.create({ data: { topic: 'send-receipt', payload: { orderId: order.id } } })",
);

const TYPEORM_TX_OUTBOX = replaceOnce(
  TYPEORM_TX_QUEUE,
  "queue.add('order.created', { id: order.id })",
  "manager.save(OutboxEvent, { topic: 'order.created', payload: { id: order.id } })",
);

const TYPEORM_TX_ISOLATION_OUTBOX = replaceOnce(
  TYPEORM_TX_ISOLATION,
  "queue.add('order.paid', { id })",
  "em.save(OutboxMessage, { topic: 'order.paid', payload: { id } })",
);

const KNEX_TX_OUTBOX = replaceOnce(
  KNEX_TX_PUBLISH,
  "producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] })",
  "trx('outbox').insert({ topic: 'order.created', payload: JSON.stringify(order) })",
);

const KNEX_CJS_TX_CUSTOM_OUTBOX = replaceOnce(
  KNEX_CJS_TX_QUEUE,
  "receipts.add('send-receipt', { orderId: id })",
  "trx('messaging.outbox_events').insert({ topic: 'send-receipt', payload: JSON.stringify({ orderId: id }) })",
);

const SEQUELIZE_INSTANCE_TX_OUTBOX = replaceOnce(
  SEQUELIZE_INSTANCE_TX_QUEUE,
  "receipts.add('send-receipt', { orderId: order.id })",
  "OutboxEvent.create({ topic: 'send-receipt', payload: { orderId: order.id } }, { transaction: t })",
);

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(PRISMA_TX_HTTP, {
        name: 'a cross-service POST inside a Prisma $transaction: one warning per call, from no-sync-critical-write, which names the transaction',
      }),
      js.valid(
        `${PRISMA_AND_PRODUCER}
export async function placeOrder(input) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await tx.outboxEvent.create({ data: { topic: 'order.created', payload: order } });
    return order;
  });
}
`,
        { name: 'Prisma: outbox insert in the same interactive $transaction' },
      ),
      js.valid(
        `${PRISMA_AND_PRODUCER}
export async function placeOrder(input, event) {
  await prisma.$transaction([
    prisma.order.create({ data: input }),
    prisma.outboxEvent.create({ data: { topic: 'order.created', payload: event } }),
  ]);
}

export async function markPaid(orderId) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { status: 'paid' } });
    await tx.$executeRaw\`INSERT INTO outbox_events (topic, payload) VALUES ('order.paid', \${orderId})\`;
  });
}
`,
        { name: 'Prisma: sequential $transaction array and a raw INSERT INTO outbox_events' },
      ),
      js.valid(
        `import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

export async function placeOrder(order, OutboxMessage) {
  await dataSource.transaction(async (manager) => {
    await manager.save(order);
    await manager.save(OutboxMessage, { topic: 'order.created', payload: order });
    await manager.getRepository('OutboxMessage').insert({ topic: 'order.audited', payload: order.id });
  });
}
`,
        { name: 'TypeORM: manager.save(OutboxMessage, …) and an outbox repository in the same transaction' },
      ),
      js.valid(
        `import { Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL);

class Order extends Model {}
class OutboxEvent extends Model {}

export async function placeOrder(input) {
  await sequelize.transaction(async (t) => {
    const order = await Order.create(input, { transaction: t });
    await OutboxEvent.create({ topic: 'order.created', payload: order.toJSON() }, { transaction: t });
  });
}
`,
        { name: 'Sequelize: outbox model create with { transaction: t }' },
      ),
      js.valid(
        `import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));
const OutboxEvent = mongoose.model('OutboxEvent', new mongoose.Schema({ topic: String, payload: Object }));

export async function placeOrder(input) {
  await mongoose.connection.transaction(async (session) => {
    const [order] = await Order.create([input], { session });
    await OutboxEvent.create([{ topic: 'order.created', payload: order.toObject() }], { session });
  });
}
`,
        { name: 'Mongoose: outbox document created in the same session transaction' },
      ),
      js.valid(
        `import { drizzle } from 'drizzle-orm/node-postgres';
import { Kysely } from 'kysely';
import { orders, outboxEvents } from './schema.js';

const db = drizzle(process.env.DATABASE_URL);
const kysely = new Kysely({ dialect });

export async function placeOrder(order) {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values(order);
    await tx.insert(outboxEvents).values({ topic: 'order.created', payload: order });
  });
}

export async function payOrder(order) {
  await kysely.transaction().execute(async (trx) => {
    await trx.updateTable('orders').set({ status: 'paid' }).where('id', '=', order.id).execute();
    await trx.insertInto('outbox').values({ topic: 'order.paid', payload: JSON.stringify(order) }).execute();
  });
}
`,
        { name: 'Drizzle and Kysely: outbox insert on the transaction handle' },
      ),
      js.valid(
        `import { Pool } from 'pg';

const pool = new Pool();

export async function placeOrder(order) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO orders (id, total) VALUES ($1, $2)', [order.id, order.total]);
    await client.query('INSERT INTO outbox (topic, payload) VALUES ($1, $2)', ['order.created', JSON.stringify(order)]);
    await client.query("SELECT graphile_worker.add_job('send-receipt', json_build_object('orderId', $1::text))", [order.id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
`,
        { name: 'pg: BEGIN … INSERT INTO outbox … graphile_worker.add_job … COMMIT on one client' },
      ),
      js.valid(
        `import { PrismaClient } from '@prisma/client';
import PgBoss from 'pg-boss';

const prisma = new PrismaClient();
const boss = new PgBoss(process.env.DATABASE_URL);

export async function placeOrder(input) {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await boss.send('order-created', { orderId: order.id }, { db: fromPrisma(tx) });
  });
}
`,
        { name: 'pg-boss send(…, { db }) on the caller’s transaction is a transactional enqueue' },
      ),
      js.valid(
        `${PRISMA_AND_PRODUCER}
export async function relayOutbox() {
  const pending = await prisma.outboxEvent.findMany({ where: { sentAt: null }, orderBy: { createdAt: 'asc' }, take: 100 });
  for (const event of pending) {
    await producer.send({ topic: event.topic, messages: [{ key: event.id, value: JSON.stringify(event.payload) }] });
    await prisma.outboxEvent.update({ where: { id: event.id }, data: { sentAt: new Date() } });
  }
}
`,
        { name: 'outbox relay: read pending rows, publish, mark them sent' },
      ),
      js.valid(
        `import { DataSource } from 'typeorm';
import { Queue } from 'bullmq';

const dataSource = new DataSource({ type: 'postgres' });
const jobs = new Queue('fulfilment');

export async function forwardPending(OutboxMessage) {
  const messages = dataSource.getRepository(OutboxMessage);
  for (const message of await messages.find({ where: { processedAt: null } })) {
    await jobs.add(message.eventType, message.payload, { jobId: message.id });
    await messages.update(message.id, { processedAt: new Date() });
  }
}
`,
        { name: 'a relay not named like one: its only writes go to the outbox table' },
      ),
      js.valid(RELAY_BY_NAME, {
        name: 'outboxRelayPattern: functions matching the configured pattern are relays',
        options: { outboxRelayPattern: '^drain' },
      }),
      js.valid(
        `${PRISMA_AND_PRODUCER}
const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'orders' });

await consumer.run({
  eachMessage: async ({ message }) => {
    const input = JSON.parse(message.value.toString());
    const order = await prisma.order.create({ data: input });
    await producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] });
  },
});

export function subscribe() {
  return consumer.run({
    async eachBatch({ batch }) {
      for (const message of batch.messages) {
        await prisma.order.update({ where: { id: message.key.toString() }, data: { status: 'seen' } });
        await producer.send({ topic: 'order.seen', messages: [{ value: message.key }] });
      }
    },
  });
}
`,
        { name: 'consumer handlers: kafkajs eachMessage and eachBatch' },
      ),
      js.valid(
        `import { PrismaClient } from '@prisma/client';
import { Queue, Worker } from 'bullmq';
import amqp from 'amqplib';
import PgBoss from 'pg-boss';

const prisma = new PrismaClient();
const receipts = new Queue('receipts');
const channel = await (await amqp.connect(process.env.AMQP_URL)).createChannel();
const boss = new PgBoss(process.env.DATABASE_URL);

export const worker = new Worker('orders', async (job) => {
  const order = await prisma.order.create({ data: job.data });
  await receipts.add('send-receipt', { orderId: order.id });
});

export async function start() {
  await channel.consume('payments', async (message) => {
    const payment = await prisma.payment.create({ data: JSON.parse(message.content.toString()) });
    channel.sendToQueue('ledger', Buffer.from(JSON.stringify(payment)));
    channel.ack(message);
  });
  await boss.work('refunds', async ([job]) => {
    await prisma.refund.create({ data: job.data });
    await receipts.add('send-refund-receipt', job.data);
  });
}
`,
        { name: 'consumer handlers: bullmq Worker processor, amqplib consume, pg-boss work' },
      ),
      js.valid(DUAL_WRITE_IN_TEST, { name: 'test files are skipped by default', filename: 'src/orders/__tests__/seed.js' }),
      js.valid(DUAL_WRITE_IN_TEST, { name: 'spec files are skipped by default', filename: 'src/orders/seed.spec.js' }),
      js.valid(PRISMA_TX_OUTBOX, { name: 'after the suggestion: Prisma outbox insert on tx' }),
      js.valid(PRISMA_TX_OUTBOX_MESSAGE, { name: 'after the suggestion: configured Prisma outbox model', options: { outboxModel: 'outboxMessage' } }),
      js.valid(PRISMA_TX_HTTP_OUTBOX, { name: 'after the suggestion: the request body in the outbox' }),
      js.valid(SEQUELIZE_TX_OUTBOX, { name: 'after the suggestion: Sequelize outbox model', options: { outboxEntity: 'OutboxMessage' } }),
      js.valid(DRIZZLE_TX_OUTBOX, { name: 'after the suggestion: Drizzle outbox table' }),
      js.valid(KYSELY_TX_CUSTOM_OUTBOX, { name: 'after the suggestion: configured Kysely outbox table', options: { outboxTable: 'messaging.outbox_events' } }),
      js.valid(KYSELY_TX_OUTBOX, { name: 'after the suggestion: Kysely outbox table' }),
      js.valid(
        `import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function placeOrder(order) {
  await db.transaction(async (trx) => {
    await trx('orders').insert(order);
    await trx('outbox').insert({ topic: 'order.created', payload: JSON.stringify(order) });
  });
}
`,
        { name: 'Knex: outbox insert on the transaction handle' },
      ),
      js.valid(AMQP_TX_OUTBOX, { name: 'after the suggestion: the un-awaited amqplib publish became an awaited outbox insert' }),
      js.valid(BULL_TX_RETURNED_OUTBOX, { name: 'after the suggestion: a returned outbox insert' }),
      js.valid(TYPEORM_TX_OUTBOX, { name: 'after the suggestion: TypeORM manager.save(<outboxEntity>, …)' }),
      js.valid(TYPEORM_TX_ISOLATION_OUTBOX, {
        name: 'after the suggestion: TypeORM configured outbox entity',
        options: { outboxEntity: 'OutboxMessage' },
      }),
      js.valid(KNEX_TX_OUTBOX, { name: 'after the suggestion: Knex outbox table' }),
      js.valid(KNEX_CJS_TX_CUSTOM_OUTBOX, {
        name: 'after the suggestion: configured Knex outbox table (CommonJS)',
        options: { outboxTable: 'messaging.outbox_events' },
        sourceType: 'commonjs',
      }),
      js.valid(SEQUELIZE_INSTANCE_TX_OUTBOX, { name: 'after the suggestion: Sequelize outbox model beside an instance save' }),
    ],
    invalid: [
      js.invalid(
        PRISMA_TX_PUBLISH,
        {
          at: 'producer.send',
          action: KAFKA,
          write: 'tx.order.create',
          suggestions: [
            {
              topic: 'order.created',
              handle: 'tx',
              output: PRISMA_TX_OUTBOX,
            },
          ],
        },
        { name: 'Prisma: a publish inside $transaction is still a dual write; suggest tx.outboxEvent.create' },
      ),
      js.invalid(
        PRISMA_TX_PUBLISH,
        {
          at: 'producer.send',
          action: KAFKA,
          write: 'tx.order.create',
          suggestions: [
            {
              topic: 'order.created',
              handle: 'tx',
              output: PRISMA_TX_OUTBOX_MESSAGE,
            },
          ],
        },
        { name: 'outboxModel: the configured Prisma model is used in the suggestion', options: { outboxModel: 'outboxMessage' } },
      ),
      js.invalid(
        `${PRISMA_AND_PRODUCER}
export async function placeOrder(input) {
  const order = await prisma.$transaction(async (tx) => {
    const created = await tx.order.create({ data: input });
    await tx.outboxEvent.create({ data: { topic: 'order.created', payload: created } });
    return created;
  });
  await producer.send({ topic: 'order.confirmed', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'tx.order.create', suggestions: [] },
        { name: 'a publish after the outbox transaction committed is outside it: no handle to suggest' },
      ),
      js.invalid(
        `${PRISMA_AND_PRODUCER}
import { Queue } from 'bullmq';

const fallback = new Queue('order-events');

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  try {
    await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
  } catch (error) {
    await fallback.add('order.created', order);
  }
}
`,
        [
          { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
          { at: 'fallback.add', action: publishesTo('BullMQ'), write: 'prisma.order.create', suggestions: [] },
        ],
        { name: 'a queue fallback in catch does not make the write and the publish atomic' },
      ),
      js.invalid(
        SEQUELIZE_TX_QUEUE,
        {
          at: 'receipts.add',
          action: publishesTo('BullMQ'),
          write: 'Order.create',
          suggestions: [
            {
              topic: 'send-receipt',
              handle: 't',
              output: SEQUELIZE_TX_OUTBOX,
            },
          ],
        },
        { name: 'outboxEntity: Sequelize managed transaction, outbox model passed { transaction: t }', options: { outboxEntity: 'OutboxMessage' } },
      ),
      js.invalid(
        DRIZZLE_TX_QUEUE,
        {
          at: 'receipts.add',
          action: publishesTo('BullMQ'),
          write: 'tx.update',
          suggestions: [
            {
              topic: 'send-receipt',
              handle: 'tx',
              output: DRIZZLE_TX_OUTBOX,
            },
          ],
        },
        { name: 'Drizzle transaction: suggest tx.insert(<outboxModel>).values(…)' },
      ),
      js.invalid(
        KYSELY_TX_QUEUE,
        {
          at: 'receipts.add',
          action: publishesTo('BullMQ'),
          write: 'trx.insertInto',
          suggestions: [
            {
              topic: 'send-receipt',
              handle: 'trx',
              output: KYSELY_TX_CUSTOM_OUTBOX,
            },
          ],
        },
        { name: 'outboxTable: Kysely transaction, the configured table in the suggestion', options: { outboxTable: 'messaging.outbox_events' } },
      ),
      js.invalid(
        KYSELY_TX_QUEUE,
        {
          at: 'receipts.add',
          action: publishesTo('BullMQ'),
          write: 'trx.insertInto',
          suggestions: [
            {
              topic: 'send-receipt',
              handle: 'trx',
              output: KYSELY_TX_OUTBOX,
            },
          ],
        },
        { name: 'Kysely transaction with the default outbox table' },
      ),
      js.invalid(
        RELAY_BY_NAME,
        { at: 'producer.send', action: KAFKA, write: 'prisma.event.update', suggestions: [] },
        { name: 'outboxRelayPattern: by default, a function named neither outbox nor relay that writes a business table is checked' },
      ),
      js.invalid(
        DUAL_WRITE_IN_TEST,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
        { name: 'checkTestFiles: test files are checked when asked', filename: 'src/orders/seed.test.js', options: { checkTestFiles: true } },
      ),
      js.invalid(
        AMQP_TX_PUBLISH,
        {
          at: 'channel.publish',
          action: publishesTo('RabbitMQ'),
          write: 'tx.order.create',
          suggestions: [{ topic: 'order.created', handle: 'tx', output: AMQP_TX_OUTBOX }],
        },
        { name: 'an un-awaited amqplib publish in an async $transaction callback: the outbox insert is awaited so it runs in the transaction' },
      ),
      js.invalid(
        BULL_TX_RETURNED,
        {
          at: 'receipts.add',
          action: publishesTo('BullMQ'),
          write: 'tx.order.create',
          suggestions: [{ topic: 'send-receipt', handle: 'tx', output: BULL_TX_RETURNED_OUTBOX }],
        },
        { name: 'a publish returned from the $transaction callback: the outbox insert is returned, not awaited again' },
      ),
      js.invalid(
        `import { PrismaClient } from '@prisma/client';
import amqp from 'amqplib';

const prisma = new PrismaClient();
const channel = await (await amqp.connect(process.env.AMQP_URL)).createChannel();

export function placeOrder(input) {
  return prisma.$transaction((tx) => {
    const created = tx.order.create({ data: input });
    channel.sendToQueue('orders', Buffer.from(JSON.stringify(input)));
    return created;
  });
}
`,
        { at: 'channel.sendToQueue', action: publishesTo('RabbitMQ'), write: 'tx.order.create', suggestions: [] },
        { name: 'a $transaction callback that is not async: no suggestion, the outbox insert could not be awaited there' },
      ),
      js.invalid(
        TYPEORM_TX_QUEUE,
        {
          at: 'queue.add',
          action: publishesTo('BullMQ'),
          write: 'manager.save',
          suggestions: [{ topic: 'order.created', handle: 'manager', output: TYPEORM_TX_OUTBOX }],
        },
        { name: 'TypeORM dataSource.transaction: suggest manager.save(<outboxEntity>, …)' },
      ),
      js.invalid(
        TYPEORM_TX_ISOLATION,
        {
          at: 'queue.add',
          action: publishesTo('BullMQ'),
          write: "em.getRepository('Order').update",
          suggestions: [{ topic: 'order.paid', handle: 'em', output: TYPEORM_TX_ISOLATION_OUTBOX }],
        },
        {
          name: 'outboxEntity: TypeORM transaction with an isolation level, repository write, configured outbox entity',
          options: { outboxEntity: 'OutboxMessage' },
        },
      ),
      js.invalid(
        KNEX_TX_PUBLISH,
        {
          at: 'producer.send',
          action: KAFKA,
          write: "trx('orders').insert",
          suggestions: [{ topic: 'order.created', handle: 'trx', output: KNEX_TX_OUTBOX }],
        },
        { name: "Knex db.transaction: suggest trx('outbox').insert(…)" },
      ),
      js.invalid(
        KNEX_CJS_TX_QUEUE,
        {
          at: 'receipts.add',
          action: publishesTo('BullMQ'),
          write: "trx('orders').where({ id }).update",
          writeAt: "trx('orders')",
          suggestions: [{ topic: 'send-receipt', handle: 'trx', output: KNEX_CJS_TX_CUSTOM_OUTBOX }],
        },
        {
          name: 'outboxTable: Knex transaction from CommonJS require, the configured table in the suggestion',
          options: { outboxTable: 'messaging.outbox_events' },
          sourceType: 'commonjs',
        },
      ),
      js.invalid(
        SEQUELIZE_INSTANCE_TX_QUEUE,
        {
          at: 'receipts.add',
          action: publishesTo('BullMQ'),
          write: 'order.save',
          suggestions: [{ topic: 'send-receipt', handle: 't', output: SEQUELIZE_INSTANCE_TX_OUTBOX }],
        },
        { name: 'Sequelize instance save in a managed transaction: suggest the outbox model with { transaction: t }' },
      ),
    ],
  });
});

const NEST_PRISMA_TX = `
import { Injectable } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { PrismaService } from './prisma.service';

@Injectable()
export class OrdersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly producer: Producer,
  ) {}

  async place(input: { customerId: string; total: number }) {
    return this.prisma.$transaction(async (tx) => {
      const order = await tx.order.create({ data: input });
      await this.producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] });
      return order;
    });
  }
}
`;

const MIKRO_TX = `
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import type { Order } from './order.entity';

export class OrderWorkflow {
  constructor(
    private readonly em: EntityManager,
    private readonly queue: Queue,
  ) {}

  async place(order: Order): Promise<void> {
    await this.em.transactional(async (em) => {
      await em.persistAndFlush(order);
      await this.queue.add('order.created', { orderId: order.id });
    });
  }
}
`;

const NEST_PRISMA_TX_OUTBOX = replaceOnce(
  NEST_PRISMA_TX,
  "this.producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] })",
  "tx.outboxEvent.create({ data: { topic: 'order.created', payload: order } })",
);

const MIKRO_TX_OUTBOX = replaceOnce(
  MIKRO_TX,
  "this.queue.add('order.created', { orderId: order.id })",
  "em.insert(OrderOutbox, { topic: 'order.created', payload: { orderId: order.id } })",
);

const NEST_PRISMA_TX_EMIT = `
import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { PrismaService } from './prisma.service';

@Injectable()
export class OrdersService {
  constructor(
    private readonly prisma: PrismaService,
    @Inject('ORDERS_BUS') private readonly bus: ClientProxy,
  ) {}

  async place(input: { customerId: string; total: number }) {
    return this.prisma.$transaction(async (tx) => {
      const order = await tx.order.create({ data: input });
      this.bus.emit('order.created', order);
      return order;
    });
  }
}
`;

const NEST_TYPEORM_TX_SEND_TO_QUEUE = `
import { Injectable } from '@nestjs/common';
import type { Channel } from 'amqplib';
import { DataSource } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class CheckoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: Channel,
  ) {}

  async place(order: Order): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.save(order);
      this.channel.sendToQueue('order.created', Buffer.from(JSON.stringify(order)));
    });
  }
}
`;

const NEST_PRISMA_TX_EMIT_OUTBOX = replaceOnce(
  NEST_PRISMA_TX_EMIT,
  "this.bus.emit('order.created', order)",
  "await tx.outboxEvent.create({ data: { topic: 'order.created', payload: order } })",
);

const NEST_TYPEORM_TX_OUTBOX = replaceOnce(
  NEST_TYPEORM_TX_SEND_TO_QUEUE,
  "this.channel.sendToQueue('order.created', Buffer.from(JSON.stringify(order)))",
  "await manager.save(OutboxEvent, { topic: 'order.created', payload: order })",
);

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Order } from './order.entity';
import { OutboxMessage } from './outbox-message.entity';

@Injectable()
export class CheckoutService {
  constructor(private readonly dataSource: DataSource) {}

  async placeOrder(input: Partial<Order>): Promise<Order> {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.save(Order, manager.create(Order, input));
      await manager.save(OutboxMessage, manager.create(OutboxMessage, { eventType: 'order.created', payload: { orderId: order.id } }));
      return order;
    });
  }
}
`,
        { name: 'TypeORM: injected DataSource, outbox entity saved in the same transaction' },
      ),
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import type { Prisma } from '@prisma/client';
import { PrismaService } from './prisma.service';

@Injectable()
export class OrdersService {
  constructor(private readonly prisma: PrismaService) {}

  async place(input: Prisma.OrderCreateInput) {
    return this.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
      const order = await tx.order.create({ data: input });
      await tx.outboxEvent.create({ data: { topic: 'order.created', payload: { orderId: order.id } } });
      return order;
    });
  }
}
`,
        { name: 'Prisma: typed transaction client with the outbox insert' },
      ),
      ts.valid(
        `
import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import type { Producer } from 'kafkajs';
import { Repository } from 'typeorm';
import { Payment } from './payment.entity';

@Controller()
export class OrderEventsController {
  constructor(
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    private readonly producer: Producer,
  ) {}

  @EventPattern('order.created')
  async onOrderCreated(@Payload() event: { orderId: string; total: number }) {
    const payment = await this.payments.save(this.payments.create({ orderId: event.orderId, amount: event.total }));
    await this.producer.send({ topic: 'payment.authorized', messages: [{ value: JSON.stringify(payment) }] });
  }

  @MessagePattern('payment.capture')
  async capture(@Payload() event: { paymentId: string }) {
    await this.payments.update(event.paymentId, { status: 'captured' });
    await this.producer.send({ topic: 'payment.captured', messages: [{ value: event.paymentId }] });
    return { ok: true };
  }
}
`,
        { name: 'consumer handlers: NestJS @EventPattern and @MessagePattern' },
      ),
      ts.valid(
        `
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import { Repository } from 'typeorm';
import { Shipment } from './shipment.entity';

@Processor('shipments')
export class ShipmentsProcessor extends WorkerHost {
  constructor(
    @InjectRepository(Shipment) private readonly shipments: Repository<Shipment>,
    @InjectQueue('notifications') private readonly notifications: Queue,
  ) {
    super();
  }

  async process(job: Job<{ orderId: string }>): Promise<void> {
    const shipment = await this.shipments.save(this.shipments.create({ orderId: job.data.orderId }));
    await this.notifications.add('shipment.created', { shipmentId: shipment.id });
  }
}
`,
        { name: 'consumer handlers: NestJS bullmq @Processor class extending WorkerHost' },
      ),
      ts.valid(
        `
import type { SQSEvent } from 'aws-lambda';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const sns = new SNSClient({});

export async function handler(event: SQSEvent): Promise<void> {
  for (const record of event.Records) {
    const order = await prisma.order.create({ data: JSON.parse(record.body) });
    await sns.send(new PublishCommand({ TopicArn: process.env.ORDERS_TOPIC_ARN, Message: JSON.stringify(order) }));
  }
}
`,
        { name: 'consumer handlers: a Lambda handler for an SQSEvent' },
      ),
      ts.valid(
        `
import type { Producer } from 'kafkajs';
import type { Repository } from 'typeorm';
import type { DomainEvent } from './domain-event.entity';
import type { Order } from './order.entity';

export class OutboxPublisher {
  constructor(
    private readonly orders: Repository<Order>,
    private readonly events: Repository<DomainEvent>,
    private readonly producer: Producer,
  ) {}

  async publishPending(): Promise<void> {
    for (const event of await this.events.find({ where: { publishedAt: undefined } })) {
      await this.producer.send({ topic: event.type, messages: [{ key: event.aggregateId, value: JSON.stringify(event.payload) }] });
      await this.orders.update(event.aggregateId, { lastEventAt: new Date() });
    }
  }
}
`,
        { name: 'a class named like an outbox relay is a relay' },
      ),
      ts.valid(NEST_PRISMA_TX_OUTBOX, { name: 'after the suggestion: outbox insert on the NestJS Prisma transaction' }),
      ts.valid(MIKRO_TX_OUTBOX, { name: 'after the suggestion: MikroORM outbox entity', options: { outboxEntity: 'OrderOutbox' } }),
      ts.valid(
        `
import type { Prisma } from '@prisma/client';

export async function saveOrder(tx: Prisma.TransactionClient, input: Prisma.OrderCreateInput) {
  const order = await tx.order.create({ data: input });
  await tx.outboxEvent.create({ data: { topic: 'order.created', payload: { orderId: order.id } } });
  return order;
}
`,
        { name: 'Prisma.TransactionClient parameter: the helper writes the order and the outbox row on it' },
      ),
      ts.valid(NEST_PRISMA_TX_EMIT_OUTBOX, { name: 'after the suggestion: the fire-and-forget emit became an awaited outbox insert' }),
      ts.valid(NEST_TYPEORM_TX_OUTBOX, { name: 'after the suggestion: awaited TypeORM manager.save(<outboxEntity>, …)' }),
    ],
    invalid: [
      ts.invalid(
        NEST_PRISMA_TX,
        {
          at: 'this.producer.send',
          action: KAFKA,
          write: 'tx.order.create',
          suggestions: [
            {
              topic: 'order.created',
              handle: 'tx',
              output: NEST_PRISMA_TX_OUTBOX,
            },
          ],
        },
        { name: 'NestJS PrismaService $transaction with a publish inside: suggest the outbox model on tx' },
      ),
      ts.invalid(
        MIKRO_TX,
        {
          at: 'this.queue.add',
          action: publishesTo('BullMQ'),
          write: 'em.persistAndFlush',
          writeAt: 'em.persistAndFlush(order)',
          suggestions: [
            {
              topic: 'order.created',
              handle: 'em',
              output: MIKRO_TX_OUTBOX,
            },
          ],
        },
        { name: 'outboxEntity: MikroORM em.transactional, suggest em.insert(<outboxEntity>, …)', options: { outboxEntity: 'OrderOutbox' } },
      ),
      ts.invalid(
        NEST_PRISMA_TX_EMIT,
        {
          at: 'this.bus.emit',
          action: publishesTo('NestJS microservices'),
          write: 'tx.order.create',
          suggestions: [{ topic: 'order.created', handle: 'tx', output: NEST_PRISMA_TX_EMIT_OUTBOX }],
        },
        { name: 'fire-and-forget NestJS emit inside $transaction: the outbox insert is awaited' },
      ),
      ts.invalid(
        NEST_TYPEORM_TX_SEND_TO_QUEUE,
        {
          at: 'this.channel.sendToQueue',
          action: publishesTo('RabbitMQ'),
          write: 'manager.save',
          suggestions: [{ topic: 'order.created', handle: 'manager', output: NEST_TYPEORM_TX_OUTBOX }],
        },
        { name: 'un-awaited amqplib sendToQueue inside a TypeORM transaction: awaited manager.save(<outboxEntity>, …)' },
      ),
    ],
  });
});

describe('sweeps a scheduler runs', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `${PRISMA_AND_PRODUCER}
import cron from 'node-cron';

cron.schedule('0 * * * *', async () => {
  const scores = await prisma.score.findMany({ where: { published: false } });
  for (const score of scores) {
    await producer.send({ topic: 'credit.scored', messages: [{ value: JSON.stringify(score) }] });
    await prisma.score.update({ where: { id: score.id }, data: { published: true } });
  }
});
`,
        { name: 'a sweep that publishes its unpublished rows, then marks each published: a relay, the next run sends again what failed' },
      ),
    ],
    invalid: [
      js.invalid(
        `${PRISMA_AND_PRODUCER}
import cron from 'node-cron';

cron.schedule('* * * * *', async () => {
  const expired = await prisma.market.findMany({ where: { status: 'ACTIVE', closesAt: { lte: new Date() } } });
  await prisma.market.updateMany({ where: { id: { in: expired.map((market) => market.id) } }, data: { status: 'CLOSED' } });
  for (const market of expired) {
    await producer.send({ topic: 'market.closed', messages: [{ value: JSON.stringify({ marketId: market.id }) }] });
  }
});
`,
        [{ at: 'producer.send', action: KAFKA, write: 'prisma.market.updateMany', suggestions: [] }],
        { name: 'a sweep that marks its rows closed before it publishes: the next run does not read them again' },
      ),
    ],
  });
});
