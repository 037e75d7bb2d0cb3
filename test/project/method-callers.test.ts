/**
 * Who calls a public method of a project class (src/project/modules/method-callers.ts): the
 * calls of its name in the repository that resolve to it; unknown when a receiver cannot be
 * told, or when the name is called from too many files to resolve them all.
 */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { mentionsHttpClient } from '../../src/analysis/file-filter.js';
import { ModuleGraph } from '../../src/project/graph.js';
import { Implementations } from '../../src/project/modules/implementations.js';
import { Importers } from '../../src/project/modules/importers.js';
import { MAX_CALLING_FILES, MethodCallers } from '../../src/project/modules/method-callers.js';
import { ModuleCache } from '../../src/project/modules/module-cache.js';
import { Reachability } from '../../src/project/modules/reach.js';
import { RepositoryTexts } from '../../src/project/modules/repository-texts.js';
import { ModuleResolver } from '../../src/project/resolution/module-resolver.js';
import { WorkspaceFinder } from '../../src/project/workspace/workspaces.js';
import { writeProject } from './helpers.js';

const CLIENT = "import axios from 'axios';\n\nexport class PaymentsClient {\n  async capture(id: string) {\n    await axios.post('/capture', { id });\n  }\n}\n";

/** Each call found as `file: text`, sorted; undefined when unknown. */
function callsOf(root: string): string[] | undefined {
  const resolver = new ModuleResolver(new WorkspaceFinder());
  const modules = new ModuleCache();
  const texts = new RepositoryTexts();
  const methodCallers = new MethodCallers(modules, texts);
  modules.resolver = new ModuleGraph(resolver, modules, new Reachability(resolver, mentionsHttpClient), {
    importers: new Importers(resolver, modules, texts),
    implementations: new Implementations(modules, texts),
    methodCallers,
  });
  const client = modules.get(path.join(root, 'src/payments.client.ts'))!;
  const cls = client.file.sourceCode.ast.body.find((statement) => statement.type === AST_NODE_TYPES.ExportNamedDeclaration)!.declaration as TSESTree.ClassDeclaration;
  const method = cls.body.body[0] as TSESTree.MethodDefinition;
  return methodCallers.find(client.file, method)?.map((use) => `${path.relative(root, use.file.fileName!)}: ${use.file.getText(use.node)}`).sort();
}

const base = { 'package.json': { name: 'orders', dependencies: { axios: '^1.7.9' } }, 'src/payments.client.ts': CLIENT };

describe('MethodCallers.find', () => {
  it('finds calls through a typed constructor parameter and a built instance, not a library method of the same name', () => {
    const root = writeProject({
      ...base,
      'src/orders.consumer.ts': "import { PaymentsClient } from './payments.client';\n\nexport class OrdersConsumer {\n  constructor(private readonly payments: PaymentsClient) {}\n\n  async on(id: string) {\n    await this.payments.capture(id);\n  }\n}\n",
      'src/cli.ts': "import { PaymentsClient } from './payments.client';\n\nnew PaymentsClient().capture('o-1');\n",
      'node_modules/stripe/package.json': { name: 'stripe', version: '17.0.0', main: 'index.js' },
      'node_modules/stripe/index.js': 'module.exports = class Stripe {};\n',
      'src/other.ts': "import Stripe from 'stripe';\n\nconst stripe = new Stripe('key');\nexport const run = () => stripe.paymentIntents.capture('pi_1');\n",
    });
    expect(callsOf(root)).toEqual(["src/cli.ts: new PaymentsClient().capture", 'src/orders.consumer.ts: this.payments.capture']);
  });

  it('is unknown when a receiver of that name cannot be told', () => {
    const root = writeProject({ ...base, 'src/retry.ts': 'export async function retry(client: any) {\n  await client.capture(1);\n}\n' });
    expect(callsOf(root)).toBeUndefined();
  });

  it("leaves out a browser app's calls of that name: they run in the browser, not in the server's process", () => {
    // the front end's own API object, reached through a member the rule cannot follow: unknown if it counted
    const adminPage = "import adminService from '../services/admin';\n\nexport async function onCapture(id: string) {\n  await adminService.payments.capture(id);\n}\n";
    const root = writeProject({
      ...base,
      'src/orders.consumer.ts': "import { PaymentsClient } from './payments.client';\n\nexport async function on(id: string) {\n  await new PaymentsClient().capture(id);\n}\n",
      // a package of a UI framework, a front-end folder, a module importing one
      'web/package.json': { name: 'admin-web', private: true, dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1', axios: '^1.7.9' } },
      'web/src/pages/payments.ts': adminPage,
      'frontend/src/pages/payments.ts': adminPage,
      'admin/src/pages/payments.ts': `import { useState } from 'react';\n${adminPage}`,
    });
    expect(callsOf(root)).toEqual(['src/orders.consumer.ts: new PaymentsClient().capture']);
    // the same call in the server's own code may be one
    expect(callsOf(writeProject({ ...base, 'src/pages/payments.ts': adminPage }))).toBeUndefined();
  });

  it(`is unknown when more than ${MAX_CALLING_FILES} files call a member of that name`, () => {
    const callers = Object.fromEntries(
      Array.from({ length: MAX_CALLING_FILES + 1 }, (_, index) => [`src/caller-${index}.ts`, "import { PaymentsClient } from './payments.client';\n\nnew PaymentsClient().capture('x');\n"]),
    );
    expect(callsOf(writeProject({ ...base, ...callers }))).toBeUndefined();
  });

  it('counts only the files that name the class or import its module when more call a member of that name', () => {
    const others = Object.fromEntries(
      Array.from({ length: MAX_CALLING_FILES + 1 }, (_, index) => [`src/other-${index}.ts`, "import { RefundsClient } from './refunds.client';\n\nnew RefundsClient().capture('x');\n"]),
    );
    const root = writeProject({
      ...base,
      ...others,
      'src/refunds.client.ts': 'export class RefundsClient {\n  capture(id: string) {\n    return id;\n  }\n}\n',
      'src/orders.service.ts': "import type { PaymentsClient } from './payments.client';\n\nexport class OrdersService {\n  constructor(private readonly paymentsClient: PaymentsClient) {}\n\n  pay(id: string) {\n    return this.paymentsClient.capture(id);\n  }\n}\n",
    });
    expect(callsOf(root)).toEqual(['src/orders.service.ts: this.paymentsClient.capture']);
  });
});
