#!/usr/bin/env node
/** Entry point of the `durable-writes` bin (package.json `bin`). */
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
