/**
 * A config module that validates an object of env variables with a schema: what the validator
 * hands back (zod's `parse(…)`, the `.data` of `safeParse(…)`) is the object it checked, so the
 * address read from it is the env variable given there.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

/** A service whose config module validates an object of env variables with zod, read through `getConfig()`. */
const validatedConfig = writeProject({
  'package.json': { name: 'membership-service', private: true, type: 'module', dependencies: { hono: '^3.12.8', zod: '^3.22.4' } },
  'src/config/index.ts': `import { z } from 'zod';

const configSchema = z.object({
  port: z.string().default('8080'),
  paymentServiceUrl: z.string().default('http://payment-service:8080'),
});

export const getConfig = () => {
  const result = configSchema.safeParse({ port: process.env.PORT, paymentServiceUrl: process.env.PAYMENT_SERVICE_URL });
  if (!result.success) throw new Error('Invalid configuration');
  return result.data;
};

export const settings = configSchema.parse({ port: process.env.PORT, paymentServiceUrl: process.env.PAYMENT_SERVICE_URL });
`,
});

/** A client class whose base URL is read from the validated config in its constructor. */
const VALIDATED_CLIENT = (read: string): string => `
import { getConfig, settings } from '../config/index.js';

export class PaymentServiceClient {
  private baseUrl: string;

  constructor() {
    this.baseUrl = ${read};
  }

  async createPaymentOrder(userId: string, amount: number, currency: string) {
    const res = await fetch(\`\${this.baseUrl}/payments/orders\`, { method: 'POST', body: JSON.stringify({ userId, amount, currency }) });
    return res.json();
  }
}
`;

const VALIDATED_REPORTED = {
  at: 'fetch',
  request: 'POST /payments/orders',
  service: 'payment',
  evidence: ['service "payment"', 'path "/payments/orders"'],
  suggest: rewrite({
    replaced: "fetch(`${this.baseUrl}/payments/orders`, { method: 'POST', body: JSON.stringify({ userId, amount, currency }) })",
    topic: 'payment.orders.created',
    payload: '{ userId, amount, currency }',
    responseUsed: true,
  }),
};

describe('config validated by a schema (zod safeParse(…).data, parse(…))', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(VALIDATED_CLIENT('getConfig().paymentServiceUrl'), VALIDATED_REPORTED, {
        filename: path.join(validatedConfig, 'src', 'clients', 'payment.client.ts'),
        name: 'the address is the env variable handed to safeParse, read from its .data',
      }),
      ts.invalid(VALIDATED_CLIENT('settings.paymentServiceUrl'), VALIDATED_REPORTED, {
        filename: path.join(validatedConfig, 'src', 'clients', 'payment.client.ts'),
        name: 'and the one handed to parse, read from what it returns',
      }),
    ],
  });
});
