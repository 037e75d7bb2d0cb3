/**
 * A client class whose address is given where it is built: a composition root that builds its
 * one instance to hand on (`new OrderService(new HttpProductClient(new HttpClient({ baseURL:
 * env.PRODUCT_SERVICE_URL })))`), or a module of instances that exports it. Whoever calls its methods does not know how it was built, so
 * with the project layer its methods run with that construction's arguments and the request is
 * reported in the class's own file. Built twice, built by a container (a decorated class), or
 * built by a module that calls the instance itself (reported there instead): nothing changes.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const PACKAGE = { name: 'order-service', private: true, dependencies: { axios: '^1.7.9', express: '^4.21.0' } };

const HTTP_CLIENT = `import axios, { type AxiosInstance } from 'axios';

export class HttpClient {
  private readonly http: AxiosInstance;

  constructor(options: { baseURL: string; serviceName: string }) {
    this.http = axios.create({ baseURL: options.baseURL, headers: { 'x-service': options.serviceName } });
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    const { data } = await this.http.patch<T>(path, body);
    return data;
  }
}
`;

/** The linted module: the client class, given its HttpClient by constructor. */
const PRODUCT_CLIENT = `import { HttpClient } from '../http/HttpClient';

export class HttpProductClient {
  constructor(private readonly httpClient: HttpClient) {}

  async reserveStock(productId: string, quantity: number): Promise<void> {
    await this.httpClient.patch(\`/products/\${productId}/reserve\`, { quantity });
  }
}
`;

const ORDER_SERVICE = `import type { HttpProductClient } from '../clients/HttpProductClient';

export class OrderService {
  constructor(private readonly products: HttpProductClient) {}

  async place(productId: string, quantity: number) {
    await this.products.reserveStock(productId, quantity);
  }
}
`;

const ROOT = (url: string, extra = '') => `import { HttpClient } from '../http/HttpClient';
import { HttpProductClient } from '../clients/HttpProductClient';
import { OrderService } from '../services/OrderService';

export function createOrderModule() {
  const productHttpClient = new HttpClient({ baseURL: ${url}, serviceName: 'product-service' });
  const productClient = new HttpProductClient(productHttpClient);${extra}
  return new OrderService(productClient);
}
`;

const LINTED = 'src/clients/HttpProductClient.ts';

function project(root: string, client = PRODUCT_CLIENT, more: Record<string, string> = {}): string {
  const folder = writeProject({
    'package.json': PACKAGE,
    'src/http/HttpClient.ts': HTTP_CLIENT,
    [LINTED]: client,
    'src/services/OrderService.ts': ORDER_SERVICE,
    'src/modules/orderModule.ts': root,
    ...more,
  });
  return path.join(folder, LINTED);
}

/** The composition root importing the class through a barrel, src/clients/index.ts, that holds `barrel`. */
const throughBarrel = (barrel: string, name = 'HttpProductClient'): string =>
  project(
    ROOT('process.env.PRODUCT_SERVICE_URL')
      .replace("import { HttpProductClient } from '../clients/HttpProductClient';", `import { ${name} } from '../clients';`)
      .replace('new HttpProductClient(', `new ${name}(`),
    PRODUCT_CLIENT,
    { 'src/clients/index.ts': barrel },
  );

const REPORTED = {
  at: 'this.httpClient.patch',
  request: 'PATCH /products/{productId}/reserve',
  service: 'product',
  evidence: ['path "/products/{productId}/reserve"', 'transition "reserve"'],
  via: ['HttpClient.patch'],
  suggest: rewrite({
    replaced: 'this.httpClient.patch(`/products/${productId}/reserve`, { quantity })',
    topic: 'product.reserve.requested',
    payload: '{ productId, quantity }',
  }),
};

describe('a client class built once, in a composition root', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(PRODUCT_CLIENT, {
        filename: project(ROOT('process.env.PRODUCT_SERVICE_URL', "\n  const backup = new OrderService(new HttpProductClient(new HttpClient({ baseURL: 'https://backup.example.com', serviceName: 'backup' })));")),
        name: 'built twice: which address a call uses is not known',
      }),
      ts.valid(PRODUCT_CLIENT, {
        filename: project(ROOT("'https://api.stripe.com'")),
        name: 'built once with the address of a third party',
      }),
      ts.valid(PRODUCT_CLIENT, {
        filename: project(
          `import { HttpClient } from '../http/HttpClient';
import { HttpProductClient } from '../clients/HttpProductClient';

export async function restock(productId: string) {
  const products = new HttpProductClient(new HttpClient({ baseURL: process.env.PRODUCT_SERVICE_URL!, serviceName: 'product-service' }));
  await products.reserveStock(productId, 1);
}
`,
        ),
        name: 'built by a module that calls the instance itself: reported there, not in the class',
      }),
      ts.valid(`import { Injectable } from '@nestjs/common';\n${PRODUCT_CLIENT.replace('export class', '@Injectable()\nexport class')}`, {
        filename: project(ROOT('process.env.PRODUCT_SERVICE_URL'), `import { Injectable } from '@nestjs/common';\n${PRODUCT_CLIENT.replace('export class', '@Injectable()\nexport class')}`),
        name: 'a decorated class is built by its container',
      }),
      ts.valid(PRODUCT_CLIENT, {
        filename: throughBarrel("export * as clients from './HttpProductClient';\nexport const HttpProductClient = clients.HttpProductClient;\n"),
        name: 'passed on by a barrel as a namespace: its uses are out of sight',
      }),
      ts.valid(PRODUCT_CLIENT, {
        filename: path.join(
          writeProject({
            'package.json': { name: 'shop', private: true, workspaces: ['apps/*'] },
            'src/http/HttpClient.ts': HTTP_CLIENT,
            [LINTED]: PRODUCT_CLIENT,
            'apps/web/package.json': { name: 'web', private: true, dependencies: { next: '^15.0.0', react: '^19.0.0' } },
            'apps/web/lib/api.ts': ROOT('process.env.NEXT_PUBLIC_PRODUCT_SERVICE_URL').replace(/'\.\.\/(http|clients|services)\//g, "'../../../src/$1/"),
          }),
          LINTED,
        ),
        name: "built once by a web app's code: the instance runs in the browser, its calls are its user's own",
      }),
    ],
    invalid: [
      ts.invalid(PRODUCT_CLIENT, REPORTED, {
        filename: project(ROOT('process.env.PRODUCT_SERVICE_URL')),
        name: 'built once and handed on, with the service address from the environment',
      }),
      ts.invalid(PRODUCT_CLIENT, REPORTED, {
        filename: project(ROOT('process.env.PRODUCT_SERVICE_URL').replace('const productClient = new HttpProductClient(productHttpClient);', '').replace('new OrderService(productClient)', 'new OrderService(new HttpProductClient(productHttpClient))')),
        name: 'built inside the call that hands it on',
      }),
      ts.invalid(PRODUCT_CLIENT, REPORTED, {
        filename: throughBarrel("export { HttpProductClient } from './HttpProductClient';\n"),
        name: 'built once by a composition root that imports the class through a barrel',
      }),
      ts.invalid(PRODUCT_CLIENT, REPORTED, {
        filename: throughBarrel("export { HttpProductClient as ProductClient } from './HttpProductClient';\n", 'ProductClient'),
        name: 'built once through a barrel that renames the class',
      }),
      ts.invalid(PRODUCT_CLIENT, REPORTED, {
        filename: throughBarrel("export * from './HttpProductClient';\n"),
        name: 'built once through a barrel that passes on everything',
      }),
    ],
  });
});

/** The same in CommonJS JavaScript, parsed by espree (whose classes carry no `decorators`). */
const CJS_CLIENT = `const axios = require('axios');

class PaymentClient {
  constructor(baseURL) {
    this.http = axios.create({ baseURL });
  }

  async charge(orderId, amount) {
    await this.http.post('/payments', { orderId, amount });
  }
}

module.exports = { PaymentClient };
`;

describe('CommonJS: a client class built once, in a composition root', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        CJS_CLIENT,
        {
          at: 'this.http.post',
          request: 'POST /payments',
          service: 'payment',
          evidence: ['service "payment"', 'path "/payments"'],
          suggest: rewrite({ replaced: "this.http.post('/payments', { orderId, amount })", topic: 'payment.created', payload: '{ orderId, amount }' }),
        },
        {
          filename: (() => {
            const folder = writeProject({
              'package.json': { name: 'checkout', private: true, dependencies: { axios: '^1.7.9' } },
              'src/clients/payment-client.js': CJS_CLIENT,
              'src/services/checkout.js': "class Checkout {\n  constructor(payments) {\n    this.payments = payments;\n  }\n\n  async pay(order) {\n    await this.payments.charge(order.id, order.total);\n  }\n}\n\nmodule.exports = { Checkout };\n",
              'src/index.js': "const { PaymentClient } = require('./clients/payment-client');\nconst { Checkout } = require('./services/checkout');\n\nmodule.exports = new Checkout(new PaymentClient(process.env.PAYMENT_SERVICE_URL));\n",
            });
            return path.join(folder, 'src/clients/payment-client.js');
          })(),
          sourceType: 'commonjs',
          name: 'CommonJS, module.exports = { PaymentClient }, built in the entry point and handed to a service',
        },
      ),
    ],
  });
});

/** A client whose fetch can be swapped (in tests), built in an app factory unless one is injected. */
const ORDERS_CLIENT = `type FetchFn = typeof fetch;

export class HttpOrdersClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: FetchFn;

  constructor(options: { baseUrl: string; fetch?: FetchFn }) {
    this.baseUrl = options.baseUrl.replace(/\\/$/, '');
    this.fetchImpl = options.fetch ?? fetch;
  }

  async placeOrder(snapshot: { id: string; total: number }) {
    const response = await this.fetchImpl(\`\${this.baseUrl}/api/orders\`, { method: 'POST', body: JSON.stringify({ cartSnapshot: snapshot }) });
    return response.json();
  }
}
`;

const APP = `import { HttpOrdersClient } from './clients/orders';
import { CartService } from './cart/service';

export function createApp(deps: { ordersClient?: HttpOrdersClient } = {}) {
  const config = { ordersServiceUrl: process.env.ORDERS_SERVICE_URL ?? 'http://localhost:3005' };
  const ordersClient =
    deps.ordersClient ??
    (config.ordersServiceUrl ? new HttpOrdersClient({ baseUrl: config.ordersServiceUrl }) : undefined);
  return new CartService({ maxItems: 25, ordersClient });
}
`;

describe('a client built in an app factory unless one is injected', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(
        ORDERS_CLIENT,
        {
          at: 'this.fetchImpl',
          within: 'await this.fetchImpl(',
          request: 'POST /api/orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/api/orders"'],
          suggest: rewrite({
            replaced: "this.fetchImpl(`${this.baseUrl}/api/orders`, { method: 'POST', body: JSON.stringify({ cartSnapshot: snapshot }) })",
            topic: 'orders.created',
            payload: '{ cartSnapshot: snapshot }',
            responseUsed: true,
          }),
        },
        {
          filename: (() => {
            const folder = writeProject({
              'package.json': { name: 'cart-svc', private: true, dependencies: { hono: '^4.6.0' } },
              'src/clients/orders.ts': ORDERS_CLIENT,
              'src/cart/service.ts': 'import type { HttpOrdersClient } from "../clients/orders";\n\nexport class CartService {\n  constructor(private readonly options: { maxItems: number; ordersClient?: HttpOrdersClient }) {}\n\n  async checkout(cart: { id: string; total: number }) {\n    return this.options.ordersClient?.placeOrder(cart);\n  }\n}\n',
              'src/app.ts': APP,
            });
            return path.join(folder, 'src/clients/orders.ts');
          })(),
          name: 'the global fetch kept as the default of an injectable one, the client built in `deps.x ?? (cond ? new X(…) : undefined)` and handed on in an options object',
        },
      ),
    ],
  });
});

/** A workspace package whose index spreads its modules' exports: `module.exports = { ...require('./auth') }`. */
const COMMON_PACKAGE = {
  'packages/common/package.json': { name: '@shop/common', version: '1.0.0', main: 'src/index.js', dependencies: { axios: '^1.9.0' } },
  'packages/common/src/index.js': "module.exports = {\n  ...require('./constants'),\n  ...require('./auth'),\n};\n",
  'packages/common/src/constants.js': "module.exports = { ROLES: ['admin', 'user'] };\n",
  'packages/common/src/auth.js':
    "const axios = require('axios');\n\nconst createServiceClient = (baseURL, serviceName) =>\n  axios.create({ baseURL, timeout: 8000, headers: { 'x-service-name': serviceName } });\n\nmodule.exports = { createServiceClient };\n",
};

const RELEASE = `const { createServiceClient } = require('@shop/common');

const events = createServiceClient(process.env.EVENT_SERVICE_URL, 'booking-service');

async function releasePromoReservation(booking) {
  await events.post(\`/api/events/\${booking.eventId}/promo-codes/release\`, { code: booking.promoCode, bookingId: booking.id });
}

module.exports = { releasePromoReservation };
`;

describe('a client made by a factory that a workspace package exports through a spread index', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        RELEASE,
        {
          at: 'events.post',
          request: 'POST /api/events/{eventId}/promo-codes/release',
          service: 'event',
          evidence: ['transition "release"', 'function "releasePromoReservation"'],
          suggest: rewrite({
            replaced: 'events.post(`/api/events/${booking.eventId}/promo-codes/release`, { code: booking.promoCode, bookingId: booking.id })',
            topic: 'event.promo-codes.release.requested',
            payload: '{ eventId: booking.eventId, code: booking.promoCode, bookingId: booking.id }',
          }),
        },
        {
          filename: (() => {
            const folder = writeProject({
              'package.json': { name: 'shop', private: true, workspaces: ['packages/*', 'services/*'] },
              ...COMMON_PACKAGE,
              'services/booking/package.json': { name: 'booking-service', private: true, dependencies: { '@shop/common': '1.0.0', express: '^4.21.2' } },
              'services/booking/src/promo.js': RELEASE,
            });
            return path.join(folder, 'services/booking/src/promo.js');
          })(),
          sourceType: 'commonjs',
          name: 'const { createServiceClient } = require(the package), its index spreading require("./auth"): the factory is followed into it',
        },
      ),
    ],
  });
});

/**
 * A module of instances (`shared/instances.ts`) that builds each client once and exports it:
 * its importers call the instance, knowing nothing of its address. The write is reported in
 * the client, as for a composition root; also when the client runs the request behind a circuit
 * breaker built over its own method (`new CircuitBreaker(this._createRefundVoucher.bind(this))`).
 */
const PROMOTION_CLIENT = (body: string) => `import axios, { type AxiosInstance } from 'axios';
import CircuitBreaker from 'opossum';

export class PromotionClient {
  private client: AxiosInstance;
  private refundBreaker: CircuitBreaker<[string, string], unknown>;

  constructor(baseURL: string) {
    this.client = axios.create({ baseURL, timeout: 5000 });
    this.refundBreaker = new CircuitBreaker(this._createRefundVoucher.bind(this), { timeout: 3000 });
  }

  async createRefundVoucher(userId: string, value: string) {
    ${body}
  }

  private async _createRefundVoucher(userId: string, value: string): Promise<unknown> {
    const res = await this.client.post('/api/promotions/refund-vouchers', { userId, value });
    return res.data;
  }
}
`;

const INSTANCES = `import { PromotionClient } from '../client/PromotionClient.js';

const PROMOTION_SERVICE_URL = process.env.PROMOTION_SERVICE_URL || 'http://localhost:8089';

export const promotionClient = new PromotionClient(PROMOTION_SERVICE_URL);
`;

const BOOKINGS = `import { promotionClient } from '../shared/instances.js';

export async function cancelBooking(userId: string, value: string) {
  await promotionClient.createRefundVoucher(userId, value);
}
`;

function instancesProject(client: string, instances = INSTANCES): string {
  const folder = writeProject({
    'package.json': { name: 'booking-service', private: true, type: 'module', dependencies: { axios: '^1.7.9', express: '^5.1.0', opossum: '^9.0.0' } },
    'src/client/PromotionClient.ts': client,
    'src/shared/instances.ts': instances,
    'src/services/bookings.ts': BOOKINGS,
  });
  return path.join(folder, 'src/client/PromotionClient.ts');
}

const REFUND_REPORTED = {
  at: 'this.client.post',
  request: 'POST /api/promotions/refund-vouchers',
  service: 'promotion',
  evidence: ['path "/api/promotions/refund-vouchers"', 'transition "refund-vouchers"'],
  suggest: rewrite({
    replaced: "this.client.post('/api/promotions/refund-vouchers', { userId, value })",
    topic: 'promotion.refund-vouchers.created',
    payload: '{ userId, value }',
    responseUsed: true,
  }),
};

describe('a client built once and exported by a module of instances', () => {
  const direct = PROMOTION_CLIENT('return this._createRefundVoucher(userId, value);');
  const broken = PROMOTION_CLIENT('return this.refundBreaker.fire(userId, value);');
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(direct, {
        filename: instancesProject(direct, `${INSTANCES}export const backupPromotionClient = new PromotionClient('https://promotions.example.com');\n`),
        name: 'exported twice, with two addresses: which one a call uses is not known',
      }),
    ],
    invalid: [
      ts.invalid(direct, REFUND_REPORTED, { filename: instancesProject(direct), name: 'exported once: reported in the client, with the address it was built with' }),
      ts.invalid(broken, REFUND_REPORTED, {
        filename: instancesProject(broken),
        name: 'the request behind a circuit breaker built over the client\'s own bound method',
      }),
    ],
  });
});

/** A NestJS module that builds the client as a provider: the container hands the instance to whoever injects it. */
const PROVIDER_MODULE = (provider: string) => `import { Module } from '@nestjs/common';
import { HttpClient } from '../http/HttpClient';
import { HttpProductClient } from '../clients/HttpProductClient';
import { OrderService } from '../services/OrderService';

@Module({
  providers: [
    OrderService,
    ${provider},
  ],
})
export class OrderModule {}
`;

describe('a client class built once, by a provider of a dependency-injection container', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(PRODUCT_CLIENT, {
        filename: project(
          PROVIDER_MODULE(
            "{ provide: HttpProductClient, useFactory: () => new HttpProductClient(new HttpClient({ baseURL: process.env.PRODUCT_SERVICE_URL!, serviceName: 'product-service' })) }",
          ).replace('useFactory', 'inject: [], build'),
        ),
        name: 'built in a property the container does not call: not a provider',
      }),
    ],
    invalid: [
      ts.invalid(PRODUCT_CLIENT, REPORTED, {
        filename: project(
          PROVIDER_MODULE(
            "{ provide: HttpProductClient, useFactory: () => new HttpProductClient(new HttpClient({ baseURL: process.env.PRODUCT_SERVICE_URL!, serviceName: 'product-service' })) }",
          ),
        ),
        name: 'useFactory: () => new HttpProductClient(…)',
      }),
      ts.invalid(PRODUCT_CLIENT, REPORTED, {
        filename: project(
          PROVIDER_MODULE(
            "{\n      provide: HttpProductClient,\n      useFactory() {\n        return new HttpProductClient(new HttpClient({ baseURL: process.env.PRODUCT_SERVICE_URL!, serviceName: 'product-service' }));\n      },\n    }",
          ),
        ),
        name: 'useFactory() { return new HttpProductClient(…) }',
      }),
      ts.invalid(PRODUCT_CLIENT, REPORTED, {
        filename: project(
          PROVIDER_MODULE(
            "{ provide: HttpProductClient, useValue: new HttpProductClient(new HttpClient({ baseURL: process.env.PRODUCT_SERVICE_URL!, serviceName: 'product-service' })) }",
          ),
        ),
        name: 'useValue: new HttpProductClient(…)',
      }),
    ],
  });
});
