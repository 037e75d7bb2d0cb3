/**
 * The HTTP method of a request: from the member name, an options object, a `const`, an enum
 * member, both branches of a ternary, or the left of a default (`config.method || 'GET'`, when
 * the left is known); compared case-insensitively.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findEnumMember, getPropertyName, skipTransparent } from '../code/ast.js';
import { deeper, type Env, FileContext } from '../code/file-context.js';
import { getObjectProperty, resolveObject, resolveObjectMember } from '../code/objects.js';
import { resolveValue } from '../code/values.js';

export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE', 'CONNECT', 'QUERY']);

/** Possible values of a method expression, upper-cased; undefined when any branch is unknown. */
export function evaluateMethods(node: TSESTree.Node, file: FileContext, env: Env): string[] | undefined {
  if (FileContext.isTooDeep(env)) return undefined;
  const { node: value, env: valueEnv } = resolveValue(node, file, env);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string' ? [value.value.toUpperCase()] : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0 ? [(value.quasis[0]?.value.cooked ?? '').toUpperCase()] : undefined;
    case AST_NODE_TYPES.ConditionalExpression: {
      const consequent = evaluateMethods(value.consequent, file, deeper(valueEnv));
      const alternate = evaluateMethods(value.alternate, file, deeper(valueEnv));
      return consequent && alternate ? [...new Set([...consequent, ...alternate])] : undefined;
    }
    case AST_NODE_TYPES.MemberExpression:
      return evaluateMemberMethod(value, file, valueEnv);
    case AST_NODE_TYPES.Identifier: {
      // `const { method = 'GET', url } = config`: the member of the object it was taken from
      const member = resolveObjectMember(value, file, valueEnv);
      return member ? evaluateMethods(member.node, file, deeper(member.env)) : undefined;
    }
    case AST_NODE_TYPES.LogicalExpression:
      // `config.method || 'GET'`: a method known on the left is a non-empty string, so it is the one sent
      return value.operator === '&&' ? undefined : evaluateMethods(value.left, file, deeper(valueEnv));
    default:
      return undefined;
  }
}

/** `HttpMethod.POST`, `Methods.create` (const object), `Method.Post` (enum). */
function evaluateMemberMethod(member: TSESTree.MemberExpression, file: FileContext, env: Env): string[] | undefined {
  const name = getPropertyName(member);
  if (name === undefined) return undefined;
  const object = skipTransparent(member.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const binding = file.getBinding(object, env);
    if (binding?.kind === 'enum') {
      const enumMember = findEnumMember(binding.node, name);
      if (!enumMember) return undefined;
      const initializer = enumMember.initializer;
      if (initializer?.type === AST_NODE_TYPES.Literal && typeof initializer.value === 'string') {
        return [initializer.value.toUpperCase()];
      }
      return KNOWN_METHODS.has(name.toUpperCase()) ? [name.toUpperCase()] : undefined;
    }
  }
  const resolved = resolveObject(object, file, deeper(env));
  if (resolved) {
    const value = getObjectProperty(resolved.node, name, file, resolved.env);
    return value ? evaluateMethods(value.node, file, deeper(value.env)) : undefined;
  }
  // An imported enum such as Dapr's `HttpMethod.POST`: the member name is the method.
  const objectName = object.type === AST_NODE_TYPES.Identifier ? object.name : '';
  if (/method|verb/i.test(objectName) && KNOWN_METHODS.has(name.toUpperCase())) return [name.toUpperCase()];
  return undefined;
}

export type WriteVerdict = 'write' | 'read' | 'maybe' | 'unknown';

export function classifyMethods(methods: readonly string[] | undefined): WriteVerdict {
  if (!methods) return 'unknown';
  const writes = methods.filter((method) => WRITE_METHODS.has(method));
  if (writes.length === 0) return 'read';
  return writes.length === methods.length ? 'write' : 'maybe';
}

/** The write methods among a request's possible ones, joined (`POST`, `PUT/POST`); undefined when it makes none. */
export function getWriteMethod(methods: readonly string[] | undefined): string | undefined {
  const writes = methods?.filter((method) => WRITE_METHODS.has(method));
  return writes && writes.length > 0 ? writes.join('/') : undefined;
}
