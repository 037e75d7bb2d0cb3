/**
 * JavaScript a compiler wrote beside its TypeScript source is not checked: the dual write is
 * reported once, in the source.
 */
import path from 'node:path';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, publishesTo, RULE_NAME, rule } from './helpers.js';

const ORDERS = `import { PrismaClient } from '@prisma/client';
import amqp from 'amqplib';

const prisma = new PrismaClient();
const connection = await amqp.connect(process.env.AMQP_URL);
const channel = await connection.createChannel();

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  channel.sendToQueue('orders', Buffer.from(JSON.stringify(order)), { persistent: true });
}
`;

/** tsc's output: the source less its types, with a link to its source map (put together here, see the other rule's test). */
const EMITTED = `${ORDERS}${['//#', 'sourceMappingURL=orders.js.map'].join(' ')}\n`;

/** `src/orders.js` of a temporary project holding `files` beside it. */
function ordersFile(files: Readonly<Record<string, string>>): string {
  return path.join(writeProject({ 'package.json': '{ "name": "orders", "private": true }\n', ...files }), 'src', 'orders.js');
}

jsTester.run(RULE_NAME, rule, {
  valid: [js.valid(EMITTED, { filename: ordersFile({ 'src/orders.ts': ORDERS }), name: "tsc's output beside its source" })],
  invalid: [
    js.invalid(EMITTED, { at: 'channel.sendToQueue', action: publishesTo('RabbitMQ'), write: 'prisma.order.create', suggestions: [] }, {
      filename: ordersFile({}),
      name: 'compiled output whose source is not beside it',
    }),
  ],
});
