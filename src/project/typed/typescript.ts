/**
 * The `typescript` module typescript-eslint itself loaded, so that symbols and flags read
 * from the user's program come from the same TypeScript version that built it. Loaded only
 * when typed analysis runs.
 */
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

let loaded: typeof TypeScript | undefined;

export function getTypeScript(): typeof TypeScript {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const estree = require.resolve('@typescript-eslint/typescript-estree');
    loaded = createRequire(estree)('typescript') as typeof TypeScript;
  }
  return loaded;
}
