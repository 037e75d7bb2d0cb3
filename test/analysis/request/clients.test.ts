import { describe, expect, it } from 'vitest';
import { HTTP_CLIENTS, matchClientCall, type ClientMatch } from '../../../src/analysis/request/clients.js';
import { getOrigin } from '../../../src/analysis/code/origin.js';
import { CLIENT_MODULES } from '../../../src/catalog/http-clients.js';
import { parse, type ParseOptions } from '../parse.js';

interface Summary {
  readonly kind: string;
  readonly member: string | undefined;
  readonly method: string | undefined;
  readonly configs: string[];
}

/** Matches the callee of the first call whose callee text is `callee`. */
function match(code: string, callee: string, options?: ParseOptions): Summary | undefined {
  const parsed = parse(code, options);
  const origin = getOrigin(parsed.call(callee).callee, parsed.file);
  const found: ClientMatch | undefined = origin && matchClientCall(origin);
  return (
    found && {
      kind: found.kind.id,
      member: found.member,
      method: found.shape.method,
      configs: found.configs.map((config) => parsed.sourceCode.getText(config.node)),
    }
  );
}

describe('matchClientCall', () => {
  it('matches axios members and the callable axios', () => {
    expect(match("import axios from 'axios'; axios.post('/x', {});", 'axios.post')).toEqual({ kind: 'axios', member: 'post', method: 'POST', configs: [] });
    expect(match("import axios from 'axios'; axios({});", 'axios')).toEqual({ kind: 'axios', member: undefined, method: undefined, configs: [] });
    expect(match("import axios from 'axios'; axios.delete('/x');", 'axios.delete')).toMatchObject({ method: 'DELETE' });
    expect(match("import axios from 'axios'; axios.patchForm('/x', {});", 'axios.patchForm')).toMatchObject({ method: 'PATCH' });
  });

  it('collects instance configs from axios.create, got.extend and ky.create, outermost first', () => {
    expect(match("import axios from 'axios'; const api = axios.create(cfg); api.put('/x');", 'api.put')).toEqual({
      kind: 'axios',
      member: 'put',
      method: 'PUT',
      configs: ['cfg'],
    });
    expect(match("import got from 'got'; const a = got.extend(one); const b = a.extend(two); b.post('x');", 'b.post')).toMatchObject({
      kind: 'got',
      configs: ['one', 'two'],
    });
    expect(match("import ky from 'ky'; const api = ky.create(base).extend(more); api.patch('x');", 'api.patch')).toMatchObject({
      kind: 'ky',
      method: 'PATCH',
      configs: ['base', 'more'],
    });
  });

  it('matches NestJS HttpService members and its axiosRef', () => {
    const code = `
      import { HttpService } from '@nestjs/axios';
      class C { constructor(private readonly http: HttpService) {} m() { this.http.post('/x', {}); this.http.axiosRef.put('/y'); } }`;
    expect(match(code, 'this.http.post')).toMatchObject({ kind: 'nest-http', member: 'post', method: 'POST' });
    expect(match(code, 'this.http.axiosRef.put')).toMatchObject({ kind: 'axios', member: 'put', method: 'PUT' });
  });

  it('matches fetch in its forms', () => {
    expect(match("fetch('/x');", 'fetch')).toMatchObject({ kind: 'fetch', member: undefined });
    expect(match("import fetch from 'node-fetch'; fetch('/x');", 'fetch')).toMatchObject({ kind: 'fetch' });
    expect(match("import { fetch } from 'undici'; fetch('/x');", 'fetch')).toMatchObject({ kind: 'fetch' });
  });

  it('matches the global fetch read from globalThis', () => {
    expect(match("globalThis.fetch('/x', { method: 'POST' });", 'globalThis.fetch')).toMatchObject({ kind: 'fetch' });
  });

  it('matches undici, node:http, superagent, request, needle, ofetch and openapi-fetch', () => {
    expect(match("import { request } from 'undici'; request('/x');", 'request')).toMatchObject({ kind: 'undici' });
    expect(match("import { Pool } from 'undici'; const p = new Pool(origin); p.request({});", 'p.request')).toMatchObject({
      kind: 'undici-dispatcher',
      configs: ['origin'],
    });
    expect(match("import https from 'node:https'; https.request({});", 'https.request')).toMatchObject({ kind: 'node-http', member: 'request' });
    expect(match("import http from 'http'; http.get('x');", 'http.get')).toMatchObject({ kind: 'node-http', method: 'GET' });
    expect(match("import superagent from 'superagent'; superagent.del('x');", 'superagent.del')).toMatchObject({ kind: 'superagent', method: 'DELETE' });
    expect(match("const rp = require('request-promise'); rp.post('x');", 'rp.post', { filename: 'a.cjs' })).toMatchObject({ kind: 'request', method: 'POST' });
    expect(match("import needle from 'needle'; needle('post', 'x', {});", 'needle')).toMatchObject({ kind: 'needle', member: undefined });
    expect(match("import { $fetch } from 'ofetch'; $fetch('/x');", '$fetch')).toMatchObject({ kind: 'ofetch' });
    expect(match("import createClient from 'openapi-fetch'; const c = createClient({}); c.POST('/x', {});", 'c.POST')).toMatchObject({
      kind: 'openapi-fetch',
      method: 'POST',
    });
  });

  it('does not match members that send nothing', () => {
    expect(match("import axios from 'axios'; axios.interceptors.request.use(f);", 'axios.interceptors.request.use')).toBeUndefined();
    expect(match("import axios from 'axios'; axios.isAxiosError(e);", 'axios.isAxiosError')).toBeUndefined();
    expect(match("import axios from 'axios'; axios.create({});", 'axios.create')).toBeUndefined();
    expect(match("import http from 'node:http'; http.createServer();", 'http.createServer')).toBeUndefined();
    expect(match("import { HttpService } from '@nestjs/axios'; declare const h: HttpService; h.options('/x');", 'h.options')).toBeUndefined();
    expect(match("import got from 'got'; got.post.bind(got)('x');", 'got.post.bind')).toBeUndefined();
  });

  it('does not match servers, routers or unrelated modules', () => {
    expect(match("import express from 'express'; const app = express(); app.post('/x', h);", 'app.post')).toBeUndefined();
    expect(match("import { Router } from 'express'; const r = Router(); r.put('/x', h);", 'r.put')).toBeUndefined();
    expect(match("import { Post } from '@nestjs/common'; Post('/x');", 'Post')).toBeUndefined();
    expect(match("import axiosRetry from 'axios-retry'; axiosRetry(a, {});", 'axiosRetry')).toBeUndefined();
  });

  it('matches instances declared with a client type', () => {
    expect(match("import type { AxiosInstance } from 'axios'; declare const api: AxiosInstance; api.post('/x', {});", 'api.post')).toMatchObject({
      kind: 'axios',
      method: 'POST',
    });
    expect(match("import { Axios } from 'axios'; const a = new Axios({}); a.post('/x');", 'a.post')).toMatchObject({ kind: 'axios', configs: ['{}'] });
    expect(match("import type { Got } from 'got'; declare const g: Got; g.post('x');", 'g.post')).toMatchObject({ kind: 'got', method: 'POST' });
    expect(match("import type { KyInstance } from 'ky'; declare const k: KyInstance; k.post('x');", 'k.post')).toMatchObject({ kind: 'ky', method: 'POST' });
  });
});

describe('HTTP_CLIENTS', () => {
  it('indexes every client module of the catalog plus the global fetch', () => {
    expect(HTTP_CLIENTS.modules.sort()).toEqual([...CLIENT_MODULES, 'global'].sort());
    for (const module of ['axios', '@nestjs/axios', 'got', 'ky', 'superagent', 'undici', 'node-fetch', 'http', 'https', 'request', 'request-promise']) {
      expect(CLIENT_MODULES, module).toContain(module);
    }
  });
});
