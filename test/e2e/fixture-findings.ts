/**
 * The sample services' READMEs list the findings the plugin must report: one table row per
 * finding under "## Expected findings" (`| file | line | rule | why |`). These helpers read
 * that list and lint a fixture folder with the `recommended` config, both as sorted
 * `file:line rule` strings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';

/** Rows of the "Expected findings" table in a fixture's README: `file:line rule`. */
export function readExpectedFindings(folder: string): string[] {
  const readme = readFileSync(path.join(folder, 'README.md'), 'utf8');
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

/** ESLint in a fixture folder with the `recommended` config, as the demo runs it. */
export function createFixtureEslint(folder: string): ESLint {
  return new ESLint({
    cwd: folder,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
  });
}

/** The fixture linted from its folder with the `recommended` config: its results and messages, and the findings as `file:line rule`. */
export async function lintFixture(
  folder: string,
): Promise<{ findings: string[]; messages: ESLint.LintResult['messages']; results: ESLint.LintResult[] }> {
  const results = await createFixtureEslint(folder).lintFiles(['.']);
  const findings = results
    .flatMap((result) =>
      result.messages.map((message) => {
        expect(message.fatal ?? false).toBe(false);
        const rule = (message.ruleId ?? '').replace('durable-writes/', '');
        return `${path.relative(folder, result.filePath).split(path.sep).join('/')}:${message.line} ${rule}`;
      }),
    )
    .sort();
  return { findings, messages: results.flatMap((result) => result.messages), results };
}
