/**
 * Dual writes through the project's own modules: models imported from model files, injected
 * repositories, a shared `db` handle, MongoDB collections, SQL through a project pool, and
 * producers or publishers the project wraps (`import { producer } from './kafka'`,
 * `new OrderCreatedPublisher(client)`). Their origin leads to no library, so they are known by
 * name and call shape. Look-alikes defined in the same file, reads, TypeORM's `create` (which
 * only builds an entity) and in-process emitters are not.
 */
import { describe } from 'vitest';
import { js, jsTester, publishesTo, replaceOnce, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const NAMED = publishesTo('a message broker');
const KAFKA = publishesTo('Kafka');

const MODEL_ROUTE = `import express from 'express';
import { Order } from '../models/order';
import { OrderCreatedPublisher } from '../events/publishers/order-created-publisher';
import { natsClient } from '../nats-client';

export const ordersRouter = express.Router();

ordersRouter.post('/api/orders', async (req, res) => {
  const order = Order.build({ userId: req.user.id, ticketId: req.body.ticketId, status: 'created' });
  await order.save();

  await new OrderCreatedPublisher(natsClient).publish({ id: order.id, userId: order.userId, status: order.status });

  res.status(201).send(order);
});
`;

const WRAPPED_PRODUCER = `import { Payment } from './payment.model';
import { producer } from '../utils/kafka';

export async function recordPayment(input) {
  const payment = await Payment.create({ orderId: input.orderId, amount: input.amount, status: 'captured' });
  producer.send('payment.captured', { value: { id: payment.id, amount: payment.amount } });
  return payment;
}
`;

const REPOSITORY_SESSION = `import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { OrdersRepository } from './orders.repository';

@Injectable()
export class OrdersService {
  constructor(
    private readonly ordersRepository: OrdersRepository,
    @Inject('BILLING') private readonly billing: ClientProxy,
  ) {}

  async createOrder(request: { item: string; total: number }) {
    const session = await this.ordersRepository.startTransaction();
    try {
      const order = await this.ordersRepository.create(request, { session });
      await lastValueFrom(this.billing.emit('order_created', { request }));
      await session.commitTransaction();
      return order;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    }
  }
}
`;

const PRISMA_TRANSACTION = `import { PrismaClient } from '@prisma/client';
import { publisher } from './events';

const prisma = new PrismaClient();

export async function placeOrder(input) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await publisher.publish('order.created', order);
    return order;
  });
}
`;

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `import axios from 'axios';
import pool from '../db/pool';
import { getDb } from './mongo';

export async function placeOrder(order) {
  await pool.query('INSERT INTO orders (id, total) VALUES ($1, $2)', [order.id, order.total]);
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
}

export async function placeDocument(order) {
  const db = await getDb();
  await db.collection('orders').insertOne(order);
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
}
`,
        { name: 'SQL through a project pool and a MongoDB collection before critical POSTs: left to no-sync-critical-write, which names the writes' },
      ),
      js.valid(
        `import { Order } from '../entities/order.entity';
import { producer } from './kafka';

export async function draftOrder(input) {
  const order = Order.create({ customerId: input.customerId, total: input.total });
  await producer.send('order.drafted', { value: order });
  return order;
}
`,
        { name: "a TypeORM entity's static create only builds an instance" },
      ),
      js.valid(
        `import { Order } from '../models/order';
import { OrderSchema } from '../schemas/order';
import { producer } from './kafka';

export async function announce(body) {
  const input = OrderSchema.parse(body);
  const order = await Order.findById(input.id);
  const recent = await Order.find({ customerId: order.customerId }).limit(5);
  await producer.send('order.announced', { value: { order, recent } });
}
`,
        { name: 'model reads and schema validation are not writes' },
      ),
      js.valid(
        `import { ordersRepository } from './orders.repository';
import { publisher } from './events';

export async function announce(id) {
  const order = await ordersRepository.findOne({ where: { id } });
  const totals = await ordersRepository.createQueryBuilder('order').select('SUM(order.total)').getRawOne();
  await publisher.publish('order.announced', { order, totals });
}
`,
        { name: 'repository reads and query builders are not writes' },
      ),
      js.valid(
        `import { db } from '../db';
import { orders } from '../db/schema';
import { producer } from './kafka';

export async function announce(id) {
  const [order] = await db.select().from(orders).where({ id });
  const lines = await db.query.orderLines.findMany({ where: { orderId: id } });
  const open = await db.order.count({ where: { status: 'open' } });
  await producer.send('order.announced', { value: { order, lines, open } });
}
`,
        { name: 'reads through a project db handle' },
      ),
      js.valid(
        `import pool from '../db/pool';
import { producer } from './kafka';

export async function announce(id) {
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
  await producer.send('order.announced', { value: rows[0] });
}
`,
        { name: 'SELECT through a project pool' },
      ),
      js.valid(
        `import { EventEmitter } from 'node:events';
import { Order } from '../models/order';

const publisher = new EventEmitter();

export async function placeOrder(input) {
  const order = await Order.create(input);
  publisher.emit('order.created', order);
  return order;
}
`,
        { name: 'a publisher that is a Node.js EventEmitter stays in the process' },
      ),
      js.valid(
        `import { createClient } from 'redis';
import { Order } from '../models/order';

const publisher = createClient({ url: process.env.REDIS_URL });

export async function placeOrder(input) {
  const order = await Order.create(input);
  await publisher.publish('orders', JSON.stringify(order));
  return order;
}
`,
        { name: 'a handle from a library the rule knows is judged by that library, not by its name' },
      ),
      js.valid(
        `import { Order } from '../models/order';

const producer = { send: async (topic, message) => console.log(topic, message) };

class OrderCreatedPublisher {
  publish(event) {
    console.log('order created', event);
  }
}

export async function placeOrder(input) {
  const order = await Order.create(input);
  await producer.send('order.created', order);
  new OrderCreatedPublisher().publish(order);
  return order;
}
`,
        { name: 'a producer and a publisher class defined in the same file are not brokers' },
      ),
      js.valid(
        `import { Article } from '../models/article';
import { getPublisher } from '../platforms';

export async function syndicate(articleId, platform) {
  const article = await Article.findById(articleId);
  const publisher = getPublisher(platform);
  const result = await publisher.publish(article);
  await Article.updateOne({ _id: articleId }, { $push: { syndications: { platform, url: result.url } } });
}
`,
        { name: "a publisher whose arguments do not look like a message (an article posted to a platform)" },
      ),
      js.valid(
        `import { Order } from '../models/order';
import { producer } from './kafka';

export async function placeOrder(input) {
  const order = await Order.create(input);
  await producer.connect();
  await producer.disconnect();
  return order;
}
`,
        { name: 'producer members that do not send' },
      ),
      js.valid(
        `import { Order } from '../models/order';
import { producer } from './kafka';

export async function placeOrder(input) {
  return Order.create(input);
}

export async function announce(order) {
  await producer.send('order.created', { value: order });
}
`,
        { name: 'the write and the publish in different functions' },
      ),
    ],
    invalid: [
      js.invalid(
        MODEL_ROUTE,
        { at: 'new OrderCreatedPublisher(natsClient).publish', action: NAMED, write: 'order.save', suggestions: [] },
        { name: 'Order.build(…).save() then new OrderCreatedPublisher(client).publish(…) in a route handler' },
      ),
      js.invalid(
        WRAPPED_PRODUCER,
        { at: 'producer.send', action: NAMED, write: 'Payment.create', suggestions: [] },
        { name: 'a model create, then a producer imported from a project module' },
      ),
      js.invalid(
        `import Order from '../models/order.model.js';
import { orderPublisher } from '../events/index.js';

export async function markPaid(id) {
  const order = await Order.findById(id);
  order.status = 'paid';
  await order.save();
  await orderPublisher.publishEvent('order.paid', { id });
}

export async function cancel(id) {
  await Order.findByIdAndUpdate(id, { status: 'cancelled' });
  await orderPublisher.publishEvent('order.cancelled', { id });
}
`,
        [
          { at: 'orderPublisher.publishEvent', nth: 1, action: NAMED, write: 'order.save', suggestions: [] },
          { at: 'orderPublisher.publishEvent', nth: 2, action: NAMED, write: 'Order.findByIdAndUpdate', suggestions: [] },
        ],
        { name: 'a default-imported model: a fetched document saved, a static update' },
      ),
      js.invalid(
        `import db from '../models/index.js';
import orderModel from '../models/order.model.js';
import { kafkaProducer } from '../kafka/producer.js';

export async function placeOrder(input) {
  const order = await db.Order.create(input);
  await kafkaProducer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function archive(id) {
  await orderModel.deleteOne({ _id: id });
  await kafkaProducer.send({ topic: 'order.archived', messages: [{ value: id }] });
}
`,
        [
          { at: 'kafkaProducer.send', nth: 1, action: NAMED, write: 'db.Order.create', suggestions: [] },
          { at: 'kafkaProducer.send', nth: 2, action: NAMED, write: 'orderModel.deleteOne', suggestions: [] },
        ],
        { name: 'a model on a models index, and a lower-case model name' },
      ),
      js.invalid(
        `import { db } from '../db';
import { orders, orderLines } from '../db/schema';
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function placeOrder(input) {
  const [order] = await db.insert(orders).values(input).returning();
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function markShipped(id) {
  await db.update(orders).set({ status: 'shipped' }).where({ id });
  await producer.send({ topic: 'order.shipped', messages: [{ value: id }] });
}

export async function dropLines(id) {
  await db.delete(orderLines).where({ orderId: id });
  await producer.send({ topic: 'order.lines-dropped', messages: [{ value: id }] });
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'db.insert', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'db.update', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'db.delete', suggestions: [] },
        ],
        { name: 'Drizzle through a project db module: insert … values, update … set, delete … where' },
      ),
      js.invalid(
        `import { db } from '~/server/db';
import { Queue } from 'bullmq';

const receipts = new Queue('receipts');

export async function checkout(cart) {
  const order = await db.order.create({ data: { cartId: cart.id, total: cart.total } });
  await receipts.add('send-receipt', { orderId: order.id });
}

export async function refund(id) {
  await db('orders').where({ id }).update({ status: 'refunded' });
  await receipts.add('send-refund-receipt', { orderId: id });
}

export async function archive(id) {
  await db.insertInto('archived_orders').values({ id }).execute();
  await receipts.add('send-archive-notice', { orderId: id });
}
`,
        [
          { at: 'receipts.add', nth: 1, action: publishesTo('BullMQ'), write: 'db.order.create', suggestions: [] },
          { at: 'receipts.add', nth: 2, action: publishesTo('BullMQ'), write: "db('orders').where({ id }).update", suggestions: [] },
          { at: 'receipts.add', nth: 3, action: publishesTo('BullMQ'), write: 'db.insertInto', suggestions: [] },
        ],
        { name: 'a project db handle: Prisma model delegate, Knex table builder, Kysely insertInto' },
      ),
      js.invalid(
        PRISMA_TRANSACTION,
        {
          at: 'publisher.publish',
          action: NAMED,
          write: 'tx.order.create',
          suggestions: [
            {
              topic: 'order.created',
              handle: 'tx',
              output: replaceOnce(
                PRISMA_TRANSACTION,
                "publisher.publish('order.created', order)",
                "tx.outboxEvent.create({ data: { topic: 'order.created', payload: order } })",
              ),
            },
          ],
        },
        { name: 'a project publisher inside a Prisma transaction: suggest the outbox insert' },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@nestjs/cqrs';
import { OrdersRepository } from './orders.repository';

@Injectable()
export class OrdersService {
  constructor(
    private readonly ordersRepository: OrdersRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async place(input: { total: number }) {
    const order = await this.ordersRepository.save(input);
    this.publisher.publish(order);
    return order;
  }
}
`,
        { name: 'a publisher from @nestjs/cqrs stays in the process' },
      ),
    ],
    invalid: [
      ts.invalid(
        REPOSITORY_SESSION,
        { at: 'this.billing.emit', action: publishesTo('NestJS microservices'), write: 'this.ordersRepository.create', suggestions: [] },
        { name: 'a project repository create with a session, then a ClientProxy emit before the commit' },
      ),
      ts.invalid(
        `import { Injectable } from '@nestjs/common';
import { PaymentsRepo } from './payments.repo';
import { PaymentEventsPublisher } from './payment-events.publisher';

@Injectable()
export class PaymentsService {
  constructor(
    private readonly paymentsRepo: PaymentsRepo,
    private readonly events: PaymentEventsPublisher,
  ) {}

  async capture(id: string) {
    await this.paymentsRepo.updateStatus(id, 'captured');
    await this.events.publish({ type: 'payment.captured', id });
  }
}
`,
        { at: 'this.events.publish', action: NAMED, write: 'this.paymentsRepo.updateStatus', suggestions: [] },
        { name: 'a repository member named for a write, then a field typed with a project publisher class' },
      ),
    ],
  });
});
