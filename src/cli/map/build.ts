/**
 * Puts findings on the map: each finding's source service (the service whose folder holds its
 * file), its target (the service or broker the rule named), its entry points, grouped into
 * edges `from → to`. Everything is sorted so the same code always gives the same map.
 */
import type { CallerSearch } from '../callers/callers.js';
import {
  compareLocations,
  compareStrings,
  type CouplingMap,
  type Finding,
  locationKey,
  type MapCall,
  type MapEdge,
  type ServiceInfo,
  type Skipped,
  type TargetKind,
  UNASSIGNED,
} from '../model/types.js';
import { type ServiceModel, serviceOf } from '../services/services.js';

export interface MapInput {
  readonly root: string;
  readonly tsconfig: string;
  readonly depth: number;
  readonly findings: readonly Finding[];
  readonly skipped: readonly Skipped[];
  readonly services: ServiceModel;
  /** the linted files, relative to the root */
  readonly files: readonly string[];
  readonly typedFiles: number;
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
      entryPoints: item.search?.entryPoints ?? [],
      callersTruncated: item.search?.truncated ?? false,
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

  const sortedEdges: MapEdge[] = [...edges.values()].sort(
    (a, b) => compareStrings(a.from, b.from) || compareStrings(a.toKind, b.toKind) || compareStrings(a.to, b.to),
  );
  return {
    root: input.root,
    tsconfig: input.tsconfig,
    servicesFrom: input.services.source,
    services,
    edges: sortedEdges,
    skipped: [...input.skipped].sort((a, b) => compareLocations(a, b) || compareStrings(a.message, b.message)),
    files: { typed: input.typedFiles, untyped: input.files.length - input.typedFiles },
    depth: input.depth,
  };
}
