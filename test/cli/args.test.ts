import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPTH, parseCliArgs } from '../../src/cli/args/parse.js';
import { CliError } from '../../src/cli/errors.js';

describe('parseCliArgs', () => {
  it('defaults: current folder, table, depth 6, no gate', () => {
    expect(parseCliArgs(['map'])).toEqual({
      command: 'map',
      path: '.',
      format: 'table',
      tsconfig: undefined,
      config: undefined,
      depth: DEFAULT_DEPTH,
      failOn: undefined,
      baseline: undefined,
      progress: undefined,
      outputs: [],
    });
  });

  it('reads every flag, short and long', () => {
    expect(
      parseCliArgs(['map', 'services', '-f', 'json', '-p', 'tsconfig.app.json', '-c', 'dw.json', '-d', '3', '--fail-on', 'new', '-b', 'base.json', '--no-progress', '-o', 'sarif=out/map.sarif', '--output', 'mermaid=map.mmd']),
    ).toEqual({
      command: 'map',
      path: 'services',
      format: 'json',
      tsconfig: 'tsconfig.app.json',
      config: 'dw.json',
      depth: 3,
      failOn: 'new',
      baseline: 'base.json',
      progress: false,
      outputs: [
        { format: 'sarif', file: 'out/map.sarif' },
        { format: 'mermaid', file: 'map.mmd' },
      ],
    });
  });

  it('help and version win over everything else', () => {
    expect(parseCliArgs(['map', '--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['-v'])).toEqual({ command: 'version' });
  });

  it.each([
    [['map', '--bogus'], /Unknown option '--bogus'$/],
    [['map', '--format', 'xml'], /--format must be one of table, json, mermaid, markdown, sarif \(got "xml"\)/],
    [['map', '--depth', 'deep'], /--depth must be a whole number/],
    [['map', '--fail-on', 'some'], /--fail-on must be one of any, new/],
    [['map', '--fail-on', 'new'], /--fail-on new needs --baseline <file>/],
    [['map', '-o', 'json'], /--output must be <format>=<file>/],
    [['map', 'a', 'b'], /unexpected argument "b"/],
    [['lint'], /unknown command "lint"/],
    [[], /missing command/],
  ])('%j is a usage error (exit 2)', (argv, message) => {
    let error: unknown;
    try {
      parseCliArgs(argv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).showUsage).toBe(true);
    expect((error as CliError).message).toMatch(message);
  });
});
