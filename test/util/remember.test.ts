import { describe, expect, it } from 'vitest';
import { remember } from '../../src/util/remember.js';

describe('remember', () => {
  it('computes a value once per key, a value found or none', () => {
    const cache = new WeakMap<object, string | null>();
    const found = {};
    const none = {};
    let calls = 0;
    const compute = (value: string | undefined) => () => {
      calls += 1;
      return value;
    };
    expect(remember(cache, found, compute('kafka consumer'))).toBe('kafka consumer');
    expect(remember(cache, found, compute('other'))).toBe('kafka consumer');
    expect(remember(cache, none, compute(undefined))).toBeUndefined();
    expect(remember(cache, none, compute('late'))).toBeUndefined();
    expect(calls).toBe(2);
  });
});
