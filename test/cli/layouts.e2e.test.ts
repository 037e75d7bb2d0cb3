/**
 * Every layout maps, and the map holds what `eslint .` finds: the built command over each
 * fixture under fixtures/map, against ESLint's Node API run over the same folder with the
 * plugin's `recommended` config for every file and, where a tsconfig types the files,
 * `recommended-type-checked` with typescript-eslint's project service.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { ensureBuilt, REPO_ROOT, type Run, runCli } from './helpers.js';

const FIXTURES = path.join(REPO_ROOT, 'fixtures/map');

interface JsonMap {
  tsconfigs: { file: string; files: number }[];
  edges: { from: string; to: string; calls: { rule: string; file: string; line: number; column: number; alsoReportedAt: { file: string; line: number; column: number }[] }[] }[];
  summary: { files: { typed: number; untyped: number; untypedBecause: Record<string, number> } };
}

interface Layout {
  readonly name: string;
  /** globs (relative to the fixture) of the TypeScript files a tsconfig types, for ESLint's own run */
  readonly typed: readonly string[];
  readonly files: JsonMap['summary']['files'];
  readonly tsconfigs: JsonMap['tsconfigs'];
}

const NONE = { javascript: 0, 'no-tsconfig': 0, 'not-included': 0, 'tsconfig-error': 0 };

const LAYOUTS: readonly Layout[] = [
  { name: 'js-services', typed: [], files: { typed: 0, untyped: 11, untypedBecause: { ...NONE, javascript: 11 } }, tsconfigs: [] },
  {
    name: 'ts-per-service',
    typed: ['**/*.ts'],
    files: { typed: 10, untyped: 0, untypedBecause: NONE },
    tsconfigs: [
      { file: 'checkout/tsconfig.json', files: 3 },
      { file: 'ledger/tsconfig.json', files: 2 },
      { file: 'payments/tsconfig.json', files: 5 },
    ],
  },
  {
    name: 'mixed',
    typed: ['orders/**/*.ts'],
    files: { typed: 2, untyped: 2, untypedBecause: { ...NONE, javascript: 1, 'no-tsconfig': 1 } },
    tsconfigs: [{ file: 'orders/tsconfig.json', files: 2 }],
  },
];

/** `file:line:column rule` of every plugin message of ESLint's own run over the fixture. */
async function eslintFindings(layout: Layout): Promise<string[]> {
  const cwd = path.join(FIXTURES, layout.name);
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended,
  ];
  if (layout.typed.length > 0) {
    config.push(
      { files: [...layout.typed], languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: cwd } } },
      { ...plugin.configs['recommended-type-checked'], files: [...layout.typed] },
    );
  }
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId?.startsWith('durable-writes/'))
        .map((message) => `${path.relative(cwd, result.filePath)}:${message.line}:${message.column} ${message.ruleId?.slice('durable-writes/'.length)}`),
    )
    .sort();
}

/** The same for the map: every call, and every typed report folded into one. */
function mapFindings(map: JsonMap): string[] {
  return map.edges
    .flatMap((edge) =>
      edge.calls.flatMap((call) => [
        `${call.file}:${call.line}:${call.column} ${call.rule}`,
        ...call.alsoReportedAt.map((also) => `${also.file}:${also.line}:${also.column} ${call.rule}`),
      ]),
    )
    .sort();
}

const runs = new Map<string, { run: Run; expected: string[] }>();

beforeAll(async () => {
  ensureBuilt();
  for (const layout of LAYOUTS) {
    const [run, expected] = await Promise.all([runCli(['map', path.join('fixtures/map', layout.name), '--format', 'json']), eslintFindings(layout)]);
    runs.set(layout.name, { run, expected });
  }
}, 240_000);

describe.each(LAYOUTS)('durable-writes map fixtures/map/$name', (layout) => {
  it('runs without errors or warnings', () => {
    const { run } = runs.get(layout.name)!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('holds the findings of eslint . with the same configs', () => {
    const { run, expected } = runs.get(layout.name)!;
    expect(expected.length).toBeGreaterThan(0);
    expect(mapFindings(JSON.parse(run.stdout) as JsonMap)).toEqual(expected);
  });

  it('counts the files linted with and without types, and why', () => {
    const map = JSON.parse(runs.get(layout.name)!.run.stdout) as JsonMap;
    expect(map.summary.files).toEqual(layout.files);
    expect(map.tsconfigs).toEqual(layout.tsconfigs);
  });
});
