// Lints the bundled sample services (fixtures/shop) with the plugin's `recommended` config
// through ESLint's Node API, prints ESLint's normal output and a one-line summary.
// Exits 0 whenever it ran, whatever it found.
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import plugin from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'fixtures', 'shop');

const eslint = new ESLint({
  cwd: target,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended,
  ],
});

const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const output = await formatter.format(results);
process.stdout.write(output || '\nNo findings.\n');

/** @type {Map<string, number>} */
const perRule = new Map();
for (const result of results) {
  for (const message of result.messages) {
    const id = message.ruleId ?? '(parse error)';
    perRule.set(id, (perRule.get(id) ?? 0) + 1);
  }
}
const counts = [...perRule].map(([id, count]) => `${id}: ${count}`).join(', ') || 'no findings';
console.log(`\ndurable-writes demo: ${results.length} files in fixtures/shop, ${counts}`);
