/**
 * The ts-morph project of the mapped repository: the tsconfig's program and the projects it
 * references. Imports are resolved only to the repository's own files (real path inside the
 * mapped root or a tsconfig's folder, outside node_modules, so symlinked workspace packages
 * count): callers and entry points are found in the repository's code, and leaving out the
 * declarations of its dependencies makes the project several times cheaper to build and search.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Project, type ResolutionHostFactory, ts } from 'ts-morph';
import { CliError } from '../errors.js';
import type { TsconfigSet } from '../lint/tsconfigs.js';

/** Whether `file` (after following symlinks) lies in one of `folders` and not in a node_modules folder. */
export function isOwnFile(file: string, folders: readonly string[]): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return false;
  }
  return folders.some((folder) => {
    const relative = path.relative(folder, real);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
  });
}

function ownModulesOnly(folders: readonly string[]): ResolutionHostFactory {
  return (host, getCompilerOptions) => {
    const canonical = (name: string): string => (ts.sys.useCaseSensitiveFileNames ? name : name.toLowerCase());
    const cache = ts.createModuleResolutionCache(folders[0] ?? process.cwd(), canonical, getCompilerOptions());
    return {
      resolveModuleNames: (names, containingFile) =>
        names.map((name) => {
          const resolved = ts.resolveModuleName(name, containingFile, getCompilerOptions(), host, cache).resolvedModule;
          return resolved && isOwnFile(resolved.resolvedFileName, folders) ? resolved : undefined;
        }),
      resolveTypeReferenceDirectives: (names) => names.map(() => undefined),
    };
  };
}

export function loadProject(tsconfigs: TsconfigSet, root: string): Project {
  const folders = [...new Set([fs.realpathSync(root), ...tsconfigs.all.map((file) => fs.realpathSync(path.dirname(file)))])];
  try {
    const project = new Project({ tsConfigFilePath: tsconfigs.main, skipAddingFilesFromTsConfig: false, resolutionHost: ownModulesOnly(folders) });
    for (const reference of tsconfigs.all.slice(1)) project.addSourceFilesFromTsConfig(reference);
    return project;
  } catch (error) {
    throw new CliError(`ts-morph could not load ${tsconfigs.main}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
