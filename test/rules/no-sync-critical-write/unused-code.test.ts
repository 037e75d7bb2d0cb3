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

/** A client class of a workspace library, and where it is linted from. */
const LIBRARY_CLIENT = `
export class BookingApiClient {
  private readonly baseUrl = process.env.BOOKING_SERVICE_URL;

  async create(data: { serviceId: string; totalPrice: number }): Promise<unknown> {
    const response = await fetch(\`\${this.baseUrl}/bookings\`, { method: 'POST', body: JSON.stringify(data) });
    return response.json();
  }
}
`;

/** A monorepo holding the library client at `linted`, with `files` beside it. */
function monorepo(linted: string, files: Readonly<Record<string, string>> = {}): string {
  const root = writeProject({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'package.json': { name: 'platform', private: true, workspaces: ['libs/*', 'services/*'] },
    'libs/booking-client/package.json': { name: '@platform/booking-client', main: 'src/index.ts' },
    'libs/booking-client/src/index.ts': "export * from './booking.api';\n",
    [linted]: LIBRARY_CLIENT,
    ...files,
  });
  return path.join(root, linted);
}

const LIBRARY_REPORTED = {
  at: 'fetch',
  request: 'POST /bookings',
  service: 'booking',
  evidence: ['service "booking"', 'path "/bookings"'],
  suggest: rewrite({
    replaced: "fetch(`${this.baseUrl}/bookings`, { method: 'POST', body: JSON.stringify(data) })",
    topic: 'booking.created',
    payload: 'data',
    responseUsed: true,
  }),
};

describe('a client class of a workspace library', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(LIBRARY_CLIENT, {
        filename: monorepo('libs/booking-client/src/booking.api.ts'),
        name: 'that no module of the repository imports is a kit for code outside it: its callers make the write durable',
      }),
    ],
    invalid: [
      ts.invalid(LIBRARY_CLIENT, LIBRARY_REPORTED, {
        filename: monorepo('libs/booking-client/src/booking.api.ts', {
          'services/checkout/package.json': JSON.stringify({ name: 'checkout', dependencies: { '@platform/booking-client': '*' } }),
          'services/checkout/src/book.ts': "import { BookingApiClient } from '@platform/booking-client';\n\nexport const bookings = new BookingApiClient();\n",
        }),
        name: 'imported by a service of the repository, through its package, it runs there',
      }),
      ts.invalid(`${LIBRARY_CLIENT}\nexport const bookingApi = new BookingApiClient();\n`, LIBRARY_REPORTED, {
        filename: monorepo('libs/booking-client/src/booking.api.ts', {
          'services/checkout/src/book.ts': "import { bookingApi } from '../../../libs/booking-client/src/booking.api';\n\nexport const book = () => bookingApi.create({ serviceId: 's1', totalPrice: 10 });\n",
        }),
        name: 'its one instance, exported beside it and imported by a service, runs there',
      }),
      ts.invalid(LIBRARY_CLIENT, LIBRARY_REPORTED, {
        filename: monorepo('packages/mcp-server/src/booking.api.ts', {
          'packages/mcp-server/package.json': JSON.stringify({ name: 'mcp-server', scripts: { start: 'node dist/main.js' }, dependencies: { express: '^4.21.0' } }),
        }),
        name: 'a package among the packages that serves requests is an app, not a library',
      }),
      ts.invalid(LIBRARY_CLIENT, LIBRARY_REPORTED, {
        filename: monorepo('services/checkout/src/booking.api.ts'),
        name: "a service's own class that nothing imports is not a library's: a framework may run it",
      }),
    ],
  });
});
