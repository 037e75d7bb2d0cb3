/**
 * What a suggestion replaces and with which payload: the whole request expression
 * (including a NestJS `firstValueFrom(… .pipe(…))` wrapper or a superagent builder
 * chain), never the `await`/`return`/`void` around it; whether the response is used.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getCalleeName, getPropertyName, skipTransparent } from '../analysis/ast.js';
import type { FileContext } from '../analysis/file-context.js';
import type { Finding } from '../analysis/find-writes.js';
import { getHoles } from '../analysis/template.js';

const OBSERVABLE_CONSUMERS = new Set(['firstValueFrom', 'lastValueFrom']);
const OBSERVABLE_CHAIN = new Set(['pipe', 'toPromise']);
const BUILDER_CHAIN = new Set(['send', 'set', 'query', 'type', 'accept', 'timeout', 'retry', 'auth', 'field', 'attach', 'ok']);

/** The expression a rewrite replaces. */
export function getReplacedExpression(finding: Finding): TSESTree.Expression {
  if (finding.via.length > 0) return finding.call;
  const { client } = finding.assessment.request;
  let current: TSESTree.Expression = finding.call;
  const chain = client.observable ? OBSERVABLE_CHAIN : client.lazyBuilder ? BUILDER_CHAIN : undefined;
  if (chain) {
    for (;;) {
      const member: TSESTree.Node | undefined = current.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
      const outer: TSESTree.Node = member.parent;
      const name = getPropertyName(member);
      if (outer.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member || name === undefined || !chain.has(name)) break;
      current = outer;
    }
  }
  if (client.observable) {
    const parent = current.parent;
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === current &&
      OBSERVABLE_CONSUMERS.has(getCalleeName(parent.callee) ?? '')
    ) {
      current = parent;
    }
  }
  return current;
}

/** Is the value of the replaced expression used (assigned, returned, passed on, chained)? */
export function isResponseUsed(expression: TSESTree.Expression): boolean {
  let current: TSESTree.Node = expression;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    current = parent;
    parent = current.parent;
  }
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return false;
  return true;
}

/**
 * The payload as source text usable where the replaced expression stands: the request's
 * payload (unwrapping `JSON.stringify(x)`), its argument at a wrapper's call site, or an
 * object of the identifiers used in the URL (`{ reservationId }` for a DELETE).
 */
export function getPayloadText(finding: Finding, file: FileContext): string {
  const { request, target } = finding.assessment;
  const payload = request.payload;
  if (payload) {
    let node = skipTransparent(payload.node);
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      getCalleeName(node.callee) === 'stringify' &&
      node.arguments[0] &&
      node.arguments[0].type !== AST_NODE_TYPES.SpreadElement
    ) {
      node = skipTransparent(node.arguments[0]);
    }
    if (finding.via.length === 0) return file.getText(node);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = file.findVariable(node);
      const bound = variable && payload.env.bindings.get(variable);
      if (bound && isWithin(bound, finding.call)) return file.getText(bound);
    }
  }
  const names = getHoles(target.path)
    .map((hole) => (hole.kind === 'unknown' ? hole.label : ''))
    .filter((label) => /^[A-Za-z_$][\w$]*$/.test(label));
  const usable = finding.via.length === 0 ? [...new Set(names)] : [];
  return usable.length > 0 ? `{ ${usable.join(', ')} }` : '{}';
}

function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
