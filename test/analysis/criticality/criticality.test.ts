import { describe, expect, it } from 'vitest';
import { assessCriticality, describePayload, type Criticality } from '../../../src/analysis/criticality/criticality.js';
import { EMPTY_ENV } from '../../../src/analysis/code/file-context.js';
import { describeRequest } from '../../../src/analysis/request/request.js';
import { classifyTarget, type Target } from '../../../src/analysis/target/target.js';
import type { Part } from '../../../src/analysis/code/template.js';
import type { NoSyncCriticalWriteOptions } from '../../../src/options.js';
import { parse, settings } from '../parse.js';

const text = (value: string): Part => ({ kind: 'text', value });

/** Assesses the request made by the first call whose callee text is `callee`, as the rule would. */
function assess(code: string, callee: string, options: Partial<NoSyncCriticalWriteOptions> = {}, contextCallees: string[] = []): Criticality {
  const parsed = parse(code);
  const call = parsed.call(callee);
  const request = describeRequest(call, parsed.file);
  if (!request) throw new Error(`${callee} is not a request`);
  const compiled = settings(options);
  const target = classifyTarget(request.url, compiled);
  const contexts = [call, ...contextCallees.map((name) => parsed.call(name))];
  return assessCriticality({ target, payload: request.payload, contexts }, parsed.file, compiled);
}

/** Assesses a bare target, with a call at module level as context. */
function assessTarget(target: Target, options: Partial<NoSyncCriticalWriteOptions> = {}): Criticality {
  const parsed = parse('go();');
  return assessCriticality({ target, payload: undefined, contexts: [parsed.call('go')] }, parsed.file, settings(options));
}

const internal = (service: string | undefined, path: string): Target => ({ kind: 'internal', service, via: 'test', path: [text(path)] });
const kinds = (criticality: Criticality) => criticality.evidence.map((item) => item.kind);
const texts = (criticality: Criticality) => criticality.evidence.map((item) => item.text);

const AXIOS = "import axios from 'axios';\n";

describe('assessCriticality', () => {
  describe('service and path words', () => {
    it('uses the target service name', () => {
      const result = assessTarget(internal('payments', '/v1/items'));
      expect(result).toEqual({ critical: true, evidence: [{ kind: 'service', text: 'service "payments"' }] });
    });

    it.each(['ledger', 'billing', 'inventory', 'wallet', 'checkout'])('service %s is critical', (service) => {
      expect(assessTarget(internal(service, '/')).critical).toBe(true);
    });

    it('uses URL path words, singular or plural, and renders the path with holes', () => {
      const result = assessTarget({ kind: 'internal', service: 'core', via: 'test', path: [text('/transfers/'), { kind: 'unknown', label: 'id' }, text('/capture')] });
      expect(result).toEqual({
        critical: true,
        evidence: [
          { kind: 'path', text: 'path "/transfers/{id}/capture"' },
          { kind: 'state', text: 'transition "capture"' },
        ],
      });
    });

    it('a state named for a transition (`dispatch-state`) is no command: a function named for loading it reads', () => {
      const code = `${AXIOS}async function loadCampaignDispatchState(payload) {
  const response = await axios.post(\`\${process.env.CAMPAIGN_SERVICE_URL}/api/v1/campaigns/internal/execution/dispatch-state\`, { campaignId: payload.campaignId });
  return response.data;
}`;
      expect(assess(code, 'axios.post')).toMatchObject({ critical: false, against: { kind: 'function', text: 'function "loadCampaignDispatchState" reads' } });
      // the command itself still is one
      const dispatch = code.replace('dispatch-state', 'dispatch').replace('loadCampaignDispatchState', 'startCampaign');
      expect(texts(assess(dispatch, 'axios.post'))).toContain('transition "dispatch"');
    });

    it('an offer or a voucher consumed by an order is a transition of its entity', () => {
      const result = assessTarget({ kind: 'internal', service: 'offers', via: 'test', path: [text('/api/offers/'), { kind: 'unknown', label: 'offerId' }, text('/consume')] });
      expect(result).toEqual({ critical: true, evidence: [{ kind: 'state', text: 'transition "consume"' }] });
    });

    it.each([
      '/payments', '/transactions', '/transfers', '/orders', '/checkout', '/refunds', '/invoices', '/charges', '/ledger/entries',
      '/accounts/1/balance', '/wallet', '/withdrawals', '/deposits', '/bookings', '/reservations', '/stock', '/inventory',
      '/shipments', '/billing', '/accounts', '/api/trips/start-trip', '/scheduled-trips/attach-parcel', '/parcels',
    ])('path %s is critical', (path) => {
      expect(assessTarget(internal(undefined, path))).toMatchObject({ critical: true, evidence: [{ kind: 'path' }] });
    });

    it('ignores query strings and fragments for path words and in the rendered path', () => {
      expect(assessTarget(internal('users', '/users/1?orderBy=payment#refund'))).toEqual({ critical: false, evidence: [] });
      expect(assessTarget(internal('users', '/orders?x=1')).evidence).toEqual([{ kind: 'path', text: 'path "/orders"' }]);
    });

    it('is not critical without evidence', () => {
      expect(assessTarget(internal('users', '/users/1/profile'))).toEqual({ critical: false, evidence: [] });
      expect(assessTarget({ kind: 'internal', service: undefined, via: 'test', path: [] })).toEqual({ critical: false, evidence: [] });
    });
  });

  describe('words against', () => {
    it.each([
      ['notifications', '/payments/receipts', 'notification'],
      ['payments', '/payments/health', 'health'],
      ['orders', '/orders/metrics', 'metrics'],
      ['analytics', '/orders', 'analytics'],
      ['payments', '/payments/1/cache', 'cache'],
    ])('service %s, path %s is not critical (%s)', (service, path, word) => {
      const result = assessTarget(internal(service, path));
      expect(result.critical).toBe(false);
      expect(result.against?.text).toContain(word);
    });

    it('names the service or path word that decided against', () => {
      expect(assessTarget(internal('notifications', '/payments')).against?.text).toBe('service "notifications" (notifications)');
      expect(assessTarget(internal('payments', '/payments/ping')).against?.text).toBe('path word "ping"');
    });

    it('still lists the evidence it weighed', () => {
      expect(kinds(assessTarget(internal('payments', '/payments/ping')))).toEqual(['service', 'path']);
    });

    it('gives the deciding word the kind it came from', () => {
      expect(assessTarget(internal('notifications', '/payments')).against?.kind).toBe('service');
      expect(assessTarget(internal('payments', '/payments/ping')).against?.kind).toBe('path');
    });

    it('reads the enclosing function name against, when only names speak for the write', () => {
      const code = `${AXIOS}async function trackPaymentView() { await axios.post('http://core:80/views', {}); }`;
      expect(assess(code, 'axios.post')).toMatchObject({ critical: false, against: { kind: 'function', text: 'function "trackPaymentView"' } });
    });

    it('lets a path naming a minor resource (a cart, a wishlist) outweigh the caller name, not the request itself', () => {
      const clear = `${AXIOS}async function handlePaymentResult(userId: string) { await axios.delete(\`http://core:80/cart/\${userId}\`); }`;
      expect(assess(clear, 'axios.delete')).toMatchObject({ critical: false, against: { kind: 'path', text: 'path word "cart"' } });
      expect(assess(clear, 'axios.delete', { builtinWords: false, criticalWords: ['payment'] })).toMatchObject({ critical: true });
      const checkout = `${AXIOS}async function placeOrder(id: string) { await axios.post(\`http://core:80/carts/\${id}/checkout\`, {}); }`;
      expect(assess(checkout, 'axios.post')).toMatchObject({ critical: true });
      const priced = `${AXIOS}async function addToCart(sku: string, price: number) { await axios.post('http://core:80/cart/items', { sku, price }); }`;
      expect(assess(priced, 'axios.post')).toMatchObject({ critical: true });
    });

    it('lets what the request says (service, path, payload) outweigh a function name against', () => {
      const code = `${AXIOS}async function pushOrderToFulfillment(order: { quantity: number }) { await axios.post('http://fulfillment:80/orders', order); }`;
      expect(assess(code, 'axios.post')).toMatchObject({ critical: true });
    });
  });

  describe('payload', () => {
    it('uses payload keys, including nested objects, arrays of objects and spreads', () => {
      expect(texts(assess(`${AXIOS}axios.post('http://core:80/x', { amount: 1, note: 'a' });`, 'axios.post'))).toEqual(['payload key "amount"']);
      expect(texts(assess(`${AXIOS}axios.post('http://core:80/x', { items: [{ sku: 'a', qty: 2 }] });`, 'axios.post'))).toEqual(['payload key "qty"']);
      expect(texts(assess(`${AXIOS}axios.post('http://core:80/x', { meta: { currency: 'BRL' } });`, 'axios.post'))).toEqual(['payload key "currency"']);
      expect(texts(assess(`${AXIOS}const base = { iban: 'x' }; axios.post('http://core:80/x', { ...base, note: 1 });`, 'axios.post'))).toEqual([
        'payload key "iban"',
      ]);
      expect(texts(assess(`${AXIOS}axios.post('http://core:80/x', { totalCents: 1 });`, 'axios.post'))).toEqual(['payload key "totalCents"']);
    });

    it('looks through JSON.stringify and Buffer.from', () => {
      expect(texts(assess("fetch('http://core:80/x', { method: 'POST', body: JSON.stringify({ price: 1 }) });", 'fetch'))).toEqual([
        'payload key "price"',
      ]);
      expect(texts(assess("const body = { quantity: 2 }; fetch('http://core:80/x', { method: 'POST', body: Buffer.from(JSON.stringify(body)) });", 'fetch'))).toEqual([
        'payload key "quantity"',
      ]);
    });

    it('uses the payload name and its declared type', () => {
      expect(texts(assess(`${AXIOS}function f(paymentDto: object) { axios.post('http://core:80/x', paymentDto); }`, 'axios.post'))).toEqual([
        'payload "paymentDto"',
      ]);
      expect(texts(assess(`${AXIOS}class CreateRefundDto {} function f(dto: CreateRefundDto) { axios.post('http://core:80/x', dto); }`, 'axios.post'))).toEqual([
        'payload type "CreateRefundDto"',
      ]);
      expect(texts(assess(`${AXIOS}declare const o: { invoice: object }; axios.post('http://core:80/x', o.invoice);`, 'axios.post'))).toEqual([
        'payload "invoice"',
      ]);
    });

    it('is not critical for payloads without critical words', () => {
      expect(assess(`${AXIOS}function f(user: { name: string }) { axios.post('http://core:80/x', { name: user.name, avatar: 'a' }); }`, 'axios.post')).toEqual({
        critical: false,
        evidence: [],
      });
    });
  });

  describe('enclosing functions and classes', () => {
    it('uses the enclosing function name', () => {
      expect(texts(assess(`${AXIOS}export async function createOrder() { await axios.post('http://core:80/x', {}); }`, 'axios.post'))).toEqual([
        'function "createOrder"',
      ]);
      expect(texts(assess(`${AXIOS}const capturePayment = async () => { await axios.post('http://core:80/x', {}); };`, 'axios.post'))).toEqual([
        'function "capturePayment"',
      ]);
    });

    it('takes no evidence from a function named only `dispatch`: it hands a command or an event on', () => {
      expect(assess(`${AXIOS}export class AgentBridgeClient { async dispatch(args: { id: string }) { await axios.post(\`http://bridge:80/agents/\${args.id}/command\`, args); } }`, 'axios.post')).toEqual({
        critical: false,
        evidence: [],
      });
      expect(texts(assess(`${AXIOS}export async function dispatchOrder() { await axios.post('http://core:80/x', {}); }`, 'axios.post'))).toEqual(['function "dispatchOrder"']);
    });

    it('uses the class name of a method', () => {
      const code = `${AXIOS}export class PaymentsGateway { async send(body: object) { await axios.post('http://core:80/x', body); } }`;
      expect(assess(code, 'axios.post')).toEqual({ critical: true, evidence: [{ kind: 'class', text: 'class "PaymentsGateway"' }] });
    });

    it('reads wrapper call sites given as further contexts', () => {
      const code = `${AXIOS}function postJson(url: string, body: object) { return axios.post(url, body); }\nexport function reserveStock() { return postJson('http://core:80/x', {}); }`;
      expect(texts(assess(code, 'axios.post', {}, ['postJson']))).toEqual(['function "reserveStock"']);
    });
  });

  describe('@critical', () => {
    it('marks a write critical from a @critical JSDoc tag on the enclosing function, even against other words', () => {
      const code = `${AXIOS}/** Sends the e-mail that confirms a purchase.\n * @critical */\nexport async function notifyUser() { await axios.post('http://notifications:80/emails', {}); }`;
      const result = assess(code, 'axios.post');
      expect(result.critical).toBe(true);
      expect(result.evidence[0]).toEqual({ kind: 'tag', text: '@critical on notifyUser' });
    });

    it('reads the tag on a method and on a const arrow function', () => {
      const method = `${AXIOS}class A { /** @critical */ async sync() { await axios.post('http://core:80/x', {}); } }`;
      expect(assess(method, 'axios.post').evidence[0]).toEqual({ kind: 'tag', text: '@critical on sync' });
      const arrow = `${AXIOS}/** @critical */ export const sync = async () => { await axios.post('http://core:80/x', {}); };`;
      expect(assess(arrow, 'axios.post').evidence[0]).toEqual({ kind: 'tag', text: '@critical on sync' });
    });

    it("reads the tag on the payload's type", () => {
      const code = `${AXIOS}/** @critical */ export interface Reward { points: number }\nfunction f(r: Reward) { axios.post('http://core:80/x', r); }`;
      expect(assess(code, 'axios.post')).toEqual({ critical: true, evidence: [{ kind: 'tag', text: '@critical on type Reward' }] });
    });

    it('ignores line comments and unrelated tags', () => {
      const code = `${AXIOS}// @critical\nexport async function sync() { await axios.post('http://core:80/x', {}); }\n/** @criticality low */ function g() { axios.post('http://core:80/y', {}); }`;
      expect(assess(code, 'axios.post').critical).toBe(false);
      expect(assess(code.replace("axios.post('http://core:80/x'", "axios.put('http://core:80/x'"), 'axios.post').critical).toBe(false);
    });
  });

  describe('options', () => {
    it('criticality "all" treats every cross-service write as critical', () => {
      expect(assessTarget(internal('metrics', '/metrics'), { criticality: 'all' })).toEqual({
        critical: true,
        evidence: [{ kind: 'all', text: 'criticality "all"' }],
      });
    });

    it('uses extra words and can drop the built-in lists', () => {
      expect(assessTarget(internal(undefined, '/enrollments'), { criticalWords: ['enrollment'] }).critical).toBe(true);
      expect(assessTarget(internal(undefined, '/payments'), { builtinWords: false, criticalWords: ['enrollment'] }).critical).toBe(false);
      expect(assessTarget(internal(undefined, '/payments/thumbnails'), { nonCriticalWords: ['thumbnail'] }).critical).toBe(false);
      expect(texts(assess(`${AXIOS}axios.post('http://core:80/x', { points: 1 });`, 'axios.post', { criticalPayloadKeys: ['points'] }))).toEqual([
        'payload key "points"',
      ]);
    });
  });

  it('lists all the evidence it found, in a stable order', () => {
    const code = `${AXIOS}export class BillingClient { async createInvoice(invoiceDto: object) { await axios.post('http://billing:80/invoices', { amount: 1, ...invoiceDto }); } }`;
    expect(kinds(assess(code, 'axios.post'))).toEqual(['service', 'path', 'payloadKey', 'payloadName', 'function']);
  });
});

describe('describePayload', () => {
  it('collects keys, names and type of a payload', () => {
    const parsed = parse('class OrderDto {} function f(dto: OrderDto) { const body = { ...dto, total: 1 }; use(body); use(dto); }\ndeclare function use(x: unknown): void;');
    const body = parsed.callAt('use', 0).arguments[0]!;
    expect(describePayload({ node: body, env: EMPTY_ENV }, parsed.file)).toEqual({ keys: ['total'], names: ['body', 'dto'], events: [], typeName: 'OrderDto', taggedType: undefined });
    const dto = parsed.callAt('use', 1).arguments[0]!;
    expect(describePayload({ node: dto, env: EMPTY_ENV }, parsed.file)).toMatchObject({ keys: [], names: ['dto'], typeName: 'OrderDto' });
  });

  it('collects the event an envelope names with a literal', () => {
    const parsed = parse("function f(order: object) { use({ type: 'OrderCreated', data: order }); use({ event: `PaymentCaptured` }); use({ type: kind }); }\ndeclare const kind: string;\ndeclare function use(x: unknown): void;");
    expect(describePayload({ node: parsed.callAt('use', 0).arguments[0]!, env: EMPTY_ENV }, parsed.file).events).toEqual(['OrderCreated']);
    expect(describePayload({ node: parsed.callAt('use', 1).arguments[0]!, env: EMPTY_ENV }, parsed.file).events).toEqual(['PaymentCaptured']);
    expect(describePayload({ node: parsed.callAt('use', 2).arguments[0]!, env: EMPTY_ENV }, parsed.file).events).toEqual([]);
  });

  it('does not throw on self-referencing payloads', () => {
    const parsed = parse('const a: any = { ...a, x: { ...a } }; use(a);\ndeclare function use(x: unknown): void;');
    expect(() => describePayload({ node: parsed.call('use').arguments[0]!, env: EMPTY_ENV }, parsed.file)).not.toThrow();
  });
});
