/**
 * Cases that once disagreed with the rule's specification: query-builder and instance-level
 * writes, Knex transactions, exclusive branches, and a publish next to an outbox insert.
 */
import { js, jsTester, publishesTo, replaceOnce, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const KAFKA = publishesTo('Kafka');

/** 1-based line of the first occurrence of `text`. */
function lineOf(code: string, text: string): number {
  return code.slice(0, code.indexOf(text)).split('\n').length;
}

const TYPEORM_QB = `import { DataSource } from 'typeorm';
import { Kafka } from 'kafkajs';

const ds = new DataSource({ type: 'postgres' });
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function markShipped(orderId) {
  await ds.createQueryBuilder().update('orders').set({ status: 'shipped' }).where('id = :id', { id: orderId }).execute();
  await producer.send({ topic: 'order.shipped', messages: [{ value: JSON.stringify({ orderId }) }] });
}
`;

const KNEX_INTO = `import knex from 'knex';
import { Kafka } from 'kafkajs';

const db = knex({ client: 'pg' });
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function placeOrder(order) {
  await db.insert(order).into('orders');
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`;

const KNEX_TRX_PARAM = `import type { Knex } from 'knex';
import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function placeOrder(trx: Knex.Transaction, order: { id: string }): Promise<void> {
  await trx('orders').insert(order);
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`;

const MONGOOSE_EXEC = `import mongoose from 'mongoose';
import { Kafka } from 'kafkajs';

const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function cancel(id) {
  const order = await Order.findById(id).orFail().exec();
  order.status = 'cancelled';
  await order.save();
  await producer.send({ topic: 'order.cancelled', messages: [{ value: JSON.stringify({ id }) }] });
}
`;

const PRISMA_AND_PRODUCER = `import { PrismaClient } from '@prisma/client';
import { Kafka } from 'kafkajs';

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
`;

const PUBLISH_BESIDE_OUTBOX = `${PRISMA_AND_PRODUCER}
export async function placeOrder(input) {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await tx.outboxEvent.create({ data: { topic: 'order.created', payload: order } });
    await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
    return order;
  });
}
`;

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(
      `${PRISMA_AND_PRODUCER}
export async function settle(order, preview) {
  if (preview) {
    await log(order);
  } else {
    await producer.send({ topic: 'order.previewed', messages: [{ value: JSON.stringify(order) }] });
    return;
  }
  await prisma.order.update({ where: { id: order.id }, data: { settled: true } });
}
`,
      { name: 'the publish sits in an else branch that returns before the write' },
    ),
    js.valid(
      `${PRISMA_AND_PRODUCER}
export async function handle(command, order) {
  switch (command) {
    case 'save':
      await prisma.order.create({ data: order });
      break;
    case 'announce':
      await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify(order) }] });
      break;
  }
}
`,
      { name: 'write and publish in switch cases that end with break' },
    ),
    js.valid(
      `${PRISMA_AND_PRODUCER}
export function registerRoutes(app) {
  app.post('/orders', async (req, res) => {
    res.json(await prisma.order.create({ data: req.body }));
  });
  app.post('/orders/:id/announce', async (req, res) => {
    await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify(req.params) }] });
    res.sendStatus(202);
  });
}
`,
      { name: 'two route handlers registered in one function are separate executions' },
    ),
    js.valid(
      `import { DataSource } from 'typeorm';
import { Kafka } from 'kafkajs';

const ds = new DataSource({ type: 'postgres' });
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function report() {
  const rows = await ds.createQueryBuilder().select('o.id').from('orders', 'o').where('o.status = :s', { s: 'open' }).execute();
  await producer.send({ topic: 'orders.reported', messages: [{ value: JSON.stringify(rows) }] });
}
`,
      { name: 'a query-builder select is a read' },
    ),
  ],
  invalid: [
    js.invalid(
      TYPEORM_QB,
      { at: 'producer.send', action: KAFKA, write: "ds.createQueryBuilder().update('orders').set(…).where(…).execute", writeAt: 'await ds.createQueryBuilder()', suggestions: [] },
      { name: 'a TypeORM query-builder update executed, then a publish' },
    ),
    js.invalid(
      KNEX_INTO,
      { at: 'producer.send', action: KAFKA, write: 'db.insert', suggestions: [] },
      { name: 'Knex insert started on the instance and finished with into()' },
    ),
    js.invalid(
      MONGOOSE_EXEC,
      { at: 'producer.send', action: KAFKA, write: 'order.save', suggestions: [] },
      { name: 'a Mongoose document loaded with findById().orFail().exec() is saved, then a publish' },
    ),
    js.invalid(
      `${PRISMA_AND_PRODUCER}
export async function importAll(items) {
  await Promise.all(
    items.map(async (item) => {
      if (item.skip) {
        await producer.send({ topic: 'item.skipped', messages: [{ value: JSON.stringify(item) }] });
        return;
      }
    }),
  );
  await prisma.batch.create({ data: { size: items.length } });
}
`,
      { at: 'producer.send', action: KAFKA, write: 'prisma.batch.create', suggestions: [] },
      { name: 'a return inside a callback leaves only the callback: the write still follows' },
    ),
    js.invalid(
      `${PRISMA_AND_PRODUCER}
export async function handle(command, order) {
  switch (command) {
    case 'save':
      await prisma.order.create({ data: order });
    case 'announce':
      await producer.send({ topic: 'order.announced', messages: [{ value: JSON.stringify(order) }] });
      break;
  }
}
`,
      { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
      { name: 'a switch case that falls through runs the write and the publish' },
    ),
    js.invalid(
      PUBLISH_BESIDE_OUTBOX,
      {
        at: 'producer.send',
        action: KAFKA,
        write: 'tx.order.create',
        suggestions: [
          {
            removeBecauseOutboxAt: lineOf(PUBLISH_BESIDE_OUTBOX, 'await tx.outboxEvent.create'),
            output: replaceOnce(
              PUBLISH_BESIDE_OUTBOX,
              "    await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });\n",
              '',
            ),
          },
        ],
      },
      { name: 'a publish beside the outbox insert of the same transaction: the suggestion removes the extra publish' },
    ),
  ],
});

tsTester.run(RULE_NAME, rule, {
  valid: [
    ts.valid(
      `import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientKafka } from '@nestjs/microservices';
import { Model } from 'mongoose';
import { Order } from './order.schema';

@Injectable()
export class OrdersService {
  constructor(@InjectModel(Order.name) private readonly orderModel: Model<Order>, private readonly kafka: ClientKafka) {}

  async preview(dto: { total: number }, cod: boolean) {
    let draft;
    if (cod) draft = new this.orderModel({ ...dto, status: 'pending' });
    else draft = new Map([['total', dto.total]]);
    await draft.save();
    this.kafka.emit('order.previewed', { total: dto.total });
  }
}
`,
      { name: 'a let assigned different kinds of object is not followed' },
    ),
  ],
  invalid: [
    ts.invalid(
      `import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientKafka } from '@nestjs/microservices';
import { Model } from 'mongoose';
import { Order } from './order.schema';

@Injectable()
export class OrdersService {
  constructor(@InjectModel(Order.name) private readonly orderModel: Model<Order>, private readonly kafka: ClientKafka) {}

  async create(dto: { total: number }, cod: boolean) {
    let order;
    if (cod) {
      order = new this.orderModel({ ...dto, status: 'pending' });
    } else {
      order = new this.orderModel({ ...dto, status: 'paid' });
    }
    await order.save();
    this.kafka.emit('order.created', { id: order.id });
  }
}
`,
      { at: 'this.kafka.emit', action: publishesTo('NestJS microservices'), write: 'order.save', suggestions: [] },
      { name: 'a let built by the same model in both branches, then saved' },
    ),
    ts.invalid(
      KNEX_TRX_PARAM,
      { at: 'producer.send', action: KAFKA, write: "trx('orders').insert", suggestions: [] },
      { name: 'a Knex.Transaction parameter writes a table, then a publish' },
    ),
  ],
});
