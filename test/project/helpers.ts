/**
 * Shared pieces of the project-layer tests: the cross-file fixture projects, and small
 * projects written to temporary folders (removed after each test file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** fixtures/cross-file: js-cjs, js-esm, ts, monorepo. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/cross-file');

/** A file of a fixture project, absolute: `fixture('ts', 'src/config/configuration.ts')`. */
export function fixture(project: string, file: string): string {
  return path.join(FIXTURES, project, file);
}

const temporary: string[] = [];

afterAll(() => {
  for (const root of temporary.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** Writes `files` (relative path → text; an object is written as JSON) under a new temporary folder and returns its real path. */
export function writeProject(files: Readonly<Record<string, string | object>>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dw-project-')));
  temporary.push(root);
  for (const [file, content] of Object.entries(files)) writeFile(root, file, content);
  return root;
}

/** Writes one file of a temporary project, creating its folders. */
export function writeFile(root: string, file: string, content: string | object): string {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return full;
}

/** Sets a file's modification time `seconds` later than it is, so a change is seen even within one clock tick. */
export function touchLater(file: string, seconds = 10): void {
  const stat = fs.statSync(file);
  const later = new Date(stat.mtimeMs + seconds * 1000);
  fs.utimesSync(file, later, later);
}
