/**
 * The database half of a dual write: writes recognised by origin for every ORM and driver in
 * the catalog (Prisma, TypeORM, Sequelize, Mongoose, the MongoDB driver, Drizzle, Kysely,
 * MikroORM, `pg`, `mysql2`), always paired here with a plain publish outside any transaction.
 * Reads never count, and neither do look-alikes that do not come from a database library.
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
    ],
  });
});
