import type { ESLint, Linter } from 'eslint';
import { createRequire } from 'node:module';
import { buildConfigs, type ConfigName } from './configs.js';
import { rules as typedRules } from './rules/index.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

export interface DurableWritesPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: Record<ConfigName, Linter.Config>;
}

// typescript-eslint's rule type and ESLint's differ only in the typing of `context`.
const rules = typedRules as unknown as DurableWritesPlugin['rules'];

const plugin: DurableWritesPlugin = {
  meta: { name, version, namespace: 'durable-writes' },
  rules,
  configs: {} as DurableWritesPlugin['configs'],
};

Object.assign(plugin.configs, buildConfigs(plugin, typedRules));

export default plugin;
/** Named exports mirror the plugin object, for `import { configs } from 'eslint-plugin-durable-writes'` and CommonJS `require`. */
export const { meta, configs } = plugin;
export { rules };
export type { NoSyncCriticalWriteOptions } from './options.js';
