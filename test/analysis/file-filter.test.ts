import { describe, expect, it } from 'vitest';
import { isBrowserCode, isTestFile, mentionsHttpClient, mentionsProjectPublisher } from '../../src/analysis/file-filter.js';

describe('isTestFile', () => {
  it.each([
    'src/orders.test.ts',
    'src/orders.spec.js',
    'src/orders.e2e.mts',
    'src/orders.test.tsx',
    'src/checkout.cy.ts',
    'src/Button.stories.tsx',
    'src/__tests__/orders.ts',
    'src/__mocks__/axios.ts',
    'test/orders.ts',
    'tests/unit/orders.ts',
    'e2e/checkout.ts',
    'spec/orders.js',
    'cypress/support/commands.ts',
    'playwright/checkout.ts',
    '/repo/services/orders/test/helpers.ts',
    'C:\\repo\\orders\\tests\\helpers.ts',
    'scripts/test-order-flow.js',
    'scripts/seed-all-services.js',
    'services/orders/scripts/backfill.ts',
    'tools/e2e-real-flow.js',
    'tools/smoke_checkout.js',
    'tools/seed-users.js',
    'tools/order-flow-test.js',
    'tools/orders_e2e.mjs',
    'db/seeder-payments.ts',
    'test-kyc-flow.js',
    'tools/test_checkout.mjs',
    'tools/verify-webhook.ts',
    'tools/debug-orders.mjs',
    '.uat/checkout-flow.mjs',
    'uat/run.mjs',
    'smoke-tests/orders.js',
    'k6/load.js',
    'benchmarks/orders.ts',
    'auth-service/EXAMPLES.js',
    'services/orders/example.ts',
    'examples/checkout.mjs',
    'docs/usage-examples/register.js',
    'dev-stack/driver-sim/index.js',
    'tools/iot-simulator/run.js',
  ])('%s is a test file', (filename) => {
    expect(isTestFile(filename)).toBe(true);
  });

  it.each([
    'src/orders.ts',
    'src/latest/orders.ts',
    'src/testing-utils.ts',
    'src/contest/entry.ts',
    'src/attestation.ts',
    'src/specification.ts',
    'src/test-data.ts',
    'services/orders/src/test-connection.ts',
    'src/orders.testing.ts',
    'src/transcripts/orders.ts',
    'src/seedling.ts',
    'src/latest-orders.ts',
    'apps/benchmark-service/src/benchmark/billing.client.ts',
    'src/examples.service.ts',
    'src/example-orders.ts',
    'tools/payments.client.ts',
    'services/agent/src/tools/verify-payment.ts',
    'services/sim-service/src/sims.ts',
    'services/esim/src/activation.ts',
    'src/simple/orders.ts',
    'services/simulation-engine/src/run.ts',
    '',
  ])('%s is not a test file', (filename) => {
    expect(isTestFile(filename)).toBe(false);
  });
});

describe('isBrowserCode', () => {
  it.each([
    ['a directive first', `'use client';\nexport function Pay() {}`],
    ['a directive after a comment line, indented', `// checkout page\n  "use client"\nexport function Pay() {}`],
    ['an import of a UI framework', `import { useState } from 'react';\nexport const x = 1;`],
    ['an import of a browser data-fetching library', `import useSWR from "swr";`],
    ['an import of the Next.js router', `import { useRouter } from 'next/navigation';`],
    ["the browser's storage read", `api.interceptors.request.use((config) => { const token = localStorage.getItem('access_token'); return config; });`],
    ["the browser's session storage written", `sessionStorage.setItem('cart', JSON.stringify(cart));`],
  ])('%s is browser code', (_name, text) => {
    expect(isBrowserCode('src/pay.ts', text)).toBe(true);
  });

  it.each([
    ['the words of the directive inside a line', `const note = 'we use client certificates'; // "use client"`],
    ['a server import whose name starts like a UI framework', `import { render } from 'react-email-server';`],
    ['no import at all', `export const total = 1;`],
    ['a storage of its own named like the browser\'s', `const tokenStorage = new RedisStorage(); await tokenStorage.getItem('t');`],
  ])('%s is not browser code', (_name, text) => {
    expect(isBrowserCode('src/pay.ts', text)).toBe(false);
  });

  it('a component file or a front-end folder is browser code whatever its text', () => {
    expect(isBrowserCode('src/Pay.jsx', '')).toBe(true);
    expect(isBrowserCode('frontend/src/pay.ts', '')).toBe(true);
  });

  it('a folder named for a front end as its last word is browser code', () => {
    expect(isBrowserCode('libs/domains/booking-frontend/infrastructure/src/index.ts', '')).toBe(true);
    expect(isBrowserCode('customer_frontend/src/api.js', '')).toBe(true);
    expect(isBrowserCode('react-web-app/src/api.js', '')).toBe(true);
    expect(isBrowserCode('restaurant-service-frontend/src/api.js', '')).toBe(true);
  });

  it('a folder that only starts with a front-end word may be a server', () => {
    expect(isBrowserCode('frontend-service/src/server.js', '')).toBe(false);
    expect(isBrowserCode('services/frontend-api/src/orders.ts', '')).toBe(false);
    expect(isBrowserCode('services/spa-backend/src/orders.ts', '')).toBe(false);
    expect(isBrowserCode('services/headless-browser/src/render.ts', '')).toBe(false);
  });
});

describe('mentionsHttpClient', () => {
  it.each([
    "import axios from 'axios';",
    'import got from "got";',
    "const { request } = require('node:https');",
    "import type { Dispatcher } from 'undici/types/dispatcher';",
    "import fetch from 'node-fetch';",
    'import superagent from `superagent`;',
    'await fetch(url, { method: "POST" });',
    'await fetch<Order>(url);',
    "await $fetch('/api/orders');",
    'constructor(private readonly http: HttpService) {}',
    'let api: AxiosInstance;',
    "import createClient from 'openapi-fetch';",
    'this.fetchImpl = options.fetch ?? fetch;',
    'type FetchFn = typeof fetch;',
  ])('%s mentions a client', (text) => {
    expect(mentionsHttpClient(text)).toBe(true);
  });

  it.each([
    '',
    'const x = 1;',
    "import axiosRetry from 'axios-retry';",
    "import { prefetch } from './cache'; prefetch(url);",
    'refetch(); fetchOrders();',
    'const orders = fetchOrders; const data = prefetch;',
    "import express from 'express'; app.post('/payments', handler);",
  ])('%s mentions no client', (text) => {
    expect(mentionsHttpClient(text)).toBe(false);
  });
});

describe('mentionsProjectPublisher', () => {
  it.each([
    'producer.send(x)',
    'new OrderCreatedPublisher(client)',
    'this.kafkaService.send(x)',
    'this.rabbitMQService.publish(x)',
    'await emailQueue.add("x", {})',
    'await publishOrderCreated(order)',
    'enqueuePayment(id)',
    'sendToQueue(name, body)',
    'this.messageBus.publish(x)',
    'await dispatchOrderCreated(order)',
  ])('mentions messaging code: %s', (text) => {
    expect(mentionsProjectPublisher(text)).toBe(true);
  });

  it.each(['await order.save()', 'res.send(order)', 'emitter.emit("x")', 'const published = post.publishedAt'])('mentions none: %s', (text) => {
    expect(mentionsProjectPublisher(text)).toBe(false);
  });
});
