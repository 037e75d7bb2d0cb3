/**
 * The programs of the typed lint: one per tsconfig, holding that tsconfig's files, with the
 * declaration files (standard library, @types/node) parsed once and shared between them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/errors.js';
import { createTsconfigProgram, DeclarationCache } from '../../src/cli/lint/programs.js';
import { REPO_ROOT } from './helpers.js';

const PER_SERVICE = path.join(REPO_ROOT, 'fixtures/map/ts-per-service');

function ownFiles(program: ReturnType<typeof createTsconfigProgram>): string[] {
  return program
    .getRootFileNames()
    .map((file) => path.relative(PER_SERVICE, file).split(path.sep).join('/'))
    .sort();
}

describe('programs of the typed lint', () => {
  it("holds each tsconfig's own files and shares the declaration files between programs", () => {
    const cache = new DeclarationCache();
    const checkout = createTsconfigProgram(path.join(PER_SERVICE, 'checkout/tsconfig.json'), cache);
    const ledger = createTsconfigProgram(path.join(PER_SERVICE, 'ledger/tsconfig.json'), cache);
    expect(ownFiles(checkout)).toEqual(['checkout/src/clients/payments-client.ts', 'checkout/src/main.ts', 'checkout/src/routes/checkout.ts']);
    expect(ownFiles(ledger)).toEqual(['ledger/src/db.ts', 'ledger/src/main.ts']);
    expect(checkout.getSourceFile(path.join(PER_SERVICE, 'ledger/src/db.ts'))).toBeUndefined();

    const declarations = (program: typeof checkout) => program.getSourceFiles().filter((file) => file.isDeclarationFile);
    const shared = declarations(checkout).filter((file) => ledger.getSourceFile(file.fileName) === file);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.map((file) => path.basename(file.fileName))).toContain('lib.es2022.d.ts');
    expect(shared).toHaveLength(declarations(ledger).length);
  });

  it('reads a tsconfig the way the lint would, and says which one is unreadable', () => {
    const program = createTsconfigProgram(path.join(PER_SERVICE, 'payments/tsconfig.json'), new DeclarationCache());
    expect(program.getCompilerOptions().experimentalDecorators).toBe(true);
    expect(() => createTsconfigProgram(path.join(PER_SERVICE, 'missing/tsconfig.json'), new DeclarationCache())).toThrow(CliError);
  });
});
