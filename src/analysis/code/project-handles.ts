/**
 * Handles made by the project itself: a value whose origin leads to no library we know
 * (a relative or workspace import, an untyped parameter, a field typed with a project class).
 * Publishes and database writes through them are recognised by name, as a fallback.
 */
import { builtinModules } from 'node:module';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { BROKER_ROOTS, PUBLISH_FUNCTIONS } from '../../catalog/brokers.js';
import { DATABASE_ROOTS } from '../../catalog/databases.js';
import { CLIENT_MODULES } from '../../catalog/http-clients.js';
import { IN_PROCESS_MODULES } from '../../catalog/named-handles.js';
import { getCalleeName, getPropertyName, skipTransparent } from './ast.js';
import type { FileContext } from './file-context.js';
import type { Origin } from './origin.js';
import { getPackageName } from '../../util/package-name.js';

const LIBRARY_MODULES: ReadonlySet<string> = new Set([
  ...BROKER_ROOTS.map((root) => root.module),
  ...PUBLISH_FUNCTIONS.map((root) => root.module),
  ...DATABASE_ROOTS.map((root) => root.module),
  ...CLIENT_MODULES,
  ...IN_PROCESS_MODULES,
]);

/** The origin leads to no library we know, nor to a global or a Node.js built-in. */
export function isProjectOrigin(origin: Origin | undefined): boolean {
  if (!origin) return true;
  const { module } = origin;
  if (module === 'global' || builtinModules.includes(module)) return false;
  return !LIBRARY_MODULES.has(module) && !LIBRARY_MODULES.has(getPackageName(module));
}

/**
 * A handle the project made elsewhere: its origin leads to no known library, and it is not a
 * value defined in this file (`const repository = { save: … }`, a local class or function),
 * whose behaviour is right there and says nothing about a broker or a database.
 */
export function isProjectHandle(receiver: TSESTree.Node, origin: Origin | undefined, file: FileContext): boolean {
  return isProjectOrigin(origin) && !isDefinedInFile(receiver, file);
}

function isDefinedInFile(node: TSESTree.Node, file: FileContext): boolean {
  let expression = skipTransparent(node);
  if (expression.type === AST_NODE_TYPES.NewExpression) expression = skipTransparent(expression.callee);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = file.getBinding(expression);
  if (binding?.kind === 'function' || binding?.kind === 'class') return true;
  if (binding?.kind !== 'value') return false;
  let value = skipTransparent(binding.node);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    value = skipTransparent(value.callee);
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const constructed = file.getBinding(value);
    return constructed?.kind === 'class';
  }
  return IN_FILE_VALUES.has(value.type);
}

const IN_FILE_VALUES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassExpression,
]);

/** The name a handle goes by: `producer`, `this.publisher` → `publisher`, `new OrderPublisher(…)` → `OrderPublisher`, `await getProducer()` → `getProducer`. */
export function getHandleName(node: TSESTree.Node): string | undefined {
  const expression = skipTransparent(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return expression.name;
    case AST_NODE_TYPES.MemberExpression:
      return getPropertyName(expression);
    case AST_NODE_TYPES.NewExpression:
      return getCalleeName(expression.callee);
    // `(await dbClient.usersCollection())`, `getProducer()`: what an accessor without arguments hands back
    case AST_NODE_TYPES.AwaitExpression:
      return getHandleName(expression.argument);
    case AST_NODE_TYPES.CallExpression:
      return expression.arguments.length === 0 ? getCalleeName(expression.callee) : undefined;
    default:
      return undefined;
  }
}

/** The class a handle was constructed from: `new OrderPublisher(…)` itself, or a constant holding one. */
export function getConstructedClassName(node: TSESTree.Node, file: FileContext): string | undefined {
  const expression = skipTransparent(node);
  if (expression.type === AST_NODE_TYPES.NewExpression) return getCalleeName(expression.callee);
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = file.getBinding(expression);
  if (binding?.kind !== 'value' || binding.path.length > 0) return undefined;
  const value = skipTransparent(binding.node);
  return value.type === AST_NODE_TYPES.NewExpression ? getCalleeName(value.callee) : undefined;
}

/** The class an origin instantiates: `OrderPublisher` in `new OrderPublisher(…)` or a field typed `OrderPublisher`. */
export function getOriginClassName(origin: Origin | undefined): string | undefined {
  const steps = origin?.steps ?? [];
  const last = steps.at(-1);
  const named = steps.at(-2);
  return (last?.kind === 'new' || last?.kind === 'instance') && named?.kind === 'get' ? named.name : undefined;
}
