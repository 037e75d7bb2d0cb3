/**
 * Finds and checks the tsconfig of the mapped folder before anything heavy runs, so a missing
 * or broken one is a one-line error (exit code 2) instead of a stack trace from deep inside
 * ts-morph or typescript-eslint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { CliError } from '../errors.js';

export interface TsconfigSet {
  /** the tsconfig given or found, absolute */
  readonly main: string;
  /** it and the projects it references (solution-style configs), absolute, without repeats */
  readonly all: readonly string[];
  /** the source files of all of them, absolute, without declarations */
  readonly fileNames: ReadonlySet<string>;
}

/** `tsconfig.json` of `root`, or the file given with `--tsconfig` (relative to the working directory). */
export function locateTsconfig(root: string, explicit: string | undefined, cwd: string): string {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new CliError(`--tsconfig ${explicit}: no such file`);
    if (fs.statSync(file).isDirectory()) {
      const inside = path.join(file, 'tsconfig.json');
      if (!fs.existsSync(inside)) throw new CliError(`--tsconfig ${explicit}: the folder has no tsconfig.json`);
      return inside;
    }
    return file;
  }
  const file = path.join(root, 'tsconfig.json');
  if (!fs.existsSync(file)) {
    throw new CliError(
      `no tsconfig.json in ${displayPath(root, cwd)}: add one that includes your sources ` +
        '(for JavaScript, {"compilerOptions":{"allowJs":true,"checkJs":false}} is enough), or pass --tsconfig <file>',
    );
  }
  return file;
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return text;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${text} (line ${line + 1}, column ${character + 1})`;
}

const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * Reads a tsconfig with ts-morph's TypeScript and the projects it references; any error in
 * them (not JSON, a missing `extends`, a bad option value, no input files) is a `CliError`.
 */
export function readTsconfigSet(main: string, cwd: string): TsconfigSet {
  const all: string[] = [];
  const fileNames = new Set<string>();
  const pending = [main];
  while (pending.length > 0) {
    const file = path.resolve(pending.shift()!);
    if (all.includes(file)) continue;
    all.push(file);
    const shown = displayPath(file, cwd);
    if (!fs.existsSync(file)) throw new CliError(`${shown}: no such file (referenced from ${displayPath(main, cwd)})`);
    const read = ts.readConfigFile(file, (name) => ts.sys.readFile(name));
    if (read.error) throw new CliError(`${shown} is not a valid tsconfig: ${describeDiagnostic(read.error)}`);
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
    const errors = parsed.errors.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
    const references = parsed.projectReferences ?? [];
    // A solution-style config (`"files": []` plus references) has no inputs of its own, and says so.
    const relevant = references.length > 0 ? errors.filter((diagnostic) => diagnostic.code !== 18003) : errors;
    const [first] = relevant;
    if (first) {
      const more = relevant.length > 1 ? ` (and ${relevant.length - 1} more)` : '';
      throw new CliError(`${shown} has errors: ${describeDiagnostic(first)}${more}`);
    }
    for (const name of parsed.fileNames) if (!DECLARATION.test(name)) fileNames.add(path.resolve(name));
    for (const reference of references) pending.push(ts.resolveProjectReferencePath(reference));
  }
  if (fileNames.size === 0) throw new CliError(`${displayPath(main, cwd)} includes no source files: check its "include" and "files"`);
  return { main, all, fileNames };
}
