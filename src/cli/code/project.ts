/**
 * The ts-morph project of the mapped repository, for the questions about the whole code base
 * (callers, entry points, routes): every source file of the folder, JavaScript included,
 * whatever tsconfigs there are or are not. Imports are resolved by the plugin's own module
 * resolver (relative paths, the nearest tsconfig's `paths`, package.json `imports`,
 * workspace packages by name), to the repository's own files only: callers and routes are in
 * the repository's code, and leaving out the declarations of its dependencies makes the
 * project several times cheaper to build and search.
 */
import path from 'node:path';
import { Project, type ResolutionHostFactory, ts } from 'ts-morph';
import type { ModuleResolver } from '../../project/resolution/module-resolver.js';
import { CliError } from '../errors.js';

const EXTENSIONS: Readonly<Record<string, ts.Extension>> = {
  '.ts': ts.Extension.Ts,
  '.tsx': ts.Extension.Tsx,
  '.mts': ts.Extension.Mts,
  '.cts': ts.Extension.Cts,
  '.js': ts.Extension.Js,
  '.jsx': ts.Extension.Jsx,
  '.mjs': ts.Extension.Mjs,
  '.cjs': ts.Extension.Cjs,
};

/** Whether `file` lies inside `root`, outside any node_modules folder. */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
}

function ownModulesOnly(root: string, resolver: ModuleResolver): ResolutionHostFactory {
  const resolve = createFileResolver(root, resolver);
  return () => ({
    resolveModuleNames: (names, containingFile) =>
      names.map((name) => {
        const file = resolve(containingFile, name);
        const extension = file === undefined ? undefined : EXTENSIONS[path.extname(file)];
        return file === undefined || extension === undefined ? undefined : { resolvedFileName: file, extension, isExternalLibraryImport: false };
      }),
    resolveTypeReferenceDirectives: (names) => names.map(() => undefined),
  });
}

/** Resolves an import or `require` specifier from a file to a source file of the repository under `root`. */
export function createFileResolver(root: string, resolver: ModuleResolver): (fromFile: string, specifier: string) => string | undefined {
  return (fromFile, specifier) => {
    const resolution = resolver.resolve(fromFile, specifier);
    return resolution.kind === 'file' && isInside(root, resolution.path) ? resolution.path : undefined;
  };
}

/** A project of `files` (absolute), all of them under `root`, with imports resolved by `resolver`. */
export function loadProject(root: string, files: readonly string[], resolver: ModuleResolver): Project {
  try {
    const project = new Project({
      compilerOptions: {
        allowJs: true,
        checkJs: false,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        jsx: ts.JsxEmit.Preserve,
        experimentalDecorators: true,
        noLib: true,
        types: [],
      },
      skipFileDependencyResolution: true,
      resolutionHost: ownModulesOnly(root, resolver),
    });
    for (const file of files) project.addSourceFileAtPath(file);
    return project;
  } catch (error) {
    throw new CliError(`ts-morph could not load the sources of ${root}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
