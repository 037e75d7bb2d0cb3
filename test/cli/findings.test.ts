/**
 * The map reads the data of the rules' messages back from their text. These cases lint real
 * code with the real rules, so a change of a message template or of the way `no-dual-write`
 * words its `action` shows up here.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { toDurableCall, toFinding } from '../../src/cli/lint/findings.js';
import plugin from '../../src/index.js';

const CODE = `import axios from 'axios';
import { Kafka } from 'kafkajs';
import { PrismaClient } from '@prisma/client';

const producer = new Kafka({ clientId: 'orders', brokers: ['kafka:9092'] }).producer();
const prisma = new PrismaClient();

export async function placeOrder(input) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: order.id, amount: order.total, currency: 'EUR' });
  return order;
}
`;

function lint(code: string) {
  const linter = new Linter();
  return linter.verify(code, [plugin.configs.recommended], { filename: 'orders/src/place-order.js' });
}

describe('toFinding', () => {
  const messages = lint(CODE);
  const findings = messages.map((message) => toFinding(message, plugin.rules, { file: 'orders/src/place-order.js', absoluteFile: '/repo/orders/src/place-order.js' }));

  it('reads every message of the plugin', () => {
    // one warning per call: the critical request is no-sync-critical-write's alone
    expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '10:9 durable-writes/no-dual-write',
      '11:9 durable-writes/no-sync-critical-write',
    ]);
    expect(findings.every(Boolean)).toBe(true);
  });

  it('a dual write with a publish targets the broker', () => {
    expect(findings[0]).toMatchObject({
      rule: 'no-dual-write',
      messageId: 'dualWrite',
      line: 10,
      column: 9,
      target: { kind: 'broker', name: 'Kafka' },
      method: null,
      path: null,
      dualWrite: { send: 'producer.send', action: 'publishes to Kafka', dbWrite: 'prisma.order.create', dbWriteLine: 9 },
    });
  });

  it('a dual write with a cross-service request targets the service, with method and path', () => {
    const template = plugin.rules['no-dual-write']!.meta!.messages!.dualWrite!;
    const message = template
      .replaceAll('{{send}}', '`axios.post`')
      .replaceAll('{{action}}', "makes a synchronous POST /payments to the 'payments' service")
      .replaceAll('{{dbWrite}}', '`prisma.order.create`')
      .replaceAll('{{line}}', '9');
    const finding = toFinding(
      { ruleId: 'durable-writes/no-dual-write', messageId: 'dualWrite', message, line: 11, column: 9, severity: 1 },
      plugin.rules,
      { file: 'a.ts', absoluteFile: '/a.ts' },
    );
    expect(finding).toMatchObject({
      rule: 'no-dual-write',
      target: { kind: 'service', name: 'payments' },
      method: 'POST',
      path: '/payments',
      dualWrite: { send: 'axios.post', dbWrite: 'prisma.order.create', dbWriteLine: 9 },
    });
  });

  it('a synchronous critical write gives method, path, service and evidence', () => {
    expect(findings[1]).toMatchObject({
      rule: 'no-sync-critical-write',
      messageId: 'syncCriticalWrite',
      target: { kind: 'service', name: 'payments' },
      method: 'POST',
      path: '/payments',
      via: [],
      dualWrite: null,
    });
    expect(findings[1]?.evidence).toMatch(/payments/);
    expect(messages[1]?.message).toContain('after `prisma.order.create` (line 9) committed');
  });

  it('splits the via chain of a typed report', () => {
    const template = plugin.rules['no-sync-critical-write']!.meta!.messages!.syncCriticalWriteVia!;
    const message = template
      .replaceAll('{{request}}', 'POST /invoices')
      .replaceAll('{{service}}', 'billing')
      .replaceAll('{{via}}', 'InvoiceService.issue() → createInvoice()')
      .replaceAll('{{evidence}}', 'service "billing"')
      .replaceAll('{{after}}', '')
      .replaceAll('{{note}}', '');
    const finding = toFinding(
      { ruleId: 'durable-writes/no-sync-critical-write', messageId: 'syncCriticalWriteVia', message, line: 3, column: 5, severity: 1 },
      plugin.rules,
      { file: 'a.ts', absoluteFile: '/a.ts' },
    );
    expect(finding).toMatchObject({ via: ['InvoiceService.issue()', 'createInvoice()'], method: 'POST', path: '/invoices', target: { name: 'billing' } });
  });

  it('ignores messages of other rules and text that does not fit the template', () => {
    const context = { file: 'a.ts', absoluteFile: '/a.ts' };
    expect(toFinding({ ruleId: 'no-undef', message: 'x', line: 1, column: 1, severity: 2 }, plugin.rules, context)).toBeUndefined();
    expect(
      toFinding({ ruleId: 'durable-writes/no-dual-write', messageId: 'dualWrite', message: 'reworded', line: 1, column: 1, severity: 1 }, plugin.rules, context),
    ).toBeUndefined();
  });
});

describe('toDurableCall', () => {
  const STEP_CODE = `import axios from 'axios';
import { Inngest } from 'inngest';

const inngest = new Inngest({ id: 'orders' });

export const place = inngest.createFunction({ id: 'place-order' }, { event: 'shop/order.placed' }, async ({ event, step }) => {
  await step.run('charge', () => axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { orderId: event.data.id, amount: event.data.total }));
});
`;
  const context = { file: 'orders/src/place.js', absoluteFile: '/repo/orders/src/place.js' };

  it('reads the durableStep message the rule reports when the map sets reportDurableSteps', () => {
    const linter = new Linter();
    const messages = linter.verify(STEP_CODE, [plugin.configs.recommended, { settings: { 'durable-writes': { reportDurableSteps: true } } }], {
      filename: 'orders/src/place.js',
    });
    expect(messages.map((message) => message.messageId)).toEqual(['durableStep']);
    expect(toDurableCall(messages[0]!, plugin.rules, context)).toEqual({
      ...context,
      line: 7,
      column: 34,
      target: { kind: 'service', name: 'payments' },
      method: 'POST',
      path: '/payments',
      evidence: 'service "payments", path "/payments"',
      step: 'Inngest step.run',
    });
  });

  it('without the setting, the rule reports nothing there; reworded text is not read', () => {
    expect(lint(STEP_CODE)).toEqual([]);
    expect(
      toDurableCall({ ruleId: 'durable-writes/no-sync-critical-write', messageId: 'durableStep', message: 'reworded', line: 1, column: 1, severity: 1 }, plugin.rules, context),
    ).toBeUndefined();
  });
});
