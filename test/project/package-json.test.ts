/**
 * A folder's package.json (src/project/workspace/workspaces.ts `readPackageJson`): read once
 * while it is unchanged, read again when it changes, and nothing for a folder without one or
 * with one that is no JSON object.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackageJson } from '../../src/project/workspace/workspaces.js';
import { touchLater, writeProject } from './helpers.js';

describe('readPackageJson', () => {
  it('reads a package.json once while it is unchanged, and again once it changed', () => {
    const root = writeProject({ 'package.json': { name: 'orders', type: 'module' } });
    const first = readPackageJson(root);
    expect(first).toEqual({ name: 'orders', type: 'module' });
    expect(readPackageJson(root)).toBe(first);
    const file = path.join(root, 'package.json');
    fs.writeFileSync(file, `${JSON.stringify({ name: 'orders', type: 'commonjs' })}\n`);
    touchLater(file);
    expect(readPackageJson(root)).toEqual({ name: 'orders', type: 'commonjs' });
  });

  it('finds nothing in a folder without one, or in one that is no JSON object', () => {
    const root = writeProject({ 'src/index.js': 'export {};\n', 'broken/package.json': '{ "name": ', 'list/package.json': '[1, 2]' });
    expect(readPackageJson(path.join(root, 'src'))).toBeUndefined();
    expect(readPackageJson(path.join(root, 'broken'))).toBeUndefined();
    expect(readPackageJson(path.join(root, 'list'))).toBeUndefined();
    // a folder named package.json is no manifest
    fs.mkdirSync(path.join(root, 'odd', 'package.json'), { recursive: true });
    expect(readPackageJson(path.join(root, 'odd'))).toBeUndefined();
  });
});
