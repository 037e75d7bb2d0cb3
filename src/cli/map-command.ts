/**
 * `durable-writes map [path]`: checks the input, lints with the plugin's rules, builds the
 * project model (services, callers, entry points), prints the map, and decides the exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MapArgs } from './args/parse.js';
import { findNewCalls, readBaseline } from './gate/baseline.js';
import { CallerGraph } from './callers/callers.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from './errors.js';
import { listSourceFiles, toPosixRelative } from '../project/workspace/files.js';
import { FORMATTERS } from './format/index.js';
import type { CliIo } from './io.js';
import { lintForMap } from './lint/run.js';
import { buildMap } from './map/build.js';
import { allCalls } from './model/queries.js';
import { type MapCall, requestLabel } from './model/types.js';
import { loadProject } from './code/project.js';
import { detectServices } from './services/services.js';
import { locateTsconfig, readTsconfigSet } from './lint/tsconfigs.js';

/** Above this many files, progress is shown even when stderr is not a terminal. */
export const PROGRESS_FILE_THRESHOLD = 50;

const PREFIX = 'durable-writes map';

function describeCall(call: MapCall): string {
  return `${call.file}:${call.line}:${call.column}  ${call.rule}  ${call.from} → ${call.target.name}  ${requestLabel(call)}`;
}

export async function runMap(args: MapArgs, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, args.path);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new CliError(`${args.path}: no such folder`);
  const tsconfigs = readTsconfigSet(locateTsconfig(root, args.tsconfig, io.cwd), io.cwd);
  const services = detectServices(root, args.config === undefined ? undefined : path.resolve(io.cwd, args.config));
  const baseline = args.baseline === undefined ? undefined : readBaseline(args.baseline, io.cwd);

  const files = listSourceFiles(root);
  const showProgress = args.progress ?? (io.stderr.isTTY === true || files.length > PROGRESS_FILE_THRESHOLD);
  const progress = (text: string): void => {
    if (showProgress) io.stderr.write(`${PREFIX}: ${text}\n`);
  };
  const typedFiles = new Set(files.filter((file) => tsconfigs.fileNames.has(file)));
  const lint = await lintForMap({
    root,
    files,
    typedFiles,
    tsconfigs: tsconfigs.all,
    onProgress: (done, total) => progress(`linted ${done}/${total} files`),
  });
  for (const skipped of lint.skipped) {
    io.stderr.write(`${PREFIX}: skipped ${skipped.file}:${skipped.line}:${skipped.column}: ${skipped.message}\n`);
  }
  if (lint.unread > 0) {
    io.stderr.write(`${PREFIX}: warning: ${lint.unread} message(s) did not match their rule's template; mapped with target "unknown"\n`);
  }

  const relative = (absolute: string): string => toPosixRelative(root, absolute);
  let callers: CallerGraph | undefined;
  if (lint.findings.length > 0) {
    progress(`tracing the callers of ${lint.findings.length} findings (depth ${args.depth})`);
    callers = new CallerGraph(loadProject(tsconfigs, root), args.depth, relative);
  }
  const map = buildMap({
    root: toPosixRelative(io.cwd, root) || '.',
    tsconfig: relative(tsconfigs.main),
    depth: args.depth,
    findings: lint.findings,
    skipped: lint.skipped,
    services,
    files: files.map(relative),
    typedFiles: lint.typed,
    searchCallers: (finding) => callers?.searchFrom(finding.absoluteFile, finding.line, finding.column),
  });
  io.stdout.write(FORMATTERS[args.format](map));
  for (const output of args.outputs) {
    const file = path.resolve(io.cwd, output.file);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, FORMATTERS[output.format](map));
    } catch (error) {
      throw new CliError(`--output ${output.format}=${output.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const calls = allCalls(map);
  if (baseline !== undefined) {
    const fresh = findNewCalls(calls, baseline);
    if (fresh.length === 0) {
      io.stderr.write(`${PREFIX}: no new findings (baseline ${args.baseline})\n`);
    } else {
      io.stderr.write(`${PREFIX}: ${fresh.length} new finding${fresh.length === 1 ? '' : 's'} not in the baseline ${args.baseline}:\n`);
      for (const call of fresh) io.stderr.write(`  ${describeCall(call)}\n`);
    }
    if (args.failOn === 'new') return fresh.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
  if (args.failOn === 'any' && calls.length > 0) {
    io.stderr.write(`${PREFIX}: --fail-on any: ${calls.length} finding${calls.length === 1 ? '' : 's'}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
