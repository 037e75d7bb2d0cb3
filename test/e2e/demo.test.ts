import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const shop = path.join(root, 'fixtures/shop');

/** Rows of the "Expected findings" table in the fixture README: `file:line rule`. */
function readExpectedFindings(): string[] {
  const readme = readFileSync(path.join(shop, 'README.md'), 'utf8');
  const section = readme.split('## Expected findings')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\|\s*[\w./-]+\.ts\s*\|\s*\d+\s*\|/.test(line))
    .map((line) => {
      const [file, lineNumber, rule] = line.split('|').slice(1, 4).map((cell) => cell.trim());
      return `${file}:${lineNumber} ${rule}`;
    })
    .sort();
}

describe('fixtures/shop', () => {
  it('reports exactly the dangerous calls listed in the fixture README', async () => {
    const eslint = new ESLint({
      cwd: shop,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
    });
    const results = await eslint.lintFiles(['.']);
    const actual = results
      .flatMap((result) =>
        result.messages.map((message) => {
          expect(message.fatal ?? false).toBe(false);
          const rule = (message.ruleId ?? '').replace('durable-writes/', '');
          return `${path.relative(shop, result.filePath).split(path.sep).join('/')}:${message.line} ${rule}`;
        }),
      )
      .sort();
    const expected = readExpectedFindings();
    expect(expected.length).toBeGreaterThan(5);
    expect(actual).toEqual(expected);
    // one warning per call: no file and line is reported by both rules
    const places = actual.map((finding) => finding.split(' ')[0]);
    expect(new Set(places).size).toBe(places.length);
  });

  it('npm run demo prints ESLint output and a one-line summary, and exits 0', () => {
    const output = execFileSync(process.execPath, ['scripts/demo.js'], { cwd: root, encoding: 'utf8' });
    const countsByRule = new Map<string, number>();
    for (const finding of readExpectedFindings()) {
      const rule = finding.split(' ')[1]!;
      countsByRule.set(rule, (countsByRule.get(rule) ?? 0) + 1);
    }
    expect([...countsByRule.keys()].sort()).toEqual(['no-dual-write', 'no-sync-critical-write']);
    const summary = /durable-writes demo: \d+ files in fixtures\/shop, (.*)/.exec(output)?.[1] ?? '';
    for (const [rule, count] of countsByRule) {
      expect(output).toContain(`durable-writes/${rule}`);
      expect(summary.split(', ')).toContain(`durable-writes/${rule}: ${count}`);
    }
    // the README shows the summary line as the demo prints it
    const summaryLine = output.split('\n').find((line) => line.startsWith('durable-writes demo:'));
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(summaryLine);
  });
});
