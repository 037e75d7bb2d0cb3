/**
 * A cheap look before any parsing: may a module reach an HTTP client (or a database, or a
 * broker) through what it imports? Only its text and the texts of the project modules it
 * imports are read, a few levels deep; a file that cannot reach one gets no analysis at all.
 */
import fs from 'node:fs';
import type { ModuleResolver } from '../resolution/module-resolver.js';
import { MAX_MODULE_BYTES } from './module-cache.js';

/** `from '…'`, `import '…'`, `import('…')`, `require('…')`, `export … from '…'`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"`])([^'"`\n]+)\1/gm;

export function getImportSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add(match[2]!);
  return [...found];
}

export class Reachability {
  readonly #resolver: ModuleResolver;
  readonly #mentions: (text: string) => boolean;
  /** path → the depth it was shown to reach from (higher is better), or -1 when it cannot at any depth checked */
  readonly #known = new Map<string, { reaches: boolean; depth: number }>();

  constructor(resolver: ModuleResolver, mentions: (text: string) => boolean) {
    this.#resolver = resolver;
    this.#mentions = mentions;
  }

  clear(): void {
    this.#known.clear();
  }

  /** Whether the file (whose text is given) mentions what we look for, or imports a project module that does, within `depth` imports. */
  mayReach(file: string, text: string, depth: number): boolean {
    if (this.#mentions(text)) return true;
    return this.#importsReaching(file, text, depth, new Set([file]));
  }

  #importsReaching(file: string, text: string, depth: number, visiting: Set<string>): boolean {
    if (depth <= 0) return false;
    for (const specifier of getImportSpecifiers(text)) {
      const resolution = this.#resolver.resolve(file, specifier);
      if (resolution.kind === 'file' && this.#moduleReaches(resolution.path, depth - 1, visiting)) return true;
    }
    return false;
  }

  #moduleReaches(file: string, depth: number, visiting: Set<string>): boolean {
    const known = this.#known.get(file);
    if (known && (known.reaches || known.depth >= depth)) return known.reaches;
    if (visiting.has(file)) return false;
    visiting.add(file);
    const text = readText(file);
    const reaches = text !== undefined && (this.#mentions(text) || this.#importsReaching(file, text, depth, visiting));
    visiting.delete(file);
    this.#known.set(file, { reaches, depth });
    return reaches;
  }
}

function readText(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.size <= MAX_MODULE_BYTES ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
