/**
 * JavaScript a compiler wrote beside its TypeScript source (`tsc` without an `outDir`):
 * `billing.client.js` next to `billing.client.ts`. ESLint lints both; the write is the source's,
 * and reporting its compiled copy again is noise nobody can fix there.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The TypeScript sources a compiled file's extension comes from. */
const SOURCE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/**
 * What compilers leave in their output and people do not write: a source-map link, the
 * CommonJS interop flag, or a helper of TypeScript's emit (`var __awaiter = (this && this.__awaiter) || …`).
 */
const COMPILER_MARKS: readonly { readonly word: string; readonly pattern: RegExp }[] = [
  { word: 'sourceMappingURL', pattern: /^\/\/# sourceMappingURL=/m },
  { word: '__esModule', pattern: /Object\.defineProperty\(\s*exports\s*,\s*["']__esModule["']/ },
  { word: 'this.__', pattern: /^(?:var|const) __(?:awaiter|decorate|metadata|importDefault|importStar|createBinding|generator|param)\s*=\s*\(this && this\.__/m },
];

/** Whether a JavaScript file is a compiler's output whose TypeScript source sits beside it, by the same name. */
export function isCompiledTwin(fileName: string, text: string): boolean {
  const extension = path.extname(fileName);
  const sources = SOURCE_EXTENSIONS[extension];
  if (!sources) return false;
  // the source beside it first: asking the file system is cheaper than reading a long text
  const stem = fileName.slice(0, -extension.length);
  return sources.some((source) => fs.existsSync(stem + source)) && COMPILER_MARKS.some((mark) => text.includes(mark.word) && mark.pattern.test(text));
}
