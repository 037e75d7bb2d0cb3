import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFixture, readExpectedFindings } from './fixture-findings.js';

const root = path.resolve(import.meta.dirname, '../..');
const shop = path.join(root, 'fixtures/shop');

describe('fixtures/shop', () => {
  it('reports exactly the dangerous calls listed in the fixture README', async () => {
    const actual = (await lintFixture(shop)).findings;
    const expected = readExpectedFindings(shop);
    expect(expected.length).toBeGreaterThan(5);
    expect(actual).toEqual(expected);
    // one warning per call: no file and line is reported by both rules
    const places = actual.map((finding) => finding.split(' ')[0]);
    expect(new Set(places).size).toBe(places.length);
  });

  it('npm run demo prints ESLint output and a one-line summary, and exits 0', () => {
    const output = execFileSync(process.execPath, ['scripts/demo.js'], { cwd: root, encoding: 'utf8' });
    const countsByRule = new Map<string, number>();
    for (const finding of readExpectedFindings(shop)) {
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
