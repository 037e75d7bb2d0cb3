/**
 * Payment providers, shipping carriers and other SaaS addressed through env vars named after
 * them are third parties, not your services: never reported by default.
 */
import { js, jsTester, rewrite, RULE_NAME, rule } from './helpers.js';

const call = (env: string, path: string): string => `import axios from 'axios';

export async function pay(order) {
  await axios.post(\`\${process.env.${env}}${path}\`, { orderId: order.id, amount: order.total, currency: order.currency });
}
`;

jsTester.run(RULE_NAME, rule, {
  valid: [
    ['MPESA_BASE_URL', '/mpesa/stkpush/v1/processrequest'],
    ['FLUTTERWAVE_API_URL', '/v3/payments'],
    ['XENDIT_URL', '/v2/invoices'],
    ['MERCADOPAGO_API_URL', '/v1/payments'],
    ['GOCARDLESS_ENDPOINT', '/payments'],
    ['EASYPOST_API_URL', '/v2/shipments'],
    ['QUICKBOOKS_API_URL', '/v3/company/1/invoice'],
    ['PSP_URL', '/charges'],
    ['PAYMENT_GATEWAY_BASE_URL', '/charges'],
    ['GETNET_URL', '/v1/payments/credit'],
    ['PAGSEGURO_API_URL', '/orders'],
    ['SMS_GATEWAY_URL', '/payments/receipts'],
  ].map(([env, path]) => js.valid(call(env!, path!), { name: `${env} names a third party` })),
  invalid: [],
});

jsTester.run(`${RULE_NAME} (derived artefacts)`, rule, {
  valid: [
    js.valid(
      `import axios from 'axios';

export async function invoicePdf(invoice) {
  const { data } = await axios.post(\`\${process.env.PDF_SERVICE_URL}/invoices/render\`, { invoiceId: invoice.id, total: invoice.total });
  return data;
}
`,
      { name: 'rendering an invoice as PDF in a document service is not the invoice write' },
    ),
  ],
  invalid: [],
});

jsTester.run(`${RULE_NAME} (API credentials in the body)`, rule, {
  valid: [
    js.valid(
      `export async function pauseWorkspace(workspaceId) {
  await fetch(\`\${process.env.DESKTOP_SERVICE_URL}/api/admin/pause_workspace\`, {
    method: 'POST',
    body: JSON.stringify({ api_key: process.env.DESKTOP_KEY, api_key_secret: process.env.DESKTOP_SECRET, workspace_id: workspaceId }),
  });
}
`,
      { name: "a body that carries an API key and secret goes to a provider's API, whatever its address is named" },
    ),
    js.valid(
      `import axios from 'axios';

export async function capture(order) {
  await axios.post(\`\${process.env.PAYMENTS_URL}/captures\`, { client_secret: process.env.PAY_SECRET, orderId: order.id, amount: order.total });
}
`,
      { name: 'a client secret in the body' },
    ),
  ],
  invalid: [
    js.invalid(
      `import axios from 'axios';

export async function register(email, password) {
  await axios.post(\`\${process.env.IDENTITY_SERVICE_URL}/users\`, { email, password });
}
`,
      {
        at: 'axios.post',
        request: 'POST /users',
        service: 'identity',
        evidence: ['account created in "identity"'],
        suggest: rewrite({
          replaced: 'axios.post(`${process.env.IDENTITY_SERVICE_URL}/users`, { email, password })',
          topic: 'identity.users.created',
          payload: '{ email, password }',
        }),
      },
      { name: 'a password is the account being created, not a credential of the caller' },
    ),
  ],
});
