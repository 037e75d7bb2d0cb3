/**
 * Where a value comes from, by origin rather than by name: the module it was imported or
 * required from and the access path taken from there. `api.post` after
 * `const api = axios.create(cfg)` is `axios › create › () › post`; `this.http.post` with
 * `constructor(private http: HttpService)` is `@nestjs/axios › HttpService › <instance> › post`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, getPropertyName, isFunctionNode, skipTransparent } from './ast.js';
import { stepToken } from './families.js';
import { bindArguments } from './bind.js';
import { type Binding, deeper, EMPTY_ENV, type Env, FileContext, type ImportBinding } from './file-context.js';
import { getObjectProperty, resolveObject } from './objects.js';
import { resolveValue } from './values.js';

type Variable = TSESLint.Scope.Variable;

/** A step of an access path. */
export type Step =
  | { readonly kind: 'get'; readonly name: string }
  /** `env`: the bindings the call was made with, inside a factory of the project (`makeClient('billing')`) */
  | { readonly kind: 'call'; readonly node: TSESTree.CallExpression; readonly env?: Env }
  | { readonly kind: 'new'; readonly node: TSESTree.NewExpression }
  /** A value declared with a type (`http: HttpService`): an instance of what the path names. */
  | { readonly kind: 'instance' };

export interface Origin {
  /** Module specifier without the `node:` prefix, or `global` for a global binding. */
  readonly module: string;
  readonly steps: readonly Step[];
}

/** Modules whose `default` export is the module itself for our purposes (CJS interop). */
function normalizeModule(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

/** Globals that hold the global object: `globalThis.fetch` is `fetch`. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

function extend(origin: Origin | undefined, ...steps: Step[]): Origin | undefined {
  if (!origin) return undefined;
  const added = steps.filter((step) => !(step.kind === 'get' && step.name === 'default'));
  const all = [...origin.steps, ...added];
  const first = all[0];
  if (origin.module === 'global' && all.length > 1 && first?.kind === 'get' && GLOBAL_OBJECTS.has(first.name)) all.shift();
  return { module: origin.module, steps: all };
}

function fromPath(origin: Origin | undefined, path: readonly string[]): Origin | undefined {
  return extend(origin, ...path.map((name): Step => ({ kind: 'get', name })));
}

/** Origins computed without argument bindings, per node: every analysis step asks for the same callees. */
const originCache = new WeakMap<TSESTree.Node, Origin | null>();

export function getOrigin(node: TSESTree.Node, file: FileContext, env: Env = EMPTY_ENV): Origin | undefined {
  if (env.bindings.size > 0 || env.thisClass) return computeOrigin(node, file, env);
  let origin = originCache.get(node);
  if (origin === undefined) {
    origin = computeOrigin(node, file, env) ?? null;
    originCache.set(node, origin);
  }
  return origin ?? undefined;
}

function computeOrigin(node: TSESTree.Node, file: FileContext, env: Env): Origin | undefined {
  if (FileContext.isTooDeep(env)) return undefined;
  const expression = skipTransparent(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return getIdentifierOrigin(expression, file, env);
    case AST_NODE_TYPES.MemberExpression: {
      const name = getPropertyName(expression) ?? getBoundKey(expression, file, env);
      if (name === undefined) return undefined;
      if (expression.object.type === AST_NODE_TYPES.ThisExpression) return getThisMemberOrigin(expression, name, file, env);
      const object = getOrigin(expression.object, file, deeper(env));
      // an object of the project's own (a module, an object literal): the property may lead further than its name
      if (!object || isProjectModule(object.module, expression, file)) {
        return getPropertyOrigin(expression, name, file, env) ?? extend(object, { kind: 'get', name });
      }
      return extend(object, { kind: 'get', name });
    }
    case AST_NODE_TYPES.CallExpression: {
      const required = getRequiredModule(expression);
      if (required !== undefined) return { module: normalizeModule(required), steps: [] };
      // `globalThis.fetch.bind(globalThis)`, `axios.post.bind(axios)`: the function itself, its `this` fixed
      const bound = skipTransparent(expression.callee);
      if (bound.type === AST_NODE_TYPES.MemberExpression && getPropertyName(bound) === 'bind' && !bound.computed) return getOrigin(bound.object, file, deeper(env));
      const callee = getOrigin(expression.callee, file, deeper(env));
      // a factory of the project: `const api = (userId) => axios.create({ … }); api(id).post(…)`, with its arguments bound,
      // also one a workspace package exports (`createServiceClient(config.eventServiceUrl)` of `@app/common`)
      if (callee && !isProjectModule(callee.module, expression, file)) {
        return extend(callee, env.bindings.size > 0 ? { kind: 'call', node: expression, env } : { kind: 'call', node: expression });
      }
      const fn = getFactory(skipTransparent(expression.callee), file, env);
      const returned = fn && getReturnedValue(fn);
      const made = returned && getOrigin(returned, file, bindArguments(fn, expression, file, env));
      if (made) return made;
      // what it is declared to return (`getDatabase(): Pool`), else where the import says it comes from
      const declared = fn?.returnType && getTypeOrigin(unwrapPromise(fn.returnType.typeAnnotation), file, deeper(env));
      return declared ?? extend(callee ?? getImportedOrigin(expression.callee, file), { kind: 'call', node: expression });
    }
    case AST_NODE_TYPES.NewExpression:
      return extend(getOrigin(expression.callee, file, deeper(env)), { kind: 'new', node: expression });
    case AST_NODE_TYPES.AwaitExpression:
      return getOrigin(expression.argument, file, deeper(env));
    case AST_NODE_TYPES.ConditionalExpression: {
      // `secure ? https : http`: one client either way
      const consequent = getOrigin(expression.consequent, file, deeper(env));
      const alternate = consequent && getOrigin(expression.alternate, file, deeper(env));
      if (!alternate || alternate.steps.map(stepToken).join('.') !== consequent.steps.map(stepToken).join('.')) return undefined;
      const modules = new Set([consequent.module, alternate.module]);
      return modules.size === 1 || (modules.has('http') && modules.has('https')) ? consequent : undefined;
    }
    case AST_NODE_TYPES.LogicalExpression: {
      // `options.fetch ?? fetch`: a client that may be swapped (in tests), the default one otherwise
      if (expression.operator === '&&') return undefined;
      return getOrigin(expression.left, file, deeper(env)) ?? getOrigin(expression.right, file, deeper(env));
    }
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression: {
      // a shim that hands every argument on: `(...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args))`
      const forwarded = getForwardedCallee(expression);
      return forwarded && getOrigin(forwarded, file, deeper(env));
    }
    case AST_NODE_TYPES.ImportExpression:
      return expression.source.type === AST_NODE_TYPES.Literal && typeof expression.source.value === 'string'
        ? { module: normalizeModule(expression.source.value), steps: [] }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * The callee a function hands all its arguments to, as they came: `(...args) => fetch(...args)`,
 * or through the module it loads first, `(...args) => import('node-fetch').then(({ default:
 * fetch }) => fetch(...args))` (how CommonJS code loads an ES-module-only client). Such a
 * function is the callee itself.
 */
function getForwardedCallee(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): TSESTree.Node | undefined {
  const [only] = fn.params;
  const rest = fn.params.length === 1 && only?.type === AST_NODE_TYPES.RestElement ? only.argument : undefined;
  if (rest?.type !== AST_NODE_TYPES.Identifier) return undefined;
  /** The call, when it is given the rest parameter spread and nothing else. */
  const forwarding = (node: TSESTree.Node | undefined): TSESTree.CallExpression | undefined => {
    const call = node && skipTransparent(node);
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return undefined;
    const only = call.arguments[0]!;
    return only.type === AST_NODE_TYPES.SpreadElement && only.argument.type === AST_NODE_TYPES.Identifier && only.argument.name === rest.name ? call : undefined;
  };
  const returned = getReturnedValue(fn);
  const direct = forwarding(returned);
  if (direct) return direct.callee;
  // `import('x').then((module) => …)`: the callback's call, its callee read through the loaded module
  const call = returned && skipTransparent(returned);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(call.callee) !== 'then') return undefined;
  const callback = call.arguments[0];
  return callback && isFunctionNode(callback) ? forwarding(getReturnedValue(callback))?.callee : undefined;
}

/**
 * `this.client[method](path, options)` in a helper called as `request('post', …)`: the key of a
 * computed member is a name when the environment binds it to a string.
 */
function getBoundKey(member: TSESTree.MemberExpression, file: FileContext, env: Env): string | undefined {
  if (!member.computed || env.bindings.size === 0 || member.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const value = resolveValue(member.property, file, env).node;
  return value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' ? value.value : undefined;
}

/** What a function returns, when it returns one thing: the body of an arrow function, or the argument of a block's only `return`. */
export function getReturnedValue(fn: FunctionNode): TSESTree.Node | undefined {
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return fn.body ?? undefined;
  const returns = fn.body.body.filter((statement): statement is TSESTree.ReturnStatement => statement.type === AST_NODE_TYPES.ReturnStatement);
  return returns.length === 1 ? (returns[0]!.argument ?? undefined) : undefined;
}

/** A function of the project called by name (`makeClient(…)`) or a method of the same class (`this.createClient()`). */
function getFactory(callee: TSESTree.Node, file: FileContext, env: Env): FunctionNode | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return file.getDeclaredFunction(callee, env);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = getPropertyName(callee);
  const cls = file.getReceiverClass(callee, env);
  return cls && name !== undefined ? file.getClassMember(cls, name)?.method : undefined;
}

/** `require('x')`, `require('x').default` is handled by the member step. */
function getRequiredModule(call: TSESTree.CallExpression): string | undefined {
  if (
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    call.arguments.length === 1 &&
    call.arguments[0]!.type === AST_NODE_TYPES.Literal &&
    typeof call.arguments[0]!.value === 'string'
  ) {
    return call.arguments[0]!.value;
  }
  return undefined;
}

/**
 * A property whose object has no origin of its own: an export read from a whole module
 * (`http.paymentsApi` after `const http = require('./http')`), or a property of an object
 * literal (`clients.paymentsApi` with `const clients = { paymentsApi }`).
 */
function getPropertyOrigin(member: TSESTree.MemberExpression, name: string, file: FileContext, env: Env): Origin | undefined {
  const exported = file.getMemberBinding(member, env);
  if (exported) return getBindingOrigin(exported, file, env);
  const object = resolveObject(member.object, file, deeper(env));
  const property = object && getObjectProperty(object.node, name, file, object.env);
  return property && getOrigin(property.node, file, deeper(property.env));
}

function getIdentifierOrigin(identifier: TSESTree.Identifier, file: FileContext, env: Env): Origin | undefined {
  const binding = file.getBinding(identifier, env);
  const origin = binding && getBindingOrigin(binding, file, env);
  // a function followed into its module is entered by the call path (factories, declared return types)
  return origin ?? (binding?.kind === 'function' ? undefined : getImportedOrigin(identifier, file));
}

/**
 * The origin an import names (`../config/database › getDatabase`) when the project layer
 * followed it to a value with no origin of its own: what the module path and the imported
 * name say is still known, as it is without the project layer. Undefined without the layer,
 * where {@link getOrigin} already gives it.
 */
export function getImportedOrigin(node: TSESTree.Node, file: FileContext): Origin | undefined {
  if (!file.resolver) return undefined;
  const expression = skipTransparent(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = file.getImportBinding(expression);
  return imported && getImportOrigin(imported);
}

/** `./http`, `../config`, `@app/config`, `#lib/http`: a module of the project's own, not a package's. */
function isProjectModule(module: string, node: TSESTree.Node, file: FileContext): boolean {
  if (!file.resolver || module === 'global') return false;
  if (module.startsWith('.') || module.startsWith('/')) return true;
  return !file.resolver.isExternalModule(file.fileOf(node), module);
}

/** `Promise<Pool>` → `Pool`: an awaited call's value. */
function unwrapPromise(type: TSESTree.TypeNode): TSESTree.TypeNode {
  if (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    type.typeName.name === 'Promise' &&
    type.typeArguments?.params.length === 1
  ) {
    return type.typeArguments.params[0]!;
  }
  return type;
}

function getBindingOrigin(binding: Binding, file: FileContext, env: Env): Origin | undefined {
  switch (binding.kind) {
    case 'global':
      return { module: 'global', steps: [{ kind: 'get', name: binding.name }] };
    case 'import':
      return getImportOrigin(binding);
    case 'value':
      return fromPath(getOrigin(binding.node, file, deeper(env)), binding.path);
    case 'type':
      return getTypeOrigin(binding.node, file, env);
    case 'parameter':
      // `constructor(private readonly http: HttpClient = axios)`: the default when the type tells nothing
      return (
        (binding.type ? getTypeOrigin(binding.type, file, env) : undefined) ??
        getDefaultOrigin(binding.variable, file, env) ??
        (binding.type ? undefined : getCallbackParameterOrigin(binding.variable, file, env))
      );
    case 'class':
      // `class Order extends Model {}`: the subclass is used like its base (`Order.create(…)`)
      return binding.node.superClass ? getOrigin(binding.node.superClass, file, deeper(env)) : undefined;
    default:
      return undefined;
  }
}

/** `import { create } from 'axios'` → `axios › create`; `const { a } = require('x')` → `x › a`. */
function getImportOrigin(binding: ImportBinding): Origin | undefined {
  const base: Origin = { module: normalizeModule(binding.source), steps: [] };
  const names = binding.imported === undefined || binding.imported === '*' ? [] : [binding.imported];
  return fromPath(base, [...names, ...(binding.path ?? [])]);
}

/** The origin of a parameter's default value (`client = axios`), which it holds when no argument is given. */
function getDefaultOrigin(variable: Variable, file: FileContext, env: Env): Origin | undefined {
  const def = variable.defs[0];
  const pattern = def?.name.parent;
  if (pattern?.type !== AST_NODE_TYPES.AssignmentPattern || pattern.left !== def!.name) return undefined;
  return getOrigin(pattern.right, file, deeper(env));
}

/**
 * A parameter of a callback passed to a library call: `prisma.$transaction(async (tx) => …)`
 * gives `tx` the origin `… › $transaction › () › <arg0.param0>`, so catalogs can say what
 * the library hands its callbacks.
 */
function getCallbackParameterOrigin(variable: Variable, file: FileContext, env: Env): Origin | undefined {
  const def = variable.defs[0];
  const fn = def?.node;
  if (!fn || !isFunctionNode(fn)) return undefined;
  const loaded = getLoadedModuleMember(fn, def.name);
  if (loaded) return loaded;
  const paramIndex = fn.params.findIndex((param) => param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name));
  const call = fn.parent;
  if (paramIndex === -1 || (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression)) return undefined;
  const argIndex = call.arguments.findIndex((argument) => argument === fn);
  if (argIndex === -1) return undefined;
  const callee = getOrigin(call.callee, file, deeper(env));
  const step: Step = call.type === AST_NODE_TYPES.CallExpression ? { kind: 'call', node: call } : { kind: 'new', node: call };
  return extend(callee, step, { kind: 'get', name: `<arg${argIndex}.param${paramIndex}>` });
}

/**
 * A parameter of the callback a dynamic import is resolved with, or a member destructured from
 * it: `import('node-fetch').then(({ default: fetch }) => …)` gives `fetch` the origin
 * `node-fetch` (its default export), `import('got').then((got) => …)` gives `got` its module's.
 */
function getLoadedModuleMember(fn: FunctionNode, name: TSESTree.Node): Origin | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const loader = skipTransparent(call.callee.object);
  if (getPropertyName(call.callee) !== 'then' || loader.type !== AST_NODE_TYPES.ImportExpression) return undefined;
  if (loader.source.type !== AST_NODE_TYPES.Literal || typeof loader.source.value !== 'string') return undefined;
  const param = fn.params[0];
  if (!param) return undefined;
  const path: string[] = [];
  for (let node: TSESTree.Node = name; node !== param; ) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === node) {
      const key = getPropertyName(parent);
      if (key === undefined) return undefined;
      path.unshift(key);
      node = parent.parent;
    } else if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
      node = parent;
    } else return undefined;
  }
  return fromPath({ module: normalizeModule(loader.source.value), steps: [] }, path);
}

function getThisMemberOrigin(
  member: TSESTree.MemberExpression,
  name: string,
  file: FileContext,
  env: Env,
): Origin | undefined {
  const cls = file.getReceiverClass(member, env);
  if (!cls) return undefined;
  const info = file.getClassMember(cls, name);
  if (!info) return undefined;
  for (const value of info.values) {
    const origin = getOrigin(value, file, deeper(env));
    if (origin) return origin;
  }
  return info.type ? getTypeOrigin(info.type, file, env) : undefined;
}

/** The origin of a value declared with a type: `HttpService` imported from '@nestjs/axios'. */
export function getTypeOrigin(type: TSESTree.TypeNode, file: FileContext, env: Env = EMPTY_ENV): Origin | undefined {
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeReference:
      return extend(getTypeNameOrigin(type.typeName, file, env), { kind: 'instance' });
    case AST_NODE_TYPES.TSTypeQuery:
      return type.exprName.type === AST_NODE_TYPES.TSImportType ? undefined : getTypeNameOrigin(type.exprName, file, env);
    case AST_NODE_TYPES.TSUnionType: {
      const meaningful = type.types.filter(
        (member) => member.type !== AST_NODE_TYPES.TSUndefinedKeyword && member.type !== AST_NODE_TYPES.TSNullKeyword,
      );
      return meaningful.length === 1 ? getTypeOrigin(meaningful[0]!, file, env) : undefined;
    }
    default:
      return undefined;
  }
}

function getTypeNameOrigin(name: TSESTree.EntityName, file: FileContext, env: Env): Origin | undefined {
  switch (name.type) {
    case AST_NODE_TYPES.Identifier: {
      const binding = file.getBinding(name, env);
      if (binding?.kind === 'import') return getImportOrigin(binding);
      // an interface of another module says where it comes from, as an import it does not follow would
      if (binding?.kind === 'interface') {
        const imported = file.getImportBinding(name);
        return imported ? getImportOrigin(imported) : undefined;
      }
      if (binding?.kind === 'class' && binding.node.superClass) {
        // `class PrismaService extends PrismaClient`: a value of the subclass type is an instance of the base
        return getOrigin(binding.node.superClass, file, deeper(env));
      }
      return binding?.kind === 'global' ? { module: 'global', steps: [{ kind: 'get', name: name.name }] } : undefined;
    }
    case AST_NODE_TYPES.TSQualifiedName:
      return fromPath(getTypeNameOrigin(name.left, file, env), [name.right.name]);
    default:
      return undefined;
  }
}

/** `axios`, `axios › create › ()`: for messages and debugging. */
export function formatOrigin(origin: Origin): string {
  return [origin.module, ...origin.steps.map(stepToken)].join(' › ');
}
