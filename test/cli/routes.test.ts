/**
 * Route discovery and matching: which handler of the repository receives a request, with
 * its full path (prefixes, mounts across files, NestJS global prefix and versions) and what
 * it does against a duplicate delivery. Small in-memory services for each framework shape,
 * and the layout fixtures under fixtures/map.
 */
import path from 'node:path';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { createFileResolver, loadProject } from '../../src/cli/code/project.js';
import type { Receiver } from '../../src/cli/model/types.js';
import { normalizeServiceName, ReceiverFinder } from '../../src/cli/routes/receivers.js';
import { fitPath } from '../../src/cli/routes/route-path.js';
import { detectServices } from '../../src/cli/services/services.js';
import { ModuleResolver } from '../../src/project/resolution/module-resolver.js';
import { listSourceFiles, toPosixRelative } from '../../src/project/workspace/files.js';
import { WorkspaceFinder } from '../../src/project/workspace/workspaces.js';
import { REPO_ROOT } from './helpers.js';

/** A finder over in-memory files of one service, `svc`. */
function inMemory(files: Record<string, string>): ReceiverFinder {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, experimentalDecorators: true } });
  for (const [name, text] of Object.entries(files)) project.createSourceFile(`/repo/svc/${name}`, text);
  const resolveRequire = (fromFile: string, specifier: string): string | undefined => {
    const base = path.posix.resolve(path.posix.dirname(fromFile), specifier);
    return ['', '.js', '.ts', '/index.js'].map((extension) => base + extension).find((candidate) => project.getSourceFile(candidate) !== undefined);
  };
  return new ReceiverFinder({
    project,
    services: { source: 'config', services: [{ name: 'svc', paths: ['svc'] }] },
    resolveRequire,
    relative: (absolute) => path.posix.relative('/repo', absolute),
  });
}

/** `METHOD path file:line [guards]` of the handlers a request reaches, or the status. */
function describe_(receiver: Receiver): string[] {
  if (receiver.status !== 'matched') return [receiver.status];
  return receiver.handlers.map((handler) => `${handler.method} ${handler.path} ${handler.file}:${handler.line}${handler.guards.map((guard) => ` [${guard.kind}: ${guard.detail}]`).join('')}`);
}

function onFixture(name: string): ReceiverFinder {
  const root = path.join(REPO_ROOT, 'fixtures/map', name);
  const resolver = new ModuleResolver(new WorkspaceFinder());
  return new ReceiverFinder({
    project: loadProject(root, listSourceFiles(root), resolver),
    services: detectServices(root),
    resolveRequire: createFileResolver(root, resolver),
    relative: (absolute) => toPosixRelative(root, absolute),
  });
}

describe('fitPath', () => {
  it.each([
    ['/payments', '/payments', { literals: 1, partial: false }],
    ['/payments/{paymentId}/refunds', '/payments/:id/refunds', { literals: 2, partial: false }],
    ['/Payments/', '/payments', { literals: 1, partial: false }],
    ['/files/a/b', '/files/*', { literals: 1, partial: false }],
    ['/payments?expand=true', '/payments', { literals: 1, partial: false }],
    ['/orders/{id}', '/orders/{orderId}', { literals: 1, partial: false }],
  ])('%s fits %s', (request, route, fit) => {
    expect(fitPath(request, route, false)).toEqual(fit);
  });

  it.each([
    ['/payments', '/refunds'],
    ['/payments/{id}', '/payments/pending'],
    ['/payments/1/refunds', '/payments/:id'],
    ['/{base}/payments', '/api/payments'],
  ])('%s does not fit %s', (request, route) => {
    expect(fitPath(request, route, false)).toBeUndefined();
  });

  it('lines up the ends of paths when one side shows a prefix the other does not', () => {
    expect(fitPath('/api/v2/payments', '/payments', true)).toEqual({ literals: 1, partial: true });
    expect(fitPath('/payments', '/internal/payments', true)).toEqual({ literals: 1, partial: true });
    expect(fitPath('/api/v2/payments', '/payments', false)).toBeUndefined();
  });
});

describe('normalizeServiceName', () => {
  it.each([
    ['payments', 'payment'],
    ['payment-service', 'payment'],
    ['@shop/Payments-API', 'payment'],
    ['inventory_svc', 'inventory'],
    ['deliveries', 'delivery'],
    ['order-service-api', 'order'],
  ])('%s → %s', (name, normalized) => {
    expect(normalizeServiceName(name)).toBe(normalized);
  });
});

describe('Express, Koa, Fastify and Hono routes', () => {
  it('Express: a router mounted under a prefix in another file, by import and by require', () => {
    const finder = inMemory({
      'routes/orders.ts': `import { Router } from 'express';\nexport const orders = Router();\norders.post('/orders', async (req, res) => { res.sendStatus(201); });\n`,
      'routes/refunds.js': `const express = require('express');\nconst router = express.Router();\nrouter.route('/refunds/:id').put((req, res) => res.end());\nmodule.exports = router;\n`,
      'app.ts': `import express from 'express';\nimport { orders } from './routes/orders';\nconst app = express();\napp.use('/api', orders);\napp.use('/api/v2', require('./routes/refunds'));\n`,
    });
    expect(describe_(finder.find('svc', 'POST', '/api/orders'))).toEqual(['POST /api/orders svc/routes/orders.ts:3']);
    expect(describe_(finder.find('svc', 'PUT', '/api/v2/refunds/{refundId}'))).toEqual(['PUT /api/v2/refunds/:id svc/routes/refunds.js:3']);
    expect(finder.routeLabelsAt('svc/routes/orders.ts', 3)).toEqual(['POST /api/orders']);
  });

  it('Koa: the router prefix, and routes mounted with router.routes()', () => {
    const finder = inMemory({
      'server.js': `const Router = require('@koa/router');\nconst router = new Router({ prefix: '/stock' });\nrouter.post('/reservations', async (ctx) => { ctx.status = 201; });\nconst api = new Router();\napi.use('/v1', router.routes());\n`,
    });
    expect(describe_(finder.find('svc', 'POST', '/v1/stock/reservations'))).toEqual(['POST /v1/stock/reservations svc/server.js:3']);
  });

  it('Fastify: a plugin registered with a prefix, and route options', () => {
    const finder = inMemory({
      'routes.ts': `export default async function routes(fastify) {\n  fastify.route({ method: ['POST', 'PUT'], url: '/charges', handler: async () => ({}) });\n}\n`,
      'server.ts': `import Fastify from 'fastify';\nimport routes from './routes';\nconst app = Fastify();\napp.register(routes, { prefix: '/billing' });\n`,
    });
    expect(describe_(finder.find('svc', 'PUT', '/billing/charges'))).toEqual(['PUT /billing/charges svc/routes.ts:2']);
  });

  it('Hono: basePath and sub-apps mounted with route()', () => {
    const finder = inMemory({
      'main.ts': `import { Hono } from 'hono';\nconst entries = new Hono();\nentries.post('/:id/reversals', (c) => c.json({}));\nconst app = new Hono().basePath('/ledger');\napp.route('/entries', entries);\n`,
    });
    expect(describe_(finder.find('svc', 'POST', '/ledger/entries/{entryId}/reversals'))).toEqual(['POST /ledger/entries/:id/reversals svc/main.ts:3']);
  });

  it('an HTTP client call with a path is not a route', () => {
    const finder = inMemory({ 'client.ts': `import axios from 'axios';\nexport const pay = () => axios.post('/payments', { amount: 1 });\n` });
    expect(finder.find('svc', 'POST', '/payments')).toEqual({ status: 'no-route', service: 'svc', routes: 0 });
  });

  it('a service not in the repository, and a method no route takes', () => {
    const finder = inMemory({ 'app.js': `const app = require('express')();\napp.get('/payments', (req, res) => res.json([]));\n` });
    expect(finder.find('billing', 'POST', '/payments')).toEqual({ status: 'outside-repository', service: 'billing' });
    expect(finder.find('svc', 'POST', '/payments')).toEqual({ status: 'no-route', service: 'svc', routes: 1 });
  });
});

describe('NestJS controllers', () => {
  const controller = `import { Controller, Post, Put, Version, Headers } from '@nestjs/common';
@Controller({ path: 'payments', version: '1' })
export class PaymentsController {
  @Post()
  capture(@Headers('Idempotency-Key') key: string) { return key; }

  @Version('2')
  @Put([':id', ':id/capture'])
  update() { return 1; }
}
`;

  it('global prefix, URI versioning from the controller and from @Version, several paths', () => {
    const finder = inMemory({
      'payments.controller.ts': controller,
      'main.ts': `import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create({});\n  app.setGlobalPrefix('api');\n  app.enableVersioning({ type: VersioningType.URI });\n}\n`,
    });
    expect(describe_(finder.find('svc', 'POST', '/api/v1/payments'))).toEqual([
      'POST /api/v1/payments svc/payments.controller.ts:4 [idempotency-header: reads header "idempotency-key"]',
    ]);
    expect(describe_(finder.find('svc', 'PUT', '/api/v2/payments/{id}/capture'))).toEqual(['PUT /api/v2/payments/:id/capture svc/payments.controller.ts:7']);
  });

  it('without versioning, the version is not part of the path', () => {
    const finder = inMemory({ 'payments.controller.ts': controller });
    expect(describe_(finder.find('svc', 'POST', '/payments'))).toEqual(['POST /payments svc/payments.controller.ts:4 [idempotency-header: reads header "idempotency-key"]']);
  });
});

describe('duplicate-delivery guards', () => {
  it.each([
    ['an upsert in a called function', `async function save(p) { await db.payment.upsert({ where: { orderId: p.orderId }, create: p, update: {} }); }\napp.post('/x', async (req, res) => { await save(req.body); res.end(); });\n`, 'upsert: upserts (upsert)'],
    ['a duplicate-key error caught', `app.post('/x', async (req, res) => {\n  try { await insert(req.body); } catch (err) { if (err.code === '23505') return res.sendStatus(200); throw err; }\n});\n`, 'unique-key: relies on a unique key (duplicate-key error 23505)'],
    ['an existing record returned early', `app.post('/x', async (req, res) => {\n  const existing = await repo.findOneBy({ orderId: req.body.orderId });\n  if (existing) return res.json(existing);\n  res.status(201).json(await repo.save(req.body));\n});\n`, 'unique-key: checks for an existing record by orderId'],
    ['processed request ids', `const processedRequests = new Set();\napp.post('/x', (req, res) => {\n  if (processedRequests.has(req.get('x-request-id'))) return res.sendStatus(200);\n  res.sendStatus(201);\n});\n`, 'processed-ids: records processed requests (processedRequests)'],
  ])('%s', (_name, code, guard) => {
    const finder = inMemory({ 'app.js': `const app = require('express')();\n${code}` });
    const receiver = finder.find('svc', 'POST', '/x');
    expect(receiver.status === 'matched' ? receiver.handlers.flatMap((handler) => handler.guards.map((each) => `${each.kind}: ${each.detail}`)) : []).toEqual([guard]);
  });

  it('a plain insert, a not-found check and a comment are no guard', () => {
    const finder = inMemory({
      'app.js': `const app = require('express')();\napp.post('/x', async (req, res) => {\n  // upsert() would be better\n  const user = await users.findOneBy({ userId: req.body.userId });\n  if (!user) return res.sendStatus(404);\n  await orders.insert(req.body);\n  res.sendStatus(201);\n});\n`,
    });
    expect(finder.find('svc', 'POST', '/x')).toMatchObject({ status: 'matched', handlers: [{ guards: [] }] });
  });
});

describe('the layout fixtures', () => {
  it('js-services: Express mount by require, Koa prefix, Fastify plugin', () => {
    const finder = onFixture('js-services');
    expect(describe_(finder.find('payments', 'POST', '/payments'))).toEqual(['POST /payments payments/src/routes.js:5 [idempotency-header: reads header "idempotency-key"]']);
    expect(describe_(finder.find('inventory', 'POST', '/stock/reservations'))).toEqual(['POST /stock/reservations inventory/src/server.js:10']);
    expect(finder.routeLabelsAt('orders/src/routes/checkout.js', 10)).toEqual(['POST /api/checkout']);
  });

  it('ts-per-service: NestJS global prefix and version, Hono upsert', () => {
    const finder = onFixture('ts-per-service');
    expect(describe_(finder.find('payments', 'POST', '/api/v1/payments'))).toEqual([
      'POST /api/v1/payments payments/src/payments.controller.ts:8 [idempotency-header: reads header "idempotency-key"] [unique-key: looks the request up by its idempotency key (findByIdempotencyKey)]',
    ]);
    expect(describe_(finder.find('ledger', 'POST', '/entries'))).toEqual(['POST /entries ledger/src/main.ts:12 [upsert: upserts (ON CONFLICT (payment_id) DO NOTHING)]']);
  });
});
