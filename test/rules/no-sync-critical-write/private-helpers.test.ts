/**
 * A helper only its own file can call (`private post(path, body)`, a module-level function that
 * is not exported), whose request takes its whole path from a parameter, makes as many writes
 * as it has callers: each is reported at the call that names its path, not once at the helper.
 * A helper other modules may call keeps its one report, unless the project layer finds all its uses.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const INVENTORY_CLIENT = (helper: string, calls: string) => `
import axios from 'axios';

export class InventoryClient {
  private readonly baseUrl = process.env.INVENTORY_SERVICE_URL ?? 'http://localhost:3003';

${calls}

  ${helper}(path: string, body: Record<string, string>): Promise<void> {
    await axios.post(\`\${this.baseUrl}\${path}\`, body);
  }
}
`;

const HOLD_AND_RELEASE = `  async hold(roomId: string, from: string, to: string): Promise<void> {
    await this.post('/availability/hold', { roomId, from, to });
  }

  async release(roomId: string, from: string, to: string): Promise<void> {
    await this.post('/availability/release', { roomId, from, to });
  }`;

/** The two writes of HOLD_AND_RELEASE, each reported at the call that names its path. */
const HOLD = {
  at: 'this.post',
  within: "this.post('/availability/hold'",
  request: 'POST /availability/hold',
  service: 'inventory',
  evidence: ['service "inventory"', 'path "/availability/hold"'],
  via: ['InventoryClient.post'],
  suggest: rewrite({
    replaced: "this.post('/availability/hold', { roomId, from, to })",
    topic: 'inventory.availability.hold.requested',
    payload: '{ roomId, from, to }',
  }),
};
const RELEASE = {
  at: 'this.post',
  within: "this.post('/availability/release'",
  request: 'POST /availability/release',
  service: 'inventory',
  evidence: ['service "inventory"', 'transition "release"'],
  via: ['InventoryClient.post'],
  suggest: rewrite({
    replaced: "this.post('/availability/release', { roomId, from, to })",
    topic: 'inventory.availability.release.requested',
    payload: '{ roomId, from, to }',
  }),
};
/** The one report at the helper's request, when its callers cannot all be known. */
const AT_REQUEST = {
  at: 'axios.post',
  request: 'POST {path}',
  service: 'inventory',
  evidence: ['service "inventory"'],
  suggest: rewrite({ replaced: 'axios.post(`${this.baseUrl}${path}`, body)', topic: 'inventory.created', payload: '{ ...body, path }' }),
};

describe('helpers only their file calls', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        INVENTORY_CLIENT(
          'private async post',
          `  async isFree(roomId: string, from: string, to: string): Promise<void> {
    await this.post('/availability', { roomId, from, to });
  }`,
        ),
        { name: 'the path each caller names decides: a check of availability sent as POST is no write' },
      ),
    ],
    invalid: [
      ts.invalid(
        INVENTORY_CLIENT('private async post', HOLD_AND_RELEASE),
        [HOLD, RELEASE],
        { name: 'a private post(path, body) helper: each caller that names a path is its own write' },
      ),
      ts.invalid(
        INVENTORY_CLIENT('async post', HOLD_AND_RELEASE),
        AT_REQUEST,
        { name: 'a public helper, which other modules may call, is reported once at its request' },
      ),
    ],
  });
});

describe('module-level helpers', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

async function send(path, body) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/\${path}\`, body);
}

export async function charge(order) {
  await send('charges', { orderId: order.id, amount: order.total });
}
`,
        {
          at: 'send',
          within: "send('charges'",
          request: 'POST /charges',
          service: 'payments',
          evidence: ['service "payments"', 'path "/charges"'],
          via: ['send'],
          suggest: rewrite({
            replaced: "send('charges', { orderId: order.id, amount: order.total })",
            topic: 'payments.charges.created',
            payload: '{ orderId: order.id, amount: order.total }',
          }),
        },
        { name: 'a function neither exported nor passed on is reported where it is called with a path' },
      ),
      js.invalid(
        `
import axios from 'axios';

const WALLET = \`http://localhost:\${process.env.WALLET_PORT || 3007}\`;

async function send(path, body) {
  await axios.post(\`\${WALLET}\${path}\`, body);
}

export async function adjust(userId, amount) {
  await send('/wallets/adjust', { userId, amount });
}
`,
        {
          at: 'send',
          within: "send('/wallets/adjust'",
          request: 'POST /wallets/adjust',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallets/adjust"'],
          via: ['send'],
          suggest: rewrite({
            replaced: "send('/wallets/adjust', { userId, amount })",
            topic: 'wallet.adjust.created',
            payload: '{ userId, amount }',
          }),
        },
        { name: 'an address whose port is a value (`http://localhost:${PORT}`) followed by the path parameter: each caller that names a path is its own write' },
      ),
      js.invalid(
        `
import axios from 'axios';

async function post(path, body) {
  await axios.post(\`\${process.env.PAYOUT_SERVICE_URL}/api/v1/\${path}\`, body);
}

export async function deliveryCompleted(event) {
  await post('courier/ledger/internal', event);
}

export async function cashVarianceCharged(event) {
  await post('courier/ledger/variance/internal', event);
}
`,
        [
          {
            at: 'post',
            within: "post('courier/ledger/internal'",
            request: 'POST /api/v1/courier/ledger/internal',
            service: 'payout',
            evidence: ['service "payout"', 'path "/api/v1/courier/ledger/internal"'],
            via: ['post'],
            suggest: rewrite({
              replaced: "post('courier/ledger/internal', event)",
              topic: 'payout.courier.ledger.created',
              payload: 'event',
            }),
          },
          {
            at: 'post',
            within: "post('courier/ledger/variance/internal'",
            request: 'POST /api/v1/courier/ledger/variance/internal',
            service: 'payout',
            evidence: ['service "payout"', 'path "/api/v1/courier/ledger/variance/internal"'],
            via: ['post'],
            suggest: rewrite({
              replaced: "post('courier/ledger/variance/internal', event)",
              topic: 'payout.courier.ledger.variance.created',
              payload: 'event',
            }),
          },
        ],
        { name: 'a helper that puts a fixed prefix (`/api/v1/`) before the path parameter: each caller that names a path is its own write' },
      ),
      js.invalid(
        `
import axios from 'axios';

async function send(path, body) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}\${path}\`, body);
}

export async function charge(order) {
  await send('/charges', { orderId: order.id, amount: order.total });
}

module.exports = { send };
`,
        {
          at: 'axios.post',
          request: 'POST {path}',
          service: 'payments',
          evidence: ['service "payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}${path}`, body)',
            topic: 'payments.created',
            payload: '{ ...body, path }',
          }),
        },
        { name: 'a function the module exports may be called elsewhere: reported once at its request' },
      ),
    ],
  });
});

/**
 * A helper other modules could call, whose every use the project layer finds in its repository
 * (`this.post(…)` in its class, `gateway.post(…)` elsewhere), is judged as a private one: each
 * caller that names a path is its own write. One use it cannot read keeps the one report.
 */
describe('public helpers whose callers are all known', () => {
  /** The client class as `src/inventory.client.ts` of a temporary project, with `files` beside it; the path of the client. */
  const project = (client: string, files: Readonly<Record<string, string>> = {}): string =>
    path.join(writeProject({ 'package.json': { name: 'orders', private: true }, 'src/inventory.client.ts': client, ...files }), 'src', 'inventory.client.ts');
  const CLIENT = INVENTORY_CLIENT('async post', HOLD_AND_RELEASE);
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(CLIENT, [HOLD, RELEASE], { filename: project(CLIENT), name: 'a public post(path, body) only its own class calls: each caller that names a path is its own write' }),
      ts.invalid(CLIENT, [HOLD, RELEASE], {
        filename: project(CLIENT, {
          'src/checkout.ts': `import { InventoryClient } from './inventory.client';

export async function lockRoom(inventory: InventoryClient, roomId: string): Promise<void> {
  await inventory.post('/availability/lock', { roomId });
}
`,
        }),
        name: 'another module that calls it with a path of its own: the writes there are its own, reported where it is linted',
      }),
      ts.invalid(CLIENT, AT_REQUEST, {
        filename: project(CLIENT, {
          'src/holds.ts': `import type { InventoryClient } from './inventory.client';

export async function lockRoom(clients: Record<string, InventoryClient>, name: string, roomId: string): Promise<void> {
  await clients[name]!.post('/availability/lock', { roomId });
}
`,
        }),
        name: 'a call of that name in a module that imports it, on a receiver the search cannot follow: a use may be out of sight, and the helper keeps its one report',
      }),
    ],
  });
});
