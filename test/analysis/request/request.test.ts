import { describe, expect, it } from 'vitest';
import { describeRequest, isAbsolute } from '../../../src/analysis/request/request.js';
import { classifyTarget } from '../../../src/analysis/target/target.js';
import { formatTemplate } from '../../../src/analysis/code/template.js';
import { parse, settings, type ParseOptions } from '../parse.js';

interface Summary {
  readonly client: string;
  readonly member: string | undefined;
  readonly methods: readonly string[] | undefined;
  readonly url: string | undefined;
  readonly payload: string | undefined;
  readonly sent: boolean;
}

/** Describes the first call whose callee text is `callee` (the `index`-th with `index`). */
function describe_(code: string, callee: string, options: ParseOptions & { index?: number } = {}): Summary | undefined {
  const parsed = parse(code, options);
  const request = describeRequest(parsed.callAt(callee, options.index ?? 0), parsed.file);
  return (
    request && {
      client: request.client.id,
      member: request.member,
      methods: request.methods,
      url: request.url && formatTemplate(request.url),
      payload: request.payload && parsed.sourceCode.getText(request.payload.node),
      sent: request.sent,
    }
  );
}

describe('describeRequest', () => {
  describe('axios', () => {
    it('describes a member call with URL, body and method from the member (design example)', () => {
      const code = "import axios from 'axios'; const PAYMENTS_URL = process.env.PAYMENTS_URL; async function f(order: { total: number }) { await axios.post(PAYMENTS_URL + '/payments', { amount: order.total }); }";
      expect(describe_(code, 'axios.post')).toEqual({
        client: 'axios',
        member: 'post',
        methods: ['POST'],
        url: '${PAYMENTS_URL}/payments',
        payload: '{ amount: order.total }',
        sent: true,
      });
    });

    it('reads method, url and data from a config object, in any case', () => {
      const code = "import axios from 'axios'; axios({ method: 'post', url: 'http://payments:80/charges', data: { amount: 1 } });";
      expect(describe_(code, 'axios')).toMatchObject({ member: undefined, methods: ['POST'], url: 'http://payments:80/charges', payload: '{ amount: 1 }' });
      expect(describe_("import axios from 'axios'; axios('http://ledger/e', { method: 'Put' });", 'axios')).toMatchObject({ methods: ['PUT'], url: 'http://ledger/e' });
      expect(describe_("import axios from 'axios'; axios.request({ method: 'DELETE', url: '/x' });", 'axios.request')).toMatchObject({ methods: ['DELETE'] });
    });

    it('reads a method held in a const, and both branches of a ternary', () => {
      const code = "import axios from 'axios'; const METHOD = 'patch'; const opts = { method: METHOD, url: '/x' }; axios(opts);";
      expect(describe_(code, 'axios')).toMatchObject({ methods: ['PATCH'] });
      const ternary = "import axios from 'axios'; declare const edit: boolean; axios({ method: edit ? 'put' : 'post', url: '/x' });";
      expect(describe_(ternary, 'axios')).toMatchObject({ methods: ['PUT', 'POST'] });
    });

    it('defaults to GET and is unknown when an opaque spread or options value may hold the method', () => {
      expect(describe_("import axios from 'axios'; axios('/x');", 'axios')).toMatchObject({ methods: ['GET'] });
      expect(describe_("import axios from 'axios'; function f(o: object) { axios({ ...o, url: '/x' }); }", 'axios')).toMatchObject({ methods: undefined });
      expect(describe_("import axios from 'axios'; function f(o: object) { axios('/x', o); }", 'axios')).toMatchObject({ methods: undefined });
    });

    it("joins an instance's baseURL", () => {
      const code = "import axios from 'axios'; const api = axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL }); api.post('/charges', { amount: 1 });";
      expect(describe_(code, 'api.post')).toMatchObject({ client: 'axios', methods: ['POST'], url: '${PAYMENTS_SERVICE_URL}/charges' });
      const noSlash = "import axios from 'axios'; const api = axios.create({ baseURL: 'http://ledger:80/api' }); api.put('entries');";
      expect(describe_(noSlash, 'api.put')).toMatchObject({ url: 'http://ledger:80/api/entries' });
    });

    it('lets an absolute URL override the baseURL and a call baseURL override the instance one', () => {
      const code = "import axios from 'axios'; const api = axios.create({ baseURL: process.env.PAYMENTS_URL }); api.post('http://ledger:80/e', {});";
      expect(describe_(code, 'api.post')).toMatchObject({ url: 'http://ledger:80/e' });
      const override = "import axios from 'axios'; const api = axios.create({ baseURL: 'http://a' }); api.post('/x', {}, { baseURL: 'http://b' });";
      expect(describe_(override, 'api.post')).toMatchObject({ url: 'http://b/x' });
    });

    it("returns the instance's base when the call shows no URL, and undefined when nothing does", () => {
      const code = "import axios from 'axios'; const api = axios.create({ baseURL: 'http://ledger' }); api.request({ method: 'post' });";
      expect(describe_(code, 'api.request')).toMatchObject({ url: 'http://ledger', methods: ['POST'] });
      expect(describe_("import axios from 'axios'; axios.post();", 'axios.post')).toMatchObject({ url: undefined, methods: ['POST'], payload: undefined });
    });

    it('takes the method from an instance config', () => {
      const code = "import axios from 'axios'; const api = axios.create({ baseURL: 'http://ledger', method: 'post' }); api('/entries');";
      expect(describe_(code, 'api')).toMatchObject({ methods: ['POST'], url: 'http://ledger/entries' });
    });

    it('works with require() in CommonJS', () => {
      const code = "const axios = require('axios'); axios.put(process.env.LEDGER_URL + '/e/1', { balance: 1 });";
      expect(describe_(code, 'axios.put', { filename: 'a.cjs' })).toMatchObject({ methods: ['PUT'], url: '${LEDGER_URL}/e/1', payload: '{ balance: 1 }' });
    });
  });

  describe('fetch', () => {
    it('reads method and body from init, any case', () => {
      const code = "fetch(process.env.ORDERS_URL + '/orders', { method: 'post', body: JSON.stringify(order) });";
      expect(describe_(code, 'fetch')).toEqual({
        client: 'fetch',
        member: undefined,
        methods: ['POST'],
        url: '${ORDERS_URL}/orders',
        payload: 'JSON.stringify(order)',
        sent: true,
      });
    });

    it('defaults to GET', () => {
      expect(describe_("fetch('http://ledger/x');", 'fetch')).toMatchObject({ methods: ['GET'] });
    });

    it('reads init held in a const and a method const', () => {
      const code = "const POST = 'POST'; const init = { method: POST, body: '{}' }; fetch('http://ledger/x', init);";
      expect(describe_(code, 'fetch')).toMatchObject({ methods: ['POST'], payload: "'{}'" });
    });

    it('reads new URL(path, base)', () => {
      const code = "fetch(new URL('/payments', process.env.PAYMENTS_URL), { method: 'POST' });";
      expect(describe_(code, 'fetch')).toMatchObject({ url: '${PAYMENTS_URL}/payments', methods: ['POST'] });
    });

    it('reads a Request object, with later init overriding', () => {
      const code = "const req = new Request('http://ledger/e', { method: 'PUT', body: 'x' }); fetch(req); fetch(req, { method: 'DELETE' });";
      expect(describe_(code, 'fetch')).toMatchObject({ url: 'http://ledger/e', methods: ['PUT'], payload: "'x'" });
      expect(describe_(code, 'fetch', { index: 1 })).toMatchObject({ methods: ['DELETE'] });
    });

    it('is unknown when init cannot be seen', () => {
      expect(describe_("function f(init: RequestInit) { fetch('http://ledger/x', init); }", 'fetch')).toMatchObject({ methods: undefined });
      expect(describe_("function f(init: RequestInit) { fetch('http://ledger/x', { ...init }); }", 'fetch')).toMatchObject({ methods: undefined });
    });

    it('keeps a method written next to an opaque spread', () => {
      expect(describe_("function f(init: RequestInit) { fetch('http://ledger/x', { ...init, method: 'POST' }); }", 'fetch')).toMatchObject({
        methods: ['POST'],
      });
    });

    it('treats fetch(url, undefined) as a GET', () => {
      expect(describe_("fetch('http://ledger/x', undefined);", 'fetch')).toMatchObject({ methods: ['GET'] });
    });

    it('recognises node-fetch and undici fetch', () => {
      expect(describe_("import fetch from 'node-fetch'; fetch('http://a', { method: 'PATCH' });", 'fetch')).toMatchObject({ client: 'fetch', methods: ['PATCH'] });
      expect(describe_("import { fetch as f } from 'undici'; f('http://a', { method: 'DELETE' });", 'f')).toMatchObject({ client: 'fetch', methods: ['DELETE'] });
    });
  });

  describe('got, ky, superagent, undici, node:http, request, needle, openapi-fetch, ofetch', () => {
    it('got: member method, json payload, prefixUrl from extend', () => {
      const code = "import got from 'got'; const payments = got.extend({ prefixUrl: process.env.PAYMENTS_URL }); payments.post('charges', { json: { amount: 1 } });";
      expect(describe_(code, 'payments.post')).toMatchObject({ client: 'got', methods: ['POST'], url: '${PAYMENTS_URL}/charges', payload: '{ amount: 1 }' });
      expect(describe_("import got from 'got'; got({ url: 'http://a/x', method: 'put' });", 'got')).toMatchObject({ methods: ['PUT'], url: 'http://a/x' });
    });

    it('ky: json payload, prefixUrl from create', () => {
      const code = "import ky from 'ky'; const api = ky.create({ prefixUrl: 'http://ledger:80' }); api.post('entries', { json: { amount: 1 } });";
      expect(describe_(code, 'api.post')).toMatchObject({ client: 'ky', methods: ['POST'], url: 'http://ledger:80/entries', payload: '{ amount: 1 }' });
      expect(describe_("import ky from 'ky'; ky('http://a', { method: 'delete' });", 'ky')).toMatchObject({ methods: ['DELETE'] });
    });

    it('superagent: payload from .send(), sent only when awaited or ended', () => {
      const awaited = "import superagent from 'superagent'; async function f() { await superagent.post('http://ledger/e').send({ amount: 1 }).set('x', 'y'); }";
      expect(describe_(awaited, 'superagent.post')).toMatchObject({ client: 'superagent', methods: ['POST'], payload: '{ amount: 1 }', sent: true });
      const ended = "import superagent from 'superagent'; superagent.put('http://ledger/e').send({}).end(() => {});";
      expect(describe_(ended, 'superagent.put')).toMatchObject({ sent: true });
      const bare = "import superagent from 'superagent'; superagent.post('http://ledger/e').send({});";
      expect(describe_(bare, 'superagent.post')).toMatchObject({ sent: false });
      const method = "import request from 'superagent'; request('POST', 'http://ledger/e').then(() => {});";
      expect(describe_(method, 'request')).toMatchObject({ methods: ['POST'], url: 'http://ledger/e', sent: true });
    });

    it('undici request: PUT when it has a body and no method, else GET', () => {
      expect(describe_("import { request } from 'undici'; request('http://a', { body: 'x' });", 'request')).toMatchObject({ client: 'undici', methods: ['PUT'] });
      expect(describe_("import { request } from 'undici'; request('http://a');", 'request')).toMatchObject({ methods: ['GET'] });
      expect(describe_("import { request } from 'undici'; request('http://a', { method: 'POST', body: 'x' });", 'request')).toMatchObject({ methods: ['POST'] });
    });

    it('undici Client: origin joined with the path option', () => {
      const code = "import { Client } from 'undici'; const client = new Client('http://payments:3000'); client.request({ method: 'POST', path: '/charges', body: '{}' });";
      expect(describe_(code, 'client.request')).toMatchObject({ client: 'undici-dispatcher', methods: ['POST'], url: 'http://payments:3000/charges', payload: "'{}'" });
    });

    it('node:http: URL built from hostname, port and path', () => {
      const code = "import http from 'node:http'; http.request({ hostname: 'payments', port: 8080, path: '/charges', method: 'POST' });";
      expect(describe_(code, 'http.request')).toMatchObject({ client: 'node-http', methods: ['POST'], url: 'http://payments:8080/charges' });
      const withHost = "import https from 'node:https'; https.request({ protocol: 'https:', host: process.env.LEDGER_HOST, method: 'PUT' });";
      expect(describe_(withHost, 'https.request')).toMatchObject({ url: 'https://${LEDGER_HOST}/', methods: ['PUT'] });
      const urlFirst = "import https from 'node:https'; https.request('https://ledger/e', { method: 'POST' });";
      expect(describe_(urlFirst, 'https.request')).toMatchObject({ url: 'https://ledger/e', methods: ['POST'] });
      expect(describe_("import http from 'http'; http.get('http://a/x');", 'http.get')).toMatchObject({ methods: ['GET'] });
    });

    it('request/request-promise: uri option and member methods', () => {
      const code = "const rp = require('request-promise'); rp({ method: 'POST', uri: 'http://ledger/e', body: { amount: 1 }, json: true });";
      expect(describe_(code, 'rp', { filename: 'a.cjs' })).toMatchObject({ client: 'request', methods: ['POST'], url: 'http://ledger/e', payload: '{ amount: 1 }' });
    });

    it('needle: method argument', () => {
      expect(describe_("import needle from 'needle'; needle('put', 'http://a/x', { qty: 1 });", 'needle')).toMatchObject({
        methods: ['PUT'],
        url: 'http://a/x',
        payload: '{ qty: 1 }',
      });
    });

    it('openapi-fetch: baseUrl of the client and the upper-case member', () => {
      const code = "import createClient from 'openapi-fetch'; const c = createClient({ baseUrl: process.env.ORDERS_URL }); c.POST('/orders', { body: { total: 1 } });";
      expect(describe_(code, 'c.POST')).toMatchObject({ client: 'openapi-fetch', methods: ['POST'], url: '${ORDERS_URL}/orders', payload: '{ total: 1 }' });
    });

    it('ofetch: baseURL option', () => {
      const code = "import { ofetch } from 'ofetch'; ofetch('/orders', { baseURL: 'http://orders:80', method: 'POST', body: {} });";
      expect(describe_(code, 'ofetch')).toMatchObject({ client: 'ofetch', methods: ['POST'], url: 'http://orders:80/orders' });
    });
  });

  describe('NestJS HttpService', () => {
    const service = (body: string) => `
      import { HttpService } from '@nestjs/axios';
      import { firstValueFrom, map } from 'rxjs';
      class PaymentsClient {
        constructor(private readonly http: HttpService) {}
        async m(dto: object) { ${body} }
      }`;

    it('is sent through firstValueFrom, subscribe, toPromise, return or await', () => {
      expect(describe_(service("await firstValueFrom(this.http.post('http://payments/charges', dto));"), 'this.http.post')).toEqual({
        client: 'nest-http',
        member: 'post',
        methods: ['POST'],
        url: 'http://payments/charges',
        payload: 'dto',
        sent: true,
      });
      expect(describe_(service("await firstValueFrom(this.http.post('/x', dto).pipe(map((r) => r.data)));"), 'this.http.post')).toMatchObject({ sent: true });
      expect(describe_(service("this.http.post('/x', dto).subscribe();"), 'this.http.post')).toMatchObject({ sent: true });
      expect(describe_(service("return this.http.post('/x', dto);"), 'this.http.post')).toMatchObject({ sent: true });
      expect(describe_(service("const obs = this.http.put('/x', dto); return lastValueFrom(obs);"), 'this.http.put')).toMatchObject({ sent: true });
      // stored and never used again: a cold Observable that nothing subscribes to
      expect(describe_(service("const obs = this.http.put('/x', dto);"), 'this.http.put')).toMatchObject({ sent: false });
    });

    it('is not sent as a bare cold Observable, piped or not', () => {
      expect(describe_(service("this.http.post('/x', dto);"), 'this.http.post')).toMatchObject({ sent: false });
      expect(describe_(service("this.http.post('/x', dto).pipe(map((r) => r.data));"), 'this.http.post')).toMatchObject({ sent: false });
    });

    it('axiosRef is a plain axios instance (always sent)', () => {
      expect(describe_(service("this.http.axiosRef.post('/x', dto);"), 'this.http.axiosRef.post')).toMatchObject({ client: 'axios', sent: true });
    });
  });

  describe('not requests', () => {
    it('returns undefined for servers, routers, decorators and local functions named like clients', () => {
      expect(describe_("import express from 'express'; const app = express(); app.post('/payments', (req, res) => res.end());", 'app.post')).toBeUndefined();
      expect(describe_("import { Router } from 'express'; const router = Router(); router.put('/orders/:id', () => {});", 'router.put')).toBeUndefined();
      expect(describe_("function fetch(url: string, init?: object) { return [url, init]; } fetch('http://payments/x', { method: 'POST' });", 'fetch')).toBeUndefined();
      expect(describe_("declare const http: any; http.post('http://payments/x', {});", 'http.post')).toBeUndefined();
      expect(describe_('const post = (u: string) => u; post("http://payments/x");', 'post')).toBeUndefined();
    });

    it('returns undefined for callees that are not names or members', () => {
      expect(describe_("import axios from 'axios'; (await import('axios')).default.post('/x'); [axios][0]('/x');", '[axios][0]')).toBeUndefined();
    });
  });

  describe('odd but parseable input', () => {
    it('handles spread arguments, computed members, optional calls and casts', () => {
      expect(describe_("import axios from 'axios'; declare const args: [string]; axios.post(...args);", 'axios.post')).toMatchObject({ methods: ['POST'], url: undefined });
      expect(describe_("import axios from 'axios'; axios['put']('http://a');", "axios['put']")).toMatchObject({ member: 'put', methods: ['PUT'] });
      expect(describe_("import axios from 'axios'; axios?.patch('http://a');", 'axios?.patch')).toMatchObject({ methods: ['PATCH'] });
      expect(describe_("import axios from 'axios'; (axios as any).delete('http://a');", '(axios as any).delete')).toMatchObject({ methods: ['DELETE'] });
    });

    it('does not throw on cyclic configs', () => {
      const code = "import axios from 'axios'; const a: any = { ...b, url: a.url }; const b: any = { ...a }; axios(a); axios({ data: b, ...a });";
      expect(() => describe_(code, 'axios')).not.toThrow();
      expect(() => describe_(code, 'axios', { index: 1 })).not.toThrow();
    });
  });
});

describe('isAbsolute', () => {
  it('is true for a scheme, a protocol-relative URL or a configured base', () => {
    expect(isAbsolute([{ kind: 'text', value: 'http://a' }])).toBe(true);
    expect(isAbsolute([{ kind: 'text', value: 'HTTPS://a' }])).toBe(true);
    expect(isAbsolute([{ kind: 'text', value: '//a/x' }])).toBe(true);
    expect(isAbsolute([{ kind: 'env', name: 'A_URL' }])).toBe(true);
    expect(isAbsolute([{ kind: 'config', key: 'a.url' }])).toBe(true);
  });

  it('is false for paths, unknown values and empty templates', () => {
    expect(isAbsolute([{ kind: 'text', value: '/x' }])).toBe(false);
    expect(isAbsolute([{ kind: 'text', value: 'x' }])).toBe(false);
    expect(isAbsolute([{ kind: 'unknown', label: 'url' }])).toBe(false);
    expect(isAbsolute([])).toBe(false);
  });
});

describe('Dapr header form', () => {
  it('targets the app named by the dapr-app-id header', () => {
    const code = "import axios from 'axios'; axios.post('http://localhost:3500/charges', { amount: 1 }, { headers: { 'dapr-app-id': 'payments' } });";
    const parsed = parse(code);
    const request = describeRequest(parsed.call('axios.post'), parsed.file);
    expect(request?.daprAppId).toBe('payments');
    expect(classifyTarget(request?.url, settings(), { daprAppId: request?.daprAppId })).toMatchObject({
      kind: 'internal',
      service: 'payments',
      path: [{ kind: 'text', value: '/charges' }],
    });
  });
});
