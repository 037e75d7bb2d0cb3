import { describe, expect, it } from 'vitest';
import { classifyName, classifyTarget, parseUrl } from '../../../src/analysis/target/target.js';
import { formatTemplate, type Part, type Template } from '../../../src/analysis/code/template.js';
import { settings } from '../parse.js';

const text = (value: string): Part => ({ kind: 'text', value });
const env = (name: string, fallback?: Template): Part => (fallback ? { kind: 'env', name, fallback } : { kind: 'env', name });
const config = (key: string): Part => ({ kind: 'config', key });
const unknown = (label: string, fallback?: Template): Part => (fallback ? { kind: 'unknown', label, fallback } : { kind: 'unknown', label });

const defaults = settings();
const classify = (url: Template | string | undefined, options = defaults) =>
  classifyTarget(typeof url === 'string' ? [text(url)] : url, options);

describe('parseUrl', () => {
  it('splits an absolute URL into authority and path', () => {
    expect(parseUrl([text('http://payments:8080/charges?x=1')])).toEqual({ authority: [text('payments:8080')], path: [text('/charges?x=1')] });
    expect(parseUrl([text('https://api.stripe.com')])).toEqual({ authority: [text('api.stripe.com')], path: [] });
    expect(parseUrl([text('//payments/x')])).toEqual({ authority: [text('payments')], path: [text('/x')] });
  });

  it('keeps holes in the authority', () => {
    const parsed = parseUrl([text('http://'), env('PAYMENTS_HOST'), text(':8080/charges')]);
    expect(formatTemplate(parsed.authority ?? [])).toBe('${PAYMENTS_HOST}:8080');
    expect(parsed.authority).toContainEqual(env('PAYMENTS_HOST'));
    expect(parsed.path).toEqual([text('/charges')]);
    expect(parsed.base).toBeUndefined();
  });

  it('takes a leading hole as the base', () => {
    expect(parseUrl([env('PAYMENTS_URL'), text('/charges')])).toEqual({ base: env('PAYMENTS_URL'), path: [text('/charges')] });
  });

  it('returns a relative URL as a path only', () => {
    expect(parseUrl([text('/api/orders')])).toEqual({ path: [text('/api/orders')] });
    expect(parseUrl([])).toEqual({ path: [] });
  });
});

describe('classifyTarget', () => {
  describe('literal hosts', () => {
    it('classifies a compose/cluster hostname as an internal service', () => {
      expect(classify('http://payments:8080/x')).toEqual({ kind: 'internal', service: 'payments', via: 'host payments:8080', path: [text('/x')] });
    });

    it.each([
      ['http://payments-service:3000/charges', 'payments'],
      ['http://ledger-api/entries', 'ledger'],
      ['http://svc-billing:80/invoices', 'billing'],
      ['http://ledger.default.svc.cluster.local/entries', 'ledger'],
      ['http://billing.svc/invoices', 'billing'],
      ['http://billing.internal/invoices', 'billing'],
      ['http://orders.local:3000/orders', 'orders'],
      ['http://inventory.consul/stock', 'inventory'],
      ['HTTP://Payments:8080/X', 'payments'],
      ['http://user:secret@payments:8080/x', 'payments'],
      ['//payments/charges', 'payments'],
    ])('%s → internal %s', (url, service) => {
      expect(classify(url)).toMatchObject({ kind: 'internal', service });
    });

    it.each([
      ['https://ordermanagementservice.onrender.com/api/orders/1/update-status', 'ordermanagementservice'],
      ['https://auth-service-2-4xm3.onrender.com/api/auth/register', 'auth-service-2-4xm3'],
      ['https://ledger-api.herokuapp.com/entries', 'ledger'],
      ['https://payments.fly.dev/charges', 'payments'],
      ['https://inventory-svc-abc123-uc.a.run.app/reservations', 'inventory-svc-abc123-uc'],
    ])('%s → internal %s (an app of the team on a hosting platform)', (url, service) => {
      expect(classify(url)).toMatchObject({ kind: 'internal', service });
    });

    it("keeps a vendor's app on a hosting platform, and a front-end host, external", () => {
      expect(classify('https://stripe-webhooks.onrender.com/charges')).toMatchObject({ kind: 'external' });
      expect(classify('https://shop.vercel.app/api/orders')).toMatchObject({ kind: 'external' });
    });

    it('classifies localhost with a port as internal, named host:port', () => {
      expect(classify('http://localhost:4001/payments')).toEqual({
        kind: 'internal',
        service: 'localhost:4001',
        via: 'host localhost:4001',
        path: [text('/payments')],
      });
      expect(classify('http://127.0.0.1:3000/x')).toMatchObject({ kind: 'internal', service: '127.0.0.1:3000' });
    });

    it('leaves localhost without a port unknown', () => {
      expect(classify('http://localhost/payments')).toMatchObject({ kind: 'unknown', service: undefined });
    });

    it('classifies private IPv4 addresses as internal and public ones as external', () => {
      expect(classify('http://10.0.3.7:8080/x')).toMatchObject({ kind: 'internal', service: '10.0.3.7:8080' });
      expect(classify('http://192.168.1.20/x')).toMatchObject({ kind: 'internal' });
      expect(classify('http://172.16.0.1/x')).toMatchObject({ kind: 'internal' });
      expect(classify('http://172.32.0.1/x')).toMatchObject({ kind: 'external', service: '172.32.0.1' });
      expect(classify('http://8.8.8.8/x')).toMatchObject({ kind: 'external', service: '8.8.8.8' });
    });

    it('classifies a literal public hostname as external', () => {
      expect(classify('https://api.stripe.com/v1/charges')).toEqual({
        kind: 'external',
        service: 'api.stripe.com',
        via: 'host api.stripe.com',
        path: [text('/v1/charges')],
      });
      expect(classify('https://payments.acme.com/charges')).toMatchObject({ kind: 'external', service: 'payments.acme.com' });
    });

    it('classifies single-label hosts named after vendors or infrastructure as external', () => {
      expect(classify('http://elasticsearch:9200/orders/_doc')).toMatchObject({ kind: 'external' });
      expect(classify('http://redis:6379')).toMatchObject({ kind: 'external' });
      expect(classify('http://stripe-mock:12111/v1/charges')).toMatchObject({ kind: 'external' });
    });

    it('does not take version suffixes or an auth service for vendors or infrastructure', () => {
      expect(classify('http://ledger-v3:8080/entries')).toMatchObject({ kind: 'internal', service: 'ledger-v3' });
      expect(classify([env('LEDGER_V3_URL'), text('/entries')])).toMatchObject({ kind: 'internal' });
      expect(classify([env('AUTH_SERVICE_URL'), text('/accounts')])).toMatchObject({ kind: 'internal', service: 'auth' });
      expect(classify('http://auth:3000/accounts')).toMatchObject({ kind: 'internal', service: 'auth' });
    });

    it('leaves an empty host unknown', () => {
      expect(classify('http:///charges')).toMatchObject({ kind: 'unknown' });
    });
  });

  describe('hosts with holes', () => {
    it('classifies a host taken from a service env var as internal', () => {
      expect(classify([text('http://'), env('PAYMENTS_HOST'), text(':8080/charges')])).toEqual({
        kind: 'internal',
        service: 'payments',
        via: 'env PAYMENTS_HOST',
        path: [text('/charges')],
      });
    });

    it('classifies a public domain with a hole label in the middle as external', () => {
      expect(classify([text('https://api.'), unknown('region'), text('.vendor.com/orders')])).toMatchObject({ kind: 'external' });
    });

    it('classifies a host whose first label is a hole by its literal domain', () => {
      expect(classify([text('https://'), unknown('tenant'), text('.api.vendor.com/orders')])).toMatchObject({ kind: 'external' });
      expect(classify([text('http://'), unknown('name'), text('.default.svc.cluster.local/charges')])).toMatchObject({ kind: 'internal' });
    });

    it('classifies a literal compose or loopback host by the host when only the port is a hole', () => {
      expect(classify([text('http://payments:'), env('PORT'), text('/charges')])).toMatchObject({ kind: 'internal', service: 'payments' });
      expect(classify([text('http://payments:'), unknown('port'), text('/charges')])).toMatchObject({ kind: 'internal', service: 'payments' });
      expect(classify([text('http://localhost:'), env('PAYMENTS_PORT'), text('/charges')])).toMatchObject({ kind: 'internal' });
    });

    it('leaves a host that is an unknown value unknown', () => {
      expect(classify([text('http://'), unknown('host'), text('/payments')])).toMatchObject({ kind: 'unknown', service: undefined });
    });
  });

  describe('bases from configuration', () => {
    it.each([
      ['PAYMENTS_SERVICE_URL', 'payments'],
      ['LEDGER_API_URL', 'ledger'],
      ['BILLING_SVC_URL', 'billing'],
      ['INVENTORY_URL', 'inventory'],
      ['WAREHOUSE_HOST', 'warehouse'],
      ['ORDERS_ENDPOINT', 'orders'],
      ['SHIPPING_BASE_URL', 'shipping'],
      // the service's name alone, read where an address goes: `${process.env.RESTAURANT_SERVICE}/api/order/…`
      ['RESTAURANT_SERVICE', 'restaurant'],
      ['WALLET_SVC', 'wallet'],
      ['PAYMENT_MICROSERVICE', 'payment'],
    ])('env %s → internal %s', (name, service) => {
      expect(classify([env(name), text('/x')])).toEqual({ kind: 'internal', service, via: `env ${name}`, path: [text('/x')] });
    });

    it.each([
      ['services.payments.url', 'payments'],
      ['PAYMENT_SERVICE_URL', 'payment'],
      ['ledger.baseUrl', 'ledger'],
    ])('config %s → internal %s', (key, service) => {
      expect(classify([config(key), text('/x')])).toEqual({ kind: 'internal', service, via: `config ${key}`, path: [text('/x')] });
    });

    it('classifies env vars named after vendors or infrastructure as external', () => {
      expect(classify([env('STRIPE_API_URL'), text('/v1/charges')])).toMatchObject({ kind: 'external', via: 'env STRIPE_API_URL' });
      expect(classify([env('ELASTICSEARCH_URL'), text('/orders/_doc')])).toMatchObject({ kind: 'external' });
      expect(classify([env('PARTNER_API_URL')])).toMatchObject({ kind: 'external' });
      expect(classify([env('LND_HOST'), text('/v1/channels')])).toMatchObject({ kind: 'external' });
      expect(classify([env('GETH_RPC_URL')])).toMatchObject({ kind: 'external' });
    });

    it("takes a provider's name given to a service of yours, with a default beside your services, for your own adapter", () => {
      expect(classify([env('FLUTTERWAVE_SERVICE_URL', [text('http://localhost:5012')]), text('/escrow/create')])).toMatchObject({
        kind: 'internal',
        service: 'flutterwave',
        via: 'env FLUTTERWAVE_SERVICE_URL (default host localhost:5012)',
      });
      expect(classify([env('STRIPE_SERVICE_URL', [text('http://127.0.0.1:3005')]), text('/charges')])).toMatchObject({ kind: 'internal' });
      // the provider's own address as the default, no default, or no service in the name: the provider
      expect(classify([env('PAYSTACK_SERVICE_URL', [text('https://api.paystack.co')]), text('/transaction/initialize')])).toMatchObject({ kind: 'external' });
      expect(classify([env('PAYSTACK_SERVICE_URL'), text('/transaction/initialize')])).toMatchObject({ kind: 'external' });
      expect(classify([env('STRIPE_API_URL', [text('http://localhost:12111')]), text('/v1/charges')])).toMatchObject({ kind: 'external' });
      // a payment gateway whose default runs beside your services is your own; with a provider's address, or none, the provider's
      expect(classify([env('PAYMENT_GATEWAY_URL', [text('http://localhost:8004')]), text('/webhooks/internal')])).toMatchObject({ kind: 'internal' });
      expect(classify([env('PAYMENT_GATEWAY_URL', [text('https://api.paymongo.com')]), text('/v1/payments')])).toMatchObject({ kind: 'external' });
      expect(classify([env('PAYMENT_GATEWAY_URL'), text('/v1/payments')])).toMatchObject({ kind: 'external' });
    });

    it('leaves browser-exposed env vars unknown (a browser calling its backend)', () => {
      for (const name of ['NEXT_PUBLIC_API_URL', 'VITE_PAYMENTS_URL', 'REACT_APP_ORDERS_URL', 'NUXT_PUBLIC_API_BASE_URL']) {
        expect(classify([env(name), text('/payments')])).toMatchObject({ kind: 'unknown', service: undefined });
        // whatever the default beside it: the front end's own back end on a developer's machine
        expect(classify([env(name, [text('http://localhost:3200')]), text('/payments')])).toMatchObject({ kind: 'unknown', service: undefined });
      }
    });

    it('leaves names that do not address a service unknown', () => {
      expect(classify([env('PAYMENTS_TOKEN'), text('/x')])).toMatchObject({ kind: 'unknown', service: undefined, via: 'env PAYMENTS_TOKEN' });
      // a service's name alone, but no service in it; or a name that goes on after it
      expect(classify([env('SERVICE'), text('/x')])).toMatchObject({ kind: 'unknown', service: undefined });
      expect(classify([env('PAYMENT_SERVICE_TIMEOUT'), text('/x')])).toMatchObject({ kind: 'unknown', service: undefined });
    });

    it('uses the fallback when the name says nothing', () => {
      expect(classify([env('TARGET', [text('http://ledger:80')]), text('/entries')])).toMatchObject({
        kind: 'internal',
        service: 'ledger',
        path: [text('/entries')],
      });
      expect(classify([unknown('base', [text('http://payments:3000')]), text('/charges')])).toMatchObject({
        kind: 'internal',
        service: 'payments',
        path: [text('/charges')],
      });
    });

    it('prefers a service name over a localhost fallback', () => {
      expect(classify([env('PAYMENTS_URL', [text('http://localhost:4001')]), text('/charges')])).toMatchObject({
        kind: 'internal',
        service: 'payments',
        via: 'env PAYMENTS_URL',
      });
    });

    it('leaves an unknown value base unknown', () => {
      expect(classify([unknown('baseUrl'), text('/payments')])).toEqual({
        kind: 'unknown',
        service: undefined,
        via: 'value baseUrl',
        path: [text('/payments')],
      });
    });
  });

  describe('relative and missing URLs', () => {
    it('classifies a relative URL as relative, or internal when configured', () => {
      expect(classify('/api/orders')).toEqual({ kind: 'relative', service: undefined, via: 'relative URL', path: [text('/api/orders')] });
      expect(classify('/api/orders', settings({ relativeUrls: 'internal' }))).toMatchObject({ kind: 'internal', path: [text('/api/orders')] });
    });

    it('classifies no URL as unknown', () => {
      expect(classify(undefined)).toEqual({ kind: 'unknown', service: undefined, via: 'no URL', path: [] });
      expect(classify([])).toEqual({ kind: 'unknown', service: undefined, via: 'no URL', path: [] });
    });
  });

  describe('Dapr sidecar', () => {
    it('classifies /v1.0/invoke/<app>/method/… as a synchronous call to <app>', () => {
      expect(classify('http://localhost:3500/v1.0/invoke/payments/method/charge')).toMatchObject({
        kind: 'internal',
        service: 'payments',
        path: [text('/charge')],
      });
      expect(classify('http://localhost:3500/v1.0/invoke/ledger/method')).toMatchObject({ kind: 'internal', service: 'ledger', path: [text('/')] });
    });

    it('keeps the query string and holes of the method path', () => {
      expect(classify('http://127.0.0.1:3500/v1.0/invoke/payments/method/charge?x=1')).toMatchObject({
        kind: 'internal',
        service: 'payments',
        via: 'Dapr invoke on 127.0.0.1:3500',
        path: [text('/charge?x=1')],
      });
      expect(classify([text('http://localhost:3500/v1.0/invoke/payments/method/charges/'), unknown('id')])).toMatchObject({
        service: 'payments',
        path: [text('/charges/'), unknown('id')],
      });
    });

    it('names the service after an app-id hole', () => {
      expect(classify([text('http://localhost:3500/v1.0/invoke/'), unknown('appId'), text('/method/charge')])).toMatchObject({
        kind: 'internal',
        service: '{appId}',
        path: [text('/charge')],
      });
    });

    it('classifies publish as a broker publish and state/bindings as storage', () => {
      expect(classify('http://localhost:3500/v1.0/publish/pubsub/orders')).toMatchObject({ kind: 'publish', service: 'dapr' });
      expect(classify('http://localhost:3500/v1.0/state/statestore')).toMatchObject({ kind: 'storage', service: 'dapr' });
      expect(classify('http://localhost:3500/v1.0/bindings/orders-db')).toMatchObject({ kind: 'storage' });
    });

    it('classifies the v1.0-alpha1 bulk publish API as a publish', () => {
      expect(classify('http://localhost:3500/v1.0-alpha1/publish/bulk/pubsub/orders')).toMatchObject({ kind: 'publish' });
    });

    it('recognises the sidecar at localhost:${DAPR_HTTP_PORT}', () => {
      const base = [text('http://localhost:'), env('DAPR_HTTP_PORT')];
      expect(classify([...base, text('/v1.0/invoke/payments/method/charge')])).toMatchObject({
        kind: 'internal',
        service: 'payments',
        path: [text('/charge')],
      });
      expect(classify([...base, text('/v1.0/publish/pubsub/orders')])).toMatchObject({ kind: 'publish' });
      expect(classify([...base, text('/v1.0/state/statestore')])).toMatchObject({ kind: 'storage' });
    });
  });

  describe('user lists', () => {
    it('services: names make a public-looking host internal; globs match hosts and URLs', () => {
      const options = settings({ services: ['payments', 'https://*.acme.io/**'] });
      expect(classify('https://payments.acme.com/charges', options)).toMatchObject({ kind: 'internal', service: 'payments' });
      expect(classify('https://ledger.acme.io/entries', options)).toMatchObject({ kind: 'internal', service: 'ledger' });
      expect(classify([env('PAYMENTS_BASE'), text('/x')], options)).toMatchObject({ kind: 'internal', service: 'payments' });
      expect(classify([env('PAYMENTS_BASE'), text('/x')])).toMatchObject({ kind: 'unknown' });
    });

    it('services: a hyphenated service name does not make its generic words service names', () => {
      const options = settings({ services: ['payments-api', 'ledger-service'] });
      expect(classify('https://api.stripe.com/v1/charges', options)).toMatchObject({ kind: 'external', service: 'api.stripe.com' });
      expect(classify('https://service.vendor.com/orders', options)).toMatchObject({ kind: 'external' });
      expect(classify([env('API_TOKEN'), text('/orders')], options)).toMatchObject({ kind: 'unknown' });
      expect(classify('https://payments-api.acme.com/orders', options)).toMatchObject({ kind: 'internal' });
    });

    it('internalHosts: host globs addressed as internal', () => {
      const options = settings({ internalHosts: ['*.corp.example.com'] });
      expect(classify('https://billing-api.corp.example.com/invoices', options)).toMatchObject({ kind: 'internal', service: 'billing' });
      expect(classify([text('https://'), unknown('svc'), text('.corp.example.com/x')], options)).toMatchObject({ kind: 'internal' });
    });

    it('externalHosts: host globs and env/config names are never internal', () => {
      const options = settings({ externalHosts: ['payments', 'api.partner.com', 'PARTNER_PAYMENTS_URL'] });
      expect(classify('http://payments:8080/charges', options)).toMatchObject({ kind: 'external' });
      expect(classify('https://api.partner.com/orders', options)).toMatchObject({ kind: 'external' });
      expect(classify([env('PARTNER_PAYMENTS_URL'), text('/charges')], options)).toMatchObject({ kind: 'external' });
    });

    it('serviceEnvPattern decides which names address a service', () => {
      const options = settings({ serviceEnvPattern: '_BASE$' });
      expect(classify([env('PAYMENTS_BASE'), text('/x')], options)).toMatchObject({ kind: 'internal', service: 'payments' });
      expect(classify([env('PAYMENTS_URL'), text('/x')], options)).toMatchObject({ kind: 'unknown' });
    });
  });
});

describe('classifyName', () => {
  it('normalizes camelCase and dotted names before matching', () => {
    expect(classifyName('paymentsServiceUrl', defaults)).toEqual({ kind: 'internal', service: 'payments' });
    expect(classifyName('services.ledger.url', defaults)).toEqual({ kind: 'internal', service: 'ledger' });
  });

  it('joins several meaningful words', () => {
    expect(classifyName('FRAUD_CHECK_SERVICE_URL', defaults)).toEqual({ kind: 'internal', service: 'fraud-check' });
  });

  it('returns unknown for names that are not addresses', () => {
    expect(classifyName('TIMEOUT_MS', defaults)).toEqual({ kind: 'unknown', service: undefined });
    expect(classifyName('', defaults)).toEqual({ kind: 'unknown', service: undefined });
  });
});
