/**
 * Options through ESLint itself: defaults are accepted, a bad value is a schema error for this
 * rule that names the option (under ESLint 10 and 9), an unknown option is named, and a pattern
 * that is not a regular expression names its option. (What each option changes in reports and
 * suggestions is in outbox.test.ts.)
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { Linter as LinterV9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';

const CODE = `
import { PrismaClient } from '@prisma/client';
import { Kafka } from 'kafkajs';

const prisma = new PrismaClient();
const producer = new Kafka({ brokers: ['kafka:9092'] }).producer();

export async function placeOrder(input: { total: number }) {
  const order = await prisma.order.create({ data: input });
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}
`;

function lint(options?: Record<string, unknown>): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    CODE,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { 'durable-writes': plugin },
        rules: { 'durable-writes/no-dual-write': options === undefined ? 'error' : ['error', options] },
      },
    ],
    { filename: 'src/orders.ts' },
  );
}

describe('no-dual-write options through ESLint', () => {
  it('accepts no options and an empty object, and reports with the defaults', () => {
    expect(lint().map((message) => message.messageId)).toEqual(['dualWrite']);
    expect(lint({}).map((message) => message.messageId)).toEqual(['dualWrite']);
  });

  it('rejects bad values with a schema error for this rule', () => {
    expect(() => lint({ outboxModel: 'outbox events' })).toThrow(/no-dual-write/);
    expect(() => lint({ outboxEntity: '1Outbox' })).toThrow(/no-dual-write/);
    expect(() => lint({ outboxTable: 'outbox; drop table orders' })).toThrow(/no-dual-write/);
    expect(() => lint({ checkTestFiles: 'yes' })).toThrow(/no-dual-write/);
    expect(() => lint({ outboxRelayPattern: '' })).toThrow(/no-dual-write/);
    expect(() => lint({ services: 'payments' })).toThrow(/no-dual-write/);
  });

  it('names an unknown option', () => {
    expect(() => lint({ outboxModle: 'outboxMessage' })).toThrow(/Unexpected property "outboxModle"/);
  });

  it('names an outboxRelayPattern that is not a regular expression', () => {
    expect(() => lint({ outboxRelayPattern: '[relay' })).toThrow(/outboxRelayPattern/);
  });
});

const linters = [
  ['ESLint 10', () => new Linter({ configType: 'flat' })],
  ['ESLint 9', () => new LinterV9({ configType: 'flat' }) as unknown as Linter],
] as const;

describe.each(linters)('a bad option value names the option under %s', (_version, createLinter) => {
  const lintWith = (options: Record<string, unknown>): void => {
    createLinter().verify(
      CODE,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { 'durable-writes': plugin },
          rules: { 'durable-writes/no-dual-write': ['error', options] },
        },
      ],
      { filename: 'src/orders.ts' },
    );
  };

  it.each([
    [{ outboxModel: 'outbox events' }, 'option "outboxModel" expects a string matching'],
    [{ outboxEntity: '1Outbox' }, 'option "outboxEntity" expects a string matching'],
    [{ outboxTable: 'outbox; drop table orders' }, 'option "outboxTable" expects a string matching'],
    [{ checkTestFiles: 'yes' }, 'option "checkTestFiles" expects true or false'],
    [{ outboxRelayPattern: '' }, 'option "outboxRelayPattern" expects a non-empty string'],
    [{ serviceEnvPattern: '' }, 'option "serviceEnvPattern" expects a non-empty string'],
    [{ services: 'payments' }, 'option "services" expects an array of non-empty strings without duplicates'],
    [{ internalHosts: [''] }, 'option "internalHosts" expects an array of non-empty strings without duplicates'],
    [{ externalHosts: ['api.partner.com', 'api.partner.com'] }, 'option "externalHosts" expects an array of non-empty strings without duplicates'],
  ])('%j', (options, message) => {
    expect(() => lintWith(options)).toThrow(message);
  });
});
