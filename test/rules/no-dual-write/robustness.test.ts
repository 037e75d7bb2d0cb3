/**
 * Odd but parseable code: computed and optional members, spread and missing arguments,
 * generators, class oddities, TS-only syntax and casts, transaction callbacks with unusual
 * parameters. The rule must never crash, and must report what it reports where it should.
 */
import { describe } from 'vitest';
import { js, jsTester, publishesTo, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const KAFKA = publishesTo('Kafka');

const PRISMA_AND_PRODUCER = `import { PrismaClient } from '@prisma/client';
import { Kafka } from 'kafkajs';

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
`;

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `export async function placeOrder({ prisma }, input) {
  const order = await prisma.order.create({ data: input });
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify({ amount: order.total }) });
}
`,
        { name: 'a Prisma client handed in as `{ prisma }` writes before a critical POST: left to no-sync-critical-write' },
      ),
      js.valid(
        `import axios from 'axios';

export async function placeOrder(db, input) {
  const order = await db.order.create({ data: input });
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
}
`,
        { name: 'an untyped parameter named db writes before a critical POST: left to no-sync-critical-write, which names `db.order.create`' },
      ),
      js.valid(
        `${PRISMA_AND_PRODUCER}
export async function odd(model, member, args) {
  await prisma[model].create({ data: args });
  await producer[member]({ topic: 'order.created', messages: [] });
  await producer['send']({ topic: 'order.created', messages: [] });
  await (0, producer.send)({ topic: 'order.created', messages: [] });
  await prisma.$transaction();
  await prisma.$transaction(async ({ order }) => order.findMany());
  await prisma.$transaction(async (...clients) => clients.length);
  new producer.send();
  return producer.send;
}
`,
        { name: 'computed members, sequence callees, a transaction with odd parameters, new on a member: no crash' },
      ),
      js.valid(
        `${PRISMA_AND_PRODUCER}
const order = await prisma.order.create({ data: { status: 'seeded' } });
await producer.send({ topic: 'order.seeded', messages: [{ value: JSON.stringify(order) }] });
`,
        { name: 'top-level code is not a function body' },
      ),
      js.valid(
        `import { Kafka } from 'kafkajs';

const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function placeOrder(store, input) {
  const order = await store.orders.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { name: 'a client passed as an untyped parameter is unknown' },
      ),
      js.valid(
        `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function placeOrder(sink, input) {
  const order = await prisma.order.create({ data: input });
  await sink.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { name: 'a handle passed as an untyped parameter is unknown unless its name says broker, and the file mentions no broker' },
      ),
      js.valid(
        `import axios from 'axios';

export async function placeOrder(store, input) {
  const order = await store.order.create({ data: input });
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
}
`,
        { name: 'a file that mentions no database library nor a data layer by name gets no listeners' },
      ),
      js.valid('', { name: 'an empty file' }),
    ],
    invalid: [
      js.invalid(
        `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function placeOrder(producer, input) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`,
        { at: 'producer.send', action: publishesTo('a message broker'), write: 'prisma.order.create', suggestions: [] },
        { name: 'an untyped parameter named producer publishes' },
      ),
      js.invalid(
        `${PRISMA_AND_PRODUCER}
export async function odd(args) {
  await prisma.order?.create?.({ data: args });
  producer?.send?.({ topic: 'order.created', messages: [{ value: '1' }] });
  await producer.send(...args);
  await producer.send();
}
`,
        [
          { at: 'producer?.send', action: KAFKA, write: 'prisma.order?.create', suggestions: [] },
          { at: 'producer.send', within: 'producer.send(...args)', action: KAFKA, write: 'prisma.order?.create', suggestions: [] },
          { at: 'producer.send', within: 'producer.send()', action: KAFKA, write: 'prisma.order?.create', suggestions: [] },
        ],
        { name: 'optional chaining, spread arguments and no arguments' },
      ),
      js.invalid(
        `${PRISMA_AND_PRODUCER}
export default async function (input) {
  await prisma.order.delete({ where: { id: input.id } });
  await producer.send({ topic: \`order.\${input.reason}\`, messages: [{ value: JSON.stringify() }] });
}

export const generate = async function* generate(inputs) {
  for (const input of inputs) {
    yield await prisma.order.create({ data: input });
    yield producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(input) }] });
  }
};

export class Orders {
  static #instances = 0;
  static {
    Orders.#instances += 1;
  }

  async #place(input) {
    await prisma.order.upsert({ where: { id: input.id }, create: input, update: input });
    await producer.send({ topic: 'order.upserted', messages: [{ value: input.id }] });
  }

  get place() {
    return this.#place;
  }
}
`,
        [
          { at: 'producer.send', nth: 1, action: KAFKA, write: 'prisma.order.delete', suggestions: [] },
          { at: 'producer.send', nth: 2, action: KAFKA, write: 'prisma.order.create', suggestions: [] },
          { at: 'producer.send', nth: 3, action: KAFKA, write: 'prisma.order.upsert', suggestions: [] },
        ],
        { name: 'anonymous default export, async generator, private method' },
      ),
      js.invalid(
        `${PRISMA_AND_PRODUCER}
export async function placeOrder(input) {
  await prisma.$transaction(async function () {
    await prisma.order.create({ data: input });
    await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(input) }] });
  });
}
`,
        { at: 'producer.send', action: KAFKA, write: 'prisma.order.create', suggestions: [] },
        { name: 'a $transaction callback that names no handle (and writes outside it): no suggestion' },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import type { Producer } from 'kafkajs';
import type { Repository } from 'typeorm';

declare module 'kafkajs' {
  interface Producer {
    sendTraced(record: unknown): Promise<void>;
  }
}

export enum OrderStatus {
  Placed = 'placed',
}

export namespace Orders {
  export const topic = 'order.created';
}

export type Send = Producer['send'];
export type Save = Repository<unknown>['save'];

export abstract class Store {
  abstract save(order: unknown): Promise<void>;
}

export interface Publisher {
  send(topic: string): Promise<void>;
}
`,
        { name: 'declarations, types and abstract members only' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import { Injectable } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { Repository } from 'typeorm';
import type { Order } from './order.entity';

@Injectable()
export class OrderService {
  constructor(
    private readonly orders: Repository<Order>,
    private readonly producer?: Producer,
  ) {}

  async place(order: Order): Promise<void>;
  async place(order: Order, topic?: string): Promise<void> {
    await (this.orders as Repository<Order>).save(order satisfies Order);
    await this.producer!.send({ topic: topic ?? 'order.created', messages: [{ value: JSON.stringify(order) as string }] });
    await (this.producer as Producer).send({ topic: 'order.audited', messages: [] });
    await this.producer?.send<unknown>?.({ topic: 'order.traced', messages: [] } as never);
  }
}
`,
        [
          { at: 'this.producer!.send', action: KAFKA, write: '(this.orders as Repository<Order>).save', writeAt: '(this.orders as', suggestions: [] },
          {
            at: '(this.producer as Producer).send',
            action: KAFKA,
            write: '(this.orders as Repository<Order>).save',
            writeAt: '(this.orders as',
            send: '(this.producer as Producer).send',
            suggestions: [],
          },
          {
            at: 'this.producer?.send<unknown>',
            action: KAFKA,
            write: '(this.orders as Repository<Order>).save',
            writeAt: '(this.orders as',
            suggestions: [],
          },
        ],
        { name: 'overloads, optional parameter properties, as/satisfies/non-null casts and type arguments' },
      ),
    ],
  });
});
