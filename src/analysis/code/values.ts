/**
 * Following a value to the expression that produced it: a `const`'s initializer, a
 * parameter's argument at a wrapper's call site, `this.x`'s field initializer or
 * constructor assignment.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, getPropertyName, skipTransparent } from './ast.js';
import { deeper, type Env, FileContext } from './file-context.js';

export interface Located {
  readonly node: TSESTree.Node;
  readonly env: Env;
}

/**
 * The single value `this.name` holds, when the class gives it exactly one; in a static method,
 * its static field's, or what its static getter returns (`private static get baseUrl() { return
 * config.services.payment; }`).
 */
export function getThisMemberValue(member: TSESTree.MemberExpression, name: string, file: FileContext, env: Env): TSESTree.Expression | undefined {
  const cls = file.getReceiverClass(member, env);
  if (!cls) return getObjectLiteralMember(member, name);
  if (isInStaticMethod(member)) {
    const element = cls.body.body.find(
      (item) => (item.type === AST_NODE_TYPES.PropertyDefinition || (item.type === AST_NODE_TYPES.MethodDefinition && item.kind === 'get')) && item.static && getPropertyName(item) === name,
    );
    if (element?.type === AST_NODE_TYPES.PropertyDefinition) return element.value ?? undefined;
    return element?.type === AST_NODE_TYPES.MethodDefinition ? getOnlyReturned(element.value) : undefined;
  }
  const info = file.getClassMember(cls, name);
  return info?.values.length === 1 ? info.values[0] : undefined;
}

/**
 * `this.host` in a method of an object literal (`api() { return `${this.host}:${this.port}`; }`
 * in a config's `services.product`): the object's own property, as when the method is called on
 * it (`configs.services.product.api()`).
 */
function getObjectLiteralMember(member: TSESTree.MemberExpression, name: string): TSESTree.Expression | undefined {
  for (let current: TSESTree.Node | undefined = member.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue; // `this` is the enclosing function's
    if (current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration) continue;
    const property = current.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== current || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const own = findProperty(property.parent, name);
    return own?.type === AST_NODE_TYPES.Property && own.kind === 'init' ? own.value : undefined;
  }
  return undefined;
}

/** What a getter whose body is one `return` gives back. */
function getOnlyReturned(getter: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression): TSESTree.Expression | undefined {
  const [only, ...rest] = getter.body?.body ?? [];
  return rest.length === 0 && only?.type === AST_NODE_TYPES.ReturnStatement ? (only.argument ?? undefined) : undefined;
}

/** `this` in a static method (`static async debit() { … this.BASE_URL … }`) is the class itself. */
function isInStaticMethod(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      return current.parent?.type === AST_NODE_TYPES.MethodDefinition && current.parent.static;
    }
  }
  return false;
}

/**
 * Follows identifiers bound to one value and `this.x` fields to the expression behind them.
 * Stops at anything else and returns it.
 */
export function resolveValue(node: TSESTree.Node, file: FileContext, env: Env): Located {
  let current: Located = { node: skipTransparent(node), env };
  for (let steps = 0; steps < 8 && !FileContext.isTooDeep(current.env); steps += 1) {
    const expression = current.node;
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const binding = file.getBinding(expression, current.env);
      if (binding?.kind !== 'value' || binding.path.length > 0) return current;
      current = { node: skipTransparent(binding.node), env: deeper(current.env) };
    } else if (
      expression.type === AST_NODE_TYPES.MemberExpression &&
      expression.object.type === AST_NODE_TYPES.ThisExpression &&
      !expression.computed &&
      expression.property.type === AST_NODE_TYPES.Identifier
    ) {
      const value = getThisMemberValue(expression, expression.property.name, file, current.env);
      if (!value) return current;
      current = { node: skipTransparent(value), env: deeper(current.env) };
    } else if (expression.type === AST_NODE_TYPES.AwaitExpression) {
      current = { node: skipTransparent(expression.argument), env: current.env };
    } else {
      return current;
    }
  }
  return current;
}
