/**
 * A cheap look before any parsing: may a module reach an HTTP client (or a database, or a
 * broker) through what it imports? Only its text and the texts of the project modules it
 * imports are read, a few levels deep; a file that cannot reach one gets no analysis at all.
 * Through a barrel (`index.ts` made of `export … from` lines), only the modules that declare
 * the names imported count, not their siblings.
 */
import type { ModuleResolver } from '../resolution/module-resolver.js';
import { ownString } from '../../util/own-string.js';
import { readTextFile } from '../workspace/files.js';
import { MAX_MODULE_BYTES } from './module-cache.js';

/**
 * One import or re-export: `import x, { a } from 's'` (1: default, 2: names), `import * as n from 's'`,
 * `import type { T } from 's'` (3), `export { a } from 's'`, `export * from 's'`, `import 's'`,
 * `require('s')`, `import('s')`; the source is group 5.
 */
const IMPORT =
  /\bimport\s+(?:(type)\s+)?(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s*as\s+[\w$]+)?\s*from\s*(['"])([^'"\n]+)\4|\b(?:export\s+[^;'"]*?from|import|require\s*\(|import\s*\()\s*(['"`])([^'"`\n]+)\6/g;

/** What a module imports from each source: the names, or null when it takes the module whole. */
export function getImportedNames(text: string): Map<string, Set<string> | null> {
  const imports = new Map<string, Set<string> | null>();
  const take = (source: string, names: Set<string> | null): void => {
    if (!imports.has(source)) imports.set(source, names);
    else {
      const known = imports.get(source);
      if (known === null || names === null) imports.set(source, null);
      else for (const name of names) known!.add(name);
    }
  };
  for (const match of text.matchAll(IMPORT)) {
    const cut = match[5] ?? match[7];
    if (cut === undefined) continue;
    // what is read of a text is kept without it: a slice would hold the whole text
    const source = ownString(cut);
    if (match[5] === undefined) {
      take(source, null); // a re-export, a side effect, a require or a dynamic import
    } else if (match[1]) {
      // types only: nothing runs, but a value typed with one of them is an instance made elsewhere
      take(source, getAnnotatingTypes(text, (match[3] ?? '').split(',')));
    } else if (match[2] !== undefined || match[3] === undefined) {
      take(source, null); // a default or namespace import
    } else {
      const names = new Set<string>();
      for (const item of match[3].split(',')) {
        const name = /^\s*(type\s+)?([\w$]+)/.exec(item);
        if (name && !name[1]) names.add(ownString(name[2]!));
      }
      for (const name of getAnnotatingTypes(text, match[3].split(',').filter((item) => /^\s*type\s/.test(item)))) names.add(name);
      take(source, names);
    }
  }
  return imports;
}

/**
 * The types of the items of a type-only import list (`Logger`, `type ServiceClient`) that the
 * text gives a value (`client: ServiceClient`, `private readonly payments: PaymentsPort`): that
 * value is an instance built elsewhere, of a class or client the type's module may make.
 */
function getAnnotatingTypes(text: string, items: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const item of items) {
    const name = /^\s*(?:type\s+)?([\w$]+)\s*$/.exec(item)?.[1];
    if (name !== undefined && new RegExp(`:\\s*${name.replace(/\$/g, '\\$')}\\s*[,)=;\\n]`).test(text)) names.add(ownString(name));
  }
  return names;
}

/** The sources of `export * from '…'` and, per exported name, of `export { a as b } from '…'`. */
interface ReExports {
  readonly stars: readonly string[];
  readonly named: ReadonlyMap<string, string>;
}

const RE_EXPORT = /\bexport\s*(?:type\s*)?(?:\*(?:\s*as\s+[\w$]+)?|\{([^}]*)\})\s*from\s*['"]([^'"\n]+)['"]/g;

/** `module.exports = require('./m')`, `exports.a = require('./m').a`. */
function hasCommonJsReExport(text: string, source: string): boolean {
  const quoted = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\bexports\\b[^\\n]*\\brequire\\s*\\(\\s*['"]${quoted}['"]`).test(text);
}

/**
 * The name under which a module passes on the export `name` of `source`: `name` itself for
 * `export * from`, `b` for `export { a as b } from`. Null when it passes on none of it, undefined
 * when it does in a way whose uses cannot be followed by name (`export * as ns from`, CommonJS).
 */
export function getPassedOnName(text: string, source: string, name: string): string | null | undefined {
  for (const match of text.matchAll(RE_EXPORT)) {
    if (match[2] !== source) continue;
    if (match[1] === undefined) return /^export\s*\*\s*as\b/.test(match[0]) ? undefined : name;
    for (const item of match[1].split(',')) {
      const parts = /^\s*(?:type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?/.exec(item);
      if (parts?.[1] === name) return parts[2] ?? name;
    }
  }
  return hasCommonJsReExport(text, source) ? undefined : null;
}

const DECLARATION = /(?:^|[\s;])(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(?:class|function\*?|const|let|var|enum|interface|type)\s+([\w$]+)/gm;

export class Reachability {
  readonly #resolver: ModuleResolver;
  readonly #mentions: (text: string) => boolean;
  /** path → the deepest look that found nothing, or a "yes" */
  readonly #known = new Map<string, { reaches: boolean; depth: number }>();
  /** what is read of each file's text (the text itself is not kept: there are many, and this is all that is asked of them) */
  readonly #texts = new Map<
    string,
    { mentions: boolean; declared: ReadonlySet<string>; interfaces: readonly string[]; reExports: ReExports; imports: Map<string, Set<string> | null> } | null
  >();
  readonly #declaring = new Map<string, string | null>();

  /** the files whose classes implement an interface of that name, in the repository of a file */
  readonly #implementers: ((file: string, name: string) => readonly string[]) | undefined;

  constructor(resolver: ModuleResolver, mentions: (text: string) => boolean, implementers?: (file: string, name: string) => readonly string[]) {
    this.#resolver = resolver;
    this.#mentions = mentions;
    this.#implementers = implementers;
  }

  clear(): void {
    this.#known.clear();
    this.#texts.clear();
    this.#declaring.clear();
  }

  /** Whether a module mentions what we look for, or imports a project module that does, within `depth` imports. */
  mayReachModule(file: string, depth: number): boolean {
    return this.#moduleReaches(file, depth, new Set());
  }

  /** Like `mayReachModule` for one export of a module, looked up where it is declared. */
  mayReachExport(file: string, name: string, depth: number): boolean {
    return this.#moduleReaches(this.#findDeclaringModule(file, name, 0) ?? file, depth, new Set());
  }

  /** Whether the file (whose text is given) mentions what we look for, or imports a project module that does, within `depth` imports. */
  mayReach(file: string, text: string, depth: number): boolean {
    if (this.#mentions(text)) return true;
    return this.#importsReaching(file, getImportedNames(text), depth, new Set([file]));
  }

  #read(file: string) {
    let entry = this.#texts.get(file);
    if (entry === undefined) {
      const text = readText(file);
      entry =
        text === undefined
          ? null
          : {
              mentions: this.#mentions(text),
              declared: getDeclared(text),
              interfaces: getInterfaces(text),
              reExports: getReExports(text),
              imports: getImportedNames(text),
            };
      this.#texts.set(file, entry);
    }
    return entry ?? undefined;
  }

  /** The module a name exported by `file` is declared in, read from re-export lines; undefined when `file` declares it or it cannot be told. */
  #findDeclaringModule(file: string, name: string, hops: number): string | undefined {
    const key = `${file}\0${name}`;
    const cached = this.#declaring.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | undefined;
    const entry = hops <= 5 ? this.#read(file) : undefined;
    if (entry && !entry.declared.has(name)) {
      const named = entry.reExports.named.get(name);
      for (const source of named === undefined ? entry.reExports.stars : [named]) {
        const resolution = this.#resolver.resolve(file, source);
        if (resolution.kind !== 'file') continue;
        found = this.#findDeclaringModule(resolution.path, name, hops + 1) ?? (this.#read(resolution.path)?.declared.has(name) || named ? resolution.path : undefined);
        if (found) break;
      }
    }
    this.#declaring.set(key, found ?? null);
    return found;
  }

  #importsReaching(file: string, imports: Map<string, Set<string> | null>, depth: number, visiting: Set<string>): boolean {
    if (depth <= 0) return false;
    for (const [specifier, names] of imports) {
      if (names?.size === 0) continue;
      const resolution = this.#resolver.resolve(file, specifier);
      if (resolution.kind !== 'file') continue;
      const targets = names ? [...names].map((name) => this.#findDeclaringModule(resolution.path, name, 0) ?? resolution.path) : [resolution.path];
      if (targets.some((target) => this.#moduleReaches(target, depth - 1, visiting))) return true;
    }
    return false;
  }

  /** An interface reaches what its implementations reach: an instance injected by a token is one of them. */
  #implementationsReaching(file: string, interfaces: readonly string[], depth: number, visiting: Set<string>): boolean {
    if (depth <= 0 || !this.#implementers) return false;
    return interfaces.some((name) => this.#implementers!(file, name).some((implementer) => this.#moduleReaches(implementer, depth - 1, visiting)));
  }

  #moduleReaches(file: string, depth: number, visiting: Set<string>): boolean {
    const known = this.#known.get(file);
    if (known && (known.reaches || known.depth >= depth)) return known.reaches;
    if (visiting.has(file)) return false;
    visiting.add(file);
    const entry = this.#read(file);
    const reaches =
      entry !== undefined &&
      (entry.mentions || this.#importsReaching(file, entry.imports, depth, visiting) || this.#implementationsReaching(file, entry.interfaces, depth, visiting));
    visiting.delete(file);
    this.#known.set(file, { reaches, depth });
    return reaches;
  }
}

/** `export interface IS2SClient`: the interfaces a module offers for classes to implement. */
const EXPORTED_INTERFACE = /\bexport\s+(?:declare\s+)?interface\s+([\w$]+)/g;

function getInterfaces(text: string): string[] {
  return text.includes('interface') ? [...text.matchAll(EXPORTED_INTERFACE)].map((match) => ownString(match[1]!)) : [];
}

function getDeclared(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(DECLARATION)) names.add(ownString(match[1]!));
  return names;
}

function getReExports(text: string): ReExports {
  const stars: string[] = [];
  const named = new Map<string, string>();
  for (const match of text.matchAll(RE_EXPORT)) {
    const source = ownString(match[2]!);
    if (match[1] === undefined) {
      stars.push(source);
      continue;
    }
    for (const item of match[1].split(',')) {
      const parts = /^\s*(?:type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?/.exec(item);
      if (parts) named.set(ownString(parts[2] ?? parts[1]!), source);
    }
  }
  return { stars, named };
}

/** A module's text, unless it cannot be read or is too large to parse. */
export function readText(file: string): string | undefined {
  return readTextFile(file, MAX_MODULE_BYTES);
}
