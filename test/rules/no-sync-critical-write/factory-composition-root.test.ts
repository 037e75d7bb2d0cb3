/**
 * A client made by a factory function instead of a class: `createInventoryClient(client, logger)`
 * returns an object whose methods call `client.post(…)`, and a composition root makes it once with
 * the service's own HTTP client (`createInventoryClient(serviceClient({ baseUrl: … }), logger)`).
 * Whoever calls those methods does not know how the client was made, so with the project layer
 * its methods run with that call's arguments and the request is reported in the factory's own
 * module, as for a class built once. Made twice, made by a module that calls the methods itself
 * (reported there instead), or made with a third party's address: nothing is reported there.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const PACKAGE = { name: 'orders', private: true };

/** The shared HTTP client: a closure `request` that the returned methods call. */
const SERVICE_CLIENT = `export interface ServiceClient {
  post<T>(path: string, body?: unknown): Promise<T>;
}

export const serviceClient = (cfg: { baseUrl: string; service: string }): ServiceClient => {
  const request = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(path, cfg.baseUrl), { method, body: JSON.stringify(body) });
    return (await res.json()) as T;
  };
  return {
    post: (path, body) => request('POST', path, body),
  };
};
`;

/** The linted module: the factory, given its client by parameter; it imports only the client's type. */
const INVENTORY_CLIENT = `import type { ServiceClient } from '../http/serviceClient';

export const createInventoryClient = (client: ServiceClient) => ({
  async reserveStock(orderId: string, lines: { sku: string; qty: number }[]) {
    return client.post('/reservations', { orderId, lines });
  },
});
`;

const ROOT = (config: string, extra = '') => `import { serviceClient } from './http/serviceClient';
import { createInventoryClient } from './clients/inventoryClient';

export const createResources = (cfg: { inventoryUrl: string }) => {
  const inventory = createInventoryClient(serviceClient(${config}));${extra}
  return { inventory };
};
`;

const LINTED = 'src/clients/inventoryClient.ts';

function project(root: string): string {
  const folder = writeProject({
    'package.json': PACKAGE,
    'src/http/serviceClient.ts': SERVICE_CLIENT,
    [LINTED]: INVENTORY_CLIENT,
    'src/dependencies.ts': root,
  });
  return path.join(folder, LINTED);
}

const REPORTED = {
  at: 'client.post',
  request: 'POST /reservations',
  service: 'inventory',
  evidence: ['service "inventory"', 'path "/reservations"'],
  via: ['post', 'request'],
  suggest: rewrite({ replaced: "client.post('/reservations', { orderId, lines })", topic: 'inventory.reservations.created', payload: '{ orderId, lines }', responseUsed: true }),
};

describe('a client made once by a factory, in a composition root', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(INVENTORY_CLIENT, {
        filename: project(ROOT("{ baseUrl: cfg.inventoryUrl, service: 'inventory' }", "\n  const backup = createInventoryClient(serviceClient({ baseUrl: 'https://backup.example.com', service: 'backup' }));\n  void backup;")),
        name: 'made twice: which address a call uses is not known',
      }),
      ts.valid(INVENTORY_CLIENT, {
        filename: project(ROOT("{ baseUrl: 'https://api.shipbob.com', service: 'shipbob' }")),
        name: 'made once with the address of a third party',
      }),
      ts.valid(INVENTORY_CLIENT, {
        filename: project(ROOT("{ baseUrl: cfg.inventoryUrl, service: 'inventory' }", "\n  void inventory.reserveStock('o-1', []);")),
        name: 'made by a module that calls its methods itself: reported there, not in the factory',
      }),
      ts.valid(INVENTORY_CLIENT, {
        filename: path.join(
          writeProject({ 'package.json': PACKAGE, 'src/http/serviceClient.ts': SERVICE_CLIENT, [LINTED]: INVENTORY_CLIENT }),
          LINTED,
        ),
        name: 'never made in the repository',
      }),
      ts.valid(INVENTORY_CLIENT, {
        filename: path.join(
          writeProject({
            'package.json': PACKAGE,
            'src/http/serviceClient.ts': SERVICE_CLIENT,
            [LINTED]: INVENTORY_CLIENT,
            'web/package.json': { name: 'web', private: true, dependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' } },
            'web/src/api.ts': ROOT("{ baseUrl: process.env.INVENTORY_SERVICE_URL!, service: 'inventory' }").replace(/'\.\/(http|clients)\//g, "'../../src/$1/"),
          }),
          LINTED,
        ),
        name: "made once by a web app's code: the client runs in the browser, its calls are its user's own",
      }),
    ],
    invalid: [
      ts.invalid(INVENTORY_CLIENT, REPORTED, {
        filename: project(ROOT("{ baseUrl: cfg.inventoryUrl, service: 'inventory' }")),
        name: 'made once and handed on, with the address from the configuration the root is given',
      }),
      ts.invalid(INVENTORY_CLIENT, REPORTED, {
        filename: project(ROOT("{ baseUrl: process.env.INVENTORY_SERVICE_URL!, service: 'inventory' }")),
        name: 'made once, with the address from the environment',
      }),
    ],
  });
});

/** A factory's methods call a closure of the factory: `post` runs `request`, whose address the factory was given. */
const CLOSURE_CLIENT = `const axios = require('axios');

function serviceClient(baseURL) {
  const request = async (method, path, body) => axios({ method, url: baseURL + path, data: body });
  return { post: (path, body) => request('POST', path, body) };
}

const billing = serviceClient(process.env.BILLING_SERVICE_URL);

async function charge(order) {
  await billing.post('/charges', { orderId: order.id, amount: order.total });
}

module.exports = { charge };
`;

describe('a method of a factory-made client that calls a closure of the factory', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(CLOSURE_CLIENT.replace('process.env.BILLING_SERVICE_URL', "'https://api.stripe.com'"), {
        sourceType: 'commonjs',
        name: 'the factory was given a third party address',
      }),
      js.valid(CLOSURE_CLIENT.replace("billing.post('/charges'", "billing.post('/charges/search'").replace('{ orderId: order.id, amount: order.total }', '{ status: order.status }'), {
        sourceType: 'commonjs',
        name: 'a search sent as POST is a read',
      }),
    ],
    invalid: [
      js.invalid(
        CLOSURE_CLIENT,
        {
          at: 'billing.post',
          request: 'POST /charges',
          service: 'billing',
          evidence: ['service "billing"', 'path "/charges"'],
          via: ['post', 'request'],
          suggest: rewrite({ replaced: "billing.post('/charges', { orderId: order.id, amount: order.total })", topic: 'billing.charges.created', payload: '{ orderId: order.id, amount: order.total }' }),
        },
        { sourceType: 'commonjs', name: 'the closure reads the address the factory was given' },
      ),
    ],
  });
});
