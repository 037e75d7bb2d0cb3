/**
 * Does a receiving handler protect against a duplicate delivery? A synchronous caller that
 * times out retries, and a request moved onto a queue or outbox is delivered at least once,
 * so the receiving side must tell a repeat from a new request. Looked for in the handler and
 * in the functions it calls in the repository (two calls deep), comments left out:
 * - it reads an `Idempotency-Key`-style header (`idempotency-key`, `x-idempotency-key`,
 *   `x-deduplication-id`) from the request;
 * - it upserts (`upsert`, `ON CONFLICT`, `onConflictDoNothing`, `findOrCreate`,
 *   `$setOnInsert`, `INSERT IGNORE`, `ON DUPLICATE KEY`);
 * - it relies on a unique business key: catches the duplicate-key error (`23505`, `P2002`,
 *   `ER_DUP_ENTRY`, `E11000`), looks the request up by its idempotency key, or looks up an
 *   existing record by a key of the request and returns early when there is one
 *   (`const existing = await repo.findOneBy({ orderId }); if (existing) return existing;`);
 * - it records processed request ids (`processedRequests`, `alreadyProcessed`, `dedup…`).
 */
import { Node } from 'ts-morph';
import type { DuplicateGuard, DuplicateGuardKind } from '../model/types.js';
import { resolveHandler } from './routers.js';

const HEADER = /(['"`])(x-)?(idempotency[-_]?key|idempotency|deduplication[-_]?id|dedup[-_]?key)\1/i;

const PATTERNS: readonly { readonly kind: DuplicateGuardKind; readonly pattern: RegExp; readonly describe: (match: string) => string }[] = [
  { kind: 'idempotency-header', pattern: HEADER, describe: (match) => `reads header ${match.replace(/[`']/g, '"').toLowerCase()}` },
  {
    kind: 'upsert',
    pattern: /\bupsert\w*\s*\(|\bupsert\s*:\s*true|\bon\s+conflict\b[^'"`]*|\bonConflict\w*\s*\(|\binsert\s+(?:or\s+)?ignore\b|\bon\s+duplicate\s+key\b|\bfindOrCreate\s*\(|\$setOnInsert|\borIgnore\s*\(/i,
    describe: (match) => `upserts (${match.replace(/\s*\($/, '').replace(/\s+/g, ' ').trim()})`,
  },
  {
    kind: 'unique-key',
    pattern: /(['"`])(23505|P2002|ER_DUP_ENTRY)\1|\bE11000\b|\bcode\s*===?\s*11000\b|\bUniqueConstraint(?:Violation)?Error\b|\bfind\w*ByIdempotencyKey\b/,
    describe: (match) => (/ByIdempotencyKey/.test(match) ? `looks the request up by its idempotency key (${match})` : `relies on a unique key (duplicate-key error ${match.replace(/['"`]/g, '').replace(/^code\s*===?\s*/, '')})`),
  },
  {
    kind: 'processed-ids',
    pattern: /\b(?:already[A-Z]\w*|is)?[Pp]rocessed(?:Requests|Ids|Events|Messages|Keys)\b|\balreadyProcessed\b|\bseen(?:Requests|Ids|Keys|Messages)\b|\bdedup\w*|\bisDuplicate\w*/,
    describe: (match) => `records processed requests (${match})`,
  },
];

/** `const existing = await repo.findOneBy({ orderId })` followed by `if (existing)`: a check of a unique business key. */
const EXISTING_LOOKUP = /\b(?:const|let|var)\s+(\w+)\s*=\s*await\s+[\w.]+\.(?:find\w*|get\w*By\w*|exists\w*|count\w*)\s*\(\s*(?:\{\s*(?:where\s*:\s*\{\s*)?)?(\w*(?:Id|Key|Number|Ref|Reference|id|key))\b/g;

function findExistingCheck(text: string): { index: number; detail: string } | undefined {
  for (const match of text.matchAll(EXISTING_LOOKUP)) {
    const [, variable = '', key = ''] = match;
    const after = text.slice(match.index + match[0].length);
    if (new RegExp(`\\bif\\s*\\(\\s*${variable}\\b`).test(after)) return { index: match.index, detail: `checks for an existing record by ${key}` };
  }
  return undefined;
}

/** Functions looked at per handler, at most, and how many calls deep. */
const MAX_FUNCTIONS = 24;
const MAX_DEPTH = 2;

/** The text with comments blanked out (newlines kept, so offsets still give lines). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

function calledFunctions(fn: Node): Node[] {
  const found: Node[] = [];
  fn.forEachDescendant((node) => {
    if (!Node.isCallExpression(node)) return;
    const callee = node.getExpression();
    const resolved = resolveHandler(callee);
    if (resolved && resolved !== fn) found.push(resolved);
  });
  return found;
}

/** What guards the handler `handler` (a function node) against a duplicate delivery; one guard per kind, nearest first. */
export function findDuplicateGuards(handler: Node, relative: (absolute: string) => string): DuplicateGuard[] {
  const guards = new Map<DuplicateGuardKind, DuplicateGuard>();
  const seen = new Set<Node>();
  let level: Node[] = [handler];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth += 1) {
    const next: Node[] = [];
    for (const fn of level) {
      if (seen.has(fn) || seen.size >= MAX_FUNCTIONS) continue;
      seen.add(fn);
      // decorators of a NestJS method's parameters (`@Headers('idempotency-key')`) are part of its text
      const text = withoutComments(fn.getText());
      for (const { kind, pattern, describe } of PATTERNS) {
        if (guards.has(kind)) continue;
        const match = pattern.exec(text);
        if (!match) continue;
        const line = fn.getStartLineNumber() + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
        guards.set(kind, { kind, detail: describe(match[0]), file: relative(fn.getSourceFile().getFilePath()), line });
      }
      if (!guards.has('unique-key')) {
        const existing = findExistingCheck(text);
        if (existing) {
          const line = fn.getStartLineNumber() + (text.slice(0, existing.index).match(/\n/g)?.length ?? 0);
          guards.set('unique-key', { kind: 'unique-key', detail: existing.detail, file: relative(fn.getSourceFile().getFilePath()), line });
        }
      }
      if (depth < MAX_DEPTH) next.push(...calledFunctions(fn));
    }
    level = next;
  }
  const order: DuplicateGuardKind[] = ['idempotency-header', 'upsert', 'unique-key', 'processed-ids'];
  return order.flatMap((kind) => {
    const guard = guards.get(kind);
    return guard ? [guard] : [];
  });
}
