/**
 * Front-end code calling its own back end is the user's request itself, not one service
 * calling another: skipped unless `checkBrowserCode` is on. Also env names that carry the
 * address word first (`BASEURL_PAYMENTS_SERVICE`).
 */
import { js, jsTester, outbox, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const PAY = `import axios from 'axios';

export async function pay(orderId, amount) {
  await axios.post('http://localhost:3005/api/payments/process', { orderId, amount });
}
`;

const PAY_REPORT = {
  at: 'axios.post',
  request: 'POST /api/payments/process',
  service: 'localhost:3005',
  evidence: ['path "/api/payments/process"', 'payload key "amount"'],
  suggest: rewrite(
    { replaced: "axios.post('http://localhost:3005/api/payments/process', { orderId, amount })", topic: 'payments.process.created', payload: '{ orderId, amount }' },
    outbox(),
  ),
};

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(PAY, { filename: 'frontend/src/services/payment.js', name: 'a service module of a frontend/ folder' }),
    js.valid(PAY, { filename: 'apps/webapp/api/payment.js', name: 'a webapp/ folder' }),
    js.valid(PAY, { filename: 'src/components/Checkout.jsx', name: 'a .jsx component' }),
    js.valid(`'use client';\n${PAY}`, { filename: 'app/checkout/pay.js', name: "a 'use client' module" }),
    js.valid(`import { useState } from 'react';\n${PAY}`, { filename: 'src/hooks/use-pay.js', name: 'a module importing React' }),
  ],
  invalid: [
    js.invalid(PAY, PAY_REPORT, { filename: 'services/orders/src/pay.js', name: 'the same call in a back-end service' }),
    js.invalid(PAY, PAY_REPORT, { filename: 'frontend/src/services/payment.js', options: { checkBrowserCode: true }, name: 'checkBrowserCode includes front-end code' }),
    js.invalid(
      `import axios from 'axios';

export async function charge(order) {
  await axios.post(\`\${process.env.BASEURL_PAYMENTS_SERVICE}/api/v1/charges\`, { orderId: order.id, amount: order.total });
}
`,
      {
        at: 'axios.post',
        request: 'POST /api/v1/charges',
        service: 'payments',
        evidence: ['service "payments"', 'path "/api/v1/charges"'],
        suggest: rewrite(
          {
            replaced: 'axios.post(`${process.env.BASEURL_PAYMENTS_SERVICE}/api/v1/charges`, { orderId: order.id, amount: order.total })',
            topic: 'payments.charges.created',
            payload: '{ orderId: order.id, amount: order.total }',
          },
          outbox(),
        ),
      },
      { name: 'an env name with the address word first: BASEURL_PAYMENTS_SERVICE' },
    ),
  ],
});

tsTester.run(RULE_NAME, rule, {
  valid: [
    ts.valid(
      `import { useMutation } from '@tanstack/react-query';
import axios from 'axios';

export function usePay() {
  return useMutation({ mutationFn: (amount: number) => axios.post('http://localhost:8084/payment-service/payments', { amount }) });
}
`,
      { filename: 'src/hooks/use-pay.ts', name: 'a React Query hook' },
    ),
  ],
  invalid: [],
});
