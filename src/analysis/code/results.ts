/**
 * Where a call's result goes within its function: the variables declared from it
 * (`const { data: order } = await axios.post(…)`), and those declared in turn from them
 * (`const orderId = order.orderId`). Read from the syntax and the scopes alone.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getPatternNames, skipTransparent } from './ast.js';
import type { FileContext } from './file-context.js';

type Variable = TSESLint.Scope.Variable;

/** How many declarations a result is followed through. */
const MAX_STEPS = 3;

/** Whether `node` reads what `call` gave back, through the variables declared from it. */
export function readsResultOf(call: TSESTree.Node, node: TSESTree.Node, file: FileContext): boolean {
  const [start, end] = node.range;
  let declarator = getDeclaratorOf(call);
  const seen = new Set<Variable>();
  let frontier = declarator ? getDeclaredVariables(declarator.id, file) : [];
  for (let step = 0; step < MAX_STEPS && frontier.length > 0; step += 1) {
    const next: Variable[] = [];
    for (const variable of frontier) {
      if (seen.has(variable)) continue;
      seen.add(variable);
      for (const reference of variable.references) {
        if (reference.init) continue;
        const [from, to] = reference.identifier.range;
        if (from >= start && to <= end) return true;
        declarator = getDeclaratorOf(reference.identifier);
        if (declarator) next.push(...getDeclaredVariables(declarator.id, file));
      }
    }
    frontier = next;
  }
  return false;
}

/** The declaration whose initializer is the expression (through `await`, member reads and type casts): `const x = (await call()).data`. */
function getDeclaratorOf(node: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  let current: TSESTree.Node = node;
  for (let steps = 0; steps < 6 && current.parent; steps += 1) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === current ? parent : undefined;
    // `await`, a member read of the result, a type cast or an optional chain around it
    const passes =
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) ||
      skipTransparent(parent) !== parent;
    if (!passes) return undefined;
    current = parent;
  }
  return undefined;
}

/** The variables a declaration's pattern binds: `x`, `{ data: order }`, `[first]`, `{ id = 0, ...rest }`. */
function getDeclaredVariables(pattern: TSESTree.Node, file: FileContext): Variable[] {
  return getPatternNames(pattern).flatMap((identifier) => file.findVariable(identifier) ?? []);
}
