import { ESLintUtils } from '@typescript-eslint/utils';

export interface PluginDocs {
  description: string;
  /** in the `recommended` config */
  recommended?: boolean;
  /** needs `parserOptions.projectService` (typed linting) */
  requiresTypeChecking?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/durable-writes/eslint-plugin-durable-writes';

export const createRule = ESLintUtils.RuleCreator<PluginDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
