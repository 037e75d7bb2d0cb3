/**
 * Object literals behind expressions: request options, instance configs, payloads.
 * `axios(cfg)` with `const cfg = { ...defaults, method: 'post' }` reads `method` from the
 * literal and `url` from `defaults`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getPropertyName, skipTransparent } from './ast.js';
import { deeper, type Env, FileContext } from './file-context.js';
import { type Located, resolveValue } from './values.js';

export interface LocatedObject {
  readonly node: TSESTree.ObjectExpression;
  readonly env: Env;
}

export function resolveObject(node: TSESTree.Node, file: FileContext, env: Env): LocatedObject | undefined {
  const located = resolveValue(node, file, env);
  if (located.node.type === AST_NODE_TYPES.ObjectExpression) return { node: located.node, env: located.env };
  if (located.node.type === AST_NODE_TYPES.Identifier) {
    // const { payments } = services; → services.payments
    const binding = file.getBinding(located.node, located.env);
    if (binding?.kind === 'value' && binding.path.length > 0) {
      let object = resolveObject(binding.node, file, deeper(located.env));
      for (const name of binding.path) {
        if (!object) return undefined;
        const value = getObjectProperty(object.node, name, file, object.env);
        object = value ? resolveObject(value.node, file, value.env) : undefined;
      }
      return object;
    }
  }
  if (located.node.type === AST_NODE_TYPES.CallExpression) {
    // what a validator hands back is the object it checked: `configSchema.parse({ paymentUrl: process.env.PAYMENT_URL })`
    const checked = getCheckedObject(located.node, CHECKERS_RETURNING_VALUE);
    return checked ? resolveObject(checked, file, deeper(located.env)) : undefined;
  }
  if (located.node.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(located.node);
    if (name === undefined) return undefined;
    // zod's `schema.safeParse({ … }).data`, joi's `schema.validate({ … }).value`
    if (VALIDATED_MEMBERS.has(name)) {
      const result = resolveValue(located.node.object, file, deeper(located.env));
      const checked = result.node.type === AST_NODE_TYPES.CallExpression ? getCheckedObject(result.node, CHECKERS_RETURNING_RESULT) : undefined;
      if (checked) return resolveObject(checked, file, deeper(result.env));
    }
    const object = resolveObject(located.node.object, file, deeper(located.env));
    const value = object && getObjectProperty(object.node, name, file, object.env);
    return value ? resolveObject(value.node, file, value.env) : undefined;
  }
  return undefined;
}

/** What a validator hands back of the object it checked: `schema.validate(process.env).value`, zod's `safeParse(…).data`. */
export const VALIDATED_MEMBERS: ReadonlySet<string> = new Set(['value', 'data']);

/** Validators that return the object they checked: zod's `parse`, `parseAsync`. */
const CHECKERS_RETURNING_VALUE: ReadonlySet<string> = new Set(['parse', 'parseAsync']);
/** Validators that return a result holding it (`.data`, `.value`): zod's `safeParse`, joi's `validate`. */
const CHECKERS_RETURNING_RESULT: ReadonlySet<string> = new Set(['safeParse', 'safeParseAsync', 'validate']);

/** The object literal a schema's validator is handed: `schema.safeParse({ … })`; not `JSON.parse(text)`. */
function getCheckedObject(call: TSESTree.CallExpression, members: ReadonlySet<string>): TSESTree.Node | undefined {
  const callee = skipTransparent(call.callee);
  const first = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !members.has(getPropertyName(callee) ?? '') || first?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return first;
}

/** A property's value in an object literal, looking through spreads (last one wins). */
export function getObjectProperty(object: TSESTree.ObjectExpression, name: string, file: FileContext, env: Env): Located | undefined {
  if (FileContext.isTooDeep(env)) return undefined;
  for (let index = object.properties.length - 1; index >= 0; index -= 1) {
    const property = object.properties[index]!;
    if (property.type === AST_NODE_TYPES.Property) {
      if (property.kind === 'init' && getPropertyName(property) === name) {
        return { node: skipTransparent(property.value), env };
      }
    } else {
      const spread = resolveObject(property.argument, file, deeper(env));
      const value = spread && getObjectProperty(spread.node, name, file, spread.env);
      if (value) return value;
    }
  }
  return undefined;
}

/**
 * The value at a path of keys inside the object a node holds: `config` and `['method']` for
 * `const { method = 'GET' } = config`, with `config` bound to `{ ...options, method: 'POST' }`.
 * Undefined when an object on the way is unknown or has no such key.
 */
export function getPathValue(node: TSESTree.Node, path: readonly string[], file: FileContext, env: Env): Located | undefined {
  let located: Located | undefined = { node, env };
  for (const key of path) {
    const object: LocatedObject | undefined = resolveObject(located.node, file, deeper(located.env));
    located = object && getObjectProperty(object.node, key, file, object.env);
    if (!located) return undefined;
  }
  return located;
}

/**
 * What a name destructured from an object holds (`const { data } = config`), or a member read of
 * an object (`config.body`): the value written in the object literal, when it is known.
 */
export function resolveObjectMember(node: TSESTree.Node, file: FileContext, env: Env): Located | undefined {
  const expression = skipTransparent(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const binding = file.getBinding(expression, env);
    return binding?.kind === 'value' && binding.path.length > 0 ? getPathValue(binding.node, binding.path, file, env) : undefined;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type !== AST_NODE_TYPES.ThisExpression) {
    const name = getPropertyName(expression);
    return name === undefined ? undefined : getPathValue(expression.object, [name], file, env);
  }
  return undefined;
}

/** Whether an object literal (or a spread in it we cannot see) might have the property. */
export function hasUnknownSpread(object: TSESTree.ObjectExpression, file: FileContext, env: Env): boolean {
  return object.properties.some(
    (property) => property.type === AST_NODE_TYPES.SpreadElement && !resolveObject(property.argument, file, env),
  );
}

/** Every key an object literal shows, with spreads of resolvable objects flattened. */
export function getObjectKeys(object: TSESTree.ObjectExpression, file: FileContext, env: Env): string[] {
  const keys: string[] = [];
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property) {
      const name = getPropertyName(property);
      if (name !== undefined) keys.push(name);
    } else if (!FileContext.isTooDeep(env)) {
      const spread = resolveObject(property.argument, file, deeper(env));
      if (spread) keys.push(...getObjectKeys(spread.node, file, spread.env));
    }
  }
  return keys;
}
