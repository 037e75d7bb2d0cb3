/**
 * Code that must never be reported, whatever it is named: route definitions of HTTP servers,
 * supertest, local functions called `fetch`/`request`/`post`, maps and caches, reads, and
 * test files and packages that generate fake data (unless `checkTestFiles`).
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import express from 'express';
import axios from 'axios';

const app = express();
const router = express.Router();

app.post('/payments', async (req, res) => {
  const { data } = await axios.get(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${req.body.id}\`);
  res.json(data);
});
router.put('/orders/:id', (req, res) => res.sendStatus(204));
router.delete('/reservations/:id', (req, res) => res.sendStatus(204));
router.patch('/invoices/:id', (req, res) => res.sendStatus(204));
app.use('/api', router);
`,
        { name: 'Express route definitions (app.post, router.put/delete/patch)' },
      ),
      js.valid(
        `
import Fastify from 'fastify';
import axios from 'axios';

const fastify = Fastify({ logger: true });

fastify.post('/payments', async (request, reply) => {
  reply.code(202);
  return { accepted: true, amount: request.body.amount };
});
fastify.delete('/orders/:id', async () => ({ deleted: true }));

export async function healthOfPayments() {
  return axios.get(\`\${process.env.PAYMENTS_SERVICE_URL}/health\`);
}
`,
        { name: 'Fastify routes' },
      ),
      js.valid(
        `
import Koa from 'koa';
import Router from '@koa/router';
import axios from 'axios';

const app = new Koa();
const router = new Router();

router.post('/refunds', async (ctx) => {
  ctx.status = 202;
});
router.put('/wallets/:id/balance', async (ctx) => {
  ctx.body = await axios.get(\`\${process.env.WALLET_SERVICE_URL}/wallets/\${ctx.params.id}\`);
});
app.use(router.routes());
`,
        { name: 'Koa router routes' },
      ),
      js.valid(
        `
import { Hono } from 'hono';

const app = new Hono();

app.post('/orders', async (c) => {
  const order = await c.req.json();
  const stock = await fetch(\`\${process.env.INVENTORY_SERVICE_URL}/stock/\${order.sku}\`);
  return c.json({ id: crypto.randomUUID(), total: order.total, available: (await stock.json()).available }, 201);
});
app.delete('/orders/:id', (c) => c.body(null, 204));

export default { fetch: app.fetch };
`,
        { name: 'Hono routes, and an exported fetch handler' },
      ),
      js.valid(
        `
import request from 'supertest';
import { app } from '../src/app.js';

export async function createsPayment() {
  const response = await request(app).post('/payments').send({ orderId: 'o-1', amount: 1000, currency: 'EUR' });
  const ledgerCalls = await fetch(\`\${process.env.WIREMOCK_URL}/__admin/requests\`);
  return response.status === 201 && (await ledgerCalls.json()).requests.length === 1;
}
`,
        {
          name: 'supertest against the app under test, even when test files are checked',
          filename: 'test/payments.e2e.test.js',
          options: { checkTestFiles: true },
        },
      ),
      js.valid(
        `
import { readFile } from 'node:fs/promises';
import path from 'node:path';

async function fetch(templateName) {
  return readFile(path.join(import.meta.dirname, 'templates', \`\${templateName}.html\`), 'utf8');
}

export async function renderReceipt(order) {
  const template = await fetch('receipt', { method: 'POST', body: JSON.stringify(order) });
  return template.replace('{{total}}', String(order.total));
}
`,
        { name: 'a local function named fetch' },
      ),
      js.valid(
        `
import axios from 'axios';

function request(method, url, body) {
  return { method, url, body, createdAt: Date.now() };
}

export function planPayment(payment) {
  return request('POST', \`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}

export const ping = () => axios.get(\`\${process.env.PAYMENTS_SERVICE_URL}/health\`);
`,
        { name: 'a local function named request' },
      ),
      js.valid(
        `
import axios from 'axios';

const streams = new Map();

function post(res, event, data) {
  res.write(\`event: \${event}\\ndata: \${JSON.stringify(data)}\\n\\n\`);
}

export function publishOrderUpdate(orderId, order) {
  const res = streams.get(orderId);
  if (res) post(res, 'order.updated', { status: order.status, total: order.total });
}

export const load = (id) => axios.get(\`\${process.env.ORDERS_SERVICE_URL}/orders/\${id}\`);
`,
        { name: 'a local function named post that writes server-sent events' },
      ),
      js.valid(
        `
export function createPaymentsClient({ fetch, baseUrl }) {
  return {
    capture: (payment) => fetch(\`\${baseUrl}/payments\`, { method: 'POST', body: JSON.stringify(payment) }),
  };
}
`,
        { name: 'a fetch passed in as a parameter is not the global fetch' },
      ),
      js.valid(
        `
import axios from 'axios';

const pending = new Map();
const seen = new Set();
const idempotency = new Map();

export async function remember(payment) {
  pending.set(payment.id, payment);
  seen.add(payment.id);
  idempotency.set(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
  pending.delete(payment.id);
  seen.delete(payment.id);
  return axios.get(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${payment.id}\`);
}
`,
        { name: 'Map and Set set/delete' },
      ),
      js.valid(
        `
import axios from 'axios';
import { LRUCache } from 'lru-cache';

const balances = new LRUCache({ max: 1000 });

export async function balanceOf(account) {
  const cached = balances.get(account);
  if (cached) return cached;
  const { data } = await axios.get(\`\${process.env.LEDGER_SERVICE_URL}/accounts/\${account}/balance\`);
  balances.set(account, data);
  balances.delete('stale');
  return data;
}
`,
        { name: 'a cache client set/delete' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        { name: 'a *.test.js file is not checked by default', filename: 'src/payments.test.js' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function capturePayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        { name: 'a file under __tests__/ is not checked by default', filename: 'src/__tests__/payments.js' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function createTrip(trip) {
  await axios.post(\`\${process.env.TRIPS_SERVICE_URL}/trips\`, { pricePerKg: trip.pricePerKg, origin: trip.origin });
}
`,
        { name: 'a script named test-… at the repository root is a test run, not checked by default', filename: 'test-kyc-flow.js' },
      ),
      js.valid(
        `
export async function registerPatient() {
  const response = await fetch('http://localhost:4001/auth/register', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'patient@example.com', password: 'secret', role: 'patient' }),
  });
  return response.json();
}
`,
        { name: "a service's usage examples (EXAMPLES.js) are not checked by default", filename: 'auth-service/EXAMPLES.js' },
      ),
    ],
    invalid: [],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import { Body, Controller, Delete, Param, Patch, Post, Put } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';

class CreatePaymentDto {
  orderId!: string;
  amount!: number;
  currency!: string;
}

@Controller('payments')
export class PaymentsController {
  constructor(private readonly http: HttpService) {}

  @Post()
  create(@Body() dto: CreatePaymentDto) {
    return { id: 'pay_1', ...dto };
  }

  @Put(':id')
  replace(@Param('id') id: string, @Body() dto: CreatePaymentDto) {
    return { id, ...dto };
  }

  @Patch(':id/capture')
  capture(@Param('id') id: string) {
    return { id, status: 'captured' };
  }

  @Delete(':id')
  remove(@Param('id') id: string) {
    return { id, deleted: true };
  }
}
`,
        { name: 'NestJS @Post/@Put/@Patch/@Delete route handlers' },
      ),
      ts.valid(
        `
import axios from 'axios';

export async function capturePayment(payment: { amount: number }) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        { name: 'a *.spec.ts file is not checked by default', filename: 'src/payments/payments.service.spec.ts' },
      ),
      ts.valid(
        `
import axios from 'axios';

export async function capturePayment(payment: { amount: number }) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, payment);
}
`,
        { name: 'a *.test.ts file is not checked by default', filename: 'src/payments/payments.test.ts' },
      ),
      ts.valid(
        `
import axios from 'axios';

type Poster = typeof axios.post;

export interface PaymentsPort {
  capture: Poster;
  post(url: string, body: { amount: number }): Promise<void>;
}

export declare function post(url: string, body: unknown): Promise<void>;
`,
        { name: 'types that mention axios.post are not calls' },
      ),
      ts.valid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';

@Injectable()
export class RouteTable {
  private readonly routes = new Map<string, string>();

  constructor(private readonly http: HttpService) {}

  post(path: string, handler: string): this {
    this.routes.set(\`POST \${path}\`, handler);
    return this;
  }

  register(): void {
    this.post('/payments', 'PaymentsController.create').post('/refunds', 'RefundsController.create');
  }
}
`,
        { name: 'a class method named post is a local function, not a request' },
      ),
      ts.valid(
        `
import express, { type Request, type Response } from 'express';
import axios from 'axios';

const app = express();

app.post('/payments', async (req: Request<unknown, unknown, { amount: number }>, res: Response) => {
  const { data } = await axios.get<{ ok: boolean }>(\`\${process.env.FRAUD_SERVICE_URL}/scores/\${req.ip}\`);
  res.status(data.ok ? 201 : 422).json({ amount: req.body.amount });
});
app.put('/wallets/:id/balance', (_req: Request, res: Response) => {
  res.sendStatus(204);
});
`,
        { name: 'Express routes in TS' },
      ),
    ],
    invalid: [],
  });
});

const GENERATOR = `
import axios from 'axios';
import { faker } from '@faker-js/faker';

export async function createOrdersForUser(userId, count) {
  for (let index = 0; index < count; index += 1) {
    await axios.post(\`\${process.env.ORDERS_SERVICE_URL}/orders\`, { userId, total: faker.number.int({ min: 1, max: 500 }) });
  }
}
`;

/** A package that makes fake data against the system and serves nothing. */
const generator = writeProject({ 'package.json': { name: 'generator', private: true, dependencies: { axios: '^1.10.0', '@faker-js/faker': '^9.8.0' } } });
/** A service that also uses a fake-data library (to fill a demo): still a service. */
const service = writeProject({
  'package.json': { name: 'orders-gateway', private: true, dependencies: { axios: '^1.10.0', '@faker-js/faker': '^9.8.0', express: '^5.1.0' } },
});

describe('packages that generate data', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(GENERATOR, {
        filename: path.join(generator, 'src', 'generator-orders.js'),
        name: 'a package that depends on a fake-data library and on no server framework is a data generator, not a service',
      }),
    ],
    invalid: [
      js.invalid(
        GENERATOR,
        {
          at: 'axios.post',
          request: 'POST /orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.ORDERS_SERVICE_URL}/orders`, { userId, total: faker.number.int({ min: 1, max: 500 }) })',
            topic: 'orders.created',
            payload: '{ userId, total: faker.number.int({ min: 1, max: 500 }) }',
          }),
        },
        { filename: path.join(service, 'src', 'generator-orders.js'), name: 'the same code in a package that serves (express) is reported' },
      ),
    ],
  });
});

const DRIVER = `
const ORDERS_URL = 'http://localhost:3004/api/v1/orders';

async function placeOrder(token, items) {
  const response = await fetch(ORDERS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: \`Bearer \${token}\` },
    body: JSON.stringify({ items, total: items.length * 10 }),
  });
  return response.json();
}

module.exports = { placeOrder };
`;

/** DRIVER reported where it is a service's code. */
const DRIVER_REPORTED = {
  at: 'fetch',
  request: 'POST /api/v1/orders',
  service: 'orders',
  evidence: ['service "orders"', 'path "/api/v1/orders"'],
  suggest: rewrite({
    replaced: { from: 'fetch(ORDERS_URL', to: '\n  })' },
    topic: 'orders.created',
    payload: '{ items, total: items.length * 10 }',
    responseUsed: true,
  }),
};

/** A workspace monorepo: its services are the workspaces. */
const monorepo = writeProject({
  'package.json': { name: 'shop', private: true, workspaces: ['order-service', 'payment-service'] },
  'payment-service/package.json': { name: 'payment-service', private: true, dependencies: { express: '^5.1.0' } },
});
/** A repository of one service, its package at the top. */
const singleService = writeProject({ 'package.json': { name: 'payment-service', private: true, dependencies: { express: '^5.1.0' } } });

describe('scripts beside the workspaces of a monorepo', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(DRIVER, {
        sourceType: 'commonjs',
        filename: path.join(monorepo, 'verify.js'),
        name: 'a file at the top of a workspace monorepo (verify.js) drives the services from outside, like a developer script',
      }),
    ],
    invalid: [
      js.invalid(
        DRIVER,
        DRIVER_REPORTED,
        { sourceType: 'commonjs', filename: path.join(monorepo, 'payment-service', 'src', 'orders.js'), name: 'the same code inside a workspace is a service' },
      ),
      js.invalid(
        DRIVER,
        DRIVER_REPORTED,
        { sourceType: 'commonjs', filename: path.join(singleService, 'orders.js'), name: 'the same code at the top of a repository with no workspaces is a service' },
      ),
    ],
  });
});

/** A service whose code lives in src/, with scripts of its developers beside its package.json. */
const serviceWithScripts = writeProject({
  'package.json': { name: 'appointment-service', private: true, main: 'check-server.js', dependencies: { express: '^5.1.0' } },
  'src/server.js': 'export {};\n',
});

describe('scripts at the top of a service package', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(DRIVER, {
        sourceType: 'commonjs',
        filename: path.join(serviceWithScripts, 'verify_fresh_flow.cjs'),
        name: 'a loose verify_ script beside package.json, the code being in src/, is run by hand',
      }),
      js.valid(DRIVER, {
        sourceType: 'commonjs',
        filename: path.join(serviceWithScripts, 'debug-orders.js'),
        name: 'a loose debug- script beside package.json',
      }),
      js.valid(DRIVER, {
        sourceType: 'commonjs',
        filename: path.join(serviceWithScripts, 'create-test-user.js'),
        name: 'a loose script with a test word inside its name (create-test-user.js)',
      }),
    ],
    invalid: [
      js.invalid(DRIVER, DRIVER_REPORTED, {
        sourceType: 'commonjs',
        filename: path.join(serviceWithScripts, 'src', 'verify_orders.js'),
        name: 'the same name inside src/ is the service',
      }),
      js.invalid(DRIVER, DRIVER_REPORTED, {
        sourceType: 'commonjs',
        filename: path.join(serviceWithScripts, 'latest-orders.js'),
        name: 'a test word must stand alone in the name: latest-orders.js is no test script',
      }),
      js.invalid(DRIVER, DRIVER_REPORTED, {
        sourceType: 'commonjs',
        filename: path.join(serviceWithScripts, 'check-server.js'),
        name: 'the package main is the service, whatever its name',
      }),
      js.invalid(DRIVER, DRIVER_REPORTED, {
        sourceType: 'commonjs',
        filename: path.join(singleService, 'verify_orders.js'),
        name: 'a package with no src/ folder keeps its code at the top',
      }),
    ],
  });
});

const OWN_ROUTES = `
const axios = require('axios');

async function acceptRide(rideId, driverId) {
  const { data } = await axios.post(\`\${process.env.RIDE_SERVICE_URL}/rides/\${rideId}/accept\`, { driverId });
  return data;
}

module.exports = { acceptRide };
`;

/** OWN_ROUTES reported where the caller is not the ride service. */
const OWN_ROUTES_REPORTED = {
  at: 'axios.post',
  request: 'POST /rides/{rideId}/accept',
  service: 'ride',
  evidence: ['service "ride"', 'path "/rides/{rideId}/accept"'],
  suggest: rewrite({
    replaced: 'axios.post(`${process.env.RIDE_SERVICE_URL}/rides/${rideId}/accept`, { driverId })',
    topic: 'ride.accept.requested',
    payload: '{ rideId, driverId }',
    responseUsed: true,
  }),
};

/** Services each in a folder of their own, named like their package: the way a service is known. */
const SERVES = { axios: '^1.10.0', express: '^5.1.0' };
const services = writeProject({
  '3-ride-service/package.json': { name: '3-ride-service', private: true, dependencies: SERVES },
  'payment-service/package.json': { name: 'payment-service', private: true, dependencies: SERVES },
  // a package.json copied from a sibling and never renamed: which service this is cannot be told
  'delivery-service/package.json': { name: '3-ride-service', private: true, dependencies: SERVES },
  // a folder named for no service leaves the package's name to say it
  'rides/backend/package.json': { name: 'ride-service', private: true, dependencies: SERVES },
  // a client library named after the service it calls: it serves nothing, so it is not that service
  'libs/ride-backend/package.json': { name: '@shop/ride-backend', private: true, dependencies: { axios: '^1.10.0' } },
});
/** A repository of the ride service alone, checked out into a folder whose name says nothing (`.git` marks the checkout). */
const rideCheckout = writeProject({ '.git/HEAD': 'ref: refs/heads/main\n', 'package.json': { name: 'ride-service', private: true, dependencies: SERVES } });
const rideService = path.join(services, '3-ride-service');
const paymentService = path.join(services, 'payment-service');
const rideClient = path.join(services, 'libs', 'ride-backend');

describe('a service calling its own routes', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(OWN_ROUTES, {
        sourceType: 'commonjs',
        filename: path.join(rideService, 'src', 'controllers', 'ride.controller.js'),
        name: 'the ride service (package 3-ride-service) calling its own route crosses no service',
      }),
      js.valid(OWN_ROUTES, {
        sourceType: 'commonjs',
        filename: path.join(services, 'rides', 'backend', 'src', 'ride.controller.js'),
        name: 'the ride service in a folder named backend, its package named ride-service, calling its own route',
      }),
      js.valid(OWN_ROUTES, {
        sourceType: 'commonjs',
        filename: path.join(rideCheckout, 'src', 'ride.controller.js'),
        name: 'the ride service at the top of its own checkout: the name of the folder it was cloned into is not compared',
      }),
    ],
    invalid: [
      js.invalid(
        OWN_ROUTES,
        OWN_ROUTES_REPORTED,
        { sourceType: 'commonjs', filename: path.join(paymentService, 'src', 'rides.js'), name: 'the same call from another service (payment-service) is reported' },
      ),
      js.invalid(
        OWN_ROUTES,
        OWN_ROUTES_REPORTED,
        {
          sourceType: 'commonjs',
          filename: path.join(rideClient, 'src', 'rides.js'),
          name: 'a client library named after the ride service (@shop/ride-backend, no server framework) is not that service',
        },
      ),
      js.invalid(
        OWN_ROUTES,
        OWN_ROUTES_REPORTED,
        {
          sourceType: 'commonjs',
          filename: path.join(services, 'delivery-service', 'src', 'rides.js'),
          name: 'a package.json named for the ride service in the delivery-service folder (copied, never renamed) is not taken for the ride service',
        },
      ),
    ],
  });
});
