/**
 * `--format json`: the map as a versioned document (docs/map.md describes every field). Also
 * the baseline format of `--fail-on new`. Bump `SCHEMA_VERSION` on any incompatible change.
 */
import { allCalls, countCallSites } from '../model/queries.js';
import type { CouplingMap, MapCall, Receiver } from '../model/types.js';

export const SCHEMA_VERSION = 2;

/** Versions whose findings `--baseline` can still read (the fields of a finding's key are the same). */
export const BASELINE_VERSIONS: readonly number[] = [1, 2];

export interface JsonCall {
  readonly rule: string;
  readonly messageId: string;
  readonly method: string | null;
  readonly path: string | null;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly evidence: string | null;
  readonly via: readonly string[];
  readonly dualWrite: { readonly send: string; readonly action: string; readonly dbWrite: string; readonly dbWriteLine: number } | null;
  readonly entryPoints: readonly { readonly kind: string; readonly label: string; readonly file: string; readonly line: number }[];
  readonly callersTruncated: boolean;
  readonly alsoReportedAt: readonly { readonly file: string; readonly line: number; readonly column: number; readonly via: readonly string[] }[];
  readonly receiver: JsonReceiver | null;
}

export interface JsonReceiver {
  readonly status: 'matched' | 'no-route' | 'outside-repository';
  readonly service: string;
  /** `no-route` only: how many routes the service has */
  readonly routes?: number;
  readonly handlers: readonly {
    readonly method: string;
    readonly path: string;
    readonly file: string;
    readonly line: number;
    readonly guardsDuplicates: boolean;
    readonly guards: readonly { readonly kind: string; readonly detail: string; readonly file: string; readonly line: number }[];
  }[];
}

function toJsonReceiver(receiver: Receiver | null): JsonReceiver | null {
  if (receiver === null) return null;
  if (receiver.status === 'matched') {
    return {
      status: receiver.status,
      service: receiver.service,
      handlers: receiver.handlers.map(({ method, path, file, line, guards }) => ({
        method,
        path,
        file,
        line,
        guardsDuplicates: guards.length > 0,
        guards: guards.map(({ kind, detail, file: guardFile, line: guardLine }) => ({ kind, detail, file: guardFile, line: guardLine })),
      })),
    };
  }
  if (receiver.status === 'no-route') return { status: receiver.status, service: receiver.service, routes: receiver.routes, handlers: [] };
  return { status: receiver.status, service: receiver.service, handlers: [] };
}

export interface JsonMap {
  readonly schemaVersion: number;
  readonly root: string;
  readonly tsconfigs: readonly { readonly file: string; readonly files: number }[];
  readonly servicesFrom: string;
  readonly services: readonly { readonly name: string; readonly paths: readonly string[]; readonly files: number }[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly toKind: string; readonly calls: readonly JsonCall[] }[];
  /** critical writes inside durable steps: not findings, not in the summary's counts, not read as a baseline */
  readonly durableEdges: readonly {
    readonly from: string;
    readonly to: string;
    readonly calls: readonly {
      readonly method: string;
      readonly path: string;
      readonly file: string;
      readonly line: number;
      readonly column: number;
      readonly evidence: string | null;
      readonly step: string;
    }[];
  }[];
  readonly skipped: readonly { readonly file: string; readonly line: number; readonly column: number; readonly message: string }[];
  readonly summary: {
    readonly files: { readonly typed: number; readonly untyped: number; readonly untypedBecause: Readonly<Record<string, number>> };
    readonly findings: number;
    readonly callSites: number;
    readonly byRule: Readonly<Record<string, number>>;
    readonly depth: number;
  };
}

function toJsonCall(call: MapCall): JsonCall {
  return {
    rule: call.rule,
    messageId: call.messageId,
    method: call.method,
    path: call.path,
    file: call.file,
    line: call.line,
    column: call.column,
    evidence: call.evidence,
    via: call.via,
    dualWrite: call.dualWrite,
    entryPoints: call.entryPoints.map(({ kind, label, file, line }) => ({ kind, label, file, line })),
    callersTruncated: call.callersTruncated,
    alsoReportedAt: call.alsoReportedAt.map(({ file, line, column, via }) => ({ file, line, column, via })),
    receiver: toJsonReceiver(call.receiver),
  };
}

export function toJsonMap(map: CouplingMap): JsonMap {
  const calls = allCalls(map);
  const byRule: Record<string, number> = {};
  for (const rule of [...new Set(calls.map((call) => call.rule))].sort()) byRule[rule] = calls.filter((call) => call.rule === rule).length;
  return {
    schemaVersion: SCHEMA_VERSION,
    root: map.root,
    tsconfigs: map.tsconfigs.map(({ file, files }) => ({ file, files })),
    servicesFrom: map.servicesFrom,
    services: map.services.map(({ name, paths, files }) => ({ name, paths, files })),
    edges: map.edges.map((edge) => ({ from: edge.from, to: edge.to, toKind: edge.toKind, calls: edge.calls.map(toJsonCall) })),
    durableEdges: map.durableEdges.map((edge) => ({
      from: edge.from,
      to: edge.to,
      calls: edge.calls.map(({ method, path, file, line, column, evidence, step }) => ({ method, path, file, line, column, evidence, step })),
    })),
    skipped: map.skipped.map(({ file, line, column, message }) => ({ file, line, column, message })),
    summary: { files: { typed: map.files.typed, untyped: map.files.untyped, untypedBecause: { ...map.files.untypedBecause } }, findings: calls.length, callSites: countCallSites(map), byRule, depth: map.depth },
  };
}

export function formatJson(map: CouplingMap): string {
  return `${JSON.stringify(toJsonMap(map), null, 2)}\n`;
}
