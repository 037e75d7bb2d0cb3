/**
 * Which service each file belongs to. The first of these that finds any service wins:
 * 1. `durable-writes.config.json` in the root (or `--config`): `{ "services": { "<name>": ["glob", …] } }`;
 * 2. npm/yarn `workspaces` in package.json, or `packages:` in pnpm-workspace.yaml: each
 *    workspace package is a service, named by its package.json name without the scope;
 * 3. the folders `apps/*`, `services/*`, `packages/*` that hold source files;
 * 4. the top-level folders of the root that hold source files (not tests, docs or scripts);
 * 5. the root itself, one service named like its package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hasSourceFiles, isIgnoredFolder } from '../../project/workspace/files.js';
import { literalDepth, matchesGlobOrInside } from '../../project/workspace/glob.js';
import { expandFolderGlobs, isRecord, readPackageJson, readWorkspaceGlobs, type WorkspaceSource } from '../../project/workspace/workspaces.js';
import { CliError } from '../errors.js';

export const CONFIG_FILE = 'durable-writes.config.json';

export type ServicesSource = 'config' | WorkspaceSource | 'folders' | 'top-level' | 'root';

export interface ServiceDefinition {
  readonly name: string;
  /** folders or globs relative to the root, `/`-separated; `.` is the whole root */
  readonly paths: readonly string[];
}

export interface ServiceModel {
  readonly source: ServicesSource;
  /** sorted by name */
  readonly services: readonly ServiceDefinition[];
}

/** Conventional folders of services in a monorepo. */
const SERVICE_FOLDER_GLOBS = ['apps/*', 'services/*', 'packages/*'];

/** Top-level folders that hold code but are not services. */
const NOT_SERVICES: ReadonlySet<string> = new Set(['test', 'tests', '__tests__', '__mocks__', 'e2e', 'docs', 'scripts', 'tools']);

/** Top-level folders of a single-service repository. */
const CODE_FOLDERS: ReadonlySet<string> = new Set(['src', 'lib', 'app', 'server', 'source']);

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

/** `@acme/orders` → `orders`. */
export function unscopedName(name: string): string {
  return name.replace(/^@[^/]+\//, '');
}

function packageNameOf(folder: string): string | undefined {
  const name = readPackageJson(folder)?.name;
  return typeof name === 'string' && name.length > 0 ? unscopedName(name) : undefined;
}

function byName(a: ServiceDefinition, b: ServiceDefinition): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Services named after their folders' packages (else the folder); a name taken twice becomes the folder path. */
function servicesOfFolders(root: string, folders: readonly string[]): ServiceDefinition[] {
  const named = folders.map((folder) => ({ folder, name: packageNameOf(path.join(root, folder)) ?? path.posix.basename(folder) }));
  const counts = new Map<string, number>();
  for (const { name } of named) counts.set(name, (counts.get(name) ?? 0) + 1);
  return named.map(({ folder, name }) => ({ name: (counts.get(name) ?? 0) > 1 ? folder : name, paths: [folder] })).sort(byName);
}

function readConfigServices(file: string): ServiceDefinition[] {
  let json: unknown;
  try {
    json = readJson(file);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const services = isRecord(json) ? json.services : undefined;
  if (services === undefined) return [];
  if (!isRecord(services)) throw new CliError(`${file}: "services" must be an object of service name → list of globs`);
  return Object.entries(services)
    .map(([name, globs]) => {
      const list = typeof globs === 'string' ? [globs] : globs;
      if (!Array.isArray(list) || list.length === 0 || !list.every((glob) => typeof glob === 'string' && glob.length > 0)) {
        throw new CliError(`${file}: services.${name} must be a non-empty list of folder globs`);
      }
      return { name, paths: list as string[] };
    })
    .sort(byName);
}

/** Finds the services of the repository at `root`; `configFile` (absolute) overrides the default config location. */
export function detectServices(root: string, configFile?: string): ServiceModel {
  const config = configFile ?? path.join(root, CONFIG_FILE);
  if (configFile !== undefined && !fs.existsSync(configFile)) throw new CliError(`--config ${configFile}: no such file`);
  if (fs.existsSync(config)) {
    const services = readConfigServices(config);
    if (services.length > 0) return { source: 'config', services };
  }

  const workspaces = readWorkspaceGlobs(root);
  if (workspaces) {
    const folders = expandFolderGlobs(root, workspaces.globs, (folder) => fs.existsSync(path.join(root, folder, 'package.json')));
    if (folders.length > 0) return { source: workspaces.source, services: servicesOfFolders(root, folders) };
  }

  const conventional = expandFolderGlobs(root, SERVICE_FOLDER_GLOBS, (folder) => hasSourceFiles(path.join(root, folder)));
  if (conventional.length > 0) return { source: 'folders', services: servicesOfFolders(root, conventional) };

  const topLevel = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !isIgnoredFolder(entry.name) && !NOT_SERVICES.has(entry.name))
    .map((entry) => entry.name)
    .filter((name) => hasSourceFiles(path.join(root, name)))
    .sort();
  if (topLevel.length > 0 && !topLevel.every((name) => CODE_FOLDERS.has(name))) {
    return { source: 'top-level', services: servicesOfFolders(root, topLevel) };
  }

  return { source: 'root', services: [{ name: packageNameOf(root) ?? path.basename(path.resolve(root)), paths: ['.'] }] };
}

/** The service a file (relative to the root, `/`-separated) belongs to: the most specific match. */
export function serviceOf(relativeFile: string, model: ServiceModel): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const service of model.services) {
    for (const glob of service.paths) {
      const matches = glob === '.' || matchesGlobOrInside(relativeFile, glob);
      if (!matches) continue;
      const score = glob === '.' ? -1 : literalDepth(glob) * 10_000 + glob.length;
      if (!best || score > best.score) best = { name: service.name, score };
    }
  }
  return best?.name;
}
