/**
 * Payment providers, shipping carriers and other SaaS addressed through env vars named after
 * them are third parties, not your services: never reported by default.
 */
import { js, jsTester, RULE_NAME, rule } from './helpers.js';

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
