/**
 * The durable-step suggestion: where the report sits in an engine's workflow code with its
 * step API in scope (an Inngest function's `step`, a Restate handler's `ctx`, a Cloudflare
 * workflow's `step`, `DBOS` in a DBOS workflow), the request is wrapped in a step named like a
 * command (`step.run('payments.create', () => …)`); `await`/`return` around it stay as they were.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../analysis/code/ast.js';
import type { FileContext } from '../analysis/code/file-context.js';
import { walk } from '../analysis/code/walk.js';
import type { Finding } from '../analysis/find-writes.js';
import { getEngineContext } from '../analysis/mitigation/durable-execution.js';

export interface DurableStepPlan {
  readonly data: Record<string, string>;
  readonly text: string;
}

/** The step keeps the response, but stores it as JSON between replays. */
const RESULT_NOTE = " The step's result is stored as JSON: return only the data you need.";

/**
 * @param name the step's name (`payments.create`)
 * @param quoted the name as a string literal
 */
export function planDurableStep(
  finding: Finding,
  file: FileContext,
  replaced: TSESTree.Expression,
  name: string,
  quoted: string,
  responseUsed: boolean,
): DurableStepPlan | undefined {
  const context = getEngineContext(finding.call, file);
  const step = context?.stepApi;
  if (!context || !step) return undefined;
  const call = file.getText(replaced);
  const text = step.api.template
    .replaceAll('{handle}', step.handle)
    .replaceAll('{name}', quoted)
    .replaceAll('{async}', hasOwnAwait(replaced, file) ? 'async ' : '')
    .replaceAll('{call}', () => call);
  const member = /^\{handle\}\.(\w+)\(/.exec(step.api.template)?.[1] ?? '';
  return {
    data: { engine: context.engine.label, name, call: `${step.handle}.${member}`, note: responseUsed ? RESULT_NOTE : '' },
    text,
  };
}

/** An `await` of the expression itself (not of a function inside it): the step's callback must then be async. */
function hasOwnAwait(expression: TSESTree.Node, file: FileContext): boolean {
  let found = false;
  walk(expression, file.visitorKeys, (node) => {
    if (found || (node !== expression && isFunctionNode(node))) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression) found = true;
    return !found;
  });
  return found;
}
