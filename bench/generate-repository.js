// Generates a repository of about `files` source files from the fixtures, for the
// `map-1000` benchmark: copies of the fixtures/shop services (one tsconfig at the root types
// them), of the JavaScript services of fixtures/map/js-services (no tsconfig) and of the
// services of fixtures/map/ts-per-service (a tsconfig each), each copy a service folder of its
// own under `services/`. A durable-writes.config.json names the first copy of each service by
// the name the code calls it (`payments`, `ledger`, …; the first family to claim a name keeps
// it) and every other copy by its folder, so that requests find receiving handlers as in the
// fixtures. The repository's node_modules is linked in, so imports resolve as in the fixtures.
// Nothing is written outside the temporary folder it returns.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** @typedef {{ folder: string, services: string[], typedBy: 'root' | 'own' | 'none' }} Source */

/**
 * @param {string} repoRoot the plugin's repository (fixtures and node_modules are taken from it)
 * @param {number} wanted files to generate, at least
 * @returns {{ root: string, files: number, remove: () => void }}
 */
export function generateRepository(repoRoot, wanted) {
  /** @type {Source[]} */
  const sources = [
    { folder: path.join(repoRoot, 'fixtures/shop'), services: ['gateway', 'inventory', 'notifications', 'orders', 'payments'], typedBy: 'root' },
    { folder: path.join(repoRoot, 'fixtures/map/js-services'), services: ['inventory', 'orders', 'payments'], typedBy: 'none' },
    { folder: path.join(repoRoot, 'fixtures/map/ts-per-service'), services: ['checkout', 'ledger', 'payments'], typedBy: 'own' },
  ];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-map-bench-'));
  fs.mkdirSync(path.join(root, 'services'));
  fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify({ name: 'generated-shop', private: true }, null, 2)}\n`);
  const shopTsconfig = JSON.parse(fs.readFileSync(path.join(repoRoot, 'fixtures/shop/tsconfig.json'), 'utf8'));
  fs.writeFileSync(path.join(root, 'tsconfig.json'), `${JSON.stringify({ ...shopTsconfig, include: ['services/shop-*/**/*.ts'] }, null, 2)}\n`);
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');

  let files = 0;
  /** @type {Record<string, string[]>} */
  const services = {};
  for (let copy = 1; files < wanted; copy += 1) {
    for (const source of sources) {
      const prefix = path.basename(source.folder) === 'shop' ? 'shop' : path.basename(source.folder);
      for (const service of source.services) {
        const folder = `${prefix}-${String(copy).padStart(2, '0')}-${service}`;
        const target = path.join(root, 'services', folder);
        fs.cpSync(path.join(source.folder, service), target, { recursive: true });
        services[copy === 1 && !(service in services) ? service : folder] = [`services/${folder}`];
        files += countSources(target);
      }
    }
  }
  fs.writeFileSync(path.join(root, 'durable-writes.config.json'), `${JSON.stringify({ services }, null, 2)}\n`);
  return { root, files, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** @param {string} folder */
function countSources(folder) {
  let count = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) count += countSources(full);
    else if (/\.[cm]?[jt]sx?$/.test(entry.name)) count += 1;
  }
  return count;
}
