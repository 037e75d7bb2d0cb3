/**
 * A repository is linted the same wherever it is checked out: the test-file and front-end
 * folder filters read the path relative to ESLint's working directory, so a checkout under a
 * folder named `tests`, `spec`, `frontend` or `webapp` (a CI workspace, a parent folder) keeps
 * every finding. Each case copies the sample services under such a folder and lints them
 * through ESLint's API from the copy's root, as `eslint .` there would.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const shop = path.resolve(import.meta.dirname, '../../fixtures/shop');
let workspace: string;

beforeAll(() => {
  workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dw-checkouts-')));
});

afterAll(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
});

/** Copies the sample services to `<workspace>/<parents>/shop` and returns that folder. */
function checkOut(parents: string): string {
  const target = path.join(workspace, parents, 'shop');
  fs.cpSync(shop, target, { recursive: true });
  return target;
}

/** `orders/src/order-service.ts:52 no-sync-critical-write` for each message, sorted. */
async function lint(cwd: string, patterns: string[] = ['.']): Promise<string[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
  });
  const results = await eslint.lintFiles(patterns);
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${path.relative(cwd, result.filePath).split(path.sep).join('/')}:${message.line} ${message.ruleId ?? 'fatal'}`),
    )
    .sort();
}

describe('a checkout under a folder the filters name', () => {
  let expected: string[];

  beforeAll(async () => {
    expected = await lint(checkOut('ok'));
  });

  it('finds the same calls under a neutral folder as in the repository', async () => {
    expect(expected.length).toBeGreaterThan(5);
    expect(expected).toEqual(await lint(shop));
  });

  for (const parents of ['tests', 'ci/spec/builds', 'e2e', 'frontend', 'webapp', 'mocks', 'seeds']) {
    it(`keeps every finding when checked out under ${parents}/`, async () => {
      expect(await lint(checkOut(parents))).toEqual(expected);
    });
  }

  it('still skips a test folder inside the repository', async () => {
    const root = checkOut('inside');
    const service = path.join(root, 'orders', 'src', 'order-service.ts');
    fs.mkdirSync(path.join(root, 'orders', 'tests'), { recursive: true });
    fs.copyFileSync(service, path.join(root, 'orders', 'tests', 'order-service.ts'));
    const findings = await lint(root);
    expect(findings.some((finding) => finding.startsWith('orders/tests/'))).toBe(false);
    expect(findings).toEqual(expected);
  });
});
