/**
 * Control flow read from the syntax: whether two calls can run in the same execution of a
 * function (not in opposite branches, not after a branch that returned), and whether a call can
 * run at all when its function runs with known arguments.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction, getPropertyName, skipTransparent } from './ast.js';
import { deeper, type Env, FileContext } from './file-context.js';
import { resolveValue } from './values.js';

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

/**
 * A call that cannot run when its function runs in `env`: it sits in a branch of an `if`, a
 * conditional or a `switch` whose test the environment decides against it, or after an `if`
 * whose branch the environment takes leaves the function. A wrapper that picks
 * its client method by a parameter (`if (method === 'GET') http.get(url) else if (method ===
 * 'PUT') http.put(url, data) else http.post(url, data)`), entered with `'GET'`, makes no `PUT`.
 * @param fn the function the call belongs to: only the branches inside it are read
 */
export function isRuledOut(call: TSESTree.Node, fn: TSESTree.Node, file: FileContext, env: Env): boolean {
  for (let current: TSESTree.Node = call; current !== fn && current.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== current) {
      const test = decide(parent.test, file, env);
      if (test !== undefined && test !== (parent.consequent === current)) return true;
    } else if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test !== current && isCaseRuledOut(parent, file, env)) {
      return true;
    }
    const siblings = parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : undefined;
    if (siblings && leftBefore(siblings, current, file, env)) return true;
  }
  return false;
}

/** A statement before `statement` in its block that always leaves the function in `env`: `if (method === 'get') return …;` entered with `'get'`. */
function leftBefore(statements: readonly TSESTree.Node[], statement: TSESTree.Node, file: FileContext, env: Env): boolean {
  for (const before of statements) {
    if (before === statement) return false;
    if (before.type !== AST_NODE_TYPES.IfStatement) continue;
    const test = decide(before.test, file, env);
    const branch = test === true ? before.consequent : test === false ? before.alternate : null;
    if (branch && endsExecution(branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch], false)) return true;
  }
  return false;
}

/**
 * No way into a `switch` case the discriminant's value allows: neither its own test nor that of
 * a case before it that falls through into it matches, and no `default` leads into it.
 */
function isCaseRuledOut(switchCase: TSESTree.SwitchCase, file: FileContext, env: Env): boolean {
  const statement = switchCase.parent;
  const values = getStrings(statement.discriminant, file, env);
  if (values?.length !== 1) return false;
  for (let index = statement.cases.indexOf(switchCase); index >= 0; index -= 1) {
    const entry = statement.cases[index]!;
    // a case before this one that leaves the switch leads nowhere here
    if (entry !== switchCase && entry.consequent.length > 0 && endsExecution(entry.consequent, true)) return true;
    if (!entry.test) return false;
    const tests = getStrings(entry.test, file, env);
    if (!tests || tests.includes(values[0]!)) return false;
  }
  return true;
}

/** The value of a condition in `env`, when the strings it compares are known. */
function decide(node: TSESTree.Node, file: FileContext, env: Env): boolean | undefined {
  const test = skipTransparent(node);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const inner = decide(test.argument, file, env);
    return inner === undefined ? undefined : !inner;
  }
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator !== '??') {
    const left = decide(test.left, file, env);
    const right = decide(test.right, file, env);
    if (test.operator === '&&') return left === false || right === false ? false : left && right ? true : undefined;
    return left === true || right === true ? true : left === false && right === false ? false : undefined;
  }
  if (test.type !== AST_NODE_TYPES.BinaryExpression) {
    // `if (method)`: a string is true unless empty
    const values = getStrings(test, file, env);
    return values?.every((value) => value !== '') ? true : values?.every((value) => value === '') ? false : undefined;
  }
  if (!['===', '==', '!==', '!='].includes(test.operator)) return undefined;
  const left = getStrings(test.left, file, env);
  const right = getStrings(test.right, file, env);
  if (!left || !right) return undefined;
  const equal = left.length === 1 && right.length === 1 && left[0] === right[0] ? true : left.every((value) => !right.includes(value)) ? false : undefined;
  return equal === undefined || test.operator === '===' || test.operator === '==' ? equal : !equal;
}

const CASE_CHANGES: ReadonlyMap<string, (value: string) => string> = new Map([
  ['toUpperCase', (value: string) => value.toUpperCase()],
  ['toLowerCase', (value: string) => value.toLowerCase()],
]);

/** The strings an expression may hold in `env`: a literal it resolves to, both branches of a conditional, a case change of one. */
function getStrings(node: TSESTree.Node, file: FileContext, env: Env): string[] | undefined {
  if (FileContext.isTooDeep(env)) return undefined;
  const { node: value, env: valueEnv } = resolveValue(node, file, env);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' ? [value.value] : undefined;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0 ? [value.quasis[0]?.value.cooked ?? ''] : undefined;
  if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    const consequent = getStrings(value.consequent, file, deeper(valueEnv));
    const alternate = getStrings(value.alternate, file, deeper(valueEnv));
    return consequent && alternate ? [...new Set([...consequent, ...alternate])] : undefined;
  }
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 0 && value.callee.type === AST_NODE_TYPES.MemberExpression) {
    const change = CASE_CHANGES.get(getPropertyName(value.callee) ?? '');
    return change ? getStrings(value.callee.object, file, deeper(valueEnv))?.map(change) : undefined;
  }
  return undefined;
}
