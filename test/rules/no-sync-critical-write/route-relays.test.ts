/**
 * A back end for a front end relays whatever package name it has: a route handler whose request
 * mirrors its own route (same method, the same path but for a prefix) and sends on what the
 * client sent, answering the outcome, loses nothing of its own. A handler that writes its own
 * database first, computes the write, or calls another path owns the write, and is reported.
 */
import { describe } from 'vitest';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

describe('route relays', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
const express = require('express');
const axios = require('axios');
const app = express();

app.put('/pay/:userid', (req, res) => {
  const userId = req.params.userid;
  axios.put(\`http://localhost:61784/pay/\${userId}\`, {})
    .then((payment) => res.json(payment.data))
    .catch((error) => res.status(error.response.status).json({ error: 'Payment failed' }));
});
`,
        { name: 'a handler that makes its own route on a sibling, with nothing of its own, relays' },
      ),
      js.valid(
        `
const express = require('express');
const axios = require('axios');
const router = express.Router();

router.put('/api/cart/:userId/:articleId', async (req, res, next) => {
  const amount = parseInt(req.body.amount, 10);
  try {
    const { data } = await axios.put(\`http://cart-service:3000/cart/\${req.params.userId}/\${req.params.articleId}\`, { amount });
    res.json(data);
  } catch (error) {
    next(error);
  }
});
`,
        { name: 'the same path behind a prefix, with the client value converted (`parseInt`), relays' },
      ),
    ],
    invalid: [
      js.invalid(
        `
const express = require('express');
const axios = require('axios');
const Order = require('./models/order');
const app = express();

app.post('/orders/:userId', async (req, res) => {
  const order = await Order.create({ userId: req.params.userId, amount: req.body.amount });
  const { data } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/orders/\${req.params.userId}\`, { amount: req.body.amount });
  res.status(201).json({ order, payment: data });
});
`,
        {
          at: 'axios.post',
          request: 'POST /orders/{userId}',
          service: 'payment',
          evidence: ['service "payment"', 'path "/orders/{userId}"'],
          after: ' after `Order.create` (line 8) committed',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/orders/${req.params.userId}`, { amount: req.body.amount })',
            topic: 'payment.orders.created',
            payload: '{ userId: req.params.userId, amount: req.body.amount }',
            responseUsed: true,
          }),
        },
        { name: 'a handler that writes its own database before it calls the same route owns the write' },
      ),
      js.invalid(
        `
const express = require('express');
const axios = require('axios');
const app = express();

app.post('/checkout/:userId', async (req, res) => {
  const { data } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/payments\`, { userId: req.params.userId, amount: req.body.amount });
  res.json(data);
});
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payment',
          evidence: ['service "payment"', 'path "/payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/payments`, { userId: req.params.userId, amount: req.body.amount })',
            topic: 'payment.created',
            payload: '{ userId: req.params.userId, amount: req.body.amount }',
            responseUsed: true,
          }),
        },
        { name: 'a request to another path than the route is the handler’s own write' },
      ),
    ],
  });
});

describe('file-routed relays (Next.js route handlers)', () => {
  const NEXT_CANCEL = `
import { NextRequest, NextResponse } from 'next/server';

const API_BASE = process.env.API_GATEWAY_URL || 'http://localhost:8000';

export async function PATCH(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const res = await fetch(\`\${API_BASE}/api/bookings/\${id}/cancel\`, { method: 'PATCH' });
  return NextResponse.json(await res.json(), { status: res.status });
}
`;
  const NEXT_CAUGHT = `
import { NextRequest, NextResponse } from 'next/server';

const ROOMS = process.env.ROOMS_SERVICE_URL;

export async function POST(req: NextRequest) {
  const body = await req.text();
  const upstream = await fetch(\`\${ROOMS}/rooms\`, { method: 'POST', body }).catch(() => null);
  if (!upstream) return NextResponse.json({ message: 'Service unavailable' }, { status: 502 });
  return new NextResponse(await upstream.text(), { status: upstream.status });
}
`;
  const NEXT_CHECKED = `
import { randomUUID } from 'node:crypto';

const ORDERS_URL = process.env.API_GATEWAY_URL + '/orders';

function normalizeOrderInput(raw: unknown): { items: { productId: string; quantity: number }[]; note?: string } {
  const { items, note } = raw as { items: { productId: string; quantity: number }[]; note?: unknown };
  if (!Array.isArray(items) || items.length === 0) throw new Error('no items');
  return { items: items.map((item) => ({ productId: item.productId.trim(), quantity: item.quantity })), note: typeof note === 'string' ? note.trim() : undefined };
}

export async function POST(request: Request) {
  const payload = normalizeOrderInput(await request.json());
  const clientReference = \`web-\${Date.now().toString(36)}-\${Math.random().toString(36).slice(2, 8)}\`;
  const res = await fetch(ORDERS_URL, {
    method: 'POST',
    headers: { 'X-Correlation-Id': randomUUID() },
    body: JSON.stringify({ items: payload.items, note: payload.note, clientReference }),
  });
  return Response.json(await res.json(), { status: res.status });
}
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(NEXT_CHECKED, {
        filename: 'apps/web/app/api/orders/route.ts',
        name: 'the body checked by a function named for it (`normalizeOrderInput`), with a reference made of the clock and chance, is still what the client sent',
      }),
      ts.valid(
        `
const API = process.env.API_GATEWAY_URL;

export async function PATCH(request: Request, context: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await context.params;
  let reason: string | undefined;
  try {
    const body = (await request.json()) as { reason?: unknown };
    if (typeof body.reason === 'string') reason = body.reason.trim();
  } catch {
    // no body
  }
  const res = await fetch(\`\${API}/orders/\${orderId}/cancel\`, { method: 'PATCH', body: JSON.stringify(reason ? { reason } : {}) });
  return Response.json(await res.json(), { status: res.status });
}
`,
        { filename: 'apps/web/app/api/orders/[orderId]/cancel/route.ts', name: 'a reason the client sent, trimmed, is what it sent' },
      ),
      ts.valid(NEXT_CANCEL, {
        filename: 'web/app/api/bookings/[id]/cancel/route.ts',
        name: 'an app-router handler whose request mirrors the route its file serves relays',
      }),
      ts.valid(
        `
const ORDERS_URL = process.env.ORDERS_SERVICE_URL;

export const POST = async (req: Request) => {
  const { items } = await req.json();
  const res = await fetch(\`\${ORDERS_URL}/orders\`, { method: 'POST', body: JSON.stringify({ items }) });
  return Response.json(await res.json(), { status: res.status });
};
`,
        { filename: 'src/app/(shop)/api/orders/route.ts', name: 'route groups are no part of the path; an arrow function exported by its method serves it' },
      ),
      ts.valid(
        `
import axios from 'axios';

export default async function handler(req, res) {
  const { data, status } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/payments/\${req.query.id}/refund\`, { amount: req.body.amount });
  res.status(status).json(data);
}
`,
        { filename: 'pages/api/payments/[id]/refund.ts', name: 'a pages-router API handler mirroring its file route relays' },
      ),
      ts.valid(
        `
import { NextRequest, NextResponse } from 'next/server';

const CONTENT = process.env.CONTENT_SERVICE_URL ?? 'http://content:4002/api/v1';

export async function PATCH(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const upstream = await fetch(\`\${CONTENT}/content/videos/\${id}/approve\`, { method: 'PATCH', headers: { Authorization: req.headers.get('authorization') ?? '' } });
  return new NextResponse(await upstream.text(), { status: upstream.status });
}
`,
        { filename: 'apps/web/src/app/api/videos/[id]/approve/route.ts', name: 'where each side mounts its API (`/api`, `/api/v1`) is no part of the path mirrored' },
      ),
      ts.valid(
        `
import { NextRequest, NextResponse } from 'next/server';

const AUTH = process.env.AUTH_SERVICE_URL ?? 'http://auth:3001/api/v1/auth';

export async function POST(req: NextRequest) {
  const body = await req.json();
  const { confirmPassword, ...account } = body as Record<string, unknown>;
  void confirmPassword;
  const upstream = await fetch(\`\${AUTH}/register\`, { method: 'POST', body: JSON.stringify(account) });
  return new NextResponse(await upstream.text(), { status: upstream.status });
}
`,
        { filename: 'apps/web/src/app/api/auth/register/route.ts', name: 'what is left of the body after a field is taken out (`...account`) is still what the client sent' },
      ),
      ts.valid(
        `
import { NextRequest, NextResponse } from 'next/server';

const BACKEND = process.env.AUTH_SERVICE_URL || 'https://api.example.com';

export async function POST(req: NextRequest) {
  const body = await req.json().catch(() => ({}));
  const { inviteToken, email, password } = body ?? {};
  if (!inviteToken) return NextResponse.json({ message: 'token missing' }, { status: 400 });
  const res = await fetch(\`\${BACKEND}/auth/bootstrap-admin\`, {
    method: 'POST',
    headers: { 'x-invite-token': String(inviteToken) },
    body: JSON.stringify({ email, password }),
  });
  return NextResponse.json(await res.json().catch(() => ({})), { status: res.status });
}
`,
        { filename: 'admin-dashboard/src/app/api/auth/bootstrap-admin/route.ts', name: 'a body read with an empty default (`req.json().catch(() => ({}))`) is still what the client sent' },
      ),
      ts.valid(NEXT_CAUGHT, {
        filename: 'apps/web/app/api/rooms/route.ts',
        name: 'a failure turned into null by `.catch(() => null)`, then answered as one (`if (!upstream) return … 502`), goes back to the client',
      }),
    ],
    invalid: [
      ts.invalid(
        `
import { NextRequest, NextResponse } from 'next/server';

const WALLET = process.env.WALLET_SERVICE_URL;

export async function POST(req: NextRequest) {
  const body = await req.json().catch(() => ({ credits: 100 }));
  const res = await fetch(\`\${WALLET}/wallet/credits\`, { method: 'POST', body: JSON.stringify(body) });
  return NextResponse.json(await res.json(), { status: res.status });
}
`,
        {
          at: 'fetch',
          request: 'POST /wallet/credits',
          service: 'wallet',
          evidence: ['service "wallet"', 'path "/wallet/credits"'],
          suggest: rewrite({ replaced: 'fetch(`${WALLET}/wallet/credits`, { method: \'POST\', body: JSON.stringify(body) })', topic: 'wallet.credits.created', payload: 'body', responseUsed: true }),
        },
        { filename: 'apps/web/app/api/wallet/credits/route.ts', name: "a `.catch` whose default is a write of the handler's own (`{ credits: 100 }`) is not what the client sent" },
      ),
      ts.invalid(
        NEXT_CAUGHT.replace("if (!upstream) return NextResponse.json({ message: 'Service unavailable' }, { status: 502 });", "if (!upstream) console.warn('rooms service down');"),
        {
          at: 'fetch',
          within: 'await fetch(',
          request: 'POST /rooms',
          service: 'rooms',
          evidence: ['service "rooms"', 'path "/rooms"'],
          swallowed: 'the .catch at line 8 carries on as if it worked',
          suggest: rewrite({ replaced: 'fetch(`${ROOMS}/rooms`, { method: \'POST\', body })', topic: 'rooms.created', payload: 'body', responseUsed: true }),
        },
        { filename: 'apps/web/app/api/rooms/route.ts', name: 'the null a `.catch` hands back, looked at but not answered as a failure: the write is lost silently' },
      ),
      ts.invalid(
        NEXT_CANCEL,
        {
          at: 'fetch',
          request: 'PATCH /api/bookings/{id}/cancel',
          service: 'bookings',
          evidence: ['service "bookings"', 'path "/api/bookings/{id}/cancel"'],
          suggest: rewrite({
            replaced: 'fetch(`${API_BASE}/api/bookings/${id}/cancel`, { method: \'PATCH\' })',
            topic: 'bookings.cancel.requested',
            payload: '{ id }',
            responseUsed: true,
          }),
        },
        { filename: 'web/app/api/bookings/[id]/route.ts', name: 'a handler whose file serves another path than the request’s owns the write' },
      ),
      ts.invalid(
        NEXT_CHECKED.replace(/normalizeOrderInput/g, 'priceOrder'),
        {
          at: 'fetch',
          request: 'POST /orders',
          service: 'orders',
          evidence: ['service "orders"', 'path "/orders"'],
          suggest: rewrite({
            replaced: {
              from: 'fetch(ORDERS_URL, {',
              to: 'body: JSON.stringify({ items: payload.items, note: payload.note, clientReference }),\n  })',
            },
            topic: 'orders.created',
            payload: '{ items: payload.items, note: payload.note, clientReference }',
            responseUsed: true,
          }),
        },
        { filename: 'apps/web/app/api/orders/route.ts', name: 'a body made by a function not named for checking it is the handler’s own' },
      ),
    ],
  });
});

