/**
 * The command's folders are layers: a file imports only from its own folder and the layers
 * below it, never from a layer above. The order is written here once; a new folder must be
 * placed in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.js';

const CLI = path.join(REPO_ROOT, 'src/cli');

/** Lowest first. Top-level files other than errors.ts and io.ts form the command layer. */
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts', 'io.ts'],
  ['args', 'model'],
  ['code', 'services', 'lint'],
  ['callers', 'routes'],
  ['map'],
  ['format'],
  ['gate'],
  ['command'],
];

function layerOf(relative: string): number {
  const [first = ''] = relative.split('/');
  const name = relative.includes('/') ? first : relative;
  const index = LAYERS.findIndex((layer) => layer.includes(name));
  return index === -1 ? LAYERS.length - 1 : index;
}

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('src/cli layers', () => {
  const files = sourceFiles(CLI);

  it('every folder of src/cli has a place in the layer order', () => {
    const folders = fs.readdirSync(CLI, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    for (const folder of folders) expect(LAYERS.flat(), `src/cli/${folder}`).toContain(folder);
  });

  it.each(files.map((file) => [path.relative(CLI, file).split(path.sep).join('/'), file]))('%s imports nothing from a higher layer', (relative, file) => {
    const own = layerOf(relative);
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = path.relative(CLI, path.resolve(path.dirname(file), match[1] ?? '')).split(path.sep).join('/');
      if (target.startsWith('..')) continue; // the plugin itself (src/analysis, src/project, …) sits below the command
      const imported = target.replace(/\.js$/, '.ts');
      expect(layerOf(imported), `${relative} imports ${imported}`).toBeLessThanOrEqual(own);
    }
  });
});
