/**
 * Runs the plugin's rules over the mapped files through ESLint's Node API: typed
 * (`recommended-type-checked`, `parserOptions.project`) for files in the tsconfig's program,
 * syntax-only (`recommended`) for the others. Lints in batches so that progress can be shown;
 * a file that cannot be parsed is skipped and reported, and the rest are still linted.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../index.js';
import { isPluginMessage, type MessageContext, toFinding, toUnreadFinding } from './findings.js';
import { toPosixRelative } from '../../project/workspace/files.js';
import type { Finding, Skipped } from '../model/types.js';

export const BATCH_SIZE = 25;

export interface LintRequest {
  readonly root: string;
  /** absolute, in the order to lint them */
  readonly files: readonly string[];
  /** the files of the tsconfig's program, linted with type information */
  readonly typedFiles: ReadonlySet<string>;
  /** tsconfig files (absolute) for `parserOptions.project` */
  readonly tsconfigs: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LintOutcome {
  readonly findings: Finding[];
  readonly skipped: Skipped[];
  readonly typed: number;
  readonly untyped: number;
  /** plugin messages whose text did not fit their rule's template (kept, with target `unknown`) */
  readonly unread: number;
}

const IGNORES: Linter.Config = { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**'] };
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const ALL_FILES = [...TS_FILES, '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

function createTypedEslint(root: string, tsconfigs: readonly string[]): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    errorOnUnmatchedPattern: false,
    overrideConfig: [
      IGNORES,
      {
        files: ALL_FILES,
        languageOptions: { parser: tsParser, parserOptions: { project: [...tsconfigs], tsconfigRootDir: root } },
      },
      plugin.configs['recommended-type-checked'],
    ],
  });
}

function createSyntaxEslint(root: string): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    errorOnUnmatchedPattern: false,
    overrideConfig: [
      IGNORES,
      { files: TS_FILES, languageOptions: { parser: tsParser } },
      { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      plugin.configs.recommended,
    ],
  });
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

export async function lintForMap(request: LintRequest): Promise<LintOutcome> {
  const { root, files, typedFiles } = request;
  const typedEslint = createTypedEslint(root, request.tsconfigs);
  const syntaxEslint = createSyntaxEslint(root);
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  let unread = 0;
  let typed = 0;

  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    const batch = files.slice(start, start + BATCH_SIZE);
    const typedBatch = batch.filter((file) => typedFiles.has(file));
    const syntaxBatch = batch.filter((file) => !typedFiles.has(file));
    typed += typedBatch.length;
    const results = [
      ...(await lintBatch(typedEslint, typedBatch, root, skipped)),
      ...(await lintBatch(syntaxEslint, syntaxBatch, root, skipped)),
    ];
    for (const result of results) {
      const context: MessageContext = { file: toPosixRelative(root, result.filePath), absoluteFile: result.filePath };
      for (const message of result.messages) {
        if (message.fatal) {
          skipped.push({ file: context.file, line: message.line, column: message.column, message: message.message });
        } else if (isPluginMessage(message)) {
          const finding = toFinding(message, plugin.rules, context);
          if (!finding) unread += 1;
          findings.push(finding ?? toUnreadFinding(message, context));
        }
      }
    }
    request.onProgress?.(Math.min(start + BATCH_SIZE, files.length), files.length);
  }
  return { findings, skipped, typed, untyped: files.length - typed, unread };
}
