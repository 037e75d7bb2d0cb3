import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { formatOrigin, getOrigin, getTypeOrigin, type Origin } from '../../../src/analysis/code/origin.js';
import { parse, type ParseOptions } from '../parse.js';

/** The origin of the callee of the first call whose callee text is `callee`. */
function originOf(code: string, callee: string, options?: ParseOptions): Origin | undefined {
  const parsed = parse(code, options);
  return getOrigin(parsed.call(callee).callee, parsed.file);
}

const formatted = (code: string, callee: string, options?: ParseOptions): string | undefined => {
  const origin = originOf(code, callee, options);
  return origin && formatOrigin(origin);
};

describe('getOrigin', () => {
  it('follows an instance from axios.create to the member called (design example)', () => {
    const parsed = parse("import axios from 'axios'; const api = axios.create({ baseURL: 'http://payments' }); api.post('/x');");
    const origin = getOrigin(parsed.call('api.post').callee, parsed.file);
    expect(origin?.module).toBe('axios');
    expect(origin?.steps.map((step) => step.kind)).toEqual(['get', 'call', 'get']);
    expect(origin?.steps[0]).toEqual({ kind: 'get', name: 'create' });
    expect(origin?.steps[1]).toEqual({ kind: 'call', node: parsed.call('axios.create') });
    expect(origin?.steps[2]).toEqual({ kind: 'get', name: 'post' });
    expect(formatOrigin(origin!)).toBe('axios › create › () › post');
    expect(formatted("import axios from 'axios'; const api = axios.create(); api.post('/x');", 'api.post')).toBe('axios › create › () › post');
  });

  it('drops `default` and the node: prefix', () => {
    expect(formatted("import axios from 'axios'; axios.post('/x');", 'axios.post')).toBe('axios › post');
    expect(formatted("import * as http from 'node:http'; http.request({});", 'http.request')).toBe('http › request');
    expect(formatted("import axios from 'axios'; axios.default.post('/x');", 'axios.default.post')).toBe('axios › post');
  });

  it('reads a function bound to a this value as the function itself', () => {
    expect(formatted('const send = globalThis.fetch.bind(globalThis); send(url);', 'send')).toBe('global › fetch');
    expect(
      formatted(
        'class Client { constructor(opts) { this.fetchImpl = opts.fetchImpl ?? globalThis.fetch.bind(globalThis); } go(url) { return this.fetchImpl(url); } }',
        'this.fetchImpl',
      ),
    ).toBe('global › fetch');
    expect(formatted("import axios from 'axios'; const post = axios.post.bind(axios); post('/x');", 'post')).toBe('axios › post');
  });

  it('reads named, renamed and namespace imports', () => {
    expect(formatted("import { request as send } from 'undici'; send('/x');", 'send')).toBe('undici › request');
    expect(formatted("import * as undici from 'undici'; undici.fetch('/x');", 'undici.fetch')).toBe('undici › fetch');
    expect(formatted("import { 'fetch' as f } from 'undici'; f('/x');", 'f')).toBe('undici › fetch');
  });

  it('reads require(), destructured requires and dynamic import()', () => {
    expect(formatted("const axios = require('axios'); axios.post('/x');", 'axios.post', { filename: 'a.cjs' })).toBe('axios › post');
    expect(formatted("const { request } = require('node:https'); request({});", 'request', { filename: 'a.cjs' })).toBe('https › request');
    expect(formatted("const got = require('got').default; got.post('/x');", 'got.post', { filename: 'a.cjs' })).toBe('got › post');
    expect(formatted("async function f() { const { default: ky } = await import('ky'); ky.post('/x'); }", 'ky.post')).toBe('ky › post');
  });

  it('reads destructured members of an imported value', () => {
    expect(formatted("import axios from 'axios'; const { post } = axios; post('/x');", 'post')).toBe('axios › post');
  });

  it('names the global fetch when it is not shadowed', () => {
    expect(originOf("fetch('/x');", 'fetch')).toEqual({ module: 'global', steps: [{ kind: 'get', name: 'fetch' }] });
    // the global object is transparent: globalThis.fetch, window.fetch and self.fetch are fetch
    expect(formatted("globalThis.fetch('/x');", 'globalThis.fetch')).toBe('global › fetch');
  });

  it('returns nothing for a local function or an untyped parameter called fetch', () => {
    expect(originOf("function fetch(u: string) { return u; } fetch('/x');", 'fetch')).toBeUndefined();
    expect(originOf("function f(fetch: any) { fetch('/x'); }", 'fetch')).toBeUndefined();
    expect(originOf("const fetch = (u: string) => u; fetch('/x');", 'fetch')).toBeUndefined();
  });

  it('follows constructor-injected NestJS HttpService by its declared type', () => {
    const code = `
      import { HttpService } from '@nestjs/axios';
      class PaymentsClient {
        constructor(private readonly http: HttpService) {}
        charge() { return this.http.post('/charges', {}); }
      }`;
    expect(formatted(code, 'this.http.post')).toBe('@nestjs/axios › HttpService › <instance> › post');
  });

  it('follows fields initialised inline or in the constructor', () => {
    const inline = "import axios from 'axios'; class C { private api = axios.create(); m() { this.api.put('/x'); } }";
    expect(formatted(inline, 'this.api.put')).toBe('axios › create › () › put');
    const assigned = "import got from 'got'; class C { client; constructor() { this.client = got.extend({}); } m() { this.client.post('x'); } }";
    expect(formatted(assigned, 'this.client.post')).toBe('got › extend › () › post');
  });

  it('reads typed variables and parameters, including `T | undefined` and qualified names', () => {
    expect(formatted("import type { AxiosInstance } from 'axios'; declare const api: AxiosInstance; api.post('/x');", 'api.post')).toBe(
      'axios › AxiosInstance › <instance> › post',
    );
    expect(formatted("import { Got } from 'got'; function f(c: Got | undefined) { c!.post('x'); }", 'c!.post')).toBe(
      'got › Got › <instance> › post',
    );
    expect(formatted("import * as U from 'undici'; function f(d: U.Dispatcher) { d.request({}); }", 'd.request')).toBe(
      'undici › Dispatcher › <instance> › request',
    );
  });

  it('records new and calls on the way', () => {
    expect(formatted("import { Kafka } from 'kafkajs'; const producer = new Kafka({ brokers: [] }).producer(); producer.send({});", 'producer.send')).toBe(
      'kafkajs › Kafka › new › producer › () › send',
    );
  });

  it('follows a let given its value by the same constructor or factory in every branch', () => {
    expect(
      formatted("import axios from 'axios'; declare const x: boolean; let api; if (x) api = axios.create({}); else api = axios.create({ timeout: 1 }); api.post('/x');", 'api.post'),
    ).toBe('axios › create › () › post');
    expect(originOf("import axios from 'axios'; import got from 'got'; declare const x: boolean; let api; if (x) api = axios.create({}); else api = got.extend({}); api.post('/x');", 'api.post')).toBeUndefined();
    expect(originOf("import axios from 'axios'; declare const x: boolean; let api = axios.create({}); api = x ? api : null; api.post('/x');", 'api.post')).toBeUndefined();
  });

  it('follows what a factory function of the file returns', () => {
    expect(formatted("import axios from 'axios'; const api = (id: string) => axios.create({ headers: { id } }); api('x').post('/x');", "api('x').post")).toBe(
      'axios › create › () › post',
    );
    expect(formatted("import got from 'got'; function client() { const t = 1; return got.extend({ timeout: t }); } client().post('x');", 'client().post')).toBe(
      'got › extend › () › post',
    );
    expect(originOf("import axios from 'axios'; function pick(a: boolean) { if (a) return axios; return null; } pick(true).post('/x');", 'pick(true).post')).toBeUndefined();
    expect(originOf("const make = () => ({ post() {} }); make().post('/x');", 'make().post')).toBeUndefined();
  });

  it('looks through casts, non-null assertions, optional chains and await', () => {
    expect(formatted("import axios from 'axios'; (axios as any).post('/x');", '(axios as any).post')).toBe('axios › post');
    expect(formatted("import axios from 'axios'; axios?.post('/x');", 'axios?.post')).toBe('axios › post');
    expect(formatted("import ky from 'ky'; async function f() { const api = await ky.create({}); api.post('x'); }", 'api.post')).toBe(
      'ky › create › () › post',
    );
  });

  it('returns nothing for computed members, unknown locals and literals', () => {
    expect(originOf("import axios from 'axios'; declare const k: string; axios[k]('/x');", 'axios[k]')).toBeUndefined();
    expect(originOf("let api: any; api = 1; api.post('/x');", 'api.post')).toBeUndefined();
    const parsed = parse("'x'.toString();");
    expect(getOrigin(parsed.node(AST_NODE_TYPES.Literal), parsed.file)).toBeUndefined();
  });

  it('does not throw on cycles and deep chains', () => {
    expect(() => originOf('const a: any = b.x; const b: any = a.y; a.post();', 'a.post')).not.toThrow();
    const chain = `const a0 = require('axios');\n${Array.from({ length: 40 }, (_, i) => `const a${i + 1} = a${i};`).join('\n')}\na40.post('/x');`;
    expect(() => originOf(chain, 'a40.post', { filename: 'a.cjs' })).not.toThrow();
    expect(() => originOf("class C { a = this.b; b = this.a; m() { this.a.post(); } }", 'this.a.post')).not.toThrow();
  });
});

describe('getTypeOrigin', () => {
  it('reads type references, typeof queries and ignores unrelated types', () => {
    const parsed = parse(`
      import { HttpService } from '@nestjs/axios';
      import axios from 'axios';
      type A = HttpService; type B = typeof axios; type C = string; type D = HttpService | null; type E = HttpService | string;`);
    const [a, b, c, d, e] = parsed.all(AST_NODE_TYPES.TSTypeAliasDeclaration).map((alias) => getTypeOrigin(alias.typeAnnotation, parsed.file));
    expect(a && formatOrigin(a)).toBe('@nestjs/axios › HttpService › <instance>');
    expect(b && formatOrigin(b)).toBe('axios');
    expect(c).toBeUndefined();
    expect(d && formatOrigin(d)).toBe('@nestjs/axios › HttpService › <instance>');
    expect(e).toBeUndefined();
  });
});

describe('formatOrigin', () => {
  it('renders steps with arrows', () => {
    expect(formatOrigin({ module: 'axios', steps: [] })).toBe('axios');
    expect(formatOrigin({ module: 'x', steps: [{ kind: 'instance' }, { kind: 'get', name: 'y' }] })).toBe('x › <instance> › y');
  });
});
