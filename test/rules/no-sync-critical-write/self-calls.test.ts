/**
 * A request to `localhost` at the port the calling service listens on (read from its entry
 * file) is the service calling itself: a simulator posting to its own webhook crosses no
 * service. Another port is another service.
 */
import path from 'node:path';
import { writeProject } from '../../project/helpers.js';
import { outbox, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const SIMULATOR = `import axios from 'axios';

export async function paySuccess(orderId: string, amount: number): Promise<void> {
  await axios.post('http://localhost:3004/payments/webhook', { orderId, amount, status: 'PAID' });
}
`;

/** `src/simulator.ts` of a NestJS service whose `src/main.ts` listens on `port`. */
function serviceFile(port: number, name = 'payment-service'): string {
  const root = writeProject({
    'package.json': { name, private: true, dependencies: { '@nestjs/core': '^11.0.0', axios: '^1.7.9' } },
    'src/main.ts': `const app = await NestFactory.create(AppModule);\nawait app.listen(process.env.PORT ?? ${port});\n`,
  });
  return path.join(root, 'src', 'simulator.ts');
}

/** `src/simulator.ts` of `services/payment-service`, a member of a workspace, whose `src/main.ts` listens on `port`. */
function memberFile(port: number): string {
  const root = writeProject({
    'package.json': { name: 'shop', private: true, workspaces: ['services/*'] },
    'services/payment-service/package.json': { name: 'payment-service', private: true, dependencies: { axios: '^1.7.9' } },
    'services/payment-service/src/main.ts': `const app = await NestFactory.create(AppModule);\nawait app.listen(process.env.PORT ?? ${port});\n`,
  });
  return path.join(root, 'services', 'payment-service', 'src', 'simulator.ts');
}

tsTester.run(RULE_NAME, rule, {
  valid: [ts.valid(SIMULATOR, { filename: serviceFile(3004), name: 'a POST to localhost at the port its own service listens on' })],
  invalid: [
    ts.invalid(
      SIMULATOR,
      {
        at: 'axios.post',
        request: 'POST /payments/webhook',
        service: 'localhost:3004',
        evidence: ['path "/payments/webhook"', 'payload key "amount"'],
        suggest: rewrite(
          {
            replaced: "axios.post('http://localhost:3004/payments/webhook', { orderId, amount, status: 'PAID' })",
            topic: 'payments.webhook.created',
            payload: "{ orderId, amount, status: 'PAID' }",
          },
          outbox(),
        ),
      },
      { filename: serviceFile(3005), name: 'the same POST from a service that listens on another port' },
    ),
  ],
});

/**
 * The same, its address configured with a local default, in a service whose name cannot be told
 * (its package is named `server`): the default's port names the service. A service that has a
 * name is not taken for another by a default: defaults copied from service to service collide.
 */
const OFFLINE = `import axios from 'axios';

export async function goOffline(driverId: string): Promise<void> {
  await axios.delete(\`\${process.env.DELIVERY_SERVICE_URL || 'http://localhost:3004'}/api/live-drivers/\${driverId}\`);
  await axios.post(\`\${process.env.ORDER_SERVICE_URL || 'http://localhost:3002'}/api/orders/\${driverId}/cancel\`, { amount: 1 });
}
`;

/** OFFLINE's cancel of an order, reported from any service but the order service. */
const CANCEL_REPORTED = {
  at: 'axios.post',
  request: 'POST /api/orders/{driverId}/cancel',
  service: 'order',
  evidence: ['service "order"', 'path "/api/orders/{driverId}/cancel"'],
  suggest: rewrite({
    replaced: "axios.post(`${process.env.ORDER_SERVICE_URL || 'http://localhost:3002'}/api/orders/${driverId}/cancel`, { amount: 1 })",
    topic: 'order.cancel.requested',
    payload: '{ driverId, amount: 1 }',
  }),
};

tsTester.run(RULE_NAME, rule, {
  valid: [],
  invalid: [
    ts.invalid(
      OFFLINE,
      CANCEL_REPORTED,
      { filename: serviceFile(3004, 'server'), name: "a configured address whose local default is the service's own port is the service itself; another default is another service" },
    ),
    ts.invalid(
      OFFLINE,
      [
        {
          at: 'axios.delete',
          request: 'DELETE /api/live-drivers/{driverId}',
          service: 'delivery',
          evidence: ['service "delivery"'],
          suggest: rewrite({
            replaced: "axios.delete(`${process.env.DELIVERY_SERVICE_URL || 'http://localhost:3004'}/api/live-drivers/${driverId}`)",
            topic: 'delivery.live-drivers.deleted',
            payload: '{ driverId }',
          }),
        },
        CANCEL_REPORTED,
      ],
      { filename: memberFile(3004), name: 'a service named payment whose default for the delivery service collides with its own port still calls delivery' },
    ),
  ],
});
