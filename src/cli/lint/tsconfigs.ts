/**
 * Which tsconfig owns each TypeScript file, found per folder the way an editor (and
 * typescript-eslint's project service) finds it: the nearest `tsconfig.json` up from the
 * file's folder that includes it, directly or through its `references`; when the nearest one
 * does not include it, the next one up. A repository needs no tsconfig at the root, one per
 * service is as good, and none at all is fine: files no tsconfig owns, and JavaScript files,
 * are linted without types, each with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { CliError } from '../errors.js';
import { TYPESCRIPT_EXTENSIONS } from '../../project/workspace/files.js';
import type { UntypedReason } from '../model/types.js';

/** A tsconfig that could not be read: its files are linted without types. */
export interface TsconfigProblem {
  /** absolute */
  readonly tsconfig: string;
  readonly message: string;
}

export interface TypePlan {
  /** TypeScript file (absolute) → the tsconfig (absolute) whose program holds it */
  readonly owners: ReadonlyMap<string, string>;
  /** every other file (absolute) → why it has no types */
  readonly untyped: ReadonlyMap<string, UntypedReason>;
  readonly problems: readonly TsconfigProblem[];
}

interface ReadTsconfig {
  /** source files of its program (declarations left out), absolute */
  readonly fileNames: ReadonlySet<string>;
  readonly references: readonly string[];
}

const DECLARATION = /\.d\.[cm]?ts$/;
/** TS18003, "No inputs were found in config file": the tsconfig owns nothing, which is not an error here. */
const NO_INPUTS = 18003;

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return text;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${text} (line ${line + 1}, column ${character + 1})`;
}

/** Reads one tsconfig with ts-morph's TypeScript; throws a `CliError` (with the first error) when it cannot be used. */
export function readTsconfig(file: string, shown: string): ReadTsconfig {
  const read = ts.readConfigFile(file, (name) => ts.sys.readFile(name));
  if (read.error) throw new CliError(`${shown} is not a valid tsconfig: ${describeDiagnostic(read.error)}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  const errors = parsed.errors.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && diagnostic.code !== NO_INPUTS);
  const [first] = errors;
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new CliError(`${shown} has errors: ${describeDiagnostic(first)}${more}`);
  }
  const fileNames = new Set(parsed.fileNames.filter((name) => !DECLARATION.test(name)).map((name) => path.resolve(name)));
  const references = (parsed.projectReferences ?? []).map((reference) => path.resolve(ts.resolveProjectReferencePath(reference)));
  return { fileNames, references };
}

function isTypeScript(file: string): boolean {
  return TYPESCRIPT_EXTENSIONS.has(path.extname(file));
}

/** Finds and reads tsconfigs for the files of one mapped folder; each read at most once. */
export class TsconfigFinder {
  private readonly configs = new Map<string, ReadTsconfig | TsconfigProblem>();
  private readonly nearest = new Map<string, string | null>();

  constructor(
    private readonly root: string,
    /** how a path is shown in messages */
    private readonly show: (file: string) => string,
  ) {}

  /** The tsconfig.json files from a file's folder up to the root, nearest first. */
  private candidates(file: string): string[] {
    const found: string[] = [];
    let folder = path.dirname(file);
    for (;;) {
      const own = this.nearestIn(folder);
      if (own !== null) found.push(own);
      if (folder === this.root || !folder.startsWith(this.root)) break;
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return found;
  }

  private nearestIn(folder: string): string | null {
    let known = this.nearest.get(folder);
    if (known === undefined) {
      const file = path.join(folder, 'tsconfig.json');
      known = fs.existsSync(file) ? file : null;
      this.nearest.set(folder, known);
    }
    return known;
  }

  /** A tsconfig read (or the problem with it), cached. */
  read(file: string): ReadTsconfig | TsconfigProblem {
    let config = this.configs.get(file);
    if (!config) {
      try {
        config = readTsconfig(file, this.show(file));
      } catch (error) {
        config = { tsconfig: file, message: error instanceof Error ? error.message : String(error) };
      }
      this.configs.set(file, config);
    }
    return config;
  }

  /** The tsconfig (this one or one it references, depth first) whose program holds `file`. */
  private owner(tsconfig: string, file: string, seen: Set<string>): string | undefined | TsconfigProblem {
    if (seen.has(tsconfig)) return undefined;
    seen.add(tsconfig);
    const config = this.read(tsconfig);
    if ('message' in config) return config;
    if (config.fileNames.has(file)) return tsconfig;
    for (const reference of config.references) {
      const found = this.owner(reference, file, seen);
      if (typeof found === 'string') return found;
    }
    return undefined;
  }

  /** Where `file` gets its types from, or why it gets none. */
  classify(file: string, preferred: string | undefined): { readonly tsconfig: string } | { readonly reason: UntypedReason } {
    if (!isTypeScript(file)) return { reason: 'javascript' };
    const candidates = preferred === undefined ? this.candidates(file) : [preferred, ...this.candidates(file)];
    if (candidates.length === 0) return { reason: 'no-tsconfig' };
    let broken = false;
    for (const candidate of candidates) {
      const found = this.owner(candidate, file, new Set());
      if (typeof found === 'string') return { tsconfig: found };
      if (found !== undefined) broken = true;
    }
    return { reason: broken ? 'tsconfig-error' : 'not-included' };
  }

  /** The problems of the tsconfigs read so far, sorted by file. */
  problems(): TsconfigProblem[] {
    return [...this.configs.values()].filter((config): config is TsconfigProblem => 'message' in config).sort((a, b) => (a.tsconfig < b.tsconfig ? -1 : 1));
  }
}

/**
 * Decides, for every file of the mapped folder, which tsconfig types it. `explicit` (from
 * `--tsconfig`) is tried first for every TypeScript file and must itself be readable.
 */
export function planTypes(root: string, files: readonly string[], explicit: string | undefined, show: (file: string) => string): TypePlan {
  const finder = new TsconfigFinder(root, show);
  if (explicit !== undefined) {
    const config = finder.read(explicit);
    if ('message' in config) throw new CliError(config.message);
  }
  const owners = new Map<string, string>();
  const untyped = new Map<string, UntypedReason>();
  for (const file of files) {
    const result = finder.classify(file, explicit);
    if ('tsconfig' in result) owners.set(file, result.tsconfig);
    else untyped.set(file, result.reason);
  }
  return { owners, untyped, problems: finder.problems() };
}

/** `tsconfig.json` given with `--tsconfig` (a file, or a folder holding one), absolute. */
export function locateExplicitTsconfig(explicit: string, cwd: string): string {
  const file = path.resolve(cwd, explicit);
  if (!fs.existsSync(file)) throw new CliError(`--tsconfig ${explicit}: no such file`);
  if (fs.statSync(file).isDirectory()) {
    const inside = path.join(file, 'tsconfig.json');
    if (!fs.existsSync(inside)) throw new CliError(`--tsconfig ${explicit}: the folder has no tsconfig.json`);
    return inside;
  }
  return file;
}
