/**
 * Typed linting (`followCalls`): a project in fixtures/typed with its own tsconfig, whose
 * modules hold the clients, the constants and the wrappers. Each case is linted as
 * fixtures/typed/file.ts (part of that project), importing from its src/ folder. The same code
 * without `followCalls` gets the syntax-only behaviour: nothing it cannot see in the file.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/index.js';
import { TYPED_LINTING_REQUIRED } from '../../../src/rules/no-sync-critical-write.js';
import { outbox, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const project = path.resolve(import.meta.dirname, '../../../fixtures/typed');

const typedTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: project } },
});

const TYPED = { followCalls: true };
const FILE = path.join(project, 'file.ts');

const ORCHESTRATOR = `import { BillingClient } from './src/billing-client.js';
import type { TransferCommand } from './src/dto.js';
import { callCore, postToLedger } from './src/http.js';

export async function checkout(orderId: string, transfer: TransferCommand): Promise<void> {
  const billing = new BillingClient();
  await billing.issueInvoice({ orderId, lines: [] });
  await postToLedger('/transfers', transfer);
  await callCore('/payments', { orderId, amount: 1200 });
  await callCore('/audit-log', { orderId });
  await billing.getInvoice(orderId);
}
`;

const CONSTANTS = `import axios from 'axios';
import { LEDGER_URL } from './src/config.js';

export async function book(amount: number): Promise<void> {
  await axios.post(\`\${LEDGER_URL}/entries\`, { amount });
}
`;

const IMPORTED_INSTANCE = `import { billingApi } from './src/http.js';

export async function refund(invoiceId: string): Promise<void> {
  await billingApi.post(\`/invoices/\${invoiceId}/refunds\`, {});
}
`;

const CLIENT_BY_TYPE = `import type { AxiosInstance } from 'axios';

interface Deps {
  http: AxiosInstance;
}

export async function reserve(deps: Deps, sku: string): Promise<void> {
  await deps.http.post('http://inventory:8080/reservations', { sku });
}
`;

const NEST_GATEWAY = `import { Injectable } from '@nestjs/common';
import { ChargeDto } from './src/dto.js';
import { PaymentsGateway } from './src/payments.gateway.js';

@Injectable()
export class CheckoutService {
  constructor(private readonly gateway: PaymentsGateway) {}

  async pay(orderId: string, card: string): Promise<string> {
    return this.gateway.charge(new ChargeDto(orderId, card));
  }
}
`;

const PAYLOAD_TYPE = `import type { AxiosInstance } from 'axios';
import type { TransferCommand } from './src/dto.js';

export async function move(client: AxiosInstance, command: TransferCommand): Promise<void> {
  await client.post('http://core:8080/v1/commands', command);
}
`;

typedTester.run(`${RULE_NAME} (typed)`, rule, {
  valid: [
    { code: CONSTANTS.replace('/entries', '/entries/search').replace('axios.post', 'axios.get'), filename: FILE, options: [TYPED] as never, name: 'reads stay unreported with types too' },
    {
      code: `import { callCore } from './src/http.js';\n\nexport async function note(orderId: string): Promise<void> {\n  await callCore('/audit-log', { orderId });\n}\n`,
      filename: FILE,
      options: [TYPED] as never,
      name: 'a generic wrapper carrying non-critical traffic',
    },
    {
      code: NEST_GATEWAY,
      filename: FILE,
      options: [TYPED] as never,
      name: 'a NestJS service delegating to an injected gateway: the gateway reports the write in its own file, the caller is not reported again',
    },
  ],
  invalid: [
    ts.invalid(
      ORCHESTRATOR,
      [
        {
          at: 'callCore',
          within: "callCore('/payments'",
          request: 'POST /payments',
          service: 'core',
          evidence: ['path "/payments"', 'payload key "amount"'],
          via: ['callCore'],
          suggest: rewrite({ replaced: "callCore('/payments', { orderId, amount: 1200 })", topic: 'core.payments.created', payload: '{ orderId, amount: 1200 }' }, outbox()),
        },
      ],
      {
        filename: FILE,
        options: TYPED,
        name: 'a wrapper in another file reported where the call supplies the path and payload; writes its own file shows (billing, ledger) are reported there, not again here',
      },
    ),
    ts.invalid(
      CONSTANTS,
      {
        at: 'axios.post',
        request: 'POST /entries',
        service: 'ledger',
        evidence: ['service "ledger"', 'payload key "amount"'],
        suggest: rewrite({ replaced: 'axios.post(`${LEDGER_URL}/entries`, { amount })', topic: 'ledger.entries.created', payload: '{ amount }' }, outbox()),
      },
      { filename: FILE, options: TYPED, name: 'a base URL constant exported by another module' },
    ),
    ts.invalid(
      IMPORTED_INSTANCE,
      {
        at: 'billingApi.post',
        request: 'POST /invoices/{invoiceId}/refunds',
        service: 'billing',
        evidence: ['service "billing"', 'path "/invoices/{invoiceId}/refunds"'],
        suggest: rewrite(
          { replaced: 'billingApi.post(`/invoices/${invoiceId}/refunds`, {})', topic: 'billing.invoices.refunds.created', payload: '{ invoiceId }' },
          outbox(),
        ),
      },
      { filename: FILE, options: TYPED, name: 'an axios instance created in another module, with its baseURL from a third' },
    ),
    ts.invalid(
      CLIENT_BY_TYPE,
      {
        at: 'deps.http.post',
        request: 'POST /reservations',
        service: 'inventory',
        evidence: ['service "inventory"', 'path "/reservations"'],
        suggest: rewrite({ replaced: "deps.http.post('http://inventory:8080/reservations', { sku })", topic: 'inventory.reservations.created', payload: '{ sku }' }, outbox()),
      },
      { filename: FILE, options: TYPED, name: 'a client recognised only by its type (a property typed AxiosInstance)' },
    ),
    ts.invalid(
      PAYLOAD_TYPE,
      {
        at: 'client.post',
        request: 'POST /v1/commands',
        service: 'core',
        evidence: ['@critical on type TransferCommand', 'payload type "TransferCommand"'],
        suggest: rewrite({ replaced: "client.post('http://core:8080/v1/commands', command)", topic: 'core.commands.created', payload: 'command' }, outbox()),
      },
      { filename: FILE, options: TYPED, name: 'criticality from the payload type: @critical on an interface in another module' },
    ),
  ],
});

// Without followCalls the rule sees only what each file shows: imports from project modules,
// a client typed through a local interface, and calls into other files stay unknown.
tsTester.run(`${RULE_NAME} (same code, syntax only)`, rule, {
  valid: [ORCHESTRATOR, CONSTANTS, IMPORTED_INSTANCE, CLIENT_BY_TYPE, NEST_GATEWAY].map((code) => ({ code, filename: 'src/service.ts' })),
  invalid: [
    ts.invalid(
      PAYLOAD_TYPE,
      {
        at: 'client.post',
        request: 'POST /v1/commands',
        service: 'core',
        evidence: ['payload type "TransferCommand"'],
        suggest: rewrite({ replaced: "client.post('http://core:8080/v1/commands', command)", topic: 'core.commands.created', payload: 'command' }, outbox()),
      },
      { name: 'the payload type name is read from the annotation; its @critical tag in another file is not' },
    ),
  ],
});

describe('followCalls without type information', () => {
  it.each([
    ['a TS file without projectService', 'service.ts', [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }]],
    ['a JS file', 'service.js', []],
  ])('is a clear error in %s that says how to enable typed linting', (_name, filename, parserConfig) => {
    const linter = new Linter();
    const config = [
      ...parserConfig,
      { plugins: { 'durable-writes': plugin }, rules: { 'durable-writes/no-sync-critical-write': ['warn', { followCalls: true }] } },
    ] as Linter.Config[];
    expect(() => linter.verify("import axios from 'axios';\naxios.post('/x', {});\n", config, { filename })).toThrow(TYPED_LINTING_REQUIRED);
    expect(TYPED_LINTING_REQUIRED).toMatch(/followCalls.*projectService/s);
  });
});
