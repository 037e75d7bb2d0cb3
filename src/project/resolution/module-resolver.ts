/**
 * Where an import leads, from the file that imports it: a source file of the project, a
 * package or built-in (external), or nowhere known (missing). Node's resolution (relative
 * paths, index files, `.js` written for a `.ts` source, package.json `imports` such as
 * `#config`) is oxc-resolver's; `paths` and `baseUrl` come from the nearest tsconfig.json or
 * jsconfig.json (get-tsconfig, `extends` included); workspace packages resolve by name to
 * their sources even where nothing is installed. Nothing under node_modules is ever a
 * project file.
 */
import { ownString } from '../../util/own-string.js';
import { getOrAdd } from '../../util/remember.js';
import { createPathsMatcher, parseTsconfig } from 'get-tsconfig';
import { builtinModules, createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type * as OxcResolver from 'oxc-resolver';
import type { NapiResolveOptions, ResolverFactory } from 'oxc-resolver';
import { isParseableModule } from '../modules/parse.js';
import { findCheckoutRoot, isRecord, LocalDependencies, readPackageJson, type WorkspaceFinder } from '../workspace/workspaces.js';

export type Resolution =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'external' }
  | { readonly kind: 'missing' };

const EXTERNAL: Resolution = { kind: 'external' };
const MISSING: Resolution = { kind: 'missing' };

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];

/** Folders of build output whose sources sit in `src/` beside them. */
const BUILD_FOLDER = /^(?:dist|build|lib|out)$/;

/** Aliases that name the project itself when no config explains them (`@/config`, `~/lib/http`). */
const PROJECT_ALIAS = /^(?:@|~)\//;

type PathsMatcher = (specifier: string) => string[];

/** How many folders above the one a missing relative import climbs to are searched for it. */
const MAX_ENCLOSING_LEVELS = 3;

function isInside(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export class ModuleResolver {
  readonly #workspaces: WorkspaceFinder;
  readonly #localDependencies = new LocalDependencies();
  readonly #oxc = createNodeResolver({
    extensions: EXTENSIONS,
    extensionAlias: { '.js': ['.ts', '.tsx', '.js', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
    conditionNames: ['node', 'import', 'require', 'default'],
    mainFields: ['module', 'main'],
    builtinModules: true,
  });
  readonly #tsconfigCache = new Map<string, unknown>();
  readonly #matchers = new Map<string, PathsMatcher | null>();
  /** folder → specifier → where it leads from there */
  readonly #resolved = new Map<string, Map<string, Resolution>>();
  /** absolute path a relative specifier points to → where it leads */
  readonly #byTarget = new Map<string, Resolution>();
  /** a bare specifier (`axios`, `@app/config`, `#config`) → where it leads, per package and `paths` matcher: the same from each of their folders */
  readonly #bare = new Map<PathsMatcher | null, Map<string, Map<string, Resolution>>>();
  /** folder → the nearest folder at or above it with a package.json (the folder itself when none is) */
  readonly #packageFolders = new Map<string, string>();

  constructor(workspaces: WorkspaceFinder) {
    this.#workspaces = workspaces;
  }

  /** Forgets what was read from disk (files appeared, moved or changed). */
  clear(): void {
    this.#oxc?.clearCache();
    this.#localDependencies.clear();
    this.#tsconfigCache.clear();
    this.#matchers.clear();
    this.#resolved.clear();
    this.#byTarget.clear();
    this.#bare.clear();
    this.#packageFolders.clear();
  }

  resolve(fromFile: string, specifier: string): Resolution {
    const directory = path.dirname(fromFile);
    const inFolder = getOrAdd(this.#resolved, directory, () => new Map<string, Resolution>());
    let resolution = inFolder.get(specifier);
    if (!resolution) {
      // a specifier cut from a file's text would hold the whole text for the run: the caches below keep this copy
      const owned = ownString(specifier);
      resolution = this.#computeSafely(directory, owned);
      inFolder.set(owned, resolution);
    }
    return resolution;
  }

  /**
   * What the file system cannot answer (a path through a file, a folder not to be read, a link
   * loop) leaves the module missing: the analysis goes on without it. Errors of the code itself
   * are not hidden.
   */
  #computeSafely(directory: string, specifier: string): Resolution {
    try {
      return this.#compute(directory, specifier);
    } catch (error) {
      if (isSystemError(error)) return MISSING;
      throw error;
    }
  }

  #compute(directory: string, specifier: string): Resolution {
    if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return EXTERNAL;
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
      // the same module is reached by many relative paths from many folders: resolved once by where they point
      const target = path.resolve(directory, specifier) + (specifier.endsWith('/') ? '/' : '');
      let resolution = this.#byTarget.get(target);
      if (!resolution) {
        resolution = this.#classify(this.#node(directory, specifier)) ?? this.#fromEnclosingFolder(directory, specifier) ?? MISSING;
        this.#byTarget.set(target, resolution);
      }
      return resolution;
    }
    // the folders of one package resolve a bare specifier alike: asked once per package (most files import the same packages)
    const matcher = this.#getPathsMatcher(directory) ?? null;
    const byPackage = getOrAdd(this.#bare, matcher, () => new Map<string, Map<string, Resolution>>());
    const inPackage = getOrAdd(byPackage, this.#getPackageFolder(directory), () => new Map<string, Resolution>());
    return getOrAdd(inPackage, specifier, () => this.#computeBare(directory, specifier, matcher ?? undefined));
  }

  #computeBare(directory: string, specifier: string, matcher: PathsMatcher | undefined): Resolution {
    for (const candidate of matcher?.(specifier) ?? []) {
      const found = this.#classify(this.#node(directory, candidate));
      if (found) return found;
    }
    if (!specifier.startsWith('#')) {
      const local = this.#workspaces.find(directory)?.findPackage(specifier) ?? this.#localDependencies.find(directory, specifier);
      if (local) return this.#workspaceEntry(local.package.folder, local.package.manifest, local.subpath) ?? MISSING;
      // a package the project depends on from the registry: no need to look for it on disk
      if (this.#localDependencies.isRegistryDependency(directory, specifier)) return EXTERNAL;
    }
    const installed = this.#node(directory, specifier);
    if (installed) return this.#classify(installed) ?? EXTERNAL;
    return specifier.startsWith('#') || PROJECT_ALIAS.test(specifier) ? MISSING : EXTERNAL;
  }

  /**
   * `../../shared/client/src/ServiceClient` that the checkout does not hold where it points: a
   * service built with its shared folder copied beside it (a Docker build from the repository's
   * root) imports it as if it sat inside the service. The same path below an enclosing folder of
   * the checkout is taken, the nearest first.
   */
  #fromEnclosingFolder(directory: string, specifier: string): Resolution | undefined {
    const match = /^((?:\.\.\/)+)(.+)$/.exec(specifier.replace(/\\/g, '/'));
    const rest = match?.[2];
    if (!match || !rest || !rest.includes('/') || rest.split('/').some((segment) => segment === '..' || segment === 'node_modules')) return undefined;
    const checkout = findCheckoutRoot(directory);
    let folder = path.dirname(path.resolve(directory, match[1]!));
    for (let level = 0; level < MAX_ENCLOSING_LEVELS && checkout !== undefined && isInside(folder, checkout); level += 1) {
      const found = this.#classify(this.#node(folder, `./${rest}`));
      if (found) return found;
      folder = path.dirname(folder);
    }
    return undefined;
  }

  #getPackageFolder(directory: string): string {
    let folder = this.#packageFolders.get(directory);
    if (folder === undefined) {
      const parent = path.dirname(directory);
      folder = readPackageJson(directory) !== undefined || parent === directory ? directory : this.#getPackageFolder(parent);
      this.#packageFolders.set(directory, folder);
    }
    return folder;
  }

  /** Node's resolution from a folder; undefined when nothing is found. */
  #node(directory: string, request: string): string | undefined {
    if (!this.#oxc) return undefined;
    try {
      const result = this.#oxc.sync(directory, request);
      return result.path ?? undefined;
    } catch {
      return undefined;
    }
  }

  #classify(file: string | undefined): Resolution | undefined {
    if (file === undefined) return undefined;
    if (/[\\/]node_modules[\\/]/.test(file)) return EXTERNAL;
    const source = toSource(file);
    return isParseableModule(source) ? { kind: 'file', path: source } : MISSING;
  }

  /** A workspace package's source entry (or a subpath of it), preferring sources over build output. */
  #workspaceEntry(folder: string, manifest: Readonly<Record<string, unknown>>, subpath: string): Resolution | undefined {
    const candidates = subpath
      ? [...getSubpathExports(manifest, subpath), `./${subpath}`, `./src/${subpath}`]
      : [...getEntryFields(manifest), './src/index', './index', './lib/index'];
    for (const candidate of candidates) {
      const found = this.#classify(this.#node(folder, candidate) ?? mapToSource(path.resolve(folder, candidate)));
      if (found?.kind === 'file') return found;
    }
    return undefined;
  }

  /** The `paths`/`baseUrl` matcher of the nearest tsconfig.json (or jsconfig.json), once per folder. */
  #getPathsMatcher(directory: string): PathsMatcher | undefined {
    let matcher = this.#matchers.get(directory);
    if (matcher === undefined) {
      const own = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(directory, name)).find((file) => fs.existsSync(file));
      const parent = path.dirname(directory);
      if (own) {
        try {
          const config = { path: own, config: parseTsconfig(own, this.#tsconfigCache as Map<string, never>) };
          matcher = createPathsMatcher(config);
        } catch {
          matcher = null; // a tsconfig that does not parse, or extends one that is not installed
        }
      } else {
        // the nearest config upward applies: found once per folder
        matcher = parent === directory ? null : (this.#getPathsMatcher(parent) ?? null);
      }
      this.#matchers.set(directory, matcher);
    }
    return matcher ?? undefined;
  }
}

/**
 * oxc-resolver, loaded when first needed: a platform without its native binding leaves every
 * import unknown instead of failing to load the plugin.
 */
function createNodeResolver(options: NapiResolveOptions): ResolverFactory | undefined {
  try {
    const { ResolverFactory: Factory } = createRequire(import.meta.url)('oxc-resolver') as typeof OxcResolver;
    return new Factory(options);
  } catch {
    return undefined;
  }
}

/** The conditions of an `exports` entry read, most source-like first. */
const EXPORT_CONDITIONS = ['source', 'development', 'import', 'require', 'node', 'default', 'types'];

/** The targets of one `exports` entry: a path, or a path per condition (`{ import: './src/client.ts' }`). */
function getExportTargets(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry.startsWith('.') ? entry : `./${entry}`];
  if (!isRecord(entry)) return [];
  return EXPORT_CONDITIONS.flatMap((condition) => getExportTargets(entry[condition]));
}

/**
 * What a package's `exports` map gives for a subpath: `"./client": "./src/public/client/index.ts"`
 * for `@shop/settlement/client`, or a pattern (`"./*": "./src/*.ts"`) filled in with it.
 */
function getSubpathExports(manifest: Readonly<Record<string, unknown>>, subpath: string): string[] {
  const exports = manifest.exports;
  if (!isRecord(exports)) return [];
  const exact = exports[`./${subpath}`];
  if (exact !== undefined) return getExportTargets(exact);
  for (const [key, entry] of Object.entries(exports)) {
    const star = key.indexOf('*');
    if (star === -1 || !key.startsWith('./')) continue;
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    const wanted = `./${subpath}`;
    if (!wanted.startsWith(prefix) || !wanted.endsWith(suffix) || wanted.length < prefix.length + suffix.length) continue;
    const filled = wanted.slice(prefix.length, wanted.length - suffix.length);
    return getExportTargets(entry).map((target) => target.replaceAll('*', filled));
  }
  return [];
}

/** Entry points a package.json names, most source-like first. */
function getEntryFields(manifest: Readonly<Record<string, unknown>>): string[] {
  const fields: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string') fields.push(value.startsWith('.') ? value : `./${value}`);
  };
  add(manifest.source);
  const exports = manifest.exports;
  const root = isRecord(exports) && '.' in exports ? exports['.'] : exports;
  if (typeof root === 'string') add(root);
  else if (isRecord(root)) for (const condition of EXPORT_CONDITIONS) add(root[condition]);
  add(manifest.module);
  add(manifest.main);
  add(manifest.types ?? manifest.typings);
  return fields;
}

/**
 * The source a build output or declaration comes from, when it sits beside it:
 * `pkg/dist/index.js` → `pkg/src/index.ts`, `pkg/dist/index.d.ts` → `pkg/src/index.ts`.
 */
function toSource(file: string): string {
  const mapped = mapToSource(file);
  return mapped ?? file;
}

function mapToSource(file: string): string | undefined {
  const isDeclaration = /\.d\.[cm]?ts$/.test(file);
  const parts = file.split(path.sep);
  const index = parts.findLastIndex((part) => BUILD_FOLDER.test(part));
  if (index === -1 && !isDeclaration) return undefined;
  const stems = new Set<string>();
  const strip = (name: string): string => name.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?[jt]sx?$/, '');
  if (index !== -1) {
    const rest = parts.slice(index + 1);
    const base = parts.slice(0, index).join(path.sep);
    const stem = [...rest.slice(0, -1), strip(rest.at(-1) ?? '')];
    // `tsc` with `outDir: dist` keeps the folders under the root dir: `dist/src/index.js` or `dist/index.js`
    stems.add(path.join(base, 'src', ...stem));
    stems.add(path.join(base, ...stem));
  }
  if (isDeclaration) stems.add(strip(file));
  for (const stem of stems) {
    for (const extension of ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx']) {
      if (fs.existsSync(stem + extension)) return stem + extension;
    }
  }
  return undefined;
}

/** An error of the operating system (`ENOTDIR`, `EACCES`, `ELOOP`…), not of the code. */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
