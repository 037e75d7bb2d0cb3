/**
 * The team's tools are skipped as test files are, by both rules: a data-generator package's
 * files, a script beside a workspace's root package.json, and a service's loose scripts beside
 * its package.json (its code living in src/). The same code inside a service is checked.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, publishesTo, RULE_NAME, rule } from './helpers.js';

const DUAL_WRITE = `import { PrismaClient } from '@prisma/client';
import { Kafka } from 'kafkajs';

const prisma = new PrismaClient();
const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();

export async function createOrder(input) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`;

const REPORTED = { at: 'producer.send', action: publishesTo('Kafka'), write: 'prisma.order.create', suggestions: [] };

const service = writeProject({
  'package.json': { name: 'orders-service', private: true, type: 'module', dependencies: { express: '^5.1.0', kafkajs: '^2.2.4' } },
  'src/server.js': 'export {};\n',
});
const generator = writeProject({
  'package.json': { name: 'load-generator', private: true, type: 'module', dependencies: { '@faker-js/faker': '^9.0.0', kafkajs: '^2.2.4' } },
});
const monorepo = writeProject({
  'package.json': { name: 'shop', private: true, type: 'module', workspaces: ['services/*'] },
  'services/orders/package.json': { name: 'orders', private: true, type: 'module', dependencies: { express: '^5.1.0' } },
});

describe('developer scripts', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(DUAL_WRITE, { filename: path.join(service, 'verify_orders.js'), name: 'a loose verify_ script beside a service package.json' }),
      js.valid(DUAL_WRITE, { filename: path.join(generator, 'src', 'orders.js'), name: 'a file of a data-generator package' }),
      js.valid(DUAL_WRITE, { filename: path.join(monorepo, 'load-orders.js'), name: 'a script beside a workspace root package.json' }),
    ],
    invalid: [
      js.invalid(DUAL_WRITE, REPORTED, { filename: path.join(service, 'src', 'verify_orders.js'), name: 'the same name inside src/ is the service' }),
      js.invalid(DUAL_WRITE, REPORTED, { filename: path.join(monorepo, 'services', 'orders', 'src', 'orders.js'), name: 'a workspace service' }),
      js.invalid(DUAL_WRITE, REPORTED, {
        filename: path.join(service, 'verify_orders.js'),
        options: { checkTestFiles: true },
        name: 'checkTestFiles: the scripts are checked when asked',
      }),
    ],
  });
});
