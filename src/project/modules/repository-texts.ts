/**
 * The source files of a repository, read once per process into an index: what the questions
 * asked in reverse (who imports this export, which class implements this interface, who calls
 * this method) look up before they parse anything. The texts themselves are not kept. A
 * repository is the checkout a file belongs to, or the root of its workspace; past a bound on
 * its files it is not searched.
 */
import path from 'node:path';
import { isTestFile } from '../../analysis/file-filter.js';
import { listSourceFiles } from '../workspace/files.js';
import { getRepositoryFolder } from '../workspace/package-kind.js';
import { ownString } from '../../util/own-string.js';
import { getImportedNames, readText } from './reach.js';

/** Past this many source files (tests aside) a repository is not searched: the answer would cost more than it is worth. */
export const MAX_REPOSITORY_FILES = 5000;

/** What the reverse questions look up first, read from every text of a repository in one pass. */
interface RepositoryIndex {
  /** its source files, tests, seeds and scripts aside */
  readonly files: readonly string[];
  /** a file could not be read or is too large to parse: what it imports is unknown */
  readonly unreadable: boolean;
  /** interface name → the files whose classes write `implements <name>` */
  readonly implementers: ReadonlyMap<string, readonly string[]>;
  /** member name → the files that call a member of that name (`.capture(`) */
  readonly memberCallers: ReadonlyMap<string, readonly string[]>;
  /** the last segment of a specifier, without its extension (`refunds` for `'../services/refunds.js'`) → the files that import or re-export it */
  readonly importers: ReadonlyMap<string, readonly string[]>;
}

export class RepositoryTexts {
  readonly #maxFiles: number;
  /** repository folder → its index; null past the bound on files */
  readonly #indexes = new Map<string, RepositoryIndex | null>();

  constructor(maxFiles = MAX_REPOSITORY_FILES) {
    this.#maxFiles = maxFiles;
  }

  clear(): void {
    this.#indexes.clear();
  }

  /** The source files of the repository `fileName` belongs to (tests, seeds and scripts aside); undefined past the bound. */
  getFiles(fileName: string): readonly string[] | undefined {
    return this.#getIndex(fileName)?.files;
  }

  /** Whether every source file of the repository could be read. */
  isReadable(fileName: string): boolean {
    const index = this.#getIndex(fileName);
    return index !== undefined && !index.unreadable;
  }

  /**
   * The files of the repository of `fileName` (tests aside) with a class that writes
   * `implements <name>`, read from texts: the name may still be another interface's.
   */
  getImplementers(fileName: string, name: string): readonly string[] {
    return this.#getIndex(fileName)?.implementers.get(name) ?? [];
  }

  /** The files of the repository of `fileName` (tests aside) that call a member of that name (`x.capture(…)`), read from texts. */
  getMemberCallers(fileName: string, name: string): readonly string[] | undefined {
    const index = this.#getIndex(fileName);
    return index && (index.memberCallers.get(name) ?? []);
  }

  /** The files of the repository of `fileName` (tests aside) with a specifier whose last segment is `stem` (`./refunds`, `@app/refunds.js`). */
  getImportersOf(fileName: string, stem: string): readonly string[] | undefined {
    const index = this.#getIndex(fileName);
    return index && (index.importers.get(stem) ?? []);
  }

  /** A file's text, read again each time (the texts of a repository are not kept), or null when it cannot be read or is too large to parse. */
  getText(file: string): string | null {
    return readText(file) ?? null;
  }

  #getIndex(fileName: string): RepositoryIndex | undefined {
    const folder = getRepositoryFolder(fileName);
    if (folder === undefined) return undefined;
    let index = this.#indexes.get(folder);
    if (index === undefined) {
      let listed: string[] | undefined;
      try {
        listed = listSourceFiles(folder);
      } catch {
        listed = undefined;
      }
      // tests, seeds and scripts are not searched, nor counted against the bound
      const sources = listed?.filter((file) => !isTestFile(path.relative(folder, file)));
      index = sources && sources.length <= this.#maxFiles ? this.#read(sources) : null;
      this.#indexes.set(folder, index);
    }
    return index ?? undefined;
  }

  #read(files: readonly string[]): RepositoryIndex {
    const implementers = new Map<string, string[]>();
    const memberCallers = new Map<string, string[]>();
    const importers = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, key: string, file: string): void => {
      const list = map.get(key);
      // a key read from a text is kept without it: a slice would hold the whole text
      if (!list) map.set(ownString(key), [file]);
      else if (list.at(-1) !== file) list.push(file);
    };
    let unreadable = false;
    for (const file of files) {
      const text = this.getText(file);
      if (text === null) {
        unreadable = true;
        continue;
      }
      if (text.includes('implements')) {
        for (const match of text.matchAll(IMPLEMENTS)) for (const name of getImplementedNames(match[1]!)) add(implementers, name, file);
      }
      for (const match of text.matchAll(MEMBER_CALL)) add(memberCallers, match[1]!, file);
      for (const source of getImportedNames(text).keys()) add(importers, getSpecifierStem(source), file);
    }
    return { files, unreadable, implementers, memberCallers, importers };
  }
}

/** The last segment of a specifier, without a source extension: `../services/refunds.js` → `refunds`. */
export function getSpecifierStem(specifier: string): string {
  const last = specifier.slice(specifier.lastIndexOf('/') + 1);
  return last.replace(/\.(?:[cm]?[jt]sx?)$/, '');
}

/** `.capture(`, `.get<Order>(`, `?.send(`: a member called, group 1; or bound to be called later, `.execute.bind(`. */
const MEMBER_CALL = /\.([A-Za-z_$][\w$]*)(?:\s*[(<]|\.bind\s*\()/g;

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
