/** What the command reads and writes, so tests can run it in-process. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly cwd: string;
  readonly stdout: Output;
  readonly stderr: Output;
}
