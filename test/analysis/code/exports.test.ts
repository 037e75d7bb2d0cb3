/**
 * What a module exports (src/analysis/code/exports.ts), read once from its top-level
 * statements: ES exports (declarations, lists, re-exports, `export *`, `export default`) and
 * CommonJS ones (`module.exports = …`, `exports.X = …`, `module.exports.X = …`, `export =`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type ExportEntry, type ExportTable, readExports } from '../../../src/analysis/code/exports.js';
import { parseModule } from '../../../src/project/modules/parse.js';

interface Parsed {
  readonly table: ExportTable;
  readonly text: (node: TSESTree.Node | undefined) => string | undefined;
}

function exportsOf(code: string, file = '/project/src/module.ts', commonjs = false): Parsed {
  const source = parseModule(file, code, commonjs);
  if (!source) throw new Error('the test code does not parse');
  return { table: readExports(source.ast), text: (node) => (node ? source.getText(node) : undefined) };
}

/** Each export as a short description: `local X`, `value <text>`, `reexport a from ./m`. */
function describeEntries({ table, text }: Parsed): Record<string, string> {
  const describeEntry = (entry: ExportEntry): string => {
    switch (entry.kind) {
      case 'local':
        return `local ${entry.identifier.name}`;
      case 'value':
        return `value ${text(entry.node)}`;
      case 'reexport':
        return `reexport ${entry.imported} from ${entry.source}`;
    }
  };
  return Object.fromEntries([...table.named].map(([name, entry]) => [name, describeEntry(entry)]));
}

describe('ES modules', () => {
  it('declarations: const (with patterns), function, class, enum', () => {
    const parsed = exportsOf(`
import axios from 'axios';
const options = { retries: 2, timeouts: [1000] };
export const paymentsApi = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL }), TIMEOUT = 5000;
export const { retries, timeouts: [firstTimeout] } = options;
export async function postJson(url: string, body: unknown) { return axios.post(url, body); }
export class BillingClient {}
export enum Method { Post = 'POST' }
`);
    expect(describeEntries(parsed)).toEqual({
      paymentsApi: 'local paymentsApi',
      TIMEOUT: 'local TIMEOUT',
      retries: 'local retries',
      firstTimeout: 'local firstTimeout',
      postJson: 'local postJson',
      BillingClient: 'local BillingClient',
      Method: 'local Method',
    });
    expect(parsed.table.stars).toEqual([]);
    expect(parsed.table.whole).toBeUndefined();
    expect(parsed.table.commonjs).toBe(false);
  });

  it('export lists, with renames and string names', () => {
    const parsed = exportsOf(`
const paymentsApi = {};
function sendJson() {}
export { paymentsApi as payments, sendJson, sendJson as 'send-json' };
`);
    expect(describeEntries(parsed)).toEqual({ payments: 'local paymentsApi', sendJson: 'local sendJson', 'send-json': 'local sendJson' });
  });

  it('re-exports: named, renamed, default as a name, a namespace, and export *', () => {
    const parsed = exportsOf(`
export { paymentsApi, walletApi as wallet } from './http.js';
export { default as billing } from './clients/billing-client.js';
export * as clients from './clients/index.js';
export * from './send-json.js';
export * from './http-factory.js';
`);
    expect(describeEntries(parsed)).toEqual({
      paymentsApi: 'reexport paymentsApi from ./http.js',
      wallet: 'reexport walletApi from ./http.js',
      billing: 'reexport default from ./clients/billing-client.js',
      clients: 'reexport * from ./clients/index.js',
    });
    expect(parsed.table.stars).toEqual(['./send-json.js', './http-factory.js']);
  });

  it.each([
    ['export default inventoryApi;', 'local inventoryApi'],
    ['export default { services: { payments: process.env.PAYMENTS_SERVICE_URL } };', 'value { services: { payments: process.env.PAYMENTS_SERVICE_URL } }'],
    ['export default function (url) { return fetch(url); }', 'value function (url) { return fetch(url); }'],
    ['export default async function sendJson(url) { return fetch(url); }', 'value async function sendJson(url) { return fetch(url); }'],
    ['export default class BillingClient {}', 'value class BillingClient {}'],
    ['export default new BillingClient(services.billing);', 'value new BillingClient(services.billing)'],
  ])('%s', (code, expected) => {
    expect(describeEntries(exportsOf(`const inventoryApi = {};\n${code}\n`))).toEqual({ default: expected });
  });

  it('types export nothing that runs, but an interface is kept for the classes that implement it', () => {
    const parsed = exportsOf(`
export interface InvoiceDto { amount: number }
export type Method = 'POST' | 'PUT';
export type { ChargeDto } from './dto.js';
export { type RefundDto, refund } from './refunds.js';
export type * from './types.js';
export default interface Options { baseURL: string }
declare const REGION: string;
export declare function sign(body: string): string;
`);
    expect(describeEntries(parsed)).toEqual({ InvoiceDto: 'local InvoiceDto', refund: 'reexport refund from ./refunds.js' });
    expect(parsed.table.stars).toEqual([]);
  });
});

describe('CommonJS', () => {
  const CJS = '/project/src/module.js';

  it('module.exports = { … }: the whole value', () => {
    const parsed = exportsOf("const axios = require('axios');\nconst paymentsApi = axios.create({});\nmodule.exports = { paymentsApi };\n", CJS, true);
    expect(parsed.text(parsed.table.whole)).toBe('{ paymentsApi }');
    expect(parsed.table.named.size).toBe(0);
    expect(parsed.table.commonjs).toBe(true);
  });

  it("module.exports = { ...require('./auth') }: the spread modules' names are passed on, as `export *` does", () => {
    const parsed = exportsOf("module.exports = {\n  ...require('./constants'),\n  ...require('./auth'),\n  ...helpers,\n};\n", CJS, true);
    expect(parsed.table.stars).toEqual(['./constants', './auth']);
    expect(parsed.table.whole).toBeDefined();
  });

  it('exports.X and module.exports.X: names, also in a chain and a sequence', () => {
    const parsed = exportsOf(
      `
exports.LEDGER_URL = process.env.LEDGER_SERVICE_URL || 'http://ledger:3000';
module.exports.REQUEST_TIMEOUT_MS = 5000;
exports.post = exports.send = function send(url, body) {};
exports['put'] = (url, body) => {}, exports.remove = (url) => {};
`,
      CJS,
      true,
    );
    expect(describeEntries(parsed)).toEqual({
      LEDGER_URL: "value process.env.LEDGER_SERVICE_URL || 'http://ledger:3000'",
      REQUEST_TIMEOUT_MS: 'value 5000',
      post: 'value function send(url, body) {}',
      send: 'value function send(url, body) {}',
      put: 'value (url, body) => {}',
      remove: 'value (url) => {}',
    });
    expect(parsed.table.whole).toBeUndefined();
    expect(parsed.table.commonjs).toBe(true);
  });

  it('a new module.exports replaces the names exported before it, not those after it', () => {
    const parsed = exportsOf(
      `
exports.before = 1;
module.exports = new BillingClient(config.services.billing);
module.exports.BillingClient = BillingClient;
`,
      CJS,
      true,
    );
    expect(parsed.text(parsed.table.whole)).toBe('new BillingClient(config.services.billing)');
    expect(describeEntries(parsed)).toEqual({ BillingClient: 'value BillingClient' });
  });

  it('the last module.exports wins; module.exports = exports = X is one value', () => {
    const parsed = exportsOf('module.exports = first;\nmodule.exports = exports = createClient();\n', CJS, true);
    expect(parsed.text(parsed.table.whole)).toBe('createClient()');
  });

  it('rebinding exports, or assigning to other objects, exports nothing', () => {
    const parsed = exportsOf('exports = { a: 1 };\nconst module2 = {};\nmodule2.exports = 2;\nthis.exports = 3;\n', CJS, true);
    expect(parsed.table.named.size).toBe(0);
    expect(parsed.table.whole).toBeUndefined();
    expect(parsed.table.commonjs).toBe(false);
  });

  it("TypeScript's export = is the whole value", () => {
    const parsed = exportsOf("import axios = require('axios');\nexport = axios.create({ baseURL: process.env.CATALOG_SERVICE_URL });\n", '/project/src/catalog.cts', true);
    expect(parsed.text(parsed.table.whole)).toBe('axios.create({ baseURL: process.env.CATALOG_SERVICE_URL })');
    expect(parsed.table.commonjs).toBe(true);
  });
});
