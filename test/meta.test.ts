import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

/** Every rule is wired up the same way: docs, tests, configs derived from its metadata. */
const root = path.resolve(import.meta.dirname, '..');
const ruleEntries = Object.entries(rules);

describe('rules', () => {
  it.each(ruleEntries)('%s has a doc page and tests', (id) => {
    expect(existsSync(path.join(root, 'docs/rules', `${id}.md`))).toBe(true);
    const hasTests = existsSync(path.join(root, 'test/rules', `${id}.test.ts`)) || existsSync(path.join(root, 'test/rules', id));
    expect(hasTests).toBe(true);
  });

  it.each(ruleEntries)('%s documents every option under its own heading', (id, rule) => {
    const doc = readFileSync(path.join(root, 'docs/rules', `${id}.md`), 'utf8');
    const defaults = (rule.meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
    const schema = JSON.stringify(rule.meta.schema);
    const names = [...schema.matchAll(/"properties":\{"(\w+)"/g)].map((match) => match[1]);
    for (const name of new Set([...Object.keys(defaults), ...names])) {
      expect(doc, `docs/rules/${id}.md needs a "### \`${name}\`" section`).toContain(`### \`${name}\``);
    }
  });

  it.each(ruleEntries)('%s lists each option once in its options table', (id) => {
    const doc = readFileSync(path.join(root, 'docs/rules', `${id}.md`), 'utf8');
    const table = /<!-- begin auto-generated rule options list -->([\s\S]*?)<!-- end auto-generated rule options list -->/.exec(doc)?.[1] ?? '';
    const names = [...table.matchAll(/^\| `(\w+)`/gm)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...new Set(names)]);
  });

  it.each(ruleEntries)('%s has the metadata the docs and configs rely on', (id, rule) => {
    expect(rule.meta.type).toBe('problem');
    expect(rule.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) [^.]*[^.]$/);
    expect(rule.meta.docs?.url).toBe(`https://github.com/durable-writes/eslint-plugin-durable-writes/blob/main/docs/rules/${id}.md`);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
  });
});

describe('configs', () => {
  const expected = (filter: (rule: (typeof rules)[keyof typeof rules]) => boolean): string[] =>
    ruleEntries
      .filter(([, rule]) => filter(rule))
      .map(([id]) => `durable-writes/${id}`)
      .sort();

  it('derives recommended from rule metadata (syntax-only rules)', () => {
    const config = plugin.configs.recommended;
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(
      expected((rule) => rule.meta.docs?.recommended === true && !(rule.meta.docs as { requiresTypeChecking?: boolean }).requiresTypeChecking),
    );
  });

  it('turns on followCalls in recommended-type-checked for the rules that have it', () => {
    const config = plugin.configs['recommended-type-checked'];
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(expected((rule) => rule.meta.docs?.recommended === true));
    expect(config.files).toEqual(['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts']);
    expect(config.rules?.['durable-writes/no-sync-critical-write']).toEqual(['warn', { followCalls: true }]);
    expect(config.rules?.['durable-writes/no-dual-write']).toBe('warn');
  });

  it('makes unknown methods count as writes in strict', () => {
    expect(plugin.configs.strict.rules?.['durable-writes/no-sync-critical-write']).toEqual(['warn', { unknownMethod: 'write' }]);
  });

  it('puts every rule in all', () => {
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(expected(() => true));
  });

  it.each(Object.entries(plugin.configs))('%s is named and points back at the plugin', (name, config) => {
    expect(config.name).toBe(`durable-writes/${name}`);
    expect(config.plugins?.['durable-writes']).toBe(plugin);
  });

  it('carries the package name and version in meta', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'durable-writes' });
  });
});
