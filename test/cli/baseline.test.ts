import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baselineKey, findNewCalls, readBaseline } from '../../src/cli/gate/baseline.js';
import { CliError } from '../../src/cli/errors.js';
import type { MapCall } from '../../src/cli/model/types.js';

function call(file: string, line: number, overrides: Partial<MapCall> = {}): MapCall {
  return {
    rule: 'no-sync-critical-write',
    messageId: 'syncCriticalWrite',
    message: '…',
    file,
    absoluteFile: `/repo/${file}`,
    line,
    column: 5,
    target: { kind: 'service', name: 'payments' },
    method: 'POST',
    path: '/payments',
    evidence: null,
    via: [],
    dualWrite: null,
    from: 'orders',
    entryPoints: [],
    callersTruncated: false,
    alsoReportedAt: [],
    receiver: null,
    ...overrides,
  };
}

const key = (file: string, overrides: Partial<Parameters<typeof baselineKey>[0]> = {}) =>
  baselineKey({ rule: 'no-sync-critical-write', file, from: 'orders', to: 'payments', method: 'POST', path: '/payments', ...overrides });

describe('findNewCalls', () => {
  it('ignores lines and columns: a finding that moved is not new', () => {
    expect(findNewCalls([call('orders/a.ts', 90)], [key('orders/a.ts')])).toEqual([]);
  });

  it('counts keys as a multiset: a second identical call in the same file is new', () => {
    const fresh = findNewCalls([call('orders/a.ts', 10), call('orders/a.ts', 30)], [key('orders/a.ts')]);
    expect(fresh.map((each) => each.line)).toEqual([30]);
  });

  it('a different path, target, rule or file makes a finding new', () => {
    const calls = [
      call('orders/a.ts', 1, { path: '/refunds' }),
      call('orders/a.ts', 2, { target: { kind: 'service', name: 'ledger' } }),
      call('orders/a.ts', 3, { rule: 'no-dual-write' }),
      call('orders/b.ts', 4),
    ];
    expect(findNewCalls(calls, [key('orders/a.ts')])).toHaveLength(4);
  });
});

describe('readBaseline', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-baseline-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, content: string) => {
    fs.writeFileSync(path.join(folder, name), content);
    return name;
  };

  it.each([1, 2])('reads the keys of every call of every edge (schema version %i)', (schemaVersion) => {
    const file = write(
      `ok-${schemaVersion}.json`,
      JSON.stringify({
        schemaVersion,
        edges: [{ from: 'orders', to: 'payments', calls: [{ rule: 'no-sync-critical-write', file: 'orders/a.ts', method: 'POST', path: '/payments' }] }],
      }),
    );
    expect(readBaseline(file, folder)).toEqual([key('orders/a.ts')]);
  });

  it('explains a missing file, bad JSON and another schema', () => {
    expect(() => readBaseline('missing.json', folder)).toThrow(/--baseline missing.json: no such file/);
    expect(() => readBaseline(write('bad.json', '{'), folder)).toThrow(/not valid JSON/);
    expect(() => readBaseline(write('other.json', '{"schemaVersion":99,"edges":[]}'), folder)).toThrow(CliError);
    expect(() => readBaseline(write('calls.json', '{"schemaVersion":1,"edges":[{"from":"a","to":"b","calls":[{"rule":"x"}]}]}'), folder)).toThrow(
      /a call lacks "rule", "file", "method" or "path"/,
    );
  });
});
