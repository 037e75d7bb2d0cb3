/**
 * Which class implements a project interface (src/project/modules/implementations.ts): the one
 * class of the repository, tests aside, whose `implements` clause names that very interface.
 */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
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
import { writeProject } from './helpers.js';

const PORT = 'export interface PaymentsPort {\n  charge(orderId: string, amount: number): Promise<void>;\n}\n';
const ADAPTER = (name: string, from = './port') => `import { PaymentsPort } from '${from}';\n\nexport class ${name} implements PaymentsPort {\n  async charge() {}\n}\n`;

/** The name of the class found for `PaymentsPort` declared in src/port.ts, or undefined. */
function implementationOf(root: string): string | undefined {
  const resolver = new ModuleResolver(new WorkspaceFinder());
  const modules = new ModuleCache();
  const texts = new RepositoryTexts();
  const implementations = new Implementations(modules, texts);
  modules.resolver = new ModuleGraph(resolver, modules, new Reachability(resolver, mentionsHttpClient), { importers: new Importers(resolver, modules, texts), implementations });
  const port = modules.get(path.join(root, 'src/port.ts'))!;
  const declaration = port.file.sourceCode.ast.body
    .map((statement) => (statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement))
    .find((node): node is TSESTree.TSInterfaceDeclaration => node?.type === AST_NODE_TYPES.TSInterfaceDeclaration)!;
  const found = implementations.find(port.file, declaration);
  return found?.id?.name;
}

const base = { 'package.json': { name: 'orders' }, 'src/port.ts': PORT };

describe('Implementations.find', () => {
  it('finds the one class that implements the interface', () => {
    expect(implementationOf(writeProject({ ...base, 'src/adapters/http-payments.ts': ADAPTER('HttpPayments', '../port') }))).toBe('HttpPayments');
  });

  it('reads a clause of several interfaces, with type arguments, after a base class', () => {
    const root = writeProject({
      ...base,
      'src/base.ts': 'export class Base<T> {\n  value?: T;\n}\n',
      'src/a.ts': "import { PaymentsPort } from './port';\nimport { Base } from './base';\n\ninterface Named<T> { name: T }\n\nexport class HttpPayments extends Base<Map<string, number>> implements Named<string>, PaymentsPort {\n  name = 'http';\n  async charge() {}\n}\n",
    });
    expect(implementationOf(root)).toBe('HttpPayments');
  });

  it('finds none when two classes implement it', () => {
    const root = writeProject({ ...base, 'src/a.ts': ADAPTER('HttpPayments'), 'src/b.ts': ADAPTER('QueuedPayments') });
    expect(implementationOf(root)).toBeUndefined();
  });

  it('leaves out test doubles', () => {
    const root = writeProject({ ...base, 'src/a.ts': ADAPTER('HttpPayments'), 'src/a.spec.ts': ADAPTER('FakePayments') });
    expect(implementationOf(root)).toBe('HttpPayments');
  });

  it('does not take another interface of the same name', () => {
    const root = writeProject({
      ...base,
      'src/other/port.ts': PORT,
      'src/other/adapter.ts': ADAPTER('OtherPayments'),
      'src/a.ts': ADAPTER('HttpPayments'),
    });
    expect(implementationOf(root)).toBe('HttpPayments');
  });

  it('finds an implementation declared beside the interface', () => {
    const root = writeProject({ ...base, 'src/port.ts': `${PORT}\nexport class HttpPayments implements PaymentsPort {\n  async charge() {}\n}\n` });
    expect(implementationOf(root)).toBe('HttpPayments');
  });
});
