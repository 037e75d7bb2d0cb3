/**
 * `--format markdown`: the map for a CI job summary or a pull-request comment: the summary, a
 * table of the findings with their entry points and receiving handlers, the handler-to-handler
 * flows, the critical writes inside durable steps (durable edges, not findings), and the
 * Mermaid graph in a ```mermaid block (GitHub renders it).
 */
import { allCalls } from '../model/queries.js';
import { type CouplingMap, type MapCall, requestLabel } from '../model/types.js';
import { describeEntryPoint, describeGuards, describeHandler, describeUnmatched, listFlows } from './flows.js';
import { formatMermaid } from './mermaid.js';
import { formatSummary } from './summary.js';

/** Text inside a table cell: pipes escaped, line breaks flattened. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return text === '' ? '' : `\`${text.replace(/`/g, "'")}\``;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => escapeCell(cell)).join(' | ')} |`;
}

function receivedBy(call: MapCall): string {
  const { receiver } = call;
  if (receiver === null) return '';
  if (receiver.status !== 'matched') return describeUnmatched(receiver, call);
  return receiver.handlers.map((handler) => `${describeHandler(handler)}, ${describeGuards(handler)}`).join('; ');
}

export function formatMarkdown(map: CouplingMap): string {
  const lines = [`### durable-writes map of \`${map.root}\``, '', formatSummary(map), ''];
  const calls = allCalls(map);
  if (calls.length === 0) {
    lines.push('No synchronous critical writes or dual writes between services.', '');
  } else {
    lines.push(row(['At', 'Rule', 'From → To', 'Request', 'Entry points', 'Received by']), row(['---', '---', '---', '---', '---', '---']));
    for (const call of calls) {
      lines.push(
        row([
          code(`${call.file}:${call.line}`),
          call.rule,
          `${call.from} → ${call.target.name}`,
          code(requestLabel(call)),
          call.entryPoints.map(describeEntryPoint).join(', ') || (call.callersTruncated ? `none within --depth ${map.depth}` : 'none found'),
          receivedBy(call),
        ]),
      );
    }
    lines.push('');
    const flows = listFlows(map);
    if (flows.length > 0) {
      lines.push('#### Handler to handler', '', row(['Handler', 'Receiving handler', 'Duplicate delivery']), row(['---', '---', '---']));
      for (const flow of flows) lines.push(row([flow.from, flow.to, flow.duplicates]));
      lines.push('');
    }
  }
  if (map.durableEdges.length > 0) {
    lines.push(
      '#### Durable',
      '',
      'Critical writes inside a step of a durable execution engine, which retries it until it succeeds; not findings.',
      '',
      row(['At', 'From → To', 'Request', 'Durable step']),
      row(['---', '---', '---', '---']),
    );
    for (const edge of map.durableEdges) {
      for (const call of edge.calls) lines.push(row([code(`${call.file}:${call.line}`), `${edge.from} → ${edge.to}`, code(`${call.method} ${call.path}`), call.step]));
    }
    lines.push('');
  }
  if (map.skipped.length > 0) {
    lines.push('Skipped (could not be parsed):', '');
    for (const skipped of map.skipped) lines.push(`- ${code(`${skipped.file}:${skipped.line}:${skipped.column}`)} ${escapeCell(skipped.message)}`);
    lines.push('');
  }
  lines.push('```mermaid', formatMermaid(map).trimEnd(), '```');
  return `${lines.join('\n')}\n`;
}
