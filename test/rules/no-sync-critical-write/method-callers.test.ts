/**
 * A public method of a client or service class called only from message consumers of other
 * modules (a NestJS `@EventPattern` handler given the class by constructor) runs inside those
 * consumers: the broker redelivers the message when the call fails. With the project layer, the
 * rule finds every call of the method in the repository and resolves each to its method; when
 * each is a call from a consumer, the write is not reported. A call from an HTTP handler, or a
 * call of that name whose receiver cannot be told, and it is reported as before.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const PACKAGE = { name: 'orders-service', private: true, dependencies: { '@nestjs/common': '^11.0.0', '@nestjs/microservices': '^11.0.0', axios: '^1.7.9' } };

/** The linted module: a client class whose method captures a payment. */
const CLIENT = `import { Injectable } from '@nestjs/common';
import axios from 'axios';

@Injectable()
export class PaymentsClient {
  async capture(orderId: string, amount: number): Promise<void> {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/capture\`, { orderId, amount });
  }
}
`;

const CONSUMER = `import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { PaymentsClient } from '../payments/payments.client';

@Controller()
export class OrdersConsumer {
  constructor(private readonly payments: PaymentsClient) {}

  @EventPattern('orders.confirmed')
  async onOrderConfirmed(@Payload() order: { id: string; total: number }) {
    await this.payments.capture(order.id, order.total);
  }
}
`;

const HTTP_CONTROLLER = `import { Body, Controller, Post } from '@nestjs/common';
import { PaymentsClient } from '../payments/payments.client';

@Controller('orders')
export class OrdersController {
  constructor(private readonly payments: PaymentsClient) {}

  @Post('pay')
  async pay(@Body() order: { id: string; total: number }) {
    await this.payments.capture(order.id, order.total);
  }
}
`;

const LINTED = 'src/payments/payments.client.ts';

function project(files: Readonly<Record<string, string>>): string {
  const root = writeProject({ 'package.json': PACKAGE, [LINTED]: CLIENT, ...files });
  return path.join(root, LINTED);
}

const REPORTED = {
  at: 'axios.post',
  request: 'POST /payments/capture',
  service: 'payments',
  evidence: ['service "payments"', 'path "/payments/capture"'],
  suggest: rewrite({
    replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments/capture`, { orderId, amount })',
    topic: 'payments.capture.requested',
    payload: '{ orderId, amount }',
  }),
};

describe('methods called from consumers in other modules', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(CLIENT, {
        filename: project({ 'src/orders/orders.consumer.ts': CONSUMER }),
        name: 'called only from an @EventPattern handler given the class by constructor',
      }),
      ts.valid(CLIENT, {
        filename: project({
          'src/orders/orders.consumer.ts': CONSUMER,
          'src/orders/orders.controller.spec.ts': HTTP_CONTROLLER,
          'src/refunds/refunds.service.ts': "import axios from 'axios';\n\nexport async function refund(id: string) {\n  const capture = await axios.get(`/captures/${id}`);\n  return capture;\n}\n",
        }),
        name: 'a test calling it does not count, nor a library method of another name',
      }),
    ],
    invalid: [
      ts.invalid(CLIENT, REPORTED, {
        filename: project({ 'src/orders/orders.consumer.ts': CONSUMER, 'src/orders/orders.controller.ts': HTTP_CONTROLLER }),
        name: 'also called from an HTTP handler',
      }),
      ts.invalid(CLIENT, REPORTED, {
        filename: project({
          'src/orders/orders.consumer.ts': CONSUMER,
          'src/jobs/retry.ts': 'export async function retryCapture(client: any, id: string) {\n  await client.capture(id, 0);\n}\n',
        }),
        name: 'a call of the same name whose receiver cannot be told',
      }),
      ts.invalid(CLIENT, REPORTED, {
        filename: project({ 'src/orders/orders.consumer.ts': CONSUMER }),
        options: { followImports: false },
        name: 'without followImports the other modules are not read',
      }),
    ],
  });
});
