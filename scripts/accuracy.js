// Precision and recall of no-sync-critical-write on whole real repositories, linted from their
// root as a user would (`eslint .` with `configs.recommended`), against hand-made labels.
//
//   npm run accuracy -- --repos <folder of checkouts>
//   npm run accuracy -- --repos <folder> --only owner/name --list
//   npm run accuracy -- --repos <folder> --plugin <another build's dist/index.js> --json reports/accuracy.json
//
// The labels are in bench/accuracy/repos/<owner>__<name>.json: for each repository its commit,
// the call sites a reviewer flags (`positives`, each with the shape that brings its pieces
// together) and notable look-alikes (`negatives`). The checkouts are not part of this
// repository: clone each one at its commit into the folder given with --repos, named
// <owner>__<name> (the script prints the commands for any that is missing).
//
// Counting: a report on a labelled site (the request's line or the call site where the write's
// evidence completes, ±2 lines for calls spread over lines) is a true positive; any other report
// is a false positive, except on a site labelled "borderline" (positive or negative), which
// counts neither way. A second report of one write is a false positive.
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './lib/corpus.js';

const LABELS = path.join(REPO_ROOT, 'bench', 'accuracy', 'repos');
const RULE = 'durable-writes/no-sync-critical-write';
const LINE_SLACK = 2;

/** What users commonly keep out of linting: dependencies, build output, coverage, bundles. */
const IGNORES = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.next/**', '**/*.min.js', '**/vendor/**'];

/**
 * @typedef {object} Positive
 * @property {string} site
 * @property {string} request
 * @property {string} shape
 * @property {string} why
 */
/**
 * @typedef {object} RepoLabels
 * @property {string} repo
 * @property {string} commit
 * @property {string} language
 * @property {boolean} [heldOut]
 * @property {number} [round] for a held-out repository, the round of labelling it came in (the first when absent)
 * @property {Positive[]} positives
 * @property {{ site: string, request?: string, why: string }[]} negatives a borderline one may name its request line too
 */
/** @typedef {{ file: string, line: number, message: string }} Report */

const { values: args } = parseArgs({
  options: {
    repos: { type: 'string' },
    only: { type: 'string' },
    plugin: { type: 'string' },
    json: { type: 'string' },
    list: { type: 'boolean' },
    'held-out': { type: 'boolean' },
    tuning: { type: 'boolean' },
  },
});
if (typeof args.repos !== 'string') {
  console.error('usage: npm run accuracy -- --repos <folder of checkouts named owner__name> [--only owner/name[,owner/name…]] [--list] [--held-out|--tuning] [--plugin dist/index.js] [--json out.json]');
  process.exit(2);
}
const reposFolder = path.resolve(args.repos);
const pluginPath = typeof args.plugin === 'string' ? path.resolve(args.plugin) : path.join(REPO_ROOT, 'dist', 'index.js');
const plugin = (await import(pathToFileURL(pluginPath).href)).default;

/** @type {RepoLabels[]} */
const all = fs
  .readdirSync(LABELS)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(fs.readFileSync(path.join(LABELS, name), 'utf8')));
const selected = all.filter(
  (labels) =>
    (typeof args.only !== 'string' || args.only.split(',').includes(labels.repo)) &&
    (!args['held-out'] || labels.heldOut === true) &&
    (!args.tuning || labels.heldOut !== true),
);

const missing = selected.filter((labels) => !fs.existsSync(checkoutOf(labels)));
if (missing.length > 0) {
  console.error(`${missing.length} checkout(s) missing under ${reposFolder}; to make them:`);
  for (const labels of missing) {
    const folder = checkoutOf(labels);
    console.error(`  git clone https://github.com/${labels.repo}.git ${folder} && git -C ${folder} checkout ${labels.commit}`);
  }
  process.exit(2);
}

/** @param {RepoLabels} labels */
function checkoutOf(labels) {
  return path.join(reposFolder, labels.repo.replace('/', '__'));
}

/** @param {string} site `path:line` */
function parseSite(site) {
  const colon = site.lastIndexOf(':');
  return { file: site.slice(0, colon), line: Number(site.slice(colon + 1)) };
}

const isBorderline = (/** @type {{ why?: string }} */ item) => /borderline/i.test(item.why ?? '');

/** @param {string} root */
async function lint(root) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    errorOnUnmatchedPattern: false,
    overrideConfig: [
      { ignores: IGNORES },
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
      { files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      plugin.configs.recommended,
    ],
  });
  const started = performance.now();
  const results = await eslint.lintFiles(['.']);
  const seconds = (performance.now() - started) / 1000;
  /** @type {Report[]} */
  const reports = [];
  let parseErrors = 0;
  let dualWrites = 0;
  for (const result of results) {
    const file = path.relative(root, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (message.fatal) parseErrors += 1;
      else if (message.ruleId === RULE) reports.push({ file, line: message.line, message: message.message });
      else if (message.ruleId === 'durable-writes/no-dual-write') dualWrites += 1;
    }
  }
  return { reports, files: results.length, parseErrors, dualWrites, seconds };
}

/**
 * @param {RepoLabels} labels
 * @param {Report[]} reports
 */
function score(labels, reports) {
  const positives = labels.positives.map((positive) => ({
    ...positive,
    borderline: isBorderline(positive),
    sites: [parseSite(positive.site), parseSite(positive.request)],
    matched: /** @type {Report | undefined} */ (undefined),
  }));
  // a borderline write may name its request too (labelled at a call site, reported where the request shows it whole)
  const dontCare = labels.negatives.filter(isBorderline).flatMap((negative) => [negative.site, ...(negative.request ? [negative.request] : [])].map(parseSite));
  /** @type {Report[]} */
  const falsePositives = [];
  /** @type {Report[]} */
  const ignored = [];
  const near = (/** @type {{file: string, line: number}} */ site, /** @type {Report} */ report, /** @type {number} */ slack) =>
    site.file === report.file && Math.abs(site.line - report.line) <= slack;
  for (const report of reports) {
    let match;
    for (const slack of [0, LINE_SLACK]) {
      match = positives.find((positive) => !positive.matched && positive.sites.some((site) => near(site, report, slack)));
      if (match) break;
    }
    if (match) match.matched = report;
    else if (dontCare.some((site) => near(site, report, LINE_SLACK)) || positives.some((positive) => positive.borderline && positive.sites.some((site) => near(site, report, LINE_SLACK)))) {
      ignored.push(report);
    } else falsePositives.push(report);
  }
  return { positives, falsePositives, ignored };
}

/** @typedef {{ tp: number, fp: number, fn: number }} Counts */
const emptyCounts = () => ({ tp: 0, fp: 0, fn: 0 });
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => (b === 0 ? '–' : (a / b).toFixed(2));
const precision = (/** @type {Counts} */ c) => ratio(c.tp, c.tp + c.fp);
const recall = (/** @type {Counts} */ c) => ratio(c.tp, c.tp + c.fn);

/** @type {Record<string, Counts>} */
const byShape = {};
/** The set a repository belongs to: `tuning`, `held-out`, or `held-out 2` for a later round of held-out labels. */
const setOf = (/** @type {RepoLabels} */ labels) => (labels.heldOut ? (labels.round && labels.round > 1 ? `held-out ${labels.round}` : 'held-out') : 'tuning');
/** @type {Record<string, Counts>} */
const bySet = { tuning: emptyCounts(), 'held-out': emptyCounts() };
const rows = [];
const details = [];
let totalSeconds = 0;

for (const labels of selected) {
  const root = checkoutOf(labels);
  const result = await lint(root);
  totalSeconds += result.seconds;
  const scored = score(labels, result.reports);
  const counts = emptyCounts();
  const set = (bySet[setOf(labels)] ??= emptyCounts());
  for (const positive of scored.positives) {
    // a borderline site counts neither way: reported, it is neither a hit nor a false positive
    if (positive.borderline) continue;
    const shape = (byShape[positive.shape] ??= emptyCounts());
    if (positive.matched) {
      counts.tp += 1;
      shape.tp += 1;
      set.tp += 1;
    } else {
      counts.fn += 1;
      shape.fn += 1;
      set.fn += 1;
    }
  }
  for (const report of scored.falsePositives) {
    counts.fp += 1;
    set.fp += 1;
    // a false positive is put on the shape its message describes: a call site reported through a wrapper, or a request
    const shape = (byShape[/ via /.test(report.message) ? 'wrapper (false positive)' : 'request (false positive)'] ??= emptyCounts());
    shape.fp += 1;
  }
  rows.push({
    repo: labels.repo,
    set: setOf(labels),
    language: labels.language,
    files: result.files,
    parseErrors: result.parseErrors,
    positives: labels.positives.filter((positive) => !isBorderline(positive)).length,
    ...counts,
    ignored: scored.ignored.length + scored.positives.filter((positive) => positive.borderline && positive.matched).length,
    dualWrites: result.dualWrites,
    seconds: Number(result.seconds.toFixed(1)),
  });
  details.push({
    repo: labels.repo,
    missed: scored.positives.filter((positive) => !positive.matched && !positive.borderline).map(({ site, shape, why }) => ({ site, shape, why })),
    falsePositives: scored.falsePositives,
  });
  process.stderr.write(`${labels.repo}: tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn} (${result.seconds.toFixed(1)} s)\n`);
}

const pad = (/** @type {unknown} */ value, /** @type {number} */ width) => String(value).padEnd(width);
console.log(`\n${pad('repository', 58)}${pad('set', 12)}${pad('lang', 7)}${pad('files', 7)}${pad('pos', 5)}${pad('tp', 5)}${pad('fp', 5)}${pad('fn', 5)}${pad('P', 6)}${pad('R', 6)}`);
for (const row of rows) {
  console.log(
    `${pad(row.repo, 58)}${pad(row.set, 12)}${pad(row.language, 7)}${pad(row.files, 7)}${pad(row.positives, 5)}${pad(row.tp, 5)}${pad(row.fp, 5)}${pad(row.fn, 5)}${pad(precision(row), 6)}${pad(recall(row), 6)}`,
  );
}
console.log('\nby shape (recall over labelled writes; false positives by how they were reported):');
for (const [shape, counts] of Object.entries(byShape).sort()) {
  console.log(`  ${pad(shape, 28)} tp ${pad(counts.tp, 5)} fp ${pad(counts.fp, 5)} fn ${pad(counts.fn, 5)} P ${pad(precision(counts), 6)} R ${recall(counts)}`);
}
for (const [set, counts] of Object.entries(bySet)) {
  if (counts.tp + counts.fp + counts.fn === 0) continue;
  console.log(`${set}: tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn}: precision ${precision(counts)}, recall ${recall(counts)}`);
}
const total = Object.values(bySet).reduce((sum, counts) => ({ tp: sum.tp + counts.tp, fp: sum.fp + counts.fp, fn: sum.fn + counts.fn }), emptyCounts());
console.log(`all: ${selected.length} repositories, tp ${total.tp}, fp ${total.fp}, fn ${total.fn}: precision ${precision(total)}, recall ${recall(total)}; lint ${totalSeconds.toFixed(1)} s`);

if (args.list) {
  for (const detail of details) {
    if (detail.missed.length === 0 && detail.falsePositives.length === 0) continue;
    console.log(`\n## ${detail.repo}`);
    for (const miss of detail.missed) console.log(`  MISS ${miss.site} [${miss.shape}] ${miss.why}`);
    for (const report of detail.falsePositives) console.log(`  FP   ${report.file}:${report.line} ${report.message}`);
  }
}
if (typeof args.json === 'string') {
  fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
  fs.writeFileSync(args.json, `${JSON.stringify({ plugin: path.relative(REPO_ROOT, pluginPath), rows, byShape, bySet, total, details }, null, 2)}\n`);
}
