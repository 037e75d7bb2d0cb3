/**
 * Functions declared in the same file that a call reaches: `postJson(…)`, `this.send(…)`,
 * `client.charge(…)` with `const client = new PaymentsClient()`. Used to see through
 * in-file wrappers around HTTP clients.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { builtinModules } from 'node:module';
import { getPropertyName, getThisClass, isFunctionNode, skipTransparent, type FunctionNode } from './ast.js';
import type { Env, FileContext } from './file-context.js';
import { getOrigin } from './origin.js';
import { getObjectProperty, resolveObject } from './objects.js';
import { resolveValue } from './values.js';

/**
 * The function a callee refers to, if the file declares it, or, with type information,
 * if another project file does.
 */
export function resolveLocalFunction(callee: TSESTree.Node, file: FileContext, env: Env): FunctionNode | undefined {
  const local = resolveInFile(callee, file, env);
  if (local || !file.resolver) return local;
  const expression = skipTransparent(callee);
  if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (expression.type === AST_NODE_TYPES.MemberExpression && BUILTIN_MEMBERS.has(getPropertyName(expression) ?? '')) return undefined;
  // a global's or a Node built-in's function is declared outside the project: no need to ask the checker
  const origin = getOrigin(expression, file, env);
  if (origin && (origin.module === 'global' || isBuiltinModule(origin.module) || file.resolver.isExternalModule(origin.module))) {
    return undefined;
  }
  return file.resolver.resolveCallee(expression);
}

function isBuiltinModule(module: string): boolean {
  return builtinModules.includes(module);
}

/** Members of built-in objects (arrays, promises, strings, maps) called everywhere; never project code worth following. */
const BUILTIN_MEMBERS = new Set([
  'map', 'filter', 'forEach', 'reduce', 'find', 'findIndex', 'some', 'every', 'includes', 'indexOf', 'push', 'pop', 'shift',
  'unshift', 'slice', 'splice', 'concat', 'join', 'split', 'sort', 'flat', 'flatMap', 'keys', 'values', 'entries', 'then',
  'catch', 'finally', 'toString', 'toFixed', 'trim', 'replace', 'replaceAll', 'startsWith', 'endsWith', 'toLowerCase',
  'toUpperCase', 'padStart', 'padEnd', 'get', 'set', 'has', 'add', 'delete', 'clear', 'bind', 'call', 'apply', 'log',
  'info', 'warn', 'error', 'debug', 'stringify', 'parse', 'assign', 'from', 'of', 'isArray', 'now', 'toISOString',
]);

/** The function a callee refers to, if this file declares it. */
export function resolveInFile(callee: TSESTree.Node, file: FileContext, env: Env): FunctionNode | undefined {
  const expression = skipTransparent(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) return file.getDeclaredFunction(expression, env);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = getPropertyName(expression);
  if (name === undefined) return undefined;
  if (expression.object.type === AST_NODE_TYPES.ThisExpression) {
    const cls = getThisClass(expression);
    return cls ? file.getClassMember(cls, name)?.method : undefined;
  }
  const receiver = resolveValue(expression.object, file, env).node;
  if (receiver.type === AST_NODE_TYPES.NewExpression && receiver.callee.type === AST_NODE_TYPES.Identifier) {
    const binding = file.getBinding(receiver.callee, env);
    return binding?.kind === 'class' ? file.getClassMember(binding.node, name)?.method : undefined;
  }
  if (receiver.type === AST_NODE_TYPES.ObjectExpression) {
    const property = receiver.properties.find(
      (item): item is TSESTree.Property => item.type === AST_NODE_TYPES.Property && getPropertyName(item) === name,
    );
    const value = property && skipTransparent(property.value);
    return value && isFunctionNode(value) ? value : undefined;
  }
  return undefined;
}

/**
 * Binds a function's parameters to a call's arguments, on top of the caller's bindings.
 * Rest parameters and destructuring patterns stay unbound (unknown).
 */
export function bindArguments(fn: FunctionNode, call: TSESTree.CallExpression, file: FileContext, env: Env): Env {
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
  fn.params.forEach((param, index) => {
    const argument = call.arguments[index];
    bind(param, argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined);
  });
  return { bindings, depth: env.depth + 1 };
}

/**
 * The function that "owns" a call: the nearest enclosing function that is not an anonymous
 * callback passed as an argument (`retry(() => axios.post(…))` belongs to the function
 * around `retry`), else the outermost callback (an Express handler `app.post('/x', async () => …)`).
 */
export function getOwnerFunction(node: TSESTree.Node): FunctionNode | undefined {
  let outermost: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const isCallback =
      current.type !== AST_NODE_TYPES.FunctionDeclaration &&
      (current.parent.type === AST_NODE_TYPES.CallExpression || current.parent.type === AST_NODE_TYPES.NewExpression) &&
      current.parent.arguments.includes(current);
    if (!isCallback) return current;
    outermost = current;
  }
  return outermost;
}


/** Calls that register a callback to run later, on its own: routes, listeners, schedules. */
const REGISTRATION_MEMBERS = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'route', 'head', 'options', 'on', 'once', 'addListener',
  'addEventListener', 'subscribe', 'handle', 'process', 'consume', 'schedule', 'register', 'command', 'action', 'every',
]);
const REGISTRATION_FUNCTIONS = new Set(['setInterval', 'setTimeout', 'setImmediate', 'queueMicrotask']);

/**
 * The function a call runs in as one execution: like `getOwnerFunction`, callbacks run in
 * place (`retry(() => …)`, `$transaction(async (tx) => …)`) belong to the function around
 * them, but a callback registered to run later (a route handler, a listener, a timer) is an
 * execution of its own.
 */
export function getExecutionOwner(node: TSESTree.Node): FunctionNode | undefined {
  let outermost: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const call = current.parent;
    const isCallback =
      current.type !== AST_NODE_TYPES.FunctionDeclaration &&
      (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) &&
      call.arguments.includes(current);
    if (!isCallback || isRegistration(call)) return current;
    outermost = current;
  }
  return outermost;
}

function isRegistration(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return REGISTRATION_FUNCTIONS.has(callee.name);
  return callee.type === AST_NODE_TYPES.MemberExpression && REGISTRATION_MEMBERS.has(getPropertyName(callee) ?? '');
}
