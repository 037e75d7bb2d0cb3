/**
 * The workspace a file belongs to: the root whose package.json lists `workspaces` (npm, yarn)
 * or whose pnpm-workspace.yaml lists `packages`, and the packages it holds, by name. Imports of
 * a workspace package by name resolve to its folder even where nothing is installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isIgnoredFolder, statPath } from './files.js';
import { globToRegExp } from './glob.js';
import { getPackageName } from '../../util/package-name.js';

/** How deep workspace globs with `**` are followed. */
const MAX_WORKSPACE_DEPTH = 5;

export type WorkspaceSource = 'workspaces' | 'pnpm-workspace';

export interface WorkspacePackage {
  readonly name: string;
  /** absolute folder */
  readonly folder: string;
  readonly manifest: Readonly<Record<string, unknown>>;
}

/** The root folder of a git checkout. */
export function isCheckoutRoot(folder: string): boolean {
  return fs.existsSync(path.join(folder, '.git'));
}

/** The checkout a folder belongs to: the nearest folder at or above it that holds `.git`. */
export function findCheckoutRoot(directory: string): string | undefined {
  for (let folder = directory; ; folder = path.dirname(folder)) {
    if (isCheckoutRoot(folder)) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** package.json files read, by path, with the size and modification time they were read at. */
const manifests = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly manifest: Record<string, unknown> | undefined }>();

/**
 * A folder's package.json, or undefined when it has none or it is not a JSON object. Read once
 * while it is unchanged: every question about a package (its type, its dependencies, its
 * workspaces) starts here, for every folder up from every file. The object is shared: never
 * change it.
 */
export function readPackageJson(folder: string): Record<string, unknown> | undefined {
  const file = path.join(folder, 'package.json');
  // most folders have none: asking is far cheaper than a failed read
  const stat = statPath(file);
  if (!stat?.isFile()) return undefined;
  const known = manifests.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.manifest;
  let manifest: Record<string, unknown> | undefined;
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    manifest = isRecord(json) ? json : undefined;
  } catch {
    manifest = undefined;
  }
  manifests.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, manifest });
  return manifest;
}

/** The `packages:` list of a pnpm-workspace.yaml (a block list of plain or quoted strings). */
export function readPnpmWorkspaceGlobs(text: string): string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^packages:\s*$/.test(line)) {
      inPackages = true;
      continue;
    }
    if (!inPackages || line.trim() === '' || line.trim().startsWith('#')) continue;
    const item = /^\s+-\s*(.+?)\s*$/.exec(line);
    if (!item) {
      if (/^\S/.test(line)) inPackages = false;
      continue;
    }
    globs.push(item[1]!.replace(/^(['"])(.*)\1$/, '$2'));
  }
  return globs;
}

/** The workspace globs declared at `root`, if it is a workspace root. */
export function readWorkspaceGlobs(root: string): { source: WorkspaceSource; globs: string[] } | undefined {
  const workspaces = readPackageJson(root)?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : isRecord(workspaces) ? workspaces.packages : undefined;
  if (Array.isArray(list)) return { source: 'workspaces', globs: list.filter((glob): glob is string => typeof glob === 'string') };
  const pnpm = path.join(root, 'pnpm-workspace.yaml');
  if (!statPath(pnpm)?.isFile()) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(pnpm, 'utf8');
  } catch {
    return undefined;
  }
  return { source: 'pnpm-workspace', globs: readPnpmWorkspaceGlobs(text) };
}

/** Folders under `root` (relative, `/`-separated) matching the globs, `!globs` excluded. */
export function expandFolderGlobs(root: string, globs: readonly string[], accept: (folder: string) => boolean): string[] {
  const include = globs.filter((glob) => !glob.startsWith('!')).map(globToRegExp);
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => globToRegExp(glob.slice(1)));
  const found: string[] = [];
  const walk = (relative: string, depth: number): void => {
    if (depth > MAX_WORKSPACE_DEPTH) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || isIgnoredFolder(entry.name)) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (include.some((pattern) => pattern.test(child)) && !exclude.some((pattern) => pattern.test(child)) && accept(child)) {
        found.push(child);
      }
      walk(child, depth + 1);
    }
  };
  walk('', 1);
  return found.sort();
}

export class Workspace {
  readonly root: string;
  readonly #packages = new Map<string, WorkspacePackage>();

  constructor(root: string, globs: readonly string[]) {
    this.root = root;
    for (const folder of expandFolderGlobs(root, globs, (relative) => fs.existsSync(path.join(root, relative, 'package.json')))) {
      const absolute = path.join(root, folder);
      const manifest = readPackageJson(absolute);
      const name = manifest?.name;
      if (manifest && typeof name === 'string' && name.length > 0 && !this.#packages.has(name)) {
        this.#packages.set(name, { name, folder: absolute, manifest });
      }
    }
  }

  /** The package a bare specifier names (`@acme/shared`, `@acme/shared/http`), with the subpath after its name. */
  findPackage(specifier: string): { package: WorkspacePackage; subpath: string } | undefined {
    const parts = specifier.split('/');
    const nameLength = specifier.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    const found = this.#packages.get(name);
    return found && { package: found, subpath: parts.slice(nameLength).join('/') };
  }

  get packages(): readonly WorkspacePackage[] {
    return [...this.#packages.values()];
  }
}

/**
 * Finds workspaces from folders upward, once per folder: the nearest ancestor that declares
 * workspaces (a package that is itself a workspace member keeps looking above it).
 */
export class WorkspaceFinder {
  readonly #byFolder = new Map<string, Workspace | null>();
  readonly #byRoot = new Map<string, Workspace>();

  find(folder: string): Workspace | undefined {
    const cached = this.#byFolder.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    const globs = readWorkspaceGlobs(folder);
    let found: Workspace | undefined;
    if (globs) {
      found = this.#byRoot.get(folder) ?? new Workspace(folder, globs.globs);
      this.#byRoot.set(folder, found);
    } else {
      const parent = path.dirname(folder);
      found = parent === folder ? undefined : this.find(parent);
    }
    this.#byFolder.set(folder, found ?? null);
    return found;
  }
}

/**
 * Packages a package.json depends on by path (`"@acme/shared": "file:../shared"`, `link:`):
 * local packages that are not workspace members, found from the nearest package.json upward.
 */
export class LocalDependencies {
  readonly #byFolder = new Map<string, ReadonlyMap<string, string>>();
  readonly #packages = new Map<string, WorkspacePackage | null>();

  clear(): void {
    this.#byFolder.clear();
    this.#packages.clear();
    this.#registry.clear();
  }

  /** Whether a package.json from `folder` upward depends on the package a specifier names, from a registry (not by path). */
  isRegistryDependency(folder: string, specifier: string): boolean {
    const name = getPackageName(specifier);
    for (let current = folder; ; current = path.dirname(current)) {
      if (this.#registryOf(current).has(name)) return true;
      if (path.dirname(current) === current) return false;
    }
  }

  readonly #registry = new Map<string, ReadonlySet<string>>();

  #registryOf(folder: string): ReadonlySet<string> {
    let names = this.#registry.get(folder);
    if (!names) {
      const found = new Set<string>();
      const manifest = readPackageJson(folder);
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const list = manifest?.[field];
        if (!isRecord(list)) continue;
        for (const [name, version] of Object.entries(list)) {
          if (typeof version === 'string' && !/^(?:file|link|portal|workspace):/.test(version)) found.add(name);
        }
      }
      names = found;
      this.#registry.set(folder, names);
    }
    return names;
  }

  find(folder: string, specifier: string): { package: WorkspacePackage; subpath: string } | undefined {
    const parts = specifier.split('/');
    const nameLength = specifier.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLength).join('/');
    for (let current = folder; ; current = path.dirname(current)) {
      const target = this.#dependenciesOf(current).get(name);
      if (target !== undefined) {
        const found = this.#package(target, name);
        return found ? { package: found, subpath: parts.slice(nameLength).join('/') } : undefined;
      }
      if (path.dirname(current) === current) return undefined;
    }
  }

  #dependenciesOf(folder: string): ReadonlyMap<string, string> {
    let dependencies = this.#byFolder.get(folder);
    if (!dependencies) {
      const found = new Map<string, string>();
      const manifest = readPackageJson(folder);
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const list = manifest?.[field];
        if (!isRecord(list)) continue;
        for (const [name, version] of Object.entries(list)) {
          const local = typeof version === 'string' ? /^(?:file|link|portal):(.+)$/.exec(version) : null;
          if (local && !found.has(name)) found.set(name, path.resolve(folder, local[1]!));
        }
      }
      dependencies = found;
      this.#byFolder.set(folder, dependencies);
    }
    return dependencies;
  }

  #package(folder: string, name: string): WorkspacePackage | undefined {
    let found = this.#packages.get(folder);
    if (found === undefined) {
      const manifest = readPackageJson(folder);
      found = manifest ? { name, folder, manifest } : null;
      this.#packages.set(folder, found);
    }
    return found ?? undefined;
  }
}
