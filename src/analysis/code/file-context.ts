/**
 * Per-file analysis state: scope lookups, the value a binding holds, class members and
 * caches. Built lazily by a rule on its first candidate call and shared by every analysis
 * step for that file.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

const { DefinitionType, ScopeType } = TSESLint.Scope;
import { encloses, type FunctionNode, getEnclosingFunction, getPropertyName, getThisClass, isFunctionNode, skipTransparent } from './ast.js';
import { walk } from './walk.js';
import { ACTION_RUNNERS } from '../../catalog/action-runners.js';
import type { EnvDependencies } from './env-dependencies.js';

type Variable = TSESLint.Scope.Variable;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * What the analysis reads of a file's source: ESLint's `SourceCode` for the linted file, a
 * lighter view for files the project layer parsed itself.
 */
export interface SourceView {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly visitorKeys: TSESLint.SourceCode.VisitorKeys;
  getText(node?: TSESTree.Node): string;
  getCommentsBefore(node: TSESTree.Node): TSESTree.Comment[];
  getScope(node: TSESTree.Node): TSESLint.Scope.Scope;
  /** The 1-based line and 0-based column of an offset in the text. */
  getLocFromIndex(index: number): TSESTree.Position;
}

/**
 * Values bound to function parameters while a wrapper's body is evaluated for one of its
 * call sites: parameter → the argument expression at that call site.
 */
export interface Env {
  readonly bindings: ReadonlyMap<Variable, TSESTree.Node>;
  readonly depth: number;
  /** the class of `this` when a method is evaluated for an instance whose class is known (a subclass of the method's own) */
  readonly thisClass?: ClassNode;
  /** records every bound variable read through `bindings`, to tell which arguments a verdict used */
  readonly reads?: Set<Variable>;
  /** records what an evaluation read of the environment, to tell when its result can be reused */
  readonly dependencies?: EnvDependencies;
}

export const EMPTY_ENV: Env = { bindings: new Map(), depth: 0 };

/** A module of the project, as the project layer knows it; opaque to the analysis. */
export interface ProjectModule {
  readonly file: FileContext;
}

/** Where a binding's value comes from. */
export type Binding =
  /**
   * `imported`: the export name, `'*'` for a namespace import, undefined for the module's own
   * value (`require('x')`, `import x = require('x')`); `path`: properties read from it
   * (`const { a: { b } } = require('x')`)
   */
  | { kind: 'import'; source: string; imported: string | undefined; node: TSESTree.Node; path?: readonly string[] }
  /** a project module as a whole: `import * as config from './config'`, `const utils = require('./utils')` */
  | { kind: 'module'; module: ProjectModule }
  | { kind: 'value'; node: TSESTree.Node; path: readonly string[] }
  | { kind: 'type'; node: TSESTree.TypeNode }
  | { kind: 'function'; node: TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression }
  | { kind: 'class'; node: ClassNode }
  | { kind: 'enum'; node: TSESTree.TSEnumDeclaration }
  /** an interface a project class implements: `constructor(@Inject(S2S_CLIENT) private readonly s2s: IS2SClient)` */
  | { kind: 'interface'; node: TSESTree.TSInterfaceDeclaration }
  | { kind: 'parameter'; variable: Variable; type: TSESTree.TypeNode | undefined }
  | { kind: 'global'; name: string };

export interface ClassMember {
  /** Initializer and every `this.name = value` assignment in the class. */
  readonly values: readonly TSESTree.Expression[];
  /** Declared type of the field or constructor parameter property. */
  readonly type: TSESTree.TypeNode | undefined;
  /** A method (or arrow-function field) with that name. */
  readonly method: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | undefined;
  /** A getter with that name: `get baseUrl() { return this.config.get('PAYMENTS_URL'); }`. */
  readonly getter?: TSESTree.FunctionExpression;
}

const MAX_DEPTH = 32;

/**
 * What the project adds to one file's view (see src/project/): bindings imported from other
 * modules of the project, read from the module graph or from the type checker, and with type
 * information, callees declared elsewhere and facts read from types.
 */
export interface ProjectResolver {
  /** The binding an import has in the project module that provides it; undefined when unknown or not project code. */
  resolveImport(file: FileContext, identifier: TSESTree.Identifier | undefined, binding: ImportBinding): Binding | undefined;
  /** An export of a project module (a namespace's member). */
  getExport(module: ProjectModule, name: string): Binding | undefined;
  /** Is this module specifier, imported from `file`, known to resolve outside the project (a package, a built-in)? */
  isExternalModule(file: FileContext, source: string): boolean;
  /** With types: the function or method a callee refers to when it is declared in project code. */
  resolveCallee(callee: TSESTree.Node): FunctionLike | undefined;
  /** With types: the origin of a value from its type (`AxiosInstance`, `HttpService`, `typeof fetch`). */
  getTypeOrigin(node: TSESTree.Node): TypeOrigin | undefined;
  /** With types: the declared type of a value, its name and whether it carries `@critical`. */
  getTypeFacts(node: TSESTree.Node): { readonly name: string; readonly critical: boolean } | undefined;
  /** Is the file part of a gateway, a service that relays requests to the ones behind it? */
  isGatewayFile(fileName: string): boolean;
  /** Is the file part of a workspace library (`libs/…`, `packages/…` of its repository), code that services import rather than run? */
  isLibraryFile(fileName: string): boolean;
  /** Whether a file of the project is a web app's code, run in the browser (see `no-sync-critical-write`'s `checkBrowserCode`). */
  isBrowserFile(file: FileContext): boolean;
  /** The service a file belongs to, named from its package (`3-ride-service` → `ride`); undefined for a workspace root or no package. */
  getServiceName(fileName: string): string | undefined;
  /** The one port the service a file belongs to listens on (`app.listen(process.env.PORT ?? 3004)` in its entry file), when its package says so. */
  getServicePort(fileName: string): string | undefined;
  /** Does the package the file belongs to depend on a package whose name starts with `prefix` (`@temporalio/`)? */
  dependsOn(fileName: string, prefix: string): boolean;
  /**
   * Whether a module imported from a file may make HTTP requests, read from texts only: true
   * for anything but a project module that neither mentions an HTTP client nor imports one that
   * does, `depth` imports deep.
   */
  mayReachRequests(fromFile: string, source: string, depth: number, name?: string): boolean;
  /**
   * Every use of export `name` of a module in the other modules of its repository (tests aside):
   * the identifier or member expression that stands for it, each in its own file; undefined
   * when some use may be out of sight. With `marker`, only the modules whose text holds it are
   * read (`new OrdersClient(` for the constructions of a class).
   */
  findExportUses(fileName: string, name: string, marker?: string): readonly ExportUse[] | undefined;
  /**
   * The one class of the repository (tests aside) that implements a project interface: what an
   * instance typed with the interface is, when it is injected by a token. Undefined when there is
   * none, more than one, or some may be out of sight.
   */
  findImplementation(file: FileContext, declaration: TSESTree.TSInterfaceDeclaration): ClassNode | undefined;
  /**
   * Every call of a public method of a project class in its repository (tests aside), but those
   * through `this` in its own file: the member expression called, each in its own file.
   * Undefined when some call may be out of sight.
   */
  findMethodCalls(file: FileContext, method: TSESTree.MethodDefinition): readonly ExportUse[] | undefined;
}

/** Where another module uses an export: `handle` of `import { handle }`, or `service.handle`. */
export interface ExportUse {
  readonly file: FileContext;
  readonly node: TSESTree.Node;
}

export type ImportBinding = Extract<Binding, { kind: 'import' }>;

/** Kept structural to avoid a dependency cycle with origin.ts. */
export interface TypeOrigin {
  readonly module: string;
  readonly steps: readonly ({ readonly kind: 'get'; readonly name: string } | { readonly kind: 'instance' })[];
}

export type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * Nodes of other project files (parsed for typed analysis) carry their file's context under
 * this key, so any step handed such a node resolves it in its own file. Nodes of the linted
 * file carry nothing.
 */
const OWNER: unique symbol = Symbol('durable-writes.file');

type OwnedNode = TSESTree.Node & { [OWNER]?: FileContext };

/** The context of a node of another project file; undefined for the linted file's own nodes. */
export function getForeignFile(node: TSESTree.Node): FileContext | undefined {
  return (node as OwnedNode)[OWNER];
}

/** Marks every node under `root` as belonging to `context`, and links each to its parent. */
export function claimNodes(root: TSESTree.Node, context: FileContext, visitorKeys: TSESLint.SourceCode.VisitorKeys, calls?: TSESTree.CallExpression[]): void {
  // parent links are set on the same walk: the project layer's parser leaves them to this; so are the calls gathered, when asked for
  walk(root, visitorKeys, (node, parent) => {
    (node as OwnedNode)[OWNER] = context;
    if (parent) (node as { parent: TSESTree.Node }).parent = parent;
    if (calls && node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
  });
  calls?.sort((a, b) => a.range[0] - b.range[0]);
}

export interface FileContextOptions {
  readonly resolver?: ProjectResolver;
  /** the file's path (absolute); needed to resolve its imports */
  readonly fileName?: string;
  /** the file's path relative to the project (ESLint's working directory; for a module the project layer reads, its repository), for conventions of file names and folders */
  readonly relativePath?: string;
  /** the file's call expressions, when the caller already collected them */
  readonly calls?: readonly TSESTree.CallExpression[];
}

/** How many base classes `getClassMember` climbs. */
const MAX_SUPER_CLASSES = 6;

export class FileContext {
  readonly sourceCode: SourceView;
  readonly resolver: ProjectResolver | undefined;
  readonly fileName: string | undefined;
  readonly relativePath: string | undefined;
  readonly #memberCache = new WeakMap<ClassNode, Map<string, ClassMember>>();
  readonly #bindingCache = new WeakMap<Variable, Binding | null>();
  readonly #importCache = new WeakMap<Variable, ImportBinding | null>();
  readonly #variables = new WeakMap<TSESTree.Identifier, Variable | null>();
  #calls: readonly TSESTree.CallExpression[] | undefined;
  #callsByOwner: Map<TSESTree.Node, TSESTree.CallExpression[]> | undefined;

  constructor(sourceCode: SourceView, options: FileContextOptions = {}) {
    this.sourceCode = sourceCode;
    this.resolver = options.resolver;
    this.fileName = options.fileName;
    this.relativePath = options.relativePath ?? options.fileName;
    this.#calls = options.calls;
  }

  /** The context of the file a node belongs to (nodes of other project files carry theirs). */
  #route(node: TSESTree.Node): FileContext {
    return (node as OwnedNode)[OWNER] ?? this;
  }

  /** The context of the file a node belongs to. */
  fileOf(node: TSESTree.Node): FileContext {
    return this.#route(node);
  }

  /** Is the node in another file than this one? */
  isForeign(node: TSESTree.Node): boolean {
    return this.#route(node) !== this;
  }

  getText(node: TSESTree.Node): string {
    return this.#route(node).sourceCode.getText(node);
  }

  getCommentsBefore(node: TSESTree.Node): TSESTree.Comment[] {
    return this.#route(node).sourceCode.getCommentsBefore(node);
  }

  /**
   * The line a node starts on, in its own file. Nodes of modules the project layer parsed carry
   * no `loc` (computing it for every node of every module read cost more than all the rest of
   * their reading): ask here, not `node.loc`, for a node that may come from another file.
   */
  getLine(node: TSESTree.Node): number {
    return this.#route(node).sourceCode.getLocFromIndex(node.range[0]).line;
  }

  getScope(node: TSESTree.Node): TSESLint.Scope.Scope {
    return this.#route(node).sourceCode.getScope(node);
  }

  get visitorKeys(): TSESLint.SourceCode.VisitorKeys {
    return this.sourceCode.visitorKeys;
  }

  /** The variable an identifier refers to; asked for the same identifiers by many steps, so found once each. */
  findVariable(identifier: TSESTree.Identifier): Variable | undefined {
    const file = this.#route(identifier);
    if (file !== this) return file.findVariable(identifier);
    let variable = this.#variables.get(identifier);
    if (variable === undefined) {
      variable = ASTUtils.findVariable(this.getScope(identifier), identifier) ?? null;
      this.#variables.set(identifier, variable);
    }
    return variable ?? undefined;
  }

  /** The variable a name refers to where `node` stands, whether or not the name is written there. */
  findVariableByName(node: TSESTree.Node, name: string): Variable | undefined {
    return ASTUtils.findVariable(this.getScope(node), name) ?? undefined;
  }

  /** Call expressions whose owner (see `getOwnerFunction`) is `fn`, in the file that declares `fn`. */
  getOwnedCalls(fn: TSESTree.Node, getOwner: (call: TSESTree.CallExpression) => TSESTree.Node | undefined): readonly TSESTree.CallExpression[] {
    const file = this.#route(fn);
    if (file !== this) return file.getOwnedCalls(fn, getOwner);
    if (!this.#callsByOwner) {
      this.#callsByOwner = new Map();
      for (const call of this.#calls ?? collectCalls(this.sourceCode.ast, this.sourceCode.visitorKeys)) {
        const owner = getOwner(call);
        if (!owner) continue;
        const list = this.#callsByOwner.get(owner) ?? [];
        list.push(call);
        this.#callsByOwner.set(owner, list);
      }
      this.#calls = undefined;
    }
    return this.#callsByOwner.get(fn) ?? [];
  }

  /** The function an identifier names, declared in this file or (through the project layer) imported: `function f() {}`, `const f = () => …`. */
  getDeclaredFunction(identifier: TSESTree.Identifier, env: Env = EMPTY_ENV): FunctionNode | undefined {
    return getBindingFunction(this.getBinding(identifier, env));
  }

  /** What an identifier refers to; `undefined` for locals we cannot follow. */
  getBinding(identifier: TSESTree.Identifier, env: Env = EMPTY_ENV): Binding | undefined {
    const file = this.#route(identifier);
    if (file !== this) return file.getBinding(identifier, env);
    const variable = this.findVariable(identifier);
    if (!variable) return { kind: 'global', name: identifier.name };
    if (variable.defs.length === 0) {
      // Declared by `languageOptions.globals` or an environment, never by this file.
      return variable.scope.type === ScopeType.global ? { kind: 'global', name: identifier.name } : undefined;
    }
    env.dependencies?.lookUp(variable, env);
    if (env.bindings.has(variable)) {
      env.reads?.add(variable);
      return { kind: 'value', node: env.bindings.get(variable)!, path: [] };
    }
    let binding = this.#bindingCache.get(variable);
    if (binding === undefined) {
      const computed = computeBinding(variable) ?? null;
      if (computed?.kind === 'import') this.#importCache.set(variable, computed);
      if (computed?.kind === 'import' && this.resolver) {
        // an import cycle asks for this binding again while it is resolved: it is unknown meanwhile
        this.#bindingCache.set(variable, computed);
        binding = this.resolver.resolveImport(this, identifier, computed) ?? computed;
      } else {
        binding = computed;
      }
      this.#bindingCache.set(variable, binding);
    }
    if (binding === null) {
      // a variable written more than once holds, at a use, the value last written before it when nothing else can have come between
      const reaching = getReachingValue(variable, identifier);
      if (reaching) return { kind: 'value', node: reaching, path: [] };
    }
    return binding ?? undefined;
  }

  /** The import or `require` an identifier was bound by, before the project layer followed it. */
  getImportBinding(identifier: TSESTree.Identifier): ImportBinding | undefined {
    const file = this.#route(identifier);
    if (file !== this) return file.getImportBinding(identifier);
    const variable = this.findVariable(identifier);
    if (!variable || variable.defs.length === 0) return undefined;
    let imported = this.#importCache.get(variable);
    if (imported === undefined) {
      const computed = computeBinding(variable);
      imported = computed?.kind === 'import' ? computed : null;
      this.#importCache.set(variable, imported);
    }
    return imported ?? undefined;
  }

  /**
   * Whether a call may reach an HTTP request through what it calls: false only when its callee
   * comes from a project module whose text (and that of the modules it imports, `depth` deep)
   * mentions no HTTP client, so that the module need not even be parsed.
   */
  mayCallRequests(callee: TSESTree.Node, depth: number): boolean {
    if (!this.resolver) return true;
    const origin = this.#getOriginName(skipTransparent(callee));
    if (!origin) return true;
    const file = this.#route(origin);
    const imported = file.getImportBinding(origin);
    if (!imported || file.fileName === undefined) return true;
    // a runner (`this.breaker.fire(…)` of a `CircuitBreaker`) runs whatever function it was built with
    if (ACTION_RUNNERS.some((runner) => runner.module === imported.source)) return true;
    // a named import is looked up where it is declared, past barrels; the rest of its path comes after
    const name = imported.imported !== undefined && imported.imported !== '*' && imported.imported !== 'default' ? imported.imported : imported.path?.[0];
    return this.resolver.mayReachRequests(file.fileName, imported.source, depth, name);
  }

  /**
   * The identifier a callee's value is known by, read from the syntax alone: the root of a member
   * chain (`payments.charge`), or the declared class of a typed field or parameter
   * (`this.payments.charge` with `private payments: PaymentsClient`).
   */
  #getOriginName(callee: TSESTree.Node): TSESTree.Identifier | undefined {
    let root = callee;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.object);
    if (root.type === AST_NODE_TYPES.ThisExpression) {
      // `this.x.m()`: the class of field `x`, when it is declared with one (`this.m()` is the class itself)
      const first = getFirstMember(callee);
      if (!first || first === callee) return undefined;
      const name = getPropertyName(first);
      const cls = getThisClass(first);
      const type = cls && name !== undefined ? this.getClassMembers(cls).get(name)?.type : undefined;
      return getTypeName(type);
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.findVariable(root);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    // a typed parameter or variable: `(payments: PaymentsClient) => payments.charge(…)`
    if (def && (def.type === DefinitionType.Parameter || def.type === DefinitionType.Variable) && def.name.type === AST_NODE_TYPES.Identifier) {
      const typed = getTypeName(def.name.typeAnnotation?.typeAnnotation);
      if (typed) return typed;
    }
    return root;
  }

  /**
   * The binding a member read refers to when its object is a project module:
   * `config.services` after `import * as config from './config'`, `utils.send` after
   * `const utils = require('./utils')`, `require('./config').services`.
   */
  getMemberBinding(member: TSESTree.MemberExpression, env: Env = EMPTY_ENV): Binding | undefined {
    if (!this.resolver) return undefined;
    const name = getPropertyName(member);
    if (name === undefined) return undefined;
    const object = skipTransparent(member.object);
    let container: Binding | undefined;
    if (object.type === AST_NODE_TYPES.Identifier) container = this.getBinding(object, env);
    else if (object.type === AST_NODE_TYPES.MemberExpression) container = this.getMemberBinding(object, env);
    else if (object.type === AST_NODE_TYPES.CallExpression) {
      const source = getRequireSource(object);
      const file = this.#route(object);
      container = source === undefined ? undefined : file.resolver?.resolveImport(file, undefined, { kind: 'import', source, imported: undefined, node: object });
    }
    return container?.kind === 'module' ? this.resolver.getExport(container.module, name) : undefined;
  }

  /** The members of a class declared in its own body, by name, built once per class. */
  getClassMembers(cls: ClassNode): ReadonlyMap<string, ClassMember> {
    const file = this.#route(cls);
    if (file !== this) return file.getClassMembers(cls);
    let members = this.#memberCache.get(cls);
    if (!members) {
      members = collectClassMembers(cls);
      this.#memberCache.set(cls, members);
    }
    return members;
  }

  /** A member of a class, its own or inherited from a base class the project declares. */
  getClassMember(cls: ClassNode, name: string): ClassMember | undefined {
    let current: ClassNode | undefined = cls;
    for (let depth = 0; current && depth <= MAX_SUPER_CLASSES; depth += 1) {
      const member = this.getClassMembers(current).get(name);
      if (member) return member;
      current = this.getSuperClass(current);
    }
    return undefined;
  }

  /** The base class of a class when the project declares it: `class OrdersClient extends ApiClient`. */
  getSuperClass(cls: ClassNode): ClassNode | undefined {
    const superClass = cls.superClass && skipTransparent(cls.superClass);
    if (!superClass) return undefined;
    const binding =
      superClass.type === AST_NODE_TYPES.Identifier
        ? this.getBinding(superClass)
        : superClass.type === AST_NODE_TYPES.MemberExpression
          ? this.getMemberBinding(superClass)
          : undefined;
    return binding?.kind === 'class' && binding.node !== cls ? binding.node : undefined;
  }

  /** The class whose members `this` reads at `node`: the subclass being evaluated when `env` knows it, else the enclosing class. */
  getReceiverClass(node: TSESTree.Node, env: Env = EMPTY_ENV): ClassNode | undefined {
    const lexical = getThisClass(node);
    if (!lexical) return undefined;
    env.dependencies?.askThisClass(env);
    return env.thisClass && env.thisClass !== lexical && this.isSubclassOf(env.thisClass, lexical) ? env.thisClass : lexical;
  }

  /** Is `cls` the class `base` or a subclass of it? */
  isSubclassOf(cls: ClassNode, base: ClassNode): boolean {
    let current: ClassNode | undefined = cls;
    for (let depth = 0; current && depth <= MAX_SUPER_CLASSES; depth += 1) {
      if (current === base) return true;
      current = this.getSuperClass(current);
    }
    return false;
  }

  /** `depth` guard shared by the recursive resolvers. */
  static isTooDeep(env: Env): boolean {
    if (env.depth <= MAX_DEPTH) return false;
    if (env.dependencies) env.dependencies.incomplete = true;
    return true;
  }
}

export function deeper(env: Env): Env {
  return { ...env, depth: env.depth + 1 };
}

/** The function a binding holds: a declaration, or a `const` holding a function expression. */
export function getBindingFunction(binding: Binding | undefined): FunctionNode | undefined {
  if (binding?.kind === 'function') return binding.node;
  if (binding?.kind !== 'value' || binding.path.length > 0) return undefined;
  const value = skipTransparent(binding.node);
  return isFunctionNode(value) ? value : undefined;
}

/** `this.payments` in `this.payments.charge.bind(…)`: the member read right off `this`. */
function getFirstMember(node: TSESTree.Node): TSESTree.MemberExpression | undefined {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTransparent(current.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return current;
    current = object;
  }
  return undefined;
}

/** `PaymentsClient` in `PaymentsClient`, `PaymentsClient | undefined`. */
function getTypeName(type: TSESTree.TypeNode | undefined): TSESTree.Identifier | undefined {
  if (type?.type === AST_NODE_TYPES.TSUnionType) {
    const meaningful = type.types.filter((member) => member.type !== AST_NODE_TYPES.TSUndefinedKeyword && member.type !== AST_NODE_TYPES.TSNullKeyword);
    return meaningful.length === 1 ? getTypeName(meaningful[0]) : undefined;
  }
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName : undefined;
}

/** `require('x')` → `'x'`. */
export function getRequireSource(node: TSESTree.Node): string | undefined {
  const call = skipTransparent(node);
  if (
    call.type === AST_NODE_TYPES.CallExpression &&
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

/** Constructors whose arguments (an address, a request) matter more than the kind of object they build. */
const ADDRESS_CONSTRUCTORS: ReadonlySet<string> = new Set(['URL', 'Request', 'Headers', 'URLSearchParams']);

/** `this.orderModel`, `Order.build`: the callee as a path, when it is one. */
function getCalleePath(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = getCalleePath(node.object);
  return object === undefined ? undefined : `${object}.${node.property.name}`;
}

/**
 * What the writes of a variable after its declaration assign (`url = …`), each with its
 * assignment; undefined when one of them is not a plain `=` of the variable (`url += …`,
 * `[url] = …`, `for (url of …)`): such a write has no value of its own.
 */
function getAssignedValues(writes: readonly TSESLint.Scope.Reference[]): { readonly node: TSESTree.AssignmentExpression; readonly value: TSESTree.Expression }[] | undefined {
  const assigned: { node: TSESTree.AssignmentExpression; value: TSESTree.Expression }[] = [];
  for (const write of writes) {
    if (write.init) continue;
    const assignment = write.identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== write.identifier) return undefined;
    assigned.push({ node: assignment, value: assignment.right });
  }
  return assigned;
}

/** A write of a variable by a destructuring `=` (`({ Worker } = require('bullmq'))`): the value destructured and the variable's path in it. */
function getDestructuredWrite(write: TSESLint.Scope.Reference): { readonly value: TSESTree.Expression; readonly path: string[] } | undefined {
  let pattern: TSESTree.Node = write.identifier;
  while (pattern.parent && (pattern.parent.type === AST_NODE_TYPES.Property || pattern.parent.type === AST_NODE_TYPES.ObjectPattern || pattern.parent.type === AST_NODE_TYPES.AssignmentPattern)) {
    pattern = pattern.parent;
  }
  const assignment = pattern.parent;
  if (pattern === write.identifier || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== pattern) return undefined;
  const path = getPatternPath(pattern, write.identifier);
  return path && path.length > 0 ? { value: assignment.right, path } : undefined;
}

/**
 * A variable given its value in several places, each time built by the same constructor or
 * factory (`new this.orderModel(…)`, `await Order.build(…)`): the first of them stands for all,
 * since they make the same kind of object.
 */
function getSameConstruction(init: TSESTree.Expression | null, writes: readonly TSESLint.Scope.Reference[]): TSESTree.Node | undefined {
  const assigned = getAssignedValues(writes);
  if (!assigned) return undefined;
  const values: TSESTree.Node[] = [...(init ? [init] : []), ...assigned.map(({ value }) => value)];
  if (values.length < 2) return undefined;
  let shared: string | undefined;
  for (const value of values) {
    let expression = skipTransparent(value);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTransparent(expression.argument);
    if (expression.type !== AST_NODE_TYPES.NewExpression && expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const path = getCalleePath(skipTransparent(expression.callee));
    if (path === undefined || ADDRESS_CONSTRUCTORS.has(path) || (shared !== undefined && path !== shared)) return undefined;
    shared = path;
  }
  return values[0];
}

function computeBinding(variable: Variable): Binding | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  switch (def.type) {
    case DefinitionType.ImportBinding: {
      const specifier = def.node;
      if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const reference = specifier.moduleReference;
        if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
        const source = reference.expression;
        return source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string'
          ? { kind: 'import', source: source.value, imported: undefined, node: specifier }
          : undefined;
      }
      const declaration = specifier.parent as TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration;
      if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
      let imported: string | undefined;
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        imported =
          specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
      } else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        imported = 'default';
      }
      return { kind: 'import', source: declaration.source.value, imported, node: specifier };
    }
    case DefinitionType.Variable: {
      const declarator = def.node;
      const path = getPatternPath(declarator.id, def.name);
      if (!path) return undefined;
      const declaration = declarator.parent;
      const isConstLike =
        declaration.kind === 'const' ||
        variable.references.filter((reference) => reference.isWrite()).length <= 1;
      // `const config = require('./config')`, `const { services } = require('./config')`
      const required = declarator.init && isConstLike ? getRequiredModule(declarator.init) : undefined;
      if (required) return { kind: 'import', source: required.source, imported: required.imported, node: declarator, path: [...required.path, ...path] };
      if (declarator.init && isConstLike) return { kind: 'value', node: declarator.init, path };
      // `let url; try { url = new URL(path, base) } catch …`: declared first, assigned once
      const writes = variable.references.filter((reference) => reference.isWrite());
      const single = !declarator.init && path.length === 0 && writes.length === 1 ? writes[0] : undefined;
      const [only] = single ? (getAssignedValues([single]) ?? []) : [];
      if (only) return { kind: 'value', node: only.value, path };
      // `let Worker; try { ({ Queue, Worker } = require('bullmq')) } catch {}`: declared first, destructured once
      const destructured = single && getDestructuredWrite(single);
      if (destructured) {
        const from = getRequiredModule(destructured.value);
        if (from) return { kind: 'import', source: from.source, imported: from.imported, node: declarator, path: [...from.path, ...destructured.path] };
        return { kind: 'value', node: destructured.value, path: destructured.path };
      }
      // `let order; if (cod) order = new this.orderModel(a); else order = new this.orderModel(b);`
      const built = path.length === 0 ? getSameConstruction(declarator.init, writes) : undefined;
      if (built) return { kind: 'value', node: built, path };
      // `let URL = process.env.X; if (!URL) URL = 'http://localhost:3001'; URL = URL.replace(…)`: the address configured
      const configured = path.length === 0 ? getConfiguredAddress(declarator.init, writes, variable) : undefined;
      if (configured) return { kind: 'value', node: configured, path };
      const annotation = def.name.typeAnnotation?.typeAnnotation;
      if (annotation && path.length === 0) return { kind: 'type', node: annotation };
      return undefined;
    }
    case DefinitionType.FunctionName:
      return def.node.type === AST_NODE_TYPES.FunctionDeclaration || def.node.type === AST_NODE_TYPES.FunctionExpression
        ? { kind: 'function', node: def.node }
        : undefined;
    case DefinitionType.ClassName:
      return { kind: 'class', node: def.node };
    case DefinitionType.TSEnumName:
      return { kind: 'enum', node: def.node };
    case DefinitionType.Type:
      return def.node.type === AST_NODE_TYPES.TSInterfaceDeclaration ? { kind: 'interface', node: def.node } : undefined;
    case DefinitionType.Parameter: {
      const type = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
      return { kind: 'parameter', variable, type };
    }
    default:
      return undefined;
  }
}

/**
 * The env read a variable starts from when every later write only gives it a development default
 * (`'http://localhost:3001'`, `'http://identity:3001'`: a host of no domain) or tidies it
 * (`URL = URL.replace(/localhost/, 'host.docker.internal')`): the address is what the
 * environment configures, as with `process.env.X || 'http://localhost:3001'`.
 */
function getConfiguredAddress(init: TSESTree.Expression | null, writes: readonly TSESLint.Scope.Reference[], variable: TSESLint.Scope.Variable): TSESTree.Node | undefined {
  const start = init && skipTransparent(init);
  if (!start || !isEnvRead(start)) return undefined;
  return getAssignedValues(writes)?.every(({ value }) => isDevelopmentDefault(value, variable)) ? init : undefined;
}

/** `process.env.X`, `process.env['X']`, with or without a fallback. */
function isEnvRead(node: TSESTree.Node): boolean {
  const value = node.type === AST_NODE_TYPES.LogicalExpression ? skipTransparent(node.left) : node;
  if (value.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipTransparent(value.object);
  if (object.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(object) !== 'env') return false;
  const root = skipTransparent(object.object);
  return root.type === AST_NODE_TYPES.Identifier && root.name === 'process';
}

/** A local or container address (`http://localhost:3001`, `http://identity:3001`), or the variable's own value tidied. */
function isDevelopmentDefault(node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.ConditionalExpression) return isDevelopmentDefault(value.consequent, variable) && isDevelopmentDefault(value.alternate, variable);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && DEVELOPMENT_ADDRESS.test(value.value);
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0 && DEVELOPMENT_ADDRESS.test(value.quasis[0]?.value.cooked ?? '');
  // `URL.replace(…)`, `URL.trim()`, chained: the value itself, tidied
  let current: TSESTree.Node = value;
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.callee.object);
  return current !== value && current.type === AST_NODE_TYPES.Identifier && variable.references.some((reference) => reference.identifier === current);
}

/** `http://localhost:3001`, `http://127.0.0.1`, `http://host.docker.internal:3002`, `http://identity:3001`: no public host. */
const DEVELOPMENT_ADDRESS = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|host\.docker\.internal|[\w-]+)(?::\d+)?(?:\/|$)/i;

/**
 * The value a use of a variable written more than once reads (`let url = a; try { post(url) }
 * catch { url = b; post(url) }`): the last write before it in the source, in the same function,
 * when the block that write sits in holds the use (no branch may have skipped it) and no loop
 * between them writes the variable again after the use. Undefined otherwise.
 */
function getReachingValue(variable: TSESLint.Scope.Variable, use: TSESTree.Identifier): TSESTree.Node | undefined {
  const writes = getVariableWrites(variable);
  if (!writes) return undefined;
  const owner = getEnclosingFunction(use);
  const before = writes.filter((write) => write.node.range[1] <= use.range[0]).sort((a, b) => a.node.range[0] - b.node.range[0]);
  let last = before.at(-1);
  if (!last || getEnclosingFunction(last.node) !== owner) return undefined;
  const holdsUse = (node: TSESTree.Node | undefined): boolean => node !== undefined && encloses(node, use);
  let block = getEnclosingBlock(last.node);
  if (!holdsUse(block)) {
    // a write that may be skipped and only adds text to the value written before it (`fullPath = '/api/auth' + path`
    // after `let fullPath = path`): the same value either way, as the one before it holds it
    const earlier = before.at(-2);
    if (!earlier || !decorates(last.value, earlier.value)) return undefined;
    last = earlier;
    block = getEnclosingBlock(last.node);
    if (getEnclosingFunction(last.node) !== owner || !holdsUse(block)) return undefined;
  }
  if (!block) return undefined;
  for (let node: TSESTree.Node | undefined = use.parent; node && node !== block; node = node.parent) {
    if (LOOPS.has(node.type) && writes.some((write) => write.node.range[0] > use.range[1] && write.node.range[1] <= node.range[1])) return undefined;
  }
  return last.value;
}

/**
 * The values a variable written in several places may hold at a use (`let url; if (process.env.X)
 * url = process.env.X; else url = \`http://payments:${port}\`;`): every write, when each is a
 * plain `=` (or the declaration's initializer) of the function the use is in, made before the
 * use. Undefined otherwise, or when one write alone reaches the use.
 */
export function getWrittenValues(variable: TSESLint.Scope.Variable, use: TSESTree.Identifier): TSESTree.Node[] | undefined {
  const writes = getVariableWrites(variable);
  const owner = getEnclosingFunction(use);
  if (!writes || writes.length < 2 || writes.some((write) => write.node.range[1] > use.range[0] || getEnclosingFunction(write.node) !== owner)) return undefined;
  return writes.map((write) => write.value);
}

/**
 * Every write of a variable declared once by a plain name (not a loop's: it holds what the loop
 * iterates over), each a plain `=` or the declaration's initializer; undefined otherwise.
 */
function getVariableWrites(variable: TSESLint.Scope.Variable): { readonly node: TSESTree.Node; readonly value: TSESTree.Node }[] | undefined {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== DefinitionType.Variable || def.node.id !== def.name) return undefined;
  const declaration = def.node.parent;
  if (declaration.parent.type === AST_NODE_TYPES.ForInStatement || declaration.parent.type === AST_NODE_TYPES.ForOfStatement) return undefined;
  const assigned = getAssignedValues(variable.references.filter((reference) => reference.isWrite()));
  if (!assigned) return undefined;
  return [...(def.node.init ? [{ node: def.node, value: def.node.init }] : []), ...assigned];
}

/**
 * Whether a value only adds text around another, a variable (`'/api/auth' + path`,
 * `` `${path}/` `` around `path`): every other operand of the `+` or the template is text.
 */
export function decorates(value: TSESTree.Node, base: TSESTree.Node): boolean {
  const name = skipTransparent(base);
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  let found = false;
  const visit = (node: TSESTree.Node): boolean => {
    const current = skipTransparent(node);
    if (current.type === AST_NODE_TYPES.Identifier && current.name === name.name && !found) return (found = true);
    if (current.type === AST_NODE_TYPES.Literal) return typeof current.value === 'string';
    if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') return visit(current.left) && visit(current.right);
    if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.expressions.every(visit);
    return false;
  };
  return visit(value) && found;
}

const LOOPS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/**
 * The block or program whose statements hold a write, when nothing on the way to it may skip
 * the write: not `if (x) url = a;` without braces, nor `x && (url = a)`.
 */
function getEnclosingBlock(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.BlockStatement || current.type === AST_NODE_TYPES.Program || current.type === AST_NODE_TYPES.SwitchCase || current.type === AST_NODE_TYPES.StaticBlock) return current;
    if (!STRAIGHT.has(current.type)) return undefined;
  }
  return undefined;
}

/** Nodes between a write and its block that run it whenever they run. */
const STRAIGHT: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.SequenceExpression,
  AST_NODE_TYPES.AwaitExpression,
]);

/**
 * The module an initializer reads: `require('x')`, `require('x').a.b`, `await import('x')`
 * (a namespace), with the properties read from it.
 */
function getRequiredModule(init: TSESTree.Expression): { source: string; imported: string | undefined; path: string[] } | undefined {
  const path: string[] = [];
  let current = skipTransparent(init);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(current);
    if (name === undefined) return undefined;
    path.unshift(name);
    current = skipTransparent(current.object);
  }
  const source = getRequireSource(current);
  if (source !== undefined) return { source, imported: undefined, path };
  if (current.type === AST_NODE_TYPES.ImportExpression && current.source.type === AST_NODE_TYPES.Literal && typeof current.source.value === 'string') {
    return { source: current.source.value, imported: '*', path };
  }
  return undefined;
}

/**
 * The property path from a destructuring pattern to one of its names:
 * `const { a: { b } } = x` gives `['a', 'b']` for `b`; `[]` for a plain identifier.
 */
export function getPatternPath(pattern: TSESTree.Node, name: TSESTree.Node): string[] | undefined {
  if (pattern === name) return [];
  switch (pattern.type) {
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = getPropertyName(property);
        if (key === undefined) continue;
        const inner = getPatternPath(property.value, name);
        if (inner) return [key, ...inner];
      }
      return undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return getPatternPath(pattern.left, name);
    case AST_NODE_TYPES.TSParameterProperty:
      return getPatternPath(pattern.parameter, name);
    default:
      return undefined;
  }
}

function collectClassMembers(cls: ClassNode): Map<string, ClassMember> {
  const values = new Map<string, TSESTree.Expression[]>();
  const types = new Map<string, TSESTree.TypeNode>();
  const methods = new Map<string, TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression>();
  const getters = new Map<string, TSESTree.FunctionExpression>();
  const addValue = (name: string, value: TSESTree.Expression): void => {
    const list = values.get(name) ?? [];
    list.push(value);
    values.set(name, list);
  };

  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static) {
      const name = getPropertyName(element);
      if (name === undefined) continue;
      if (element.typeAnnotation) types.set(name, element.typeAnnotation.typeAnnotation);
      if (element.value) {
        const value = skipTransparent(element.value);
        if (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression) {
          methods.set(name, value);
        } else {
          addValue(name, element.value);
        }
      }
    } else if (element.type === AST_NODE_TYPES.MethodDefinition && !element.static) {
      const name = getPropertyName(element);
      if (name === undefined) continue;
      if (element.kind === 'constructor') {
        for (const param of element.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const inner = param.parameter;
          const id = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
          if (id.type !== AST_NODE_TYPES.Identifier) continue;
          if (id.typeAnnotation) types.set(id.name, id.typeAnnotation.typeAnnotation);
          // `constructor(private readonly baseUrl: string)`: the field holds the argument
          addValue(id.name, id);
        }
      } else if (element.kind === 'method' && element.value.type === AST_NODE_TYPES.FunctionExpression) {
        methods.set(name, element.value);
      } else if (element.kind === 'get' && element.value.type === AST_NODE_TYPES.FunctionExpression) {
        getters.set(name, element.value);
      }
      if (element.value.body) collectThisAssignments(element.value.body, addValue);
    }
  }

  const names = new Set([...values.keys(), ...types.keys(), ...methods.keys(), ...getters.keys()]);
  const members = new Map<string, ClassMember>();
  for (const name of names) {
    const getter = getters.get(name);
    members.set(name, { values: values.get(name) ?? [], type: types.get(name), method: methods.get(name), ...(getter ? { getter } : {}) });
  }
  return members;
}

/** `this.x = value` statements in a method body, outside nested non-arrow functions. */
function collectThisAssignments(
  body: TSESTree.BlockStatement,
  add: (name: string, value: TSESTree.Expression) => void,
): void {
  walk(body, CHILD_KEYS, (node) => {
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.operator === '=' &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const name = getPropertyName(node.left);
      if (name !== undefined) add(name, node.right);
    }
  });
}

/** Statement-level children worth walking for `this.x = …` (assignments sit in statements; nested functions and classes have their own `this`). */
const CHILD_KEYS: Readonly<Record<string, readonly string[]>> = {
  [AST_NODE_TYPES.BlockStatement]: ['body'],
  [AST_NODE_TYPES.ExpressionStatement]: ['expression'],
  [AST_NODE_TYPES.IfStatement]: ['consequent', 'alternate'],
  [AST_NODE_TYPES.TryStatement]: ['block', 'handler', 'finalizer'],
  [AST_NODE_TYPES.CatchClause]: ['body'],
  [AST_NODE_TYPES.AwaitExpression]: ['argument'],
  [AST_NODE_TYPES.SequenceExpression]: ['expressions'],
  [AST_NODE_TYPES.ArrowFunctionExpression]: ['body'],
  [AST_NODE_TYPES.CallExpression]: ['arguments'],
  [AST_NODE_TYPES.AssignmentExpression]: ['right'],
};

/** Every call expression under a node, for files the linter did not traverse for us. */
function collectCalls(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  walk(root, visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
  });
  return calls.sort((a, b) => a.range[0] - b.range[0]);
}
