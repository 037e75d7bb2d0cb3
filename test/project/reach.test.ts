/**
 * The look before any parsing (src/project/modules/reach.ts): which names a module imports
 * from each source, read from its text, and whether a module may reach an HTTP client through
 * the project modules it imports, a few imports deep. Through a barrel, only the modules that
 * declare the names imported count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionsHttpClient } from '../../src/analysis/file-filter.js';
import { getImportedNames, Reachability } from '../../src/project/modules/reach.js';
import { RepositoryTexts } from '../../src/project/modules/repository-texts.js';
import { ModuleResolver } from '../../src/project/resolution/module-resolver.js';
import { WorkspaceFinder } from '../../src/project/workspace/workspaces.js';
import { fixture, touchLater, writeProject } from './helpers.js';

/** The imports as plain data: source → sorted names, or null for the whole module. */
function imported(text: string): Record<string, string[] | null> {
  return Object.fromEntries([...getImportedNames(text)].map(([source, names]) => [source, names === null ? null : [...names].sort()]));
}

function reachability(): Reachability {
  return new Reachability(new ModuleResolver(new WorkspaceFinder()), mentionsHttpClient);
}

describe('getImportedNames', () => {
  it('named imports, with renames, leaving out type-only names', () => {
    expect(imported("import { paymentsApi, walletApi as wallet, type AxiosInstance } from './http.js';")).toEqual({ './http.js': ['paymentsApi', 'walletApi'] });
  });

  it('names over several lines', () => {
    expect(imported("import {\n  LEDGER_URL,\n  services,\n} from '#config';\n")).toEqual({ '#config': ['LEDGER_URL', 'services'] });
  });

  it.each([
    ["import config from '../config.js';", '../config.js'],
    ["import config, { services } from '../config.js';", '../config.js'],
    ["import * as http from './lib/http.js';", './lib/http.js'],
    ["import './tracing.js';", './tracing.js'],
    ["const config = require('../config');", '../config'],
    ["const { paymentsApi } = require('../lib/http');", '../lib/http'],
    ["const http = await import('./lib/http.js');", './lib/http.js'],
    ["export { paymentsApi } from './http.js';", './http.js'],
    ["export * from './send-json.js';", './send-json.js'],
    ["export * as clients from './clients.js';", './clients.js'],
  ])('%s takes the module whole', (text, source) => {
    expect(imported(text)).toEqual({ [source]: null });
  });

  it('a type-only import takes nothing that runs', () => {
    expect(imported("import type { ChargeDto } from '@app/dto';")).toEqual({ '@app/dto': [] });
    expect(imported("import { type ChargeDto, type RefundDto } from '@app/dto';")).toEqual({ '@app/dto': [] });
    expect(imported("import type { ChargeDto } from '@app/dto';\nexport function total(): ChargeDto[] { return []; }\n")).toEqual({ '@app/dto': [] });
  });

  it('a type-only import takes the types a value is given: that value is an instance made elsewhere', () => {
    const factory = "export const createInventoryClient = (client: ServiceClient, logger: Logger) => ({});\n";
    expect(imported(`import type { Logger, ServiceClient, ReqOpts } from '@app/shared';\n${factory}`)).toEqual({ '@app/shared': ['Logger', 'ServiceClient'] });
    expect(imported(`import { withRetry, type ServiceClient } from '@app/shared';\n${factory}`)).toEqual({ '@app/shared': ['ServiceClient', 'withRetry'] });
    expect(imported("import type { Payments } from './ports';\nclass Checkout {\n  constructor(private readonly payments: Payments) {}\n}\n")).toEqual({ './ports': ['Payments'] });
  });

  it('imports of one source are merged; taking it whole wins', () => {
    expect(imported("import { a } from './m.js';\nimport { b } from './m.js';")).toEqual({ './m.js': ['a', 'b'] });
    expect(imported("import type { T } from './m.js';\nimport { a } from './m.js';")).toEqual({ './m.js': ['a'] });
    expect(imported("import { a } from './m.js';\nimport * as m from './m.js';\nimport { b } from './m.js';")).toEqual({ './m.js': null });
  });

  it('packages, built-ins and project modules alike, each once', () => {
    expect(
      imported(`
import axios from 'axios';
import { Kafka } from 'kafkajs';
import fs from 'node:fs';
const { services } = require('../config');
`),
    ).toEqual({ axios: null, kafkajs: ['Kafka'], 'node:fs': null, '../config': null });
  });
});

describe('Reachability', () => {
  /** A project whose lib/index.js barrel re-exports a client module and modules that make no request. */
  function barrelProject(): string {
    return writeProject({
      'package.json': { name: 'orders', type: 'module' },
      'src/lib/index.js': [
        "export { paymentsApi } from './http.js';",
        "export { formatMoney, default as roundCents } from './money.js';",
        "export type { PaymentsApi } from './http.js';",
        "export type { Money } from './money.js';",
        "export * from './strings.js';",
        "export * from './send-json.js';",
        '',
      ].join('\n'),
      'src/lib/http.js': "import axios from 'axios';\nexport const paymentsApi = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL });\nexport type PaymentsApi = typeof paymentsApi;\n",
      'src/lib/money.js': 'export function formatMoney(cents) { return (cents / 100).toFixed(2); }\nexport default function round(x) { return Math.round(x); }\nexport type Money = number;\n',
      'src/lib/strings.js': "export const slug = (text) => text.toLowerCase().replace(/\\s+/g, '-');\n",
      'src/lib/send-json.js': "export async function sendJson(url, body) {\n  return fetch(url, { method: 'POST', body: JSON.stringify(body) });\n}\n",
      'src/services/main.js': '',
    });
  }

  it('a file that mentions a client itself reaches one, whatever it imports', () => {
    const root = barrelProject();
    expect(reachability().mayReach(path.join(root, 'src/services/main.js'), "import axios from 'axios';\n", 1)).toBe(true);
  });

  it.each([
    ["import { paymentsApi } from '../lib/index.js';", true],
    ["import { sendJson } from '../lib/index.js';", true],
    ["import { formatMoney } from '../lib/index.js';", false],
    ["import { roundCents } from '../lib/index.js';", false],
    ["import { slug } from '../lib/index.js';", false],
    ["import { formatMoney, slug } from '../lib/index.js';", false],
    ["import { formatMoney, paymentsApi } from '../lib/index.js';", true],
    ["import * as lib from '../lib/index.js';", true],
    ["import '../lib/index.js';", true],
    ["import type { Money } from '../lib/index.js';", false],
    ["import type { PaymentsApi } from '../lib/index.js';\nexport const pay = (api: PaymentsApi) => api;", true],
    ["import type { Money } from '../lib/index.js';\nexport const pay = (amount: Money) => amount;", false],
  ])('through the barrel, by the names imported: %s → %s', (text, expected) => {
    const root = barrelProject();
    expect(reachability().mayReach(path.join(root, 'src/services/main.js'), text, 3)).toBe(expected);
  });

  it('mayReachExport looks an export up where it is declared; mayReachModule takes the module whole', () => {
    const root = barrelProject();
    const barrel = path.join(root, 'src/lib/index.js');
    const reach = reachability();
    expect(reach.mayReachExport(barrel, 'paymentsApi', 3)).toBe(true);
    expect(reach.mayReachExport(barrel, 'sendJson', 3)).toBe(true);
    expect(reach.mayReachExport(barrel, 'formatMoney', 3)).toBe(false);
    expect(reach.mayReachExport(barrel, 'slug', 3)).toBe(false);
    expect(reach.mayReachModule(barrel, 3)).toBe(true);
    expect(reach.mayReachModule(path.join(root, 'src/lib/money.js'), 3)).toBe(false);
  });

  it('counts imports: a client two modules away is out of reach at depth 1', () => {
    const root = writeProject({
      'package.json': { name: 'orders', type: 'module' },
      'src/lib/http.js': "import axios from 'axios';\nexport const api = axios.create({});\n",
      'src/lib/core-client.js': "import { api } from './http.js';\nexport const callCore = (path, body) => api.post(path, body);\n",
      'src/services/main.js': '',
    });
    const from = path.join(root, 'src/services/main.js');
    const text = "import { callCore } from '../lib/core-client.js';\n";
    expect(reachability().mayReach(from, text, 1)).toBe(false);
    expect(reachability().mayReach(from, text, 2)).toBe(true);
    // a deeper look after a shallow one that found nothing
    const reach = reachability();
    expect(reach.mayReach(from, text, 1)).toBe(false);
    expect(reach.mayReach(from, text, 3)).toBe(true);
  });

  it('import cycles end', () => {
    const root = writeProject({
      'package.json': { name: 'orders', type: 'module' },
      'src/a.js': "import { b } from './b.js';\nexport const a = () => b();\n",
      'src/b.js': "import { a } from './a.js';\nexport const b = () => a();\n",
      'src/index.js': "export * from './index.js';\nexport * from './a.js';\n",
    });
    const reach = reachability();
    expect(reach.mayReach(path.join(root, 'src/main.js'), "import { a } from './a.js';\n", 5)).toBe(false);
    expect(reach.mayReachExport(path.join(root, 'src/index.js'), 'missing', 5)).toBe(false);
    expect(reach.mayReachModule(path.join(root, 'src/index.js'), 5)).toBe(false);
  });

  it('packages are not looked into; missing modules reach nothing', () => {
    const from = fixture('js-esm', 'src/services/main.js');
    expect(reachability().mayReach(from, "import express from 'express';\nimport { x } from './missing.js';\n", 3)).toBe(false);
  });

  it('the fixtures: services that import clients reach them, a route file reaches them through its services', () => {
    const reach = reachability();
    const read = (project: string, file: string): [string, string] => [fixture(project, file), fs.readFileSync(fixture(project, file), 'utf8')];
    expect(reach.mayReach(...read('js-esm', 'src/services/stock.js'), 3)).toBe(true);
    expect(reach.mayReach(...read('js-esm', 'src/routes/orders.js'), 3)).toBe(true);
    expect(reach.mayReach(...read('js-cjs', 'src/services/invoices.js'), 3)).toBe(true);
    expect(reach.mayReach(...read('ts', 'src/checkout/checkout.controller.ts'), 3)).toBe(true);
    expect(reach.mayReach(...read('monorepo', 'services/orders/src/services/reservations.ts'), 3)).toBe(true);
    // config modules import nothing that makes requests
    expect(reach.mayReach(...read('ts', 'src/config/configuration.ts'), 3)).toBe(false);
  });

  it('keeps what it read until cleared', () => {
    const root = writeProject({
      'package.json': { name: 'orders', type: 'module' },
      'src/lib/http.js': 'export const api = {};\n',
      'src/main.js': '',
    });
    const from = path.join(root, 'src/main.js');
    const text = "import { api } from './lib/http.js';\n";
    const reach = reachability();
    expect(reach.mayReach(from, text, 3)).toBe(false);
    const http = path.join(root, 'src/lib/http.js');
    fs.writeFileSync(http, "import axios from 'axios';\nexport const api = axios.create({});\n");
    touchLater(http);
    expect(reach.mayReach(from, text, 3)).toBe(false);
    reach.clear();
    expect(reach.mayReach(from, text, 3)).toBe(true);
  });

  it('an exported interface reaches what its implementations reach, one module further', () => {
    const root = writeProject({
      'package.json': { name: 'route-service' },
      'src/ports/payments.port.ts': 'export interface PaymentsPort {\n  charge(orderId: string): Promise<void>;\n}\n',
      'src/adapters/http-payments.ts': "import axios from 'axios';\nimport { PaymentsPort } from '../ports/payments.port';\n\nexport class HttpPayments implements PaymentsPort {\n  async charge(orderId: string) {\n    await axios.post(`${process.env.PAYMENTS_SERVICE_URL}/charges`, { orderId });\n  }\n}\n",
      'src/ports/audit.port.ts': 'export interface AuditPort {\n  record(entry: string): void;\n}\n',
    });
    const texts = new RepositoryTexts();
    const withImplementers = (): Reachability =>
      new Reachability(new ModuleResolver(new WorkspaceFinder()), mentionsHttpClient, (file, name) => texts.getImplementers(file, name));
    const from = path.join(root, 'src/orders.service.ts');
    expect(withImplementers().mayReach(from, "import { PaymentsPort } from './ports/payments.port';\n", 1)).toBe(false);
    expect(withImplementers().mayReach(from, "import { PaymentsPort } from './ports/payments.port';\n", 2)).toBe(true);
    expect(withImplementers().mayReach(from, "import { AuditPort } from './ports/audit.port';\n", 3)).toBe(false);
    expect(reachability().mayReach(from, "import { PaymentsPort } from './ports/payments.port';\n", 3)).toBe(false);
  });
});
