/** Questions the formats ask of a coupling map: its calls, requests per edge, distinct call sites, durable calls. */
import { compareStrings, type CouplingMap, locationKey, type MapCall, type MapEdge } from './types.js';

/** Every call of the map, edge by edge. */
export function allCalls(map: CouplingMap): MapCall[] {
  return map.edges.flatMap((edge) => edge.calls);
}

/** The requests of an edge with the number of distinct call sites of each, sorted by request. */
export function countRequests(edge: MapEdge, label: (call: MapCall) => string): { request: string; count: number }[] {
  const sites = new Map<string, Set<string>>();
  for (const call of edge.calls) {
    const request = label(call);
    const set = sites.get(request) ?? new Set<string>();
    set.add(locationKey(call));
    sites.set(request, set);
  }
  return [...sites.entries()].map(([request, set]) => ({ request, count: set.size })).sort((a, b) => compareStrings(a.request, b.request));
}

/** Distinct call sites in the map (a call breaking two rules is one site). */
export function countCallSites(map: CouplingMap): number {
  return new Set(allCalls(map).map((call) => locationKey(call))).size;
}

/** The calls inside durable steps (the durable edges' calls): not findings, counted apart. */
export function countDurableCalls(map: CouplingMap): number {
  return map.durableEdges.reduce((sum, edge) => sum + edge.calls.length, 0);
}
