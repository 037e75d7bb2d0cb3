import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

export interface PluginDocs {
  description: string;
  /** in the `recommended` config */
  recommended?: boolean;
  /** needs `parserOptions.projectService` (typed linting) */
  requiresTypeChecking?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/durable-writes/eslint-plugin-durable-writes';

const baseCreateRule = ESLintUtils.RuleCreator<PluginDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

/**
 * typescript-eslint's `RuleCreator`, with the options merged with their defaults once per
 * distinct configuration rather than once per linted file: ESLint hands each file a fresh copy
 * of the same options.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Parameters<typeof baseCreateRule<Options, MessageIds>>[0],
): ReturnType<typeof baseCreateRule<Options, MessageIds>> {
  const created = baseCreateRule(rule);
  const defaults = (rule.meta.defaultOptions ?? []) as unknown as Options;
  const merged = new Map<string, Options>();
  return {
    ...created,
    create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) {
      const key = JSON.stringify(context.options);
      let options = merged.get(key);
      if (options === undefined) {
        options = ESLintUtils.applyDefault(defaults, context.options) as Options;
        if (merged.size > 50) merged.clear();
        merged.set(key, options);
      }
      return rule.create(context, options);
    },
  };
}
