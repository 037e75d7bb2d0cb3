/**
 * Control flow read from the syntax: whether two calls can run in the same execution of a
 * function (not in opposite branches, not after a branch that returned).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction } from './ast.js';

/**
 * Two calls that never run in the same execution: in different branches of one `if` or
 * conditional, in different `switch` cases that do not fall through, or one in a branch that
 * returns or throws (from the function itself, not from a callback) before the other.
 */
export function areExclusive(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const [first, second] = a.range[0] <= b.range[0] ? [a, b] : [b, a];
  for (let current: TSESTree.Node | undefined = first; current?.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (contains(parent, second)) {
      if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
        return parent.test !== current && !contains(current, second);
      }
      if (parent.type === AST_NODE_TYPES.SwitchStatement && current.type === AST_NODE_TYPES.SwitchCase) {
        return !contains(current, second) && endsExecution(current.consequent, true);
      }
      return false;
    }
    // `first` sits in a branch that leaves its function; `second` comes after that branch, in that function
    const isBranch =
      (parent.type === AST_NODE_TYPES.IfStatement && (parent.consequent === current || parent.alternate === current)) ||
      parent.type === AST_NODE_TYPES.SwitchCase;
    const branchFunction = isBranch ? getEnclosingFunction(parent) : undefined;
    if (isBranch && (!branchFunction || contains(branchFunction, second))) {
      const branch: readonly TSESTree.Node[] =
        parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : current.type === AST_NODE_TYPES.BlockStatement ? current.body : [current];
      if (endsExecution(branch, false)) return true;
    }
  }
  return false;
}

/** The statements end in `return`/`throw` (or `break`/`continue` when leaving a switch case counts). */
function endsExecution(statements: readonly TSESTree.Node[], breakCounts: boolean): boolean {
  const last = statements.at(-1);
  if (!last) return false;
  if (last.type === AST_NODE_TYPES.ReturnStatement || last.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (breakCounts && (last.type === AST_NODE_TYPES.BreakStatement || last.type === AST_NODE_TYPES.ContinueStatement)) return true;
  return last.type === AST_NODE_TYPES.BlockStatement && endsExecution(last.body, breakCounts);
}

function contains(container: TSESTree.Node, node: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
