/**
 * Code ESLint can parse but that is odd for the rule: it must never crash, and where the odd
 * form still sends a critical cross-service write (optional chaining, dynamic import,
 * `import x = require()`), it is reported like the plain form.
 */
import { describe } from 'vitest';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

const PAYMENTS = ['service "payments"', 'path "/payments"'];

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid('', { name: 'an empty file' }),
      js.valid(
        `
const http = require('http');
const urllib = require('url');

function send(url, options) {
  const parsed = urllib.parse(url);
  const req = http.request({ host: parsed.hostname, path: parsed.path, method: 'POST' }, (res) => {
    if (res.statusCode === 302) return send(urllib.resolve(url, res.headers.location), options);
    return undefined;
  });
  req.end(JSON.stringify(options.body));
}

module.exports = send;
`,
        { name: 'a redirect followed by calling itself with a URL made of its own parameter (no endless lookup)', sourceType: 'commonjs' },
      ),
      js.valid(
        `
// import axios from 'axios';
/* await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment); */
export {};
`,
        { name: 'a file that mentions a client only in comments' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function odd(args, method, url, body, init) {
  await fetch();
  await axios.post();
  await axios.post(...args);
  await axios[method](url, body);
  await fetch(url, ...args);
  await fetch(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, init);
  await axios.post(process.env, body);
  await axios.post(123, body);
  await axios.post(null, body);
  await axios.post(undefined, body);
}
`,
        { name: 'calls with missing, spread, computed, opaque or non-string arguments' },
      ),
      js.valid(
        `
import axios from 'axios';

const a = b;
const b = a;

export async function capture(payment) {
  await axios.post(a + '/payments', payment);
}
`,
        { name: 'consts that refer to each other' },
      ),
      js.valid(
        `
import axios from 'axios';

function getConfig() {
  return getConfig();
}

export async function capture(payment) {
  await axios.post(getConfig().paymentsUrl + '/payments', payment);
}
`,
        { name: 'a config function that returns its own call (no endless lookup)' },
      ),
      js.valid(
        `
import axios from 'axios';

function post(path, body) {
  return this.http.post(path, body);
}

export const capture = (payment) => post('/payments', payment);
export const client = { http: axios };
`,
        { name: 'this outside of any class' },
      ),
      js.valid(
        `
import axios from 'axios';

export class PaymentsCache {
  get client() {
    return axios.create({ baseURL: process.env.PAYMENTS_SERVICE_URL });
  }

  static create() {
    return new PaymentsCache();
  }

  [Symbol.iterator]() {
    return [][Symbol.iterator]();
  }

  async load(id) {
    return this.client.get(\`/payments/\${id}\`);
  }
}
`,
        { name: 'getters, static and computed class members' },
      ),
      js.valid(
        `
import axios from 'axios';
import { call } from 'redux-saga/effects';

export function* capturePayment(action) {
  yield call(axios.post, \`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, action.payment);
}
`,
        { name: 'a client method passed as a value is not called here' },
      ),
      js.valid(
        `
import axios from 'axios';

let terms = '';
for (let index = 0; index < 10; index += 1) terms += index;

export async function deep(payment) {
  await axios.post(${Array.from({ length: 300 }, (_, index) => `'p${index}'`).join(' + ')}, payment);
}
`,
        { name: 'a very long concatenation' },
      ),
      js.valid(
        `
const axios = require('axios');

module.exports = async function capture(payment) {
  return axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/health\`, payment);
};
return;
`,
        { name: 'CommonJS with a top-level return', sourceType: 'commonjs' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios?.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: 'axios?.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios?.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
            // `?.` alone does not use the response
            responseUsed: false,
          }),
        },
        { name: 'optional chaining axios?.post' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post?.(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  await fetch?.(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { method: 'POST', body: JSON.stringify(payment) });
}
`,
        [
          {
            at: 'axios.post',
            request: 'POST /payments',
            service: 'payments',
            evidence: PAYMENTS,
            suggest: rewrite({
              replaced: 'axios.post?.(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
              topic: 'payments.created',
              payload: 'payment',
              // `?.` alone does not use the response
              responseUsed: false,
            }),
          },
          {
            at: 'fetch',
            request: 'POST /payments',
            service: 'payments',
            evidence: PAYMENTS,
            suggest: rewrite({
              replaced: "fetch?.(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { method: 'POST', body: JSON.stringify(payment) })",
              topic: 'payments.created',
              payload: 'payment',
              // `?.` alone does not use the response
              responseUsed: false,
            }),
          },
        ],
        { name: 'optional calls axios.post?.() and fetch?.()' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios['post'](\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: "axios['post']",
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "axios['post'](`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: "a computed member with a string literal: axios['post']" },
      ),
      js.invalid(
        `
export async function capturePayment(payment) {
  const { default: axios } = await import('axios');
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: "const { default: axios } = await import('axios')" },
      ),
      js.invalid(
        `
export async function capturePayment(payment) {
  await (await import('axios')).default.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: "(await import('axios')).default.post",
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "(await import('axios')).default.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: "(await import('axios')).default.post(…)" },
      ),
      js.invalid(
        `
import axios from 'axios';

export default async function (payment) {
  await axios.post(\`\${process.env?.PAYMENTS_SERVICE_URL}/\${'payments'}\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: "axios.post(`${process.env?.PAYMENTS_SERVICE_URL}/${'payments'}`, payment)",
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: 'an anonymous default export, optional chaining inside the URL, a literal in a template hole' },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid('', { name: 'an empty TS file' }),
      ts.valid(
        `
import type { AxiosInstance } from 'axios';

declare module 'axios' {
  interface AxiosRequestConfig {
    idempotencyKey?: string;
  }
}

export abstract class PaymentsPort {
  abstract post(url: string, body: unknown): Promise<void>;
  protected abstract readonly http: AxiosInstance;
}

export namespace Payments {
  export const PATH = '/payments';
}

enum Flags {
  A = 1 << 0,
  B = A | 2,
  C = 'c'.length,
}

export function overloaded(url: string): void;
export function overloaded(url: URL): void;
export function overloaded(_url: string | URL): void {}
`,
        { name: 'declarations without bodies: module augmentation, abstract members, overloads, computed enums' },
      ),
      ts.valid(
        `
import { useState } from 'react';

export function CheckoutButton({ cart }: { cart: { items: string[]; total: number } }) {
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    await fetch('/api/orders', { method: 'POST', body: JSON.stringify(cart) });
    setBusy(false);
  };
  return <button disabled={busy} onClick={submit}>Pay {cart.total}</button>;
}
`,
        { name: 'a TSX component posting to its own backend', filename: 'src/CheckoutButton.tsx' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';

export class Odd {
  #http: HttpService | undefined;

  constructor(private readonly http?: HttpService) {}

  send(method: 'post' | 'put', body: unknown) {
    return this.http?.[method](\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, body);
  }
}
`,
        { name: 'a computed member on an optional HttpService' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import axios = require('axios');

export async function capturePayment(payment: { amount: number }): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: PAYMENTS,
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
            topic: 'payments.created',
            payload: 'payment',
          }),
        },
        { name: "import axios = require('axios')" },
      ),
      ts.invalid(
        `
import axios from 'axios';

export async function capturePayment(payment: { amount: number }): Promise<void> {
  await (axios as typeof axios).post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  await axios!.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        [
          {
            at: '(axios as typeof axios).post',
            request: 'POST /payments',
            service: 'payments',
            evidence: PAYMENTS,
            suggest: rewrite({
              replaced: '(axios as typeof axios).post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
              topic: 'payments.created',
              payload: 'payment',
            }),
          },
          {
            at: 'axios!.post',
            request: 'POST /payments',
            service: 'payments',
            evidence: PAYMENTS,
            suggest: rewrite({
              replaced: 'axios!.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, payment)',
              topic: 'payments.created',
              payload: 'payment',
            }),
          },
        ],
        { name: 'type assertions and non-null on the client' },
      ),
    ],
  });
});
