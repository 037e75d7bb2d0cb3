/**
 * A gateway (its package named like one: `api-gateway`, `web-bff`) passing on what its client
 * sent, with the outcome answered to that client, loses nothing of its own. What its client
 * sent includes the body after validation (`schema.parse(body)`, `parse(schema, body)`) and who
 * is asking, read from the incoming request (`await this.sessions.resolve(request)`). The same
 * handler in a service that is not a gateway, or a gateway that computes the write itself, is
 * reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const gateway = writeProject({ 'package.json': { name: 'api-gateway', private: true, dependencies: { '@nestjs/core': '^11.0.0', axios: '^1.7.9' } } });
const orders = writeProject({ 'package.json': { name: 'orders-service', private: true, dependencies: { '@nestjs/core': '^11.0.0', axios: '^1.7.9' } } });

const FORWARD = `
import axios from 'axios';
import { z } from 'zod';

const transferSchema = z.object({ fromAccount: z.string(), toAccount: z.string(), amountMinor: z.number().int() });

export class TransfersController {
  constructor(private readonly sessions: { resolve(request: unknown): Promise<string> }) {}

  async create(body: unknown, request: { headers: Record<string, string> }) {
    const customerId = await this.sessions.resolve(request);
    const data = transferSchema.parse(body);
    const { data: transfer } = await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/transfers\`, { ...data, customerId });
    return transfer;
  }
}
`;

/** FORWARD reported where it is not a gateway's relay. */
const FORWARD_REPORTED = {
  at: 'axios.post',
  request: 'POST /transfers',
  service: 'payments',
  evidence: ['service "payments"', 'path "/transfers"'],
  suggest: rewrite({
    replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/transfers`, { ...data, customerId })',
    topic: 'payments.transfers.created',
    payload: '{ ...data, customerId }',
    responseUsed: true,
  }),
};

const COMPUTED = `
import axios from 'axios';

export class InvoicesController {
  async create(body: { orderId: string; lines: { unitPrice: number; quantity: number }[] }) {
    const total = body.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
    const { data: invoice } = await axios.post(\`\${process.env.BILLING_SERVICE_URL}/invoices\`, { orderId: body.orderId, total });
    return invoice;
  }
}
`;

/** The client's body, checked again against the internal contract, handed down three methods of a client class before it is sent. */
const LAYERED = `
import { z } from 'zod';

const redeemSchema = z.object({ voucherCode: z.string(), accountId: z.string() });
const internalRedeemSchema = redeemSchema.extend({ customerId: z.string(), currency: z.string() });

class PaymentsClient {
  async send(path: string, method: 'GET' | 'POST', options: { body?: unknown } = {}) {
    if (process.env.PAYMENTS_TRANSPORT === 'mesh') return this.sendThroughMesh(path, method, options);
    return this.sendDirect(path, method, options);
  }

  private async sendThroughMesh(path: string, method: 'GET' | 'POST', options: { body?: unknown }) {
    try {
      return await this.sendDirect(path, method, options);
    } catch (error) {
      return this.sendDirect(path, method, options);
    }
  }

  private async sendDirect(path: string, method: 'GET' | 'POST', options: { body?: unknown } = {}) {
    const response = await fetch(new URL(path, process.env.PAYMENTS_SERVICE_URL), {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
    });
    if (!response.ok) throw new Error(\`payments answered \${response.status}\`);
    return response.json();
  }
}

export class VouchersController {
  constructor(
    private readonly payments: PaymentsClient,
    private readonly sessions: { resolve(request: unknown): Promise<string> },
  ) {}

  async redeem(body: unknown, request: { headers: Record<string, string> }) {
    const customerId = await this.sessions.resolve(request);
    const data = redeemSchema.parse(body);
    return this.payments.send('/internal/vouchers/redeem', 'POST', {
      body: internalRedeemSchema.parse({ customerId, accountId: data.accountId, voucherCode: data.voucherCode, currency: 'EUR' }),
    });
  }
}
`;

/** A gateway's own write, made through a helper it keeps to itself: the helper's parameter is what the gateway computed. */
const OWN_HELPER = `
import axios from 'axios';

export class ReferralsService {
  async reward(referrerId: string, orders: { total: number }[]) {
    const bonus = orders.reduce((sum, order) => sum + order.total, 0) * 0.05;
    await this.credit({ userId: referrerId, amount: bonus, reason: 'referral' });
  }

  private async credit(entry: { userId: string; amount: number; reason: string }) {
    await axios.post(\`\${process.env.WALLET_SERVICE_URL}/wallet/credit\`, { user_id: entry.userId, amount: entry.amount, reason: entry.reason });
  }
}
`;

/** A gateway that adds an id of its own making to what it forwards: a saga's or a request's id. */
const WITH_ID = `
import axios from 'axios';
import { randomUUID } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';

export class CheckoutController {
  async start(body: { cartId: string; items: { sku: string; quantity: number }[] }) {
    const { data } = await axios.post(\`\${process.env.ORCHESTRATOR_URL}/saga/orders\`, { sagaId: uuidv4(), requestId: randomUUID(), order: body });
    return data;
  }
}
`;

/** A gateway that writes with what a promise settles with: what it read itself, or the body its client sent. */
const SETTLED = `
import axios from 'axios';

export class OrdersController {
  fromCart(userId: string) {
    return axios
      .get(\`\${process.env.CART_SERVICE_URL}/carts/\${userId}\`)
      .then((cart) => axios.post(\`\${process.env.ORDER_SERVICE_URL}/orders\`, { userId, items: cart.data.items }));
  }

  forward(request: Request) {
    return request.json().then((body) => axios.post(\`\${process.env.ORDER_SERVICE_URL}/orders\`, body));
  }
}
`;

/** A gateway that sets the price of what it creates: the sum is its own, not its client's. */
const OWN_PRICE = `
import axios from 'axios';

export class CareController {
  async subscribe(body: { userId: string; planId: string }) {
    const { data } = await axios.post(\`\${process.env.ORDER_SERVICE_URL}/orders\`, { userId: body.userId.trim(), planId: body.planId, amount: 29, status: 'paid' });
    return data;
  }
}
`;

/** A gateway that writes once for each element of an array: the elements are what the array is. */
const PER_ITEM = `
import axios from 'axios';

export class CheckoutController {
  async forward(body: { items: { sku: string; quantity: number }[] }) {
    body.items.forEach(async (item) => {
      await axios.put(\`\${process.env.INVENTORY_SERVICE_URL}/stock/decrement\`, { sku: item.sku, quantity: item.quantity });
    });
  }

  async fromCart(userId: string) {
    const { data: items } = await axios.get<{ sku: string; quantity: number }[]>(\`\${process.env.CART_SERVICE_URL}/carts/\${userId}\`);
    items.forEach(async (item) => {
      await axios.put(\`\${process.env.INVENTORY_SERVICE_URL}/stock/decrement\`, { sku: item.sku, quantity: item.quantity });
    });
  }
}
`;

/** A Hono gateway route: the caller's id read off its context (`c.get('session')`, set by an auth middleware) and the body it sent. */
const HONO_ROUTE = `
import { Hono } from 'hono';

export function onboardingRoutes(app: Hono) {
  app.post('/api/onboarding/complete', async (c) => {
    const session = c.get('session');
    const body = await c.req.json();
    const response = await fetch(\`\${process.env.USER_SERVICE_URL}/onboarding/complete\`, {
      method: 'POST',
      body: JSON.stringify({ userId: session.userId, ...body }),
    });
    return c.json(await response.json(), response.status);
  });
}
`;

describe('gateways', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(HONO_ROUTE, {
        filename: path.join(gateway, 'src', 'onboarding.routes.ts'),
        name: 'a Hono gateway route passes on the body and the caller read off its context by name (`c.get(\'session\')`)',
      }),
      ts.valid(OWN_PRICE.replace('amount: 29', 'amount: Number(body.planId)'), {
        filename: path.join(gateway, 'src', 'care.controller.ts'),
        name: 'the same with the amount taken from what came relays',
      }),
      ts.valid(WITH_ID, {
        filename: path.join(gateway, 'src', 'checkout.controller.ts'),
        name: 'a gateway forwards the order with ids it made up to follow it (uuidv4(), randomUUID()): still what its client sent',
      }),
      ts.valid(LAYERED, {
        filename: path.join(gateway, 'src', 'vouchers.controller.ts'),
        name: 'a gateway hands the validated body down three methods of its client, and answers with the outcome',
      }),
      ts.valid(FORWARD, {
        filename: path.join(gateway, 'src', 'transfers.controller.ts'),
        name: 'a gateway forwards the validated body and the caller it resolved from the request, and answers with the outcome',
      }),
    ],
    invalid: [
      ts.invalid(
        SETTLED,
        {
          at: 'axios.post',
          request: 'POST /orders',
          service: 'order',
          evidence: ['service "order"', 'path "/orders"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.ORDER_SERVICE_URL}/orders`, { userId, items: cart.data.items })',
            topic: 'order.created',
            payload: '{ userId, items: cart.data.items }',
            responseUsed: true,
          }),
        },
        {
          filename: path.join(gateway, 'src', 'orders.controller.ts'),
          name: 'a gateway that orders what a cart it read settles with owns the write; the body its client sent, once read, it relays',
        },
      ),
      ts.invalid(
        OWN_PRICE,
        {
          at: 'axios.post',
          request: 'POST /orders',
          service: 'order',
          evidence: ['service "order"', 'path "/orders"'],
          suggest: rewrite({
            replaced: "axios.post(`${process.env.ORDER_SERVICE_URL}/orders`, { userId: body.userId.trim(), planId: body.planId, amount: 29, status: 'paid' })",
            topic: 'order.created',
            payload: "{ userId: body.userId.trim(), planId: body.planId, amount: 29, status: 'paid' }",
            responseUsed: true,
          }),
        },
        { filename: path.join(gateway, 'src', 'care.controller.ts'), name: 'a gateway that sets the amount itself (`amount: 29`) owns the write, though the rest is what came' },
      ),
      ts.invalid(
        PER_ITEM,
        {
          at: 'axios.put',
          nth: 2,
          request: 'PUT /stock/decrement',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/stock/decrement"'],
          suggest: rewrite({
            replaced: 'axios.put(`${process.env.INVENTORY_SERVICE_URL}/stock/decrement`, { sku: item.sku, quantity: item.quantity })',
            topic: 'inventory.stock.decrement.updated',
            payload: '{ sku: item.sku, quantity: item.quantity }',
            nth: 2,
          }),
        },
        {
          filename: path.join(gateway, 'src', 'checkout.controller.ts'),
          name: 'a gateway that writes for each item of a cart it read itself owns the writes; the items its client sent it relays',
        },
      ),
      ts.invalid(
        FORWARD,
        FORWARD_REPORTED,
        { filename: path.join(orders, 'src', 'transfers.controller.ts'), name: 'the same handler in a service that is not a gateway' },
      ),
      ts.invalid(
        WITH_ID,
        {
          at: 'axios.post',
          request: 'POST /saga/orders',
          service: 'orchestrator',
          evidence: ['path "/saga/orders"', 'class "CheckoutController"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.ORCHESTRATOR_URL}/saga/orders`, { sagaId: uuidv4(), requestId: randomUUID(), order: body })',
            topic: 'orchestrator.saga.orders.created',
            payload: '{ sagaId: uuidv4(), requestId: randomUUID(), order: body }',
            responseUsed: true,
          }),
        },
        { filename: path.join(orders, 'src', 'checkout.controller.ts'), name: 'the same forward with made-up ids in a service that is not a gateway' },
      ),
      ts.invalid(
        COMPUTED,
        {
          at: 'axios.post',
          request: 'POST /invoices',
          service: 'billing',
          evidence: ['service "billing"', 'path "/invoices"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/invoices`, { orderId: body.orderId, total })',
            topic: 'billing.invoices.created',
            payload: '{ orderId: body.orderId, total }',
            responseUsed: true,
          }),
        },
        { filename: path.join(gateway, 'src', 'invoices.controller.ts'), name: 'a gateway that computes the total itself owns the write' },
      ),
      ts.invalid(
        OWN_HELPER,
        {
          at: 'axios.post',
          request: 'POST /wallet/credit',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallet/credit"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.WALLET_SERVICE_URL}/wallet/credit`, { user_id: entry.userId, amount: entry.amount, reason: entry.reason })',
            topic: 'wallet.credit.requested',
            payload: '{ user_id: entry.userId, amount: entry.amount, reason: entry.reason }',
          }),
        },
        {
          filename: path.join(gateway, 'src', 'referrals.service.ts'),
          name: 'a gateway whose private helper is handed what it computed (a bonus) owns the write: the parameter is not what its client sent',
        },
      ),
    ],
  });
});

/** A workspace whose cart service kept the package.json it was copied from: named `api-gateway`, in services/cart. */
const copiedManifest = writeProject({
  'package.json': { name: 'shop', private: true, workspaces: ['services/*'] },
  'services/cart/package.json': { name: 'api-gateway', private: true, dependencies: { axios: '^1.7.9' } },
  'services/gateway/package.json': { name: 'api-gateway', private: true, dependencies: { axios: '^1.7.9' } },
});

/** A gateway kept, on its own, in a user's folder named services: the folder is the user's, not the repository's. */
const keptInServices = writeProject({ 'services/edge/package.json': { name: 'api-gateway', private: true, dependencies: { axios: '^1.7.9' } } });

describe('packages in a folder of services', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(FORWARD, {
        filename: path.join(keptInServices, 'services', 'edge', 'src', 'transfers.controller.ts'),
        name: 'a package at the top of its repository keeps its package.json name, whatever folder the user keeps it in',
      }),
      ts.valid(FORWARD, {
        filename: path.join(copiedManifest, 'services', 'gateway', 'src', 'transfers.controller.ts'),
        name: 'services/gateway is a gateway by its folder',
      }),
    ],
    invalid: [
      ts.invalid(FORWARD, FORWARD_REPORTED, {
        filename: path.join(copiedManifest, 'services', 'cart', 'src', 'transfers.controller.ts'),
        name: 'services/cart is the cart service, whatever name its copied package.json keeps',
      }),
    ],
  });
});

/** Services that act for an operator or a user through pages of their own relay like a gateway. */
const admin = writeProject({ 'package.json': { name: 'admin-service', private: true, dependencies: { axios: '^1.7.9' } } });
const services = writeProject({
  'package.json': { name: 'volunteer-platform', private: true, workspaces: ['services/*'] },
  'services/dashboard/package.json': { name: 'volunteer-dashboard', private: true, dependencies: { axios: '^1.7.9' } },
});

/** An admin service that keeps a database of its own (a TypeORM or Mongoose dependency) is a service like the others. */
const adminWithDatabase = writeProject({ 'package.json': { name: 'admin-service', private: true, dependencies: { axios: '^1.7.9', '@nestjs/typeorm': '^11.0.0', typeorm: '^0.3.20' } } });
const adminWithCache = writeProject({ 'package.json': { name: 'admin-service', private: true, dependencies: { axios: '^1.7.9', ioredis: '^5.4.0' } } });

describe('back offices and dashboards', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(FORWARD, { filename: path.join(admin, 'src', 'transfers.controller.ts'), name: 'an admin service relays for its operator' }),
      ts.valid(FORWARD, {
        filename: path.join(services, 'services', 'dashboard', 'src', 'transfers.controller.ts'),
        name: 'a dashboard service of a workspace relays for its user',
      }),
      ts.valid(FORWARD, { filename: path.join(adminWithCache, 'src', 'transfers.controller.ts'), name: 'an admin service with only a cache (Redis) still relays' }),
    ],
    invalid: [
      ts.invalid(FORWARD, FORWARD_REPORTED, {
        filename: path.join(adminWithDatabase, 'src', 'transfers.controller.ts'),
        name: 'an admin service with a database of its own owns what it writes',
      }),
      ts.invalid(FORWARD, FORWARD_REPORTED, {
        filename: path.join(orders, 'src', 'dashboard', 'transfers.controller.ts'),
        name: 'a dashboard folder inside a service is not a service of its own',
      }),
    ],
  });
});

/** A client class of an admin service: what it sends is whatever its callers hand it. */
const BILLING_CLIENT = `
import axios from 'axios';

export class BillingClient {
  async grant(params: { userId: string; amount: number; idempotencyKey: string }) {
    await axios.post(\`\${process.env.BILLING_SERVICE_URL}/points/grant\`, params);
  }
}
`;

/** The client's only caller builds the grant itself: a key of its own, an amount from the operator. */
const adminComputes = writeProject({
  'package.json': { name: 'admin-service', private: true, dependencies: { axios: '^1.7.9' } },
  'src/billing.client.ts': BILLING_CLIENT,
  'src/users.service.ts': `import { randomUUID } from 'node:crypto';
import { BillingClient } from './billing.client';

export class UsersService {
  constructor(private readonly billing: BillingClient) {}

  async grantPoints(userId: string, dto: { amount: number }) {
    await this.billing.grant({ userId, amount: dto.amount, idempotencyKey: \`admin-grant:\${userId}:\${randomUUID()}\` });
  }
}
`,
});

/** The client's only caller hands it what the operator sent, as it came. */
const adminForwards = writeProject({
  'package.json': { name: 'admin-service', private: true, dependencies: { axios: '^1.7.9' } },
  'src/billing.client.ts': BILLING_CLIENT,
  'src/users.service.ts': `import { BillingClient } from './billing.client';

export class UsersService {
  constructor(private readonly billing: BillingClient) {}

  async grantPoints(dto: { userId: string; amount: number; idempotencyKey: string }) {
    await this.billing.grant(dto);
  }
}
`,
});

describe('client classes of a back office', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(BILLING_CLIENT, {
        filename: path.join(adminForwards, 'src', 'billing.client.ts'),
        name: 'a public method of an admin client whose every caller passes on what the operator sent relays',
      }),
    ],
    invalid: [
      ts.invalid(
        BILLING_CLIENT,
        {
          at: 'axios.post',
          request: 'POST /points/grant',
          service: 'billing',
          evidence: ['service "billing"', 'path "/points/grant"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/points/grant`, params)',
            topic: 'billing.points.grant.created',
            payload: 'params',
          }),
        },
        {
          filename: path.join(adminComputes, 'src', 'billing.client.ts'),
          name: 'a public method of an admin client whose caller in another module builds the write owns it, reported in the client',
        },
      ),
    ],
  });
});

/** A checkout whose folder the user named like a gateway: the folder's name says nothing of the project. */
const checkout = writeProject({ 'package.json': { name: 'orders-service', private: true, dependencies: { axios: '^1.7.9' } }, '.git/HEAD': 'ref: refs/heads/main\n' });
const renamed = path.join(path.dirname(checkout), `api-gateway-${path.basename(checkout)}`);

describe('the folder of a checkout', () => {
  beforeAll(() => {
    fs.renameSync(checkout, renamed);
  });
  afterAll(() => {
    fs.rmSync(renamed, { recursive: true, force: true });
  });

  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(
        FORWARD,
        FORWARD_REPORTED,
        {
          filename: path.join(renamed, 'src', 'transfers.controller.ts'),
          name: 'a service checked out into a folder named api-gateway-… is not a gateway',
        },
      ),
    ],
  });
});

/** A Koa gateway that parses the sign-up form out of the raw request and passes its fields on. */
const KOA_SIGN_UP = (parsed: string) => `
import axios from 'axios';
import { getFiles } from './forms';

export const signUp = () => async (ctx: { req: unknown; body: unknown }) => {
  const { fields = {} } = await getFiles(${parsed});
  const { data } = await axios.post(\`\${process.env.IDENTITY_SERVICE_URL}/sign-up\`, fields);
  ctx.body = { success: true, data };
};
`;

describe('what a gateway parses out of the incoming request', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(KOA_SIGN_UP("ctx['req']"), {
        filename: path.join(gateway, 'src', 'sign-up.ts'),
        name: "a form parsed out of Koa's raw request (`ctx.req`) and passed on",
      }),
    ],
    invalid: [
      ts.invalid(
        KOA_SIGN_UP('ctx.body'),
        {
          at: 'axios.post',
          request: 'POST /sign-up',
          service: 'identity',
          evidence: ['account created (sign-up)'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.IDENTITY_SERVICE_URL}/sign-up`, fields)',
            topic: 'identity.sign-up.created',
            payload: 'fields',
            responseUsed: true,
          }),
        },
        { filename: path.join(gateway, 'src', 'sign-up.ts'), name: 'a form parsed out of something else the gateway holds is its own' },
      ),
    ],
  });
});

/** A GraphQL gateway's resolver passing a client's mutation on: the document written out, the variables from the arguments. */
const GRAPHQL_FORWARD = `
import axios from 'axios';

const MANIFEST_SERVICE_URL = process.env.MANIFEST_SERVICE_URL || 'http://localhost:4003';

async function forwardRequest(serviceUrl: string, query: string, variables = {}) {
  const response = await axios.post(\`\${serviceUrl}/graphql\`, { query, variables });
  return response.data.data;
}

export const resolvers = {
  Mutation: {
    createShipment: async (_parent: unknown, args: { orderId: string; weight: number }) => {
      const query = \`
        mutation($orderId: ID!, $weight: Float!) {
          createShipment(orderId: $orderId, weight: $weight) { id }
        }
      \`;
      const data = await forwardRequest(MANIFEST_SERVICE_URL, query, { orderId: args.orderId, weight: args.weight });
      return data.createShipment;
    },
  },
};
`;

describe("a GraphQL gateway passing a client's mutation on", () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(GRAPHQL_FORWARD, {
        filename: path.join(gateway, 'src', 'resolvers.ts'),
        name: 'a mutation document written out, with the variables the client sent, is passed on as it came',
      }),
    ],
    invalid: [
      ts.invalid(
        GRAPHQL_FORWARD,
        {
          at: 'forwardRequest',
          within: 'await forwardRequest(MANIFEST_SERVICE_URL',
          request: 'POST /graphql',
          service: 'manifest',
          via: ['forwardRequest'],
          evidence: ['mutation "createShipment"', 'function "createShipment"'],
          suggest: rewrite({
            replaced: 'forwardRequest(MANIFEST_SERVICE_URL, query, { orderId: args.orderId, weight: args.weight })',
            topic: 'manifest.graphql.created',
            payload: '/* TODO: the data this request carried */ {}',
            responseUsed: true,
          }),
        },
        { filename: path.join(orders, 'src', 'resolvers.ts'), name: 'the same resolver in a service that is not a gateway' },
      ),
    ],
  });
});

/** A NestJS gateway's handler that names who is asking from a header the framework hands it. */
const HEADER_CALLER = (decorator: string) => `
import axios from 'axios';
import { Body, Controller, Headers, Post } from '@nestjs/common';

function userIdFromAuthorization(authorization?: string): string | undefined {
  return authorization?.split('.')[1];
}

@Controller()
export class GatewayController {
  @Post('orders')
  async placeOrder(@Body() body: { side: string; price: number; quantity: number }, ${decorator}authorization?: string) {
    const userId = userIdFromAuthorization(authorization);
    const { data } = await axios.post(\`\${process.env.TRADING_SERVICE_URL}/orders\`, { userId, side: body.side, price: body.price, quantity: body.quantity });
    return data;
  }
}
`;

describe('who is asking, read from a header the framework hands the handler', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(HEADER_CALLER("@Headers('authorization') "), {
        filename: path.join(gateway, 'src', 'gateway.controller.ts'),
        name: '`@Headers(…)`: the caller, as the incoming request names it',
      }),
    ],
    invalid: [
      ts.invalid(
        HEADER_CALLER(''),
        {
          at: 'axios.post',
          request: 'POST /orders',
          service: 'trading',
          evidence: ['path "/orders"', 'payload key "price"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.TRADING_SERVICE_URL}/orders`, { userId, side: body.side, price: body.price, quantity: body.quantity })',
            topic: 'trading.orders.created',
            payload: '{ userId, side: body.side, price: body.price, quantity: body.quantity }',
            responseUsed: true,
          }),
        },
        { filename: path.join(gateway, 'src', 'gateway.controller.ts'), name: 'a parameter the framework does not fill from the request is the gateway’s own' },
      ),
    ],
  });
});
