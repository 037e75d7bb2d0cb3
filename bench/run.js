// Measures what the plugin costs on top of what ESLint spends anyway (parsing, scope
// analysis, traversal), as ratios against a baseline measured in the same run. Prints
// numbers only; it is not a test and never fails on a slow result.
//
//   npm run bench                          # 7 rounds after 1 warm-up round
//   npm run bench -- --rounds 3 --json reports/bench.json
//   npm run bench -- --only typed
//   npm run bench -- --only services --repos <folder of checkouts> [--repo-list owner/name,…] [--compare <another build's dist/index.js>]
//   npm run bench -- --only map-1000 --rounds 1
//
// Each benchmark (see BENCHMARKS) measures a list of configurations over one workload; the
// first configuration is the baseline the others are compared with. Configurations are
// alternated within each round (baseline, recommended, all, baseline, …) so that drift in
// machine speed affects all of them alike.
import { Linter } from 'eslint';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import plugin from '../dist/index.js';
import { generateRepository } from './generate-repository.js';
import {
  buildConfig,
  collectSourceFiles,
  formatMB,
  isParseError,
  NODE_MODULES,
  parseArgs,
  parseVariants,
  positiveInt,
  REPO_ROOT,
  verifyOptions,
} from '../scripts/lib/corpus.js';

/** @typedef {import('eslint').Linter.Config} Config */
/** @typedef {import('../scripts/lib/corpus.js').SourceFile} SourceFile */

/**
 * One configuration measured by a benchmark.
 * @typedef {object} Configuration
 * @property {string} name
 * @property {string} description
 * @property {() => number} run one full pass over the workload; returns the number of reports (a sanity check)
 */

/**
 * A prepared benchmark: its workload, described, and the configurations to time over it.
 * @typedef {object} Prepared
 * @property {string} workload e.g. `331 files, 21.3 MB (…)`
 * @property {Record<string, unknown>} [details] extra facts for the JSON output
 * @property {Configuration[]} configurations the first one is the baseline
 * @property {() => void} [cleanup] removes what prepare wrote, after the last pass
 * @property {() => string[]} [notes] measured once after the timed rounds (untimed): lines printed under the table, kept in the JSON output
 */

/**
 * @typedef {object} BenchmarkDefinition
 * @property {string} name
 * @property {string} description
 * @property {() => Prepared | undefined | Promise<Prepared | undefined>} prepare loads the workload and builds configs; not timed; undefined skips the benchmark
 * @property {number} [maxRounds] fewer rounds than `--rounds` for slow benchmarks
 */

/** Command-line values the benchmarks read. @type {{ repos?: string, repoList?: string, compare?: string }} */
const ARGS = {};

/** Source files in the repository the `map-1000` benchmark generates. */
const MAP_REPOSITORY_FILES = 1000;

/** Files for the `syntax` benchmark: the N largest `.js`/`.ts` files of node_modules, plus the sample services. */
const LARGEST_FILES = 300;
const SHOP = path.join(REPO_ROOT, 'fixtures', 'shop');

/**
 * The benchmarks, in the order they run. Rows to come:
 * - issue 5, `typed`: typed lint of fixtures/shop with `parserOptions.projectService`;
 *   baseline typescript-eslint's `recommended-type-checked` alone, then plus this plugin's
 *   `recommended-type-checked` config.
 * @type {BenchmarkDefinition[]}
 */
const BENCHMARKS = [
  {
    name: 'syntax',
    description: 'parse + scope analysis + traversal alone, vs. with the plugin configs (untyped linting)',
    prepare: prepareSyntaxBenchmark,
  },
  {
    name: 'services',
    description: 'whole repositories of real services (`--repos <folder>`), one cold `eslint .` per pass: a traversing rule alone, vs. plus the plugin',
    prepare: prepareServicesBenchmark,
    maxRounds: 5,
  },
  {
    name: 'typed',
    description: "typed linting: typescript-eslint's recommended-type-checked alone, vs. plus this plugin's recommended-type-checked",
    prepare: prepareTypedBenchmark,
  },
  {
    name: 'map',
    description: 'the `durable-writes map` command over fixtures/shop, end to end (a child process per pass)',
    prepare: prepareMapBenchmark,
    maxRounds: 3,
  },
  {
    name: 'map-1000',
    description: `the \`durable-writes map\` command over a repository of ${MAP_REPOSITORY_FILES}+ files generated from the fixtures (bench/generate-repository.js), end to end`,
    prepare: prepareMapRepositoryBenchmark,
    maxRounds: 3,
  },
];

/**
 * The `syntax` benchmark: the same files linted with no rules (ESLint still parses, analyses
 * scopes and traverses), with the plugin's `recommended` config, and with its `all` config.
 * @returns {Prepared}
 */
function prepareSyntaxBenchmark() {
  const linter = new Linter({ cwd: REPO_ROOT });
  // users always run other rules: the baseline traverses the tree with a rule that visits every call
  /** @type {Config[]} */
  const traverse = [{ plugins: { bench: { rules: { traverse: TRAVERSE_RULE } } }, rules: { 'bench/traverse': 'warn' } }];
  /** @type {Record<string, readonly Config[]>} */
  const configSets = {
    baseline: traverse,
    recommended: [...traverse, plugin.configs.recommended],
    all: [...traverse, plugin.configs.all],
  };

  /**
   * @param {SourceFile[]} candidates in the order to take them
   * @param {number} wanted how many parseable files to take
   */
  const load = (candidates, wanted) => {
    /** @type {{ file: string, text: string, size: number, configs: Record<string, Config[]> }[]} */
    const items = [];
    /** @type {string[]} */
    const unparseable = [];
    for (const candidate of candidates) {
      if (items.length >= wanted) break;
      const text = fs.readFileSync(candidate.file, 'utf8');
      const variant = parseVariants(candidate.file).find(
        (each) => !linter.verify(text, buildConfig(each, []), verifyOptions(candidate.file)).some(isParseError),
      );
      if (!variant) {
        unparseable.push(candidate.rel);
        continue;
      }
      const configs = Object.fromEntries(Object.entries(configSets).map(([name, extra]) => [name, buildConfig(variant, extra)]));
      items.push({ file: candidate.file, text, size: candidate.size, configs });
    }
    return { items, unparseable };
  };

  const bySizeThenPath = (/** @type {SourceFile} */ a, /** @type {SourceFile} */ b) =>
    b.size - a.size || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
  const largest = load(collectSourceFiles(NODE_MODULES, { extensions: ['.js', '.ts'] }).files.sort(bySizeThenPath), LARGEST_FILES);
  const shopFiles = collectSourceFiles(SHOP, { extensions: ['.ts'] }).files;
  const shop = load(shopFiles, shopFiles.length);
  const items = [...largest.items, ...shop.items];
  const bytes = items.reduce((sum, item) => sum + item.size, 0);
  const skipped = [...largest.unparseable, ...shop.unparseable];

  /** @param {string} name */
  const pass = (name) => () => {
    let reports = 0;
    for (const item of items) {
      const messages = linter.verify(item.text, /** @type {Config[]} */ (item.configs[name]), verifyOptions(item.file));
      for (const message of messages) {
        if (message.fatal) throw new Error(`${item.file}: ${message.message}`);
        reports += 1;
      }
    }
    return reports;
  };

  return {
    workload:
      `${items.length} files, ${formatMB(bytes)} (${largest.items.length} largest .js/.ts in node_modules` +
      ` + ${shop.items.length} .ts in fixtures/shop${skipped.length > 0 ? `; ${skipped.length} unparseable passed over` : ''})`,
    details: { files: items.length, bytes, unparseablePassedOver: skipped },
    configurations: [
      { name: 'baseline', description: 'parse, scope analysis, traversal by a rule visiting every call', run: pass('baseline') },
      { name: 'recommended', description: 'durable-writes configs.recommended', run: pass('recommended') },
      { name: 'all', description: 'durable-writes configs.all', run: pass('all') },
    ],
  };
}

/** A rule that visits every call expression and does nothing: the work other rules cause anyway. @type {import('eslint').Rule.RuleModule} */
const TRAVERSE_RULE = { meta: { type: 'problem', schema: [] }, create: () => ({ CallExpression() {} }) };

/** Repositories measured by default when `--repos` holds them: JavaScript and TypeScript, small to large. */
const DEFAULT_SERVICE_REPOS = [
  'TambongStercy/SBC-MS',
  'mohfadul/nilecare',
  'ObiwanKonami/Enkap-ERP',
  'AliakbarMohammadi/SharedCatring',
  'dan130602/esd_G4T1',
  'Linhinthehood/RestaurantManagement',
];

/**
 * The `services` benchmark: whole repositories of real services, each linted from its root in
 * a fresh process per pass (`bench/lint-repo.js`), so that every pass starts with cold caches
 * as `eslint .` does: the baseline runs a rule that visits every call (the AST is traversed
 * anyway in any real setup), the other adds the plugin's `recommended` config. The
 * repositories are the checkouts of bench/accuracy (see scripts/accuracy.js), found under
 * `--repos`; without it the row is skipped.
 * @returns {Prepared | undefined}
 */
function prepareServicesBenchmark() {
  const folder = ARGS.repos;
  if (!folder) return undefined;
  const names = ARGS.repoList ? ARGS.repoList.split(',') : DEFAULT_SERVICE_REPOS;
  const roots = names.map((name) => path.join(path.resolve(folder), name.replace('/', '__'))).filter((root) => fs.existsSync(root));
  if (roots.length === 0) throw new Error(`--repos ${folder}: none of ${names.join(', ')} is checked out there`);
  const script = path.join(REPO_ROOT, 'bench', 'lint-repo.js');
  // `--compare`: the same config of another build (an earlier commit's), measured in the same rounds
  const compared = ARGS.compare === undefined ? [] : ['--plugin', path.resolve(ARGS.compare)];
  /**
   * @param {string} root
   * @param {'baseline' | 'recommended'} configuration
   * @param {string[]} extra
   */
  const lint = (root, configuration, extra = []) => {
    const child = spawnSync(process.execPath, [script, root, configuration, ...extra], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`lint-repo ${root} ${configuration} exited ${child.status}: ${child.stderr}`);
    return /** @type {{ files: number, reports: number, heapMB?: number }} */ (JSON.parse(child.stdout));
  };
  /**
   * @param {'baseline' | 'recommended'} configuration
   * @param {string[]} [extra]
   */
  const pass = (configuration, extra) => () => roots.reduce((reports, root) => reports + lint(root, configuration, extra).reports, 0);
  // what each run keeps alive at its end (parsed modules, caches): a larger heap costs garbage collection all along
  /**
   * @param {'baseline' | 'recommended'} configuration
   * @param {string[]} [extra]
   */
  const heap = (configuration, extra = []) => roots.map((root) => `${path.basename(root).replace('__', '/')} ${lint(root, configuration, ['--heap', ...extra]).heapMB} MB`);
  const notes = () => [
    'heap in use at the end of each run, after a full gc (one untimed run each):',
    `    baseline:    ${heap('baseline').join(', ')}`,
    `    recommended: ${heap('recommended').join(', ')}`,
    ...(compared.length > 0 ? [`    compared:    ${heap('recommended', compared).join(', ')}`] : []),
  ];
  return {
    workload: `${roots.length} repositories (${roots.map((root) => path.basename(root).replace('__', '/')).join(', ')})`,
    details: { repositories: roots.map((root) => path.basename(root).replace('__', '/')) },
    configurations: [
      { name: 'baseline', description: 'eslint . with a rule visiting every call', run: pass('baseline') },
      { name: 'recommended', description: 'plus durable-writes configs.recommended', run: pass('recommended') },
      ...(compared.length > 0
        ? [{ name: 'compared', description: `plus configs.recommended of the build at ${ARGS.compare}`, run: pass('recommended', compared) }]
        : []),
    ],
    notes,
  };
}

/**
 * The `typed` benchmark: the sample services linted with type information (the parser's
 * project service over each fixture's tsconfig), with typescript-eslint's type-checked rules
 * alone and with this plugin's type-checked config added. The program is built during the
 * warm-up round and reused, as it is across files in one lint run.
 * @returns {Promise<Prepared>}
 */
async function prepareTypedBenchmark() {
  const { default: tseslint } = await import('typescript-eslint');
  const linter = new Linter({ cwd: REPO_ROOT });
  const roots = [SHOP, path.join(REPO_ROOT, 'fixtures', 'typed')];
  const items = roots.flatMap((root) =>
    collectSourceFiles(root, { extensions: ['.ts'] }).files.map((file) => {
      const parserConfig = {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: root } },
      };
      const baseline = [...tseslint.configs.recommendedTypeChecked, parserConfig];
      return {
        file: file.file,
        size: file.size,
        text: fs.readFileSync(file.file, 'utf8'),
        configs: { baseline, plugin: [...baseline, plugin.configs['recommended-type-checked']] },
      };
    }),
  );
  const bytes = items.reduce((sum, item) => sum + item.size, 0);

  /** @param {'baseline' | 'plugin'} name */
  const pass = (name) => () => {
    let reports = 0;
    for (const item of items) {
      const messages = linter.verify(item.text, /** @type {Config[]} */ (item.configs[name]), { filename: item.file });
      for (const message of messages) {
        if (message.fatal) throw new Error(`${item.file}: ${message.message}`);
        if (message.ruleId?.startsWith('durable-writes/')) reports += 1;
      }
    }
    return reports;
  };

  return {
    workload: `${items.length} files, ${formatMB(bytes)} (fixtures/shop and fixtures/typed, each with its tsconfig)`,
    details: { files: items.length, bytes },
    configurations: [
      { name: 'baseline', description: "typescript-eslint's recommended-type-checked", run: pass('baseline') },
      { name: 'plugin', description: "plus durable-writes' recommended-type-checked (followCalls)", run: pass('plugin') },
    ],
  };
}

/**
 * The `map` benchmark: `node dist/cli/main.js map fixtures/shop --format json` as a user runs
 * it (typed lint, ts-morph project, caller search, output), against the same process started
 * with `--version`, which loads the same modules and does nothing: the difference is the work.
 * Reports are the findings in the JSON summary.
 * @returns {Prepared}
 */
function prepareMapBenchmark() {
  const cli = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
  const files = collectSourceFiles(SHOP, { extensions: ['.ts'] }).files;
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  /** @param {string[]} args */
  const run = (args) => {
    const child = spawnSync(process.execPath, [cli, ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`durable-writes ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
    return child.stdout;
  };
  return {
    workload: `${files.length} files, ${formatMB(bytes)} (fixtures/shop with its tsconfig)`,
    details: { files: files.length, bytes },
    configurations: [
      { name: 'startup', description: 'node dist/cli/main.js --version: process start and module loading', run: () => (run(['--version']), 0) },
      {
        name: 'map',
        description: 'node dist/cli/main.js map fixtures/shop --format json',
        run: () => /** @type {{ summary: { findings: number } }} */ (JSON.parse(run(['map', 'fixtures/shop', '--format', 'json']))).summary.findings,
      },
    ],
  };
}

/**
 * The `map-1000` benchmark: `durable-writes map <root> --format json` over a repository of
 * about 1,000 source files copied from the fixtures into a temporary folder (services typed by
 * one root tsconfig, by a tsconfig each, and JavaScript services without one; see
 * bench/generate-repository.js), against `--version` as in the `map` row. The folder is
 * removed after the last pass.
 * @returns {Prepared}
 */
function prepareMapRepositoryBenchmark() {
  const cli = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
  const repository = generateRepository(REPO_ROOT, MAP_REPOSITORY_FILES);
  /** @param {string[]} args */
  const run = (args) => {
    const child = spawnSync(process.execPath, [cli, ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`durable-writes ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
    return child.stdout;
  };
  return {
    workload: `${repository.files} files in ${fs.readdirSync(path.join(repository.root, 'services')).length} services (copies of fixtures/shop, fixtures/map/js-services and fixtures/map/ts-per-service)`,
    details: { files: repository.files },
    configurations: [
      { name: 'startup', description: 'node dist/cli/main.js --version: process start and module loading', run: () => (run(['--version']), 0) },
      {
        name: 'map',
        description: 'node dist/cli/main.js map <generated repository> --format json',
        run: () => /** @type {{ summary: { findings: number } }} */ (JSON.parse(run(['map', repository.root, '--format', 'json', '--no-progress']))).summary.findings,
      },
    ],
    cleanup: repository.remove,
  };
}

/**
 * @param {readonly number[]} values
 * @returns {number}
 */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[middle]) : (/** @type {number} */ (sorted[middle - 1]) + /** @type {number} */ (sorted[middle])) / 2;
}

/** @returns {string} the 1-minute load average */
function loadAverage() {
  return (os.loadavg()[0] ?? 0).toFixed(1);
}

/** @param {number} ratio */
function percent(ratio) {
  return `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
}

/**
 * Full garbage collection, so that no pass pays for garbage left by the one before. Enabled
 * at run time because `npm run bench` starts node without `--expose-gc`.
 * @type {() => void}
 */
const collectGarbage = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  return /** @type {() => void} */ (vm.runInNewContext('gc'));
})();

/** Clock ticks per second of /proc/self/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU time of this process's finished child processes (Linux, from /proc/self/stat; 0
 * elsewhere), so that benchmarks that spawn processes have a CPU column too.
 * @returns {number} milliseconds
 */
function childrenCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ').at(-1)?.split(' ') ?? [];
    // fields after "pid (comm) ": state is [0], so cutime (field 16) is [13] and cstime (17) is [14]
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS || 0;
  } catch {
    return 0;
  }
}

/**
 * Times one pass, collecting garbage first. Wall time
 * (hrtime) is the measure; CPU time of this process is recorded next to it because it is far
 * less disturbed when other processes compete for the cores.
 * @param {Configuration} configuration
 * @returns {{ ms: number, cpuMs: number, reports: number }}
 */
function timePass(configuration) {
  collectGarbage();
  const cpuStart = process.cpuUsage();
  const childrenStart = childrenCpuMs();
  const start = process.hrtime.bigint();
  const reports = configuration.run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 + childrenCpuMs() - childrenStart, reports };
}

/**
 * Median, min and max of a series, and of the overhead against the baseline series: the
 * ratio of the medians, and the min/max of the ratios paired round by round.
 * @param {readonly number[]} values
 * @param {readonly number[]} baseline
 * @param {boolean} isBaseline
 */
function summarize(values, baseline, isBaseline) {
  const medianMs = median(values);
  const baselineMedian = median(baseline);
  const perRound = values.map((ms, round) => (ms - /** @type {number} */ (baseline[round])) / /** @type {number} */ (baseline[round]));
  return {
    timesMs: values.map((ms) => Number(ms.toFixed(1))),
    medianMs: Number(medianMs.toFixed(1)),
    minMs: Number(Math.min(...values).toFixed(1)),
    maxMs: Number(Math.max(...values).toFixed(1)),
    overhead: isBaseline
      ? null
      : {
          medianPct: Number((((medianMs - baselineMedian) / baselineMedian) * 100).toFixed(2)),
          minPct: Number((Math.min(...perRound) * 100).toFixed(2)),
          maxPct: Number((Math.max(...perRound) * 100).toFixed(2)),
        },
  };
}

/** @param {ReturnType<typeof summarize>['overhead']} overhead */
function formatOverhead(overhead) {
  return overhead ? [percent(overhead.medianPct / 100), `${percent(overhead.minPct / 100)} .. ${percent(overhead.maxPct / 100)}`] : ['baseline', ''];
}

/**
 * @param {BenchmarkDefinition} definition
 * @param {number} requestedRounds `--rounds`, capped by the definition's `maxRounds`
 */
async function runBenchmark(definition, requestedRounds) {
  const rounds = Math.min(requestedRounds, definition.maxRounds ?? requestedRounds);
  const prepared = await definition.prepare();
  if (!prepared) {
    process.stdout.write(`\n${definition.name}: skipped (needs --repos <folder of checkouts>, see scripts/accuracy.js)\n`);
    return { name: definition.name, description: definition.description, skipped: true };
  }
  try {
    return measure(definition, rounds, prepared);
  } finally {
    prepared.cleanup?.();
  }
}

/**
 * @param {BenchmarkDefinition} definition
 * @param {number} rounds
 * @param {Prepared} prepared
 */
function measure(definition, rounds, prepared) {
  const { configurations } = prepared;
  process.stdout.write(`\n${definition.name}: ${definition.description}\n  corpus: ${prepared.workload}\n`);

  /** @type {Map<string, number>} */
  const reports = new Map();
  process.stderr.write(`[bench] ${definition.name}: warm-up round\n`);
  for (const configuration of configurations) reports.set(configuration.name, timePass(configuration).reports);

  /** @type {Map<string, { wall: number[], cpu: number[] }>} */
  const times = new Map(configurations.map((configuration) => [configuration.name, { wall: [], cpu: [] }]));
  for (let round = 1; round <= rounds; round += 1) {
    const line = [];
    for (const configuration of configurations) {
      const { ms, cpuMs } = timePass(configuration);
      const series = /** @type {{ wall: number[], cpu: number[] }} */ (times.get(configuration.name));
      series.wall.push(ms);
      series.cpu.push(cpuMs);
      line.push(`${configuration.name} ${ms.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)} ms)`);
    }
    process.stderr.write(`[bench] ${definition.name}: round ${round}/${rounds}: ${line.join(', ')}; load ${loadAverage()}\n`);
  }

  const baseline = /** @type {{ wall: number[], cpu: number[] }} */ (times.get(configurations[0]?.name ?? ''));
  const rows = configurations.map((configuration, index) => {
    const series = /** @type {{ wall: number[], cpu: number[] }} */ (times.get(configuration.name));
    return {
      name: configuration.name,
      description: configuration.description,
      reports: reports.get(configuration.name) ?? 0,
      wall: summarize(series.wall, baseline.wall, index === 0),
      cpu: summarize(series.cpu, baseline.cpu, index === 0),
    };
  });

  const header = ['configuration', 'median', 'min', 'max', 'overhead', 'per round', 'cpu median', 'cpu overhead', 'per round', 'reports'];
  const table = rows.map((row) => [
    row.name,
    `${row.wall.medianMs.toFixed(0)} ms`,
    `${row.wall.minMs.toFixed(0)} ms`,
    `${row.wall.maxMs.toFixed(0)} ms`,
    ...formatOverhead(row.wall.overhead),
    `${row.cpu.medianMs.toFixed(0)} ms`,
    ...formatOverhead(row.cpu.overhead),
    String(row.reports),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => (cells[column] ?? '').length)));
  /** @param {string[]} cells */
  const format = (cells) => `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}`;
  process.stdout.write(`${format(header)}\n${table.map(format).join('\n')}\n`);
  process.stdout.write(
    `  overhead = (configuration - baseline) / baseline of the medians over ${rounds} rounds (wall time, then CPU time of this process and its children);\n` +
      '  per round = min .. max of the same ratio computed within each round\n',
  );

  const notes = prepared.notes?.() ?? [];
  if (notes.length > 0) process.stdout.write(`${notes.map((note) => `  ${note}`).join('\n')}\n`);
  return { name: definition.name, description: definition.description, rounds, workload: prepared.workload, details: { ...prepared.details, notes }, configurations: rows };
}

async function main() {
  const { flags } = parseArgs(process.argv.slice(2), ['--rounds', '--json', '--only', '--repos', '--repo-list', '--compare']);
  ARGS.repos = flags.get('--repos');
  ARGS.repoList = flags.get('--repo-list');
  ARGS.compare = flags.get('--compare');
  const rounds = positiveInt(flags.get('--rounds'), '--rounds') ?? 7;
  const only = flags.get('--only');
  const selected = only ? BENCHMARKS.filter((definition) => definition.name === only) : BENCHMARKS;
  if (selected.length === 0) throw new Error(`--only: no benchmark named "${only}" (${BENCHMARKS.map((definition) => definition.name).join(', ')})`);
  const jsonFile = flags.get('--json');
  const eslintVersion = Linter.version;
  process.stdout.write(
    `durable-writes bench: node ${process.version}, eslint ${eslintVersion}, ${os.cpus().length} cpus, ${rounds} rounds + 1 warm-up, full gc before each pass\n`,
  );

  const started = process.hrtime.bigint();
  const loadBefore = os.loadavg()[0] ?? 0;
  const results = [];
  for (const definition of selected) results.push(await runBenchmark(definition, rounds));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const loadAfter = os.loadavg()[0] ?? 0;
  process.stdout.write(`\nwall time: ${seconds.toFixed(1)}s; load average ${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end\n`);
  if (Math.max(loadBefore, loadAfter) > os.cpus().length - 0.5) {
    process.stdout.write('warning: other processes were competing for the CPUs; wall-time ratios are unreliable, prefer the CPU-time columns or rerun on an idle machine\n');
  }

  if (jsonFile) {
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      eslint: eslintVersion,
      plugin: plugin.meta.version,
      cpus: os.cpus().length,
      rounds,
      warmupRounds: 1,
      loadAverage: { start: loadBefore, end: loadAfter },
      benchmarks: results,
    };
    fs.mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
    fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(`[bench] wrote ${jsonFile}\n`);
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
