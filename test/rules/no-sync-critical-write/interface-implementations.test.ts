/**
 * An instance typed with a project interface and injected by a token (NestJS
 * `@Inject(S2S_CLIENT) private readonly s2s: IS2SClient`, bound in a module's providers; a port
 * and its adapter) is taken for an instance of the interface's one implementation in the
 * repository. Several implementations (tests aside), or none, and nothing is known of it.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const PACKAGE = { name: 'route-service', private: true, dependencies: { '@nestjs/common': '^11.0.0', axios: '^1.7.9' } };

const INTERFACE = `export const S2S_CLIENT = Symbol('S2S_CLIENT');

export interface IS2SClient {
  get<T>(serviceUrl: string, endpoint: string, token: string): Promise<T>;
  post<T>(serviceUrl: string, endpoint: string, data: unknown, token: string): Promise<T>;
}
`;

const ADAPTER = `import { Injectable } from '@nestjs/common';
import axios from 'axios';
import { IS2SClient } from '../interfaces/s2s-client.interface';

@Injectable()
export class HttpS2SAdapter implements IS2SClient {
  async get<T>(serviceUrl: string, endpoint: string, token: string): Promise<T> {
    const res = await axios.get(\`\${serviceUrl}\${endpoint}\`, { headers: { 'x-service-token': token } });
    return res.data as T;
  }

  async post<T>(serviceUrl: string, endpoint: string, data: unknown, token: string): Promise<T> {
    const res = await axios.post(\`\${serviceUrl}\${endpoint}\`, data, { headers: { 'x-service-token': token } });
    return res.data as T;
  }
}
`;

/** The linted module: a service that marks an order delivered through the injected client. */
const ORDERS = `import { Inject, Injectable } from '@nestjs/common';
import { IS2SClient, S2S_CLIENT } from '../common/interfaces/s2s-client.interface';

@Injectable()
export class OrderExternalService {
  private readonly orderServiceUrl = process.env.ORDER_SERVICE_URL ?? 'http://order-service:3000';

  constructor(@Inject(S2S_CLIENT) private readonly s2sClient: IS2SClient) {}

  async markDelivered(orderId: string, token: string) {
    return this.s2sClient.post(this.orderServiceUrl, \`/api/v1/internal/orders/\${orderId}/status\`, { status: 'DELIVERED' }, token);
  }

  async getOrder(orderId: string, token: string) {
    return this.s2sClient.get(this.orderServiceUrl, \`/api/v1/internal/orders/\${orderId}\`, token);
  }
}
`;

const LINTED = 'src/services/order-external.service.ts';

function project(files: Readonly<Record<string, string>> = {}): string {
  const root = writeProject({
    'package.json': PACKAGE,
    'src/common/interfaces/s2s-client.interface.ts': INTERFACE,
    'src/common/adapters/http-s2s.adapter.ts': ADAPTER,
    [LINTED]: ORDERS,
    ...files,
  });
  return path.join(root, LINTED);
}

const REPORTED = {
  at: 'this.s2sClient.post',
  request: 'POST /api/v1/internal/orders/{orderId}/status',
  service: 'order',
  evidence: ['service "order"', 'path "/api/v1/internal/orders/{orderId}/status"'],
  via: ['HttpS2SAdapter.post'],
  suggest: rewrite({
    replaced: "this.s2sClient.post(this.orderServiceUrl, `/api/v1/internal/orders/${orderId}/status`, { status: 'DELIVERED' }, token)",
    topic: 'order.status.created',
    payload: "{ orderId, status: 'DELIVERED' }",
    responseUsed: true,
  }),
};

/** A second implementation outside the tests. */
const OTHER = `import { IS2SClient } from '../interfaces/s2s-client.interface';

export class LoggingS2SClient implements IS2SClient {
  async get<T>(): Promise<T> {
    return undefined as T;
  }

  async post<T>(): Promise<T> {
    return undefined as T;
  }
}
`;

describe('an interface injected by a token', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(ORDERS, {
        filename: project({ 'src/common/adapters/logging-s2s.client.ts': OTHER }),
        name: 'two implementations: which one is injected is not known',
      }),
      ts.valid(ORDERS, {
        filename: project({ 'src/common/adapters/http-s2s.adapter.ts': OTHER }),
        name: 'the one implementation sends nothing',
      }),
    ],
    invalid: [
      ts.invalid(ORDERS, REPORTED, {
        filename: project(),
        name: 'the one implementation of the interface makes the request; the call site supplies URL and status',
      }),
      ts.invalid(ORDERS, REPORTED, {
        filename: project({ 'src/common/adapters/__mocks__/s2s-client.mock.ts': OTHER.replace('../interfaces/', '../../interfaces/') }),
        name: 'an implementation among the test mocks does not count',
      }),
    ],
  });
});
