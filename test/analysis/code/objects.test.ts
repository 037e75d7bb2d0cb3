import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV } from '../../../src/analysis/code/file-context.js';
import { getObjectKeys, getObjectProperty, hasUnknownSpread, resolveObject } from '../../../src/analysis/code/objects.js';
import { parse, type Parsed } from '../parse.js';

/** The argument of the first `use(…)` call: the expression under test. */
function setup(code: string): { parsed: Parsed; target: TSESTree.Node } {
  const parsed = parse(`declare function use(value: unknown): void;\n${code}`);
  const argument = parsed.call('use').arguments[0];
  if (!argument) throw new Error('use() has no argument');
  return { parsed, target: argument };
}

/** The source text of property `name` of the object behind `use(…)`'s argument. */
function propertyText(code: string, name: string): string | undefined {
  const { parsed, target } = setup(code);
  const object = resolveObject(target, parsed.file, EMPTY_ENV);
  if (!object) return undefined;
  const value = getObjectProperty(object.node, name, parsed.file, object.env);
  return value && parsed.sourceCode.getText(value.node);
}

function keysOf(code: string): string[] | undefined {
  const { parsed, target } = setup(code);
  const object = resolveObject(target, parsed.file, EMPTY_ENV);
  return object && getObjectKeys(object.node, parsed.file, object.env);
}

describe('resolveObject', () => {
  it('returns an object literal, directly or through consts and casts', () => {
    const { parsed, target } = setup("const cfg = { url: 'x' } as const; const alias = cfg; use(alias!);");
    expect(resolveObject(target, parsed.file, EMPTY_ENV)?.node).toBe(parsed.node(AST_NODE_TYPES.ObjectExpression));
  });

  it('follows member paths and destructuring into nested literals', () => {
    expect(propertyText("const services = { payments: { url: 'http://payments' } }; use(services.payments);", 'url')).toBe("'http://payments'");
    expect(propertyText("const services = { payments: { url: 'http://payments' } }; const { payments } = services; use(payments);", 'url')).toBe(
      "'http://payments'",
    );
    expect(propertyText("const s = { a: { b: { url: 'deep' } } }; const { a: { b } } = s; use(b);", 'url')).toBe("'deep'");
  });

  it('follows this.x fields', () => {
    const code = "class C { private opts = { baseURL: 'http://ledger' }; m() { use(this.opts); } }";
    expect(propertyText(code, 'baseURL')).toBe("'http://ledger'");
  });

  it('returns undefined for values it cannot see', () => {
    const { parsed, target } = setup('function f(o: object) { use(o); }');
    expect(resolveObject(target, parsed.file, EMPTY_ENV)).toBeUndefined();
    const imported = setup("import { opts } from '../opts'; use(opts);");
    expect(resolveObject(imported.target, imported.parsed.file, EMPTY_ENV)).toBeUndefined();
    const call = setup('declare function make(): object; use(make());');
    expect(resolveObject(call.target, call.parsed.file, EMPTY_ENV)).toBeUndefined();
  });
});

describe('getObjectProperty', () => {
  it('reads a property through spreads (design example)', () => {
    const code = "const defaults = { url: 'http://payments/charges' }; const cfg = { ...defaults, method: 'post' }; use(cfg);";
    expect(propertyText(code, 'method')).toBe("'post'");
    expect(propertyText(code, 'url')).toBe("'http://payments/charges'");
  });

  it('lets the last definition win', () => {
    expect(propertyText("use({ method: 'get', ...{ method: 'post' } });", 'method')).toBe("'post'");
    expect(propertyText("use({ ...{ method: 'post' }, method: 'get' });", 'method')).toBe("'get'");
    expect(propertyText("use({ method: 'get', method: 'put' });", 'method')).toBe("'put'");
  });

  it('reads string-literal and computed-literal keys, and shorthand properties', () => {
    expect(propertyText("use({ 'Content-Type': 'json' });", 'Content-Type')).toBe("'json'");
    expect(propertyText("use({ ['method']: 'put' });", 'method')).toBe("'put'");
    expect(propertyText("const method = 'patch'; use({ method });", 'method')).toBe('method');
  });

  it('ignores getters and setters and unknown keys', () => {
    expect(propertyText("use({ get url() { return 'x'; } });", 'url')).toBeUndefined();
    expect(propertyText("use({ a: 1 });", 'url')).toBeUndefined();
    expect(propertyText('function f(x: object) { use({ ...x }); }', 'url')).toBeUndefined();
  });

  it('looks through casts on values', () => {
    expect(propertyText("use({ method: 'POST' as const });", 'method')).toBe("'POST'");
  });

  it('does not throw on mutually spreading objects', () => {
    expect(() => propertyText('const a: any = { ...b }; const b: any = { ...a }; use(a);', 'url')).not.toThrow();
    expect(propertyText('const a: any = { ...b }; const b: any = { ...a }; use(a);', 'url')).toBeUndefined();
  });
});

describe('getObjectKeys', () => {
  it('lists keys in order, flattening spreads of visible objects and skipping dynamic keys', () => {
    const code = "declare const k: string; const extra = { currency: 'BRL' }; const amount = 1; use({ amount, ...extra, [k]: 1, 'order-id': 2, ['total']: 3 });";
    expect(keysOf(code)).toEqual(['amount', 'currency', 'order-id', 'total']);
  });

  it('ignores spreads it cannot see', () => {
    expect(keysOf('function f(x: object) { use({ ...x, amount: 1 }); }')).toEqual(['amount']);
  });

  it('does not throw on self-spreading objects', () => {
    expect(() => keysOf('const a: any = { x: 1, ...b }; const b: any = { y: 2, ...a }; use(a);')).not.toThrow();
  });
});

describe('hasUnknownSpread', () => {
  it('is true only for spreads whose object cannot be seen', () => {
    const unknown = setup('function f(x: object) { use({ ...x, method: "post" }); }');
    const object = resolveObject(unknown.target, unknown.parsed.file, EMPTY_ENV)!;
    expect(hasUnknownSpread(object.node, unknown.parsed.file, object.env)).toBe(true);

    const known = setup("const d = { url: 'x' }; use({ ...d, method: 'post' });");
    const knownObject = resolveObject(known.target, known.parsed.file, EMPTY_ENV)!;
    expect(hasUnknownSpread(knownObject.node, known.parsed.file, knownObject.env)).toBe(false);

    const none = setup('use({});');
    const empty = resolveObject(none.target, none.parsed.file, EMPTY_ENV)!;
    expect(hasUnknownSpread(empty.node, none.parsed.file, empty.env)).toBe(false);
  });
});
