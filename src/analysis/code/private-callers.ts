/**
 * The calls of a helper that only its own file can call: a `private` or `#` method called as
 * `this.post(…)` inside its class, or a module-level function that is neither exported nor
 * used as a value. Nothing outside the file calls such a helper, so these calls are all there is.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getPropertyName, getThisClass, type FunctionNode } from './ast.js';
import type { FileContext } from './file-context.js';
import { getValueReferences } from './functions.js';

/**
 * The calls of `fn` when only its file can call it; undefined when code elsewhere may call it
 * (exported, public, passed as a value) or when it has no name to be called by.
 * @param calls every call of the file
 */
export function getPrivateCallers(fn: FunctionNode, file: FileContext, calls: readonly TSESTree.CallExpression[]): TSESTree.CallExpression[] | undefined {
  const method = fn.parent;
  if ((method.type === AST_NODE_TYPES.MethodDefinition || method.type === AST_NODE_TYPES.PropertyDefinition) && method.value === fn) {
    return isPrivateMember(method) ? getThisCalls(method, calls) : undefined;
  }
  if (!isModuleLevel(fn)) return undefined;
  const references = getValueReferences(fn, file);
  const callers: TSESTree.CallExpression[] = [];
  for (const reference of references) {
    const parent = reference.parent;
    // any other use (`module.exports = { post }`, `retry(post)`) lets code elsewhere call it
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== reference) return undefined;
    callers.push(parent);
  }
  return callers;
}

function isPrivateMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): boolean {
  return member.key.type === AST_NODE_TYPES.PrivateIdentifier || member.accessibility === 'private';
}

/** `this.name(…)` calls inside the member's class. */
function getThisCalls(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, calls: readonly TSESTree.CallExpression[]): TSESTree.CallExpression[] {
  const cls = member.parent.parent;
  const name = getPropertyName(member);
  const hash = member.key.type === AST_NODE_TYPES.PrivateIdentifier;
  if (name === undefined) return [];
  return calls.filter((call) => {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return false;
    // `this.#post(…)` calls `#post`, never a `post`
    if ((callee.property.type === AST_NODE_TYPES.PrivateIdentifier) !== hash) return false;
    return getPropertyName(callee) === name && getThisClass(call) === cls;
  });
}

/** A function declared at the top of a module, not exported: `async function post(…)`, `const post = async (…) => …`. */
function isModuleLevel(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.parent.type === AST_NODE_TYPES.Program && fn.id !== null;
  const declarator = fn.parent;
  return (
    declarator.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init === fn &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    declarator.parent.parent.type === AST_NODE_TYPES.Program
  );
}
