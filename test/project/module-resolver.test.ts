/**
 * Module resolution from a linted file (src/project/resolution/module-resolver.ts): where an
 * import leads, a source file of the project, a package or built-in (external), or nowhere
 * known (missing). Node's rules, tsconfig/jsconfig `paths` (with `extends`), package.json
 * `imports`, workspace packages and `file:` dependencies by name with their sources preferred
 * to their build output; nothing under node_modules is ever a project file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModuleResolver, type Resolution } from '../../src/project/resolution/module-resolver.js';
import { WorkspaceFinder } from '../../src/project/workspace/workspaces.js';
import { fixture, writeProject } from './helpers.js';

function resolver(): ModuleResolver {
  return new ModuleResolver(new WorkspaceFinder());
}

const file = (target: string): Resolution => ({ kind: 'file', path: target });
const EXTERNAL: Resolution = { kind: 'external' };
const MISSING: Resolution = { kind: 'missing' };

describe('relative specifiers', () => {
  const from = fixture('js-cjs', 'src/services/checkout.js');

  it.each([
    ['../config', 'src/config/index.js'],
    ['../config/', 'src/config/index.js'],
    ['../config/index', 'src/config/index.js'],
    ['../config/constants', 'src/config/constants.js'],
    ['../lib/http', 'src/lib/http.js'],
    ['../lib/http.js', 'src/lib/http.js'],
    ['./invoices', 'src/services/invoices.js'],
  ])('%s → %s (extensions and index files as Node.js finds them)', (specifier, target) => {
    expect(resolver().resolve(from, specifier)).toEqual(file(fixture('js-cjs', target)));
  });

  it('an absolute path is resolved like a relative one', () => {
    expect(resolver().resolve(from, fixture('js-cjs', 'src/lib/send-json'))).toEqual(file(fixture('js-cjs', 'src/lib/send-json.js')));
  });

  it.each([
    ['../config/configuration.js', 'src/config/configuration.ts'],
    ['../config/configuration', 'src/config/configuration.ts'],
    ['../dto', 'src/dto/index.ts'],
    ['../dto/index.js', 'src/dto/index.ts'],
  ])('%s from a .ts file → %s (.js written for a .ts source)', (specifier, target) => {
    expect(resolver().resolve(fixture('ts', 'src/orders/stock.service.ts'), specifier)).toEqual(file(fixture('ts', target)));
  });

  it('.mjs and .cjs written for .mts and .cts sources', () => {
    const root = writeProject({
      'src/config.mts': 'export const A = 1;\n',
      'src/legacy.cts': 'module.exports = { B: 2 };\n',
      'src/main.mts': '',
    });
    const from = path.join(root, 'src/main.mts');
    expect(resolver().resolve(from, './config.mjs')).toEqual(file(path.join(root, 'src/config.mts')));
    expect(resolver().resolve(from, './legacy.cjs')).toEqual(file(path.join(root, 'src/legacy.cts')));
  });

  it('a file that is not there is missing', () => {
    expect(resolver().resolve(from, '../lib/nowhere')).toEqual(MISSING);
    expect(resolver().resolve(from, './nowhere.js')).toEqual(MISSING);
  });

  it('a path the checkout lacks is found below an enclosing folder, as a build that copies the shared folder beside the service sees it', () => {
    const root = writeProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'services/shared/client/src/ServiceClient.ts': 'export class ServiceClient {}\n',
      'services/agent/src/controllers/agent.controller.ts': "import { ServiceClient } from '../../shared/client/src/ServiceClient';\n",
      'services/agent/src/lib/one.ts': 'export const one = 1;\n',
    });
    const from = path.join(root, 'services/agent/src/controllers/agent.controller.ts');
    expect(resolver().resolve(from, '../../shared/client/src/ServiceClient')).toEqual(file(path.join(root, 'services/shared/client/src/ServiceClient.ts')));
    // what is there wins; a single segment, a path that climbs again, or one outside the checkout is not looked for
    expect(resolver().resolve(from, '../lib/one')).toEqual(file(path.join(root, 'services/agent/src/lib/one.ts')));
    expect(resolver().resolve(from, '../../ServiceClient')).toEqual(MISSING);
    expect(resolver().resolve(from, '../../shared/../shared/client/src/ServiceClient')).toEqual(MISSING);
    expect(resolver().resolve(path.join(root, 'services/agent/src/x.ts'), '../../../../outside/client/src/ServiceClient')).toEqual(MISSING);
  });

  it('a JSON file or a declaration file is no module the layer reads', () => {
    const root = writeProject({ 'src/data.json': '{ "a": 1 }\n', 'src/types.d.ts': 'export interface A { a: number }\n', 'src/main.ts': '' });
    const from = path.join(root, 'src/main.ts');
    expect(resolver().resolve(from, './data.json')).toEqual(MISSING);
    expect(resolver().resolve(from, './types.d.ts')).toEqual(MISSING);
  });
});

describe('tsconfig.json and jsconfig.json paths', () => {
  it.each([
    ['@app/config/configuration', 'src/config/configuration.ts'],
    ['@app/http/clients', 'src/http/clients.ts'],
    ['@app/dto', 'src/dto/index.ts'],
  ])('tsconfig paths: %s → %s', (specifier, target) => {
    expect(resolver().resolve(fixture('ts', 'src/checkout/checkout.service.ts'), specifier)).toEqual(file(fixture('ts', target)));
  });

  it.each([
    ['@config', 'src/config/index.js'],
    ['@lib/http', 'src/lib/http.js'],
    ['@lib/send-json', 'src/lib/send-json.js'],
  ])('jsconfig paths: %s → %s', (specifier, target) => {
    expect(resolver().resolve(fixture('js-cjs', 'src/services/notify.js'), specifier)).toEqual(file(fixture('js-cjs', target)));
  });

  it('paths declared in a tsconfig that the nearest one extends', () => {
    const root = writeProject({
      'tsconfig.base.json': { compilerOptions: { baseUrl: '.', paths: { '@shared/*': ['libs/shared/src/*'] } } },
      'apps/api/tsconfig.json': { extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist' } },
      'apps/api/src/main.ts': '',
      'libs/shared/src/http.ts': 'export const http = 1;\n',
    });
    expect(resolver().resolve(path.join(root, 'apps/api/src/main.ts'), '@shared/http')).toEqual(file(path.join(root, 'libs/shared/src/http.ts')));
  });

  it('a jsconfig.json that extends another, and baseUrl alone', () => {
    const root = writeProject({
      'jsconfig.base.json': { compilerOptions: { baseUrl: 'src', paths: { '~/*': ['*'] } } },
      'jsconfig.json': { extends: './jsconfig.base.json' },
      'src/config/services.js': 'module.exports = {};\n',
      'src/routes/orders.js': '',
    });
    const from = path.join(root, 'src/routes/orders.js');
    expect(resolver().resolve(from, '~/config/services')).toEqual(file(path.join(root, 'src/config/services.js')));
    // baseUrl: bare specifiers are looked up under src/ too
    expect(resolver().resolve(from, 'config/services')).toEqual(file(path.join(root, 'src/config/services.js')));
  });

  it('the nearest config applies: a nested tsconfig without paths hides the one above', () => {
    const root = writeProject({
      'tsconfig.json': { compilerOptions: { paths: { '@app/*': ['./src/*'] } } },
      'src/config.ts': 'export const A = 1;\n',
      'tools/tsconfig.json': { compilerOptions: { strict: true } },
      'tools/build.ts': '',
    });
    expect(resolver().resolve(path.join(root, 'src/main.ts'), '@app/config')).toEqual(file(path.join(root, 'src/config.ts')));
    expect(resolver().resolve(path.join(root, 'tools/build.ts'), '@app/config')).toEqual(EXTERNAL);
  });

  it('a tsconfig that does not parse, or extends one that is not there, only leaves its paths unknown', () => {
    const broken = writeProject({ 'tsconfig.json': '{ "compilerOptions": { "paths": ', 'src/config.ts': '', 'src/main.ts': '' });
    expect(resolver().resolve(path.join(broken, 'src/main.ts'), './config')).toEqual(file(path.join(broken, 'src/config.ts')));
    expect(() => resolver().resolve(path.join(broken, 'src/main.ts'), '@app/config')).not.toThrow();
    const dangling = writeProject({ 'tsconfig.json': { extends: '@tsconfig/not-installed/tsconfig.json' }, 'src/config.ts': '', 'src/main.ts': '' });
    expect(resolver().resolve(path.join(dangling, 'src/main.ts'), './config')).toEqual(file(path.join(dangling, 'src/config.ts')));
  });

  it('an alias for the project itself that no config explains (@/…, ~/…) is missing, not a package', () => {
    const from = fixture('js-esm', 'src/services/checkout.js');
    expect(resolver().resolve(from, '@/config')).toEqual(MISSING);
    expect(resolver().resolve(from, '~/lib/http')).toEqual(MISSING);
  });
});

describe('package.json imports', () => {
  const from = fixture('js-esm', 'src/services/checkout.js');

  it.each([
    ['#config', 'src/config.js'],
    ['#lib/http.js', 'src/lib/http.js'],
    ['#lib/clients/billing-client.js', 'src/lib/clients/billing-client.js'],
  ])('%s → %s', (specifier, target) => {
    expect(resolver().resolve(from, specifier)).toEqual(file(fixture('js-esm', target)));
  });

  it('an import the package does not declare is missing', () => {
    expect(resolver().resolve(from, '#missing')).toEqual(MISSING);
  });

  it('conditions: the node/import/default entry', () => {
    const root = writeProject({
      'package.json': { name: 'svc', type: 'module', imports: { '#db': { node: './src/db/node.js', default: './src/db/browser.js' } } },
      'src/db/node.js': 'export const db = 1;\n',
      'src/db/browser.js': 'export const db = 2;\n',
      'src/main.js': '',
    });
    expect(resolver().resolve(path.join(root, 'src/main.js'), '#db')).toEqual(file(path.join(root, 'src/db/node.js')));
  });
});

describe('workspace packages and file: dependencies, by name', () => {
  const from = fixture('monorepo', 'services/orders/src/services/checkout.ts');

  it("a workspace package whose main points into a dist/ that does not exist resolves to src/", () => {
    expect(fs.existsSync(fixture('monorepo', 'packages/shared/dist'))).toBe(false);
    expect(resolver().resolve(from, '@acme/shared')).toEqual(file(fixture('monorepo', 'packages/shared/src/index.ts')));
  });

  it('a subpath of a workspace package resolves under its src/', () => {
    expect(resolver().resolve(from, '@acme/shared/http/post-json')).toEqual(file(fixture('monorepo', 'packages/shared/src/http/post-json.ts')));
    expect(resolver().resolve(from, '@acme/shared/config/service-urls.js')).toEqual(file(fixture('monorepo', 'packages/shared/src/config/service-urls.ts')));
  });

  it("a subpath of a workspace package resolves through its package.json's exports map, exact or by pattern", () => {
    const root = writeProject({
      'package.json': { name: 'market', private: true, workspaces: ['services/*'] },
      'services/settlement/package.json': {
        name: '@market/settlement',
        exports: { './client': './src/public/client/index.ts', './types/*': { types: './src/public/types/*.ts', default: './dist/types/*.js' } },
      },
      'services/settlement/src/public/client/index.ts': 'export class SettlementClient {}\n',
      'services/settlement/src/public/types/escrow.ts': 'export interface Escrow { id: string }\n',
      'services/tendering/package.json': { name: '@market/tendering', dependencies: { '@market/settlement': 'workspace:*' } },
      'services/tendering/src/manager.ts': "import { SettlementClient } from '@market/settlement/client';\n",
    });
    const manager = path.join(root, 'services/tendering/src/manager.ts');
    expect(resolver().resolve(manager, '@market/settlement/client')).toEqual(file(path.join(root, 'services/settlement/src/public/client/index.ts')));
    expect(resolver().resolve(manager, '@market/settlement/types/escrow')).toEqual(file(path.join(root, 'services/settlement/src/public/types/escrow.ts')));
  });

  it('from inside a workspace member, the workspace of the root above it applies', () => {
    const fromShared = fixture('monorepo', 'packages/shared/src/http/service-client.ts');
    expect(resolver().resolve(fromShared, '@acme/shared')).toEqual(file(fixture('monorepo', 'packages/shared/src/index.ts')));
  });

  it('a file: dependency on a packed tarball is no folder of sources: resolving it throws nothing', () => {
    const root = writeProject({
      'shared-kafka/shared-kafka-1.0.0.tgz': 'not a folder',
      'orders/package.json': { name: 'orders', dependencies: { 'shared-kafka': 'file:../shared-kafka/shared-kafka-1.0.0.tgz' } },
      'orders/src/main.js': "const { publish } = require('shared-kafka');\n",
    });
    expect(() => resolver().resolve(path.join(root, 'orders/src/main.js'), 'shared-kafka')).not.toThrow();
    expect(resolver().resolve(path.join(root, 'orders/src/main.js'), 'shared-kafka').kind).not.toBe('file');
  });

  it('a workspace package with no source entry is missing, not external', () => {
    // services/orders: main is dist/main.js, with no src/main.ts and no src/index.ts beside it
    expect(resolver().resolve(from, '@acme/orders')).toEqual(MISSING);
  });

  it('a built workspace package still resolves to its sources', () => {
    const root = writeProject({
      'package.json': { name: 'shop', private: true, workspaces: ['libs/*', 'apps/*'] },
      'libs/money/package.json': { name: '@shop/money', main: './dist/index.js', exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } },
      'libs/money/dist/index.js': 'export const toCents = (x) => x * 100;\n',
      'libs/money/dist/index.d.ts': 'export declare const toCents: (x: number) => number;\n',
      'libs/money/src/index.ts': 'export const toCents = (x: number): number => x * 100;\n',
      'apps/api/package.json': { name: '@shop/api', dependencies: { '@shop/money': '*' } },
      'apps/api/src/main.ts': '',
    });
    expect(resolver().resolve(path.join(root, 'apps/api/src/main.ts'), '@shop/money')).toEqual(file(path.join(root, 'libs/money/src/index.ts')));
  });

  it('pnpm workspaces (pnpm-workspace.yaml) by name', () => {
    const root = writeProject({
      'package.json': { name: 'shop', private: true },
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      'packages/http/package.json': { name: '@shop/http', main: 'src/index.js' },
      'packages/http/src/index.js': 'export const post = () => {};\n',
      'packages/orders/package.json': { name: '@shop/orders', dependencies: { '@shop/http': 'workspace:*' } },
      'packages/orders/src/main.js': '',
    });
    expect(resolver().resolve(path.join(root, 'packages/orders/src/main.js'), '@shop/http')).toEqual(file(path.join(root, 'packages/http/src/index.js')));
  });

  it('yarn workspaces ({ packages: [...] }), with a negated glob', () => {
    const root = writeProject({
      'package.json': { name: 'shop', private: true, workspaces: { packages: ['packages/*', '!packages/legacy'] } },
      'packages/http/package.json': { name: '@shop/http', source: 'src/index.ts', main: 'lib/index.js' },
      'packages/http/src/index.ts': 'export const post = (): void => {};\n',
      'packages/legacy/package.json': { name: '@shop/legacy', main: 'index.js' },
      'packages/legacy/index.js': 'module.exports = {};\n',
      'packages/orders/package.json': { name: '@shop/orders' },
      'packages/orders/src/main.ts': '',
    });
    const from = path.join(root, 'packages/orders/src/main.ts');
    expect(resolver().resolve(from, '@shop/http')).toEqual(file(path.join(root, 'packages/http/src/index.ts')));
    expect(resolver().resolve(from, '@shop/legacy')).toEqual(EXTERNAL);
  });

  it('a file: dependency resolves to its sources without being installed', () => {
    const root = writeProject({
      'services/payments/package.json': { name: 'payments', dependencies: { '@acme/money': 'file:../../libs/money', axios: '^1.7.0' } },
      'services/payments/src/charge.ts': '',
      'libs/money/package.json': { name: '@acme/money', main: 'dist/index.js' },
      'libs/money/src/index.ts': 'export const currency = "EUR";\n',
      'libs/money/src/rates.ts': 'export const rates = {};\n',
    });
    const from = path.join(root, 'services/payments/src/charge.ts');
    expect(resolver().resolve(from, '@acme/money')).toEqual(file(path.join(root, 'libs/money/src/index.ts')));
    expect(resolver().resolve(from, '@acme/money/rates')).toEqual(file(path.join(root, 'libs/money/src/rates.ts')));
  });
});

describe('packages and built-ins are external; node_modules is never project code', () => {
  const from = fixture('js-cjs', 'src/services/checkout.js');

  it.each(['fs', 'node:fs', 'node:fs/promises', 'path', 'http', 'node:https', 'crypto'])('the built-in %s', (specifier) => {
    expect(resolver().resolve(from, specifier)).toEqual(EXTERNAL);
  });

  it.each(['axios', 'express', 'kafkajs', 'axios/unsafe/adapters/http.js'])('the dependency %s', (specifier) => {
    expect(resolver().resolve(from, specifier)).toEqual(EXTERNAL);
  });

  it('a package that is not installed and not in the project is external', () => {
    expect(resolver().resolve(from, 'left-pad-that-is-not-installed')).toEqual(EXTERNAL);
    expect(resolver().resolve(from, '@someone/not-installed/sub')).toEqual(EXTERNAL);
  });

  it('an installed package is external even when its files are plain sources', () => {
    const root = writeProject({
      'package.json': { name: 'svc' },
      'node_modules/internal-http/package.json': { name: 'internal-http', main: 'index.js' },
      'node_modules/internal-http/index.js': "const axios = require('axios');\nmodule.exports = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL });\n",
      'src/main.js': '',
    });
    const main = path.join(root, 'src/main.js');
    expect(resolver().resolve(main, 'internal-http')).toEqual(EXTERNAL);
    // even reached by a relative path
    expect(resolver().resolve(main, '../node_modules/internal-http/index.js')).toEqual(EXTERNAL);
    expect(resolver().resolve(main, '../node_modules/internal-http')).toEqual(EXTERNAL);
  });

  it('a workspace package linked into node_modules resolves to its folder, not through node_modules', () => {
    const root = writeProject({
      'package.json': { name: 'shop', private: true, workspaces: ['packages/*'] },
      'packages/shared/package.json': { name: '@shop/shared', main: 'src/index.js' },
      'packages/shared/src/index.js': 'export const post = () => {};\n',
      'packages/api/package.json': { name: '@shop/api' },
      'packages/api/src/main.js': '',
    });
    fs.mkdirSync(path.join(root, 'node_modules/@shop'), { recursive: true });
    fs.symlinkSync(path.join(root, 'packages/shared'), path.join(root, 'node_modules/@shop/shared'), 'dir');
    expect(resolver().resolve(path.join(root, 'packages/api/src/main.js'), '@shop/shared')).toEqual(file(path.join(root, 'packages/shared/src/index.js')));
  });
});

describe('cache', () => {
  it('one module reached by relative paths from different folders resolves once and alike; a trailing slash still asks for the folder', () => {
    const root = writeProject({ 'src/main.js': '', 'src/lib/send.js': '', 'src/config.js': '', 'src/config/index.js': '' });
    const modules = resolver();
    expect(modules.resolve(path.join(root, 'src/main.js'), './config')).toEqual(file(path.join(root, 'src/config.js')));
    expect(modules.resolve(path.join(root, 'src/lib/send.js'), '../config/')).toEqual(file(path.join(root, 'src/config/index.js')));
    expect(modules.resolve(path.join(root, 'src/lib/send.js'), '../config')).toEqual(file(path.join(root, 'src/config.js')));
    expect(modules.resolve(path.join(root, 'src/lib/send.js'), path.join(root, 'src/config'))).toEqual(file(path.join(root, 'src/config.js')));
  });

  it('a bare specifier is asked once per package and paths config: from one resolver, two packages and a nested config each keep their own answer', () => {
    const root = writeProject({
      'orders/package.json': { name: 'orders', imports: { '#config': './src/config.js' } },
      'orders/tsconfig.json': { compilerOptions: { paths: { '@app/*': ['./src/*'] } } },
      'orders/src/config.js': 'module.exports = {};\n',
      'orders/src/routes/orders.js': '',
      'orders/src/services/orders.js': '',
      'orders/tools/tsconfig.json': { compilerOptions: { strict: true } },
      'orders/tools/seed.js': '',
      'billing/package.json': { name: 'billing', imports: { '#config': './lib/config.js' } },
      'billing/lib/config.js': 'module.exports = {};\n',
      'billing/lib/routes/invoices.js': '',
    });
    const modules = resolver();
    const config = file(path.join(root, 'orders/src/config.js'));
    // two folders of one package: the same answers
    expect(modules.resolve(path.join(root, 'orders/src/routes/orders.js'), '#config')).toEqual(config);
    expect(modules.resolve(path.join(root, 'orders/src/services/orders.js'), '#config')).toEqual(config);
    expect(modules.resolve(path.join(root, 'orders/src/routes/orders.js'), '@app/config')).toEqual(config);
    expect(modules.resolve(path.join(root, 'orders/src/services/orders.js'), '@app/config')).toEqual(config);
    // the same package under a config without its paths; another package with its own imports
    expect(modules.resolve(path.join(root, 'orders/tools/seed.js'), '@app/config')).toEqual(EXTERNAL);
    expect(modules.resolve(path.join(root, 'orders/tools/seed.js'), '#config')).toEqual(config);
    expect(modules.resolve(path.join(root, 'billing/lib/routes/invoices.js'), '#config')).toEqual(file(path.join(root, 'billing/lib/config.js')));
    expect(modules.resolve(path.join(root, 'billing/lib/routes/invoices.js'), '@app/config')).toEqual(EXTERNAL);
  });

  it('answers from its cache until cleared: a file that appears later is found after clear()', () => {
    const root = writeProject({ 'src/main.js': '' });
    const from = path.join(root, 'src/main.js');
    const modules = resolver();
    expect(modules.resolve(from, './config')).toEqual(MISSING);
    fs.writeFileSync(path.join(root, 'src/config.js'), 'module.exports = {};\n');
    modules.clear();
    expect(modules.resolve(from, './config')).toEqual(file(path.join(root, 'src/config.js')));
  });
});
