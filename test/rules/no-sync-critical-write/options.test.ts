/**
 * The rule's options: the effect of each on what is reported, and the schema: unknown keys
 * and invalid patterns are errors that name the option, under ESLint 9 and 10.
 */
import { Linter } from 'eslint';
import { Linter as LinterV9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import realRule from '../../../src/rules/no-sync-critical-write.js';
import { js, jsTester, outbox, publisher, RULE_NAME, rewrite, rule, ts, tsTester, type UserOptions } from './helpers.js';

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function postEntry(entry) {
  await axios.post(\`\${process.env.LEDGER_BASE}/entries\`, entry);
}
`,
        { name: 'without services, an env var that does not look like an address is unknown' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function authorise(payment) {
  await axios.post('http://acquirer:9000/payments', { amount: payment.amount, pan: payment.cardToken });
}
`,
        { name: 'externalHosts: a compose host that is a third-party appliance', options: { externalHosts: ['acquirer'] } },
      ),
      js.valid(
        `
import axios from 'axios';

export async function postEntry(entry) {
  await axios.post('https://ledger.acme.io/entries', entry);
}
`,
        { name: 'without services, a public-looking host is a third party' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function sendTransfer(transfer) {
  await axios.post(\`\${process.env.SETTLEMENT_BANK_URL}/transfers\`, transfer);
}
`,
        { name: 'externalHosts: an env var name', options: { externalHosts: ['SETTLEMENT_BANK_URL'] } },
      ),
      js.valid(
        `
import axios from 'axios';

export async function sendTransfer(transfer) {
  await axios.post(\`\${process.env.SETTLEMENT_BANK_URL}/transfers\`, transfer);
}
`,
        { name: 'externalHosts: a glob over env var names', options: { externalHosts: ['*_BANK_URL'] } },
      ),
      js.valid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_URL}/payments\`, payment);
}
`,
        { name: 'serviceEnvPattern replaces the default pattern', options: { serviceEnvPattern: '_SERVICE_URL$' } },
      ),
      js.valid(
        `
import axios from 'axios';

export async function simulate(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/simulations\`, { amount: payment.amount });
}
`,
        { name: 'nonCriticalWords count against', options: { nonCriticalWords: ['simulation'] } },
      ),
      js.valid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { amount: payment.amount, currency: payment.currency });
}
`,
        { name: 'builtinWords: false drops the built-in word lists', options: { builtinWords: false } },
      ),
      js.valid(
        `
import axios from 'axios';

export async function drainPendingMessages(db) {
  for (const row of await db.pendingMessages()) {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, row.payload);
    await db.markSent(row.id);
  }
}
`,
        { name: 'outboxRelayPattern names your relay', options: { outboxRelayPattern: '^drain' } },
      ),
      js.valid(
        `
import axios from 'axios';

export async function notifyCustomer(orderId, order) {
  await axios.post(\`\${process.env.ORDERS_SERVICE_URL}/orders/\${orderId}/notifications\`, { channel: 'sms', total: order.total });
}
`,
        { name: 'by default a non-critical path word counts against', options: { criticalWords: ['order'] } },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function postEntry(entry) {
  await axios.post(\`\${process.env.LEDGER_BASE}/entries\`, entry);
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.LEDGER_BASE}/entries`, entry)',
            topic: 'ledger.entries.created',
            payload: 'entry',
          }),
        },
        { name: 'services: a name makes matching env vars internal', options: { services: ['ledger'] } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post('https://payments.acme.io/v1/payments', payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /v1/payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/v1/payments"'],
          suggest: rewrite({
            replaced: "axios.post('https://payments.acme.io/v1/payments', payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'services: a URL glob', options: { services: ['https://*.acme.io/**'] } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function postEntry(entry) {
  await axios.post('https://ledger.acme.io/entries', entry);
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: "axios.post('https://ledger.acme.io/entries', entry)",
            topic: 'ledger.entries.created',
            payload: 'entry',
          }),
        },
        { name: 'services: a name makes a matching host internal', options: { services: ['ledger'] } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post('https://payments.acme.io/v1/payments', payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /v1/payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/v1/payments"'],
          suggest: rewrite({
            replaced: "axios.post('https://payments.acme.io/v1/payments', payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'internalHosts: a host glob', options: { internalHosts: ['*.acme.io'] } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function authorise(payment) {
  await axios.post('http://acquirer:9000/payments', { amount: payment.amount, pan: payment.cardToken });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'acquirer',
          evidence: ['path "/payments"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: "axios.post('http://acquirer:9000/payments', { amount: payment.amount, pan: payment.cardToken })",
            topic: 'acquirer.payments.created',
            payload: '{ amount: payment.amount, pan: payment.cardToken }',
          }),
        },
        { name: 'without externalHosts, a compose host is one of your services' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function sendTransfer(transfer) {
  await axios.post(\`\${process.env.SETTLEMENT_BANK_URL}/transfers\`, transfer);
}
`,
        {
          at: 'axios.post',
          request: 'POST /transfers',
          service: 'settlement-bank',
          evidence: ['service "settlement-bank"', 'path "/transfers"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.SETTLEMENT_BANK_URL}/transfers`, transfer)',
            topic: 'settlement-bank.transfers.created',
            payload: 'transfer',
          }),
        },
        { name: 'without externalHosts, an address env var is one of your services' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function postEntry(entry) {
  await axios.post(\`\${process.env.LEDGER_BASE}/entries\`, entry);
}
`,
        {
          at: 'axios.post',
          request: 'POST /entries',
          service: 'ledger',
          evidence: ['service "ledger"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.LEDGER_BASE}/entries`, entry)',
            topic: 'ledger.entries.created',
            payload: 'entry',
          }),
        },
        { name: 'serviceEnvPattern: your own naming convention', options: { serviceEnvPattern: '_BASE$' } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function savePreferences(userId, preferences) {
  await axios.put(\`\${process.env.USERS_SERVICE_URL}/users/\${userId}/preferences\`, preferences);
}
`,
        {
          at: 'axios.put',
          request: 'PUT /users/{userId}/preferences',
          service: 'users',
          evidence: ['criticality "all"'],
          suggest: rewrite({
            replaced: 'axios.put(`${process.env.USERS_SERVICE_URL}/users/${userId}/preferences`, preferences)',
            topic: 'users.preferences.updated',
            payload: '{ ...preferences, userId }',
          }),
        },
        { name: "criticality: 'all' reports a write with no evidence", options: { criticality: 'all' } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function sendReceipt(order) {
  await axios.post(\`\${process.env.NOTIFICATIONS_SERVICE_URL}/emails\`, { to: order.customerEmail, template: 'receipt' });
}
`,
        {
          at: 'axios.post',
          request: 'POST /emails',
          service: 'notifications',
          evidence: ['criticality "all"'],
          suggest: rewrite({
            replaced: "axios.post(`${process.env.NOTIFICATIONS_SERVICE_URL}/emails`, { to: order.customerEmail, template: 'receipt' })",
            topic: 'notifications.emails.created',
            payload: "{ to: order.customerEmail, template: 'receipt' }",
          }),
        },
        { name: "criticality: 'all' reports even non-critical traffic", options: { criticality: 'all' } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function enrol(studentId, courseId) {
  await axios.post(\`\${process.env.COURSES_SERVICE_URL}/enrollments\`, { studentId, courseId });
}
`,
        {
          at: 'axios.post',
          request: 'POST /enrollments',
          service: 'courses',
          evidence: ['path "/enrollments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.COURSES_SERVICE_URL}/enrollments`, { studentId, courseId })',
            topic: 'courses.enrollments.created',
            payload: '{ studentId, courseId }',
          }),
        },
        { name: 'criticalWords: a path word', options: { criticalWords: ['enrollment'] } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function adjust(memberId, adjustment) {
  await axios.post(\`\${process.env.REWARDS_SERVICE_URL}/members/\${memberId}/adjustments\`, adjustment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /members/{memberId}/adjustments',
          service: 'rewards',
          evidence: ['service "rewards"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.REWARDS_SERVICE_URL}/members/${memberId}/adjustments`, adjustment)',
            topic: 'rewards.members.adjustments.created',
            payload: '{ ...adjustment, memberId }',
          }),
        },
        { name: 'criticalWords: a service name', options: { criticalWords: ['reward'] } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function adjust(memberId, stars) {
  await axios.post(\`\${process.env.REWARDS_SERVICE_URL}/members/\${memberId}/adjustments\`, { stars, reason: 'goodwill' });
}
`,
        {
          at: 'axios.post',
          request: 'POST /members/{memberId}/adjustments',
          service: 'rewards',
          evidence: ['payload key "stars"'],
          suggest: rewrite({
            replaced: "axios.post(`${process.env.REWARDS_SERVICE_URL}/members/${memberId}/adjustments`, { stars, reason: 'goodwill' })",
            topic: 'rewards.members.adjustments.created',
            payload: "{ memberId, stars, reason: 'goodwill' }",
          }),
        },
        { name: 'criticalPayloadKeys', options: { criticalPayloadKeys: ['stars'] } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { amount: payment.amount, currency: payment.currency });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { amount: payment.amount, currency: payment.currency })',
            topic: 'payments.created',
            payload: '{ amount: payment.amount, currency: payment.currency }',
          }),
        },
        { name: 'builtinWords: false with your own criticalWords', options: { builtinWords: false, criticalWords: ['payment'] } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function notifyCustomer(orderId, order) {
  await axios.post(\`\${process.env.ORDERS_SERVICE_URL}/orders/\${orderId}/notifications\`, { channel: 'sms', total: order.total });
}
`,
        {
          at: 'axios.post',
          request: 'POST /orders/{orderId}/notifications',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders/{orderId}/notifications"'],
          suggest: rewrite({
            replaced: "axios.post(`${process.env.ORDERS_SERVICE_URL}/orders/${orderId}/notifications`, { channel: 'sms', total: order.total })",
            topic: 'orders.notifications.created',
            payload: "{ orderId, channel: 'sms', total: order.total }",
          }),
        },
        {
          name: 'builtinWords: false also drops the built-in non-critical words',
          options: { builtinWords: false, criticalWords: ['order'] },
        },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function relayOutbox(db) {
  for (const row of await db.pendingMessages()) {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, row.payload);
  }
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, row.payload)',
            topic: 'payments.created',
            payload: 'row.payload',
          }),
        },
        { name: 'outboxRelayPattern replaces the default relay names', options: { outboxRelayPattern: '^drain' } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'checkTestFiles: true checks test files', filename: 'src/payments.test.js', options: { checkTestFiles: true } },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          suggest: rewrite(
            {
              replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
              topic: 'payments.created',
              payload: 'payment',
            },
            publisher('bus.publish', { after: "import axios from 'axios';", text: "\nimport { bus } from '@acme/bus';" }),
            outbox('outbox.record', { after: "import axios from 'axios';", text: "\nimport { outbox } from '@acme/outbox';" }),
          ),
        },
        {
          name: 'suggestion options leave detection unchanged',
          options: {
            publisher: { call: 'bus.publish', import: { from: '@acme/bus', name: 'bus' } },
            outbox: { call: 'outbox.record', import: { from: '@acme/outbox', name: 'outbox' } },
            topicTemplate: '{service}.{action}',
          },
        },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class CheckoutService {
  constructor(private readonly http: HttpService) {}

  async pay(orderId: string, amount: number) {
    await firstValueFrom(this.http.post('/payments', { orderId, amount }));
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /payments',
          service: 'unknown',
          evidence: ['path "/payments"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: "firstValueFrom(this.http.post('/payments', { orderId, amount }))",
            topic: 'payments.created',
            payload: '{ orderId, amount }',
          }),
        },
        { name: "relativeUrls: 'internal' on an injected HttpService", options: { relativeUrls: 'internal' } },
      ),
      ts.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment: { amount: number }): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['service "payments"', 'path "/payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        {
          name: 'checkTestFiles: true checks *.spec.ts files',
          filename: 'src/payments/payments.service.spec.ts',
          options: { checkTestFiles: true },
        },
      ),
    ],
  });
});

const CODE = `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`;

const linters = [
  ['ESLint 10', () => new Linter({ configType: 'flat' })],
  ['ESLint 9', () => new LinterV9({ configType: 'flat' }) as unknown as Linter],
] as const;

describe.each(linters)('option validation under %s', (_version, createLinter) => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    createLinter().verify(
      CODE,
      [
        {
          plugins: { 'durable-writes': { rules: { [RULE_NAME]: realRule as never } } },
          rules: { [`durable-writes/${RULE_NAME}`]: ['error', options] },
        },
      ],
      'src/payments.js',
    );

  it('accepts every option at once and still reports', () => {
    const options: Required<UserOptions> = {
      services: ['payments', 'https://*.acme.io/**'],
      internalHosts: ['*.acme.internal'],
      externalHosts: ['api.partner.com', 'PARTNER_API_URL'],
      serviceEnvPattern: '_(?:URL|BASE)$',
      relativeUrls: 'ignore',
      criticality: 'keywords',
      criticalWords: ['enrollment'],
      nonCriticalWords: ['simulation'],
      criticalPayloadKeys: ['points'],
      builtinWords: true,
      unknownMethod: 'ignore',
      outboxRelayPattern: 'outbox|relay|drain',
      checkTestFiles: false,
      checkBrowserCode: false,
      checkProxies: false,
      publisher: { call: 'bus.publish', import: { from: '@acme/bus', name: 'bus' } },
      outbox: { call: 'outbox.record', import: { from: '@acme/outbox', name: 'outbox', default: true } },
      topicTemplate: '{service}.{resource}.{action}',
      fix: false,
      followImports: true,
      followCalls: false,
      followDepth: 3,
    };
    expect(lint(options).map((message) => message.messageId)).toEqual(['syncCriticalWrite']);
  });

  it.each([
    [{ service: ['payments'] }, 'service'],
    [{ criticalityWords: ['payment'] }, 'criticalityWords'],
    [{ severity: 'high' }, 'severity'],
  ])('rejects the unknown key of %j and names it', (options, name) => {
    expect(() => lint(options)).toThrow(`Unexpected property "${name}"`);
  });

  it.each([
    [{ serviceEnvPattern: '(' }, 'serviceEnvPattern'],
    [{ serviceEnvPattern: '_URL$)' }, 'serviceEnvPattern'],
    [{ outboxRelayPattern: '[a-' }, 'outboxRelayPattern'],
  ])('rejects the invalid regular expression in %j and names the option', (options, name) => {
    expect(() => lint(options)).toThrow(`"${name}"`);
  });
});
