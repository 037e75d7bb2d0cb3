/**
 * `--baseline FILE`: the JSON output of an earlier run. A finding is new when the baseline
 * has no unused finding with the same key — rule, file, source and target service, method,
 * path — counted as a multiset, so lines may move and a second identical call is still new.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from '../errors.js';
import { BASELINE_VERSIONS, SCHEMA_VERSION } from '../format/json.js';
import { compareLocations, type MapCall } from '../model/types.js';

export interface KeyFields {
  readonly rule: string;
  readonly file: string;
  readonly from: string;
  readonly to: string;
  readonly method: string | null;
  readonly path: string | null;
}

export function baselineKey(fields: KeyFields): string {
  return JSON.stringify([fields.rule, fields.file, fields.from, fields.to, fields.method, fields.path]);
}

export function callKeyFields(call: MapCall): KeyFields {
  return { rule: call.rule, file: call.file, from: call.from, to: call.target.name, method: call.method, path: call.path };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** The keys of the findings of a baseline file (with repeats); a `CliError` when it cannot be used. */
export function readBaseline(file: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(absolute, 'utf8')) as unknown;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(error as Error).message})`;
    throw new CliError(`--baseline ${file}: ${reason}`);
  }
  if (!isRecord(json) || !BASELINE_VERSIONS.includes(json.schemaVersion as number) || !Array.isArray(json.edges)) {
    throw new CliError(`--baseline ${file}: not the output of \`durable-writes map --format json\` (schemaVersion ${SCHEMA_VERSION})`);
  }
  const keys: string[] = [];
  for (const edge of json.edges as unknown[]) {
    if (!isRecord(edge) || typeof edge.from !== 'string' || typeof edge.to !== 'string' || !Array.isArray(edge.calls)) {
      throw new CliError(`--baseline ${file}: an edge lacks "from", "to" or "calls"`);
    }
    for (const call of edge.calls as unknown[]) {
      if (!isRecord(call) || typeof call.rule !== 'string' || typeof call.file !== 'string' || !isNullableString(call.method) || !isNullableString(call.path)) {
        throw new CliError(`--baseline ${file}: a call lacks "rule", "file", "method" or "path"`);
      }
      keys.push(baselineKey({ rule: call.rule, file: call.file, from: edge.from, to: edge.to, method: call.method, path: call.path }));
    }
  }
  return keys;
}

/** The calls that the baseline does not account for, in file order. */
export function findNewCalls(calls: readonly MapCall[], baselineKeys: readonly string[]): MapCall[] {
  const remaining = new Map<string, number>();
  for (const key of baselineKeys) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  const fresh: MapCall[] = [];
  for (const call of [...calls].sort(compareLocations)) {
    const key = baselineKey(callKeyFields(call));
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else fresh.push(call);
  }
  return fresh;
}
