/**
 * Front-end code calling its own back end is the user's request itself, not one service
 * calling another: skipped unless `checkBrowserCode` is on. Also env names that carry the
 * address word first (`BASEURL_PAYMENTS_SERVICE`).
 */
import path from 'node:path';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, outbox, PAY, PAY_REPORT, rewrite, RULE_NAME, rule, ts, tsTester } from './helpers.js';

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

/** A package of a workspace, with the files beside its package.json; the linted file is `src/services/payment.js` in it. */
function packageFile(files: Readonly<Record<string, string | object>>): string {
  return path.join(writeProject(files), 'src', 'services', 'payment.js');
}

const VITE_CONFIG = "import { defineConfig } from 'vite';\n\nexport default defineConfig({});\n";
const INDEX_HTML = '<!doctype html>\n<div id="root"></div>\n<script type="module" src="/src/main.js"></script>\n';

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(PAY, {
      filename: packageFile({ 'package.json': { name: 'shop', private: true, dependencies: { 'react-dom': '^18.0.0', axios: '^1.7.9' } } }),
      name: 'a package that depends on a UI framework and on no server framework',
    }),
    js.valid(PAY, {
      filename: packageFile({ 'package.json': { name: 'web', private: true }, 'vite.config.mts': VITE_CONFIG, 'index.html': INDEX_HTML }),
      name: 'a Vite app built from its own index.html, its framework declared elsewhere',
    }),
  ],
  invalid: [
    js.invalid(PAY, PAY_REPORT, {
      filename: packageFile({ 'package.json': { name: 'web', private: true, dependencies: { express: '^4.21.0' } }, 'vite.config.mts': VITE_CONFIG, 'index.html': INDEX_HTML }),
      name: 'a package that also depends on a server framework is a back end',
    }),
    js.invalid(PAY, PAY_REPORT, {
      filename: packageFile({ 'package.json': { name: 'web', private: true }, 'vite.config.mts': VITE_CONFIG }),
      name: 'a Vite config without an index.html beside it (a library build) is not a web app',
    }),
  ],
});

/** A full-stack repository without a package.json for its web app: `client/public/index.html` beside `client/src/`. */
function pageAppFile(relative: string, page = 'client/public/index.html'): string {
  const root = writeProject({
    'services/orders/package.json': { name: 'orders-service', private: true, dependencies: { express: '^4.21.0', axios: '^1.7.9' } },
    'services/orders/public/index.html': INDEX_HTML,
    [page]: INDEX_HTML,
    'client/src/index.js': "import './api/payment.js';\n",
  });
  return path.join(root, relative);
}

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(PAY, {
      filename: pageAppFile('client/src/api/payment.js'),
      name: "a web app's code whose package.json the repository leaves out: its page in public/ beside src/",
    }),
    js.valid(PAY, { filename: viteAppFile(), name: 'a Vite app without a package.json: its index.html and its config beside src/' }),
  ],
  invalid: [
    js.invalid(PAY, PAY_REPORT, {
      filename: pageAppFile('services/orders/src/services/payment.js'),
      name: 'a service with a package.json of its own is a back end, whatever page it serves',
    }),
    js.invalid(PAY, PAY_REPORT, {
      filename: pageAppFile('client/src/api/payment.js', 'client/index.html'),
      name: 'an index.html beside src/ without a Vite config says nothing',
    }),
  ],
});

function viteAppFile(): string {
  return path.join(writeProject({ 'web/index.html': INDEX_HTML, 'web/vite.config.js': VITE_CONFIG, 'web/src/main.js': "import './api/payment.js';\n" }), 'web/src/api/payment.js');
}

/** A Next.js app of an Nx workspace (`apps/storefront`): a folder with its next.config.js and no package.json, the dependencies at the root. */
function nxNextAppFile(relative: string): string {
  const root = writeProject({
    'package.json': { name: 'platform', private: true, dependencies: { next: '^15.0.0', react: '^19.0.0', '@nestjs/core': '^11.0.0', axios: '^1.7.9' } },
    'apps/storefront/next.config.js': 'module.exports = {};\n',
    'apps/storefront/project.json': { name: 'storefront' },
    'apps/orders-service/project.json': { name: 'orders-service' },
  });
  return path.join(root, relative);
}

/** A module of the app's `lib/` reading its payments address from the environment, under `name`. */
const payFromEnv = (name: string): string => `import axios from 'axios';

const PAYMENTS_URL = process.env.${name} || 'http://localhost:3005';

export async function pay(orderId, amount) {
  await axios.post(\`\${PAYMENTS_URL}/api/payments/process\`, { orderId, amount });
}
`;

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(payFromEnv('PAYMENTS_SERVICE_URL'), {
      filename: nxNextAppFile('apps/storefront/lib/payments.js'),
      name: "a Next.js app's module reading a private environment variable may still be its GraphQL or API layer, a BFF relaying its user's own requests: client code until it says otherwise",
    }),
    js.valid(PAY, {
      filename: nxNextAppFile('apps/storefront/lib/api/payment.js'),
      name: "a Next.js app's client code in a workspace that declares every dependency at its root (no package.json of its own)",
    }),
    js.valid(`'use server';\n${PAY}`, {
      filename: nxNextAppFile('apps/storefront/lib/payments.js'),
      name: "a Next.js server action: only the app's own pages call it, so it relays its user's own request",
    }),
    js.valid(PAY, {
      filename: nxNextAppFile('apps/storefront/app/(admin)/actions.js'),
      name: "the app's actions module of its app router: server actions too",
    }),
  ],
  invalid: [
    js.invalid(PAY, PAY_REPORT, {
      filename: nxNextAppFile('apps/storefront/pages/api/payment.js'),
      name: "the same app's API route runs on the server",
    }),
    js.invalid(PAY, PAY_REPORT, {
      filename: nxNextAppFile('apps/storefront/app/api/payments/route.js'),
      name: "a route handler is called by anyone (a provider's webhook): server code",
    }),
    js.invalid(`import 'server-only';\n${PAY}`, PAY_REPORT, {
      filename: nxNextAppFile('apps/storefront/lib/payments.js'),
      name: "a Next.js app's module importing 'server-only' runs on the server",
    }),
    js.invalid(PAY, PAY_REPORT, {
      filename: nxNextAppFile('apps/orders-service/src/payment.js'),
      name: 'a service of the same workspace is a back end',
    }),
  ],
});
