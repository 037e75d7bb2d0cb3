/**
 * The source files of a repository and their texts, read once per process: what the questions
 * asked in reverse (who imports this export, which class implements this interface) search
 * before they parse anything. A repository is the checkout a file belongs to, or the root of its
 * workspace; past a bound on its files it is not searched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isTestFile } from '../../analysis/file-filter.js';
import { listSourceFiles } from '../workspace/files.js';
import { getPackageFolder } from '../workspace/package-kind.js';
import { MAX_MODULE_BYTES } from './module-cache.js';

/** Past this many source files a repository is not searched: the answer would cost more than it is worth. */
export const MAX_REPOSITORY_FILES = 2000;

export interface RepositoryFile {
  readonly path: string;
  /** its text, or null when it cannot be read or is too large to parse */
  readonly text: string | null;
}

export class RepositoryTexts {
  readonly #maxFiles: number;
  /** repository folder → its source files, tests, seeds and scripts aside; null past the bound */
  readonly #repositories = new Map<string, readonly string[] | null>();
  readonly #texts = new Map<string, string | null>();
  /** repository folder → interface name → the files whose classes write `implements <name>` */
  readonly #implementers = new Map<string, ReadonlyMap<string, readonly string[]>>();
  /** repository folder → member name → the files that call a member of that name (`.capture(`) */
  readonly #memberCalls = new Map<string, ReadonlyMap<string, readonly string[]>>();

  constructor(maxFiles = MAX_REPOSITORY_FILES) {
    this.#maxFiles = maxFiles;
  }

  clear(): void {
    this.#repositories.clear();
    this.#texts.clear();
    this.#implementers.clear();
    this.#memberCalls.clear();
  }

  /** The source files of the repository `fileName` belongs to (tests, seeds and scripts aside); undefined past the bound. */
  getFiles(fileName: string): readonly string[] | undefined {
    const folder = getRepositoryFolder(fileName);
    return folder === undefined ? undefined : this.#getFolderFiles(folder);
  }

  /**
   * The files of the repository of `fileName` (tests aside) with a class that writes
   * `implements <name>`, read from texts: the name may still be another interface's.
   */
  getImplementers(fileName: string, name: string): readonly string[] {
    const folder = getRepositoryFolder(fileName);
    if (folder === undefined) return [];
    let index = this.#implementers.get(folder);
    if (!index) {
      const byName = new Map<string, string[]>();
      for (const file of this.#getFolderFiles(folder) ?? []) {
        const text = this.getText(file);
        if (text === null || !text.includes('implements')) continue;
        for (const match of text.matchAll(IMPLEMENTS)) {
          for (const implemented of getImplementedNames(match[1]!)) {
            const files = byName.get(implemented) ?? [];
            if (!files.includes(file)) files.push(file);
            byName.set(implemented, files);
          }
        }
      }
      index = byName;
      this.#implementers.set(folder, index);
    }
    return index.get(name) ?? [];
  }

  /** The files of the repository of `fileName` (tests aside) that call a member of that name (`x.capture(…)`), read from texts. */
  getMemberCallers(fileName: string, name: string): readonly string[] | undefined {
    const folder = getRepositoryFolder(fileName);
    if (folder === undefined) return undefined;
    let index = this.#memberCalls.get(folder);
    if (!index) {
      const files = this.#getFolderFiles(folder);
      if (!files) return undefined;
      const byName = new Map<string, string[]>();
      for (const file of files) {
        const text = this.getText(file);
        if (text === null) continue;
        for (const match of text.matchAll(MEMBER_CALL)) {
          const callers = byName.get(match[1]!) ?? [];
          if (callers.at(-1) !== file) callers.push(file);
          byName.set(match[1]!, callers);
        }
      }
      index = byName;
      this.#memberCalls.set(folder, index);
    }
    return index.get(name) ?? [];
  }

  #getFolderFiles(folder: string): readonly string[] | undefined {
    let files = this.#repositories.get(folder);
    if (files === undefined) {
      let listed: string[] | undefined;
      try {
        listed = listSourceFiles(folder);
      } catch {
        listed = undefined;
      }
      files = listed && listed.length <= this.#maxFiles ? listed.filter((file) => !isTestFile(path.relative(folder, file))) : null;
      this.#repositories.set(folder, files);
    }
    return files ?? undefined;
  }

  /** A file's text, or null when it cannot be read or is too large to parse. */
  getText(file: string): string | null {
    let text = this.#texts.get(file);
    if (text === undefined) {
      try {
        text = fs.statSync(file).size > MAX_MODULE_BYTES ? null : fs.readFileSync(file, 'utf8');
      } catch {
        text = null;
      }
      this.#texts.set(file, text);
    }
    return text;
  }
}

/** `.capture(`, `.get<Order>(`, `?.send(`: a member called, group 1. */
const MEMBER_CALL = /\.([A-Za-z_$][\w$]*)\s*[(<]/g;

/** `class X extends Y implements A, B<T> {`: the clause, group 1. */
const IMPLEMENTS = /\bimplements\s+([^{;()]+)\{/g;

/** `A, B<T>, ns.C` → A, B, C. */
function getImplementedNames(clause: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of clause) {
    if (char === '<') depth += 1;
    else if (char === '>') depth -= 1;
    else if (depth === 0) current += char;
  }
  for (const item of current.split(',')) {
    const name = /([\w$]+)\s*$/.exec(item.trim());
    if (name) names.push(name[1]!);
  }
  return names;
}

/**
 * The folder whose modules may import a file: the checkout it belongs to (the nearest folder
 * holding `.git`), else the outermost folder of nested packages (a workspace's root). A library
 * of a workspace is imported by the services beside it, not only by its own package.
 */
function getRepositoryFolder(fileName: string): string | undefined {
  const own = getPackageFolder(fileName);
  if (own === undefined) return undefined;
  let outermost = own;
  for (let folder = own, steps = 0; steps < 12; steps += 1) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (fs.existsSync(path.join(folder, 'package.json'))) outermost = folder;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return outermost;
}
