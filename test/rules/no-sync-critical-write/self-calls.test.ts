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
function serviceFile(port: number): string {
  const root = writeProject({
    'package.json': { name: 'payment-service', private: true, dependencies: { '@nestjs/core': '^11.0.0', axios: '^1.7.9' } },
    'src/main.ts': `const app = await NestFactory.create(AppModule);\nawait app.listen(process.env.PORT ?? ${port});\n`,
  });
  return path.join(root, 'src', 'simulator.ts');
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
