/**
 * Who uses an export (src/project/modules/importers.ts): the other modules of the package that
 * import it, by name, whole, or through `require`; unknown whenever a use could be out of sight.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionsHttpClient } from '../../src/analysis/file-filter.js';
import { ModuleGraph } from '../../src/project/graph.js';
import { Implementations } from '../../src/project/modules/implementations.js';
import { Importers } from '../../src/project/modules/importers.js';
import { ModuleCache } from '../../src/project/modules/module-cache.js';
import { Reachability } from '../../src/project/modules/reach.js';
import { RepositoryTexts } from '../../src/project/modules/repository-texts.js';
import { ModuleResolver } from '../../src/project/resolution/module-resolver.js';
import { WorkspaceFinder } from '../../src/project/workspace/workspaces.js';
import { writeFile, writeProject } from './helpers.js';

function createImporters(maxFiles?: number): Importers {
  const resolver = new ModuleResolver(new WorkspaceFinder());
  const modules = new ModuleCache();
  const texts = new RepositoryTexts(maxFiles);
  const importers = new Importers(resolver, modules, texts);
  const implementations = new Implementations(modules, texts);
  modules.resolver = new ModuleGraph(resolver, modules, new Reachability(resolver, mentionsHttpClient), { importers, implementations });
  return importers;
}

const TARGET = 'export async function settle(id) {}\nexport async function cancel(id) {}\n';

/** Each use as `file: text`, relative to the project, sorted. */
function usesOf(root: string, name: string, importers = createImporters()): string[] | undefined {
  const uses = importers.find(path.join(root, 'src/billing.js'), name);
  return uses?.map((use) => `${path.relative(root, use.file.fileName!)}: ${use.file.getText(use.node)}`).sort();
}

describe('Importers.find', () => {
  it('finds named imports, whole-module imports and requires, and no other names', () => {
    const root = writeProject({
      'package.json': { name: 'billing', type: 'module' },
      'src/billing.js': TARGET,
      'src/a.js': "import { settle, cancel as drop } from './billing.js';\nsettle(1);\ndrop(2);\n",
      'src/b.js': "import * as billing from './billing.js';\nbilling.settle(3);\nbilling.cancel(4);\n",
      'src/c.cjs': "const { settle } = require('./billing.js');\nsettle(5);\n",
      'src/d.cjs': "const billing = require('./billing.js');\nmodule.exports = () => billing.settle(6);\n",
      'src/unrelated.js': "export function settle() {}\nsettle();\n",
    });
    expect(usesOf(root, 'settle')).toEqual(['src/a.js: settle', 'src/b.js: billing.settle', 'src/c.cjs: settle', 'src/d.cjs: billing.settle']);
  });

  it('finds the importers of an index by its folder', () => {
    const root = writeProject({
      'package.json': { name: 'billing', type: 'module' },
      'src/billing/index.js': TARGET,
      'src/a.js': "import { settle } from './billing/index.js';\nsettle(1);\n",
      'src/b.cjs': "const { settle } = require('./billing');\nsettle(2);\n",
    });
    const uses = createImporters().find(path.join(root, 'src/billing/index.js'), 'settle');
    expect(uses?.map((use) => path.relative(root, use.file.fileName!)).sort()).toEqual(['src/a.js', 'src/b.cjs']);
  });

  it('leaves out tests, seeds and scripts, and counts the other packages of a workspace', () => {
    const root = writeProject({
      'package.json': { name: 'billing', type: 'module', workspaces: ['tools'] },
      'src/billing.js': TARGET,
      'src/billing.test.js': "import { settle } from './billing.js';\nsettle(1);\n",
      'scripts/backfill.js': "import { settle } from '../src/billing.js';\nsettle(2);\n",
      'tools/package.json': { name: 'tools', type: 'module' },
      'tools/run.js': "import { settle } from '../src/billing.js';\nsettle(3);\n",
    });
    expect(usesOf(root, 'settle')).toEqual(['tools/run.js: settle']);
  });

  it('follows the barrels that pass the export on to their importers, by the name they give it', () => {
    const base = { 'package.json': { name: 'billing', type: 'module' }, 'src/billing.js': TARGET };
    const through = (barrel: string, use: string): string[] | undefined =>
      usesOf(writeProject({ ...base, 'src/lib/index.js': barrel, 'src/a.js': use, 'src/b.js': "import { cancel } from './lib/index.js';\n// settle is not called here\ncancel(9);\n" }), 'settle');
    expect(through("export * from '../billing.js';\n", "import { settle } from './lib/index.js';\nsettle(1);\n")).toEqual(['src/a.js: settle']);
    expect(through("export { settle, cancel } from '../billing.js';\n", "import * as lib from './lib/index.js';\nlib.settle(2);\n")).toEqual(['src/a.js: lib.settle']);
    expect(through("export { settle as close, cancel } from '../billing.js';\n", "import { close } from './lib/index.js';\nclose(3);\n")).toEqual(['src/a.js: close']);
    // a barrel that passes on other names only: nothing of ours goes through it
    expect(through("export { cancel } from '../billing.js';\n", "import { cancel } from './lib/index.js';\ncancel(4);\n")).toEqual([]);
    // barrels in a chain, each followed
    const chained = writeProject({
      ...base,
      'src/lib/payments.js': "export { settle } from '../billing.js';\n",
      'src/lib/index.js': "export * from './payments.js';\n",
      'src/a.js': "import { settle } from './lib/index.js';\nsettle(5);\n",
    });
    expect(usesOf(chained, 'settle')).toEqual(['src/a.js: settle']);
  });

  it('is unknown when a module passes the target on out of sight, imports it out of sight, or hands it on whole', () => {
    const base = { 'package.json': { name: 'billing', type: 'module' }, 'src/billing.js': TARGET };
    expect(usesOf(writeProject({ ...base, 'src/index.js': "export * as billing from './billing.js';\n" }), 'settle')).toBeUndefined();
    expect(usesOf(writeProject({ ...base, 'src/index.cjs': "module.exports = require('./billing.js');\n" }), 'settle')).toBeUndefined();
    expect(usesOf(writeProject({ ...base, 'src/lazy.js': "export async function run() {\n  const { settle } = await import('./billing.js');\n  return settle(1);\n}\n" }), 'settle')).toBeUndefined();
    expect(usesOf(writeProject({ ...base, 'src/pass.js': "import * as billing from './billing.js';\nexport const services = { billing };\nbilling.settle(1);\n" }), 'settle')).toBeUndefined();
  });

  it('is unknown past the bound on a repository’s files', () => {
    const root = writeProject({ 'package.json': { name: 'billing', type: 'module' }, 'src/billing.js': TARGET, 'src/a.js': "import { settle } from './billing.js';\nsettle(1);\n" });
    expect(usesOf(root, 'settle', createImporters(2))).toEqual(['src/a.js: settle']);
    writeFile(root, 'src/b.js', 'export const b = 1;\n');
    expect(usesOf(root, 'settle', createImporters(2))).toBeUndefined();
  });
});
