import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as users install it: a separate project whose eslint.config.js imports
 * `eslint-plugin-durable-writes` (the built dist/ through a node_modules link) and runs
 * ESLint's real CLI, with ESLint 10 and with ESLint 9.
 */
const root = path.resolve(import.meta.dirname, '../..');

const SERVICE = `import axios from 'axios';

export async function capture(orderId, amount) {
  await axios.post(process.env.PAYMENTS_SERVICE_URL + '/payments', { orderId, amount });
}
`;

const TYPED_SERVICE = `import axios from 'axios';

export async function capture(orderId: string, amount: number): Promise<void> {
  await axios.post(process.env.PAYMENTS_SERVICE_URL + '/payments', { orderId, amount });
}
`;

let project: string;

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` on a fresh clone builds here
  if (!existsSync(path.join(root, 'dist', 'index.js'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
  project = mkdtempSync(path.join(tmpdir(), 'durable-writes-consumer-'));
  mkdirSync(path.join(project, 'node_modules'));
  symlinkSync(root, path.join(project, 'node_modules', 'eslint-plugin-durable-writes'), 'dir');
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
  writeFileSync(path.join(project, 'service.js'), SERVICE);
  writeFileSync(
    path.join(project, 'eslint.config.js'),
    `import durableWrites from 'eslint-plugin-durable-writes';\n\nexport default [durableWrites.configs.recommended];\n`,
  );
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

function runEslint(cli: string, args: string[], cwd = project): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', cli, 'bin', 'eslint.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.each([
  ['ESLint 10', 'eslint', /^10\./],
  ['ESLint 9', 'eslint-v9', /^9\./],
])('%s CLI in a separate project', (_name, cli, version) => {
  it('runs the version it says', () => {
    expect(runEslint(cli, ['--version']).stdout.trim()).toMatch(new RegExp(`^v${version.source.slice(1)}`));
  });

  it('reports with the recommended config loaded from eslint.config.js', () => {
    const result = runEslint(cli, ['--format', 'json', 'service.js']);
    expect(result.stderr).toBe('');
    const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; column: number; severity: number }[] }[];
    expect(file?.messages).toEqual([
      expect.objectContaining({ ruleId: 'durable-writes/no-sync-critical-write', line: 4, column: 9, severity: 1 }),
    ]);
  });

  it('fails a CI gate with --max-warnings 0', () => {
    expect(runEslint(cli, ['--max-warnings', '0', 'service.js']).status).toBe(1);
  });
});

describe('loading', () => {
  /** JavaScript source of an expression that tells whether the process running it has loaded TypeScript (needs `require`). */
  const TYPESCRIPT_LOADED = 'Object.keys(require.cache).some((file) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(file))';

  it('does not load TypeScript until typed linting asks for it (JS-only projects need no TypeScript)', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      "const require = createRequire(import.meta.url);",
      "await import('eslint-plugin-durable-writes');",
      `process.stdout.write(String(${TYPESCRIPT_LOADED}));`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('false');
  });

  it('follows imports into JavaScript modules without loading TypeScript', () => {
    writeFileSync(path.join(project, 'settings.js'), "export const LEDGER_URL = process.env.LEDGER_SERVICE_URL ?? 'http://ledger:3000';\n");
    writeFileSync(
      path.join(project, 'transfers.js'),
      "import axios from 'axios';\nimport { LEDGER_URL } from './settings.js';\n\nexport async function transfer(from, to, amount) {\n  await axios.post(`${LEDGER_URL}/transfers`, { from, to, amount });\n}\n",
    );
    // told at exit whether the ESLint process loaded TypeScript
    writeFileSync(
      path.join(project, 'report-typescript.cjs'),
      `process.on('exit', () => process.stderr.write('typescript loaded: ' + ${TYPESCRIPT_LOADED}));\n`,
    );
    const result = spawnSync(
      process.execPath,
      ['--require', './report-typescript.cjs', path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', 'transfers.js'],
      { cwd: project, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('typescript loaded: false');
    const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string; message: string }[] }[];
    // the address came from the other module: the layer parsed it
    expect(file?.messages.map((message) => [message.ruleId, message.message.includes("to the 'ledger' service")])).toEqual([['durable-writes/no-sync-critical-write', true]]);
  });
});

describe('typed linting in a separate project', () => {
  let typed: string;

  beforeAll(() => {
    typed = mkdtempSync(path.join(tmpdir(), 'durable-writes-typed-'));
    mkdirSync(path.join(typed, 'node_modules'));
    for (const name of ['eslint-plugin-durable-writes', 'typescript-eslint', 'axios', 'typescript', '@types']) {
      const target = name === 'eslint-plugin-durable-writes' ? root : path.join(root, 'node_modules', name);
      symlinkSync(target, path.join(typed, 'node_modules', name), 'dir');
    }
    writeFileSync(path.join(typed, 'package.json'), JSON.stringify({ name: 'typed-consumer', type: 'module', private: true }));
    writeFileSync(
      path.join(typed, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', types: ['node'], noEmit: true }, include: ['*.ts'] }),
    );
    writeFileSync(path.join(typed, 'service.ts'), TYPED_SERVICE);
    writeFileSync(
      path.join(typed, 'eslint.config.js'),
      [
        "import durableWrites from 'eslint-plugin-durable-writes';",
        "import tseslint from 'typescript-eslint';",
        '',
        'export default [',
        "  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },",
        "  durableWrites.configs['recommended-type-checked'],",
        '];',
        '',
      ].join('\n'),
    );
  });

  afterAll(() => {
    rmSync(typed, { recursive: true, force: true });
  });

  it('reports through the type-checked config with ESLint 10', () => {
    const result = runEslint('eslint', ['--format', 'json', 'service.ts'], typed);
    expect(result.stderr).toBe('');
    const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(file?.messages).toEqual([expect.objectContaining({ ruleId: 'durable-writes/no-sync-critical-write', line: 4 })]);
  });
});
