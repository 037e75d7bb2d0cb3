/**
 * Whether a function is a Temporal activity is read from the module that declares it, not from
 * the file being linted: a helper of `src/lib/http.ts` reached from an activity module is no
 * activity itself, and a route linted after that activity still gets its report.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const project = writeProject({
  'package.json': { name: 'orders-service', private: true, dependencies: { '@temporalio/activity': '^1.24.0', axios: '^1.7.9' } },
  'src/lib/http.ts': `import axios from 'axios';

export async function postJson(url: string, body: unknown): Promise<unknown> {
  const { data } = await axios.post(url, body);
  return data;
}
`,
});

const ACTIVITY = `import { Context } from '@temporalio/activity';
import { postJson } from '../lib/http';

export async function chargeOrder(orderId: string, amount: number): Promise<void> {
  Context.current().heartbeat();
  await postJson(\`\${process.env.PAYMENTS_SERVICE_URL}/charges\`, { orderId, amount });
}
`;

const ROUTE = `import { postJson } from '../lib/http';

export async function refundOrder(orderId: string, amount: number): Promise<void> {
  await postJson(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`, { orderId, amount });
}
`;

describe('Temporal activity modules across files', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(ACTIVITY, {
        filename: path.join(project, 'src', 'activities', 'payments.ts'),
        name: 'an activity calling an imported helper: the call runs in the activity',
      }),
    ],
    invalid: [
      ts.invalid(
        ROUTE,
        {
          at: 'postJson',
          within: 'await postJson(',
          request: 'POST /refunds',
          service: 'payments',
          via: ['postJson'],
          evidence: ['service "payments"', 'path "/refunds"'],
          suggest: rewrite({
            replaced: 'postJson(`${process.env.PAYMENTS_SERVICE_URL}/refunds`, { orderId, amount })',
            topic: 'payments.refunds.created',
            payload: '{ orderId, amount }',
          }),
        },
        {
          filename: path.join(project, 'src', 'routes', 'refunds.ts'),
          name: 'a route linted after that activity, calling the same helper: the helper is no activity',
        },
      ),
    ],
  });
});
