/**
 * Runs the plugin's rules over the mapped files through ESLint's Node API, the way a user's
 * `eslint .` runs them: every file gets `recommended` (syntax rules, with the project layer
 * following imports across files); TypeScript files that a tsconfig owns also get
 * `recommended-type-checked`, with that tsconfig's program (see programs.ts) as their
 * `parserOptions.programs`. Lints in
 * batches so that progress can be shown; a file that cannot be parsed is skipped and
 * reported, and the rest are still linted.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import type { Program } from 'typescript';
import plugin from '../../index.js';
import { toPosixRelative } from '../../project/workspace/files.js';
import type { DurableCall, Finding, Skipped } from '../model/types.js';
import { DURABLE_STEP_MESSAGE, isPluginMessage, type MessageContext, toDurableCall, toFinding, toUnreadFinding } from './findings.js';
import { createTsconfigProgram, DeclarationCache } from './programs.js';

export const BATCH_SIZE = 25;

export interface LintRequest {
  readonly root: string;
  /** absolute, in the order to lint them */
  readonly files: readonly string[];
  /** TypeScript file (absolute) → the tsconfig (absolute) that types it; files not in it are linted without types */
  readonly owners: ReadonlyMap<string, string>;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LintOutcome {
  readonly findings: Finding[];
  /** critical writes inside durable steps: not findings */
  readonly durable: DurableCall[];
  readonly skipped: Skipped[];
  /** plugin messages whose text did not fit their rule's template (kept, with target `unknown`) */
  readonly unread: number;
}

const IGNORES: Linter.Config = { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**'] };
export const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
/** The rules also report the critical writes inside durable steps, for the map's durable edges. */
const MAP_SETTINGS: Linter.Config = { settings: { 'durable-writes': { reportDurableSteps: true } } };

/**
 * The flat config for files typed by `types` (the program of the tsconfig that owns them, or
 * that tsconfig's path when its program could not be built here), or for files without types
 * (`undefined`): what `eslint .` runs with `recommended` for every file and
 * `recommended-type-checked` for the TypeScript files of a typed project, with the shared
 * setting that also reports the critical writes inside durable steps (the map's durable edges).
 */
export function mapLintConfig(root: string, types: Program | string | undefined): Linter.Config[] {
  return [
    IGNORES,
    { files: TS_FILES, languageOptions: { parser: tsParser } },
    { files: ['**/*.jsx', '**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    plugin.configs.recommended,
    ...(types === undefined
      ? []
      : [
          { files: TS_FILES, languageOptions: { parserOptions: typeof types === 'string' ? { project: types, tsconfigRootDir: root } : { programs: [types] } } },
          plugin.configs['recommended-type-checked'],
        ]),
    MAP_SETTINGS,
  ];
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

/** Lints `files`; when ESLint throws for the batch (a crash, not a parse error), lints them one by one. */
async function lintBatch(eslint: ESLint, files: readonly string[], root: string, skipped: Skipped[]): Promise<ESLint.LintResult[]> {
  if (files.length === 0) return [];
  try {
    return await eslint.lintFiles([...files]);
  } catch {
    const results: ESLint.LintResult[] = [];
    for (const file of files) {
      try {
        results.push(...(await eslint.lintFiles([file])));
      } catch (error) {
        skipped.push({ file: toPosixRelative(root, file), line: 0, column: 0, message: `ESLint failed: ${errorText(error)}` });
      }
    }
    return results;
  }
}

/** The files in the order to lint them, grouped by the tsconfig that types them (`undefined`: no types), groups in file order. */
function groupByTsconfig(files: readonly string[], owners: ReadonlyMap<string, string>): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const file of files) {
    const tsconfig = owners.get(file);
    const group = groups.get(tsconfig) ?? [];
    group.push(file);
    groups.set(tsconfig, group);
  }
  return groups;
}

/** The program of `tsconfig`; the tsconfig itself (for `parserOptions.project`) when TypeScript cannot build one here. */
function typesOf(tsconfig: string | undefined, declarations: DeclarationCache): Program | string | undefined {
  if (tsconfig === undefined) return undefined;
  try {
    return createTsconfigProgram(tsconfig, declarations);
  } catch {
    return tsconfig;
  }
}

export async function lintForMap(request: LintRequest): Promise<LintOutcome> {
  const { root, files } = request;
  const findings: Finding[] = [];
  const durable: DurableCall[] = [];
  const skipped: Skipped[] = [];
  let unread = 0;
  let done = 0;
  const declarations = new DeclarationCache();

  for (const [tsconfig, group] of groupByTsconfig(files, request.owners)) {
    // one ESLint per tsconfig, with that tsconfig's program; dropped before the next one is built
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, errorOnUnmatchedPattern: false, overrideConfig: mapLintConfig(root, typesOf(tsconfig, declarations)) });
    for (let start = 0; start < group.length; start += BATCH_SIZE) {
      const batch = group.slice(start, start + BATCH_SIZE);
      for (const result of await lintBatch(eslint, batch, root, skipped)) {
        const context: MessageContext = { file: toPosixRelative(root, result.filePath), absoluteFile: result.filePath };
        for (const message of result.messages) {
          if (message.fatal) {
            skipped.push({ file: context.file, line: message.line, column: message.column, message: message.message });
          } else if (isPluginMessage(message) && message.messageId === DURABLE_STEP_MESSAGE) {
            const call = toDurableCall(message, plugin.rules, context);
            if (call) durable.push(call);
            else unread += 1;
          } else if (isPluginMessage(message)) {
            const finding = toFinding(message, plugin.rules, context);
            if (!finding) unread += 1;
            findings.push(finding ?? toUnreadFinding(message, context));
          }
        }
      }
      done += batch.length;
      request.onProgress?.(done, files.length);
    }
  }
  return { findings, durable, skipped, unread };
}
