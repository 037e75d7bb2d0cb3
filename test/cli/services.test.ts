import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/errors.js';
import { globToRegExp, matchesGlobOrInside } from '../../src/project/workspace/glob.js';
import { detectServices, serviceOf } from '../../src/cli/services/services.js';
import { readPnpmWorkspaceGlobs } from '../../src/project/workspace/workspaces.js';

const temporary: string[] = [];

/** A repository in a temporary folder: relative path → content (JSON for objects). */
function repo(files: Record<string, string | object>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-services-'));
  temporary.push(root);
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

afterAll(() => {
  for (const root of temporary) fs.rmSync(root, { recursive: true, force: true });
});

const SOURCE = 'export const x = 1;\n';

describe('detectServices', () => {
  it('reads the services mapping of durable-writes.config.json first', () => {
    const root = repo({
      'durable-writes.config.json': { services: { checkout: ['src/checkout', 'src/cart/**'], billing: 'src/billing' } },
      'package.json': { workspaces: ['packages/*'] },
      'packages/a/package.json': { name: 'a' },
      'src/checkout/index.ts': SOURCE,
    });
    const model = detectServices(root);
    expect(model).toEqual({
      source: 'config',
      services: [
        { name: 'billing', paths: ['src/billing'] },
        { name: 'checkout', paths: ['src/checkout', 'src/cart/**'] },
      ],
    });
    expect(serviceOf('src/checkout/index.ts', model)).toBe('checkout');
    expect(serviceOf('src/cart/deep/x.ts', model)).toBe('checkout');
    expect(serviceOf('src/billing/x.ts', model)).toBe('billing');
    expect(serviceOf('src/other/x.ts', model)).toBeUndefined();
  });

  it('rejects a config whose services are not lists of globs', () => {
    const root = repo({ 'durable-writes.config.json': { services: { checkout: [1] } } });
    expect(() => detectServices(root)).toThrow(CliError);
    expect(() => detectServices(root)).toThrow(/services\.checkout must be a non-empty list of folder globs/);
  });

  it('uses npm/yarn workspaces, naming each service by its package name without the scope', () => {
    const root = repo({
      'package.json': { name: 'shop', workspaces: ['services/*', '!services/legacy'] },
      'services/orders/package.json': { name: '@acme/orders' },
      'services/orders/src/main.ts': SOURCE,
      'services/pay/package.json': { name: '@acme/payments' },
      'services/legacy/package.json': { name: 'legacy' },
      'services/no-package/src/main.ts': SOURCE,
    });
    const model = detectServices(root);
    expect(model).toEqual({
      source: 'workspaces',
      services: [
        { name: 'orders', paths: ['services/orders'] },
        { name: 'payments', paths: ['services/pay'] },
      ],
    });
    expect(serviceOf('services/pay/src/a.ts', model)).toBe('payments');
  });

  it('reads yarn classic `workspaces.packages` too', () => {
    const root = repo({
      'package.json': { private: true, workspaces: { packages: ['apps/**'] } },
      'apps/web/package.json': { name: 'web' },
      'apps/group/api/package.json': { name: 'api' },
    });
    expect(detectServices(root).services.map((service) => service.name)).toEqual(['api', 'web']);
  });

  it('uses pnpm-workspace.yaml packages', () => {
    const root = repo({
      'pnpm-workspace.yaml': "# services\npackages:\n  - 'apps/*'\n  - \"libs/*\" # shared\n  - '!apps/docs'\ncatalog:\n  react: ^18\n",
      'apps/orders/package.json': { name: 'orders' },
      'apps/docs/package.json': { name: 'docs' },
      'libs/money/package.json': { name: '@acme/money' },
    });
    expect(detectServices(root)).toEqual({
      source: 'pnpm-workspace',
      services: [
        { name: 'money', paths: ['libs/money'] },
        { name: 'orders', paths: ['apps/orders'] },
      ],
    });
  });

  it('falls back to apps/*, services/* and packages/* folders that hold source files', () => {
    const root = repo({
      'apps/gateway/src/server.ts': SOURCE,
      'services/orders/package.json': { name: '@shop/orders-service' },
      'services/orders/index.js': SOURCE,
      'packages/empty/README.md': '# nothing',
      'scripts/release.ts': SOURCE,
    });
    expect(detectServices(root)).toEqual({
      source: 'folders',
      services: [
        { name: 'gateway', paths: ['apps/gateway'] },
        { name: 'orders-service', paths: ['services/orders'] },
      ],
    });
  });

  it('falls back to the top-level folders with source files, leaving out tests, docs, scripts and build output', () => {
    const root = repo({
      'orders/src/main.ts': SOURCE,
      'payments/src/main.ts': SOURCE,
      'test/orders.test.ts': SOURCE,
      'scripts/seed.ts': SOURCE,
      'dist/orders.js': SOURCE,
      'node_modules/x/index.js': SOURCE,
      'assets/logo.svg': '<svg/>',
      'tsconfig.json': {},
    });
    const model = detectServices(root);
    expect(model).toEqual({
      source: 'top-level',
      services: [
        { name: 'orders', paths: ['orders'] },
        { name: 'payments', paths: ['payments'] },
      ],
    });
    expect(serviceOf('orders/src/main.ts', model)).toBe('orders');
    expect(serviceOf('test/orders.test.ts', model)).toBeUndefined();
  });

  it('treats a single-service repository (only src/) as one service named like its package', () => {
    const root = repo({ 'package.json': { name: '@acme/checkout' }, 'src/index.ts': SOURCE });
    const model = detectServices(root);
    expect(model).toEqual({ source: 'root', services: [{ name: 'checkout', paths: ['.'] }] });
    expect(serviceOf('src/index.ts', model)).toBe('checkout');
  });

  it('prefers the most specific glob when services nest', () => {
    const model = { source: 'config' as const, services: [{ name: 'platform', paths: ['apps/**'] }, { name: 'billing', paths: ['apps/billing'] }] };
    expect(serviceOf('apps/billing/src/a.ts', model)).toBe('billing');
    expect(serviceOf('apps/orders/src/a.ts', model)).toBe('platform');
  });
});

describe('globs', () => {
  it('supports *, **, ? and braces', () => {
    expect(globToRegExp('packages/*').test('packages/a')).toBe(true);
    expect(globToRegExp('packages/*').test('packages/a/b')).toBe(false);
    expect(globToRegExp('apps/**').test('apps/a/b')).toBe(true);
    expect(globToRegExp('**/svc-?').test('x/y/svc-1')).toBe(true);
    expect(globToRegExp('{apps,services}/*').test('services/a')).toBe(true);
    expect(globToRegExp('./apps/*/').test('apps/a')).toBe(true);
    expect(matchesGlobOrInside('apps/a/src/x.ts', 'apps/*')).toBe(true);
    expect(matchesGlobOrInside('apps.ts', 'apps')).toBe(false);
  });

  it('reads pnpm-workspace.yaml lists, quoted or not, until the next key', () => {
    expect(readPnpmWorkspaceGlobs('packages:\n  - apps/*\n  - "libs/**"\nonlyBuiltDependencies:\n  - esbuild\n')).toEqual(['apps/*', 'libs/**']);
  });
});
