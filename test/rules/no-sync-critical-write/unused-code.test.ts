/**
 * A write in code that never runs is none: a private method or a module function nothing uses,
 * or that only such functions use. A decorated method runs when its framework calls it, and a
 * function whose uses are out of sight (exported, an object's method) may run.
 */
import { describe } from 'vitest';
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
