import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  compileGlob,
  compileSettings,
  DEFAULT_OPTIONS,
  DEFAULT_OUTBOX_RELAY_PATTERN,
  DEFAULT_SERVICE_ENV_PATTERN,
  OptionError,
  type NoSyncCriticalWriteOptions,
} from '../../src/options.js';
import plugin from '../../src/index.js';

const compile = (overrides: Partial<NoSyncCriticalWriteOptions> = {}) => compileSettings({ ...DEFAULT_OPTIONS, ...overrides });

describe('compileSettings', () => {
  it('compiles the defaults', () => {
    const settings = compile();
    expect(settings.relativeUrlsInternal).toBe(false);
    expect(settings.criticalityAll).toBe(false);
    expect(settings.unknownMethodIsWrite).toBe(false);
    expect(settings.checkTestFiles).toBe(false);
    expect(settings.services.globs).toEqual([]);
    expect(settings.internalHosts).toEqual([]);
    expect(settings.externalHosts).toEqual([]);
    expect(settings.serviceEnvPattern.source).toBe(DEFAULT_SERVICE_ENV_PATTERN);
    expect(settings.outboxRelayPattern.source).toBe(DEFAULT_OUTBOX_RELAY_PATTERN);
  });

  it('loads the built-in word lists', () => {
    const settings = compile();
    for (const word of ['payments', 'transactions', 'transfers', 'orders', 'checkout', 'refunds', 'invoices', 'charges', 'ledger']) {
      expect(settings.criticalWords.has(word), word).toBe(true);
    }
    for (const word of ['balance', 'wallet', 'withdrawals', 'deposits', 'bookings', 'reservations', 'stock', 'inventory', 'shipments', 'billing', 'accounts']) {
      expect(settings.criticalWords.has(word), word).toBe(true);
    }
    for (const key of ['amount', 'total', 'price', 'currency', 'quantity', 'iban', 'balance']) {
      expect(settings.criticalPayloadKeys.has(key), key).toBe(true);
    }
    for (const word of ['logs', 'metrics', 'telemetry', 'analytics', 'tracking', 'health', 'ping', 'cache', 'notifications']) {
      expect(settings.nonCriticalWords.has(word), word).toBe(true);
    }
    expect(settings.vendorWords.has('stripe')).toBe(true);
    expect(settings.infrastructureWords.has('elasticsearch')).toBe(true);
    expect(settings.genericAddressWords.has('url')).toBe(true);
    expect(settings.browserEnvPrefixes).toContain('NEXT_PUBLIC_');
  });

  it('matches the service env names of the design with the default pattern', () => {
    const { serviceEnvPattern } = compile();
    for (const name of ['PAYMENTS_SERVICE_URL', 'LEDGER_API_URL', 'BILLING_SVC_URL', 'ORDERS_URL', 'ORDERS_HOST', 'ORDERS_ENDPOINT', 'URL', 'URL_GATEWAY', 'HOST_PAYMENTS', 'APP_URL_GATEWAY']) {
      expect(serviceEnvPattern.test(name), name).toBe(true);
    }
    for (const name of ['PAYMENTS_TOKEN', 'URL_PREFIX', 'URL_PATH', 'HOST_PORT', 'ORDERS_URL_PREFIX', 'CURLY', 'HOSTILE']) {
      expect(serviceEnvPattern.test(name), name).toBe(false);
    }
  });

  it('matches outbox relay names case-insensitively', () => {
    const { outboxRelayPattern } = compile();
    expect(outboxRelayPattern.test('OutboxRelay')).toBe(true);
    expect(outboxRelayPattern.test('drainOUTBOX')).toBe(true);
    expect(outboxRelayPattern.test('createOrder')).toBe(false);
  });

  it('adds user words to the built-in lists, or replaces them when builtinWords is false', () => {
    const merged = compile({ criticalWords: ['enrollment'], nonCriticalWords: ['thumbnail'], criticalPayloadKeys: ['points'] });
    expect(merged.criticalWords.has('enrollments')).toBe(true);
    expect(merged.criticalWords.has('payments')).toBe(true);
    expect(merged.nonCriticalWords.has('thumbnails')).toBe(true);
    expect(merged.nonCriticalWords.has('metrics')).toBe(true);
    expect(merged.criticalPayloadKeys.has('points')).toBe(true);

    const only = compile({ builtinWords: false, criticalWords: ['enrollment'] });
    expect(only.criticalWords.has('enrollment')).toBe(true);
    expect(only.criticalWords.has('payments')).toBe(false);
    expect(only.nonCriticalWords.has('metrics')).toBe(false);
    expect(only.criticalPayloadKeys.has('amount')).toBe(false);
  });

  it('splits services into names and URL/host globs', () => {
    const { services } = compile({ services: ['payments', 'ledger-service', '*.acme.internal', 'https://billing.acme.com/**', 'stock:8080'] });
    // names are kept whole and normalized: generic words dropped, singular
    expect([...services.names]).toEqual(['payment', 'ledger']);
    expect(services.globs).toHaveLength(3);
    expect(services.globs[0]!.test('orders.acme.internal')).toBe(true);
  });

  it('compiles host lists to globs and the enum options to flags', () => {
    const settings = compile({
      internalHosts: ['10.0.*'],
      externalHosts: ['api.partner.com'],
      relativeUrls: 'internal',
      criticality: 'all',
      unknownMethod: 'write',
      checkTestFiles: true,
    });
    expect(settings.internalHosts[0]!.test('10.0.3.4')).toBe(true);
    expect(settings.externalHosts[0]!.test('API.PARTNER.COM')).toBe(true);
    expect(settings.relativeUrlsInternal).toBe(true);
    expect(settings.criticalityAll).toBe(true);
    expect(settings.unknownMethodIsWrite).toBe(true);
    expect(settings.checkTestFiles).toBe(true);
  });

  it('throws an OptionError naming the option for an invalid regular expression', () => {
    expect(() => compile({ serviceEnvPattern: '(' })).toThrow(OptionError);
    expect(() => compile({ serviceEnvPattern: '(' })).toThrow(/invalid option "serviceEnvPattern"/);
    expect(() => compile({ outboxRelayPattern: '[relay' })).toThrow(/invalid option "outboxRelayPattern"/);
    try {
      compile({ outboxRelayPattern: '*' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OptionError);
      expect((error as Error).name).toBe('OptionError');
      expect((error as Error).message).toMatch(/^durable-writes: invalid option "outboxRelayPattern": /);
    }
  });

  it('compiles custom patterns case-insensitively', () => {
    const settings = compile({ serviceEnvPattern: '_base$', outboxRelayPattern: '^drain' });
    expect(settings.serviceEnvPattern.test('PAYMENTS_BASE')).toBe(true);
    expect(settings.outboxRelayPattern.test('DrainEvents')).toBe(true);
  });
});

describe('compileGlob', () => {
  it('`*` matches any text without `/`, possibly empty', () => {
    const glob = compileGlob('*.acme.internal');
    expect(glob.test('payments.acme.internal')).toBe(true);
    expect(glob.test('a.b.acme.internal')).toBe(true);
    expect(glob.test('.acme.internal')).toBe(true);
    expect(glob.test('acme.internal')).toBe(false);
    expect(glob.test('payments.acme.internal.evil.io')).toBe(false);
    expect(glob.test('x/y.acme.internal')).toBe(false);
  });

  it('`**` matches any text', () => {
    const glob = compileGlob('https://payments.acme.com/**');
    expect(glob.test('https://payments.acme.com/v1/charges')).toBe(true);
    expect(glob.test('https://payments.acme.com/')).toBe(true);
    expect(glob.test('https://payments.acme.com.evil.io/x')).toBe(false);
  });

  it('matches case-insensitively and anchors both ends', () => {
    expect(compileGlob('payments').test('PAYMENTS')).toBe(true);
    expect(compileGlob('payments').test('payments-v2')).toBe(false);
    expect(compileGlob('10.0.*').test('10.0.1.2')).toBe(true);
    expect(compileGlob('10.0.*').test('110.0.1.2')).toBe(false);
  });

  it('escapes regular-expression characters', () => {
    expect(compileGlob('a+b.com').test('a+b.com')).toBe(true);
    expect(compileGlob('a+b.com').test('aab.com')).toBe(false);
    expect(compileGlob('a.com').test('abcom')).toBe(false);
    expect(compileGlob('(x)|[y]^$?{1}\\').test('(x)|[y]^$?{1}\\')).toBe(true);
    expect(compileGlob('').test('')).toBe(true);
  });
});

describe('options through ESLint', () => {
  const lint = (options: Record<string, unknown>) =>
    new Linter({ configType: 'flat' }).verify(
      "import axios from 'axios'; axios.get('/x');",
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as unknown as Linter.Parser },
          plugins: { 'durable-writes': plugin },
          rules: { 'durable-writes/no-sync-critical-write': ['error', options] },
        },
      ],
      { filename: 'src/file.ts' },
    );

  it('accepts the defaults', () => {
    expect(lint(DEFAULT_OPTIONS as unknown as Record<string, unknown>)).toEqual([]);
    expect(lint({})).toEqual([]);
  });

  it('rejects bad options with a schema error', () => {
    expect(() => lint({ relativeUrls: 'sometimes' })).toThrow(/no-sync-critical-write/);
    expect(() => lint({ followDepth: 0 })).toThrow(/no-sync-critical-write/);
    expect(() => lint({ followDepth: 11 })).toThrow(/no-sync-critical-write/);
    expect(() => lint({ publisher: { call: 'not a name' } })).toThrow(/no-sync-critical-write/);
    expect(() => lint({ services: 'payments' })).toThrow(/no-sync-critical-write/);
    expect(() => lint({ criticalWords: [''] })).toThrow(/no-sync-critical-write/);
    expect(() => lint({ outbox: { call: 'outbox.add', import: { from: 'x' } } })).toThrow(/no-sync-critical-write/);
  });

  it('names an unknown option', () => {
    expect(() => lint({ servicez: ['payments'] })).toThrow(/Unexpected property "servicez"/);
  });

  it('names the option in every schema error', () => {
    expect(() => lint({ relativeUrls: 'sometimes' })).toThrow(/relativeUrls/);
    expect(() => lint({ followDepth: 0 })).toThrow(/followDepth/);
    expect(() => lint({ publisher: { call: 'not a name' } })).toThrow(/publisher/);
    expect(() => lint({ services: 'payments' })).toThrow(/services/);
  });

  it('rejects an invalid regular expression naming the option', () => {
    expect(() => lint({ serviceEnvPattern: '(' })).toThrow(/serviceEnvPattern/);
  });
});
