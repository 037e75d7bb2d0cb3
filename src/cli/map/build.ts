/**
 * Puts findings on the map: each finding's source service (the service whose folder holds its
 * file), its target (the service or broker the rule named), its entry points, grouped into
 * edges `from → to`. Everything is sorted so the same code always gives the same map.
 */
import type { CallerSearch } from '../callers/callers.js';
import {
  compareLocations,
  compareStrings,
  type FileCounts,
  type CouplingMap,
  type DurableCall,
  type Finding,
  locationKey,
  type MapCall,
  type EntryPoint,
  type MapEdge,
  type Receiver,
  type ServiceInfo,
  type Skipped,
  type TargetKind,
  UNASSIGNED,
  UNTYPED_REASONS,
  type UntypedReason,
} from '../model/types.js';
import type { TypePlan } from '../lint/tsconfigs.js';
import { type ServiceModel, serviceOf } from '../services/services.js';

export interface MapInput {
  readonly root: string;
  /** which tsconfig types each file, and why the others have no types */
  readonly types: TypePlan;
  readonly depth: number;
  readonly findings: readonly Finding[];
  /** critical writes inside durable steps: drawn as durable edges, not counted as findings */
  readonly durable?: readonly DurableCall[];
  readonly skipped: readonly Skipped[];
  readonly services: ServiceModel;
  /** absolute path → relative to the root */
  readonly relative: (absolute: string) => string;
  /** the linted files, relative to the root */
  readonly files: readonly string[];
  /** where a request lands in the repository; `undefined` when there is no project model */
  readonly findReceiver: (target: string, method: string, path: string) => Receiver | undefined;
  /** the full routes registered at a place, prefixes and mounts in other files joined; `undefined` when there is no project model */
  readonly routeLabelsAt: (file: string, line: number) => readonly string[] | undefined;
  /** caller search of a finding; `undefined` when there is no project model */
  readonly searchCallers: (finding: Finding) => CallerSearch | undefined;
}

interface Placed {
  readonly finding: Finding;
  readonly from: string;
  readonly search: CallerSearch | undefined;
}

function compareFindings(a: Finding, b: Finding): number {
  return compareLocations(a, b) || compareStrings(a.rule, b.rule) || compareStrings(a.messageId, b.messageId);
}

/**
 * With type information, the rule also reports a write at the call sites of the function
 * that makes it (`via`). Such a report is folded into the direct report it leads to — same
 * rule, source, target and method, and its place on that report's chain of callers — so the
 * map counts each write once. Prefers a direct report with the same path.
 */
function foldViaReports(placed: readonly Placed[]): Map<Placed, Placed[]> {
  const direct = placed.filter((item) => item.finding.via.length === 0);
  const folded = new Map<Placed, Placed[]>();
  for (const item of placed) {
    const { finding } = item;
    if (finding.via.length === 0) continue;
    const key = locationKey(finding);
    const candidates = direct.filter(
      (other) =>
        other.finding.rule === finding.rule &&
        other.from === item.from &&
        other.finding.target.name === finding.target.name &&
        other.finding.method === finding.method &&
        other.search?.callSites.has(key) === true,
    );
    const into = candidates.find((other) => other.finding.path === finding.path) ?? candidates[0];
    if (!into) continue;
    const list = folded.get(into) ?? [];
    list.push(item);
    folded.set(into, list);
  }
  return folded;
}

/**
 * Route entry points labelled with the route as the service serves it: the caller search
 * sees the registration and its own file, the route discovery also the mounts, prefixes,
 * global prefix and versions set elsewhere.
 */
function withFullRoutes(entryPoints: readonly EntryPoint[], input: MapInput): EntryPoint[] {
  const labelled = entryPoints.flatMap((entry) => {
    if (entry.kind !== 'route') return [entry];
    const method = entry.label.split(' ')[0];
    const labels = (input.routeLabelsAt(entry.file, entry.line) ?? []).filter((label) => label.split(' ')[0] === method);
    return labels.length > 0 ? labels.map((label) => ({ ...entry, label })) : [entry];
  });
  const unique = new Map(labelled.map((entry) => [`${entry.kind}|${entry.label}|${entry.file}|${entry.line}`, entry]));
  return [...unique.values()].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.label, b.label));
}

/** The receiving handler of a request to a service; `null` for a publish, or when the method, path or target is not known. */
function getReceiver(finding: Finding, input: MapInput): Receiver | null {
  if (finding.target.kind !== 'service' || finding.method === null || finding.path === null || finding.target.name === 'unknown') return null;
  return input.findReceiver(finding.target.name, finding.method, finding.path) ?? null;
}

function countTsconfigs(input: MapInput): CouplingMap['tsconfigs'] {
  const counts = new Map<string, number>();
  for (const tsconfig of input.types.owners.values()) counts.set(tsconfig, (counts.get(tsconfig) ?? 0) + 1);
  return [...counts.entries()]
    .map(([file, files]) => ({ file: input.relative(file), files }))
    .sort((a, b) => compareStrings(a.file, b.file));
}

function countFiles(types: TypePlan): FileCounts {
  const untypedBecause = Object.fromEntries(UNTYPED_REASONS.map((reason) => [reason, 0])) as Record<UntypedReason, number>;
  for (const reason of types.untyped.values()) untypedBecause[reason] += 1;
  return { typed: types.owners.size, untyped: types.untyped.size, untypedBecause };
}

export function buildMap(input: MapInput): CouplingMap {
  const placed: Placed[] = [...input.findings].sort(compareFindings).map((finding) => ({
    finding,
    from: serviceOf(finding.file, input.services) ?? UNASSIGNED,
    search: input.searchCallers(finding),
  }));
  const folded = foldViaReports(placed);
  const foldedAway = new Set([...folded.values()].flat());

  const edges = new Map<string, { from: string; to: string; toKind: TargetKind; calls: MapCall[] }>();
  for (const item of placed) {
    if (foldedAway.has(item)) continue;
    const { finding, from } = item;
    const key = `${from}\u0000${finding.target.kind}\u0000${finding.target.name}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = { from, to: finding.target.name, toKind: finding.target.kind, calls: [] };
      edges.set(key, edge);
    }
    edge.calls.push({
      ...finding,
      from,
      entryPoints: withFullRoutes(item.search?.entryPoints ?? [], input),
      callersTruncated: item.search?.truncated ?? false,
      receiver: getReceiver(finding, input),
      alsoReportedAt: (folded.get(item) ?? []).map(({ finding: via }) => ({ file: via.file, line: via.line, column: via.column, via: via.via })),
    });
  }

  const filesPerService = new Map<string, number>();
  for (const file of input.files) {
    const service = serviceOf(file, input.services);
    if (service !== undefined) filesPerService.set(service, (filesPerService.get(service) ?? 0) + 1);
  }
  const services: ServiceInfo[] = input.services.services.map((service) => ({
    name: service.name,
    paths: service.paths,
    files: filesPerService.get(service.name) ?? 0,
  }));

  const durableEdges = new Map<string, { from: string; to: string; calls: DurableCall[] }>();
  for (const call of [...(input.durable ?? [])].sort(compareLocations)) {
    const from = serviceOf(call.file, input.services) ?? UNASSIGNED;
    const key = `${from}\u0000${call.target.name}`;
    let edge = durableEdges.get(key);
    if (!edge) {
      edge = { from, to: call.target.name, calls: [] };
      durableEdges.set(key, edge);
    }
    edge.calls.push(call);
  }

  const sortedEdges: MapEdge[] = [...edges.values()].sort(
    (a, b) => compareStrings(a.from, b.from) || compareStrings(a.toKind, b.toKind) || compareStrings(a.to, b.to),
  );
  return {
    root: input.root,
    tsconfigs: countTsconfigs(input),
    servicesFrom: input.services.source,
    services,
    edges: sortedEdges,
    durableEdges: [...durableEdges.values()].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to)),
    skipped: [...input.skipped].sort((a, b) => compareLocations(a, b) || compareStrings(a.message, b.message)),
    files: countFiles(input.types),
    depth: input.depth,
  };
}
