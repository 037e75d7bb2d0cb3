import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { FamilyCatalog, stepToken } from '../../../src/analysis/code/families.js';
import { getOrigin, type Origin } from '../../../src/analysis/code/origin.js';
import { parse } from '../parse.js';

interface TestFamily {
  readonly id: string;
  readonly factories?: Readonly<Record<string, { readonly via: 'call' | 'property' | 'new'; readonly kind: string; readonly configArg?: number }>>;
}

const families = new Map<string, TestFamily>([
  ['client', { id: 'client', factories: { connect: { via: 'call', kind: 'connection', configArg: 0 }, raw: { via: 'property', kind: 'raw' } } }],
  ['connection', { id: 'connection', factories: { channel: { via: 'call', kind: 'channel', configArg: 1 } } }],
  ['channel', { id: 'channel' }],
  ['raw', { id: 'raw', factories: { Sub: { via: 'new', kind: 'channel', configArg: 0 } } }],
  ['typed', { id: 'typed' }],
]);

const catalog = new FamilyCatalog(
  [
    { module: 'lib', path: [], kind: 'client' },
    { module: 'lib', path: ['Client', 'new'], kind: 'client' },
    { module: 'lib', path: ['Channel', '<instance>'], kind: 'typed' },
    { module: 'other', path: ['make', '()'], kind: 'connection' },
  ],
  families,
);

/** The origin of the callee of the first call whose callee text is `callee`. */
function originOfCall(code: string, callee: string): { origin: Origin; text: (node: TSESTree.Node) => string } {
  const parsed = parse(code);
  const origin = getOrigin(parsed.call(callee).callee, parsed.file);
  if (!origin) throw new Error('no origin');
  return { origin, text: (node) => parsed.sourceCode.getText(node) };
}

describe('stepToken', () => {
  it('renders each kind of step', () => {
    expect(stepToken({ kind: 'get', name: 'post' })).toBe('post');
    expect(stepToken({ kind: 'call', node: {} as TSESTree.CallExpression })).toBe('()');
    expect(stepToken({ kind: 'new', node: {} as TSESTree.NewExpression })).toBe('new');
    expect(stepToken({ kind: 'instance' })).toBe('<instance>');
  });
});

describe('FamilyCatalog', () => {
  it('lists the modules it indexes', () => {
    expect(catalog.modules.sort()).toEqual(['lib', 'other']);
  });

  it('matches a root and returns the rest of the path', () => {
    const match = catalog.match({ module: 'lib', steps: [{ kind: 'get', name: 'send' }] });
    expect(match?.family.id).toBe('client');
    expect(match?.rest).toEqual([{ kind: 'get', name: 'send' }]);
    expect(match?.configs).toEqual([]);
  });

  it('returns nothing for modules or paths it does not know', () => {
    expect(catalog.match({ module: 'nope', steps: [] })).toBeUndefined();
    expect(catalog.match({ module: 'other', steps: [{ kind: 'get', name: 'make' }] })).toBeUndefined();
  });

  it('walks call factories and collects their config arguments, outermost first', () => {
    const { origin, text } = originOfCall("import lib from 'lib'; const ch = lib.connect(cfgA).channel('q', cfgB); ch.publish();", 'ch.publish');
    const match = catalog.match(origin);
    expect(match?.family.id).toBe('channel');
    expect(match?.rest.map(stepToken)).toEqual(['publish']);
    expect(match?.configs.map((config) => text(config.node))).toEqual(['cfgA', 'cfgB']);
  });

  it('walks property and new factories', () => {
    const { origin, text } = originOfCall("import lib from 'lib'; const s = new lib.raw.Sub(opts); s.on();", 's.on');
    const match = catalog.match(origin);
    expect(match?.family.id).toBe('channel');
    expect(match?.rest.map(stepToken)).toEqual(['on']);
    expect(match?.configs.map((config) => text(config.node))).toEqual(['opts']);
  });

  it('collects the first argument of a root that ends in a call', () => {
    const { origin, text } = originOfCall("import { make } from 'other'; make(rootCfg).channel(1, second).x();", 'make(rootCfg).channel(1, second).x');
    const match = catalog.match(origin);
    expect(match?.family.id).toBe('channel');
    expect(match?.rest.map(stepToken)).toEqual(['x']);
    expect(match?.configs.map((config) => text(config.node))).toEqual(['rootCfg', 'second']);
  });

  it('stops at a factory name that is not followed by its call', () => {
    const { origin } = originOfCall("import lib from 'lib'; lib.connect.describe();", 'lib.connect.describe');
    const match = catalog.match(origin);
    expect(match?.family.id).toBe('client');
    expect(match?.rest.map(stepToken)).toEqual(['connect', 'describe']);
  });

  it('does not take inherited object keys for factories', () => {
    const match = catalog.match({ module: 'lib', steps: [{ kind: 'get', name: 'constructor' }, { kind: 'get', name: 'toString' }] });
    expect(match?.family.id).toBe('client');
    expect(match?.rest.map(stepToken)).toEqual(['constructor', 'toString']);
  });

  it('matches a root with a path when no other root of the module matches', () => {
    const only = new FamilyCatalog([{ module: 'lib', path: ['Client', 'new'], kind: 'client' }], families);
    const { origin, text } = originOfCall("import { Client } from 'lib'; const c = new Client(rootCfg); c.connect(second).x();", 'c.connect(second).x');
    const match = only.match(origin);
    expect(match?.family.id).toBe('connection');
    expect(match?.configs.map((config) => text(config.node))).toEqual(['rootCfg', 'second']);
  });

  it('prefers the most specific root over the module root', () => {
    const match = catalog.match({ module: 'lib', steps: [{ kind: 'get', name: 'Channel' }, { kind: 'instance' }, { kind: 'get', name: 'x' }] });
    expect(match?.family.id).toBe('typed');
    expect(match?.rest.map(stepToken)).toEqual(['x']);
    const { origin, text } = originOfCall("import { Client } from 'lib'; const c = new Client(rootCfg); c.connect(second).x();", 'c.connect(second).x');
    expect(catalog.match(origin)?.family.id).toBe('connection');
    expect(catalog.match(origin)?.configs.map((config) => text(config.node))).toEqual(['rootCfg', 'second']);
  });
});
