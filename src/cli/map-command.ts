/**
 * `durable-writes map [path]`: checks the input, lints with the plugin's rules, builds the
 * project model (services, callers, entry points), prints the map, and decides the exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MapArgs } from './args/parse.js';
import { findNewCalls, readBaseline } from './gate/baseline.js';
import { CallerGraph } from './callers/callers.js';
import { createFileResolver, loadProject } from './code/project.js';
import { ModuleResolver } from '../project/resolution/module-resolver.js';
import { WorkspaceFinder } from '../project/workspace/workspaces.js';
import { ReceiverFinder } from './routes/receivers.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from './errors.js';
import { listSourceFiles, toPosixRelative } from '../project/workspace/files.js';
import { FORMATTERS } from './format/index.js';
import type { CliIo } from './io.js';
import { lintForMap } from './lint/run.js';
import { buildMap } from './map/build.js';
import { allCalls } from './model/queries.js';
import { type MapCall, requestLabel } from './model/types.js';
import { detectServices } from './services/services.js';
import { locateExplicitTsconfig, planTypes } from './lint/tsconfigs.js';

const PREFIX = 'durable-writes map';

function describeCall(call: MapCall): string {
  return `${call.file}:${call.line}:${call.column}  ${call.rule}  ${call.from} → ${call.target.name}  ${requestLabel(call)}`;
}

export async function runMap(args: MapArgs, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, args.path);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new CliError(`${args.path}: no such folder`);
  const explicit = args.tsconfig === undefined ? undefined : locateExplicitTsconfig(args.tsconfig, io.cwd);
  const services = detectServices(root, args.config === undefined ? undefined : path.resolve(io.cwd, args.config));
  const baseline = args.baseline === undefined ? undefined : readBaseline(args.baseline, io.cwd);

  const files = listSourceFiles(root);
  if (files.length === 0) throw new CliError(`no JavaScript or TypeScript files in ${args.path} (node_modules, dist, build, coverage and hidden folders are left out)`);
  const showProgress = args.progress ?? io.stderr.isTTY === true;
  const progress = (text: string): void => {
    if (showProgress) io.stderr.write(`${PREFIX}: ${text}\n`);
  };
  const relative = (absolute: string): string => toPosixRelative(root, absolute);
  const types = planTypes(root, files, explicit, (file) => toPosixRelative(io.cwd, file) || '.');
  for (const problem of types.problems) {
    io.stderr.write(`${PREFIX}: warning: ${problem.message}; the files it would type are linted without types\n`);
  }
  const lint = await lintForMap({ root, files, owners: types.owners, onProgress: (done, total) => progress(`linted ${done}/${total} files`) });
  for (const skipped of lint.skipped) {
    io.stderr.write(`${PREFIX}: skipped ${skipped.file}:${skipped.line}:${skipped.column}: ${skipped.message}\n`);
  }
  if (lint.unread > 0) {
    io.stderr.write(`${PREFIX}: warning: ${lint.unread} message(s) did not match their rule's template; mapped with target "unknown"\n`);
  }

  let callers: CallerGraph | undefined;
  let receivers: ReceiverFinder | undefined;
  if (lint.findings.length > 0) {
    progress(`tracing the callers of ${lint.findings.length} findings (depth ${args.depth}) and the routes that receive them`);
    const resolver = new ModuleResolver(new WorkspaceFinder());
    const project = loadProject(root, files, resolver);
    callers = new CallerGraph(project, args.depth, relative);
    receivers = new ReceiverFinder({ project, services, resolveRequire: createFileResolver(root, resolver), relative });
  }
  const map = buildMap({
    root: toPosixRelative(io.cwd, root) || '.',
    types,
    depth: args.depth,
    findings: lint.findings,
    durable: lint.durable,
    skipped: lint.skipped,
    services,
    relative,
    files: files.map(relative),
    findReceiver: (target, method, requestPath) => receivers?.find(target, method, requestPath),
    routeLabelsAt: (file, line) => receivers?.routeLabelsAt(file, line),
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
