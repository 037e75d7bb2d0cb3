/**
 * Flat configs derived from rule metadata, never listed by hand:
 * - `recommended`: rules with `docs.recommended`, syntax only;
 * - `recommended-type-checked`: the same plus the options that need type information;
 * - `strict`: recommended rules with their stricter options (unknown methods count as writes);
 * - `all`: every rule.
 */
import type { ESLint, Linter } from 'eslint';
import type { PluginDocs } from './util/create-rule.js';

type AnyRule = { meta: { docs?: PluginDocs; defaultOptions?: readonly unknown[] } };

/** Options a config turns on for rules that accept them; keyed by option name. */
const TYPE_CHECKED_OPTIONS = { followCalls: true };
const STRICT_OPTIONS = { unknownMethod: 'write' };

export const PLUGIN_NAMESPACE = 'durable-writes';

/** Files that typed linting covers: TypeScript sources. */
export const TYPED_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

export type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict' | 'all';

function optionsFor(rule: AnyRule, overrides: Record<string, unknown>): Record<string, unknown> | undefined {
  const defaults = rule.meta.defaultOptions?.[0];
  if (!defaults || typeof defaults !== 'object') return undefined;
  const applicable = Object.entries(overrides).filter(([key]) => key in defaults);
  return applicable.length > 0 ? Object.fromEntries(applicable) : undefined;
}

export function buildConfigs(plugin: ESLint.Plugin, rules: Record<string, AnyRule>): Record<ConfigName, Linter.Config> {
  const entries = Object.entries(rules);
  const ruleSet = (
    filter: (rule: AnyRule) => boolean,
    overrides: Record<string, unknown> = {},
  ): Linter.RulesRecord =>
    Object.fromEntries(
      entries.filter(([, rule]) => filter(rule)).map(([id, rule]) => {
        const options = optionsFor(rule, overrides);
        return [`${PLUGIN_NAMESPACE}/${id}`, options ? ['warn', options] : 'warn'];
      }),
    );
  const config = (name: string, rulesConfig: Linter.RulesRecord, files?: string[]): Linter.Config => ({
    name: `${PLUGIN_NAMESPACE}/${name}`,
    ...(files ? { files } : {}),
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    rules: rulesConfig,
  });
  const isRecommended = (rule: AnyRule): boolean => rule.meta.docs?.recommended === true && !rule.meta.docs.requiresTypeChecking;
  return {
    recommended: config('recommended', ruleSet(isRecommended)),
    // only the files typescript-eslint's project service type-checks; pair it with `recommended` for JS files
    'recommended-type-checked': config(
      'recommended-type-checked',
      ruleSet((rule) => rule.meta.docs?.recommended === true, TYPE_CHECKED_OPTIONS),
      TYPED_FILES,
    ),
    strict: config('strict', ruleSet((rule) => rule.meta.docs?.recommended === true && !rule.meta.docs.requiresTypeChecking, STRICT_OPTIONS)),
    all: config('all', ruleSet(() => true)),
  };
}
