/**
 * The project's modules, parsed on demand and kept for the whole process, keyed by path,
 * modification time and size. ESLint's `--concurrency` runs rules in several threads: each
 * keeps its own cache. When a module changed since it was read, every module is read again
 * (their bindings may lead into the changed one). Past a budget of source bytes the cache
 * starts over, whole: a module dropped alone would be read into a second copy while the
 * modules still kept point into the first.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import fs from 'node:fs';
import path from 'node:path';
import { claimNodes, FileContext, type ProjectModule, type ProjectResolver } from '../../analysis/code/file-context.js';
import { getRepositoryRelativePath } from '../workspace/package-kind.js';
import { readPackageJson } from '../workspace/workspaces.js';
import { type ExportTable, readExports } from '../../analysis/code/exports.js';
import { isParseableModule, parseModule } from './parse.js';

/** Larger files are generated bundles or data, not the project's code: they stay unknown. */
export const MAX_MODULE_BYTES = 512 * 1024;

/**
 * Source bytes of the modules kept at most. What is kept of a module read (its tree, scopes and
 * caches) is about 25 times its source: this bounds the layer to a few hundred MB in the
 * largest monorepos, and is far more than the modules one service reaches.
 */
export const MAX_CACHED_SOURCE_BYTES = 12 * 1024 * 1024;

export interface ModuleRecord extends ProjectModule {
  readonly path: string;
  readonly exports: ExportTable;
}

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly record: ModuleRecord | undefined;
}

export class ModuleCache {
  readonly #entries = new Map<string, Entry>();
  readonly #packageTypes = new Map<string, boolean>();
  readonly #maxBytes: number;
  /** source bytes of the modules kept */
  #bytes = 0;
  #resolver: ProjectResolver | undefined;
  /** called when a module read before has changed on disk */
  onChange: (() => void) | undefined;

  /** @param maxBytes source bytes kept at most before the cache starts over */
  constructor(maxBytes = MAX_CACHED_SOURCE_BYTES) {
    this.#maxBytes = maxBytes;
  }

  set resolver(resolver: ProjectResolver) {
    this.#resolver = resolver;
  }

  get(file: string): ModuleRecord | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return undefined;
    }
    const cached = this.#entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.record;
    if (cached) {
      this.#startOver();
      this.#packageTypes.clear();
      this.onChange?.();
    }
    const readable = stat.isFile() && stat.size <= MAX_MODULE_BYTES;
    if (readable && this.#bytes + stat.size > this.#maxBytes) this.#startOver();
    const record = readable ? this.#read(file) : undefined;
    this.#entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, record });
    if (record) this.#bytes += stat.size;
    return record;
  }

  #startOver(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #read(file: string): ModuleRecord | undefined {
    if (!isParseableModule(file)) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const source = parseModule(file, text, this.#isCommonJs(file));
    if (!source) return undefined;
    // the module's calls, gathered on the walk that claims its nodes: most modules read are entered
    const calls: TSESTree.CallExpression[] = [];
    // folder names are read from inside the repository: where it is checked out says nothing about the module
    const relativePath = getRepositoryRelativePath(file) ?? file;
    const context = new FileContext(source, { resolver: this.#resolver, fileName: file, relativePath, calls });
    claimNodes(source.ast, context, source.visitorKeys, calls);
    return { file: context, path: file, exports: readExports(source.ast) };
  }

  /** A `.js` file is CommonJS unless the nearest package.json says `"type": "module"`. */
  #isCommonJs(file: string): boolean {
    if (path.extname(file) !== '.js') return path.extname(file) === '.cjs';
    for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
      const known = this.#packageTypes.get(folder);
      if (known !== undefined) return known;
      const manifest = readPackageJson(folder);
      if (manifest || path.dirname(folder) === folder) {
        const commonjs = manifest?.type !== 'module';
        this.#packageTypes.set(folder, commonjs);
        return commonjs;
      }
    }
  }
}
