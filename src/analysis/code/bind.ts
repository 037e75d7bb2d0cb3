/**
 * Binding a function's parameters to the arguments of a call, so that its body is evaluated as
 * it runs for that call: `postJson(url, body)` with `url` standing for the caller's argument.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getPropertyName, type FunctionNode } from './ast.js';
import type { Env, FileContext } from './file-context.js';
import { getObjectProperty, resolveObject } from './objects.js';

/**
 * Binds a function's parameters to a call's arguments, on top of the caller's bindings.
 * Rest parameters and destructuring patterns stay unbound (unknown).
 */
export function bindArguments(fn: FunctionNode, call: TSESTree.CallExpression, file: FileContext, env: Env): Env {
  return bindParameters(fn.params, call.arguments, file, env);
}

export function bindParameters(
  params: readonly TSESTree.Parameter[],
  args: readonly TSESTree.CallExpressionArgument[],
  file: FileContext,
  env: Env,
): Env {
  const bindings = new Map(env.bindings);
  const bind = (target: TSESTree.Node, value: TSESTree.Node | undefined): void => {
    const inner = target.type === AST_NODE_TYPES.TSParameterProperty ? target.parameter : target;
    // a default applies when the argument is missing
    const id = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
    const bound = value ?? (inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.right : undefined);
    if (id.type === AST_NODE_TYPES.Identifier) {
      const variable = file.findVariable(id);
      if (variable && bound) bindings.set(variable, bound);
    } else if (id.type === AST_NODE_TYPES.ObjectPattern) {
      // `({ method, path, body, base = process.env.X })` called with `{ method: 'POST', path: '/reserve', body }`
      const object = bound && resolveObject(bound, file, env);
      for (const property of id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = getPropertyName(property);
        const found = object && key !== undefined ? getObjectProperty(object.node, key, file, object.env) : undefined;
        bind(property.value, found?.node);
      }
    }
  };
  params.forEach((param, index) => {
    const argument = args[index];
    bind(param, argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined);
  });
  return { ...env, bindings, depth: env.depth + 1 };
}

