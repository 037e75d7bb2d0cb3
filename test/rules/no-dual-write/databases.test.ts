/**
 * The database half of a dual write: writes recognised by origin for every ORM and driver in
 * the catalog (Prisma, TypeORM, Knex, Sequelize models and instances, Mongoose models and
 * documents, the MongoDB driver, Drizzle, Kysely, MikroORM, `pg`, `mysql2`), always paired here
 * with a plain publish outside any transaction. Reads never count, and neither do look-alikes
 * that do not come from a database library. Also which calls pair: one function body, an inline
 * callback (route handler, scheduled job) included, but never two calls that cannot run in the
 * same execution (two branches of one `if`/`switch`/conditional, or a branch that returns first).
 */
import { describe } from 'vitest';
import { js, jsTester, publishesTo, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const KAFKA = publishesTo('Kafka');

/** A kafkajs producer at module level, for the JS tier. */
const PRODUCER = `import { Kafka } from 'kafkajs';

const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();
`;

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function announceOrder(orderId) {
  const order = await prisma.order.findUnique({ where: { id: orderId }, include: { lines: true } });
  const openOrders = await prisma.order.count({ where: { customerId: order.customerId, status: 'open' } });
  await producer.send({ topic: 'order.announced', messages: [{ key: order.id, value: JSON.stringify({ order, openOrders }) }] });
}
`,
        { name: 'Prisma reads (findUnique, count) before a publish' },
      ),
      js.valid(
        `${PRODUCER}
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

export async function announceOrder(orderId) {
  const order = await dataSource.getRepository('Order').findOneBy({ id: orderId });
  const lines = await dataSource.manager.find('OrderLine', { where: { orderId } });
  await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify({ order, lines }) }] });
}
`,
        { name: 'TypeORM reads (findOneBy, manager.find) before a publish' },
      ),
      js.valid(
        `${PRODUCER}
import { Model } from 'sequelize';

class Order extends Model {}

export async function announceOrder(orderId) {
  const order = await Order.findByPk(orderId);
  const siblings = await Order.findAll({ where: { customerId: order.customerId } });
  await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify({ order, siblings }) }] });
}
`,
        { name: 'Sequelize reads (findByPk, findAll) before a publish' },
      ),
      js.valid(
        `${PRODUCER}
import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));

export async function announceOrder(orderId) {
  const order = await Order.findById(orderId).lean();
  const count = await Order.countDocuments({ status: 'open' });
  await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify({ order, count }) }] });
}
`,
        { name: 'Mongoose reads (findById, countDocuments) before a publish' },
      ),
      js.valid(
        `${PRODUCER}
import { drizzle } from 'drizzle-orm/node-postgres';
import { Kysely } from 'kysely';
import { orders } from './schema.js';

const db = drizzle(process.env.DATABASE_URL);
const kysely = new Kysely({ dialect });

export async function announceOrder(orderId) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const lines = await kysely.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).execute();
  await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify({ order, lines }) }] });
}
`,
        { name: 'Drizzle select and Kysely selectFrom read' },
      ),
      js.valid(
        `${PRODUCER}
import { Pool } from 'pg';
import mysql from 'mysql2/promise';

const pool = new Pool();
const reporting = mysql.createPool({ uri: process.env.REPORTING_DATABASE_URL });

export async function announceOrder(orderId) {
  const { rows: [order] } = await pool.query('SELECT * FROM orders WHERE id = $1', [orderId]);
  const [totals] = await reporting.query('select sum(total) as total from orders where customer_id = ?', [order.customer_id]);
  await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify({ order, totals }) }] });
}
`,
        { name: 'pg and mysql2 SELECT queries read' },
      ),
      js.valid(
        `${PRODUCER}
import { orderStore } from './stores.js';

const cache = new Map();
const repository = { save: async (order) => order };

export async function placeOrder(input) {
  const order = await orderStore.save(input);
  await repository.save(order);
  cache.set(order.id, order);
  cache.delete(input.draftId);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { name: 'save on an unknown store or a plain object, and Map set/delete, are not database writes' },
      ),
      js.valid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function saveOrder(input) {
  return prisma.order.create({ data: input });
}

export async function announceOrder(order) {
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { name: 'the write and the publish live in different functions' },
      ),
      js.valid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  function announce() {
    return producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
  }
  return { order, announce };
}
`,
        { name: 'a publish in a nested function declaration is that function’s own body' },
      ),
      js.valid(
        `${PRODUCER}
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function announceOrder(id) {
  const order = await db('orders').where({ id }).first();
  const lines = await db.select('*').from('order_lines').where({ order_id: id });
  const [{ open }] = await db('orders').where({ customer_id: order.customer_id, status: 'open' }).count('id as open');
  await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify({ order, lines, open }) }] });
}
`,
        { name: 'Knex reads (first, select … from, count)' },
      ),
      js.valid(
        `${PRODUCER}
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function forwardPending() {
  const rows = await db('outbox').whereNull('sent_at').orderBy('id').limit(100);
  for (const row of rows) {
    await producer.send({ topic: row.topic, messages: [{ key: String(row.id), value: row.payload }] });
    await db('outbox').where({ id: row.id }).update({ sent_at: db.fn.now() });
  }
}
`,
        { name: 'Knex: marking outbox rows sent is an outbox write, not a business write' },
      ),
      js.valid(
        `${PRODUCER}
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

export async function announceOrder(id) {
  const order = await dataSource.getRepository('Order').createQueryBuilder('order').where('order.id = :id', { id }).getOneOrFail();
  const lines = await dataSource.createQueryBuilder().select('line').from('order_lines', 'line').where('line.order_id = :id', { id }).getMany();
  await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify({ order, lines }) }] });
}
`,
        { name: 'TypeORM query builder reads (getOneOrFail, getMany)' },
      ),
      js.valid(
        `${PRODUCER}
import { Model } from 'sequelize';

class Order extends Model {}

export async function announceOrder(id) {
  const order = await Order.findByPk(id);
  await order.reload();
  order.set('announcedAt', new Date());
  await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify(order.toJSON()) }] });
}
`,
        { name: 'Sequelize instance reload, set and toJSON do not write' },
      ),
      js.valid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';
import express from 'express';

const prisma = new PrismaClient();
const app = express();

app.post('/orders', async (req, res) => {
  res.status(201).json(await prisma.order.create({ data: req.body }));
});

app.post('/orders/:id/announce', async (req, res) => {
  await producer.send({ topic: 'order.announced', messages: [{ key: req.params.id, value: JSON.stringify(req.body) }] });
  res.sendStatus(202);
});
`,
        { name: 'two inline route handlers are two functions: the write in one does not pair with the publish in the other' },
      ),
      js.valid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function placeOrder(input, dryRun) {
  if (dryRun) {
    await producer.send({ topic: 'order.preview', messages: [{ value: JSON.stringify(input) }] });
  } else {
    await prisma.order.create({ data: input });
  }
}

export async function routeOrder(input, mode) {
  if (mode === 'preview') {
    await producer.send({ topic: 'order.preview', messages: [{ value: JSON.stringify(input) }] });
  } else if (mode === 'draft') {
    await prisma.draft.create({ data: input });
  }
}
`,
        { name: 'the write and the publish in the two branches of one if (and of an else-if chain)' },
      ),
      js.valid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function placeOrder(input, preview) {
  if (preview) {
    await producer.send({ topic: 'order.preview', messages: [{ value: JSON.stringify(input) }] });
    return;
  }
  await prisma.order.create({ data: input });
}

export async function quoteOrder(input, preview) {
  if (preview) return producer.send({ topic: 'order.quoted', messages: [{ value: JSON.stringify(input) }] });
  return prisma.order.create({ data: input });
}

export async function importOrder(input, strict) {
  if (strict) {
    await prisma.rejectedOrder.create({ data: input });
    throw new Error('rejected');
  }
  await producer.send({ topic: 'order.imported', messages: [{ value: JSON.stringify(input) }] });
}
`,
        { name: 'a branch that ends in return or throw never runs with what follows the if' },
      ),
      js.valid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function placeOrder(input, dryRun) {
  await (dryRun
    ? producer.send({ topic: 'order.preview', messages: [{ value: JSON.stringify(input) }] })
    : prisma.order.create({ data: input }));
}

export async function handle(input, mode) {
  switch (mode) {
    case 'preview':
      await producer.send({ topic: 'order.preview', messages: [{ value: JSON.stringify(input) }] });
      break;
    case 'save':
      await prisma.order.create({ data: input });
      break;
    default:
      throw new Error(\`unknown mode \${mode}\`);
  }
}
`,
        { name: 'the two arms of a conditional expression, and two switch cases that both break' },
      ),
    ],
    invalid: [
      js.invalid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] });
  return order;
}
`,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
        { name: 'Prisma create then kafkajs send' },
      ),
      js.invalid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function closeDay(day) {
  await prisma.order.updateMany({ where: { day }, data: { closed: true } });
  await producer.send({ topic: 'day.closed', messages: [{ value: day }] });
}

export async function saveCustomer(customer) {
  await prisma.customer.upsert({ where: { id: customer.id }, create: customer, update: customer });
  await producer.send({ topic: 'customer.saved', messages: [{ value: customer.id }] });
}

export async function purgeCarts(before) {
  await prisma.cart.deleteMany({ where: { updatedAt: { lt: before } } });
  await producer.send({ topic: 'carts.purged', messages: [{ value: String(before) }] });
}

export async function importLines(lines) {
  await prisma.orderLine.createMany({ data: lines });
  await producer.send({ topic: 'lines.imported', messages: [{ value: String(lines.length) }] });
}

export async function removeOrder(id) {
  await prisma.order.delete({ where: { id } });
  await producer.send({ topic: 'order.removed', messages: [{ value: id }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'prisma.order.updateMany', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'prisma.customer.upsert', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'prisma.cart.deleteMany', suggestions: [] },
          { at: 'producer.send', nth: 4, action: KAFKA, write: 'prisma.orderLine.createMany', suggestions: [] },
          { at: 'producer.send', nth: 5, action: KAFKA, write: 'prisma.order.delete', suggestions: [] },
        ],
        { name: 'Prisma updateMany, upsert, deleteMany, createMany and delete' },
      ),
      js.invalid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function markPaid(orderId) {
  await prisma.$executeRaw\`UPDATE orders SET status = 'paid' WHERE id = \${orderId}\`;
  await producer.send({ topic: 'order.paid', messages: [{ value: orderId }] });
}

export async function archive(orderId) {
  await prisma.$executeRawUnsafe('DELETE FROM carts WHERE order_id = $1', orderId);
  await producer.send({ topic: 'cart.archived', messages: [{ value: orderId }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'prisma.$executeRaw', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'prisma.$executeRawUnsafe', suggestions: [] },
        ],
        { name: 'Prisma $executeRaw (tagged template) and $executeRawUnsafe' },
      ),
      js.invalid(
        `${PRODUCER}
import { DataSource } from 'typeorm';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

export async function shipOrder(order) {
  order.status = 'shipped';
  await dataSource.manager.save(order);
  await producer.send({ topic: 'order.shipped', messages: [{ value: JSON.stringify(order) }] });
}

export async function addLine(line) {
  await dataSource.getRepository('OrderLine').insert(line);
  await producer.send({ topic: 'line.added', messages: [{ value: JSON.stringify(line) }] });
}

export async function cancelOrder(id) {
  await dataSource.getRepository('Order').update({ id }, { status: 'cancelled' });
  await producer.send({ topic: 'order.cancelled', messages: [{ value: id }] });
}

export async function dropCart(id) {
  await dataSource.manager.delete('Cart', { id });
  await producer.send({ topic: 'cart.dropped', messages: [{ value: id }] });
}

export async function removeLine(line) {
  await dataSource.manager.remove(line);
  await producer.send({ topic: 'line.removed', messages: [{ value: line.id }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'dataSource.manager.save', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: "dataSource.getRepository('OrderLine').insert", suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: "dataSource.getRepository('Order').update", suggestions: [] },
          { at: 'producer.send', nth: 4, action: KAFKA, write: 'dataSource.manager.delete', suggestions: [] },
          { at: 'producer.send', nth: 5, action: KAFKA, write: 'dataSource.manager.remove', suggestions: [] },
        ],
        { name: 'TypeORM manager and repository save, insert, update, delete and remove' },
      ),
      js.invalid(
        `${PRODUCER}
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Order = sequelize.define('Order', { status: DataTypes.STRING, total: DataTypes.INTEGER });

export async function placeOrder(input) {
  const order = await Order.create(input);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'Order.create', suggestions: [] },
        { name: 'Sequelize model from sequelize.define: create' },
      ),
      js.invalid(
        `${PRODUCER}
import { Model } from 'sequelize';

class Order extends Model {}

export async function expire(before) {
  await Order.update({ status: 'expired' }, { where: { createdAt: before } });
  await producer.send({ topic: 'orders.expired', messages: [{ value: String(before) }] });
}

export async function purge(ids) {
  await Order.destroy({ where: { id: ids } });
  await producer.send({ topic: 'orders.purged', messages: [{ value: ids.join(',') }] });
}

export async function importOrders(rows) {
  await Order.bulkCreate(rows);
  await producer.send({ topic: 'orders.imported', messages: [{ value: String(rows.length) }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'Order.update', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'Order.destroy', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'Order.bulkCreate', suggestions: [] },
        ],
        { name: 'Sequelize Model subclass: update, destroy and bulkCreate' },
      ),
      js.invalid(
        `${PRODUCER}
import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ status: String, total: Number }));

export async function placeOrder(input) {
  const order = await Order.create(input);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function importOrders(rows) {
  await Order.insertMany(rows);
  await producer.send({ topic: 'orders.imported', messages: [{ value: String(rows.length) }] });
}

export async function payOrder(id) {
  await Order.updateOne({ _id: id }, { status: 'paid' });
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}

export async function shipOrder(id) {
  const order = await Order.findByIdAndUpdate(id, { status: 'shipped' }, { new: true });
  await producer.send({ topic: 'order.shipped', messages: [{ value: JSON.stringify(order) }] });
}

export async function dropOrder(id) {
  await Order.deleteOne({ _id: id });
  await producer.send({ topic: 'order.dropped', messages: [{ value: id }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'Order.create', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'Order.insertMany', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'Order.updateOne', suggestions: [] },
          { at: 'producer.send', nth: 4, action: KAFKA, write: 'Order.findByIdAndUpdate', suggestions: [] },
          { at: 'producer.send', nth: 5, action: KAFKA, write: 'Order.deleteOne', suggestions: [] },
        ],
        { name: 'Mongoose model: create, insertMany, updateOne, findByIdAndUpdate and deleteOne' },
      ),
      js.invalid(
        `${PRODUCER}
import { model, Schema } from 'mongoose';

const Order = model('Order', new Schema({ status: String }));

export async function placeOrder(input) {
  const order = new Order(input);
  await order.save();
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'order.save', suggestions: [] },
        { name: 'Mongoose document built with new Model(…) then save()' },
      ),
      js.invalid(
        `${PRODUCER}
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);
const orders = client.db('shop').collection('orders');

export async function placeOrder(order) {
  await orders.insertOne(order);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'orders.insertOne', suggestions: [] },
        { name: 'MongoDB driver collection insertOne' },
      ),
      js.invalid(
        `${PRODUCER}
import { drizzle } from 'drizzle-orm/node-postgres';
import { orders } from './schema.js';

const db = drizzle(process.env.DATABASE_URL);

export async function placeOrder(order) {
  await db.insert(orders).values(order);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function payOrder(id) {
  await db.update(orders).set({ status: 'paid' }).where(eq(orders.id, id));
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}

export async function dropOrder(id) {
  await db.delete(orders).where(eq(orders.id, id));
  await producer.send({ topic: 'order.dropped', messages: [{ value: id }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'db.insert', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'db.update', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'db.delete', suggestions: [] },
        ],
        { name: 'Drizzle insert, update and delete' },
      ),
      js.invalid(
        `${PRODUCER}
import { Kysely, PostgresDialect } from 'kysely';

const db = new Kysely({ dialect: new PostgresDialect({ pool }) });

export async function placeOrder(order) {
  await db.insertInto('orders').values(order).execute();
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function payOrder(id) {
  await db.updateTable('orders').set({ status: 'paid' }).where('id', '=', id).execute();
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}

export async function dropOrder(id) {
  await db.deleteFrom('orders').where('id', '=', id).execute();
  await producer.send({ topic: 'order.dropped', messages: [{ value: id }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'db.insertInto', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'db.updateTable', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'db.deleteFrom', suggestions: [] },
        ],
        { name: 'Kysely insertInto, updateTable and deleteFrom' },
      ),
      js.invalid(
        `${PRODUCER}
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const DELETE_CART = 'DELETE FROM carts WHERE order_id = $1';

export async function placeOrder(order) {
  await pool.query('INSERT INTO orders (id, total) VALUES ($1, $2)', [order.id, order.total]);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function payOrder(id) {
  const client = await pool.connect();
  try {
    await client.query({ text: 'UPDATE orders SET status = $1 WHERE id = $2', values: ['paid', id] });
  } finally {
    client.release();
  }
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}

export async function clearCart(orderId) {
  await pool.query(DELETE_CART, [orderId]);
  await producer.send({ topic: 'cart.cleared', messages: [{ value: orderId }] });
}

export async function closeOrders(day) {
  await pool.query('WITH due AS (SELECT id FROM orders WHERE day = $1) UPDATE orders SET closed = true WHERE id IN (SELECT id FROM due)', [day]);
  await producer.send({ topic: 'orders.closed', messages: [{ value: day }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'pool.query', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'client.query', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'pool.query', writeAt: 'pool.query(DELETE_CART', suggestions: [] },
          { at: 'producer.send', nth: 4, action: KAFKA, write: 'pool.query', writeAt: "pool.query('WITH", suggestions: [] },
        ],
        { name: 'pg INSERT, UPDATE as a query config, DELETE from a const, and a CTE followed by UPDATE' },
      ),
      js.invalid(
        `${PRODUCER}
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });

export async function payOrder(id) {
  await pool.execute('UPDATE orders SET status = ? WHERE id = ?', ['paid', id]);
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'pool.execute', suggestions: [] },
        { name: 'mysql2/promise pool execute with UPDATE' },
      ),
      js.invalid(
        `${PRODUCER}
import { prisma } from './lib/prisma.js';

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
        { name: 'the usual Prisma singleton module (`export const prisma = new PrismaClient()`), recognised by name' },
      ),
      js.invalid(
        `const { PrismaClient } = require('@prisma/client');
const { Kafka } = require('kafkajs');

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

module.exports.placeOrder = async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
};
`,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
        { name: 'CommonJS require of Prisma and kafkajs', sourceType: 'commonjs' },
      ),
      js.invalid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function cancelOrder(orderId, reason) {
  await producer.send({ topic: 'order.cancel-requested', messages: [{ value: JSON.stringify({ orderId, reason }) }] });
  await prisma.order.update({ where: { id: orderId }, data: { status: 'cancelled', reason } });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.update', suggestions: [] },
        { name: 'publish first, write after: the write after the publish is named' },
      ),
      js.invalid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function importOrders(inputs) {
  const orders = await Promise.all(inputs.map((input) => prisma.order.create({ data: input })));
  await producer.send({ topic: 'orders.imported', messages: orders.map((order) => ({ value: JSON.stringify(order) })) });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
        { name: 'a write inside a callback belongs to the function that passes the callback' },
      ),
      js.invalid(
        `${PRODUCER}
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export async function placeOrder(order) {
  await db('orders').insert(order);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function payOrder(id) {
  await db('orders').where({ id }).update({ status: 'paid' });
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}

export async function dropCart(id) {
  await db.table('carts').where({ order_id: id }).del();
  await producer.send({ topic: 'cart.dropped', messages: [{ value: id }] });
}

export async function purgeLines(id) {
  await db.from('order_lines').where({ order_id: id }).delete();
  await producer.send({ topic: 'lines.purged', messages: [{ value: id }] });
}

export async function touchOrder(id) {
  await db('orders').where({ id }).increment('version', 1);
  await producer.send({ topic: 'order.touched', messages: [{ value: id }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: "db('orders').insert", suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: "db('orders').where({ id }).update", suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: "db.table('carts').where({ order_id: id }).del", writeAt: "db.table('carts')", suggestions: [] },
          { at: 'producer.send', nth: 4, action: KAFKA, write: "db.from('order_lines').where({ order_id: id }).delete", writeAt: "db.from('order_lines')", suggestions: [] },
          { at: 'producer.send', nth: 5, action: KAFKA, write: "db('orders').where({ id }).increment", suggestions: [] },
        ],
        { name: 'Knex table builders: insert, where … update, table … del, from … delete, increment' },
      ),
      js.invalid(
        `const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
const { Kafka } = require('kafkajs');

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

module.exports.placeOrder = async function placeOrder(order) {
  await knex('orders').insert(order);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
};
`,
        { at: 'producer.send', action: KAFKA, write: "knex('orders').insert", suggestions: [] },
        { name: 'Knex from CommonJS require(…)(config)', sourceType: 'commonjs' },
      ),
      js.invalid(
        `${PRODUCER}
import { Model } from 'sequelize';

class Order extends Model {}

export async function payOrder(id) {
  const order = await Order.findByPk(id);
  order.status = 'paid';
  await order.save();
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}

export async function placeOrder(input) {
  const order = await Order.build(input).save();
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function shipOrder(id, trackingNumber) {
  const order = await Order.findByPk(id);
  await order.update({ status: 'shipped', trackingNumber });
  await producer.send({ topic: 'order.shipped', messages: [{ value: id }] });
}

export async function dropOrder(id) {
  const order = await Order.findOne({ where: { id } });
  await order.destroy();
  await producer.send({ topic: 'order.dropped', messages: [{ value: id }] });
}

export async function draftOrder(input) {
  const order = Order.build(input);
  await order.save();
  await producer.send({ topic: 'order.drafted', messages: [{ value: JSON.stringify(order) }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'order.save', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'Order.build(input).save', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'order.update', suggestions: [] },
          { at: 'producer.send', nth: 4, action: KAFKA, write: 'order.destroy', suggestions: [] },
          { at: 'producer.send', nth: 5, action: KAFKA, write: 'order.save', writeNth: 2, suggestions: [] },
        ],
        { name: 'Sequelize instances from findByPk, findOne and build: save, update and destroy' },
      ),
      js.invalid(
        `${PRODUCER}
import { Sequelize, DataTypes } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Order = sequelize.define('Order', { status: DataTypes.STRING });

export async function payOrder(id) {
  const order = await Order.findByPk(id);
  order.status = 'paid';
  await order.save();
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'order.save', suggestions: [] },
        { name: 'Sequelize instance of a sequelize.define model: save' },
      ),
      js.invalid(
        `${PRODUCER}
import mongoose from 'mongoose';

const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));

export async function payOrder(id) {
  const order = await Order.findById(id);
  order.status = 'paid';
  await order.save();
  await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
}

export async function shipOrder(id) {
  const order = await Order.findOne({ _id: id, status: 'paid' });
  order.status = 'shipped';
  await order.save();
  await producer.send({ topic: 'order.shipped', messages: [{ value: id }] });
}

export async function dropOrder(id) {
  const order = await Order.findById(id);
  await order.deleteOne();
  await producer.send({ topic: 'order.dropped', messages: [{ value: id }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'order.save', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'order.save', writeNth: 2, suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'order.deleteOne', suggestions: [] },
        ],
        { name: 'Mongoose documents from findById and findOne: save and deleteOne' },
      ),
      js.invalid(
        `import { PrismaClient } from '@prisma/client';
import { Kafka } from 'kafkajs';
import express from 'express';

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
const app = express();

app.post('/orders', async (req, res) => {
  const order = await prisma.order.create({ data: req.body });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
  res.status(201).json(order);
});
`,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
        { name: 'an inline Express route handler is a function body' },
      ),
      js.invalid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';
import express from 'express';
import cron from 'node-cron';

const prisma = new PrismaClient();
const app = express();
const router = express.Router();

app.post('/orders', async function createOrder(req, res) {
  const order = await prisma.order.create({ data: req.body });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
  res.status(201).json(order);
});

router.put('/orders/:id', async (req, res) => {
  const order = await prisma.order.update({ where: { id: req.params.id }, data: req.body });
  await producer.send({ topic: 'order.updated', messages: [{ key: order.id, value: JSON.stringify(order) }] });
  res.json(order);
});

cron.schedule('*/5 * * * *', async () => {
  const { count } = await prisma.order.updateMany({ where: { status: 'pending' }, data: { status: 'expired' } });
  await producer.send({ topic: 'orders.expired', messages: [{ value: String(count) }] });
});

setInterval(async () => {
  await prisma.cart.deleteMany({ where: { updatedAt: { lt: new Date(Date.now() - 86_400_000) } } });
  await producer.send({ topic: 'carts.purged', messages: [{ value: new Date().toISOString() }] });
}, 60_000);
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'prisma.order.create', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'prisma.order.update', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'prisma.order.updateMany', suggestions: [] },
          { at: 'producer.send', nth: 4, action: KAFKA, write: 'prisma.cart.deleteMany', suggestions: [] },
        ],
        { name: 'inline callbacks: a named function expression route handler, router.put, cron.schedule and setInterval' },
      ),
      js.invalid(
        `${PRODUCER}
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function placeOrder(input, notify) {
  await prisma.order.create({ data: input });
  if (notify) {
    await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(input) }] });
  }
}

export async function cancelOrder(id, notify) {
  if (notify) {
    await producer.send({ topic: 'order.cancelling', messages: [{ value: id }] });
  }
  await prisma.order.update({ where: { id }, data: { status: 'cancelled' } });
}

export async function payOrder(id, live) {
  if (live) {
    await prisma.payment.create({ data: { orderId: id } });
    await producer.send({ topic: 'order.paid', messages: [{ value: id }] });
  }
}

export async function shipOrder(id, notify, quiet) {
  if (notify) {
    await producer.send({ topic: 'order.shipping', messages: [{ value: id }] });
    if (quiet) return;
  }
  await prisma.shipment.create({ data: { orderId: id } });
}

export async function confirmOrder(id, notify) {
  await prisma.order.update({ where: { id }, data: { status: 'confirmed' } });
  notify && (await producer.send({ topic: 'order.confirmed', messages: [{ value: id }] }));
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'prisma.order.create', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'prisma.order.update', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'prisma.payment.create', suggestions: [] },
          { at: 'producer.send', nth: 4, action: KAFKA, write: 'prisma.shipment.create', suggestions: [] },
          { at: 'producer.send', nth: 5, action: KAFKA, write: 'prisma.order.update', writeNth: 2, suggestions: [] },
        ],
        {
          name: 'a publish under an if (or &&) that the write does not leave, in the same branch, or before a return that may not run, is still paired',
        },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Producer } from 'kafkajs';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrderAnnouncer {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly producer: Producer,
  ) {}

  async announce(orderId: string): Promise<void> {
    const order = await this.orders.findOneByOrFail({ id: orderId });
    const total = await this.orders.count({ where: { customerId: order.customerId } });
    await this.producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify({ order, total }) }] });
  }
}
`,
        { name: 'injected TypeORM repository: reads only' },
      ),
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Producer } from 'kafkajs';
import { Repository } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

@Injectable()
export class MessageForwarder {
  constructor(
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    private readonly producer: Producer,
  ) {}

  async forward(message: OutboxMessage): Promise<void> {
    await this.producer.send({ topic: message.topic, messages: [{ key: message.id, value: JSON.stringify(message.payload) }] });
    await this.messages.update(message.id, { sentAt: new Date() });
  }
}
`,
        { name: 'marking a row of a Repository<OutboxMessage> as sent is an outbox write, not a business write' },
      ),
      ts.valid(
        `
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';

export class OrderReader {
  constructor(
    private readonly em: EntityManager,
    private readonly queue: Queue,
  ) {}

  async remind(orderId: string): Promise<void> {
    const order = await this.em.findOneOrFail('Order', orderId);
    await this.queue.add('order.reminder', { orderId: order.id });
  }
}
`,
        { name: 'MikroORM findOneOrFail reads' },
      ),
      ts.valid(
        `
import type { Prisma } from '@prisma/client';
import type { Producer } from 'kafkajs';

export async function announceOrder(tx: Prisma.TransactionClient, producer: Producer, id: string) {
  const order = await tx.order.findUniqueOrThrow({ where: { id } });
  await producer.send({ topic: 'order.announced', messages: [{ key: id, value: JSON.stringify(order) }] });
}
`,
        { name: 'Prisma.TransactionClient parameter: reads only' },
      ),
      ts.valid(
        `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Producer } from 'kafkajs';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrderIntake {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly producer: Producer,
  ) {}

  async submit(input: Partial<Order>, preview: boolean): Promise<void> {
    if (preview) {
      await this.producer.send({ topic: 'order.preview', messages: [{ value: JSON.stringify(input) }] });
      return;
    }
    await this.orders.save(this.orders.create(input));
  }
}
`,
        { name: 'early return in a NestJS service method: the publish never runs with the save' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Producer } from 'kafkajs';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrderShipping {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly producer: Producer,
  ) {}

  async markShipped(order: Order, trackingNumber: string): Promise<void> {
    order.status = 'shipped';
    order.trackingNumber = trackingNumber;
    await this.orders.save(order);
    await this.producer.send({
      topic: 'order.shipped',
      messages: [{ key: order.id, value: JSON.stringify({ orderId: order.id, trackingNumber }) }],
    });
  }
}
`,
        { at: 'this.producer.send', action: KAFKA, write: 'this.orders.save', suggestions: [] },
        { name: 'injected TypeORM Repository<Order>.save then an injected kafkajs Producer' },
      ),
      ts.invalid(
        `
import type { Producer } from 'kafkajs';
import { EntityManager } from 'typeorm';
import { Order } from './order.entity';

export class OrderArchiver {
  constructor(
    private readonly manager: EntityManager,
    private readonly producer: Producer,
  ) {}

  async archive(orderId: string): Promise<void> {
    await this.manager.update(Order, { id: orderId }, { archivedAt: new Date() });
    await this.producer.send({ topic: 'order.archived', messages: [{ value: orderId }] });
  }
}
`,
        { at: 'this.producer.send', action: KAFKA, write: 'this.manager.update', suggestions: [] },
        { name: 'TypeORM EntityManager (typed constructor parameter) update' },
      ),
      ts.invalid(
        `
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Order } from './order.entity';

export class OrderWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
  ) {}

  async place(order: Order): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.manager.save(order);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await this.producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
  }
}
`,
        { at: 'this.producer.send', action: KAFKA, write: 'runner.manager.save', suggestions: [] },
        { name: 'TypeORM QueryRunner transaction committed, then a publish outside it' },
      ),
      ts.invalid(
        `
import { Injectable } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { PrismaService } from './prisma.service';

@Injectable()
export class OrdersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly producer: Producer,
  ) {}

  async pay(orderId: string, paymentId: string) {
    const order = await this.prisma.order.update({ where: { id: orderId }, data: { status: 'paid', paymentId } });
    await this.producer.send({ topic: 'order.paid', messages: [{ key: order.id, value: JSON.stringify(order) }] });
    return order;
  }
}
`,
        { at: 'this.producer.send', action: KAFKA, write: 'this.prisma.order.update', suggestions: [] },
        { name: 'NestJS PrismaService declared in another file, recognised by name' },
      ),
      ts.invalid(
        `
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Producer } from 'kafkajs';
import { Model } from 'mongoose';
import { Order, type OrderDocument } from './order.schema';

@Injectable()
export class OrdersService {
  constructor(
    @InjectModel(Order.name) private readonly orderModel: Model<OrderDocument>,
    private readonly producer: Producer,
  ) {}

  async place(input: Partial<Order>) {
    const order = await this.orderModel.create(input);
    await this.producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
    return order;
  }
}
`,
        { at: 'this.producer.send', action: KAFKA, write: 'this.orderModel.create', suggestions: [] },
        { name: 'Mongoose Model<T> injected with @InjectModel' },
      ),
      ts.invalid(
        `
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import type { Order } from './order.entity';

export class OrderWorkflow {
  constructor(
    private readonly em: EntityManager,
    private readonly queue: Queue,
  ) {}

  async place(order: Order): Promise<void> {
    await this.em.persistAndFlush(order);
    await this.queue.add('order.created', { orderId: order.id });
  }

  async pay(order: Order): Promise<void> {
    order.status = 'paid';
    await this.em.flush();
    await this.queue.add('order.paid', { orderId: order.id });
  }
}
`,
        [
          { at: 'this.queue.add', nth: 1, action: publishesTo('BullMQ'), write: 'this.em.persistAndFlush', suggestions: [] },
          { at: 'this.queue.add', nth: 2, action: publishesTo('BullMQ'), write: 'this.em.flush', suggestions: [] },
        ],
        { name: 'MikroORM persistAndFlush and flush' },
      ),
      ts.invalid(
        `
import type { Producer } from 'kafkajs';
import type { Kysely } from 'kysely';
import type { Database } from './database';

export async function refund(db: Kysely<Database>, producer: Producer, orderId: string, amount: number) {
  await db.updateTable('orders').set({ refunded: amount }).where('id', '=', orderId).execute();
  await producer.send({ topic: 'order.refunded', messages: [{ value: JSON.stringify({ orderId, amount }) }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'db.updateTable', suggestions: [] },
        { name: 'typed function parameters: Kysely<DB> and Producer' },
      ),
      ts.invalid(
        `
import type { Producer } from 'kafkajs';
import type { PoolClient } from 'pg';

export async function refund(client: PoolClient, producer: Producer, orderId: string, amount: number) {
  await client.query('UPDATE orders SET refunded = $2 WHERE id = $1', [orderId, amount]);
  await producer.send({ topic: 'order.refunded', messages: [{ value: JSON.stringify({ orderId, amount }) }] });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'client.query', suggestions: [] },
        { name: 'typed pg PoolClient query with UPDATE' },
      ),
      ts.invalid(
        `
import type { Producer } from 'kafkajs';
import type { Knex } from 'knex';

export class OrderRepository {
  constructor(
    private readonly knex: Knex,
    private readonly producer: Producer,
  ) {}

  async pay(id: string): Promise<void> {
    await this.knex('orders').where({ id }).update({ status: 'paid' });
    await this.producer.send({ topic: 'order.paid', messages: [{ value: id }] });
  }
}

export async function placeOrder(db: Knex, producer: Producer, order: { id: string; total: number }) {
  await db('orders').insert(order);
  await producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] });
}
`,
        [
          {
            at: 'this.producer.send',
            action: KAFKA,
            write: "this.knex('orders').where({ id }).update",
            writeAt: "this.knex('orders')",
            suggestions: [],
          },
          { at: 'producer.send', within: 'await producer.send', action: KAFKA, write: "db('orders').insert", suggestions: [] },
        ],
        { name: 'typed Knex: a class member and a function parameter' },
      ),
      ts.invalid(
        `
import type { Producer } from 'kafkajs';
import { Column, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'orders' })
export class Order extends Model {
  @Column
  declare status: string;
}

export class OrderPayments {
  constructor(private readonly producer: Producer) {}

  async pay(id: string): Promise<void> {
    const order = await Order.findByPk(id);
    if (!order) throw new Error(\`order \${id} not found\`);
    order.status = 'paid';
    await order.save();
    await this.producer.send({ topic: 'order.paid', messages: [{ key: id, value: JSON.stringify(order.toJSON()) }] });
  }

  async cancel(id: string): Promise<void> {
    const order = (await Order.findOne({ where: { id } }))!;
    await order.destroy();
    await this.producer.send({ topic: 'order.cancelled', messages: [{ key: id, value: id }] });
  }

  async archive(id: string): Promise<void> {
    const order = await Order.findByPk(id);
    await order?.update({ status: 'archived' });
    await this.producer.send({ topic: 'order.archived', messages: [{ key: id, value: id }] });
  }
}
`,
        [
          { at: 'this.producer.send', nth: 1, action: KAFKA, write: 'order.save', suggestions: [] },
          { at: 'this.producer.send', nth: 2, action: KAFKA, write: 'order.destroy', suggestions: [] },
          { at: 'this.producer.send', nth: 3, action: KAFKA, write: 'order?.update', suggestions: [] },
        ],
        { name: 'sequelize-typescript instances: null-checked, non-null asserted and optional-chained writes' },
      ),
      ts.invalid(
        `
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Producer } from 'kafkajs';
import { Model } from 'mongoose';
import { Order, type OrderDocument } from './order.schema';

@Injectable()
export class OrdersService {
  constructor(
    @InjectModel(Order.name) private readonly orderModel: Model<OrderDocument>,
    private readonly producer: Producer,
  ) {}

  async pay(id: string) {
    const order = await this.orderModel.findById(id);
    if (!order) throw new NotFoundException(id);
    order.status = 'paid';
    await order.save();
    await this.producer.send({ topic: 'order.paid', messages: [{ key: id, value: JSON.stringify(order) }] });
    return order;
  }
}
`,
        { at: 'this.producer.send', action: KAFKA, write: 'order.save', suggestions: [] },
        { name: 'Mongoose document from an injected Model<T>.findById: save' },
      ),
      ts.invalid(
        `
import { PrismaClient } from '@prisma/client';
import express, { type Request, type Response } from 'express';
import { Kafka } from 'kafkajs';

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
const app = express();

app.post('/orders', async (req: Request<unknown, unknown, { customerId: string; total: number }>, res: Response) => {
  const order = await prisma.order.create({ data: req.body });
  await producer.send({ topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] });
  res.status(201).json(order);
});
`,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
        { name: 'typed inline Express route handler' },
      ),
      ts.invalid(
        `
import type { Prisma } from '@prisma/client';
import axios from 'axios';
import type { Producer } from 'kafkajs';

export async function saveOrder(tx: Prisma.TransactionClient, producer: Producer, input: Prisma.OrderCreateInput) {
  const order = await tx.order.create({ data: input });
  const record = { topic: 'order.created', messages: [{ key: order.id, value: JSON.stringify(order) }] };
  await producer.send(record);
  return order;
}

export class OrderCancellation {
  async cancel(db: Prisma.TransactionClient, orderId: string): Promise<void> {
    const order = await db.order.update({ where: { id: orderId }, data: { status: 'cancelled' } });
    await axios.delete(\`\${process.env.INVENTORY_SERVICE_URL}/reservations/\${order.reservationId}\`);
  }
}
`,
        [{ at: 'producer.send', action: KAFKA, write: 'tx.order.create', suggestions: [] }],
        {
          name: 'a Prisma.TransactionClient parameter handed to a helper (publish record: nothing to rewrite); the critical DELETE is left to no-sync-critical-write',
        },
      ),
    ],
  });
});
