/** Running the built `durable-writes` command in tests. */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO_ROOT, 'dist/cli/main.js');
export const SHOP = path.join(REPO_ROOT, 'fixtures/shop');

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than src/ (`npm test` builds first, so CI never needs to). */
export function ensureBuilt(): void {
  const built = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0;
  if (built >= newestMtime(path.join(REPO_ROOT, 'src'))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli/main.js …args` in `cwd`; resolves with its exit code and output, never rejects on a non-zero exit. */
export function runCli(args: readonly string[], cwd = REPO_ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      if (!error) resolve({ code: 0, stdout, stderr });
      else if (typeof error.code === 'number') resolve({ code: error.code, stdout, stderr });
      else reject(new Error(`could not run the CLI: ${error.message}`));
    });
  });
}

const temporary: string[] = [];

/**
 * A copy of some folders of fixtures/shop (and its tsconfig) in a temporary folder, with
 * node_modules linked so imports resolve as in the original.
 */
export function copyShop(folders: readonly string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-map-'));
  temporary.push(root);
  fs.copyFileSync(path.join(SHOP, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  for (const folder of folders) fs.cpSync(path.join(SHOP, folder), path.join(root, folder), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** An empty temporary folder. */
export function emptyFolder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-map-'));
  temporary.push(root);
  return root;
}

export function removeTemporaryFolders(): void {
  for (const root of temporary.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}
