/**
 * The port a service listens on, read from its package: the `listen(…)` of its entry files (a
 * literal, or the default after `??` or `||`), a `PORT` constant's default, or `PORT=` in the
 * package's `.env`. A request to `localhost` at that port is the service calling itself.
 */
import path from 'node:path';
import { readTextFile } from './files.js';
import { getServicePackageFolder } from './package-kind.js';
import { readPackageJson } from './workspaces.js';

/** Where services start, relative to their package. */
const ENTRY_FILES = ['main', 'index', 'server', 'app'].flatMap((name) =>
  ['src/', ''].flatMap((folder) => ['.ts', '.js', '.mjs', '.cjs'].map((extension) => `${folder}${name}${extension}`)),
);

/** `app.listen(3004)`, `app.listen(process.env.PORT ?? 3004)`, `server.listen(Number(process.env.PORT) || '3004', …)`. */
const LISTEN = /\.listen\(\s*(?:(\d{2,5})\b|[^,)\n]*?(?:\?\?|\|\|)\s*['"]?(\d{2,5})\b)/g;
/** `const PORT = process.env.PORT || 3004`, `PORT=3004`. */
const PORT_SETTING = /\bPORT\s*[=:]\s*(?:[^;\n]*?(?:\?\?|\|\|)\s*)?['"]?(\d{2,5})\b/g;

/** Entry files and `.env` files larger than this are not read. */
const MAX_ENTRY_BYTES = 256 * 1024;

/** folder → the port its entry files name: null for several, undefined for none */
const ports = new Map<string, string | null | undefined>();

/**
 * The one port the service a file belongs to listens on: read from the nearest folder above the
 * file, up to its package, whose entry files (`src/main.ts`, `server.js`, …) or `.env` name a
 * port (a package of several services, such as a NestJS monorepo's `apps/payments/src/main.ts`,
 * has one per service), when they name one and no other.
 */
export function getServicePort(fileName: string): string | undefined {
  const root = getServicePackageFolder(fileName);
  if (root === undefined) return undefined;
  for (let folder = path.dirname(fileName); ; folder = path.dirname(folder)) {
    const port = readPort(folder, folder === root);
    if (port !== undefined) return port ?? undefined;
    if (folder === root || path.dirname(folder) === folder || !folder.startsWith(root)) return undefined;
  }
}

/** The port a folder's entry files name; null when they name several; undefined when they name none (or it has none). */
function readPort(folder: string, isPackage: boolean): string | null | undefined {
  if (ports.has(folder)) return ports.get(folder);
  const main = isPackage ? readPackageJson(folder)?.main : undefined;
  const found = new Set<string>();
  for (const file of new Set([...(typeof main === 'string' ? [main] : []), ...ENTRY_FILES, '.env'])) {
    const text = readTextFile(path.join(folder, file), MAX_ENTRY_BYTES);
    if (text === undefined) continue;
    for (const match of text.matchAll(LISTEN)) found.add(match[1] ?? match[2]!);
    for (const match of text.matchAll(PORT_SETTING)) found.add(match[1]!);
  }
  const port = found.size === 0 ? undefined : found.size === 1 ? [...found][0]! : null;
  ports.set(folder, port);
  return port;
}
