/**
 * Functions declared in the same file that a call reaches: `postJson(…)`, `this.send(…)`,
 * `client.charge(…)` with `const client = new PaymentsClient()`. Used to see through
 * in-file wrappers around HTTP clients.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { builtinModules } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { findProperty, getEnclosingFunction, getPropertyName, getReturningFunction, getThisClass, isFunctionNode, isModuleExports, skipTransparent, type FunctionNode } from './ast.js';
import { type ClassMember, type ClassNode, EMPTY_ENV, type Env, FileContext, getBindingFunction } from './file-context.js';
import { getOrigin, getReturnedValue } from './origin.js';
import { bindArguments, bindParameters } from './bind.js';
import { resolveObject } from './objects.js';
import { type Located, resolveValue } from './values.js';
import { walk } from './walk.js';
import { remember } from '../../util/remember.js';
import { ACTION_RUNNERS, type ActionRunner } from '../../catalog/action-runners.js';

type Variable = TSESLint.Scope.Variable;

/**
 * The function a callee refers to, if the project declares it: in this file, in a module it
 * imports (through the project layer), or, with type information, wherever the checker finds it.
 */
export function resolveLocalFunction(callee: TSESTree.Node, file: FileContext, env: Env): FunctionNode | undefined {
  return resolveCallTarget(callee, file, env)?.fn;
}

/** What a call enters: the function, and for a method the class of `this` and how its instance was built. */
export interface CallTarget {
  readonly fn: FunctionNode;
  /** the class whose instance the method runs on, when known (`new OrdersClient(…).create(…)`, `this.send(…)`) */
  readonly thisClass?: ClassNode;
  /**
   * how the instance was built: `new OrdersClient(url)` binds the constructors' parameters to
   * its arguments; a method of a known class (`this.post(…)` in `OrdersClient`) binds what its
   * constructors pass to their base classes (`super({ baseURL: … })`)
   */
  readonly construction?: { readonly node: TSESTree.NewExpression | undefined; readonly cls: ClassNode; readonly env: Env };
  /**
   * the instance is typed with an interface, and the class is its one implementation found in
   * the repository: what the method does is likely, not certain (another may be bound in production)
   */
  readonly viaInterface?: true;
  /**
   * the bindings the function was made under, when it comes from a factory's result: a method of
   * the object `serviceClient(cfg)` returns (`post: (path, body) => request('POST', path, body)`)
   * sees `cfg` bound to that call's argument
   */
  readonly closure?: Env;
}

export function resolveCallTarget(callee: TSESTree.Node, file: FileContext, env: Env): CallTarget | undefined {
  const local = resolveInProject(callee, file, env);
  if (local || !file.resolver) return local;
  const expression = skipTransparent(callee);
  if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (expression.type === AST_NODE_TYPES.MemberExpression && BUILTIN_MEMBERS.has(getPropertyName(expression) ?? '')) return undefined;
  // a global's or a Node built-in's function is declared outside the project: no need to ask the checker
  const origin = getOrigin(expression, file, env);
  if (origin && (origin.module === 'global' || isBuiltinModule(origin.module) || file.resolver.isExternalModule(file, origin.module))) {
    return undefined;
  }
  const fn = file.resolver.resolveCallee(expression);
  return fn && { fn };
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

/** The function a callee refers to, if this file declares it (or, through the project layer, imports it). */
export function resolveInFile(callee: TSESTree.Node, file: FileContext, env: Env): FunctionNode | undefined {
  return resolveInProject(callee, file, env)?.fn;
}

/**
 * The getter a member read runs, on an instance whose class the project declares:
 * `this.appConfig.paymentsUrl` with `get paymentsUrl() { return this.config.get('app.paymentsUrl'); }`.
 */
export function resolveGetter(member: TSESTree.MemberExpression, file: FileContext, env: Env): CallTarget | undefined {
  return resolveInProject(member, file, env, (found) => found?.getter);
}

/** The environment inside a method or getter of an instance: its constructors' arguments bound, `this` its class. */
export function enterInstance(target: CallTarget, file: FileContext, env: Env): Env {
  const base = target.construction ? bindConstruction(target.construction, file, target.construction.env) : env;
  return { ...base, thisClass: target.thisClass };
}

/** Which function of a class member a call runs: its method. */
const METHOD = (member: ClassMember | undefined): FunctionNode | undefined => member?.method;

function resolveInProject(callee: TSESTree.Node, file: FileContext, env: Env, pick: (member: ClassMember | undefined) => FunctionNode | undefined = METHOD): CallTarget | undefined {
  const expression = skipTransparent(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    if (pick !== METHOD) return undefined;
    const fn = file.getDeclaredFunction(expression, env);
    return fn && { fn };
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = getPropertyName(expression);
  if (name === undefined) return undefined;
  const object = skipTransparent(expression.object);
  if (object.type === AST_NODE_TYPES.ThisExpression || object.type === AST_NODE_TYPES.Super) {
    const lexical = getThisClass(expression);
    const cls = file.getReceiverClass(expression, env);
    if (!lexical || !cls) return undefined;
    const start = object.type === AST_NODE_TYPES.Super ? file.getSuperClass(lexical) : cls;
    const fn = start && pick(file.getClassMember(start, name));
    if (!fn) return undefined;
    // the constructors already ran for this instance when the caller's own `this` is this class
    env.dependencies?.askThisClass(env);
    return env.thisClass === cls ? { fn, thisClass: cls } : { fn, thisClass: cls, construction: { node: undefined, cls, env } };
  }
  const namespaced = pick === METHOD ? getBindingFunction(file.getMemberBinding(expression, env)) : undefined;
  if (namespaced) return { fn: namespaced };
  const receiver = getFactoryProduct(resolveValue(object, file, env), file);
  const node = receiver.node;
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const action = pick === METHOD ? getRunnerAction(node, name, file, receiver.env) : undefined;
    if (action) return action;
    const cls = getClassOf(node.callee, file, receiver.env);
    const fn = cls && pick(file.getClassMember(cls, name));
    return fn && cls && { fn, thisClass: cls, construction: { node, cls, env: receiver.env } };
  }
  if (pick !== METHOD) {
    const declared = getDeclaredClass(node, file, receiver.env);
    const fn = declared && pick(file.getClassMember(declared.cls, name));
    return fn && declared && { fn, thisClass: declared.cls };
  }
  // an object of functions, or one nested in a config (`configs.services.product.api()`)
  const literal = node.type === AST_NODE_TYPES.MemberExpression ? resolveObject(node, file, receiver.env) : undefined;
  if (node.type === AST_NODE_TYPES.ObjectExpression || literal) {
    const property = findProperty(literal?.node ?? (node as TSESTree.ObjectExpression), name);
    const value = property && skipTransparent(property.value);
    const closure = literal?.env ?? receiver.env;
    const made = closure !== env ? { closure } : {};
    if (value && isFunctionNode(value)) return { fn: value, ...made };
    const fn = value?.type === AST_NODE_TYPES.Identifier ? file.getDeclaredFunction(value, closure) : undefined;
    return fn && { fn, ...made };
  }
  // an instance typed with a project class: `constructor(private readonly billing: BillingClient)`, `(orders: OrdersService) => …`
  const declared = getDeclaredClass(node, file, receiver.env);
  const fn = declared && file.getClassMember(declared.cls, name)?.method;
  return fn && declared && { fn, thisClass: declared.cls, ...(declared.viaInterface ? { viaInterface: true as const } : {}) };
}

/**
 * The function a library instance runs when `name` is called on it, with that call's arguments:
 * `action` for `new CircuitBreaker(action, options).fire(url, body)` (see `ACTION_RUNNERS`); a
 * method bound to the instance that built the runner (`new CircuitBreaker(this.charge.bind(this))`)
 * runs on that instance.
 */
function getRunnerAction(construction: TSESTree.NewExpression, name: string, file: FileContext, env: Env): CallTarget | undefined {
  // the method's name first: every construction a member call is made on passes here, few of them runners
  const runner = ACTION_RUNNERS.some((candidate) => candidate.run.has(name)) ? getActionRunner(construction, file, env) : undefined;
  const action = runner?.run.has(name) && construction.arguments[0] && skipTransparent(construction.arguments[0]);
  if (!action) return undefined;
  if (isFunctionNode(action)) return { fn: action };
  if (action.type === AST_NODE_TYPES.Identifier) {
    const fn = file.getDeclaredFunction(action, env);
    return fn && { fn };
  }
  // `this.charge.bind(this)`
  const bound = getBoundThisMethod(action);
  return bound ? resolveInProject(bound, file, env) : undefined;
}

/** `this.charge` of `this.charge.bind(this)`. */
function getBoundThisMethod(node: TSESTree.Node): TSESTree.MemberExpression | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(node.callee) !== 'bind') return undefined;
  const method = skipTransparent(node.callee.object);
  const [self] = node.arguments;
  return method.type === AST_NODE_TYPES.MemberExpression &&
    skipTransparent(method.object).type === AST_NODE_TYPES.ThisExpression &&
    self !== undefined &&
    skipTransparent(self).type === AST_NODE_TYPES.ThisExpression
    ? method
    : undefined;
}

/** The library runner (see `ACTION_RUNNERS`) a construction builds: opossum's `new CircuitBreaker(action)`. */
export function getActionRunner(construction: TSESTree.NewExpression, file: FileContext, env: Env): ActionRunner | undefined {
  const origin = getOrigin(construction.callee, file, env);
  return origin && ACTION_RUNNERS.find((candidate) => candidate.module === origin.module);
}

/**
 * What a factory of the project hands back, its arguments bound: `const inventory =
 * createHttpClient(process.env.INVENTORY_SERVICE_URL)` with `createHttpClient(baseURL) { return new
 * ResilientHttpClient({ baseURL }) }` is that construction. Anything else is left as it is.
 */
function getFactoryProduct(value: Located, file: FileContext): Located {
  let current = value;
  for (let steps = 0; steps < 2 && current.node.type === AST_NODE_TYPES.CallExpression && !FileContext.isTooDeep(current.env); steps += 1) {
    const call: TSESTree.CallExpression = current.node;
    const callee = skipTransparent(call.callee);
    const fn =
      callee.type === AST_NODE_TYPES.Identifier
        ? file.getDeclaredFunction(callee, current.env)
        : callee.type === AST_NODE_TYPES.MemberExpression
          ? getStaticMethod(callee, file, current.env)
          : undefined;
    const returned = fn && getReturnedValue(fn);
    if (!fn || !returned) break;
    const inner = bindArguments(fn, call, file, current.env);
    // built inside the accessor: `new Sender(options)` reads the accessor's own parameters
    const singleton = getSingletonInstance(fn, returned, file);
    if (singleton) return { node: singleton, env: inner };
    current = resolveValue(returned, file, inner);
  }
  return current;
}

/** A static method of a project class, called on the class: `EventSender.getInstance`, `PaymentsClient.create`. */
function getStaticMethod(callee: TSESTree.MemberExpression, file: FileContext, env: Env): FunctionNode | undefined {
  const name = getPropertyName(callee);
  const cls = name === undefined ? undefined : getClassOf(callee.object, file, env);
  if (!cls) return undefined;
  for (const element of cls.body.body) {
    if (
      element.type === AST_NODE_TYPES.MethodDefinition &&
      element.static &&
      element.kind === 'method' &&
      element.value.type === AST_NODE_TYPES.FunctionExpression &&
      getPropertyName(element) === name
    ) {
      return element.value;
    }
  }
  return undefined;
}

/**
 * The one instance a static accessor hands out: `static getInstance() { if (!Sender.instance)
 * Sender.instance = new Sender(); return Sender.instance; }`, or with `this.instance ??= new Sender()`.
 * The construction assigned to the field it returns, inside the accessor.
 */
function getSingletonInstance(fn: FunctionNode, returned: TSESTree.Node, file: FileContext): TSESTree.NewExpression | undefined {
  const value = skipTransparent(returned);
  if (value.type === AST_NODE_TYPES.AssignmentExpression && skipTransparent(value.right).type === AST_NODE_TYPES.NewExpression) {
    return skipTransparent(value.right) as TSESTree.NewExpression;
  }
  if (value.type !== AST_NODE_TYPES.MemberExpression || !fn.body) return undefined;
  const field = getPropertyName(value);
  if (field === undefined) return undefined;
  let found: TSESTree.NewExpression | undefined;
  walk(fn.body, file.fileOf(fn).visitorKeys, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
    const right = skipTransparent(node.right);
    if (right.type === AST_NODE_TYPES.NewExpression && getPropertyName(node.left) === field) found = right;
  });
  return found;
}

/** The project class an expression names: `OrdersClient`, `clients.OrdersClient`. */
function getClassOf(node: TSESTree.Node, file: FileContext, env: Env): ClassNode | undefined {
  const expression = skipTransparent(node);
  const binding =
    expression.type === AST_NODE_TYPES.Identifier
      ? file.getBinding(expression, env)
      : expression.type === AST_NODE_TYPES.MemberExpression
        ? file.getMemberBinding(expression, env)
        : undefined;
  return binding?.kind === 'class' ? binding.node : undefined;
}

/** The class of a value declared with a project class as its type: a typed parameter, variable or field. */
function getDeclaredClass(node: TSESTree.Node, file: FileContext, env: Env): { cls: ClassNode; viaInterface?: true } | undefined {
  let type: TSESTree.TypeNode | undefined;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const binding = file.getBinding(node, env);
    type = binding?.kind === 'parameter' ? binding.type : binding?.kind === 'type' ? binding.node : undefined;
  } else if (node.type === AST_NODE_TYPES.MemberExpression && skipTransparent(node.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = getPropertyName(node);
    const cls = file.getReceiverClass(node, env);
    type = cls && name !== undefined ? file.getClassMember(cls, name)?.type : undefined;
  }
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = file.getBinding(type.typeName, env);
  if (binding?.kind === 'class') return { cls: binding.node };
  // an interface: its one implementation in the repository (`IS2SClient` → `HttpS2SAdapter`)
  const implementation = binding?.kind === 'interface' ? file.resolver?.findImplementation(file.fileOf(binding.node), binding.node) : undefined;
  return implementation && { cls: implementation, viaInterface: true };
}

/** The environment inside a call's target: its instance's constructor arguments, then its own arguments, bound. */
export function enterCallTarget(target: CallTarget, call: TSESTree.CallExpression, file: FileContext, env: Env): Env {
  const outer = target.closure ? { ...env, bindings: new Map([...env.bindings, ...target.closure.bindings]) } : env;
  return bindArguments(target.fn, call, file, enterInstance(target, file, outer));
}

/**
 * Binds the parameters of the constructors an instance runs through: the class's own (or its
 * base's, when it has none) to the `new` arguments, then each base class's to the `super(…)`
 * arguments: `new OrdersClient(url)` with `constructor(base) { super({ baseURL: base }) }`.
 */
export function bindConstruction(target: NonNullable<CallTarget['construction']>, file: FileContext, env: Env): Env {
  let bindings = new Map(env.bindings);
  let cls: ClassNode | undefined = target.cls;
  let args: readonly TSESTree.CallExpressionArgument[] = target.node?.arguments ?? [];
  for (let depth = 0; cls && depth < 6; depth += 1) {
    const constructor = getConstructor(cls);
    if (!constructor) {
      cls = file.getSuperClass(cls);
      continue;
    }
    bindings = bindParameters(constructor.params, args, file, { ...env, bindings }).bindings as Map<Variable, TSESTree.Node>;
    const superCall = findSuperCall(constructor);
    if (!superCall) break;
    args = superCall.arguments;
    cls = file.getSuperClass(cls);
  }
  return { ...env, bindings, thisClass: target.cls };
}

function getConstructor(cls: ClassNode): TSESTree.FunctionExpression | undefined {
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor' && element.value.type === AST_NODE_TYPES.FunctionExpression) {
      return element.value;
    }
  }
  return undefined;
}

/** `super(…)` as a statement of a constructor's body. */
function findSuperCall(constructor: TSESTree.FunctionExpression): TSESTree.CallExpression | undefined {
  for (const statement of constructor.body?.body ?? []) {
    if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.CallExpression &&
      statement.expression.callee.type === AST_NODE_TYPES.Super
    ) {
      return statement.expression;
    }
  }
  return undefined;
}

/**
 * The function that "owns" a call: the nearest enclosing function that is not an anonymous
 * callback passed as an argument (`retry(() => axios.post(…))` belongs to the function
 * around `retry`) nor a closure a function keeps in a `const` to run (`const send = async () =>
 * this.http.post(…); return breaker.fire(send)`), else the outermost callback (an Express handler
 * `app.post('/x', async () => …)`).
 */
export function getOwnerFunction(node: TSESTree.Node): FunctionNode | undefined {
  let outermost: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    if (!isCallback(current) && !isInnerClosure(current)) return current;
    outermost = current;
  }
  return outermost;
}

/**
 * The calls a function runs when called: those it owns and, for a closure whose calls belong to
 * the function around it (`const request = async (method, path) => fetch(…)` inside a client
 * factory), those inside it, when a sibling calls it (`post: (path, body) => request('POST', path, body)`).
 */
export function getCallsRun(fn: FunctionNode, file: FileContext): readonly TSESTree.CallExpression[] {
  if (!isInnerClosure(fn)) return file.getOwnedCalls(fn, getOwnerFunction);
  const owner = getOwnerFunction(fn);
  if (!owner) return [];
  const [start, end] = fn.range;
  return file.getOwnedCalls(owner, getOwnerFunction).filter((call) => call.range[0] >= start && call.range[1] <= end);
}

function isCallback(fn: FunctionNode): boolean {
  return (
    fn.type !== AST_NODE_TYPES.FunctionDeclaration &&
    (fn.parent.type === AST_NODE_TYPES.CallExpression || fn.parent.type === AST_NODE_TYPES.NewExpression) &&
    fn.parent.arguments.includes(fn)
  );
}

/** A function expression held in a `const` inside another function: part of what that function does. */
function isInnerClosure(fn: FunctionNode): boolean {
  const declarator = fn.parent;
  return (
    fn.type !== AST_NODE_TYPES.FunctionDeclaration &&
    declarator.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init === fn &&
    declarator.parent.kind === 'const' &&
    getEnclosingFunction(declarator) !== undefined
  );
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

const singletons = new WeakMap<ClassNode, TSESTree.NewExpression | null>();

/**
 * The one instance a class's own file builds at module level, when the file builds no other:
 * `module.exports = new BillingClient(config.services.billing)`, `export const ledger = new
 * LedgerClient(LEDGER_URL)`; or the one its module-level factory returns (`export function
 * createBillingClient(baseUrl?) { return new BillingClient(baseUrl ?? process.env.PAYMENT_SERVICE_URL) }`).
 * Its methods then run with that construction's arguments, and the file that declares them
 * shows the whole request.
 */
export function getSingletonConstruction(cls: ClassNode, file: FileContext): TSESTree.NewExpression | undefined {
  return remember(singletons, cls, () => findSingletonConstruction(cls, file.fileOf(cls)));
}

function findSingletonConstruction(cls: ClassNode, file: FileContext): TSESTree.NewExpression | undefined {
  const name = cls.id?.name;
  if (name === undefined) return undefined;
  const constructions = getConstructions(cls, name, file);
  const [only] = constructions;
  if (constructions.length !== 1 || !only || (getEnclosingFunction(only) && !isFactoryProduct(only))) return undefined;
  return getClassOf(only.callee, file, EMPTY_ENV) === cls ? only : undefined;
}

/** What a module-level function returns as it is built: `return new X(…)`, `() => new X(…)`. */
function isFactoryProduct(construction: TSESTree.NewExpression): boolean {
  const fn = getReturningFunction(construction);
  return fn !== undefined && getEnclosingFunction(fn) === undefined && getThisClass(fn) === undefined;
}

const repositoryConstructions = new WeakMap<ClassNode, TSESTree.NewExpression | null>();

/**
 * The one instance the whole repository builds of an exported class, when its own file builds
 * none: a composition root's `new HttpProductClient(productHttpClient)` (with
 * `productHttpClient = new HttpClient({ baseURL: env.PRODUCT_SERVICE_URL })`), found through the
 * modules that import the class (the project layer). Its methods then run with that
 * construction's arguments. Two constructions, a use out of sight, or one in a web app's code
 * (the instance runs in the browser): none.
 */
export function getRepositoryConstruction(cls: ClassNode, file: FileContext): TSESTree.NewExpression | undefined {
  return remember(repositoryConstructions, cls, () => findRepositoryConstruction(cls, file.fileOf(cls)));
}

function findRepositoryConstruction(cls: ClassNode, file: FileContext): TSESTree.NewExpression | undefined {
  const name = cls.id?.name;
  const fileName = file.fileName;
  if (name === undefined || fileName === undefined || !file.resolver || !hasConstructorParameters(cls)) return undefined;
  // a decorated class (`@Injectable()`, `@Service()`) is built by its container, not by `new`
  if ((cls.decorators as readonly TSESTree.Decorator[] | undefined)?.length) return undefined;
  if (!isExportedByName(cls, name, file) || getConstructions(cls, name, file).length > 0) return undefined;
  const uses = file.resolver.findExportUses(fileName, name, `new ${name}(`);
  if (!uses) return undefined;
  const constructions = uses.flatMap(({ node, file: owner }) =>
    node.parent?.type === AST_NODE_TYPES.NewExpression && node.parent.callee === node ? [{ node: node.parent, file: owner }] : [],
  );
  const [only] = constructions;
  // built by a web app (`new PaymentsApi(apiClient)` in its `lib/api.ts`), the instance runs in the browser: its calls are its user's own
  return constructions.length === 1 && only && isHandedOn(only.node, only.file) && !file.resolver.isBrowserFile(only.file) ? only.node : undefined;
}

/**
 * What a dependency-injection container builds and hands to whoever asks for it: a NestJS
 * provider's `useValue: new EscrowClient(url)`, or what its `useFactory` returns
 * (`useFactory: () => new EscrowClient(env.ESCROW_SERVICE_URL)`).
 */
function isProviderValue(value: TSESTree.Node): boolean {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === value) return getPropertyName(parent) === 'useValue';
  const fn = getReturningFunction(value);
  const holder = fn?.parent;
  return holder?.type === AST_NODE_TYPES.Property && holder.value === fn && getPropertyName(holder) === 'useFactory';
}

/**
 * An instance a composition root builds to hand on (`new OrderService(new HttpProductClient(…))`,
 * a `const` passed only as arguments, or one a module of instances exports): whoever calls its
 * methods does not know how it was built. An instance whose builder calls its methods itself
 * (`this.ledger = new LedgerClient(url)`) is reported where those calls are.
 */
function isHandedOn(construction: TSESTree.NewExpression, file: FileContext): boolean {
  // `deps.ordersClient ?? (config.ordersUrl ? new HttpOrdersClient(…) : undefined)`: one of the values the variable may take
  let value: TSESTree.Node = construction;
  while (
    (value.parent?.type === AST_NODE_TYPES.ConditionalExpression && value.parent.test !== value) ||
    (value.parent?.type === AST_NODE_TYPES.LogicalExpression && value.parent.operator !== '&&')
  ) {
    value = value.parent;
  }
  const parent = value.parent;
  if (isArgument(value) || isProviderValue(value)) return true;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  // `export const promotionClient = new PromotionClient(PROMOTION_SERVICE_URL)` in a module of instances: handed to its importers
  if (parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  const variable = file.findVariable(parent.id);
  const reads = variable?.references.filter((reference) => !reference.init) ?? [];
  return reads.length > 0 && reads.every((reference) => isArgument(reference.identifier as TSESTree.Node));
}

/** `f(x)`, `new C(x)`, `new C(store, { x })`: a value handed to a call, or in an object literal handed to one. */
function isArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) return isArgument(parent.parent);
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.some((argument) => argument === node);
}

/** `export class C`, `module.exports = { C }`, `exports.C = C`: exported under its own name. */
function isExportedByName(cls: ClassNode, name: string, file: FileContext): boolean {
  if (cls.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration) return false;
  return (getClassVariable(cls, name, file)?.references ?? []).some(({ identifier }) => {
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === identifier && getPropertyName(parent) === name) {
      const holder = parent.parent.parent;
      return holder?.type === AST_NODE_TYPES.AssignmentExpression && isModuleExports(holder.left);
    }
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier) return true;
    return (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.right === identifier &&
      parent.left.type === AST_NODE_TYPES.MemberExpression &&
      isModuleExports(parent.left.object) &&
      getPropertyName(parent.left) === name
    );
  });
}

function hasConstructorParameters(cls: ClassNode): boolean {
  return cls.body.body.some(
    (element) => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor' && element.value.params.length > 0,
  );
}

/** A class's name in the scope that declares it (the class's own scope holds a second, inner one). */
function getClassVariable(cls: ClassNode, name: string, file: FileContext): Variable | undefined {
  const own = file.getScope(cls);
  return (own.block === cls ? own.upper : own)?.set.get(name);
}

/** Every `new C(…)` of a class in its own file: the references of its name in the scope that declares it. */
function getConstructions(cls: ClassNode, name: string, file: FileContext): TSESTree.NewExpression[] {
  const variable = getClassVariable(cls, name, file);
  if (variable) {
    return variable.references.flatMap((reference) => {
      const parent = reference.identifier.parent;
      return parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === reference.identifier ? [parent] : [];
    });
  }
  // a class the scope analysis does not declare where expected: look through the whole file
  let program: TSESTree.Node = cls;
  while (program.parent) program = program.parent;
  const constructions: TSESTree.NewExpression[] = [];
  walk(program, file.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === name) {
      constructions.push(node);
    }
  });
  return constructions;
}

/** The identifiers that refer to a named function as a value (not its declaration). */
export function getValueReferences(fn: FunctionNode, file: FileContext): TSESTree.Identifier[] {
  const variable = getFunctionVariable(fn, file);
  return (variable?.references ?? []).filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Identifier);
}

/**
 * The variable a function is declared as (`function pay() {}`, `const pay = () => {}`), found in
 * the scope that declares it: not a parameter of the same name (`function transfer(transfer)`).
 */
export function getFunctionVariable(fn: FunctionNode, file: FileContext): Variable | undefined {
  const id =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === AST_NODE_TYPES.Identifier
        ? fn.parent.id
        : undefined;
  if (!id) return undefined;
  const declares = (variable: Variable | undefined): boolean => variable?.defs.some((def) => def.name === id) ?? false;
  const found = file.findVariable(id);
  if (declares(found)) return found;
  const outer = file.findVariableByName(fn.parent, id.name);
  return declares(outer) ? outer : undefined;
}
