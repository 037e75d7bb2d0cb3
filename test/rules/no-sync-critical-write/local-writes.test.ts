/**
 * One warning per call: a synchronous critical write that pairs with a database write of the
 * same function is reported by this rule alone, and its message names that write (before the
 * call, after it, or in the same transaction). no-dual-write leaves such calls alone.
 */
import { js, jsTester, outbox, RULE_NAME, rewrite, rule } from './helpers.js';

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(
      `import axios from 'axios';
import pool from '../db/pool';

export async function placeOrder(order) {
  await pool.query('INSERT INTO orders (id, total) VALUES ($1, $2)', [order.id, order.total]);
  await axios.get(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${order.paymentId}\`);
}
`,
      { name: 'a read after a database write is neither rule’s concern' },
    ),
  ],
  invalid: [
    js.invalid(
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
      [
        {
          at: 'axios.post',
          nth: 1,
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          after: ' after `pool.query` (line 6) committed',
          suggest: rewrite(
            { replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: order.id, amount: order.total })', topic: 'payments.created', payload: '{ orderId: order.id, amount: order.total }' },
            outbox(),
          ),
        },
        {
          at: 'axios.post',
          nth: 2,
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          after: " after `db.collection('orders').insertOne` (line 12) committed",
          suggest: rewrite(
            {
              replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: order.id, amount: order.total })',
              nth: 2,
              topic: 'payments.created',
              payload: '{ orderId: order.id, amount: order.total }',
            },
            outbox(),
          ),
        },
      ],
      { name: 'the SQL or MongoDB write committed before the request is named in the message' },
    ),
    js.invalid(
      `import axios from 'axios';

const inventory = axios.create({ baseURL: process.env.INVENTORY_SERVICE_URL, timeout: 3000 });

export async function cancelOrder(prisma, order) {
  await inventory.delete(\`/reservations/\${order.reservationId}\`);
  await prisma.order.update({ where: { id: order.id }, data: { status: 'cancelled' } });
}
`,
      {
        at: 'inventory.delete',
        request: 'DELETE /reservations/{reservationId}',
        service: 'inventory',
        evidence: ['service "inventory"', 'path "/reservations/{reservationId}"'],
        after: ' before `prisma.order.update` (line 7) commits',
        suggest: rewrite(
          { replaced: 'inventory.delete(`/reservations/${order.reservationId}`)', topic: 'inventory.reservations.deleted', payload: '{ reservationId: order.reservationId }' },
          outbox(),
        ),
      },
      { name: 'a database write after the request is named too' },
    ),
    js.invalid(
      `import { PrismaClient } from '@prisma/client';
import axios from 'axios';

const prisma = new PrismaClient();

export async function placeOrder(input) {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: input });
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total });
  });
}
`,
      {
        at: 'axios.post',
        request: 'POST /payments',
        service: 'payments',
        evidence: ['service "payments"', 'path "/payments"'],
        after: ' inside the database transaction of `tx.order.create` (line 8)',
        suggest: rewrite(
          { replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: order.id, amount: order.total })', topic: 'payments.created', payload: '{ orderId: order.id, amount: order.total }' },
          outbox(),
        ),
      },
      { name: 'a request inside the transaction that writes the database' },
    ),
    js.invalid(
      `export async function placeOrder({ prisma }, input) {
  const order = await prisma.order.create({ data: input });
  if (order.express) return order;
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify({ amount: order.total }) });
  return order;
}

export async function cancel(db, order) {
  if (order.paid) {
    await db.order.update({ where: { id: order.id }, data: { status: 'refund_pending' } });
  } else {
    await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${order.paymentId}\`, { method: 'DELETE' });
  }
}
`,
      [
        {
          at: 'fetch',
          nth: 1,
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          after: ' after `prisma.order.create` (line 2) committed',
          suggest: rewrite(
            {
              replaced: "fetch(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { method: 'POST', body: JSON.stringify({ amount: order.total }) })",
              topic: 'payments.created',
              payload: '{ amount: order.total }',
            },
            outbox(),
          ),
        },
        {
          at: 'fetch',
          nth: 2,
          request: 'DELETE /payments/{paymentId}',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments/{paymentId}"'],
          suggest: rewrite(
            {
              replaced: "fetch(`${process.env.PAYMENTS_SERVICE_URL}/payments/${order.paymentId}`, { method: 'DELETE' })",
              topic: 'payments.deleted',
              payload: '{ paymentId: order.paymentId }',
            },
            outbox(),
          ),
        },
      ],
      { name: 'a Prisma client by name; a write in the other branch of an if is not paired' },
    ),
  ],
});
