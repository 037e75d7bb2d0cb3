/**
 * Whether a file belongs to a front-end package: the nearest package.json depends on a UI
 * framework (or the package is a Vite app, built from its own `index.html`) and on no server
 * framework. A browser app calling its own back end is the user's request itself, not one
 * service calling another. In meta-frameworks (Next.js, Nuxt, SvelteKit, Remix, Astro) route
 * handlers, API folders and server modules are server code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileContext } from '../../analysis/code/file-context.js';
import { isBrowserCode } from '../../analysis/file-filter.js';
import { DATABASE_PACKAGES } from '../../catalog/databases.js';
import { toPosixRelative } from './files.js';
import { isCheckoutRoot, isRecord, readPackageJson, readWorkspaceGlobs } from './workspaces.js';

const UI_PACKAGES = [
  'react-dom', 'react-native', 'vue', '@angular/core', 'svelte', 'solid-js', 'preact', 'expo', '@ionic/core', '@ionic/react',
  '@ionic/angular', 'lit', 'alpinejs', 'ember-source', 'next', 'nuxt', '@sveltejs/kit', '@remix-run/react', 'astro', 'gatsby',
];
const SERVER_PACKAGES = ['express', 'fastify', 'koa', '@nestjs/core', '@hapi/hapi', 'hapi', 'hono', 'restify', 'polka', '@adonisjs/core', 'moleculer'];

/** Meta-frameworks whose apps hold server code beside the pages. */
const META_FRAMEWORKS = ['next', 'nuxt', '@sveltejs/kit', '@remix-run/react', '@remix-run/node', 'astro', 'gatsby'];

/**
 * Server code inside a meta-framework app: API routes, route handlers, server folders and
 * modules. Next.js server actions (`'use server'` modules, `app/…/actions.ts`) are not: only the
 * app's own pages call them, so what they send relays their user's own request, as the page's
 * code does.
 */
const SERVER_PATH =
  /(?:^|[\\/])(?:pages[\\/]api|server)[\\/]|(?:^|[\\/])(?:route|\+server|\+page\.server)\.[cm]?[jt]sx?$|\.server\.[cm]?[jt]sx?$|(?:^|[\\/])middleware\.[cm]?[jt]s$/;

interface PackageKind {
  readonly folder: string;
  /** the `name` of its package.json, or '' */
  readonly name: string;
  /** what it depends on, of any kind */
  readonly dependencies: readonly string[];
  readonly frontEnd: boolean;
  /** it depends on a server framework (express, fastify, NestJS, …): it serves requests */
  readonly server: boolean;
  /** a package that makes fake data and serves nothing: a seeder or load generator run against the system */
  readonly generator: boolean;
  /** a meta-framework app, whose server files are not front-end */
  readonly metaFramework: boolean;
  /** it depends on a database driver or ORM (see `DATABASE_PACKAGES`): it keeps data of its own */
  readonly database: boolean;
}

const kinds = new Map<string, PackageKind | null>();

/**
 * A file of a browser app: front-end code by its folder, file type or imports (`isBrowserCode`,
 * `relativePath` relative to the project or repository), or a file of a front-end package.
 */
export function isBrowserAppFile(fileName: string, relativePath: string, text: string): boolean {
  return isBrowserCode(relativePath, text) || isFrontEndPackageFile(fileName, text);
}

/** `isBrowserAppFile` of a project file the analysis holds (the linted one or one the project layer read). */
export function isBrowserAppContext(file: FileContext): boolean {
  return file.fileName !== undefined && isBrowserAppFile(file.fileName, file.relativePath ?? file.fileName, file.sourceCode.text);
}

export function isFrontEndPackageFile(fileName: string, text: string): boolean {
  if (!path.isAbsolute(fileName)) return false;
  const kind = findPackageKind(path.dirname(fileName));
  if (!kind?.frontEnd) return false;
  if (!kind.metaFramework) return true;
  const inPackage = path.relative(kind.folder, fileName);
  return !SERVER_PATH.test(inPackage) && !SERVER_ONLY_IMPORT.test(text);
}

/** An import of `server-only`: the module says it runs only on the server of a meta-framework app. */
const SERVER_ONLY_IMPORT = /\bimport\s+['"]server-only['"]/;

/** Libraries of fake data: a package that runs on them and serves nothing seeds or loads the system. */
const FAKE_DATA_PACKAGES = ['@faker-js/faker', 'faker', 'chance', 'casual'];

/**
 * Whether a file is a tool of the team rather than a service's code, by where it lies: a
 * data-generator package's, a script beside a workspace's root package.json, or a loose script
 * beside a service's. Both rules skip these, as they skip test files.
 */
export function isDeveloperScript(fileName: string): boolean {
  return isDataGeneratorPackageFile(fileName) || isWorkspaceRootFile(fileName) || isPackageRootScript(fileName);
}

/**
 * Whether a file belongs to a package that generates data against the system (its nearest
 * package.json depends at run time on a fake-data library, and on no server or UI framework):
 * like a seed script, a tool of the team, not a service.
 */
export function isDataGeneratorPackageFile(fileName: string): boolean {
  return path.isAbsolute(fileName) && findPackageKind(path.dirname(fileName))?.generator === true;
}

/**
 * The service a file belongs to, named from its package.json (its folder's name when the name
 * is empty): `3-ride-service` → `ride`, `@shop/payments-api` → `payments`. Only a package that
 * serves requests (it depends on a server framework) is a service: `@shop/payment-backend`
 * without one is a client library of the payment service, not that service. Undefined for a
 * workspace root, which names the whole system rather than one service, and when the package's
 * name and its folder's disagree (`delivery-service/package.json` named `order-service`, copied
 * from a sibling): which service it is cannot be told. The folder a repository is checked out
 * into is not compared: where a user keeps a checkout says nothing about the service.
 */
export function getServiceName(fileName: string): string | undefined {
  const kind = path.isAbsolute(fileName) ? findPackageKind(path.dirname(fileName)) : undefined;
  if (!kind?.server || isWorkspaceRoot(kind.folder)) return undefined;
  const declared = toServiceName(kind.name);
  // the folder a repository is checked out into is the user's choice: only folders inside it name a service
  const folder = isCheckoutRoot(kind.folder) ? undefined : toServiceName(path.basename(kind.folder));
  // a folder named for no service (`backend`, `server`, `app`) leaves the package's name to say it
  if (folder === undefined || GENERIC_FOLDERS.has(folder)) return declared;
  return declared === undefined || declared === folder ? folder : undefined;
}

/** Folder names that say where code is, not which service it is. */
const GENERIC_FOLDERS: ReadonlySet<string> = new Set(['backend', 'server', 'app', 'api', 'src', 'service', 'services', 'web', 'main']);

/** `3-ride-service` → `ride`, `@shop/payments-api` → `payments`. */
function toServiceName(name: string): string | undefined {
  const base = name.toLowerCase().replace(/^@[^/]+\//, '').replace(/^\d+[-_.]/, '');
  const stripped = base.replace(/[-_.](?:micro-?service|service|svc|api|server|app|backend|ms)$/, '');
  return (stripped || base) === '' ? undefined : stripped || base;
}

const workspaceRoots = new Map<string, boolean>();

function isWorkspaceRoot(folder: string): boolean {
  let root = workspaceRoots.get(folder);
  if (root === undefined) {
    root = (readWorkspaceGlobs(folder)?.globs.length ?? 0) > 0;
    workspaceRoots.set(folder, root);
  }
  return root;
}

/**
 * Whether a file sits at the top of a workspace monorepo, beside the package.json that lists
 * the workspaces (`verify.js`, `smoke.ts`, `load-orders.js`): the services are the workspaces,
 * and what lies beside them drives the system from outside, like a developer script.
 */
export function isWorkspaceRootFile(fileName: string): boolean {
  return path.isAbsolute(fileName) && isWorkspaceRoot(path.dirname(fileName));
}

/**
 * Whether a file is a developer's loose script at the top of a package that keeps its code in
 * `src/` (`verify_fresh_flow.cjs`, `check-orders.js`, `debug_reset.cjs` beside `package.json`): named
 * for trying, checking or fixing something by hand, it drives the service from outside, like a
 * test. The package's own entry (`main`) is never one.
 */
export function isPackageRootScript(fileName: string): boolean {
  if (!path.isAbsolute(fileName) || !SCRATCH_SCRIPT.test(path.basename(fileName))) return false;
  const folder = path.dirname(fileName);
  const manifest = readPackageJson(folder);
  if (!manifest || !fs.existsSync(path.join(folder, 'src'))) return false;
  return typeof manifest.main !== 'string' || path.resolve(folder, manifest.main) !== fileName;
}

/**
 * Names of scripts run by hand: a verb of trying or checking, then the rest of the name
 * (`verify_fresh_flow.cjs`); or a test or demo word anywhere in it (`create-test-user.js`).
 */
const SCRATCH_SCRIPT = /^(?:test|verify|check|debug|dump|reset|fix|try|tmp|temp)[-_]|(?:^|[-_])(?:test|demo|sample)(?:[-_.]|$)/i;

/** The folder of the service package a file belongs to: a package that serves requests, not a workspace root. */
export function getServicePackageFolder(fileName: string): string | undefined {
  const kind = path.isAbsolute(fileName) ? findPackageKind(path.dirname(fileName)) : undefined;
  return kind?.server && !isWorkspaceRoot(kind.folder) ? kind.folder : undefined;
}

/** The folder of the package a file belongs to (its nearest package.json), if any. */
export function getPackageFolder(fileName: string): string | undefined {
  return path.isAbsolute(fileName) ? findPackageKind(path.dirname(fileName))?.folder : undefined;
}

function findPackageKind(folder: string): PackageKind | undefined {
  const cached = kinds.get(folder);
  if (cached !== undefined) return cached ?? undefined;
  const manifest = readPackageJson(folder);
  let kind: PackageKind | undefined;
  if (manifest) {
    const dependencies = Object.keys({ ...asRecord(manifest.dependencies), ...asRecord(manifest.devDependencies), ...asRecord(manifest.peerDependencies) });
    const has = (names: readonly string[]): boolean => names.some((name) => dependencies.includes(name));
    const server = has(SERVER_PACKAGES);
    kind = {
      folder,
      name: typeof manifest.name === 'string' ? manifest.name : '',
      dependencies,
      frontEnd: !server && (has(UI_PACKAGES) || isWebAppFolder(folder)),
      server,
      generator: !server && !has(UI_PACKAGES) && Object.keys(asRecord(manifest.dependencies)).some((name) => FAKE_DATA_PACKAGES.includes(name)),
      metaFramework: has(META_FRAMEWORKS),
      database: dependencies.some((name) => DATABASE_PACKAGES.has(name)),
    };
  } else if (NEXT_CONFIGS.some((name) => fs.existsSync(path.join(folder, name)))) {
    // a Next.js app of a workspace that declares every dependency at its root (an Nx `apps/admin`): a package of its own
    kind = getWebAppWithoutManifest(folder, true);
  } else if (isPageAppFolder(folder)) {
    // a web app whose package.json the repository leaves out or keeps at its root: `client/public/index.html` beside `client/src/`
    kind = getWebAppWithoutManifest(folder, false);
  } else {
    const parent = path.dirname(folder);
    kind = parent === folder ? undefined : findPackageKind(parent);
  }
  kinds.set(folder, kind ?? null);
  return kind;
}

/** A web app's folder with no package.json of its own: a front-end package, its dependencies those of the package around it. */
function getWebAppWithoutManifest(folder: string, metaFramework: boolean): PackageKind {
  const parent = path.dirname(folder);
  const outer = parent === folder ? undefined : findPackageKind(parent);
  return { folder, name: path.basename(folder), dependencies: outer?.dependencies ?? [], frontEnd: true, server: false, generator: false, metaFramework, database: outer?.database ?? false };
}

/** Next.js's config files: the folder is a Next.js app, whether or not it has a package.json. */
const NEXT_CONFIGS = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'];

/** Vite's config files: beside an `index.html`, the package is a web app whose entry is that page. */
const VITE_CONFIGS = ['vite.config.ts', 'vite.config.js', 'vite.config.mts', 'vite.config.mjs', 'vite.config.cts', 'vite.config.cjs'];

/** A package built by Vite from its own `index.html` (its UI framework may be declared by the workspace root). */
function isWebAppFolder(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'index.html')) && VITE_CONFIGS.some((name) => fs.existsSync(path.join(folder, name)));
}

/**
 * A folder of browser code with no package.json of its own: its page (`public/index.html` as
 * Create React App keeps it, or an `index.html` beside a Vite config) and its `src/` folder. A
 * service serves no page of its own from beside its sources without a package.json to run it.
 */
function isPageAppFolder(folder: string): boolean {
  if (!fs.existsSync(path.join(folder, 'src'))) return false;
  return fs.existsSync(path.join(folder, 'public', 'index.html')) || isWebAppFolder(folder);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** Whether the package a file belongs to depends on a package whose name starts with `prefix` (`@temporalio/`). */
export function dependsOnPackage(fileName: string, prefix: string): boolean {
  if (!path.isAbsolute(fileName)) return false;
  return findPackageKind(path.dirname(fileName))?.dependencies.some((name) => name.startsWith(prefix)) ?? false;
}

/**
 * A gateway, a back end for front ends, or an admin back office: it relays what a client or an
 * operator asked to the services behind it, and answers them with the outcome.
 */
const GATEWAY = /(?:^|[-_@/.])(?:api-?gateway|gateway|gw|bff|backend-for-frontend|edge-?api|proxy)(?:[-_./]|$)/i;
/**
 * Services that act for an operator or a user through pages of their own (`admin-service`,
 * `dashboard`): named so as a whole, not a folder inside a service. One with a database of its
 * own is not a relay.
 */
const BACK_OFFICE = /(?:^|[-_@/.])(?:admin|back-?office|portal|dashboard)(?:[-_./]|$)/i;

/** Folders that hold one package per service: `services/cart`, `apps/gateway`. */
const SERVICE_COLLECTION = /^(?:services|microservices|apps)$/i;

const gateways = new Map<string, boolean>();

/**
 * Whether a file belongs to a gateway: its package (or, in a package holding several services,
 * a folder of it) is named like one (`api-gateway`, `gateway-service`, `web-bff`).
 */
export function isGatewayFile(fileName: string): boolean {
  if (!path.isAbsolute(fileName)) return false;
  const folder = path.dirname(fileName);
  let cached = gateways.get(folder);
  if (cached === undefined) {
    const kind = findPackageKind(folder);
    // a package is named by its package.json and its folder, except the folder of a checkout, which the user names;
    // a package in a folder of services (`services/cart`) is named by its folder: a package.json copied from the
    // gateway keeps the gateway's name
    // (the folder of services is the repository's own: not one where the user keeps a checkout)
    const folderName = kind && !isCheckoutRoot(kind.folder) ? path.basename(kind.folder) : '';
    const inServices =
      folderName !== '' && kind!.folder !== getRepositoryFolder(fileName) && SERVICE_COLLECTION.test(path.basename(path.dirname(kind!.folder)));
    const own = kind ? (inServices ? [folderName] : [folderName, kind.name]) : [];
    const inner = kind ? path.relative(kind.folder, folder).split(path.sep) : [];
    // in a package holding several services, the service folder is the first folder of the path
    const service = inner[0] !== undefined && !/^(?:src|lib|app)$/.test(inner[0]) ? [inner[0]] : [];
    // a back office that keeps a database of its own is a service like the others: it owns what it writes
    cached = [...own, ...inner].some((name) => GATEWAY.test(name)) || (kind?.database !== true && [...own, ...service].some((name) => BACK_OFFICE.test(name)));
    gateways.set(folder, cached);
  }
  return cached;
}

const repositories = new Map<string, string>();

/**
 * The folder whose modules may import a file: the checkout it belongs to (the nearest folder
 * holding `.git`), else the outermost folder of nested packages (a workspace's root). A library
 * of a workspace is imported by the services beside it, not only by its own package.
 */
export function getRepositoryFolder(fileName: string): string | undefined {
  const own = getPackageFolder(fileName);
  if (own === undefined) return undefined;
  let found = repositories.get(own);
  if (found === undefined) {
    found = own;
    for (let folder = own, steps = 0; steps < 12; steps += 1) {
      if (isCheckoutRoot(folder)) {
        found = folder;
        break;
      }
      if (fs.existsSync(path.join(folder, 'package.json'))) found = folder;
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    repositories.set(own, found);
  }
  return found;
}

/** A workspace library's folder, from the repository's root: `libs/booking/api-client/…`, `packages/payments-sdk/…`. */
const LIBRARY_FOLDER = /^(?:[^/]+\/)*(?:libs|packages)\//;

/**
 * Whether a file sits in a workspace library of its repository (see `LIBRARY_FOLDER`): not in a
 * package of its own that serves requests (`packages/mcp-server` depending on a server framework
 * is an app kept among the packages).
 */
export function isLibraryFile(fileName: string): boolean {
  const repository = path.isAbsolute(fileName) ? getRepositoryFolder(fileName) : undefined;
  if (repository === undefined || !LIBRARY_FOLDER.test(toPosixRelative(repository, fileName))) return false;
  const own = findPackageKind(path.dirname(fileName));
  if (own === undefined) return true;
  // a library without a manifest of its own (an Nx `libs/…` folder) is read up to the repository's, which declares everything
  const inside = path.relative(repository, own.folder);
  return inside === '' || inside.startsWith('..') || !own.server;
}

/**
 * A file's path inside its repository (see `getRepositoryFolder`), `/`-separated: what filters
 * that read folder names look at, so that where a checkout lives changes nothing. Undefined for
 * a file of no package.
 */
export function getRepositoryRelativePath(fileName: string): string | undefined {
  const repository = getRepositoryFolder(fileName);
  return repository === undefined ? undefined : toPosixRelative(repository, fileName);
}
