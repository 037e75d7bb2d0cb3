/** Exit codes of the `durable-writes` command. */
export const EXIT_OK = 0;
/** `--fail-on` found what it was told to fail on. */
export const EXIT_FINDINGS = 1;
/** The command could not run: bad flags, a missing or broken tsconfig, an unreadable baseline. */
export const EXIT_USAGE = 2;

/** An error the user can fix; printed as one line, without a stack, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
    /** print the usage text after the message */
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
