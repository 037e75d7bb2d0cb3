// One lint of a whole repository as a user runs it (`eslint .` from its root), in a process of
// its own so that every run starts cold, as a real one does. Used by bench/run.js.
//
//   node bench/lint-repo.js <root> baseline|recommended [--heap] [--plugin <another build's dist/index.js>]
//
// baseline: typescript-eslint's parser for TypeScript files and a rule that visits every call
// expression and does nothing (users always run other rules, so the AST is traversed anyway);
// recommended: the same plus this plugin's `recommended` config. Prints the number of the
// plugin's reports, for a sanity check; with `--heap`, also the heap still in use after a full
// garbage collection at the end (what the run keeps alive), in MB. `--plugin` lints with another
// build of the plugin (an earlier commit's), to compare the two in one benchmark run.
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import v8 from 'node:v8';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import vm from 'node:vm';

const { positionals, values: flags } = parseArgs({ allowPositionals: true, options: { heap: { type: 'boolean' }, plugin: { type: 'string' } } });
const [root, configuration] = positionals;
if (!root || (configuration !== 'baseline' && configuration !== 'recommended')) {
  console.error('usage: node bench/lint-repo.js <root> baseline|recommended [--heap] [--plugin <dist/index.js>]');
  process.exit(2);
}
const pluginFile = flags.plugin === undefined ? new URL('../dist/index.js', import.meta.url) : pathToFileURL(path.resolve(flags.plugin));
const plugin = /** @type {typeof import('../dist/index.js').default} */ ((await import(pluginFile.href)).default);

/** Visits every call expression and does nothing. @type {import('eslint').Rule.RuleModule} */
const traverse = { meta: { type: 'problem', schema: [] }, create: () => ({ CallExpression() {} }) };

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  errorOnUnmatchedPattern: false,
  overrideConfig: [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.next/**', '**/*.min.js', '**/vendor/**'] },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
    { files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { plugins: { bench: { rules: { traverse } } }, rules: { 'bench/traverse': 'warn' } },
    ...(configuration === 'recommended' ? [plugin.configs.recommended] : []),
  ],
});
const results = await eslint.lintFiles(['.']);
let reports = 0;
for (const result of results) for (const message of result.messages) if (message.ruleId?.startsWith('durable-writes/')) reports += 1;
/** @type {{ files: number, reports: number, heapMB?: number }} */
const summary = { files: results.length, reports };
if (flags.heap) {
  v8.setFlagsFromString('--expose-gc');
  /** @type {() => void} */ (vm.runInNewContext('gc'))();
  summary.heapMB = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
}
console.log(JSON.stringify(summary));
