import { describe, expect, it } from 'vitest';
import { getOrAdd, remember } from '../../src/util/remember.js';

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

describe('getOrAdd', () => {
  it('makes a value the first time a key is asked for, in a map or a weak map, and hands back that value after', () => {
    const byFolder = new Map<string, Map<string, number>>();
    let made = 0;
    const make = () => {
      made += 1;
      return new Map<string, number>();
    };
    const first = getOrAdd(byFolder, '/repo/src', make);
    expect(getOrAdd(byFolder, '/repo/src', make)).toBe(first);
    expect(getOrAdd(byFolder, '/repo/lib', make)).not.toBe(first);
    expect(made).toBe(2);
    const settings = {};
    const weak = new WeakMap<object, string[]>();
    const list = getOrAdd(weak, settings, () => ['made']);
    expect(getOrAdd(weak, settings, () => ['again'])).toBe(list);
    expect(list).toEqual(['made']);
  });
});
