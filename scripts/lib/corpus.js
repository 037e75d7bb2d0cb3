// Shared by scripts/check-corpus.js and bench/run.js: finding third-party source files,
// choosing the parser and `sourceType` for each, and building flat configs for ESLint's
// `Linter` so both instruments parse a file exactly the same way.
import tsParser from '@typescript-eslint/parser';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('eslint').Linter.Config} Config */
/** @typedef {import('eslint').Linter.LanguageOptions} LanguageOptions */
/** @typedef {import('eslint').Linter.LintMessage} LintMessage */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
export const MAX_FILE_BYTES = 1024 * 1024;

/** Extensions the instruments read, and the ones parsed with @typescript-eslint/parser. */
export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);

/** `files` patterns for every config object, so each file we pass is matched by the config array. */
const FILE_PATTERNS = SOURCE_EXTENSIONS.map((ext) => `**/*${ext}`);

/** Declarations (`.d.ts`, `.d.mts`, `.d.cts`) and minified bundles are not code anyone writes. */
const EXCLUDED_NAME = /\.d\.[cm]?ts$|\.min\.[cm]?js$/;

/** Directories never worth entering: executables' symlinks and tool caches. */
const SKIPPED_DIRS = new Set(['.bin', '.cache', '.git']);

/**
 * @typedef {object} SourceFile
 * @property {string} file absolute path
 * @property {string} rel path relative to the scanned root, with `/` separators
 * @property {number} size bytes
 */

/**
 * @typedef {object} Collected
 * @property {SourceFile[]} files eligible files, sorted by `rel`
 * @property {SourceFile[]} tooLarge files over `MAX_FILE_BYTES`, left out
 */

/** @returns {string} the name in this repository's package.json, whose own copy is skipped in node_modules */
export function ownPackageName() {
  const pkg = /** @type {{ name: string }} */ (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')));
  return pkg.name;
}

/**
 * Every source file under `root` with one of `extensions`, without following symlinks,
 * skipping declarations, minified files and any folder of this package itself.
 * @param {string} root
 * @param {{ extensions?: readonly string[], maxBytes?: number }} [options]
 * @returns {Collected}
 */
export function collectSourceFiles(root, { extensions = SOURCE_EXTENSIONS, maxBytes = MAX_FILE_BYTES } = {}) {
  const ownFolder = path.sep + path.join('node_modules', ...ownPackageName().split('/'));
  const wanted = new Set(extensions);
  /** @type {SourceFile[]} */
  const files = [];
  /** @type {SourceFile[]} */
  const tooLarge = [];
  /** @param {string} dir */
  const walk = (dir) => {
    /** @type {fs.Dirent[]} */
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        // node_modules/<own name> is this package (a link or an installed copy), not third-party code.
        if (full.endsWith(ownFolder)) continue;
        walk(full);
      } else if (entry.isFile()) {
        if (!wanted.has(path.extname(entry.name)) || EXCLUDED_NAME.test(entry.name)) continue;
        const { size } = fs.statSync(full);
        const item = { file: full, rel: path.relative(root, full).split(path.sep).join('/'), size };
        (size > maxBytes ? tooLarge : files).push(item);
      }
    }
  };
  walk(root);
  const byRel = (/** @type {SourceFile} */ a, /** @type {SourceFile} */ b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
  return { files: files.sort(byRel), tooLarge: tooLarge.sort(byRel) };
}

/** @type {Map<string, 'module' | 'commonjs'>} */
const packageTypeCache = new Map();

/**
 * The `type` of the nearest package.json, the way Node decides how to load a `.js` file.
 * @param {string} dir
 * @returns {'module' | 'commonjs'}
 */
export function packageType(dir) {
  const cached = packageTypeCache.get(dir);
  if (cached) return cached;
  const manifest = path.join(dir, 'package.json');
  const parent = path.dirname(dir);
  /** @type {'module' | 'commonjs'} */
  let type;
  if (fs.existsSync(manifest)) {
    try {
      const pkg = /** @type {{ type?: unknown }} */ (JSON.parse(fs.readFileSync(manifest, 'utf8')));
      type = pkg.type === 'module' ? 'module' : 'commonjs';
    } catch {
      type = 'commonjs';
    }
  } else {
    type = parent === dir ? 'commonjs' : packageType(parent);
  }
  packageTypeCache.set(dir, type);
  return type;
}

/**
 * One way of parsing a file: a parser plus its options.
 * @typedef {object} ParseVariant
 * @property {string} label e.g. `espree/module`, `typescript/commonjs`, `espree/module+jsx`
 * @property {LanguageOptions} languageOptions
 */

/**
 * The parse variants to try for a file, most likely first: the `sourceType` its extension or
 * package type implies, then the other of module/commonjs, then `script`; for JavaScript,
 * finally the first of them with JSX enabled.
 * @param {string} file
 * @returns {ParseVariant[]}
 */
export function parseVariants(file) {
  const ext = path.extname(file);
  const isTs = TS_EXTENSIONS.has(ext);
  /** @type {'module' | 'commonjs'} */
  let primary;
  if (ext === '.mjs' || ext === '.mts') primary = 'module';
  else if (ext === '.cjs' || ext === '.cts') primary = 'commonjs';
  // TypeScript sources use import/export whatever the package type; the compiler rewrites them.
  else if (isTs) primary = 'module';
  else primary = packageType(path.dirname(file));
  /** @type {('module' | 'commonjs' | 'script')[]} */
  const sourceTypes = [primary, primary === 'module' ? 'commonjs' : 'module', 'script'];
  /** @type {ParseVariant[]} */
  const variants = sourceTypes.map((sourceType) =>
    isTs
      ? { label: `typescript/${sourceType}`, languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType } }
      : { label: `espree/${sourceType}`, languageOptions: { ecmaVersion: 'latest', sourceType } },
  );
  if (!isTs) {
    variants.push({
      label: `espree/${primary}+jsx`,
      languageOptions: { ecmaVersion: 'latest', sourceType: primary, parserOptions: { ecmaFeatures: { jsx: true } } },
    });
  }
  return variants;
}

/**
 * A flat config array for `Linter#verify`: matches every source extension (including files
 * inside node_modules, which flat config ignores by default), uses the variant's parser, and
 * appends `extra` (plugin configs, rules).
 * @param {ParseVariant} variant
 * @param {readonly Config[]} extra
 * @returns {Config[]}
 */
export function buildConfig(variant, extra) {
  return [
    { ignores: ['!**/node_modules/'] },
    {
      files: FILE_PATTERNS,
      languageOptions: variant.languageOptions,
      linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    },
    ...extra,
  ];
}

/**
 * Third-party code carries `eslint-disable` comments and inline configs meant for its own
 * setup; they must not switch our rules off, so the instruments ignore all of them.
 * @param {string} filename
 * @returns {import('eslint').Linter.LintOptions & { filename: string }}
 */
export function verifyOptions(filename) {
  return { filename, allowInlineConfig: false };
}

/**
 * @param {LintMessage} message
 * @returns {boolean} whether the message is the Linter's report of a parser failure
 */
export function isParseError(message) {
  return message.fatal === true && message.ruleId === null && message.message.startsWith('Parsing error');
}

/** @param {number} bytes */
export function formatMB(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Minimal `--flag value` / `--switch` / positional argument parsing shared by both scripts.
 * @param {readonly string[]} argv
 * @param {readonly string[]} valueFlags flags that take a value, e.g. `--json`
 * @param {readonly string[]} [switches] flags without a value, e.g. `--no-stress`
 * @returns {{ flags: Map<string, string>, switches: Set<string>, positional: string[] }}
 */
export function parseArgs(argv, valueFlags, switches = []) {
  /** @type {Map<string, string>} */
  const flags = new Map();
  /** @type {Set<string>} */
  const on = new Set();
  /** @type {string[]} */
  const positional = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = /** @type {string} */ (argv[index]);
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = arg, inline] = arg.split('=', 2);
    if (switches.includes(name) && inline === undefined) {
      on.add(name);
      continue;
    }
    if (!valueFlags.includes(name)) throw new Error(`unknown option ${arg}`);
    const value = inline ?? argv[(index += 1)];
    if (value === undefined) throw new Error(`${name} needs a value`);
    flags.set(name, value);
  }
  return { flags, switches: on, positional };
}

/**
 * @param {string | undefined} value
 * @param {string} name
 * @returns {number | undefined}
 */
export function positiveInt(value, name) {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return number;
}
