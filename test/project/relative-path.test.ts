/**
 * The path the file filters read: relative to ESLint's working directory, so that folders above
 * the checkout (a CI workspace named `tests`, a parent called `frontend`) never count; the
 * file's own path when it lies outside that directory (an editor started elsewhere).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBrowserCode, isTestFile } from '../../src/analysis/file-filter.js';
import { getProjectRelativePath } from '../../src/project/layer.js';

const cwd = path.join(path.sep, 'home', 'ci', 'tests', 'shop');

describe('getProjectRelativePath', () => {
  it('gives the path inside the working directory with forward slashes', () => {
    expect(getProjectRelativePath(cwd, path.join(cwd, 'orders', 'src', 'order-service.ts'))).toBe('orders/src/order-service.ts');
  });

  it('keeps the whole path of a file outside the working directory', () => {
    const outside = path.join(path.sep, 'home', 'ci', 'other', 'tests', 'seed.ts');
    expect(getProjectRelativePath(cwd, outside)).toBe(outside);
  });

  it('keeps a relative file name as it is (text linted without a file)', () => {
    expect(getProjectRelativePath(cwd, '<text>')).toBe('<text>');
    expect(getProjectRelativePath(cwd, path.join('src', 'a.ts'))).toBe('src/a.ts');
  });

  it('lets the filters ignore the folders above the checkout', () => {
    const service = getProjectRelativePath(cwd, path.join(cwd, 'orders', 'src', 'order-service.ts'));
    expect(isTestFile(service)).toBe(false);
    expect(isBrowserCode(service, '')).toBe(false);
    const inside = getProjectRelativePath(cwd, path.join(cwd, 'orders', 'tests', 'order-service.ts'));
    expect(isTestFile(inside)).toBe(true);
    const frontEnd = getProjectRelativePath(path.join(path.sep, 'work', 'frontend', 'shop'), path.join(path.sep, 'work', 'frontend', 'shop', 'webapp', 'cart.ts'));
    expect(isBrowserCode(frontEnd, '')).toBe(true);
  });
});
