/**
 * Dual writes in durable execution engines (issue 14). The engine records each completed step
 * and, on a retry, runs only what did not complete: a database write and a publish each in a
 * step of its own happen once each, like an outbox and its relay. In one step, a retry of the
 * step makes the database write again, and a step that fails for good keeps the write without
 * the publish: still a dual write, with a message that says to split the step. Workflow code
 * outside the steps is replayed, so a publish or a write there pairs as in any function.
 */
import { describe } from 'vitest';
import { publishesTo, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const HEADER = `import { Inngest } from 'inngest';
import { Kafka } from 'kafkajs';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
const inngest = new Inngest({ id: 'orders' });
`;

/** A Restate service with a Prisma client: a case writes the body of its handler between the two. */
const RESTATE_HEAD = `import axios from 'axios';
import * as restate from '@restatedev/restate-sdk';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export const checkout = restate.service({
  name: 'checkout',
  handlers: {
    process: async (ctx: restate.Context, order: { id: string; total: number }) => {
`;
const RESTATE_TAIL = `    },
  },
});
`;

const INNGEST_STEP = { engine: 'Inngest', detail: 'Inngest step.run', api: '`step.run`' };

describe('durable steps', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `${HEADER}
export const place = inngest.createFunction({ id: 'place-order' }, { event: 'shop/order.placed' }, async ({ event, step }) => {
  const order = await step.run('save-order', () => prisma.order.create({ data: event.data }));
  await step.run('announce-order', () => producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] }));
});
`,
        { name: 'the database write and the publish each in a step of its own' },
      ),
      ts.valid(
        `${HEADER}
export const place = inngest.createFunction({ id: 'place-order' }, { event: 'shop/order.placed' }, async ({ event, step }) => {
  const order = await step.run('save-order', () => prisma.order.create({ data: event.data }));
  await step.sendEvent('announce-order', { name: 'shop/order.created', data: order });
});
`,
        { name: "a step's database write and Inngest's own step.sendEvent (a step itself)" },
      ),
      ts.valid(
        `${RESTATE_HEAD}      await ctx.run('mark-charging', () => prisma.order.update({ where: { id: order.id }, data: { status: 'charging' } }));
      await ctx.run('charge', () => axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total }));
${RESTATE_TAIL}`,
        { name: 'a database write and a cross-service write in two Restate steps' },
      ),
    ],
    invalid: [
      ts.invalid(
        `${HEADER}
export const place = inngest.createFunction({ id: 'place-order' }, { event: 'shop/order.placed' }, async ({ event, step }) => {
  await step.run('save-and-announce', async () => {
    const order = await prisma.order.create({ data: event.data });
    await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
  });
});
`,
        { at: 'producer.send', action: publishesTo('Kafka'), write: 'prisma.order.create', step: INNGEST_STEP, suggestions: [] },
        { name: 'the database write and the publish in one Inngest step: split the step' },
      ),
      ts.invalid(
        `${RESTATE_HEAD}      await ctx.run('charge', async () => {
        await prisma.order.update({ where: { id: order.id }, data: { status: 'charging' } });
        await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
      });
${RESTATE_TAIL}`,
        {
          at: 'axios.post',
          action: "makes a synchronous POST /payments to the 'payments' service",
          write: 'prisma.order.update',
          step: { engine: 'Restate', detail: 'Restate ctx.run', api: '`ctx.run`' },
          suggestions: [],
        },
        { name: 'a database write and a cross-service write in one Restate step (no-sync-critical-write leaves the step alone)' },
      ),
      ts.invalid(
        `${HEADER}
export const place = inngest.createFunction({ id: 'place-order' }, { event: 'shop/order.placed' }, async ({ event, step }) => {
  const order = await step.run('save-order', () => prisma.order.create({ data: event.data }));
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
});
`,
        { at: 'producer.send', action: publishesTo('Kafka'), write: 'prisma.order.create', suggestions: [] },
        { name: 'a publish in workflow code, outside the steps: replayed, a dual write as anywhere' },
      ),
      ts.invalid(
        `import { Kafka } from 'kafkajs';
import { PrismaClient } from '@prisma/client';
import { heartbeat } from '@temporalio/activity';

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function shipOrder(orderId: string): Promise<void> {
  heartbeat();
  await prisma.order.update({ where: { id: orderId }, data: { status: 'shipped' } });
  await producer.send({ topic: 'order.shipped', messages: [{ value: orderId }] });
}
`,
        {
          at: 'producer.send',
          action: publishesTo('Kafka'),
          write: 'prisma.order.update',
          step: { engine: 'Temporal', detail: 'Temporal activity module', api: 'an activity' },
          suggestions: [],
        },
        { name: 'a Temporal activity that writes the database and publishes' },
      ),
    ],
  });
});
