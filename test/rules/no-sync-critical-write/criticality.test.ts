/**
 * Step 4 of the rule: the write must be critical. Evidence comes from the target service's
 * name, URL path words, payload keys, the payload's name and declared type, the enclosing
 * function and class, and `@critical` JSDoc; words of non-critical traffic count against.
 * The message lists the first two pieces of evidence in the order: tag, all, service, path,
 * payload key, payload type, payload name, function/class.
 */
import { describe } from 'vitest';
import { js, jsTester, RULE_NAME, rewrite, rule, ts, tsTester } from './helpers.js';

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function handlePaymentResult(orderId, userId, success) {
  if (success) {
    await axios.delete(\`\${process.env.CART_SERVICE_URL}/cart/\${userId}\`);
  }
}
`,
        { name: 'clearing a cart after a payment: the path names a minor resource, only the caller name speaks for it' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function savePreferences(userId, preferences) {
  await axios.put(\`\${process.env.USERS_SERVICE_URL}/users/\${userId}/preferences\`, { theme: preferences.theme, locale: preferences.locale });
}
`,
        { name: 'a cross-service write with no evidence of criticality' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function sendReceipt(order) {
  await axios.post(\`\${process.env.NOTIFICATIONS_SERVICE_URL}/emails\`, {
    to: order.customerEmail,
    template: 'order-receipt',
    total: order.total,
    currency: order.currency,
  });
}
`,
        { name: 'a notifications service counts against, even with money in the payload' },
      ),
      js.valid(
        `
export async function recordCheckoutLatency(ms) {
  await fetch(\`\${process.env.TELEMETRY_SERVICE_URL}/metrics\`, { method: 'POST', body: JSON.stringify({ name: 'checkout.latency', value: ms }) });
}
`,
        { name: 'metrics are not critical' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function shipLogs(entries) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/logs\`, { entries });
}
`,
        { name: 'a non-critical path word (logs) counts against a critical service name' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function ping() {
  await axios.post(\`\${process.env.LEDGER_SERVICE_URL}/health/ping\`);
}
`,
        { name: 'health/ping on a critical service is not a critical write' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function trackCheckoutStarted(cart) {
  await axios.post(\`\${process.env.EVENTS_SERVICE_URL}/events\`, { type: 'checkout_started', items: cart.items.length });
}
`,
        { name: 'an enclosing function about tracking counts against' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function refreshCache(productId, product) {
  await axios.put(\`\${process.env.CATALOG_SERVICE_URL}/cache/products/\${productId}\`, { price: product.price });
}
`,
        { name: 'a cache write counts against a price in the payload' },
      ),
      js.valid(
        `
export async function pushOrderUpdate(order) {
  await fetch(\`\${process.env.ANALYTICS_SERVICE_URL}/orders\`, { method: 'POST', body: JSON.stringify(order) });
}
`,
        { name: 'an analytics service counts against an orders path' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function forward(body) {
  await axios.post(\`\${process.env.CORE_API_URL}/transfers\`, body);
}
`,
        {
          at: 'axios.post',
          request: 'POST /transfers',
          service: 'core',
          evidence: ['path "/transfers"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.CORE_API_URL}/transfers`, body)',
            topic: 'core.transfers.created',
            payload: 'body',
          }),
        },
        { name: 'a path word alone (transfers)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function holdSeats(seatIds) {
  await axios.put(\`\${process.env.SEAT_SERVICE_URL}/api/seats/details\`, { seatIds, status: 'HELD' });
}
`,
        {
          at: 'axios.put',
          request: 'PUT /api/seats/details',
          service: 'seat',
          evidence: ['service "seat"', 'path "/api/seats/details"'],
          suggest: rewrite({
            replaced: "axios.put(`${process.env.SEAT_SERVICE_URL}/api/seats/details`, { seatIds, status: 'HELD' })",
            topic: 'seat.details.updated',
            payload: "{ seatIds, status: 'HELD' }",
          }),
        },
        { name: 'a PUT to a path ending in `details` updates them: only a POST there is a lookup' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function reschedule(id, date, doctorId) {
  await axios.put(\`\${process.env.SCHEDULING_SERVICE_URL}/appointments/\${id}\`, { date, doctorId });
}
`,
        {
          at: 'axios.put',
          request: 'PUT /appointments/{id}',
          service: 'scheduling',
          evidence: ['path "/appointments/{id}"'],
          suggest: rewrite({
            replaced: 'axios.put(`${process.env.SCHEDULING_SERVICE_URL}/appointments/${id}`, { date, doctorId })',
            topic: 'scheduling.appointments.updated',
            payload: '{ id, date, doctorId }',
          }),
        },
        { name: 'an appointment is a booking (a slot with a doctor or a clinic)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function adjustMember(memberId, points, reason) {
  await axios.post(\`\${process.env.REWARDS_SERVICE_URL}/members/\${memberId}/adjustments\`, { amount: points, reason });
}
`,
        {
          at: 'axios.post',
          request: 'POST /members/{memberId}/adjustments',
          service: 'rewards',
          evidence: ['payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.REWARDS_SERVICE_URL}/members/${memberId}/adjustments`, { amount: points, reason })',
            topic: 'rewards.members.adjustments.created',
            payload: '{ memberId, amount: points, reason }',
          }),
        },
        { name: 'a payload key alone (amount)' },
      ),
      js.invalid(
        `
export async function requestPicking(warehouseId, sku, qty) {
  await fetch(\`\${process.env.PICKING_SERVICE_URL}/picking-lists\`, {
    method: 'POST',
    body: JSON.stringify({ warehouseId, lines: [{ sku, qty }] }),
  });
}
`,
        {
          at: 'fetch',
          request: 'POST /picking-lists',
          service: 'picking',
          evidence: ['payload key "qty"'],
          suggest: rewrite({
            replaced: { from: 'fetch(', to: '\n  })' },
            topic: 'picking.picking-lists.created',
            payload: '{ warehouseId, lines: [{ sku, qty }] }',
          }),
        },
        { name: 'a payload key inside an array of line items' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function submit(withdrawal) {
  await axios.post(\`\${process.env.CORE_API_URL}/requests\`, withdrawal);
}
`,
        {
          at: 'axios.post',
          request: 'POST /requests',
          service: 'core',
          evidence: ['payload "withdrawal"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.CORE_API_URL}/requests`, withdrawal)',
            topic: 'core.requests.created',
            payload: 'withdrawal',
          }),
        },
        { name: "the payload's name (withdrawal)" },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function createOrder(input) {
  await axios.post(\`\${process.env.CORE_API_URL}/records\`, input);
}
`,
        {
          at: 'axios.post',
          request: 'POST /records',
          service: 'core',
          evidence: ['function "createOrder"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.CORE_API_URL}/records`, input)',
            topic: 'core.records.created',
            payload: 'input',
          }),
        },
        { name: 'the enclosing function name (createOrder)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export class SettlementGateway {
  async send(body) {
    await axios.post(\`\${process.env.CORE_API_URL}/batches\`, body);
  }
}
`,
        {
          at: 'axios.post',
          request: 'POST /batches',
          service: 'core',
          evidence: ['class "SettlementGateway"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.CORE_API_URL}/batches`, body)',
            topic: 'core.batches.created',
            payload: 'body',
          }),
        },
        { name: 'the enclosing class name (SettlementGateway)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function attachDocument(customerId, document) {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/customers/\${customerId}/documents\`, document);
}
`,
        {
          at: 'axios.post',
          request: 'POST /customers/{customerId}/documents',
          service: 'billing',
          evidence: ['service "billing"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/customers/${customerId}/documents`, document)',
            topic: 'billing.customers.documents.created',
            payload: '{ ...document, customerId }',
          }),
        },
        { name: 'the target service name alone (billing)' },
      ),
      js.invalid(
        `
import axios from 'axios';

/**
 * Grants the seats the customer just bought.
 * @critical seats are paid for; losing this grant loses revenue
 */
export async function grantSeats(teamId, seats) {
  await axios.post(\`\${process.env.TEAMS_SERVICE_URL}/teams/\${teamId}/seats\`, { seats });
}
`,
        {
          at: 'axios.post',
          request: 'POST /teams/{teamId}/seats',
          service: 'teams',
          evidence: ['@critical on grantSeats', 'path "/teams/{teamId}/seats"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.TEAMS_SERVICE_URL}/teams/${teamId}/seats`, { seats })',
            topic: 'teams.seats.created',
            payload: '{ teamId, seats }',
          }),
        },
        { name: '@critical in the JSDoc of the enclosing function' },
      ),
      js.invalid(
        `
import axios from 'axios';

/** @critical */
export const grantSeats = async (teamId, seats) => {
  await axios.post(\`\${process.env.TEAMS_SERVICE_URL}/teams/\${teamId}/seats\`, { seats });
};
`,
        {
          at: 'axios.post',
          request: 'POST /teams/{teamId}/seats',
          service: 'teams',
          evidence: ['@critical on grantSeats', 'path "/teams/{teamId}/seats"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.TEAMS_SERVICE_URL}/teams/${teamId}/seats`, { seats })',
            topic: 'teams.seats.created',
            payload: '{ teamId, seats }',
          }),
        },
        { name: '@critical on an exported arrow function const' },
      ),
      js.invalid(
        `
import axios from 'axios';

/** Regulators require every admin action in the audit trail. @critical */
export async function recordAuditEntry(entry) {
  await axios.post(\`\${process.env.COMPLIANCE_SERVICE_URL}/audit-entries\`, entry);
}
`,
        {
          at: 'axios.post',
          request: 'POST /audit-entries',
          service: 'compliance',
          evidence: ['@critical on recordAuditEntry'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.COMPLIANCE_SERVICE_URL}/audit-entries`, entry)',
            topic: 'compliance.audit-entries.created',
            payload: 'entry',
          }),
        },
        { name: '@critical wins over a non-critical word (audit)' },
      ),
      js.invalid(
        `
import axios from 'axios';

/** @critical */
export async function createPayment(payment) {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`, { amount: payment.amount, currency: payment.currency });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payments',
          service: 'payments',
          evidence: ['@critical on createPayment', 'service "payments"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { amount: payment.amount, currency: payment.currency })',
            topic: 'payments.created',
            payload: '{ amount: payment.amount, currency: payment.currency }',
          }),
        },
        { name: 'evidence order: the tag comes first, then the service' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function capture(req) {
  await axios.post(\`\${process.env.CORE_API_URL}/captures\`, { amount: req.amount, currency: req.currency });
}
`,
        {
          at: 'axios.post',
          request: 'POST /captures',
          service: 'core',
          evidence: ['path "/captures"', 'payload key "amount"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.CORE_API_URL}/captures`, { amount: req.amount, currency: req.currency })',
            topic: 'core.captures.created',
            payload: '{ amount: req.amount, currency: req.currency }',
          }),
        },
        { name: 'evidence order: path before payload key' },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import axios from 'axios';

interface SearchDocument {
  id: string;
  title: string;
  price: number;
}

export async function reindex(document: SearchDocument): Promise<void> {
  await axios.put(\`\${process.env.CATALOG_SERVICE_URL}/search/documents/\${document.id}\`, document);
}
`,
        { name: 'a search index write is not critical' },
      ),
      ts.valid(
        `
import { Injectable } from '@nestjs/common';

/** The payments service's client of the risk service. */
@Injectable()
export class PaymentsRiskClient {
  async recordEvent(type: string, subjectId: string): Promise<void> {
    await fetch(\`\${process.env.RISK_SERVICE_URL}/internal/v1/events\`, { method: 'POST', body: JSON.stringify({ type, subjectId }) });
  }

  async evaluate(subjectId: string, amountMinor: string): Promise<void> {
    await fetch(\`\${process.env.RISK_SERVICE_URL}/internal/v1/assessments/evaluate\`, { method: 'POST', body: JSON.stringify({ subjectId, amountMinor }) });
  }
}
`,
        {
          name: 'a client class is named for whom it calls: "Payments" in PaymentsRiskClient is no evidence, and a risk evaluation is a query sent as POST',
        },
      ),
      ts.valid(
        `
import axios from 'axios';

type PushNotification = {
  userId: string;
  title: string;
  body: string;
};

export async function notify(notification: PushNotification): Promise<void> {
  await axios.post(\`\${process.env.MESSAGING_SERVICE_URL}/notifications\`, notification);
}
`,
        { name: 'a notifications path in TS' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import axios from 'axios';

/** A change to a customer's plan; invoices are computed from it. @critical */
export interface PlanChange {
  customerId: string;
  plan: string;
  effectiveAt: string;
}

export async function changePlan(change: PlanChange): Promise<void> {
  await axios.put(\`\${process.env.PLANS_SERVICE_URL}/customers/\${change.customerId}/plan\`, change);
}
`,
        {
          at: 'axios.put',
          request: 'PUT /customers/{customerId}/plan',
          service: 'plans',
          evidence: ['@critical on type PlanChange'],
          suggest: rewrite({
            replaced: 'axios.put(`${process.env.PLANS_SERVICE_URL}/customers/${change.customerId}/plan`, change)',
            // only a leading segment repeating the service is dropped: `plan` names the resource
            topic: 'plans.customers.plan.updated',
            // the URL's value is a member of the body: nothing to add
            payload: 'change',
          }),
        },
        { name: "@critical in the JSDoc of the payload's declared type" },
      ),
      ts.invalid(
        `
import axios from 'axios';

class CreateRefundDto {
  paymentId!: string;
  reason!: string;
}

export async function submit(dto: CreateRefundDto): Promise<void> {
  await axios.post(\`\${process.env.CORE_API_URL}/requests\`, dto);
}
`,
        {
          at: 'axios.post',
          request: 'POST /requests',
          service: 'core',
          evidence: ['payload type "CreateRefundDto"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.CORE_API_URL}/requests`, dto)',
            topic: 'core.requests.created',
            payload: 'dto',
          }),
        },
        { name: "the payload's declared type name (CreateRefundDto)" },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class SeatsClient {
  constructor(private readonly http: HttpService) {}

  /** @critical paid seats */
  async grant(teamId: string, seats: number): Promise<void> {
    await firstValueFrom(this.http.post(\`\${process.env.TEAMS_SERVICE_URL}/teams/\${teamId}/seats\`, { seats }));
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /teams/{teamId}/seats',
          service: 'teams',
          evidence: ['@critical on grant', 'path "/teams/{teamId}/seats"'],
          suggest: rewrite({
            replaced: 'firstValueFrom(this.http.post(`${process.env.TEAMS_SERVICE_URL}/teams/${teamId}/seats`, { seats }))',
            topic: 'teams.seats.created',
            payload: '{ teamId, seats }',
          }),
        },
        { name: '@critical on a class method' },
      ),
      ts.invalid(
        `
import axios from 'axios';

/** @critical referral stars are a liability on the balance sheet */
type StarsGrant = {
  memberId: string;
  stars: number;
};

export async function grant(grant: StarsGrant): Promise<void> {
  await axios.post(\`\${process.env.REWARDS_SERVICE_URL}/grants\`, grant);
}
`,
        {
          at: 'axios.post',
          request: 'POST /grants',
          service: 'rewards',
          evidence: ['@critical on type StarsGrant'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.REWARDS_SERVICE_URL}/grants`, grant)',
            topic: 'rewards.grants.created',
            payload: 'grant',
          }),
        },
        { name: '@critical on a payload type alias' },
      ),
      ts.invalid(
        `
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { IsInt, IsPositive, IsString } from 'class-validator';
import { firstValueFrom } from 'rxjs';

export class CreateChargeDto {
  @IsString()
  customerId!: string;

  @IsInt()
  @IsPositive()
  amountCents!: number;
}

@Injectable()
export class CoreClient {
  constructor(private readonly http: HttpService) {}

  async submit(dto: CreateChargeDto): Promise<void> {
    await firstValueFrom(this.http.post(\`\${process.env.CORE_API_URL}/requests\`, dto));
  }
}
`,
        {
          at: 'this.http.post',
          request: 'POST /requests',
          service: 'core',
          evidence: ['payload type "CreateChargeDto"'],
          suggest: rewrite({
            replaced: 'firstValueFrom(this.http.post(`${process.env.CORE_API_URL}/requests`, dto))',
            topic: 'core.requests.created',
            payload: 'dto',
          }),
        },
        { name: 'a NestJS DTO class as the payload type' },
      ),
    ],
  });
});

describe('what the path says of the write', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function migrateCart(guestId, userId) {
  await axios.post(\`\${process.env.ORDER_SERVICE_URL}/api/internal/cart/migrate\`, { guestId, userId });
}
`,
        { name: 'the order service asked to move a cart: the service is critical, what it writes is not' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function getFlightSeat(flightId, seatNumber) {
  const { data } = await axios.post(\`\${process.env.SEAT_SERVICE_URL}/internal/get-flight-seat\`, { flightId, seatNumber });
  return data;
}
`,
        { name: 'a path that names a read (`get-flight-seat`) asks, whatever the service' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function createBooking(seatIds) {
  const { data } = await axios.post(\`\${process.env.SEAT_SERVICE_URL}/api/seats/details\`, { seatIds });
  return data;
}
`,
        { name: 'a POST to a path ending in `details` looks the seats up, whatever its caller is called' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function startPayouts(accountId, vendorId) {
  const { data } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/v1/payment/connect/accounts/\${accountId}/onboarding-links\`, { vendorId });
  return data.url;
}

export async function uploadReceipt(orderId) {
  const { data } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/receipts/\${orderId}/upload-url\`, {});
  return data.url;
}
`,
        { name: 'a POST that makes a link or an address to hand out (`onboarding-links`, `upload-url`) writes nothing, even to the payment service' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function enrichRides(rides) {
  const { data } = await axios.post(\`\${process.env.BOOKING_SERVICE_URL}/bookings/internal/batch\`, { ids: rides.map((ride) => ride.bookingId) });
  return data.bookings;
}
`,
        { name: 'a POST of ids alone to a batch path with no command asks for those records' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function checkPassword(userId, password) {
  const { data } = await axios.post(\`\${process.env.USER_SERVICE_URL}/users/\${userId}/verify-password\`, { password });
  return data.valid;
}

export async function checkToken(token) {
  const { data } = await axios.post(\`\${process.env.USER_SERVICE_URL}/auth/verify\`, { token });
  return data.user;
}
`,
        { name: 'a verify path that checks a secret, or names no account by its id, asks' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function createBooking(foodDrinkIds) {
  const response = await axios.post(\`\${process.env.FOOD_DRINK_SERVICE_URL}/api/food-drinks/public/by-ids\`, { ids: foodDrinkIds });
  return response.data;
}
`,
        { name: 'a POST to a path ending in a lookup key (`by-ids`) reads a batch' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function pushStatus(bookingId, status) {
  await axios.post(\`\${process.env.SEAT_SERVICE_URL}/emit/booking-status\`, { bookingId, status });
}
`,
        { name: 'an event pushed to connected clients (`/emit/…`) is a notice' },
      ),
      js.valid(
        `
import axios from 'axios';

const REALTIME_SERVICE_URL = process.env.REALTIME_SERVICE_URL || 'http://localhost:5007';

export async function broadcastRideStatusUpdate(rideId, status) {
  await axios.post(\`\${REALTIME_SERVICE_URL}/internal/ride-status-update\`, { rideId, status });
}
`,
        { name: 'a status pushed through a realtime (socket) service to connected clients is a notice' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function saveRideMessage(rideId, senderId, text) {
  await axios.post(\`\${process.env.RIDE_SERVICE_URL}/api/rides/\${rideId}/messages\`, { senderId, text });
}
`,
        { name: 'a chat message about a ride, even sent to a critical service, moves nothing' },
      ),
      js.valid(
        `
import axios from 'axios';

export class WarehouseService {
  async alertLowStock(phone, sku) {
    await axios.post(\`\${process.env.WHATSAPP_SERVICE_URL}/api/whatsapp/send\`, { phone, text: \`Low stock: \${sku}\` });
  }
}
`,
        { name: 'a WhatsApp message is a notice, whatever class sends it' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function provisionBucket(name) {
  await axios.post(\`\${process.env.STORAGE_SERVICE_URL}/buckets/provision\`, { name });
}
`,
        { name: 'provisioning what is not an account (a storage bucket) is no account write' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function getVouchersForBook(businessIds, month) {
  const { data } = await axios.post(\`\${process.env.VOUCHER_SERVICE_URL}/internal/vouchers/for-book\`, { businessIds, month });
  return data;
}
`,
        { name: 'a segment that starts with `for` names a lookup key, not a command (`for-book`): the read its caller names stands' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function replayOrder(orderId) {
  await axios.post(\`\${process.env.ORDER_SERVICE_URL}/debug/orders/\${orderId}/replay\`, { status: 'PAID' });
}
`,
        { name: 'an endpoint kept for trying things out (`/debug/…`) is no write anybody relies on' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function triggerIncome(userId, coins) {
  await axios.post(\`\${process.env.INCOME_SERVICE_URL}/api/income/topup-trigger\`, { userId, coins });
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/income/topup-trigger',
          service: 'income',
          evidence: ['path "/api/income/topup-trigger"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.INCOME_SERVICE_URL}/api/income/topup-trigger`, { userId, coins })',
            topic: 'income.topup-trigger.created',
            payload: '{ userId, coins }',
          }),
        },
        { name: 'a top-up is money' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function syncMint(tokenId, txHash) {
  await axios.post(\`\${process.env.TICKET_SERVICE_URL}/internal/tickets/by-token/\${tokenId}/blockchain-sync\`, { txHash });
}
`,
        {
          at: 'axios.post',
          request: 'POST /internal/tickets/by-token/{tokenId}/blockchain-sync',
          service: 'ticket',
          evidence: ['service "ticket"', 'path "/internal/tickets/by-token/{tokenId}/blockchain-sync"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.TICKET_SERVICE_URL}/internal/tickets/by-token/${tokenId}/blockchain-sync`, { txHash })',
            topic: 'ticket.by-token.blockchain-sync.created',
            payload: '{ tokenId, txHash }',
          }),
        },
        { name: 'a segment that starts with `by` (`by-token`) names the key of a lookup: its words do not count against the write' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function createContract(proposal) {
  await axios.post(\`\${process.env.MARKET_SERVICE_URL}/contracts\`, { proposalId: proposal.id, clientId: proposal.clientId });
}
`,
        {
          at: 'axios.post',
          request: 'POST /contracts',
          service: 'market',
          evidence: ['path "/contracts"', 'function "createContract"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.MARKET_SERVICE_URL}/contracts`, { proposalId: proposal.id, clientId: proposal.clientId })',
            topic: 'market.contracts.created',
            payload: '{ proposalId: proposal.id, clientId: proposal.clientId }',
          }),
        },
        { name: 'a contract between a client and a freelancer carries money' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function verifyPaymentStatus(payment) {
  await axios.patch(\`\${process.env.ORDER_SERVICE_URL}/api/orders/\${payment.orderId}/status\`, { status: 'CONFIRMED' });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/orders/{orderId}/status',
          service: 'order',
          evidence: ['service "order"', 'path "/api/orders/{orderId}/status"'],
          suggest: rewrite({
            replaced: "axios.patch(`${process.env.ORDER_SERVICE_URL}/api/orders/${payment.orderId}/status`, { status: 'CONFIRMED' })",
            topic: 'order.status.updated',
            payload: "{ orderId: payment.orderId, status: 'CONFIRMED' }",
          }),
        },
        { name: 'a PATCH is no query, even when the function that sends it is named like a read (`verifyPaymentStatus`)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function register(email, name) {
  const { data } = await axios.post(\`\${process.env.USER_SERVICE_URL}/internal/create\`, { email, name });
  return data;
}
`,
        {
          at: 'axios.post',
          request: 'POST /internal/create',
          service: 'user',
          evidence: ['account created in "user"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.USER_SERVICE_URL}/internal/create`, { email, name })',
            topic: 'user.create.created',
            payload: '{ email, name }',
            responseUsed: true,
          }),
        },
        { name: 'what an identity service is asked to create (`POST /internal/create`) is an account' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function liftBan(userId) {
  await axios.post(\`\${process.env.AUTH_SERVICE_URL}/auth/admin/users/\${userId}/lift-report-auto-ban\`);
}
`,
        {
          at: 'axios.post',
          request: 'POST /auth/admin/users/{userId}/lift-report-auto-ban',
          service: 'auth',
          evidence: ['account ban in "auth"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.AUTH_SERVICE_URL}/auth/admin/users/${userId}/lift-report-auto-ban`)',
            topic: 'auth.admin.users.lift-report-auto-ban.created',
            payload: '{ userId }',
          }),
        },
        { name: 'the command that changes an account may name why (`lift-report-auto-ban`): the reason does not count against it' },
      ),
    ],
  });
});

const GRAPHQL_CLIENT = `
const axios = require('axios');

class ServiceClient {
  constructor(baseURL) {
    this.client = axios.create({ baseURL });
  }

  async query(query, variables = {}) {
    const response = await this.client.post('', { query, variables });
    return response.data.data;
  }
}

const productService = new ServiceClient(process.env.PRODUCT_SERVICE_URL);
`;

describe('GraphQL operations', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `${GRAPHQL_CLIENT}
async function loadProduct(id) {
  return productService.query('query Product($id: ID!) { product(id: $id) { id stock price } }', { id });
}

module.exports = { loadProduct };
`,
        { name: 'a GraphQL query sent as POST reads', sourceType: 'commonjs' },
      ),
    ],
    invalid: [
      js.invalid(
        `${GRAPHQL_CLIENT}
async function takeStock(item) {
  await productService.query('mutation UpdateStock($id: ID!, $quantity: Int!) { updateStock(id: $id, quantity: $quantity) { id stock } }', { id: item.productId, quantity: -item.quantity });
}

module.exports = { takeStock };
`,
        {
          at: 'productService.query',
          request: 'POST /',
          service: 'product',
          evidence: ['mutation "updateStock"', 'function "takeStock"'],
          via: ['ServiceClient.query'],
          suggest: rewrite({
            replaced: "productService.query('mutation UpdateStock($id: ID!, $quantity: Int!) { updateStock(id: $id, quantity: $quantity) { id stock } }', { id: item.productId, quantity: -item.quantity })",
            topic: 'product.created',
            // the body is built inside the wrapper, from two of its parameters
            payload: '/* TODO: the data this request carried */ {}',
          }),
        },
        { name: 'a GraphQL mutation says what it writes in its fields', sourceType: 'commonjs' },
      ),
    ],
  });
});

describe('event envelopes', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function announceProfile(profile) {
  await axios.post('http://eventbus:4000/events', { type: 'ProfileViewed', data: { id: profile.id } });
}
`,
        { name: 'an event whose name says nothing critical' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function announce(body) {
  const envelope = { type: 'OrderCreated', data: { ...body, kind: 'web' } };
  await axios.post('http://eventbus:4000/events', envelope);
}
`,
        {
          at: 'axios.post',
          request: 'POST /events',
          service: 'eventbus',
          evidence: ['event "OrderCreated"'],
          suggest: rewrite({
            replaced: "axios.post('http://eventbus:4000/events', envelope)",
            topic: 'eventbus.events.created',
            payload: 'envelope',
          }),
        },
        { name: 'the event an envelope names (`type: \'OrderCreated\'`) is evidence of what is written' },
      ),
    ],
  });
});

describe('roles of accounts', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function saveReply(conversationId, content) {
  await axios.put(\`\${process.env.ASSISTANT_SERVICE_URL}/conversations/\${conversationId}\`, { role: 'assistant', content });
}
`,
        { name: 'a role set outside an account of the identity service is no account change' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function renameRole(roleId) {
  await axios.put(\`\${process.env.CATALOG_SERVICE_URL}/api/catalog/\${roleId}/role\`, { role: 'editor' });
}
`,
        { name: "a path ending with `role` outside the identity service is no account's role" },
      ),
      js.valid(
        `
import axios from 'axios';

export async function syncRole(userId, role) {
  await axios.patch(\`\${process.env.AUTH_SERVICE_URL}/api/auth/users/\${userId}\`, { role });
}
`,
        { name: 'a role passed through from a variable is not known to change' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function renameProject(projectId, name, teamId) {
  await axios.patch(\`\${process.env.PROJECTS_SERVICE_URL}/projects/\${projectId}\`, { name, teamId });
}
`,
        { name: 'an organisation key outside an account of the identity service is no account change' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function approveCourier(registration) {
  await axios.patch(\`\${process.env.AUTH_SERVICE_URL}/api/auth/users/\${registration.user}\`, { role: 'delivery_personnel' });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/auth/users/{user}',
          service: 'auth',
          evidence: ['account role set to "delivery_personnel"'],
          suggest: rewrite({
            replaced: "axios.patch(`${process.env.AUTH_SERVICE_URL}/api/auth/users/${registration.user}`, { role: 'delivery_personnel' })",
            topic: 'auth.users.updated',
            payload: "{ user: registration.user, role: 'delivery_personnel' }",
          }),
        },
        { name: 'a role granted on an account of the identity service' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function approveRestaurant(restaurant) {
  await axios.patch(\`http://localhost:3000/api/auth/users/\${restaurant.owner}\`, { role: 'restaurant_admin' });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/auth/users/{owner}',
          service: 'localhost:3000',
          evidence: ['account role set to "restaurant_admin"'],
          suggest: rewrite({
            replaced: "axios.patch(`http://localhost:3000/api/auth/users/${restaurant.owner}`, { role: 'restaurant_admin' })",
            topic: 'auth.users.updated',
            payload: "{ owner: restaurant.owner, role: 'restaurant_admin' }",
          }),
        },
        { name: 'the identity service behind a gateway, named in the path' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function verifyRestaurant(restaurant) {
  await axios.put(\`http://localhost:5000/api/auth/\${restaurant.owner}/role\`, { role: 'restaurant_admin' });
}
`,
        {
          at: 'axios.put',
          request: 'PUT /api/auth/{owner}/role',
          service: 'localhost:5000',
          evidence: ['account role set to "restaurant_admin"'],
          suggest: rewrite({
            replaced: "axios.put(`http://localhost:5000/api/auth/${restaurant.owner}/role`, { role: 'restaurant_admin' })",
            topic: 'auth.role.updated',
            payload: "{ owner: restaurant.owner, role: 'restaurant_admin' }",
          }),
        },
        { name: "a path that ends with the account's role, in the identity service named in the path" },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function updateUserRole(userId, role) {
  await axios.patch(\`\${process.env.AUTH_SERVICE_URL}/v1/auth/users/\${userId}/role\`, { role });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /v1/auth/users/{userId}/role',
          service: 'auth',
          evidence: ['account role changed'],
          suggest: rewrite({
            replaced: 'axios.patch(`${process.env.AUTH_SERVICE_URL}/v1/auth/users/${userId}/role`, { role })',
            topic: 'auth.users.role.updated',
            payload: '{ userId, role }',
          }),
        },
        { name: "a path that ends with the account's role sets one, whichever role the caller passes" },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function linkAccounts(accountId, otherId) {
  await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/accounts/\${accountId}/link\`, { otherId });
}
`,
        {
          at: 'axios.post',
          request: 'POST /accounts/{accountId}/link',
          service: 'payment',
          evidence: ['service "payment"', 'path "/accounts/{accountId}/link"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/accounts/${accountId}/link`, { otherId })',
            topic: 'payment.accounts.link.created',
            payload: '{ accountId, otherId }',
          }),
        },
        { name: 'a lone `link` at the end of the path is a command: the accounts are linked' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function cancelBookings(bookingIds) {
  await axios.post(\`\${process.env.BOOKING_SERVICE_URL}/bookings/batch-cancel\`, { bookingIds });
}
`,
        {
          at: 'axios.post',
          request: 'POST /bookings/batch-cancel',
          service: 'booking',
          evidence: ['service "booking"', 'path "/bookings/batch-cancel"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BOOKING_SERVICE_URL}/bookings/batch-cancel`, { bookingIds })',
            topic: 'booking.batch-cancel.created',
            payload: '{ bookingIds }',
          }),
        },
        { name: 'ids alone sent to a path that names a command (`batch-cancel`) write' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function payOut(invoiceIds) {
  await axios.post(\`\${process.env.BILLING_SERVICE_URL}/payouts\`, { invoiceIds });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payouts',
          service: 'billing',
          evidence: ['service "billing"', 'path "/payouts"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BILLING_SERVICE_URL}/payouts`, { invoiceIds })',
            topic: 'billing.payouts.created',
            payload: '{ invoiceIds }',
          }),
        },
        { name: 'ids alone sent to a collection (`POST /payouts`) create a record for them' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function verifyDoctor(doctorId) {
  await axios.patch(\`\${process.env.DOCTOR_SERVICE_URL}/internal/doctors/\${doctorId}/verify\`, { isVerified: true });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /internal/doctors/{doctorId}/verify',
          service: 'doctor',
          evidence: ['account verification set (verify)'],
          suggest: rewrite({
            replaced: 'axios.patch(`${process.env.DOCTOR_SERVICE_URL}/internal/doctors/${doctorId}/verify`, { isVerified: true })',
            topic: 'doctor.verify.updated',
            payload: '{ doctorId, isVerified: true }',
          }),
        },
        { name: 'an account holder named by its id and marked verified: the account may now act' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function confirmPhone(userId) {
  await axios.patch(\`\${process.env.USER_SERVICE_URL}/api/users/\${userId}/verify-phone\`, {});
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/users/{userId}/verify-phone',
          service: 'user',
          evidence: ['account verification set (verify-phone)'],
          suggest: rewrite({
            replaced: 'axios.patch(`${process.env.USER_SERVICE_URL}/api/users/${userId}/verify-phone`, {})',
            topic: 'user.verify-phone.updated',
            payload: '{ userId }',
          }),
        },
        { name: 'a user marked verified by a PATCH whose last segment starts with a read verb still writes' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function approveJoinRequest(userId, companyId) {
  await axios.patch(\`\${process.env.IDENTITY_SERVICE_URL}/api/v1/identity/users/\${userId}\`, { companyId });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/v1/identity/users/{userId}',
          service: 'identity',
          evidence: ['account companyId set'],
          suggest: rewrite({
            replaced: 'axios.patch(`${process.env.IDENTITY_SERVICE_URL}/api/v1/identity/users/${userId}`, { companyId })',
            topic: 'identity.users.updated',
            payload: '{ userId, companyId }',
          }),
        },
        { name: 'an account moved into a company of the identity service' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function removeEmployee(userId) {
  await axios.patch(\`\${process.env.IDENTITY_SERVICE_URL}/api/v1/identity/users/\${userId}\`, { companyId: null });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/v1/identity/users/{userId}',
          service: 'identity',
          evidence: ['account companyId cleared'],
          suggest: rewrite({
            replaced: 'axios.patch(`${process.env.IDENTITY_SERVICE_URL}/api/v1/identity/users/${userId}`, { companyId: null })',
            topic: 'identity.users.updated',
            payload: '{ userId, companyId: null }',
          }),
        },
        { name: 'an account taken out of its company' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function reviewCourier(id, status) {
  await axios.patch(\`\${process.env.AUTH_SERVICE_URL}/api/users/\${id}\`, { email_verified: status === 'approved' });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/users/{id}',
          service: 'auth',
          evidence: ['account email_verified set'],
          suggest: rewrite({
            replaced: "axios.patch(`${process.env.AUTH_SERVICE_URL}/api/users/${id}`, { email_verified: status === 'approved' })",
            topic: 'auth.users.updated',
            payload: "{ id, email_verified: status === 'approved' }",
          }),
        },
        { name: 'an account allowed to sign in, or no longer, by the identity service' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function banUser(userId) {
  await axios.put(\`\${process.env.USER_SERVICE_URL}/users/\${userId}\`, { isActive: false });
}
`,
        {
          at: 'axios.put',
          request: 'PUT /users/{userId}',
          service: 'user',
          evidence: ['account isActive set'],
          suggest: rewrite({
            replaced: 'axios.put(`${process.env.USER_SERVICE_URL}/users/${userId}`, { isActive: false })',
            topic: 'user.updated',
            payload: '{ userId, isActive: false }',
          }),
        },
        { name: 'an account deactivated in the user service' },
      ),
    ],
  });
});

describe('named states of an entity', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import axios from 'axios';

export async function pollSync(productId: string) {
  return axios.post(\`\${process.env.CATALOG_SERVICE_URL}/products/\${productId}/sync-status\`, {});
}
`,
        { name: 'a named state sent as POST is not taken for an update of it' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import axios from 'axios';

export class EventClient {
  private readonly http = axios.create({ baseURL: process.env.EVENT_SERVICE_URL });

  async updateBlockchainStatus(eventId: string, update: { status: string; error?: string }) {
    const response = await this.http.put(\`/internal/events/\${eventId}/blockchain-status\`, update);
    return response.data;
  }

  async markSynced(eventId: string) {
    return this.updateBlockchainStatus(eventId, { status: 'synced' });
  }

  async markFailed(eventId: string, error: string) {
    return this.updateBlockchainStatus(eventId, { status: 'failed', error });
  }
}
`,
        {
          at: 'this.http.put',
          request: 'PUT /internal/events/{eventId}/blockchain-status',
          service: 'event',
          evidence: ['PUT …/blockchain-status'],
          suggest: rewrite({
            replaced: 'this.http.put(`/internal/events/${eventId}/blockchain-status`, update)',
            topic: 'event.blockchain-status.updated',
            payload: '{ ...update, eventId }',
            responseUsed: true,
          }),
        },
        { name: 'a named state updated in place (`PUT …/blockchain-status`) is reported once, at the request, not at each caller' },
      ),
    ],
  });
});

describe('commands on what a read word names', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function checkRooms(query) {
  return axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/availability\`, query);
}
`,
        { name: 'a check of availability sent as POST is a read' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function checkCopies(bookId) {
  return axios.post(\`\${process.env.CATALOG_SERVICE_URL}/api/books/\${bookId}/availability\`, { copies: 1 });
}
`,
        { name: 'the availability of an entity asked with POST is a read' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function heartbeat(verbose) {
  await axios.post(\`\${process.env.MONITOR_SERVICE_URL}/agents/\${verbose ? 'metrics' : 'health'}\`, { at: Date.now() });
}
`,
        { name: 'a path whose last segment a condition picks is not critical when neither is' },
      ),
      js.valid(
        `
import axios from 'axios';

const DATA = process.env.DATA_ACCESS_SERVICE_URL;

export const deactivateSession = (id) => axios.patch(\`\${DATA}/sessions/\${id}/deactivate\`);
export const revokeToken = (id) => axios.post(\`\${DATA}/refresh-tokens/\${id}/revoke\`);
export const expireSession = (id) => axios.patch(\`\${DATA}/sessions/\${id}\`, { status: 'EXPIRED' });
`,
        { name: "a login's session or token deactivated, revoked or expired is housekeeping of access, not an entity's state" },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function freeRooms(roomId, from, to) {
  await axios.post(\`\${process.env.BOOKING_SERVICE_URL}/availability/unhold\`, { roomId, from, to });
}
`,
        {
          at: 'axios.post',
          request: 'POST /availability/unhold',
          service: 'booking',
          evidence: ['service "booking"', 'transition "unhold"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BOOKING_SERVICE_URL}/availability/unhold`, { roomId, from, to })',
            topic: 'booking.availability.unhold.requested',
            payload: '{ roomId, from, to }',
          }),
        },
        { name: 'a command after a read word (`/availability/unhold`) is a write, and undoing a transition is one' },
      ),
      js.invalid(
        `
const AUTH_URL = process.env.AUTH_SERVICE_INTERNAL_URL;

export async function syncTeamAccess({ authId, action }) {
  const endpoint = action === 'unblock' ? '/internal/team-access/unblock' : '/internal/team-access/block';
  await fetch(\`\${AUTH_URL}\${endpoint}?authId=\${authId}\`, { method: 'POST' });
}
`,
        {
          at: 'fetch',
          request: 'POST /internal/team-access/{unblock|block}',
          service: 'auth',
          evidence: ['transition "unblock"'],
          suggest: rewrite({
            replaced: "fetch(`${AUTH_URL}${endpoint}?authId=${authId}`, { method: 'POST' })",
            topic: 'auth.team-access.created',
            payload: '{ authId }',
          }),
        },
        { name: 'a path whose last segment a condition picks (`unblock` or `block`) is critical when one of them is' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function approveBooking(id) {
  await axios.post(\`\${process.env.DATA_ACCESS_SERVICE_URL}/session-bookings/\${id}/approve\`);
}
`,
        {
          at: 'axios.post',
          request: 'POST /session-bookings/{id}/approve',
          service: 'data-access',
          evidence: ['path "/session-bookings/{id}/approve"', 'transition "approve"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.DATA_ACCESS_SERVICE_URL}/session-bookings/${id}/approve`)',
            topic: 'data-access.session-bookings.approve.requested',
            payload: '{ id }',
          }),
        },
        { name: 'a booking of a session (a class, a therapy session) is no login: approving it is a transition' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function recordVerdict(userId, verdict) {
  await axios.post(\`\${process.env.USERS_SERVICE_URL}/users/\${userId}/kyc\`, { verdict });
}
`,
        {
          at: 'axios.post',
          request: 'POST /users/{userId}/kyc',
          service: 'users',
          evidence: ['path "/users/{userId}/kyc"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.USERS_SERVICE_URL}/users/${userId}/kyc`, { verdict })',
            topic: 'users.kyc.created',
            payload: '{ userId, verdict }',
          }),
        },
        { name: 'a know-your-customer verdict is a regulated state of the customer: critical' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function lendCopy(bookId) {
  await axios.patch(\`\${process.env.CATALOG_SERVICE_URL}/api/books/\${bookId}/availability\`, { operation: 'decrement' });
}
`,
        {
          at: 'axios.patch',
          request: 'PATCH /api/books/{bookId}/availability',
          service: 'catalog',
          evidence: ['PATCH …/availability'],
          suggest: rewrite({
            replaced: "axios.patch(`${process.env.CATALOG_SERVICE_URL}/api/books/${bookId}/availability`, { operation: 'decrement' })",
            topic: 'catalog.books.availability.updated',
            payload: "{ bookId, operation: 'decrement' }",
          }),
        },
        { name: 'the availability of an entity set in place (PATCH) is what is left of it, not a question' },
      ),
      js.invalid(
        `
const axios = require('axios');

async function validateAndLock(token) {
  const res = await axios.post(\`\${process.env.CART_BASE_URL}/cart/validate-and-lock\`, {}, { headers: { Authorization: \`Bearer \${token}\` } });
  return res.data;
}

module.exports = { validateAndLock };
`,
        {
          at: 'axios.post',
          request: 'POST /cart/validate-and-lock',
          service: 'cart',
          evidence: ['transition "validate-and-lock"'],
          suggest: rewrite({
            replaced: "axios.post(`${process.env.CART_BASE_URL}/cart/validate-and-lock`, {}, { headers: { Authorization: `Bearer ${token}` } })",
            topic: 'cart.validate-and-lock.created',
            payload: '{}',
            responseUsed: true,
          }),
        },
        { name: 'a check joined to a command (`validate-and-lock`) commands it', sourceType: 'commonjs' },
      ),
    ],
  });
});

describe('accounts', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function saveProfile(details) {
  await axios.post(\`\${process.env.IDENTITY_SERVICE_URL}/api/v1/update-user\`, details);
}
`,
        { name: 'an update of a user sent as POST is no new account' },
      ),
      js.valid(
        `
import axios from 'axios';

const LOGIN_SERVER_URI = 'http://localhost:4001';

export async function logIn(credentials) {
  await axios.post(\`\${LOGIN_SERVER_URI}/api/v1/login\`, credentials);
}
`,
        { name: 'logging in at the service named for it stays no write' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function registerService(discoveryUrl, service) {
  await axios.post(\`\${process.env.DISCOVERY_SERVICE_URL}/register\`, { name: 'inventory-service', url: service.url });
}
`,
        { name: 'registering an instance with a service registry is no account' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

const LOGIN_SERVER_URI = 'http://localhost:4001';

export async function signupUser(details) {
  const response = await axios.post(\`\${LOGIN_SERVER_URI}/api/v1/signup\`, details);
  return response.data;
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/v1/signup',
          service: 'login',
          evidence: ['account created (signup)'],
          suggest: rewrite({
            replaced: 'axios.post(`${LOGIN_SERVER_URI}/api/v1/signup`, details)',
            topic: 'login.signup.created',
            payload: 'details',
            responseUsed: true,
          }),
        },
        { name: 'an account created at a service named for logging in' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function createUser(userData) {
  await axios.post(\`\${process.env.IDENTITY_SERVICE_URL}/api/v1/identity/users/internal\`, userData);
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/v1/identity/users/internal',
          service: 'identity',
          evidence: ['account created in "identity"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.IDENTITY_SERVICE_URL}/api/v1/identity/users/internal`, userData)',
            topic: 'identity.users.created',
            payload: 'userData',
          }),
        },
        { name: 'an account created at an internal endpoint (`/users/internal`)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function preRegister(phone, fullName) {
  await axios.post(\`\${process.env.AUTH_SERVICE_URL}/api/v1/auth/internal/customers/pre-register\`, { phone, fullName });
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/v1/auth/internal/customers/pre-register',
          service: 'auth',
          evidence: ['account created (pre-register)'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.AUTH_SERVICE_URL}/api/v1/auth/internal/customers/pre-register`, { phone, fullName })',
            topic: 'auth.customers.pre-register.created',
            payload: '{ phone, fullName }',
          }),
        },
        { name: 'an account signed up by a segment that ends in a sign-up word (`pre-register`)' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function provisionStaff(input) {
  await axios.post(\`\${process.env.AUTH_SERVICE_URL}/auth/internal/staff\`, input);
}
`,
        {
          at: 'axios.post',
          request: 'POST /auth/internal/staff',
          service: 'auth',
          evidence: ['account created in "auth"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.AUTH_SERVICE_URL}/auth/internal/staff`, input)',
            topic: 'auth.staff.created',
            payload: 'input',
          }),
        },
        { name: 'a staff account created in the identity service' },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function provisionRestaurant(vendor) {
  await axios.post(\`\${process.env.FOOD_SERVICE_URL}/api/internal/vendor/provision\`, { userId: vendor.userId, businessName: vendor.businessName });
}
`,
        {
          at: 'axios.post',
          request: 'POST /api/internal/vendor/provision',
          service: 'food',
          evidence: ['account provisioned (vendor)'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.FOOD_SERVICE_URL}/api/internal/vendor/provision`, { userId: vendor.userId, businessName: vendor.businessName })',
            topic: 'food.vendor.provision.created',
            payload: '{ userId: vendor.userId, businessName: vendor.businessName }',
          }),
        },
        { name: 'an account holder provisioned in the service it will sell through (`/vendor/provision`)' },
      ),
      js.invalid(
        `
const AUTH_URL = process.env.AUTH_SERVICE_URL || 'http://auth-service:3001';

export async function onboardOwner(owner) {
  const response = await fetch(\`\${AUTH_URL}/auth/admin/restaurant-owner\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, password: owner.password, phone: owner.phone }),
  });
  return response.json();
}
`,
        {
          at: 'fetch',
          request: 'POST /auth/admin/restaurant-owner',
          service: 'auth',
          evidence: ['account created in "auth" (credentials in the body)'],
          suggest: rewrite({
            replaced: { from: 'fetch(`', to: '\n  })' },
            topic: 'auth.admin.restaurant-owner.created',
            payload: '{ email: owner.email, password: owner.password, phone: owner.phone }',
            responseUsed: true,
          }),
        },
        { name: "an account's credentials sent to the identity service, on a path that names who gets them" },
      ),
      js.invalid(
        `
const AUTH_URL = process.env.AUTH_SERVICE_URL || 'http://auth-service:3001';

export async function removeOwner(ownerId) {
  await fetch(\`\${AUTH_URL}/auth/admin/restaurant-owners/\${ownerId}\`, { method: 'DELETE' });
}
`,
        {
          at: 'fetch',
          request: 'DELETE /auth/admin/restaurant-owners/{ownerId}',
          service: 'auth',
          evidence: ['account deleted in "auth"'],
          suggest: rewrite({
            replaced: "fetch(`${AUTH_URL}/auth/admin/restaurant-owners/${ownerId}`, { method: 'DELETE' })",
            topic: 'auth.admin.restaurant-owners.deleted',
            payload: '{ ownerId }',
          }),
        },
        { name: 'an account holder (a restaurant owner) deleted in the identity service' },
      ),
      js.invalid(
        `
const CUSTOMERS_URL = process.env.CUSTOMER_SERVICE_URL;

export async function removeCustomer(id) {
  await fetch(\`\${CUSTOMERS_URL}/customers\`, { method: 'DELETE', body: JSON.stringify({ id }) });
}
`,
        {
          at: 'fetch',
          request: 'DELETE /customers',
          service: 'customer',
          evidence: ['account deleted in "customer"'],
          suggest: rewrite({
            replaced: "fetch(`${CUSTOMERS_URL}/customers`, { method: 'DELETE', body: JSON.stringify({ id }) })",
            topic: 'customer.deleted',
            payload: '{ id }',
          }),
        },
        { name: 'an account deleted with its id in the body instead of the path' },
      ),
    ],
  });
});

describe('credentials sent to the identity service', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
const AUTH_URL = process.env.AUTH_SERVICE_URL;

export async function logIn(email, password) {
  const response = await fetch(\`\${AUTH_URL}/auth/login\`, { method: 'POST', body: JSON.stringify({ email, password }) });
  return response.json();
}

export async function checkPassword(email, password) {
  const response = await fetch(\`\${AUTH_URL}/auth/users/verify-password\`, { method: 'POST', body: JSON.stringify({ email, password }) });
  return response.ok;
}

export async function session(username, password) {
  const response = await fetch(\`\${AUTH_URL}/auth\`, { method: 'POST', body: JSON.stringify({ username, password }) });
  return response.json();
}
`,
        { name: 'a password sent to log in, to check it, or to a path that names nobody opens no account' },
      ),
      js.valid(
        `
const AUTH_URL = process.env.AUTH_SERVICE_URL;

export async function endSession(sessionId) {
  await fetch(\`\${AUTH_URL}/auth/sessions/\${sessionId}\`, { method: 'DELETE' });
}
`,
        { name: 'a session deleted in the identity service is no account' },
      ),
    ],
    invalid: [],
  });
});

describe('pausing and reactivating', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function pauseContract(contractId, reason) {
  await axios.post(\`\${process.env.MARKET_SERVICE_URL}/contracts/\${contractId}/pause\`, { reason });
}
`,
        {
          at: 'axios.post',
          request: 'POST /contracts/{contractId}/pause',
          service: 'market',
          evidence: ['path "/contracts/{contractId}/pause"', 'transition "pause"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.MARKET_SERVICE_URL}/contracts/${contractId}/pause`, { reason })',
            topic: 'market.contracts.pause.requested',
            payload: '{ contractId, reason }',
          }),
        },
        { name: "pausing another service's contract is a transition" },
      ),
      js.invalid(
        `
import axios from 'axios';

export async function reactivateMember(memberId) {
  await axios.post(\`\${process.env.CLUB_SERVICE_URL}/members/\${memberId}/reactivate\`);
}
`,
        {
          at: 'axios.post',
          request: 'POST /members/{memberId}/reactivate',
          service: 'club',
          evidence: ['transition "reactivate"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.CLUB_SERVICE_URL}/members/${memberId}/reactivate`)',
            topic: 'club.members.reactivate.requested',
            payload: '{ memberId }',
          }),
        },
        { name: 'reactivating a suspended member is a transition' },
      ),
    ],
  });
});

describe('notices', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function tellGuest(bookingId) {
  await axios.post(\`\${process.env.BOOKING_SERVICE_URL}/bookings/\${bookingId}/notify\`, { channel: 'email' });
}
`,
        { name: 'a notice on its own, sent through a critical service, is a message to a person' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function announcePayment(payment) {
  await axios.post(\`\${process.env.NOTIFICATION_SERVICE_URL}/payment-notification\`, { paymentId: payment.id, amount: payment.amount });
}
`,
        { name: 'a payment notice sent to the notification service' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function reportFailure(orderId, error) {
  await axios.post(\`\${process.env.ORDER_SERVICE_URL}/notification/sendErrorNotificationWithOrder/\${orderId}\`, { message: error.message });
}
`,
        { name: 'a notice in a longer name (`sendErrorNotificationWithOrder`) is a message about the order, not the event' },
      ),
    ],
    invalid: [
      js.invalid(
        `
const axios = require('axios');

async function notifyBookingService(eventType, data) {
  try {
    await axios.post(\`\${process.env.BOOKING_SERVICE_URL}/api/internal/payment-notification\`, { eventType, data, timestamp: new Date() });
  } catch (error) {
    console.error('booking service not notified', error.message);
  }
}

module.exports = { notifyBookingService };
`,
        {
          at: 'axios.post',
          request: 'POST /api/internal/payment-notification',
          service: 'booking',
          evidence: ['service "booking"', 'path "/api/internal/payment-notification"'],
          swallowed: 'the catch at line 7 only logs',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.BOOKING_SERVICE_URL}/api/internal/payment-notification`, { eventType, data, timestamp: new Date() })',
            topic: 'booking.payment-notification.created',
            payload: '{ eventType, data, timestamp: new Date() }',
          }),
        },
        { name: 'the booking service told of a payment (`payment-notification`) confirms the booking', sourceType: 'commonjs' },
      ),
    ],
  });
});

describe('words with a harmless second sense', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function openMatchedRoom(userIds) {
  await axios.post(\`\${process.env.STREAMING_SERVICE_URL}/streaming/rooms\`, { participants: userIds });
}
`,
        { name: 'a room of the streaming service is a video room, not a hotel room' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function announceRoom(roomId) {
  await axios.post(\`\${process.env.DISCOVERY_SERVICE_URL}/discovery/internal/room-created\`, { roomId });
}
`,
        { name: 'a room announced by the chat service (its folder says so) is a chat room', filename: 'apps/chat-service/src/clients/discovery.client.js' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function openTicket(issue) {
  await axios.post(\`\${process.env.HELPDESK_SERVICE_URL}/tickets\`, { subject: issue.title });
}
`,
        { name: 'a ticket of the help desk is a support request, not an event ticket' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function askAssistant(user, question) {
  const { data } = await axios.post(\`\${process.env.AI_ORCHESTRATOR_URL}/ai/support/reply\`, { question, wallet_balance: user.balance });
  return data.reply;
}
`,
        { name: 'an AI service asked for a reply, even with a balance for context: generated text is made again on the next ask' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function feedForecast(order) {
  await axios.post(\`\${process.env.FORECAST_SERVICE_URL}/api/v1/forecast/ingest\`, { depotId: order.depotId, total: order.total });
}
`,
        { name: 'a completed order fed to a demand forecast is analytics' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function rateCourier(orderId, stars) {
  await axios.post(\`\${process.env.ORDER_SERVICE_URL}/orders/\${orderId}/rating\`, { stars });
}
`,
        { name: 'a rating of an order is feedback' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function holdRoom(roomId, nights) {
  await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/rooms/\${roomId}/hold\`, { nights });
}
`,
        {
          at: 'axios.post',
          request: 'POST /rooms/{roomId}/hold',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/rooms/{roomId}/hold"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.INVENTORY_SERVICE_URL}/rooms/${roomId}/hold`, { nights })',
            topic: 'inventory.rooms.hold.requested',
            payload: '{ roomId, nights }',
          }),
        },
        { name: 'a room held in the inventory service is a hotel room', filename: 'services/booking-service/src/clients/inventory.client.js' },
      ),
    ],
  });
});

describe('warehouses and reminders', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function remindTraveller(booking) {
  axios.post(\`\${process.env.REMINDER_SERVICE_URL}/api/v1/tickets\`, { to: booking.email, flight: booking.flightId }).catch(() => {});
}
`,
        { name: 'a reminder sent to a reminder service is a notice, whatever its path names' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function loadFacts(rows) {
  await axios.post(\`\${process.env.DATA_WAREHOUSE_URL}/facts\`, { rows });
}
`,
        { name: 'a data warehouse keeps facts for analytics, not goods' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function packOrder(orderId, items) {
  await axios.post(\`\${process.env.WAREHOUSE_SERVICE_URL}/package-items\`, { orderId, items });
}
`,
        {
          at: 'axios.post',
          request: 'POST /package-items',
          service: 'warehouse',
          evidence: ['service "warehouse"', 'function "packOrder"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.WAREHOUSE_SERVICE_URL}/package-items`, { orderId, items })',
            topic: 'warehouse.package-items.created',
            payload: '{ orderId, items }',
          }),
        },
        { name: 'a warehouse asked to pack an order keeps the stock' },
      ),
    ],
  });
});

describe('digests computed by another service', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function checkoutHash(order) {
  const { data } = await axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/api/payment/hash\`, { orderId: order.id, amount: order.total, currency: 'LKR' });
  return data.hash;
}
`,
        { name: 'a checkout hash computed by the payment service (POST /payment/hash) writes nothing' },
      ),
    ],
    invalid: [],
  });
});

describe('a check joined to a command in a function name', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function checkAvailability(items) {
  const { data } = await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/public/inventory\`, { items });
  return data.available;
}
`,
        { name: 'a function named for a check (checkAvailability) makes its POST a query' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function checkAvailabilityAndDeduct(items) {
  const { data } = await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/public/inventory\`, { items });
  return data.ok;
}
`,
        {
          at: 'axios.post',
          request: 'POST /public/inventory',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/public/inventory"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.INVENTORY_SERVICE_URL}/public/inventory`, { items })',
            topic: 'inventory.created',
            payload: '{ items }',
            responseUsed: true,
          }),
        },
        { name: 'a check joined to a command (checkAvailabilityAndDeduct) writes too' },
      ),
    ],
  });
});

/** A client module's function whose body is its typed parameter: the type names the keys the callers will send. */
const TYPED_BODY = (parameter: string, declarations = '') => `
import axios from 'axios';
${declarations}
const api = axios.create({ baseURL: process.env.PRODUCT_SERVICE_URL });

export async function updateQuantity(${parameter}) {
  const result = await api.put('/update-quantity', params);
  return result.data;
}
`;

const TYPED_REPORT = {
  at: 'api.put',
  request: 'PUT /update-quantity',
  service: 'product',
  evidence: ['payload key "quantity"'],
  suggest: rewrite({ replaced: "api.put('/update-quantity', params)", topic: 'product.update-quantity.updated', payload: 'params', responseUsed: true }),
};

describe('payload keys a TypeScript type declares', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(TYPED_BODY('params: { id: string; nickname: string }'), { name: 'a typed body with no critical key' }),
      ts.valid(TYPED_BODY('params: Record<string, number>'), { name: 'a type with no declared keys' }),
    ],
    invalid: [
      ts.invalid(TYPED_BODY('params: { id: string; quantity: number }'), TYPED_REPORT, { name: 'an object type literal' }),
      ts.invalid(TYPED_BODY('params: QuantityChange', 'interface QuantityChange {\n  id: string;\n  quantity: number;\n}\n'), TYPED_REPORT, {
        name: 'an interface declared in the file',
      }),
      ts.invalid(TYPED_BODY('params: QuantityChange', "type QuantityChange = { id: string; 'quantity': number };\n"), TYPED_REPORT, {
        name: 'a type alias of an object type, with a quoted key',
      }),
      ts.invalid(
        `${TYPED_BODY('params: { id: string; quantity: number }')}
export async function restock(id: string, quantity: number) {
  await updateQuantity({ id, quantity });
}
`,
        TYPED_REPORT,
        { name: 'reported once at the request: its caller, which supplies the same keys, is not reported again' },
      ),
    ],
  });
});

describe('a read verb before a write verb names a write', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `
import axios from 'axios';

export async function getPaymentLink(amount: number) {
  return axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/payment\`, { amount });
}
`,
        { name: 'getPaymentLink: a read sent as POST' },
      ),
    ],
    invalid: [
      ts.invalid(
        `
import axios from 'axios';

export async function getCreateOrder(amount: number) {
  return axios.post(\`\${process.env.PAYMENT_SERVICE_URL}/payment\`, { amount });
}
`,
        {
          at: 'axios.post',
          request: 'POST /payment',
          service: 'payment',
          evidence: ['service "payment"', 'path "/payment"'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.PAYMENT_SERVICE_URL}/payment`, { amount })',
            topic: 'payment.created',
            payload: '{ amount }',
            responseUsed: true,
          }),
        },
        { name: 'getCreateOrder: what creating an order gives back' },
      ),
    ],
  });
});

describe('whether an account may sign in', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function renameUser(userId, profile) {
  await axios.patch(\`\${process.env.AUTH_SERVICE_URL}/api/users/\${userId}\`, { displayName: profile.displayName, avatarUrl: profile.avatarUrl });
}
`,
        { name: 'a profile edited in the identity service opens or closes nothing' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function hideProduct(productId) {
  await axios.patch(\`\${process.env.CATALOG_SERVICE_URL}/products/\${productId}\`, { isActive: false });
}
`,
        { name: 'a product switched off is no account' },
      ),
    ],
    invalid: [],
  });
});


describe('a function named for a read', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function getOrderTotals(cart) {
  const { data } = await axios.post(\`\${process.env.ORDER_SERVICE_URL}/orders/totals\`, { items: cart.items });
  return data;
}
`,
        { name: 'a POST to the collection it names asks for it' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function checkStock(items) {
  const { data } = await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/inventory/check\`, { items });
  return data.available;
}
`,
        { name: 'a POST to a read command asks' },
      ),
      js.valid(
        `
import axios from 'axios';

export async function calculateBulkShipping(factory, quantity) {
  const { data } = await axios.post(\`\${process.env.LOGISTICS_SERVICE_URL}/api/rates\`, { origin: factory.postalCode, items: [{ quantity }] });
  return data.pricing[0].price;
}
`,
        { name: 'a function that computes asks whatever collection it posts to' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';
import { prisma } from './prisma.js';

export async function getProductDetails(productId) {
  const product = await prisma.product.findUnique({ where: { id: productId } });
  if (product.inventoryId === null) {
    const { data: inventory } = await axios.post(\`\${process.env.INVENTORY_SERVICE_URL}/inventories\`, { productId: product.id, sku: product.sku });
    await prisma.product.update({ where: { id: product.id }, data: { inventoryId: inventory.id } });
    return { ...product, stock: inventory.quantity };
  }
  return product;
}
`,
        {
          at: 'axios.post',
          request: 'POST /inventories',
          service: 'inventory',
          evidence: ['service "inventory"', 'path "/inventories"'],
          after: ' before `prisma.product.update` (line 9) commits',
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.INVENTORY_SERVICE_URL}/inventories`, { productId: product.id, sku: product.sku })',
            topic: 'inventory.created',
            payload: '{ productId: product.id, sku: product.sku }',
            responseUsed: true,
          }),
        },
        { name: 'a record added on the way to a collection the function does not name is a write' },
      ),
    ],
  });
});

describe('signing up a kind of account', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function confirmSignUp(email, otp) {
  await axios.post(\`\${process.env.AUTH_SERVICE_URL}/auth/register/verify-otp\`, { email, otp });
}
`,
        { name: 'a step of signing up that checks a code creates no account' },
      ),
    ],
    invalid: [
      js.invalid(
        `
import axios from 'axios';

export async function onboardOwner(owner, restaurantId) {
  await axios.post(\`\${process.env.AUTH_SERVICE_URL}/auth/register/restaurant\`, { ...owner, restaurantId });
}
`,
        {
          at: 'axios.post',
          request: 'POST /auth/register/restaurant',
          service: 'auth',
          evidence: ['account created (register/restaurant)'],
          suggest: rewrite({
            replaced: 'axios.post(`${process.env.AUTH_SERVICE_URL}/auth/register/restaurant`, { ...owner, restaurantId })',
            topic: 'auth.register.restaurant.created',
            payload: '{ ...owner, restaurantId }',
          }),
        },
        { name: 'a sign-up path followed by the kind of account it makes' },
      ),
    ],
  });
});


describe('an analysis sent as POST', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `
import axios from 'axios';

export async function screenPayment(payment) {
  const { data } = await axios.post(\`\${process.env.FRAUD_SERVICE_URL}/api/fraud/analyze\`, { paymentId: payment.id, amount: payment.amount });
  return data.riskScore;
}
`,
        { name: '`POST /fraud/analyze` with the amount computes a verdict: nothing is written' },
      ),
    ],
    invalid: [],
  });
});
