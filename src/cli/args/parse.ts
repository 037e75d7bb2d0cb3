/** Command-line parsing for `durable-writes`, with `node:util` `parseArgs`. */
import { parseArgs } from 'node:util';
import { CliError } from '../errors.js';

export const FORMATS = ['table', 'json', 'mermaid', 'markdown', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const FAIL_ON = ['any', 'new'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const DEFAULT_DEPTH = 6;

export interface MapArgs {
  readonly command: 'map';
  /** the folder to map, as given (default `.`) */
  readonly path: string;
  readonly format: Format;
  readonly tsconfig: string | undefined;
  readonly config: string | undefined;
  readonly depth: number;
  readonly failOn: FailOn | undefined;
  readonly baseline: string | undefined;
  /** `true`/`false` when forced with `--progress`/`--no-progress`; `undefined` decides by itself */
  readonly progress: boolean | undefined;
  /** more formats written to files in the same run (`--output json=map.json`) */
  readonly outputs: readonly { readonly format: Format; readonly file: string }[];
}

export type ParsedArgs = { readonly command: 'help' } | { readonly command: 'version' } | MapArgs;

export const USAGE = `Usage: durable-writes map [path] [options]

Maps the synchronous critical writes between the services of a repository: every
finding of eslint-plugin-durable-writes' rules, as an edge from the service that makes
the call to the service it calls, with the entry points (routes, consumers, scheduled
jobs) that reach it and the route handler of the repository that receives it.

Arguments:
  path                  folder to map (default: the current folder); JavaScript or TypeScript,
                        with one tsconfig, one per service, or none

Options:
  -f, --format <name>   table (default), json, mermaid, markdown or sarif, on stdout
  -o, --output <format>=<file>
                        also write that format to a file, e.g. -o json=map.json -o sarif=map.sarif
                        (repeatable; one analysis for all of them)
  -p, --tsconfig <file> tsconfig to try first for the TypeScript files it includes
                        (default: the nearest tsconfig.json of each file)
  -c, --config <file>   services mapping (default: <path>/durable-writes.config.json if present)
  -d, --depth <n>       how many callers up to look for entry points (default: ${DEFAULT_DEPTH})
      --fail-on <when>  exit 1 when there are findings: "any", or "new" (not in --baseline)
  -b, --baseline <file> JSON output of an earlier run; findings in it are not new
      --[no-]progress   force the progress lines on stderr on or off (default: on when
                        stderr is a terminal)
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 done (whatever was found, unless --fail-on), 1 --fail-on matched,
2 bad arguments, no source files, broken --tsconfig, unreadable baseline.

Docs: docs/map.md`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o', multiple: true },
  tsconfig: { type: 'string', short: 'p' },
  config: { type: 'string', short: 'c' },
  depth: { type: 'string', short: 'd' },
  'fail-on': { type: 'string' },
  baseline: { type: 'string', short: 'b' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function usageError(message: string): CliError {
  return new CliError(message, undefined, true);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function parseDepth(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DEPTH;
  const depth = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(depth)) throw usageError(`--depth must be a whole number (got "${value}")`);
  return depth;
}

function parseOutput(value: string): { format: Format; file: string } {
  const equals = value.indexOf('=');
  if (equals <= 0 || equals === value.length - 1) throw usageError(`--output must be <format>=<file>, e.g. json=map.json (got "${value}")`);
  return { format: oneOf(value.slice(0, equals), FORMATS, '--output format')!, file: value.slice(equals + 1) };
}

/** Parses `argv` (without node and the script); throws a `CliError` with exit code 2 on bad input. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    // Node's message goes on about positional arguments starting with '-': keep the first sentence.
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(message.replace(/\. To specify a positional argument[\s\S]*$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, path, ...extra] = positionals;
  if (command === undefined) throw usageError('missing command: the only command is "map"');
  if (command !== 'map') throw usageError(`unknown command "${command}": the only command is "map"`);
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}": map takes one folder`);

  const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on');
  if (failOn === 'new' && values.baseline === undefined) throw usageError('--fail-on new needs --baseline <file>');
  return {
    command: 'map',
    path: path ?? '.',
    format: oneOf(values.format, FORMATS, '--format') ?? 'table',
    tsconfig: values.tsconfig,
    config: values.config,
    depth: parseDepth(values.depth),
    failOn,
    baseline: values.baseline,
    progress: values.progress,
    outputs: (values.output ?? []).map(parseOutput),
  };
}
