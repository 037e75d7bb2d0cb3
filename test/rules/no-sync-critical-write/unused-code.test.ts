/**
 * A write in code that never runs is none: a private method or a module function nothing uses,
 * or that only such functions use. A decorated method runs when its framework calls it, and a
 * function whose uses are out of sight (exported, an object's method) may run.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

/** A client whose one write sits in private methods; `{{call}}` is where `updateItems` is called, or not. */
const CLIENT = (call: string): string => `
import axios from 'axios';

export class InventoryApi {
  private api = axios.create({ baseURL: process.env.INVENTORY_SERVICE_URL });

  async recordArrival(updates: { name: string; quantity: number }[]): Promise<void> {
    ${call}
  }

  private async updateItems(updates: { name: string; quantity: number }[]): Promise<void> {
    await Promise.all(updates.map((update) => this.updateItem(update)));
  }

  private async updateItem(update: { name: string; quantity: number }): Promise<void> {
    await this.api.post('/items', { name: update.name, quantity: update.quantity });
  }
}
`;

const CLIENT_REPORTED = {
  at: 'this.api.post',
  request: 'POST /items',
  service: 'inventory',
  evidence: ['service "inventory"', 'payload key "quantity"'],
  suggest: rewrite({
    replaced: "this.api.post('/items', { name: update.name, quantity: update.quantity })",
    topic: 'inventory.items.created',
    payload: '{ name: update.name, quantity: update.quantity }',
  }),
};

/** The charge request below, reported where it may run. */
const CHARGE_REPORTED = {
  at: 'axios.post',
  request: 'POST /charges',
  service: 'payment',
  evidence: ['service "payment"', 'path "/charges"'],
  suggest: rewrite({
    replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/charges`, { orderId, amount })',
    topic: 'payment.charges.created',
    payload: '{ orderId, amount }',
  }),
};

describe('unused code', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(CLIENT('// await this.updateItems(updates);'), {
        name: 'a private method only an unused private method calls (its one call commented out) never runs',
      }),
      ts.valid(CLIENT('return;'), { name: 'so does the chain when nothing calls the outer one' }),
    ],
    invalid: [
      ts.invalid(CLIENT('await this.updateItems(updates);'), CLIENT_REPORTED, { name: 'called from a public method, the chain runs' }),
      ts.invalid(
        `
import axios from 'axios';
import { Cron } from '@nestjs/schedule';

export class StockSync {
  @Cron('*/5 * * * *')
  private async push(): Promise<void> {
    await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/items/adjust\`, { quantity: 1 });
  }
}
`,
        {
          at: 'axios.post',
          request: 'POST /items/adjust',
          service: 'inventory',
          evidence: ['service "inventory"', 'payload key "quantity"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.INVENTORY_SERVICE_URL}/items/adjust`, { quantity: 1 })',
            topic: 'inventory.items.adjust.created',
            payload: '{ quantity: 1 }',
          }),
        },
        { name: 'a decorated private method runs when its framework calls it' },
      ),
    ],
  });

  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
const axios = require('axios');

async function chargeLegacy(orderId, amount) {
  await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/charges\`, { orderId, amount });
}

module.exports = {};
`,
        { sourceType: 'commonjs', name: 'a module function nothing calls nor exports never runs' },
      ),
    ],
    invalid: [
      js.invalid(
        `
const axios = require('axios');

async function charge(orderId, amount) {
  await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/charges\`, { orderId, amount });
}

module.exports = { charge };
`,
        CHARGE_REPORTED,
        { sourceType: 'commonjs', name: 'exported, it may run' },
      ),
      js.invalid(
        `
const axios = require('axios');

const handlers = {
  async charge(orderId, amount) {
    await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/charges\`, { orderId, amount });
  },
};

module.exports = handlers;
`,
        CHARGE_REPORTED,
        { sourceType: 'commonjs', name: 'an object’s method is used out of sight' },
      ),
    ],
  });
});

/** A plain class's public method, and the module of the same repository that may call it. */
const PLAIN_CLIENT = `
import axios from 'axios';

export class LedgerHttpClient {
  private readonly http = axios.create({ baseURL: process.env.LEDGER_SERVICE_URL });

  async recordEntry(entry: { accountId: string; amount: number }): Promise<void> {
    await this.http.post('/entries', { accountId: entry.accountId, amount: entry.amount });
  }

  async getBalance(accountId: string): Promise<number> {
    const { data } = await this.http.get(\`/accounts/\${accountId}/balance\`);
    return data.balance;
  }
}
`;

const PLAIN_REPORTED = {
  at: 'this.http.post',
  request: 'POST /entries',
  service: 'ledger',
  evidence: ['service "ledger"', 'payload key "amount"'],
  suggest: rewrite({
    replaced: "this.http.post('/entries', { accountId: entry.accountId, amount: entry.amount })",
    topic: 'ledger.entries.created',
    payload: '{ accountId: entry.accountId, amount: entry.amount }',
  }),
};

/** The plain client in a repository whose other module holds `user`. */
function plainProject(user: string, client = PLAIN_CLIENT): string {
  const root = writeProject({
    'package.json': { name: 'payments', private: true, dependencies: { axios: '^1.7.9' } },
    'src/clients/ledger.ts': client,
    'src/payments.ts': user,
  });
  return path.join(root, 'src/clients/ledger.ts');
}

const READS_BALANCE = "import { LedgerHttpClient } from './clients/ledger';\n\nconst ledger = new LedgerHttpClient();\n\nexport async function balance(id: string) {\n  return ledger.getBalance(id);\n}\n";

describe('a public method of a plain class that nothing in the repository calls', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(PLAIN_CLIENT, { filename: plainProject(READS_BALANCE), name: 'only its read is called: the write never runs' }),
    ],
    invalid: [
      ts.invalid(PLAIN_CLIENT, PLAIN_REPORTED, {
        filename: plainProject(`${READS_BALANCE}\nexport async function pay(id: string, amount: number) {\n  await ledger.recordEntry({ accountId: id, amount });\n}\n`),
        name: 'called from another module',
      }),
      ts.invalid(PLAIN_CLIENT.replace('export class LedgerHttpClient {', 'export class LedgerHttpClient implements LedgerPort {'), PLAIN_REPORTED, {
        filename: plainProject(READS_BALANCE, PLAIN_CLIENT.replace('export class LedgerHttpClient {', 'export class LedgerHttpClient implements LedgerPort {')),
        name: 'a class implementing an interface may be called through it, out of sight',
      }),
      ts.invalid(PLAIN_CLIENT, PLAIN_REPORTED, { name: 'without the project layer, its uses are out of sight' }),
    ],
  });
});
