/** The one-line summary of a map, shared by the text formats: services, edges, findings, durable calls, and how the files were linted. */
import { allCalls, countCallSites, countDurableCalls } from '../model/queries.js';
import { type CouplingMap, type FileCounts, UNTYPED_REASONS, type UntypedReason } from '../model/types.js';

const REASON_TEXT: Readonly<Record<UntypedReason, string>> = {
  javascript: 'JavaScript',
  'no-tsconfig': 'no tsconfig',
  'not-included': 'not in their tsconfig',
  'tsconfig-error': 'broken tsconfig',
};

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `35 files linted: 30 with types (2 tsconfigs), 5 without (JavaScript 3, no tsconfig 2)`. */
export function describeFileCounts(files: FileCounts, tsconfigs: number): string {
  const total = files.typed + files.untyped;
  const typed = files.typed > 0 ? `${files.typed} with types (${plural(tsconfigs, 'tsconfig')})` : '0 with types';
  const reasons = UNTYPED_REASONS.filter((reason) => files.untypedBecause[reason] > 0).map((reason) => `${REASON_TEXT[reason]} ${files.untypedBecause[reason]}`);
  const untyped = files.untyped > 0 ? `${files.untyped} without (${reasons.join(', ')})` : '0 without';
  return `${plural(total, 'file')} linted: ${typed}, ${untyped}`;
}

export function formatSummary(map: CouplingMap): string {
  const calls = allCalls(map);
  const byRule = new Map<string, number>();
  for (const call of calls) byRule.set(call.rule, (byRule.get(call.rule) ?? 0) + 1);
  const rules = [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, count]) => `${rule} ${count}`);
  const folded = calls.reduce((sum, call) => sum + call.alsoReportedAt.length, 0);
  const durable = countDurableCalls(map);
  return (
    `${plural(map.services.length, 'service')}, ${plural(map.edges.length, 'edge')}, ` +
    `${plural(countCallSites(map), 'call site')}, ${plural(calls.length, 'finding')}` +
    `${rules.length > 0 ? ` (${rules.join(', ')})` : ''}` +
    `${folded > 0 ? `, ${folded} typed ${folded === 1 ? 'report' : 'reports'} at call sites folded in` : ''}` +
    `${durable > 0 ? `, ${plural(durable, 'durable call')} in engine steps` : ''}; ` +
    `${describeFileCounts(map.files, map.tsconfigs.length)}; ${map.skipped.length} skipped`
  );
}
