/**
 * The default output: the edges between services with their requests and call counts, one
 * row per finding with its place and entry points, the handler-to-handler flows with what the
 * receiving handlers do against a duplicate delivery, the critical writes made inside durable
 * steps (durable edges, not findings), then a summary line.
 */
import { countRequests } from '../model/queries.js';
import { type CouplingMap, type MapCall, requestLabel } from '../model/types.js';
import { describeEntryPoint, listFlows } from './flows.js';
import { formatSummary } from './summary.js';
import { renderColumns } from './text-table.js';

function describeEntryPoints(call: MapCall, depth: number): string {
  const more = call.callersTruncated ? ` (more callers past --depth ${depth})` : '';
  if (call.entryPoints.length === 0) return call.callersTruncated ? `(none within --depth ${depth})` : '(none found)';
  return call.entryPoints.map(describeEntryPoint).join(', ') + more;
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

    const flows = listFlows(map);
    if (flows.length > 0) {
      const flowRows: string[][] = [['HANDLER', '→ RECEIVING HANDLER', 'DUPLICATE DELIVERY']];
      for (const flow of flows) flowRows.push([flow.from, `→ ${flow.to}`, flow.duplicates]);
      lines.push('', ...renderColumns(flowRows));
    }
  }

  if (map.durableEdges.length > 0) {
    const durableRows: string[][] = [['AT', 'FROM → TO', 'REQUEST', 'DURABLE STEP']];
    for (const edge of map.durableEdges) {
      for (const call of edge.calls) durableRows.push([`${call.file}:${call.line}`, `${edge.from} → ${edge.to}`, `${call.method} ${call.path}`, call.step]);
    }
    lines.push('', 'Durable (critical writes inside a step of a durable execution engine, which retries it until it succeeds; not findings):');
    lines.push(...renderColumns(durableRows));
  }

  if (map.skipped.length > 0) {
    lines.push('', 'Skipped (could not be parsed):');
    for (const skipped of map.skipped) lines.push(`  ${skipped.file}:${skipped.line}:${skipped.column}  ${skipped.message}`);
  }
  lines.push('', formatSummary(map));
  return `${lines.join('\n')}\n`;
}
