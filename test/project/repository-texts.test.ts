/**
 * The index of a repository's texts (src/project/modules/repository-texts.ts): which files import
 * a specifier ending with a name, call a member of a name, or implement an interface of a name;
 * tests, seeds and scripts aside; nothing past the bound on files.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSpecifierStem, RepositoryTexts } from '../../src/project/modules/repository-texts.js';
import { writeProject } from './helpers.js';

const names = (root: string, files: readonly string[] | undefined): string[] | undefined => files?.map((file) => path.relative(root, file)).sort();

describe('getSpecifierStem', () => {
  it.each([
    ['../services/refunds.js', 'refunds'],
    ['./refunds.service', 'refunds.service'],
    ['@app/billing', 'billing'],
    ['#config', '#config'],
    ['./lib/http.mts', 'http'],
  ])('%s → %s', (specifier, stem) => {
    expect(getSpecifierStem(specifier)).toBe(stem);
  });
});

describe('RepositoryTexts', () => {
  const root = writeProject({
    'package.json': { name: 'orders' },
    'src/a.ts': "import { settle } from './billing.js';\nexport class HttpPayments implements PaymentsPort, Named<string> {}\nsettle();\nclient.capture(1);\n",
    'src/b.cjs': "const billing = require('../src/billing');\nbilling.settle();\n",
    'src/billing.test.ts': "import { settle } from './billing.js';\nclient.capture(2);\n",
  });
  const from = path.join(root, 'src/billing.ts');

  it('indexes importers by the last segment of their specifiers, member calls and implements clauses, tests aside', () => {
    const texts = new RepositoryTexts();
    expect(names(root, texts.getImportersOf(from, 'billing'))).toEqual(['src/a.ts', 'src/b.cjs']);
    expect(names(root, texts.getMemberCallers(from, 'capture'))).toEqual(['src/a.ts']);
    expect(names(root, texts.getImplementers(from, 'PaymentsPort'))).toEqual(['src/a.ts']);
    expect(names(root, texts.getImplementers(from, 'Named'))).toEqual(['src/a.ts']);
    expect(texts.isReadable(from)).toBe(true);
  });

  it('knows nothing past its bound on files', () => {
    const texts = new RepositoryTexts(1);
    expect(texts.getFiles(from)).toBeUndefined();
    expect(texts.getImportersOf(from, 'billing')).toBeUndefined();
    expect(texts.isReadable(from)).toBe(false);
  });

  it('counts only the files it searches against the bound: tests are not', () => {
    expect(names(root, new RepositoryTexts(2).getFiles(from))).toEqual(['src/a.ts', 'src/b.cjs']);
  });

  it('marks a repository with a file too large to read', () => {
    const large = writeProject({ 'package.json': { name: 'big' }, 'src/a.ts': 'export const a = 1;\n', 'src/generated.js': `// ${'x'.repeat(600 * 1024)}\n` });
    expect(new RepositoryTexts().isReadable(path.join(large, 'src/a.ts'))).toBe(false);
  });
});
