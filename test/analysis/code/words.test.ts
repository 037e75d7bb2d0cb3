import { describe, expect, it } from 'vitest';
import { singular, splitWords, toUpperSnake, WordSet } from '../../../src/analysis/code/words.js';

describe('splitWords', () => {
  it.each([
    ['PAYMENTS_SERVICE_URL', ['payments', 'service', 'url']],
    ['createPaymentOrder', ['create', 'payment', 'order']],
    ['PaymentsGateway', ['payments', 'gateway']],
    ['/payments/{id}/capture', ['payments', 'id', 'capture']],
    ['services.payments.url', ['services', 'payments', 'url']],
    ['payments-service', ['payments', 'service']],
    ['HTTPServer', ['http', 'server']],
    ['getHTTPResponse', ['get', 'http', 'response']],
    ['ledger2', ['ledger2']],
    ['v1', ['v1']],
    ['LEDGER_V3_URL', ['ledger', 'v3', 'url']],
    ['auth0Domain', ['auth0', 'domain']],
    ['2fa', ['2', 'fa']],
    ['IBAN', ['iban']],
    ['x', ['x']],
  ])('%s → %j', (input, expected) => {
    expect(splitWords(input)).toEqual(expected);
  });

  it('returns no words for empty or punctuation-only text', () => {
    expect(splitWords('')).toEqual([]);
    expect(splitWords('/-_.{}?#')).toEqual([]);
  });

  it('does not throw on non-ASCII text and keeps the ASCII words', () => {
    expect(splitWords('pagamentoÇão')).toContain('pagamento');
    expect(splitWords('💸 amount')).toEqual(['amount']);
  });
});

describe('singular', () => {
  it.each([
    ['payments', 'payment'],
    ['entries', 'entry'],
    ['batches', 'batch'],
    ['boxes', 'box'],
    ['wishes', 'wish'],
    ['addresses', 'address'],
    ['taxes', 'tax'],
    ['orders', 'order'],
    ['order', 'order'],
    ['status', 'status'],
    ['class', 'class'],
    ['bus', 'bus'],
    ['ms', 'ms'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(singular(input)).toBe(expected);
  });
});

describe('toUpperSnake', () => {
  it.each([
    ['paymentsServiceUrl', 'PAYMENTS_SERVICE_URL'],
    ['services.payments.url', 'SERVICES_PAYMENTS_URL'],
    ['PAYMENTS_SERVICE_URL', 'PAYMENTS_SERVICE_URL'],
    ['ledger-api', 'LEDGER_API'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(toUpperSnake(input)).toBe(expected);
  });
});

describe('WordSet', () => {
  it('matches singular and plural forms of listed words, case-insensitively in has()', () => {
    const set = new WordSet(['payment', 'entries']);
    expect(set.has('payment')).toBe(true);
    expect(set.has('payments')).toBe(true);
    expect(set.has('Payments')).toBe(true);
    expect(set.has('entry')).toBe(true);
    expect(set.has('entries')).toBe(true);
    expect(set.has('pay')).toBe(false);
    expect(set.has('')).toBe(false);
  });

  it('splits listed identifiers into words', () => {
    const set = new WordSet(['PaymentOrder', 'LEDGER_ENTRY']);
    expect(set.has('payment')).toBe(true);
    expect(set.has('order')).toBe(true);
    expect(set.has('ledger')).toBe(true);
    expect(set.has('entries')).toBe(true);
  });

  it('find() returns the first matching word as written', () => {
    const set = new WordSet(['payment', 'order']);
    expect(set.find(['create', 'orders', 'payment'])).toBe('orders');
    expect(set.find(['create', 'user'])).toBeUndefined();
    expect(set.find([])).toBeUndefined();
  });

  it('does not add the fragments of a listed word that mixes letters and digits', () => {
    const set = new WordSet(['s3', 'auth0', 'v3']);
    expect(set.has('3')).toBe(false);
    expect(set.has('s')).toBe(false);
    expect(set.has('auth')).toBe(false);
    expect(set.has('0')).toBe(false);
  });

  it('an empty set matches nothing', () => {
    const set = new WordSet([]);
    expect(set.has('payments')).toBe(false);
    expect(set.find(['payments'])).toBeUndefined();
  });
});
