/**
 * The module graph (src/project/graph.ts): an export followed through re-exports, barrels and
 * CommonJS values to what it holds in its own module; which imports lead outside the project;
 * which may lead to a request.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mentionsHttpClient } from '../../src/analysis/file-filter.js';
import type { Binding, FileContext } from '../../src/analysis/code/file-context.js';
import { ModuleGraph } from '../../src/project/graph.js';
import { ModuleCache, type ModuleRecord } from '../../src/project/modules/module-cache.js';
import { Reachability } from '../../src/project/modules/reach.js';
import { ModuleResolver } from '../../src/project/resolution/module-resolver.js';
import { WorkspaceFinder } from '../../src/project/workspace/workspaces.js';
import { fixture, writeProject } from './helpers.js';

function createGraph(): ModuleGraph {
  const resolver = new ModuleResolver(new WorkspaceFinder());
  const modules = new ModuleCache();
  const graph = new ModuleGraph(resolver, modules, new Reachability(resolver, mentionsHttpClient));
  modules.resolver = graph;
  return graph;
}

function moduleOf(graph: ModuleGraph, from: string, source: string): ModuleRecord {
  const module = graph.getModule(from, source);
  if (!module) throw new Error(`${source} is not a project module from ${from}`);
  return module;
}

/** A binding as `kind: text of its node` (the first line), `module: path`, or undefined. */
function show(binding: Binding | undefined): string | undefined {
  if (!binding) return undefined;
  if (binding.kind === 'module') return `module: ${(binding.module as ModuleRecord).path}`;
  if (!('node' in binding)) return binding.kind;
  const text = textOf(binding.node).split('\n')[0];
  return 'path' in binding && binding.path && binding.path.length > 0 ? `${binding.kind}: ${text} .${binding.path.join('.')}` : `${binding.kind}: ${text}`;
}

let lastModule: ModuleRecord | undefined;
function textOf(node: TSESTree.Node): string {
  return lastModule ? lastModule.file.getText(node) : '';
}

function exportOf(graph: ModuleGraph, module: ModuleRecord, name: string): string | undefined {
  lastModule = module;
  return show(graph.getExport(module, name));
}

describe('getModule', () => {
  it('a project module, parsed; packages and missing modules are none', () => {
    const graph = createGraph();
    const from = fixture('js-cjs', 'src/services/checkout.js');
    expect(graph.getModule(from, '../lib/http')?.path).toBe(fixture('js-cjs', 'src/lib/http.js'));
    expect(graph.getModule(from, 'axios')).toBeUndefined();
    expect(graph.getModule(from, 'node:fs')).toBeUndefined();
    expect(graph.getModule(from, '../lib/missing')).toBeUndefined();
  });

  it('the same record for the same module reached from two files', () => {
    const graph = createGraph();
    const a = graph.getModule(fixture('js-esm', 'src/services/checkout.js'), '../lib/http.js');
    const b = graph.getModule(fixture('js-esm', 'src/consumers/order-created.js'), '#lib/http.js');
    expect(a).toBeDefined();
    expect(b).toBe(a);
  });
});

describe('getExport', () => {
  it('through a barrel: named, renamed default, export * and classes', () => {
    const graph = createGraph();
    const barrel = moduleOf(graph, fixture('js-esm', 'src/services/checkout.js'), '../lib/index.js');
    expect(exportOf(graph, barrel, 'paymentsApi')).toBe('value: axios.create({ baseURL: config.services.payments, timeout: 5000 })');
    expect(exportOf(graph, barrel, 'inventoryApi')).toBe('value: axios.create({ baseURL: config.services.inventory, timeout: 5000 })');
    expect(exportOf(graph, barrel, 'billing')).toBe('value: new BillingClient(services.billing)');
    expect(exportOf(graph, barrel, 'sendJson')).toBe('function: async function sendJson(url, body) {');
    expect(exportOf(graph, barrel, 'createHttpClient')).toBe('function: function createHttpClient(baseURL, timeout = 5000) {');
    expect(exportOf(graph, barrel, 'BillingClient')).toBe('class: class BillingClient {');
    expect(exportOf(graph, barrel, 'nothing')).toBeUndefined();
  });

  it('export * passes on every name but default', () => {
    const graph = createGraph();
    const dir = writeProject({
      'package.json': '{ "type": "module" }',
      'http.js': "import axios from 'axios';\nexport default axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL });\nexport const api = 1;\n",
      'index.js': "export * from './http.js';\n",
      'use.js': "import api from './index.js';\n",
    });
    const barrel = moduleOf(graph, `${dir}/use.js`, './index.js');
    expect(exportOf(graph, barrel, 'default')).toBeUndefined();
    expect(exportOf(graph, barrel, 'api')).toBe('value: 1');
  });

  it('CommonJS: the properties of module.exports, and default for the whole value', () => {
    const graph = createGraph();
    const config = moduleOf(graph, fixture('js-cjs', 'src/services/checkout.js'), '../config');
    expect(exportOf(graph, config, 'port')).toBe('value: Number(process.env.PORT) || 3000');
    expect(exportOf(graph, config, 'services')).toBe('value: {');
    expect(exportOf(graph, config, 'default')).toBe('value: {');
    const constants = moduleOf(graph, fixture('js-cjs', 'src/services/ledger.js'), '../config/constants');
    expect(exportOf(graph, constants, 'LEDGER_URL')).toBe("value: process.env.LEDGER_SERVICE_URL || 'http://ledger:3000'");
    const http = moduleOf(graph, fixture('js-cjs', 'src/services/checkout.js'), '../lib/http');
    expect(exportOf(graph, http, 'paymentsApi')).toBe('value: axios.create({ baseURL: config.services.payments, timeout: REQUEST_TIMEOUT_MS })');
  });

  it('CommonJS: module.exports = require(…) passes the other module on', () => {
    const root = writeProject({
      'src/config/index.js': "module.exports = require('./services');\n",
      'src/config/services.js': "exports.PAYMENTS_URL = process.env.PAYMENTS_SERVICE_URL || 'http://payments:3000';\n",
      'src/main.js': '',
    });
    const graph = createGraph();
    const config = moduleOf(graph, `${root}/src/main.js`, './config');
    expect(exportOf(graph, config, 'PAYMENTS_URL')).toBe("value: process.env.PAYMENTS_SERVICE_URL || 'http://payments:3000'");
  });

  it('the default import of a CommonJS module made of exports.X is the module as a namespace', () => {
    const graph = createGraph();
    const constants = moduleOf(graph, fixture('js-cjs', 'src/services/ledger.js'), '../config/constants');
    expect(exportOf(graph, constants, 'default')).toBe(`module: ${fixture('js-cjs', 'src/config/constants.js')}`);
  });

  it('export * cycles end', () => {
    const root = writeProject({
      'package.json': { name: 'svc', type: 'module' },
      'src/a.js': "export * from './b.js';\nexport const A = 1;\n",
      'src/b.js': "export * from './a.js';\nexport const B = 2;\n",
      'src/main.js': '',
    });
    const graph = createGraph();
    const a = moduleOf(graph, `${root}/src/main.js`, './a.js');
    expect(exportOf(graph, a, 'B')).toBe('value: 2');
    expect(exportOf(graph, a, 'C')).toBeUndefined();
  });
});

describe('isExternalModule and mayReachRequests', () => {
  const file = { fileName: fixture('js-cjs', 'src/services/checkout.js') } as FileContext;

  it.each([
    ['axios', true],
    ['node:http', true],
    ['kafkajs', true],
    ['../lib/http', false],
    ['../lib/missing', false],
  ])('isExternalModule(%s) is %s', (source, expected) => {
    expect(createGraph().isExternalModule(file, source)).toBe(expected);
  });

  it.each([
    ['axios', true],
    ['kafkajs', false],
    ['express', false],
    ['../lib/http', true],
    ['../lib/send-json', true],
    ['../config', false],
    ['../config/constants', false],
    // unknown: the call is not ruled out
    ['../lib/missing', true],
  ])('mayReachRequests(%s) is %s', (source, expected) => {
    expect(createGraph().mayReachRequests(file.fileName!, source, 3)).toBe(expected);
  });

  it('by name through a barrel', () => {
    const graph = createGraph();
    const from = fixture('js-esm', 'src/services/payment-events.js');
    expect(graph.mayReachRequests(from, '../lib/index.js', 3, 'paymentsApi')).toBe(true);
    expect(graph.mayReachRequests(from, '../lib/index.js', 3, 'publishEvent')).toBe(false);
  });
});
