import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  concat,
  evaluateTemplate,
  formatTemplate,
  getHoles,
  getSingleReturnedExpression,
  getStaticText,
  joinUrl,
  type Part,
  type Template,
} from '../../../src/analysis/code/template.js';
import { parse, type ParseOptions } from '../parse.js';

const text = (value: string): Part => ({ kind: 'text', value });
/** an absolute URL read from a named constant or key */
const named = (value: string, name: string): Part => ({ kind: 'text', value, name });
const env = (name: string, fallback?: Template): Part => (fallback ? { kind: 'env', name, fallback } : { kind: 'env', name });
const config = (key: string, fallback?: Template): Part => (fallback ? { kind: 'config', key, fallback } : { kind: 'config', key });
const unknown = (label: string): Part => ({ kind: 'unknown', label });

/** Evaluates the initializer of the last `url` variable in the snippet. */
function evaluateUrl(code: string, options?: ParseOptions): Template {
  const parsed = parse(code, options);
  const declarator = parsed
    .all(AST_NODE_TYPES.VariableDeclarator)
    .filter((node) => node.id.type === AST_NODE_TYPES.Identifier && node.id.name === 'url')
    .at(-1);
  if (!declarator?.init) throw new Error('snippet declares no `url`');
  return withoutNodes(evaluateTemplate(declarator.init, parsed.file));
}

/** Parts without the source node of unknown holes (asserted on their own below), fallbacks included. */
function withoutNodes(template: Template): Template {
  return template.map((part) => {
    const { fallback, ...rest } = part as Part & { fallback?: Template; node?: unknown };
    delete (rest as { node?: unknown }).node;
    return (fallback ? { ...rest, fallback: withoutNodes(fallback) } : rest) as Part;
  });
}

describe('evaluateTemplate', () => {
  it('remembers the expression behind a hole that is a name or a member read', () => {
    const parsed = parse("const order = load(); const id = param(); const url = `http://payments/orders/${order.reservationId}/${id}`;");
    const declarator = parsed.all(AST_NODE_TYPES.VariableDeclarator).at(-1)!;
    const holes = evaluateTemplate(declarator.init!, parsed.file).filter((part) => part.kind === 'unknown');
    expect(holes.map((hole) => (hole.kind === 'unknown' && hole.node ? parsed.file.getText(hole.node) : undefined))).toEqual(['order.reservationId', 'id']);
  });

  describe('literals and concatenation', () => {
    it('evaluates the design example `${process.env.PAYMENTS_URL}/payments/${id}`', () => {
      expect(evaluateUrl('function f(id: string) { const url = `${process.env.PAYMENTS_URL}/payments/${id}`; }')).toEqual([
        env('PAYMENTS_URL'),
        text('/payments/'),
        unknown('id'),
      ]);
    });

    it('makes a condition between two literal last segments a choice of that segment', () => {
      const choice = (a: string, b: string): Part => ({ kind: 'unknown', label: `${a}|${b}`, choices: [a, b] });
      expect(evaluateUrl("function f(unblock: boolean) { const url = unblock ? '/team-access/unblock' : '/team-access/block'; }")).toEqual([
        text('/team-access/'),
        choice('unblock', 'block'),
      ]);
      expect(evaluateUrl("function f(ok: boolean, id: string) { const url = `${process.env.ORDERS_URL}/orders/${id}/${ok ? 'approve' : 'reject'}`; }")).toEqual([
        env('ORDERS_URL'),
        text('/orders/'),
        unknown('id'),
        text('/'),
        choice('approve', 'reject'),
      ]);
      expect(formatTemplate(evaluateUrl("function f(a: boolean) { const url = a ? 'cancel' : 'confirm.v2'; }"))).toBe('{cancel|confirm.v2}');
    });

    it("takes a condition between two whole addresses for configuration, named by the constant that holds it or by the maps' common key", () => {
      expect(evaluateUrl("const ORDERS_URL = process.env.NODE_ENV === 'production' ? 'http://orders.internal:3000' : 'http://localhost:3000'; const url = `${ORDERS_URL}/orders`;")).toEqual([
        config('ORDERS_URL'),
        text('/orders'),
      ]);
      const maps = "const prod = { payment: 'http://35.208.91.25', hotel: 'http://35.208.92.38' }; const dev = { payment: 'http://127.0.0.1:3003', hotel: 'http://127.0.0.1:3002' };";
      const paymentMap: Part = { kind: 'config', key: 'payment', addressMap: true };
      expect(evaluateUrl(`${maps} const paths = process.env.MODE === 'PRODUCTION' ? prod : dev; const url = \`\${paths.payment}/charges\`;`)).toEqual([paymentMap, text('/charges')]);
      expect(evaluateUrl(`${maps} class C { paths = process.env.MODE === 'PRODUCTION' ? prod : dev; f() { const url = \`\${this.paths.payment}/charges\`; } }`)).toEqual([paymentMap, text('/charges')]);
    });

    it('keeps every default of a chain of `??` and `||`, each under the one before it', () => {
      expect(evaluateUrl("function f(baseUrl?: string) { const url = baseUrl ?? process.env.PAYMENT_SERVICE_URL ?? 'http://localhost:3005'; }")).toEqual([
        { kind: 'unknown', label: 'baseUrl', fallback: [env('PAYMENT_SERVICE_URL', [text('http://localhost:3005')])] },
      ]);
      expect(evaluateUrl("const url = process.env.A || process.env.B || 'http://b:80' || process.env.C;")).toEqual([env('A', [env('B', [text('http://b:80')])])]);
    });

    it("takes the configured base of a choice between it and a developer's address written out", () => {
      const local = "const LOCAL_IP = process.env.LOCAL_IP;";
      const written = "`http://${LOCAL_IP || 'localhost'}:8002`";
      expect(
        evaluateUrl(`${local} const WALLET = process.env.NODE_ENV === 'development' ? ${written} : (process.env.WALLET_SERVICE_URL || ${written}); const url = \`\${WALLET}/update-balance\`;`)[1],
      ).toEqual(text('/update-balance'));
      expect(
        evaluateUrl(`${local} const WALLET = process.env.NODE_ENV === 'development' ? ${written} : (process.env.WALLET_SERVICE_URL || ${written}); const url = \`\${WALLET}/update-balance\`;`)[0],
      ).toMatchObject({ kind: 'env', name: 'WALLET_SERVICE_URL' });
      expect(evaluateUrl("const config = { walletUrl: process.env.W }; function f(dev: boolean) { const url = dev ? 'http://localhost:8002' : config.walletUrl; }")).toEqual([env('W')]);
      expect(evaluateUrl("function f(dev: boolean) { const url = dev ? process.env.WALLET_URL : 'http://localhost:8002'; }")).toEqual([env('WALLET_URL')]);
    });

    it("does not take a configured base for a written-out address with a path of its own: it may be another endpoint", () => {
      expect(evaluateUrl("function f(dev: boolean) { const url = dev ? 'http://localhost:8002/refunds' : process.env.WALLET_URL; }")).toEqual([unknown('…')]);
    });

    it('leaves other conditions between literals unknown: different folders, query strings, and two whole addresses with nothing to name them', () => {
      expect(evaluateUrl("function f(p: boolean) { const url = p ? 'https://api.example.com' : 'http://localhost:3000'; }")).toEqual([{ kind: 'unknown', label: '…', addressSwitch: true }]);
      expect(evaluateUrl("function f(p: boolean) { const url = p ? '/orders/cancel' : '/refunds/create'; }")).toEqual([unknown('…')]);
      expect(evaluateUrl("function f(p: boolean) { const url = p ? '/orders?all=1' : '/orders?all=0'; }")).toEqual([unknown('…')]);
    });

    it('keeps a string literal as text', () => {
      expect(evaluateUrl("const url = 'http://payments:8080/charges';")).toEqual([text('http://payments:8080/charges')]);
    });

    it('turns a number literal into text', () => {
      expect(evaluateUrl('const url = 8080;')).toEqual([text('8080')]);
    });

    it('makes a non-string literal a hole labelled with its source', () => {
      expect(evaluateUrl('const url = null;')).toEqual([unknown('null')]);
      expect(evaluateUrl('const url = true;')).toEqual([unknown('true')]);
    });

    it('joins `+` concatenations and merges adjacent text', () => {
      expect(evaluateUrl("const url = process.env.PAYMENTS_URL + '/payments' + '/' + 42;")).toEqual([
        env('PAYMENTS_URL'),
        text('/payments/42'),
      ]);
    });

    it('drops empty quasis of a template literal', () => {
      expect(evaluateUrl('function f(a: string, b: string) { const url = `${a}${b}`; }')).toEqual([unknown('a'), unknown('b')]);
    });

    it('makes other binary operators an unknown hole', () => {
      expect(evaluateUrl('const url = 1 - 2;')).toEqual([unknown('…')]);
    });

    it('follows consts declared in the file', () => {
      expect(evaluateUrl("const BASE = 'http://payments:8080'; const PATH = '/charges'; const url = `${BASE}${PATH}`;")).toEqual([
        named('http://payments:8080/charges', 'BASE'),
      ]);
    });

    it('follows a `let` assigned once like a const', () => {
      expect(evaluateUrl("let base = 'http://ledger:80'; const url = base + '/entries';")).toEqual([named('http://ledger:80/entries', 'base')]);
    });

    it('reads a `let` written again by the value last written before the use, unless a branch may have skipped it', () => {
      expect(evaluateUrl("let base = 'http://ledger:80'; base = 'http://other'; const url = base + '/entries';")).toEqual([named('http://other/entries', 'base')]);
      expect(evaluateUrl("declare const x: boolean; let base = 'http://ledger:80'; if (x) base = 'http://other'; const url = base + '/entries';")).toEqual([
        unknown('base'),
        text('/entries'),
      ]);
      expect(evaluateUrl("declare const x: boolean; let base = 'http://ledger:80'; if (x) { base = 'http://other'; } const url = base + '/entries';")).toEqual([
        unknown('base'),
        text('/entries'),
      ]);
    });

    it('looks through TS casts and non-null assertions', () => {
      expect(evaluateUrl("const url = (process.env.PAYMENTS_URL as string)! + ('/x' satisfies string);")).toEqual([
        env('PAYMENTS_URL'),
        text('/x'),
      ]);
    });

    it('labels an unresolvable identifier with its name', () => {
      expect(evaluateUrl('const url = someGlobal;')).toEqual([unknown('someGlobal')]);
    });
  });

  describe('environment variables', () => {
    it('reads process.env.NAME and process.env["NAME"]', () => {
      expect(evaluateUrl('const url = process.env.PAYMENTS_URL;')).toEqual([env('PAYMENTS_URL')]);
      expect(evaluateUrl("const url = process.env['LEDGER_URL'];")).toEqual([env('LEDGER_URL')]);
    });

    it('reads import.meta.env.NAME', () => {
      expect(evaluateUrl('const url = import.meta.env.VITE_API_URL;')).toEqual([env('VITE_API_URL')]);
    });

    it('reads destructured process.env, renamed or not', () => {
      expect(evaluateUrl("const { PAYMENTS_URL } = process.env; const url = PAYMENTS_URL + '/p';")).toEqual([
        env('PAYMENTS_URL'),
        text('/p'),
      ]);
      expect(evaluateUrl('const { LEDGER_URL: base } = process.env; const url = base;')).toEqual([env('LEDGER_URL')]);
    });

    it('reads an alias of process.env', () => {
      expect(evaluateUrl('const e = process.env; const url = e.PAYMENTS_URL;')).toEqual([env('PAYMENTS_URL')]);
    });

    it("reads `env` imported from 'node:process' and the default-imported process", () => {
      expect(evaluateUrl("import { env as vars } from 'node:process'; const url = vars.PAYMENTS_URL;")).toEqual([env('PAYMENTS_URL')]);
      expect(evaluateUrl("import proc from 'node:process'; const url = proc.env.PAYMENTS_URL;")).toEqual([env('PAYMENTS_URL')]);
    });

    it('does not treat a shadowed `process` as the environment', () => {
      expect(evaluateUrl('function f(process: any) { const url = process.env.PAYMENTS_URL; }')).toEqual([unknown('PAYMENTS_URL')]);
    });

    it('keeps `||` and `??` defaults as the fallback of the hole', () => {
      expect(evaluateUrl("const url = process.env.LEDGER_URL || 'http://localhost:4002';")).toEqual([
        env('LEDGER_URL', [text('http://localhost:4002')]),
      ]);
      expect(evaluateUrl("const url = process.env.LEDGER_URL ?? 'http://ledger:80';")).toEqual([env('LEDGER_URL', [text('http://ledger:80')])]);
    });

    it('keeps the left side of `||` when it is not a single hole', () => {
      expect(evaluateUrl("const url = 'http://a' || process.env.B;")).toEqual([text('http://a')]);
    });

    it('makes `&&` an unknown hole', () => {
      expect(evaluateUrl("const url = process.env.A && 'x';")).toEqual([unknown('…')]);
    });
  });

  describe('configuration', () => {
    it('reads configService.get(KEY) and config.get(KEY) as config holes', () => {
      expect(evaluateUrl("declare const configService: any; const url = configService.get('PAYMENT_SERVICE_URL');")).toEqual([
        config('PAYMENT_SERVICE_URL'),
      ]);
      expect(evaluateUrl("import config from 'config'; const url = config.get('services.payments.url') + '/charges';")).toEqual([
        config('services.payments.url'),
        text('/charges'),
      ]);
    });

    it('reads this.config.getOrThrow<string>(KEY)', () => {
      const code = `class A { constructor(private readonly config: any) {} m() { const url = this.config.getOrThrow<string>('LEDGER_URL'); } }`;
      expect(evaluateUrl(code)).toEqual([config('LEDGER_URL')]);
    });

    it('keeps a config default as the fallback', () => {
      expect(evaluateUrl("declare const config: any; const url = config.get('LEDGER_URL', 'http://ledger:80');")).toEqual([
        config('LEDGER_URL', [text('http://ledger:80')]),
      ]);
    });

    it('does not read get() on receivers that are not configuration', () => {
      expect(evaluateUrl("declare const cache: any; const url = cache.get('PAYMENTS_URL');")).toEqual([unknown('cache.get()')]);
    });

    it('reads a member path of an opaque config object as a config key', () => {
      expect(evaluateUrl("import { config } from '../config'; const url = config.services.payments.url;")).toEqual([
        config('services.payments.url'),
      ]);
    });

    it('reads destructured members of a config object', () => {
      expect(evaluateUrl("import { config } from '../config'; const { paymentsUrl } = config; const url = paymentsUrl;")).toEqual([
        config('paymentsUrl'),
      ]);
    });

    it('reads properties of object literals declared in the file', () => {
      const code = "const services = { payments: { url: 'http://payments:3000' } }; const url = services.payments.url + '/x';";
      expect(evaluateUrl(code)).toEqual([named('http://payments:3000/x', 'services.payments.url')]);
      const destructured = "const services = { ledger: { url: process.env.LEDGER_URL } }; const { ledger: { url: base } } = services; const url = base;";
      expect(evaluateUrl(destructured)).toEqual([env('LEDGER_URL')]);
    });

    it('reads this.x fields', () => {
      const code = "class C { private base = process.env.PAYMENTS_URL; m() { const url = `${this.base}/charges`; } }";
      expect(evaluateUrl(code)).toEqual([env('PAYMENTS_URL'), text('/charges')]);
      const assigned = "class C { base: string; constructor() { this.base = 'http://ledger:80'; } m() { const url = this.base; } }";
      expect(evaluateUrl(assigned)).toEqual([text('http://ledger:80')]);
    });
  });

  describe('calls', () => {
    it('sees through String(), encodeURIComponent() and encodeURI()', () => {
      expect(evaluateUrl("function f(sku: string) { const url = '/stock/' + encodeURIComponent(sku) + String(1); }")).toEqual([
        text('/stock/'),
        unknown('sku'),
        text('1'),
      ]);
    });

    it('joins path.join pieces with single slashes', () => {
      expect(evaluateUrl("import path from 'node:path'; const url = path.join(process.env.BASE_URL, 'payments/', '/charges');")).toEqual([
        env('BASE_URL'),
        text('/payments/charges'),
      ]);
    });

    it('joins url-join pieces', () => {
      expect(evaluateUrl("import urlJoin from 'url-join'; const url = urlJoin('http://ledger:80', 'entries');")).toEqual([
        text('http://ledger:80/entries'),
      ]);
    });

    it("joins an array literal's join(sep)", () => {
      expect(evaluateUrl("const url = ['http://ledger:80', 'entries', 1].join('/');")).toEqual([text('http://ledger:80/entries/1')]);
    });

    it('evaluates a local URL builder with the call arguments', () => {
      const code = "const BASE = process.env.PAYMENTS_URL; const u = (path: string) => `${BASE}${path}`; const url = u('/charges');";
      expect(evaluateUrl(code)).toEqual([env('PAYMENTS_URL'), text('/charges')]);
      const declared = "function u(path = '/refunds') { return 'http://payments:80' + path; } const url = u();";
      expect(evaluateUrl(declared)).toEqual([text('http://payments:80/refunds')]);
    });

    it('keeps an address tidied by trim() or a trailing-slash replace()', () => {
      expect(evaluateUrl("const url = String(process.env.BOOKING_URL || '').replace(/\\/+$/, '') + '/bookings';")).toEqual([
        env('BOOKING_URL', [text('')]),
        text('/bookings'),
      ]);
      expect(evaluateUrl("const url = ('http://ledger:80/ ').trim().replace(/\\/+$/, '') + '/entries';")).toEqual([text('http://ledger:80/entries')]);
      expect(evaluateUrl("const path = ' /refunds '.trimEnd(); const url = 'http://payments:80' + path.trimStart();")).toEqual([
        text('http://payments:80/refunds'),
      ]);
    });

    it('applies an anchored replace() only at its end of the template', () => {
      // the slash before the environment variable stays: the expression is anchored at the end
      expect(evaluateUrl("const url = ('http://payments:80/' + process.env.TENANT + '/').replace(/\\/$/, '');")).toEqual([
        text('http://payments:80/'),
        env('TENANT'),
      ]);
      expect(evaluateUrl("const url = 'http://payments:80/charges'.replaceAll('charges', 'refunds');")).toEqual([text('http://payments:80/refunds')]);
    });

    it('fills a path parameter with the value a replace() gives it', () => {
      expect(evaluateUrl("declare const id: string; const url = (process.env.PARKING_URL + '/in/:id').replace(':id', id);")).toMatchObject([
        env('PARKING_URL'),
        text('/in/'),
        unknown('id'),
      ]);
      // only the first match of a string, every match of a global expression; a function's return is not known
      expect(evaluateUrl("declare const v: string; const url = 'http://shop/{a}/{a}'.replace('{a}', v);")).toMatchObject([text('http://shop/'), unknown('v'), text('/{a}')]);
      expect(evaluateUrl("declare const v: string; const url = 'http://shop/{a}/{b}'.replace(/\\{\\w+\\}/g, v);")).toMatchObject([
        text('http://shop/'),
        unknown('v'),
        text('/'),
        unknown('v'),
      ]);
      expect(evaluateUrl("const url = 'http://shop/{a}'.replace('{a}', () => 'x');")).toEqual([text('http://shop/'), unknown('…')]);
    });

    it('reads an address written in each branch as the configured one, with the built one as its default', () => {
      const code = (first: string) =>
        `let base: string; if (${first}) { base = ${first}; } else if (docker) { base = 'http://payments:3000'; } else { base = 'http://localhost:3000'; } const url = base + '/charges';`;
      expect(evaluateUrl(`declare const docker: boolean; ${code('process.env.PAYMENTS_URL')}`)).toEqual([env('PAYMENTS_URL', [text('http://payments:3000')]), text('/charges')]);
      expect(evaluateUrl(`declare const docker: boolean; declare const other: string; ${code('other')}`)).toMatchObject([unknown('base'), text('/charges')]);
    });

    it("reads a path builder whose returns all give one value, some with a prefix added", () => {
      const builder =
        "function buildPath(service: string, endpoint: string) { const normalized = endpoint.startsWith('/') ? endpoint : `/${endpoint}`; if (PREFIXED.includes(service)) { return `/api${normalized}`; } return normalized; }";
      expect(evaluateUrl(`declare const PREFIXED: string[]; ${builder} const url = process.env.SEATS_URL + buildPath('seat', '/seats/confirm');`)).toEqual([
        env('SEATS_URL'),
        text('/seats/confirm'),
      ]);
      // returns that give different values: unknown
      const two = "function pick(a: string) { if (a) { return '/x'; } return '/y'; }";
      expect(evaluateUrl(`${two} const url = 'http://seats:80' + pick('');`)).toMatchObject([text('http://seats:80'), { kind: 'unknown' }]);
    });

    it('gives up on a replace() it cannot read', () => {
      expect(evaluateUrl("declare const pattern: RegExp; const url = 'http://payments:80/x'.replace(pattern, '');")).toEqual([
        unknown("'http://payments:80/x'.replace()"),
      ]);
    });

    it('upper-cases and lower-cases known text', () => {
      expect(evaluateUrl("const service = 'order'; const url = `${service.toUpperCase()}_SERVICE_URL/${'Orders'.toLowerCase()}`;")).toEqual([
        text('ORDER_SERVICE_URL/orders'),
      ]);
    });

    it('reads a member of a string enum', () => {
      expect(evaluateUrl("enum Apps { ORDER = 'order' } const url = `http://gateway:80/${Apps.ORDER}/orders`;")).toEqual([
        text('http://gateway:80/order/orders'),
      ]);
    });

    it('drops the trailing slash of a base the way the code does', () => {
      const code = "const base = 'http://payments:80/'; const trimmed = base.endsWith('/') ? base.slice(0, -1) : base; const url = `${trimmed}/charges`;";
      expect(evaluateUrl(code)).toEqual([named('http://payments:80/charges', 'trimmed')]);
    });

    it('makes sure of a leading slash the way the code does', () => {
      const code = "function u(path: string) { return `http://payments:80${path.startsWith('/') ? path : `/${path}`}`; } const url = u('charges');";
      expect(evaluateUrl(code)).toEqual([text('http://payments:80/charges')]);
    });

    it("evaluates a class's URL builder method with the call arguments", () => {
      const code = [
        'class Urls {',
        '  constructor(private readonly base: string) {}',
        "  forService(name: string, path: string) { const root = this.base; return `${root}/${name}${path}`; }",
        '}',
        "const urls = new Urls('http://gateway:80');",
        "const url = urls.forService('payments', '/charges');",
      ].join('\n');
      expect(evaluateUrl(code)).toEqual([named('http://gateway:80/payments/charges', 'root')]);
    });

    it('labels other calls with their callee', () => {
      expect(evaluateUrl('declare function getUrl(): string; const url = getUrl();')).toEqual([unknown('getUrl()')]);
    });
  });

  describe('new URL', () => {
    it('joins new URL(path, base)', () => {
      expect(evaluateUrl("const url = new URL('/charges', process.env.PAYMENTS_URL);")).toEqual([env('PAYMENTS_URL'), text('/charges')]);
      expect(evaluateUrl("const url = new URL('charges', 'http://payments:3000/api/');")).toEqual([text('http://payments:3000/api/charges')]);
    });

    it('resolves an absolute path or a relative segment against the base the way WHATWG URL does', () => {
      expect(evaluateUrl("const url = new URL('/charges', 'http://payments:3000/api/');")).toEqual([text('http://payments:3000/charges')]);
      expect(evaluateUrl("const url = new URL('charges', 'http://payments:3000/api');")).toEqual([text('http://payments:3000/charges')]);
    });

    it('keeps an absolute input and ignores the base', () => {
      expect(evaluateUrl("const url = new URL('http://ledger:80/x', process.env.PAYMENTS_URL);")).toEqual([text('http://ledger:80/x')]);
    });

    it('reads new URL(href), .href, .origin and .toString()', () => {
      expect(evaluateUrl('const url = new URL(process.env.LEDGER_URL);')).toEqual([env('LEDGER_URL')]);
      expect(evaluateUrl("const u = new URL('/e', process.env.LEDGER_URL); const url = u.href;")).toEqual([env('LEDGER_URL'), text('/e')]);
      expect(evaluateUrl("const u = new URL('/e', 'http://ledger:80'); const url = u.toString();")).toEqual([text('http://ledger:80/e')]);
    });

    it('does not treat a local URL class as the WHATWG URL', () => {
      expect(evaluateUrl("class URL { constructor(a: string) {} } const url = new URL('http://x');")).toEqual([unknown('…')]);
    });
  });

  describe('service registries', () => {
    const registry = (key: string): Part => ({ kind: 'config', key, addressMap: true, registry: true });

    it("reads a lookup named for a service's address as that service's entry in the registry, awaited or not", () => {
      expect(evaluateUrl("declare function getServiceUrl(name: string): Promise<string>; async function f() { const url = `${await getServiceUrl('payment-service')}/charges`; }")).toEqual([
        registry('payment-service'),
        text('/charges'),
      ]);
      expect(evaluateUrl("declare const discovery: { resolveServiceAddress(name: string): string }; const url = discovery.resolveServiceAddress('orders');")).toEqual([registry('orders')]);
    });

    it('reads a generic method (resolve, getUrl) as a lookup only on a receiver named for a registry', () => {
      expect(evaluateUrl("declare const consul: { resolve(name: string): string }; const url = consul.resolve('inventory');")).toEqual([registry('inventory')]);
      expect(evaluateUrl("class C { registry: any; f() { const url = this.registry.getUrl('ledger'); } }")).toEqual([registry('ledger')]);
      expect(evaluateUrl("declare const cache: { get(name: string): string }; const url = cache.get('inventory');")).toEqual([unknown("cache.get()")]);
    });

    it('reads what a function of the project returns before its name', () => {
      expect(evaluateUrl("function getServiceUrl(name: string) { return process.env.STRIPE_API_URL; } const url = getServiceUrl('payments');")).toEqual([env('STRIPE_API_URL')]);
    });

    it('needs the name written out: an unknown name, an address or a path is no lookup by name', () => {
      expect(evaluateUrl('declare function getServiceUrl(name: string): string; declare const name: string; const url = getServiceUrl(name);')).toEqual([unknown('getServiceUrl()')]);
      expect(evaluateUrl("declare function getServiceUrl(name: string): string; const url = getServiceUrl('http://orders:3000');")).toEqual([unknown('getServiceUrl()')]);
      expect(evaluateUrl("declare function getServiceUrl(name: string): string; const url = getServiceUrl('/orders');")).toEqual([unknown('getServiceUrl()')]);
    });
  });

  describe('awaited values', () => {
    it('reads what an awaited expression resolves to', () => {
      expect(evaluateUrl('async function f() { const url = await `${process.env.LEDGER_URL}/entries`; }')).toEqual([env('LEDGER_URL'), text('/entries')]);
      expect(evaluateUrl('async function base() { return process.env.ORDERS_URL; } async function f() { const url = `${await base()}/orders`; }')).toEqual([
        env('ORDERS_URL'),
        text('/orders'),
      ]);
    });
  });

  describe('odd but parseable input', () => {
    it('does not throw on cyclic consts', () => {
      const code = 'const a: string = b + "/x"; const b: string = a; const url = a;';
      expect(() => evaluateUrl(code)).not.toThrow();
    });

    it('does not throw on a self-referencing local function', () => {
      expect(() => evaluateUrl('const f = (p: string): string => f(p); const url = f("x");')).not.toThrow();
    });

    it('does not throw on arbitrary expressions and labels them with their text', () => {
      expect(evaluateUrl('declare const a: string[]; const url = a[0];')).toMatchObject([{ kind: 'unknown' }]);
      expect(evaluateUrl('const url = [1, 2];')).toEqual([unknown('[1, 2]')]);
      expect(() => evaluateUrl('const url = (() => "x")();')).not.toThrow();
      expect(() => evaluateUrl('const url = `${`${`${process.env.A}`}`}`;')).not.toThrow();
    });

    it('works on JavaScript parsed by espree', () => {
      expect(evaluateUrl("const { PAYMENTS_URL } = process.env; const url = `${PAYMENTS_URL}/charges`;", { filename: 'x.mjs' })).toEqual([
        env('PAYMENTS_URL'),
        text('/charges'),
      ]);
    });
  });
});

describe('concat', () => {
  it('merges adjacent text and drops empty text', () => {
    expect(concat([text('a')], [text('')], [text('b')], [env('X')], [text('')], [text('/y')])).toEqual([text('ab'), env('X'), text('/y')]);
    expect(concat()).toEqual([]);
    expect(concat([text('')])).toEqual([]);
  });
});

describe('getStaticText', () => {
  it('returns the text of a hole-free template only', () => {
    expect(getStaticText([])).toBe('');
    expect(getStaticText([text('http://a/b')])).toBe('http://a/b');
    expect(getStaticText([env('X')])).toBeUndefined();
    expect(getStaticText([text('a'), unknown('b')])).toBeUndefined();
  });
});

describe('formatTemplate', () => {
  it('renders env and config holes as ${…} and unknown holes as {…}', () => {
    expect(formatTemplate([env('PAYMENTS_URL'), text('/payments/'), unknown('id')])).toBe('${PAYMENTS_URL}/payments/{id}');
    expect(formatTemplate([config('services.ledger.url'), text('/e')])).toBe('${services.ledger.url}/e');
    expect(formatTemplate([])).toBe('');
  });
});

describe('joinUrl', () => {
  it('puts exactly one slash between base and path', () => {
    expect(joinUrl([text('http://a/')], [text('/b')])).toEqual([text('http://a/b')]);
    expect(joinUrl([text('http://a')], [text('b')])).toEqual([text('http://a/b')]);
    expect(joinUrl([text('http://a/')], [text('b')])).toEqual([text('http://a/b')]);
    expect(joinUrl([text('http://a')], [text('/b')])).toEqual([text('http://a/b')]);
    expect(joinUrl([env('BASE')], [text('charges')])).toEqual([env('BASE'), text('/charges')]);
    expect(joinUrl([env('BASE')], [text('/charges')])).toEqual([env('BASE'), text('/charges')]);
  });

  it('handles empty sides and a path that starts with a hole', () => {
    expect(joinUrl([], [text('/x')])).toEqual([text('/x')]);
    expect(joinUrl([text('http://a')], [])).toEqual([text('http://a')]);
    expect(joinUrl([text('http://a/')], [unknown('p')])).toEqual([text('http://a/'), unknown('p')]);
  });
});

describe('getHoles', () => {
  it('returns the non-text parts in order', () => {
    expect(getHoles([env('A'), text('/'), unknown('id'), config('k')])).toEqual([env('A'), unknown('id'), config('k')]);
    expect(getHoles([text('x')])).toEqual([]);
  });
});

describe('getSingleReturnedExpression', () => {
  it('returns an arrow body, or the final return after const declarations only', () => {
    const parsed = parse(
      "const a = () => 'x'; function b() { return 'y'; } function c() { const z = 1; return z; } function d() {} function e(u) { if (u) return u; return 'v'; } function f() { let w = 1; return w; }",
    );
    const [a, b, c, d, e, f] = [
      parsed.node(AST_NODE_TYPES.ArrowFunctionExpression),
      ...parsed.all(AST_NODE_TYPES.FunctionDeclaration),
    ];
    expect(parsed.sourceCode.getText(getSingleReturnedExpression(a))).toBe("'x'");
    expect(parsed.sourceCode.getText(getSingleReturnedExpression(b!))).toBe("'y'");
    expect(parsed.sourceCode.getText(getSingleReturnedExpression(c!))).toBe('z');
    expect(getSingleReturnedExpression(d!)).toBeUndefined();
    expect(getSingleReturnedExpression(e!)).toBeUndefined();
    expect(getSingleReturnedExpression(f!)).toBeUndefined();
    expect(getSingleReturnedExpression(parsed.ast)).toBeUndefined();
  });
});
