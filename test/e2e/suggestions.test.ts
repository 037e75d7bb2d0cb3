/**
 * Suggestions on real code (issue 4's quality bar):
 * - every report in fixtures/shop (recommended config) has a suggestion, and each suggestion,
 *   applied to the file, parses, is not reported again at that call, and changes nothing but
 *   the call and the import list;
 * - fixtures/shop-after holds shop files with a broker client in scope and the suggestions
 *   applied: each is exactly what the suggestions produce (plus the stated hand edits where the
 *   code read the response), and the folder type-checks against the real broker libraries.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type ESLint, Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const shop = path.join(root, 'fixtures/shop');
const shopAfter = path.join(root, 'fixtures/shop-after');

type Range = readonly [number, number];

/** One edit of a fix, as the rule made it (ESLint merges a suggestion's edits into one fix). */
interface Edit {
  readonly range: Range;
  readonly text: string;
}

interface CapturedReport {
  readonly ruleId: string;
  /** where the report starts (the reported node) */
  readonly start: number;
  /** the separate edits of each suggestion, in order */
  readonly suggestions: readonly (readonly Edit[])[];
}

const rangeOf = (nodeOrToken: { range: Range }): Range => nodeOrToken.range;

/** A fixer that returns the edits instead of merging them. */
const recordingFixer = {
  insertTextAfter: (nodeOrToken: { range: Range }, text: string): Edit => ({ range: [rangeOf(nodeOrToken)[1], rangeOf(nodeOrToken)[1]], text }),
  insertTextAfterRange: (range: Range, text: string): Edit => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (nodeOrToken: { range: Range }, text: string): Edit => ({ range: [rangeOf(nodeOrToken)[0], rangeOf(nodeOrToken)[0]], text }),
  insertTextBeforeRange: (range: Range, text: string): Edit => ({ range: [range[0], range[0]], text }),
  remove: (nodeOrToken: { range: Range }): Edit => ({ range: rangeOf(nodeOrToken), text: '' }),
  removeRange: (range: Range): Edit => ({ range, text: '' }),
  replaceText: (nodeOrToken: { range: Range }, text: string): Edit => ({ range: rangeOf(nodeOrToken), text }),
  replaceTextRange: (range: Range, text: string): Edit => ({ range, text }),
};

function toEdits(result: unknown): Edit[] {
  if (result === null || result === undefined) return [];
  if (typeof result === 'object' && 'range' in result) return [result as Edit];
  return [...(result as Iterable<Edit>)];
}

/** The plugin with each rule's reports also handed to `sink`, with the edits of their suggestions. */
function capturingPlugin(sink: CapturedReport[]): ESLint.Plugin {
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).map(([id, rule]): [string, Rule.RuleModule] => [
      id,
      {
        ...rule,
        create(context) {
          const report = (descriptor: Rule.ReportDescriptor): void => {
            const node = 'node' in descriptor ? (descriptor.node as unknown as { range: Range }) : undefined;
            sink.push({
              ruleId: `durable-writes/${id}`,
              start: node ? node.range[0] : -1,
              suggestions: (descriptor.suggest ?? []).map((suggestion) =>
                toEdits(suggestion.fix(recordingFixer as unknown as Rule.RuleFixer)).sort((a, b) => a.range[0] - b.range[0]),
              ),
            });
            context.report(descriptor);
          };
          return rule.create(Object.create(context, { report: { value: report } }) as Rule.RuleContext);
        },
      },
    ]),
  );
  return { ...plugin, rules };
}

const languageConfig: Linter.Config = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };
const recommended: Linter.Config[] = [languageConfig, plugin.configs.recommended];

function withOptions(options: Record<string, unknown> | undefined): Linter.Config[] {
  if (!options) return recommended;
  return [...recommended, { rules: { 'durable-writes/no-sync-critical-write': ['warn', options] } }];
}

function lint(code: string, filename: string, configs: Linter.Config[] = recommended): Linter.LintMessage[] {
  const messages = new Linter().verify(code, configs, { filename });
  for (const message of messages) expect(message.fatal ?? false, `${filename}: ${message.message}`).toBe(false);
  return messages;
}

/** Lints with the capturing plugin: ESLint's messages and the rule's own edits for each report. */
function lintCapturing(code: string, filename: string, options?: Record<string, unknown>) {
  const sink: CapturedReport[] = [];
  const configs = withOptions(options).map((config) => (config.plugins ? { ...config, plugins: { 'durable-writes': capturingPlugin(sink) } } : config));
  const messages = lint(code, filename, configs);
  return { messages, reports: sink };
}

function applyEdits(code: string, edits: readonly Edit[]): string {
  let output = code;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    output = output.slice(0, edit.range[0]) + edit.text + output.slice(edit.range[1]);
  }
  return output;
}

function offsetOf(code: string, line: number, column: number): number {
  const lines = code.split('\n');
  return lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
}

function parses(code: string): void {
  tsParser.parse(code, { sourceType: 'module', range: true, loc: true, ecmaVersion: 'latest' });
}

/** Where an import may be added: after a top-level import or `require` declaration, before the first statement, or after a named import specifier (merged). */
function importPositions(code: string): { lines: Set<number>; specifiers: Set<number> } {
  const ast = tsParser.parse(code, { sourceType: 'module', range: true, ecmaVersion: 'latest' }) as TSESTree.Program;
  const lines = new Set<number>();
  const specifiers = new Set<number>();
  if (ast.body[0]) lines.add(ast.body[0].range[0]);
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      lines.add(statement.range[1]);
      for (const specifier of statement.specifiers) if (specifier.type === AST_NODE_TYPES.ImportSpecifier) specifiers.add(specifier.range[1]);
    }
    const isRequire =
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some((declarator) => /^require\(/.test(code.slice(...(declarator.init?.range ?? [0, 0]))));
    if (isRequire) lines.add(statement.range[1]);
  }
  return { lines, specifiers };
}

const IMPORT_LINE = /^\n?(?:import (?:[\w$]+|\{ [\w$]+ \}) from '[^']+';|const (?:[\w$]+|\{ [\w$]+ \}) = require\('[^']+'\);)\n?$/;
const MERGED_SPECIFIER = /^, [A-Za-z_$][\w$]*$/;

function shopFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** Options for the second run: a configured publisher and outbox, so that suggestions add imports to real files. */
const WITH_IMPORTS = {
  publisher: { call: 'bus.publish', import: { from: '@acme/bus', name: 'bus' } },
  outbox: { call: 'outbox.enqueue', import: { from: '@acme/outbox', name: 'outbox' } },
};

describe.each([
  ['recommended config', undefined],
  ['with a configured publisher and outbox (imports added)', WITH_IMPORTS],
])('fixtures/shop, %s: every suggestion of every report, applied', (_config, options) => {
  const cases = shopFiles(shop).flatMap((file) => {
    const code = readFileSync(path.join(shop, file), 'utf8');
    const { messages, reports } = lintCapturing(code, path.join(shop, file), options);
    return messages.map((message) => {
      const start = offsetOf(code, message.line, message.column);
      const captured = reports.find((report) => report.ruleId === message.ruleId && report.start === start);
      return { file, code, message, start, captured, before: messages.filter((other) => other.ruleId === message.ruleId).length };
    });
  });
  const sync = cases.filter((item) => item.message.ruleId === 'durable-writes/no-sync-critical-write');

  it('lints the shop and finds the synchronous critical writes listed in its README', () => {
    const readme = readFileSync(path.join(shop, 'README.md'), 'utf8');
    const listed = readme.split('\n').filter((line) => /^\|[^|]+\|\s*\d+\s*\|\s*no-sync-critical-write\s*\|/.test(line)).length;
    expect(listed).toBeGreaterThan(5);
    expect(sync).toHaveLength(listed);
  });

  it.each(sync.map((item) => [`${item.file}:${item.message.line}`, item] as const))('%s has at least one suggestion', (_name, item) => {
    expect(item.message.suggestions?.length ?? 0).toBeGreaterThan(0);
  });

  const applied = cases.flatMap((item) =>
    (item.message.suggestions ?? []).map((suggestion, index) => ({ ...item, suggestion, index, edits: item.captured?.suggestions[index] })),
  );

  it.each(applied.map((item) => [`${item.file}:${item.message.line} suggestion ${item.index + 1} (${item.suggestion.desc})`, item] as const))(
    '%s',
    (_name, item) => {
      const { code, suggestion, edits, file } = item;
      const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);

      // the output parses
      expect(() => parses(output)).not.toThrow();

      // the rule's own edits make exactly the fix ESLint applies
      expect(edits, 'the report was captured with its edits').toBeDefined();
      expect(applyEdits(code, edits!)).toBe(output);

      // one edit replaces the reported call; every other edit adds to the import list, above the call
      const replacements = edits!.filter((edit) => edit.range[0] !== edit.range[1]);
      expect(replacements).toHaveLength(1);
      const replacement = replacements[0]!;
      expect(replacement.range[0]).toBeLessThanOrEqual(item.start);
      expect(replacement.range[1]).toBeGreaterThan(item.start);
      const inserts = edits!.filter((edit) => edit !== replacement);
      const allowed = importPositions(code);
      for (const insert of inserts) {
        expect(insert.range[0]).toBeLessThan(replacement.range[0]);
        const asLine = IMPORT_LINE.test(insert.text) && allowed.lines.has(insert.range[0]);
        const asSpecifier = MERGED_SPECIFIER.test(insert.text) && allowed.specifiers.has(insert.range[0]);
        expect(asLine || asSpecifier, `inserted ${JSON.stringify(insert.text)} at ${insert.range[0]}`).toBe(true);
      }

      // outside the call and the inserted import text, the file is unchanged
      const shift = inserts.reduce((sum, insert) => sum + insert.text.length, 0);
      const replacedStart = replacement.range[0] + shift;
      expect(output.slice(replacedStart + replacement.text.length)).toBe(code.slice(replacement.range[1]));
      let prefix = output.slice(0, replacedStart);
      let inserted = shift;
      for (const insert of [...inserts].reverse()) {
        inserted -= insert.text.length;
        const at = insert.range[0] + inserted;
        expect(prefix.slice(at, at + insert.text.length)).toBe(insert.text);
        prefix = prefix.slice(0, at) + prefix.slice(at + insert.text.length);
      }
      expect(prefix).toBe(code.slice(0, replacement.range[0]));

      // linted again, the call is no longer reported, and nothing else changed for that rule
      const again = lint(output, path.join(shop, file), withOptions(options)).filter((message) => message.ruleId === item.message.ruleId);
      const starts = again.map((message) => offsetOf(output, message.line, message.column));
      expect(starts.filter((start) => start >= replacedStart && start < replacedStart + replacement.text.length)).toEqual([]);
      expect(again).toHaveLength(item.before - 1);
    },
  );
});

/** A textual edit of a file: the first (only) occurrence of `find` becomes `replace`. */
interface TextEdit {
  readonly find: string;
  readonly replace: string;
}

interface Variant {
  /** the file in fixtures/shop and in fixtures/shop-after */
  readonly file: string;
  /** how the broker client is brought into scope in the shop file (hand-written) */
  readonly inScope: readonly TextEdit[];
  readonly options?: Record<string, unknown>;
  /** the suggestion applied to every report of `no-sync-critical-write` in the file */
  readonly apply: 'suggestPublish' | 'suggestPublishConfigured' | 'suggestOutbox';
  /** hand edits after the suggestions, where the code read the response that no longer exists */
  readonly adapt: readonly TextEdit[];
}

function editOnce(code: string, edit: TextEdit, what: string): string {
  const first = code.indexOf(edit.find);
  expect(first, `${what}: ${JSON.stringify(edit.find)} is in the code`).toBeGreaterThanOrEqual(0);
  expect(code.indexOf(edit.find, first + 1), `${what}: ${JSON.stringify(edit.find)} occurs once`).toBe(-1);
  return code.slice(0, first) + edit.replace + code.slice(first + edit.find.length);
}

/** The shop file with the broker client in scope, every report's chosen suggestion applied (one at a time), then the hand edits. */
function buildVariant(variant: Variant): { code: string; applied: number } {
  const filename = path.join(shopAfter, variant.file);
  let code = readFileSync(path.join(shop, variant.file), 'utf8');
  for (const edit of variant.inScope) code = editOnce(code, edit, 'inScope');
  let applied = 0;
  for (;;) {
    const message = lint(code, filename, withOptions(variant.options)).find(
      (candidate) => candidate.ruleId === 'durable-writes/no-sync-critical-write',
    );
    if (!message) break;
    const suggestion = message.suggestions?.find((candidate) => candidate.messageId === variant.apply);
    expect(suggestion, `${variant.file}:${message.line} offers ${variant.apply}`).toBeDefined();
    code = code.slice(0, suggestion!.fix.range[0]) + suggestion!.fix.text + code.slice(suggestion!.fix.range[1]);
    applied += 1;
    expect(applied).toBeLessThan(20);
  }
  for (const edit of variant.adapt) code = editOnce(code, edit, 'adapt');
  return { code, applied };
}

const VARIANTS: readonly Variant[] = [
  {
    file: 'orders/src/order-service.ts',
    inScope: [
      { find: "import type { Repository } from 'typeorm';", replace: "import type { Producer } from 'kafkajs';\nimport type { Repository } from 'typeorm';" },
      {
        find: '    private readonly events: OrderEventsPublisher,\n',
        replace: '    private readonly events: OrderEventsPublisher,\n    private readonly producer: Producer,\n',
      },
    ],
    apply: 'suggestPublish',
    adapt: [
      { find: 'const reservation = await this.producer.send(', replace: 'await this.producer.send(' },
      {
        find: '    order.reservationId = reservation.data.reservationId;\n',
        replace: '    // inventory answers on its own topic; the reservation id arrives with that event\n',
      },
      { find: 'const payment = await this.producer.send(', replace: 'await this.producer.send(' },
      {
        find: "      order.paymentId = payment.data.paymentId;\n      order.status = payment.data.status === 'captured' ? 'paid' : 'payment_failed';\n",
        replace: "      order.status = 'pending_payment';\n",
      },
    ],
  },
  {
    file: 'payments/src/ledger.client.ts',
    inScope: [
      { find: "import { Injectable, Logger } from '@nestjs/common';", replace: "import { Inject, Injectable, Logger } from '@nestjs/common';" },
      {
        find: "import { firstValueFrom, map, retry } from 'rxjs';",
        replace: "import { Queue } from 'bullmq';\nimport { firstValueFrom, map, retry } from 'rxjs';\n\nexport const LEDGER_QUEUE = 'LEDGER_QUEUE';",
      },
      {
        find: '    private readonly config: ConfigService,\n',
        replace: '    private readonly config: ConfigService,\n    @Inject(LEDGER_QUEUE) private readonly ledgerQueue: Queue,\n',
      },
    ],
    apply: 'suggestPublish',
    adapt: [
      {
        find: 'async recordEntry(paymentId: string, account: string, amount: number, currency: string): Promise<LedgerEntry> {\n    const response = await',
        replace: 'async recordEntry(paymentId: string, account: string, amount: number, currency: string): Promise<string | undefined> {\n    const job = await',
      },
      {
        find: '    this.logger.log(`ledger entry ${response.data.entryId} posted for payment ${paymentId}`);\n    return response.data;\n',
        replace: '    this.logger.log(`ledger entry for payment ${paymentId} queued as job ${job.id}`);\n    return job.id;\n',
      },
      {
        find: 'reverseEntry(entryId: string, amount: number, currency: string, reason: string): Promise<LedgerEntry> {',
        replace: 'reverseEntry(entryId: string, amount: number, currency: string, reason: string): Promise<unknown> {',
      },
      {
        find: '  ): Promise<LedgerBalance> {\n    if (!Number.isInteger(balance))',
        replace: '  ): Promise<void> {\n    if (!Number.isInteger(balance))',
      },
      { find: '    const { data } = await this.ledgerQueue.add(', replace: '    await this.ledgerQueue.add(' },
      { find: ');\n    return data;\n  }', replace: ');\n  }' },
    ],
  },
  {
    file: 'payments/src/settlement.service.ts',
    options: { outbox: { call: 'outbox.enqueue', import: { from: './outbox.js', name: 'outbox' } } },
    inScope: [],
    apply: 'suggestOutbox',
    adapt: [
      { find: '    const transfer = await retry(', replace: '    await retry(' },
      {
        find: '      { settledAt: new Date(), settlementId: transfer.data.transferId },',
        replace: '      { settledAt: new Date(), settlementId: `settlement-${merchantId}-${businessDate}` },',
      },
      {
        find: 'return { merchantId, businessDate, paymentCount: payments.length, amount, transferId: transfer.data.transferId };',
        replace: 'return { merchantId, businessDate, paymentCount: payments.length, amount, transferId: null };',
      },
    ],
  },
];

describe('fixtures/shop-after: shop files with a broker client in scope and the suggestions applied', () => {
  it.each(VARIANTS.map((variant) => [variant.file, variant] as const))('%s is what the suggestions produce', (_file, variant) => {
    const { code, applied } = buildVariant(variant);
    expect(applied).toBeGreaterThan(0);
    expect(code).toBe(readFileSync(path.join(shopAfter, variant.file), 'utf8'));
  });

  it('type-checks against the real kafkajs, bullmq and NestJS types (tsc -p fixtures/shop-after/tsconfig.json)', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(shopAfter, 'tsconfig.json'), '--noEmit'],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
