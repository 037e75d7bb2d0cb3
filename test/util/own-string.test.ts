/**
 * `ownString` copies a slice of a long text so that the text itself can be collected. Measured
 * on the heap: a slice kept as V8 makes it holds its whole text; its own copy does not.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownString } from '../../src/util/own-string.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const TEXT_BYTES = 32 * 1024 * 1024;

/** What `cut` takes from a fresh 32 MB text, which is not referenced once this returns. */
function cutFromText(cut: (text: string) => string): string {
  // a flat one-byte text, as a file read from disk is
  const text = Buffer.alloc(TEXT_BYTES, 'a').toString('latin1') + 'import { createOrder } from "./orders";';
  return cut(text);
}

/** Heap growth (bytes) while what `cut` took from a fresh 32 MB text is kept. */
function retainedBy(cut: (text: string) => string): { growth: number; kept: string } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = cutFromText(cut);
  gc();
  return { growth: process.memoryUsage().heapUsed - before, kept };
}

describe('ownString', () => {
  it('keeps the value of the slice', () => {
    const text = 'const PAYMENTS_SERVICE_URL = process.env.PAYMENTS_SERVICE_URL;';
    expect(ownString(text.slice(6, 26))).toBe('PAYMENTS_SERVICE_URL');
    expect(ownString('url')).toBe('url');
    expect(ownString('')).toBe('');
  });

  it('lets the text a long slice was cut from be collected, where the slice itself holds it', () => {
    const slice = (text: string) => text.slice(TEXT_BYTES + 7, TEXT_BYTES + 28);
    const held = retainedBy(slice);
    const owned = retainedBy((text) => ownString(slice(text)));
    expect(held.kept).toBe('{ createOrder } from ');
    expect(owned.kept).toBe('{ createOrder } from ');
    expect(held.growth).toBeGreaterThan(TEXT_BYTES / 2);
    expect(owned.growth).toBeLessThan(TEXT_BYTES / 8);
  });
});
