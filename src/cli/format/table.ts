/**
 * The default output: the edges between services with their requests and call counts, then
 * one row per finding with its place and entry points, then a summary line.
 */
import { allCalls, countCallSites, countRequests } from '../model/queries.js';
import { type CouplingMap, type EntryPoint, type MapCall, requestLabel } from '../model/types.js';
import { renderColumns } from './text-table.js';

function describeEntryPoint(entry: EntryPoint): string {
  const kind = entry.kind === 'route' ? '' : `${entry.kind} `;
  return `${kind}${entry.label} (${entry.file}:${entry.line})`;
}

function describeEntryPoints(call: MapCall, depth: number): string {
  const more = call.callersTruncated ? ` (more callers past --depth ${depth})` : '';
  if (call.entryPoints.length === 0) return call.callersTruncated ? `(none within --depth ${depth})` : '(none found)';
  return call.entryPoints.map(describeEntryPoint).join(', ') + more;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatSummary(map: CouplingMap): string {
  const calls = allCalls(map);
  const byRule = new Map<string, number>();
  for (const call of calls) byRule.set(call.rule, (byRule.get(call.rule) ?? 0) + 1);
  const rules = [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, count]) => `${rule} ${count}`);
  const folded = calls.reduce((sum, call) => sum + call.alsoReportedAt.length, 0);
  const files = map.files.typed + map.files.untyped;
  return (
    `${plural(map.services.length, 'service')}, ${plural(map.edges.length, 'edge')}, ` +
    `${plural(countCallSites(map), 'call site')}, ${plural(calls.length, 'finding')}` +
    `${rules.length > 0 ? ` (${rules.join(', ')})` : ''}` +
    `${folded > 0 ? `, ${folded} typed ${folded === 1 ? 'report' : 'reports'} at call sites folded in` : ''}; ` +
    `${plural(files, 'file')} linted (${map.files.typed} with types), ${map.skipped.length} skipped`
  );
}

export function formatTable(map: CouplingMap): string {
  const lines: string[] = [`durable-writes map of ${map.root} (services from ${map.servicesFrom}: ${map.services.map((service) => service.name).join(', ') || 'none'})`, ''];

  if (map.edges.length === 0) {
    lines.push('No synchronous critical writes or dual writes between services.');
  } else {
    const edgeRows: string[][] = [['FROM → TO', 'REQUEST', 'CALLS']];
    for (const edge of map.edges) {
      countRequests(edge, requestLabel).forEach(({ request, count }, index) => {
        edgeRows.push([index === 0 ? `${edge.from} → ${edge.to}` : '', request, String(count)]);
      });
    }
    lines.push(...renderColumns(edgeRows, new Set([2])), '');

    const findingRows: string[][] = [['AT', 'RULE', 'FROM → TO', 'REQUEST', 'ENTRY POINTS']];
    for (const edge of map.edges) {
      for (const call of edge.calls) {
        findingRows.push([`${call.file}:${call.line}`, call.rule, `${edge.from} → ${edge.to}`, requestLabel(call), describeEntryPoints(call, map.depth)]);
      }
    }
    lines.push(...renderColumns(findingRows));
  }

  if (map.skipped.length > 0) {
    lines.push('', 'Skipped (could not be parsed):');
    for (const skipped of map.skipped) lines.push(`  ${skipped.file}:${skipped.line}:${skipped.column}  ${skipped.message}`);
  }
  lines.push('', formatSummary(map));
  return `${lines.join('\n')}\n`;
}
