import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { WriteFinder, type WriteFinderOptions } from '../../src/analysis/find-writes.js';
import type { NoSyncCriticalWriteOptions } from '../../src/options.js';
import { parse, settings, type ParseOptions } from './parse.js';

interface Summary {
  /** source text of the reported call's callee */
  readonly at: string;
  readonly line: number;
  readonly via: readonly string[];
  readonly method: string | undefined;
  readonly service: string | undefined;
  readonly retry: string | undefined;
}

/** Runs the finder over every call of the snippet, in traversal order, as the rule does. */
function findWrites(
  code: string,
  options: Partial<NoSyncCriticalWriteOptions> = {},
  parseOptions?: ParseOptions,
  finderOptions?: WriteFinderOptions,
): Summary[] {
  const parsed = parse(code, parseOptions);
  const finder = new WriteFinder(parsed.file, settings(options), parsed.all(AST_NODE_TYPES.CallExpression), finderOptions);
  return finder.findAll().map((finding) => ({
    at: parsed.sourceCode.getText(finding.call.callee),
    line: finding.call.loc.start.line,
    via: finding.via,
    method: finding.assessment.method,
    service: finding.assessment.target.service,
    retry: finding.assessment.retry,
  }));
}

const AXIOS = "import axios from 'axios';\n";

describe('WriteFinder', () => {
  describe('direct requests', () => {
    it('reports the design example: a critical POST to another service', () => {
      const code = `${AXIOS}export async function checkout(order: { total: number }) {\n  await axios.post(process.env.PAYMENTS_URL + '/payments', { amount: order.total });\n}`;
      expect(findWrites(code)).toEqual([{ at: 'axios.post', line: 3, via: [], method: 'POST', service: 'payments', retry: undefined }]);
    });

    it('reports every critical write of a file, in source order', () => {
      const code = [
        AXIOS.trim(),
        "const LEDGER = 'http://ledger:8080';",
        'export async function settle() {',
        "  await fetch(`${LEDGER}/entries`, { method: 'POST', body: '{}' });",
        "  await axios.delete(`${process.env.ORDERS_SERVICE_URL}/orders/1`);",
        '}',
      ].join('\n');
      expect(findWrites(code)).toEqual([
        { at: 'fetch', line: 4, via: [], method: 'POST', service: 'ledger', retry: undefined },
        { at: 'axios.delete', line: 5, via: [], method: 'DELETE', service: 'orders', retry: undefined },
      ]);
    });

    it('notes in-memory retries on the finding', () => {
      const code = `${AXIOS}import pRetry from 'p-retry';\nexport async function charge() { await pRetry(() => axios.post('http://payments:80/charges', { amount: 1 })); }`;
      expect(findWrites(code)).toMatchObject([{ at: 'axios.post', retry: 'p-retry' }]);
    });

    it('does not report reads, third parties, relative or unknown URLs, or non-critical writes', () => {
      const code = [
        AXIOS.trim(),
        'export async function f(url: string) {',
        "  await axios.get('http://payments:80/payments');",
        "  await axios.post('https://api.stripe.com/v1/charges', { amount: 1 });",
        "  await axios.post('/api/payments', { amount: 1 });",
        "  await axios.post(url + '/payments', { amount: 1 });",
        "  await axios.post(process.env.NEXT_PUBLIC_API_URL + '/payments', { amount: 1 });",
        "  await axios.post('http://metrics:80/metrics', { count: 1 });",
        "  await axios.post('http://users:80/users/1/avatar', { image: 'x' });",
        '}',
      ].join('\n');
      expect(findWrites(code)).toEqual([]);
    });

    it('does not report servers, routers or a local function called fetch', () => {
      const code = [
        "import express from 'express';",
        'const app = express();',
        "app.post('/payments', (req, res) => res.json({ amount: 1 }));",
        'function fetch(url: string, init: object) { return [url, init]; }',
        "fetch('http://payments:80/payments', { method: 'POST' });",
      ].join('\n');
      expect(findWrites(code)).toEqual([]);
    });

    it('does not report inside consumers or relays', () => {
      const code = [
        AXIOS.trim(),
        'declare const consumer: any;',
        "consumer.run({ eachMessage: async () => { await axios.post('http://payments:80/charges', { amount: 1 }); } });",
        "export async function relayOutbox() { await axios.post('http://payments:80/charges', { amount: 1 }); }",
      ].join('\n');
      expect(findWrites(code)).toEqual([]);
    });

    it('reports unknown methods only when unknownMethod is "write"', () => {
      const code = `${AXIOS}export function send(options: object) { return axios({ ...options, url: 'http://payments:80/charges' }); }`;
      expect(findWrites(code)).toEqual([]);
      expect(findWrites(code, { unknownMethod: 'write' })).toMatchObject([{ at: 'axios', method: undefined, service: 'payments' }]);
    });

    it('reports a NestJS HttpService call only when it is sent', () => {
      const code = [
        "import { HttpService } from '@nestjs/axios';",
        "import { firstValueFrom } from 'rxjs';",
        'export class PaymentsClient {',
        '  constructor(private readonly http: HttpService) {}',
        "  async charge(dto: object) { await firstValueFrom(this.http.post('http://payments:80/charges', dto)); }",
        "  refund(dto: object) { this.http.post('http://payments:80/refunds', dto); }",
        '}',
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'this.http.post', line: 5, via: [], method: 'POST', service: 'payments', retry: undefined }]);
    });

    it('does not report Dapr publish, state or bindings through the sidecar', () => {
      const code = [
        "export async function f() {",
        "  await fetch('http://localhost:3500/v1.0/publish/pubsub/orders', { method: 'POST', body: '{}' });",
        "  await fetch('http://localhost:3500/v1.0/state/orders', { method: 'POST', body: '{}' });",
        "  await fetch('http://localhost:3500/v1.0/invoke/payments/method/charge', { method: 'POST', body: '{}' });",
        '}',
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'fetch', line: 4, via: [], method: 'POST', service: 'payments', retry: undefined }]);
    });

    it('does not report the Dapr bulk publish API', () => {
      const code = "export async function f() { await fetch('http://localhost:3500/v1.0-alpha1/publish/bulk/pubsub/orders', { method: 'POST', body: '[]' }); }";
      expect(findWrites(code)).toEqual([]);
    });

    it('does not report a third party when services are configured', () => {
      const code = `${AXIOS}export async function pay() { await axios.post('https://api.stripe.com/v1/charges', { amount: 1 }); }`;
      expect(findWrites(code, { services: ['payments', 'ledger'] })).toEqual([]);
    });

    it('does not report a third party when a configured service name contains a generic word', () => {
      const code = `${AXIOS}export async function pay() { await axios.post('https://api.stripe.com/v1/charges', { amount: 1 }); }`;
      expect(findWrites(code, { services: ['payments-api'] })).toEqual([]);
    });

    it('works on JavaScript files', () => {
      const code = "const axios = require('axios');\nasync function pay() { await axios.post(process.env.PAYMENTS_URL + '/payments', { amount: 1 }); }\nmodule.exports = { pay };";
      expect(findWrites(code, {}, { filename: 'pay.cjs' })).toMatchObject([{ at: 'axios.post', line: 2, service: 'payments' }]);
    });
  });

  describe('wrappers', () => {
    it('reports at the wrapper call that makes the write cross-service and critical', () => {
      const code = [
        AXIOS.trim(),
        'async function postJson(base: string, path: string, body: object) { return axios.post(base + path, body); }',
        "export async function checkout() { await postJson(process.env.PAYMENTS_URL!, '/charges', { amount: 1 }); }",
        "export async function ping() { await postJson(process.env.PAYMENTS_URL!, '/health', {}); }",
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'postJson', line: 3, via: ['postJson'], method: 'POST', service: 'payments', retry: undefined }]);
    });

    it('reports each wrapper call site that writes to a different service', () => {
      const code = [
        AXIOS.trim(),
        'const send = (url: string, body: object) => axios.put(url, body);',
        "send(process.env.PAYMENTS_URL + '/charges/1', { amount: 1 });",
        "send(process.env.LEDGER_URL + '/entries/1', { amount: 2 });",
      ].join('\n');
      expect(findWrites(code)).toEqual([
        { at: 'send', line: 3, via: ['send'], method: 'PUT', service: 'payments', retry: undefined },
        { at: 'send', line: 4, via: ['send'], method: 'PUT', service: 'ledger', retry: undefined },
      ]);
    });

    it('reports a write once, at the request, when the request is critical on its own', () => {
      const code = [
        AXIOS.trim(),
        "function charge(amount: number) { return axios.post(`${process.env.PAYMENTS_URL}/charges`, { amount }); }",
        'export async function a() { await charge(1); }',
        'export async function b() { await charge(2); }',
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'axios.post', line: 2, via: [], method: 'POST', service: 'payments', retry: undefined }]);
    });

    it('follows wrappers of wrappers and names them outermost first', () => {
      const code = [
        AXIOS.trim(),
        'function low(url: string, body: object) { return axios.post(url, body); }',
        "function mid(host: string, path: string, body: object) { return low('http://' + host + path, body); }",
        "export function book() { return mid('ledger:80', '/bookings', { seats: 2 }); }",
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'mid', line: 4, via: ['mid', 'low'], method: 'POST', service: 'ledger', retry: undefined }]);
    });

    it('reports at the innermost wrapper that already makes the write critical', () => {
      const code = [
        AXIOS.trim(),
        'function low(url: string, body: object) { return axios.post(url, body); }',
        "function mid(body: object) { return low('http://ledger:80/entries', body); }",
        'export function book() { return mid({ seats: 2 }); }',
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'low', line: 3, via: ['low'], method: 'POST', service: 'ledger', retry: undefined }]);
    });

    it('follows methods called on this and on local class instances', () => {
      const code = [
        AXIOS.trim(),
        'class CoreApi {',
        '  private post(path: string, body: object) { return axios.post(process.env.CORE_URL + path, body); }',
        "  charge(amount: number) { return this.post('/charges', { amount }); }",
        '}',
        'const api = new CoreApi();',
        "export const refund = () => (api as any).post('/refunds', { amount: 1 });",
      ].join('\n');
      expect(findWrites(code)).toEqual([
        { at: 'this.post', line: 4, via: ['CoreApi.post'], method: 'POST', service: 'core', retry: undefined },
        { at: '(api as any).post', line: 7, via: ['CoreApi.post'], method: 'POST', service: 'core', retry: undefined },
      ]);
    });

    it('takes evidence from the call site of the wrapper', () => {
      const code = [
        AXIOS.trim(),
        'function post(path: string, body: object) { return axios.post(process.env.CORE_URL + path, body); }',
        "export async function createOrder() { await post('/v1/items', { sku: 'a' }); }",
        "export async function updateProfile() { await post('/v1/items', { sku: 'a' }); }",
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'post', line: 3, via: ['post'], method: 'POST', service: 'core', retry: undefined }]);
    });

    it('judges mitigation at the wrapper call site', () => {
      const code = [
        AXIOS.trim(),
        "import { EventPattern } from '@nestjs/microservices';",
        'function post(path: string, body: object) { return axios.post(process.env.CORE_URL + path, body); }',
        "class Events { @EventPattern('order.created') async on() { await post('/charges', { amount: 1 }); } }",
        "export async function direct() { await post('/charges', { amount: 1 }); }",
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'post', line: 5, via: ['post'], method: 'POST', service: 'core', retry: undefined }]);
    });

    it('stops at the wrapper depth limit', () => {
      const code = [
        AXIOS.trim(),
        'function w1(u: string) { return axios.post(u, { amount: 1 }); }',
        'function w2(u: string) { return w1(u); }',
        'function w3(u: string) { return w2(u); }',
        'function w4(u: string) { return w3(u); }',
        "w3('http://payments:80/charges');",
        "w4('http://payments:80/charges');",
      ].join('\n');
      const findings = findWrites(code);
      expect(findings[0]).toEqual({ at: 'w3', line: 6, via: ['w3', 'w2', 'w1'], method: 'POST', service: 'payments', retry: undefined });
      expect(findings.filter((finding) => finding.at === 'w4').length).toBeLessThanOrEqual(1);
      expect(findWrites(code, {}, undefined, { maxInFileDepth: 4 })).toEqual([
        { at: 'w3', line: 6, via: ['w3', 'w2', 'w1'], method: 'POST', service: 'payments', retry: undefined },
        { at: 'w4', line: 7, via: ['w4', 'w3', 'w2', 'w1'], method: 'POST', service: 'payments', retry: undefined },
      ]);
    });

    it('follows no further than maxInFileDepth wrappers', () => {
      const code = [
        AXIOS.trim(),
        'function low(url: string, body: object) { return axios.post(url, body); }',
        "function mid(host: string, path: string, body: object) { return low('http://' + host + path, body); }",
        "export function book() { return mid('ledger:80', '/bookings', { seats: 2 }); }",
      ].join('\n');
      expect(findWrites(code, {}, undefined, { maxInFileDepth: 1 })).toEqual([]);
      expect(findWrites(code, {}, undefined, { maxInFileDepth: 2 })).toMatchObject([{ at: 'mid', via: ['mid', 'low'] }]);
    });
  });

  describe('odd but parseable input', () => {
    it('does not loop on recursive or mutually recursive wrappers', () => {
      const code = [
        AXIOS.trim(),
        'function a(u: string): unknown { return b(u); }',
        'function b(u: string): unknown { return a(u); }',
        // (a test the analysis cannot decide: with a bare `u ?`, a non-empty argument would rule the request out)
        'function c(u: string): unknown { return u.length > 100 ? c(u) : axios.post(u, { amount: 1 }); }',
        "a('http://payments:80/charges');",
        "c('http://payments:80/charges');",
      ].join('\n');
      expect(findWrites(code)).toEqual([{ at: 'c', line: 6, via: ['c'], method: 'POST', service: 'payments', retry: undefined }]);
    });

    it('handles files without calls, and calls of non-functions', () => {
      expect(findWrites('export const x = 1;')).toEqual([]);
      expect(findWrites('declare const x: any; x()(); (0 as any)(); new (class {})();')).toEqual([]);
    });

    it('gives the same findings when run twice on one file context', () => {
      const parsed = parse(`${AXIOS}export const pay = () => axios.post('http://payments:80/payments', { amount: 1 });`);
      const finder = new WriteFinder(parsed.file, settings(), parsed.all(AST_NODE_TYPES.CallExpression));
      expect(finder.findAll()).toHaveLength(1);
      expect(finder.findAll()).toHaveLength(1);
    });
  });
});
