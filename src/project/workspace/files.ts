/** The source files of the mapped folder, found by walking it (no globbing library), and reading one. */
import fs from 'node:fs';
import path from 'node:path';

export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
export const TYPESCRIPT_EXTENSIONS: ReadonlySet<string> = new Set(['.ts', '.tsx', '.mts', '.cts']);

/** Folders never mapped: dependencies and build output. Hidden folders (`.git`, `.next`) are skipped too. */
export const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'coverage']);

const DECLARATION_OR_MINIFIED = /\.d\.[cm]?ts$|\.min\.[cm]?js$/;

export function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(name)) && !DECLARATION_OR_MINIFIED.test(name);
}

export function isIgnoredFolder(name: string): boolean {
  return name.startsWith('.') || IGNORED_FOLDERS.has(name);
}

/** `path.relative` with `/` separators. */
export function toPosixRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Every source file under `root`, absolute, sorted by relative path; symlinks are not followed. */
export function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!isIgnoredFolder(entry.name)) walk(full);
      } else if (entry.isFile() && isSourceFile(entry.name)) {
        files.push(full);
      }
    }
  };
  walk(root);
  return files;
}

/** Whether `folder` holds at least one source file, at any depth (ignored folders aside). */
export function hasSourceFiles(folder: string): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (entry.isFile() && isSourceFile(entry.name)) return true;
  }
  return entries.some((entry) => entry.isDirectory() && !isIgnoredFolder(entry.name) && hasSourceFiles(path.join(folder, entry.name)));
}

/**
 * A path's stats, or undefined when it cannot be asked: missing, or under a path that is a file
 * (`shared/pkg-1.0.0.tgz/package.json` for a dependency installed from a tarball), or unreadable.
 */
export function statPath(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** A file's text, unless it cannot be read (missing, a folder) or is larger than `maxBytes`. */
export function readTextFile(file: string, maxBytes: number): string | undefined {
  try {
    return fs.statSync(file).size <= maxBytes ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
