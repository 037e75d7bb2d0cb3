/**
 * `--format mermaid`: a `graph LR` of the services. Services of the repository are boxes,
 * services it calls that live elsewhere are rounded, brokers (dual writes) are cylinders.
 * Each edge lists its requests with the number of call sites and the handlers that receive
 * them (guarded against duplicate deliveries or not); publishes are dotted. Writes inside
 * durable steps are thick edges labelled `durable`, apart from the findings' edges.
 */
import { countRequests } from '../model/queries.js';
import { compareStrings, type CouplingMap, type MapEdge, requestLabel, type TargetKind, UNASSIGNED } from '../model/types.js';

/** Words Mermaid reads as keywords when used as node ids. */
const RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'direction', 'style', 'class', 'classDef', 'click', 'linkStyle', 'default']);

/** Text inside `"…"` in Mermaid: quotes and markup characters as entity codes. */
export function escapeMermaidText(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** Node ids: letters, digits and `_`; not a keyword, not starting with a digit; unique. */
export class MermaidIds {
  private readonly ids = new Map<string, string>();
  private readonly taken = new Set<string>();

  get(key: string, name: string): string {
    const known = this.ids.get(key);
    if (known) return known;
    let base = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'node';
    if (/^\d/.test(base) || RESERVED.has(base.toLowerCase())) base = `n_${base}`;
    let id = base;
    for (let suffix = 2; this.taken.has(id); suffix += 1) id = `${base}_${suffix}`;
    this.ids.set(key, id);
    this.taken.add(id);
    return id;
  }
}

function nodeShape(id: string, name: string, kind: 'repository' | TargetKind): string {
  const text = `"${escapeMermaidText(name)}"`;
  if (kind === 'broker') return `${id}[(${text})]`;
  if (kind === 'service') return `${id}(${text})`;
  return `${id}[${text}]`;
}

/** ` → POST /payments (payments/src/payments.controller.ts:44, guarded)` for the handlers that receive a request of an edge. */
function describeReceivers(edge: MapEdge, request: string): string {
  const handlers = new Map<string, string>();
  for (const call of edge.calls) {
    if (requestLabel(call) !== request || call.receiver?.status !== 'matched') continue;
    for (const handler of call.receiver.handlers) {
      handlers.set(`${handler.method} ${handler.path} ${handler.file}:${handler.line}`, `${handler.method} ${handler.path} (${handler.file}:${handler.line}, ${handler.guards.length > 0 ? 'guarded' : 'not guarded'})`);
    }
  }
  return handlers.size > 0 ? ` → ${[...handlers.values()].sort().join(', ')}` : '';
}

export function formatMermaid(map: CouplingMap): string {
  const ids = new MermaidIds();
  const nodes = new Map<string, { name: string; kind: 'repository' | TargetKind }>();
  const serviceKey = (name: string) => `service:${name}`;
  for (const service of map.services) nodes.set(serviceKey(service.name), { name: service.name, kind: 'repository' });
  // durable edges always lead to a service
  const ends = [...map.edges, ...map.durableEdges.map((edge) => ({ from: edge.from, to: edge.to, toKind: 'service' as const }))];
  for (const edge of ends) {
    if (!nodes.has(serviceKey(edge.from))) nodes.set(serviceKey(edge.from), { name: edge.from, kind: edge.from === UNASSIGNED ? 'service' : 'repository' });
    const key = `${edge.toKind}:${edge.to}`;
    if (!nodes.has(key)) nodes.set(key, { name: edge.to, kind: edge.toKind });
  }

  const lines = ['graph LR'];
  const order = (kind: string) => (kind === 'repository' ? 0 : kind === 'service' ? 1 : 2);
  const sorted = [...nodes.entries()].sort(([, a], [, b]) => order(a.kind) - order(b.kind) || compareStrings(a.name, b.name));
  for (const [key, node] of sorted) lines.push(`  ${nodeShape(ids.get(key, node.name), node.name, node.kind)}`);
  for (const edge of map.edges) {
    const label = countRequests(edge, requestLabel)
      .map(({ request, count }) => escapeMermaidText(`${request} (${count})${describeReceivers(edge, request)}`))
      .join('<br/>');
    const arrow = edge.toKind === 'broker' ? '-.->' : '-->';
    lines.push(`  ${ids.get(serviceKey(edge.from), edge.from)} ${arrow}|"${label}"| ${ids.get(`${edge.toKind}:${edge.to}`, edge.to)}`);
  }
  for (const edge of map.durableEdges) {
    const counts = new Map<string, number>();
    for (const call of edge.calls) counts.set(`${call.method} ${call.path}`, (counts.get(`${call.method} ${call.path}`) ?? 0) + 1);
    const label = [...counts.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([request, count]) => escapeMermaidText(`durable ${request} (${count})`))
      .join('<br/>');
    lines.push(`  ${ids.get(serviceKey(edge.from), edge.from)} ==>|"${label}"| ${ids.get(serviceKey(edge.to), edge.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
