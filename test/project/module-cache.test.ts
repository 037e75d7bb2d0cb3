/**
 * The module cache (src/project/modules/module-cache.ts): each project module parsed once and
 * kept by path, modification time and size; a changed file is read again; a file that is
 * missing, does not parse or is over the size limit is unknown, never an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_MODULE_BYTES, ModuleCache } from '../../src/project/modules/module-cache.js';
import { fixture, touchLater, writeFile, writeProject } from './helpers.js';

const namesOf = (cache: ModuleCache, file: string): string[] => [...(cache.get(file)?.exports.named.keys() ?? [])];

describe('ModuleCache', () => {
  it('reads a module once: its path, its file and its exports', () => {
    const cache = new ModuleCache();
    const file = fixture('js-esm', 'src/lib/http.js');
    const record = cache.get(file);
    expect(record?.path).toBe(file);
    expect(record?.file.fileName).toBe(file);
    expect([...(record?.exports.named.keys() ?? [])]).toEqual(['paymentsApi', 'walletApi', 'analyticsApi', 'default']);
    expect(cache.get(file)).toBe(record);
  });

  it("gives a module read its path inside its repository, so that the folders a checkout sits in never count", () => {
    const root = writeProject({
      'chat-tools/shop/.git/HEAD': 'ref: refs/heads/main\n',
      'chat-tools/shop/package.json': { name: 'shop' },
      'chat-tools/shop/services/orders/package.json': { name: 'orders' },
      'chat-tools/shop/services/orders/src/client.js': 'export const send = () => 1;\n',
      'loose/package.json': { name: 'loose' },
      'loose/src/a.js': 'export const a = 1;\n',
    });
    const cache = new ModuleCache();
    expect(cache.get(path.join(root, 'chat-tools/shop/services/orders/src/client.js'))?.file.relativePath).toBe('services/orders/src/client.js');
    // no checkout: the outermost package folder above it
    expect(cache.get(path.join(root, 'loose/src/a.js'))?.file.relativePath).toBe('src/a.js');
  });

  it('parses a TypeScript module with decorators and parameter properties', () => {
    const cache = new ModuleCache();
    expect(namesOf(cache, fixture('ts', 'src/checkout/checkout.service.ts'))).toEqual(['CheckoutService']);
    expect(namesOf(cache, fixture('ts', 'src/clients/ledger.client.ts'))).toEqual(['LedgerClient']);
  });

  it('links every node of a module read to its parent and gives lines on demand, not as `loc` on each node (ES syntax in a CommonJS package too)', () => {
    const root = writeProject({ 'src/ledger.js': "import axios from 'axios';\n\n// the ledger\nexport const ledger = axios.create({\n  baseURL: process.env.LEDGER_SERVICE_URL,\n});\n" });
    const record = new ModuleCache().get(path.join(root, 'src/ledger.js'));
    const entry = record?.exports.named.get('ledger');
    const node = entry?.kind === 'local' ? entry.identifier : undefined;
    if (!record || !node) throw new Error('the module does not export ledger');
    expect(record.file.getText(node)).toBe('ledger');
    expect(node.parent?.type).toBe('VariableDeclarator');
    expect(node.parent?.parent?.parent?.type).toBe('ExportNamedDeclaration');
    expect(record.file.getLine(node)).toBe(4);
    expect(record.file.sourceCode.getLocFromIndex(record.file.sourceCode.text.indexOf('process'))).toEqual({ line: 5, column: 11 });
    expect(node.loc).toBeUndefined();
  });

  it('starts over, whole, past its budget of source bytes: a module dropped is read again, the others with it', () => {
    const root = writeProject({ 'src/a.js': 'export const A = 1;\n', 'src/b.js': 'export const B = 2;\n' });
    const a = path.join(root, 'src/a.js');
    const b = path.join(root, 'src/b.js');
    const size = fs.statSync(a).size;
    const cache = new ModuleCache(2 * size - 1); // room for one of the two
    const first = cache.get(a);
    expect(cache.get(a)).toBe(first);
    const second = cache.get(b);
    expect(namesOf(cache, b)).toEqual(['B']);
    expect(cache.get(b)).toBe(second);
    const again = cache.get(a);
    expect(again).not.toBe(first);
    expect(namesOf(cache, a)).toEqual(['A']);
    expect(cache.get(b)).not.toBe(second);
  });

  it('reads a changed file again, and tells its owner that modules changed', () => {
    const root = writeProject({ 'src/config.js': 'export const A = 1;\n' });
    const file = path.join(root, 'src/config.js');
    const cache = new ModuleCache();
    const onChange = vi.fn();
    cache.onChange = onChange;
    const first = cache.get(file);
    expect(namesOf(cache, file)).toEqual(['A']);

    fs.writeFileSync(file, 'export const A = 1;\nexport const LEDGER_URL = process.env.LEDGER_SERVICE_URL;\n');
    touchLater(file);
    const second = cache.get(file);
    expect(second).not.toBe(first);
    expect(namesOf(cache, file)).toEqual(['A', 'LEDGER_URL']);
    expect(onChange).toHaveBeenCalledTimes(1);

    // unchanged since: the same record, no new notice
    expect(cache.get(file)).toBe(second);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('a change of size alone counts as a change', () => {
    const root = writeProject({ 'src/config.js': 'export const A = 1;\n' });
    const file = path.join(root, 'src/config.js');
    const cache = new ModuleCache();
    const first = cache.get(file);
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, 'export const A = 1;\nexport const B = 2;\n');
    fs.utimesSync(file, atime, mtime);
    expect(cache.get(file)).not.toBe(first);
    expect(namesOf(cache, file)).toEqual(['A', 'B']);
  });

  it('when one module changed, the others are read again too (their bindings may lead into it)', () => {
    const root = writeProject({ 'src/a.js': 'export const A = 1;\n', 'src/b.js': 'export const B = 1;\n' });
    const cache = new ModuleCache();
    const a = cache.get(path.join(root, 'src/a.js'));
    const b = cache.get(path.join(root, 'src/b.js'));
    touchLater(path.join(root, 'src/a.js'));
    expect(cache.get(path.join(root, 'src/a.js'))).not.toBe(a);
    expect(cache.get(path.join(root, 'src/b.js'))).not.toBe(b);
  });

  it('a file that does not parse is unknown, and known again once fixed', () => {
    const root = writeProject({ 'src/broken.ts': 'export const config = {\n  services: {\n' });
    const file = path.join(root, 'src/broken.ts');
    const cache = new ModuleCache();
    expect(() => cache.get(file)).not.toThrow();
    expect(cache.get(file)).toBeUndefined();
    fs.writeFileSync(file, 'export const config = { services: {} };\n');
    touchLater(file);
    expect(namesOf(cache, file)).toEqual(['config']);
  });

  it.each([
    ['a Flow-annotated file', 'src/flow.js', '// @flow\nimport type { Order } from "./types";\nexport function total(order: Order): number %checks { return order.total; }\n'],
    ['binary data with a source extension', 'src/blob.js', '\u0000\u0001\u0002 not ( javascript {'],
  ])('%s is unknown, not an error', (_name, relative, content) => {
    const root = writeProject({ [relative]: content });
    const cache = new ModuleCache();
    expect(cache.get(path.join(root, relative))).toBeUndefined();
  });

  it(`a file over ${MAX_MODULE_BYTES} bytes is unknown without being parsed`, () => {
    const root = writeProject({});
    const file = writeFile(root, 'src/bundle.js', `export const A = 1;\n${'// generated\n'.repeat(Math.ceil(MAX_MODULE_BYTES / 13) + 1)}`);
    expect(fs.statSync(file).size).toBeGreaterThan(MAX_MODULE_BYTES);
    expect(new ModuleCache().get(file)).toBeUndefined();
  });

  it('a file at the size limit is still read', () => {
    const root = writeProject({});
    const head = 'export const A = 1;\n';
    const file = writeFile(root, 'src/large.js', head + ' '.repeat(MAX_MODULE_BYTES - head.length));
    expect(fs.statSync(file).size).toBe(MAX_MODULE_BYTES);
    expect(namesOf(new ModuleCache(), file)).toEqual(['A']);
  });

  it('a missing file, a folder, a JSON file and a declaration file are unknown', () => {
    const root = writeProject({ 'src/data.json': '{}\n', 'src/types.d.ts': 'export interface A {}\n' });
    const cache = new ModuleCache();
    expect(cache.get(path.join(root, 'src/missing.js'))).toBeUndefined();
    expect(cache.get(path.join(root, 'src'))).toBeUndefined();
    expect(cache.get(path.join(root, 'src/data.json'))).toBeUndefined();
    expect(cache.get(path.join(root, 'src/types.d.ts'))).toBeUndefined();
  });

  it('a file deleted after it was read is unknown', () => {
    const root = writeProject({ 'src/config.js': 'export const A = 1;\n' });
    const file = path.join(root, 'src/config.js');
    const cache = new ModuleCache();
    expect(cache.get(file)).toBeDefined();
    fs.rmSync(file);
    expect(cache.get(file)).toBeUndefined();
  });

  it('.js is CommonJS unless the nearest package.json says "type": "module"', () => {
    const root = writeProject({
      'cjs/package.json': { name: 'cjs' },
      // a top-level return is valid CommonJS only
      'cjs/src/config.js': "if (process.env.SKIP) return;\nexports.LEDGER_URL = process.env.LEDGER_SERVICE_URL;\n",
      'esm/package.json': { name: 'esm', type: 'module' },
      'esm/src/config.js': 'export const LEDGER_URL = process.env.LEDGER_SERVICE_URL;\n',
      'esm/src/legacy.cjs': "if (process.env.SKIP) return;\nmodule.exports = { A: 1 };\n",
    });
    const cache = new ModuleCache();
    const cjs = cache.get(path.join(root, 'cjs/src/config.js'));
    expect([...(cjs?.exports.named.keys() ?? [])]).toEqual(['LEDGER_URL']);
    expect(cjs?.exports.commonjs).toBe(true);
    expect(namesOf(cache, path.join(root, 'esm/src/config.js'))).toEqual(['LEDGER_URL']);
    expect(cache.get(path.join(root, 'esm/src/legacy.cjs'))?.exports.commonjs).toBe(true);
  });
});
