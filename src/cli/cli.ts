/** The `durable-writes` command: parses arguments, runs a command, turns errors into exit codes. */
import plugin from '../index.js';
import { parseCliArgs, USAGE } from './args/parse.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './errors.js';
import type { CliIo } from './io.js';
import { runMap } from './map-command.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (args.command === 'version') {
      io.stdout.write(`${plugin.meta.version}\n`);
      return EXIT_OK;
    }
    return await runMap(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`durable-writes: ${error.message}\n`);
      if (error.showUsage) io.stderr.write(`\n${USAGE}\n`);
      return error.exitCode;
    }
    io.stderr.write(`durable-writes: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  }
}
