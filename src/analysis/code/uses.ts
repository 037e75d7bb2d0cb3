/**
 * Where a function of the file is used: `this.x` reads of a method in its class, the name an
 * export gives a function, and every use of a function the file keeps to itself (a `private`
 * or `#` method, a function neither exported nor exported under another name).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction, getPropertyName, isFunctionNode, isModuleExports, skipTransparent, type FunctionNode } from './ast.js';
import { EMPTY_ENV, type FileContext } from './file-context.js';
import { readExports } from './exports.js';
import { getActionRunner, getFunctionVariable, getOwnerFunction, getValueReferences } from './functions.js';
import { walk } from './walk.js';
import { remember } from '../../util/remember.js';

/** `this.x` member expressions by name, per class body, in source order: collected once per class. */
const thisMembersByClass = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.MemberExpression[]>>();

export function getThisMembers(body: TSESTree.ClassBody, name: string, file: FileContext): readonly TSESTree.MemberExpression[] {
  let byName = thisMembersByClass.get(body);
  if (!byName) {
    const members = new Map<string, TSESTree.MemberExpression[]>();
    walk(body, file.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return;
      const read = getPropertyName(node);
      if (read === undefined) return;
      const list = members.get(read);
      if (list) list.push(node);
      else members.set(read, [node]);
    });
    byName = members;
    thisMembersByClass.set(body, byName);
  }
  return byName.get(name) ?? [];
}

/**
 * The name a reference exports its function under: `export { fn as name }`, `export default
 * { name: fn }`, `module.exports = { name }`, `exports.name = fn`; undefined for a reference that
 * exports nothing, null for an export whose uses cannot be named (`module.exports = fn`).
 */
export function getExportName(reference: TSESTree.Identifier): string | null | undefined {
  const parent = reference.parent;
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier) {
    const exported = parent.exported;
    const name = exported.type === AST_NODE_TYPES.Identifier ? exported.name : String(exported.value);
    return name === 'default' ? null : name;
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === reference) {
    const object = parent.parent;
    const holder = object?.parent;
    const key = getPropertyName(parent);
    if (holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return key ?? null;
    if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === object && isModuleExports(holder.left)) return key ?? null;
    return undefined;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === reference) {
    if (isModuleExports(parent.left)) return null;
    if (parent.left.type === AST_NODE_TYPES.MemberExpression && isModuleExports(parent.left.object)) return getPropertyName(parent.left) ?? null;
  }
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return null;
  return undefined;
}

/** Every use of a function the file keeps private; undefined when others may call it. */
export function getPrivateUses(fn: FunctionNode, file: FileContext): TSESTree.Node[] | undefined {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    const isPrivate = parent.accessibility === 'private' || parent.key.type === AST_NODE_TYPES.PrivateIdentifier;
    const name = getPropertyName(parent);
    if (!isPrivate || name === undefined) return undefined;
    return [...getThisMembers(parent.parent, name, file)];
  }
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : parent.parent;
  if (declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || declaration?.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    return undefined;
  }
  // a function no name of the file holds (`exports.charge = …`, a property of an object): who uses it is not read here
  if (!getFunctionVariable(fn, file)) return undefined;
  const references = getValueReferences(fn, file);
  const exported = references.some((reference) => getExportName(reference) !== undefined);
  return exported ? undefined : references;
}

/**
 * Every use of a function: in its file when the file keeps it to itself, else (with the project
 * layer) also in the modules of its repository that import it or call the method. Undefined when
 * some use may be out of sight.
 */
export function getFunctionUses(fn: FunctionNode, file: FileContext): { file: FileContext; node: TSESTree.Node }[] | undefined {
  const privateUses = getPrivateUses(fn, file);
  return privateUses ? privateUses.map((use) => ({ file, node: use })) : (getExportedUses(fn, file) ?? getMethodUses(fn, file) ?? getObjectMethodUses(fn, file));
}

/**
 * Every use of a method of an object a `const` holds (`const inventoryClient = { async
 * confirmSeats(…) { … } }`): `inventoryClient.confirmSeats(…)` in its file and, when the object is
 * exported, in the modules that import it, and every call by a key known only when it runs
 * (`eventHandler[eventType](payload)`). Undefined when the object is used in any other way
 * (handed on whole, destructured, its methods reached through `this`): a call could hide there.
 */
function getObjectMethodUses(fn: FunctionNode, file: FileContext): { file: FileContext; node: TSESTree.Node }[] | undefined {
  const property = fn.parent;
  if (property.type !== AST_NODE_TYPES.Property || property.value !== fn || property.kind !== 'init') return undefined;
  const name = getPropertyName(property);
  const object = property.parent;
  const declarator = object.parent;
  if (name === undefined || object.type !== AST_NODE_TYPES.ObjectExpression || declarator?.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  if (declarator.init !== object || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const [start, end] = object.range;
  if (/\bthis\b/.test(file.sourceCode.text.slice(start, end))) return undefined;
  const variable = file.findVariable(declarator.id);
  if (!variable?.defs.some((def) => def.name === declarator.id)) return undefined;
  const references = variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Identifier);
  const declaredExport = declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declarator.id.name : undefined;
  const holders = getReferenceUses(references, declaredExport, file)?.uses;
  if (!holders) return undefined;
  const uses: { file: FileContext; node: TSESTree.Node }[] = [];
  for (const holder of holders) {
    const member = holder.node.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== holder.node) return undefined;
    const key = getPropertyName(member);
    // a handler looked up by a key known only when it runs (`eventHandler[eventType](payload)`) may be any of them
    const dispatched = key === undefined && member.computed && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
    if (key === name || dispatched) uses.push({ file: holder.file, node: member });
  }
  return uses;
}

/**
 * Every use of an exported function: its own file's, and those of the modules of its repository
 * that import it (asked of the project layer); undefined when it is exported in a way whose
 * uses cannot all be found (a default export, `module.exports = fn`, no project layer).
 */
function getExportedUses(fn: FunctionNode, file: FileContext): { file: FileContext; node: TSESTree.Node }[] | undefined {
  const fileName = file.fileName;
  if (!file.resolver || fileName === undefined) return undefined;
  // `exports.charge = async (…) => …`: its uses are the importers'; one of its own file (`exports.charge(…)`) is not tracked
  const assigned = getAssignedExportName(fn);
  if (assigned !== undefined) {
    if (assigned === null || countExportReads(file.sourceCode.text, assigned) > 1) return undefined;
    const found = file.resolver.findExportUses(fileName, assigned);
    return found ? [...found] : undefined;
  }
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.parent : undefined;
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.id : undefined;
  if (!declaration || id?.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (declaration.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
  const found = getReferenceUses(getValueReferences(fn, file), declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? id.name : undefined, file);
  return found?.exported ? found.uses : undefined;
}

/**
 * The uses of a value through its references: those in its own file, and, for each name one of
 * them (or the declaration itself, `declaredExport`) exports it by (`export { fn }`,
 * `module.exports = { client }`), those of the modules that import it, asked of the project layer.
 * Undefined when it is exported in a way whose uses cannot be named (`module.exports = fn`), or
 * the importers cannot be read.
 */
function getReferenceUses(
  references: readonly TSESTree.Identifier[],
  declaredExport: string | undefined,
  file: FileContext,
): { uses: { file: FileContext; node: TSESTree.Node }[]; exported: boolean } | undefined {
  const names = new Set<string>(declaredExport === undefined ? [] : [declaredExport]);
  const uses: { file: FileContext; node: TSESTree.Node }[] = [];
  for (const reference of references) {
    const exported = getExportName(reference);
    if (exported === null) return undefined;
    if (exported === undefined) uses.push({ file, node: reference });
    else names.add(exported);
  }
  for (const name of names) {
    const found = file.fileName === undefined ? undefined : file.resolver?.findExportUses(file.fileName, name);
    if (!found) return undefined;
    uses.push(...found);
  }
  return { uses, exported: names.size > 0 };
}

/** The name a function is exported by when it is written straight into `exports.name = …` (`module.exports.name = …`); null for `module.exports = …`. */
function getAssignedExportName(fn: FunctionNode): string | null | undefined {
  const parent = fn.parent;
  if (parent.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== fn) return undefined;
  if (isModuleExports(parent.left)) return null;
  if (parent.left.type !== AST_NODE_TYPES.MemberExpression || !isModuleExports(parent.left.object)) return undefined;
  return getPropertyName(parent.left) ?? null;
}

/** How many times a file's text names `exports.name`: the assignment itself, and any read of its own. */
function countExportReads(text: string, name: string): number {
  const escaped = name.replace(/[$]/g, '\\$&');
  return text.match(new RegExp(`\\bexports\\s*\\.\\s*${escaped}(?![\\w$])`, 'g'))?.length ?? 0;
}

/**
 * Every use of a public method of a named class: `this.name` in its class, and the calls the
 * project layer finds in the repository (`this.ordersService.markPaid(…)` in a controller whose
 * constructor is given an `OrdersService`). Undefined when some call may be out of sight.
 */
function getMethodUses(fn: FunctionNode, file: FileContext): { file: FileContext; node: TSESTree.Node }[] | undefined {
  const definition = fn.parent;
  if (!file.resolver || definition.type !== AST_NODE_TYPES.MethodDefinition || definition.kind !== 'method' || definition.static) return undefined;
  const name = getPropertyName(definition);
  if (name === undefined || definition.parent.parent.type !== AST_NODE_TYPES.ClassDeclaration) return undefined;
  const others = file.resolver.findMethodCalls(file, definition);
  if (!others) return undefined;
  return [...getThisMembers(definition.parent, name, file).map((node) => ({ file, node })), ...others];
}

/**
 * Whether a node sits in code that never runs: a private method or a module function that
 * nothing uses, or that only such functions use (`private updateItems()` whose one call is
 * commented out, and `private updateItem()` that only it calls). A decorated method is run by
 * its framework (`@Cron()`, `@OnEvent()`), used or not.
 */
export function isInUnusedFunction(node: TSESTree.Node, file: FileContext): boolean {
  const fn = getEnclosingNamedFunction(node);
  return fn !== undefined && isUnused(fn, file, 0);
}

/**
 * Whether a node sits in a method of a class that a workspace library exports and that no other
 * module of the repository imports (`export class BookingApiClient` in
 * `libs/booking/api-client/`, used by nothing): a client kit for code outside the repository,
 * whose writes are its callers' to make durable. Services and apps are not libraries: a class of
 * theirs may be run by its framework without an import. Undecorated classes only, for the same reason.
 */
export function isInUnimportedLibraryClass(node: TSESTree.Node, file: FileContext): boolean {
  const own = file.fileOf(node);
  if (!own.resolver || own.fileName === undefined || !own.resolver.isLibraryFile(own.fileName)) return false;
  const fn = getEnclosingNamedFunction(node);
  const definition = fn?.parent;
  if (definition?.type !== AST_NODE_TYPES.MethodDefinition) return false;
  const cls = definition.parent.parent;
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration || !cls.id || (cls.decorators?.length ?? 0) > 0) return false;
  // exported where it is declared, by its own name
  if (cls.parent.type !== AST_NODE_TYPES.ExportNamedDeclaration) return false;
  // nor any other export of its module (`export const bookings = new BookingApiClient()`)
  const names = getExportedNames(own.sourceCode.ast);
  const { resolver, fileName } = own;
  return names !== undefined && names.every((name) => resolver.findExportUses(fileName, name)?.length === 0);
}

/** The names a module exports, undefined when some cannot be told (`export * from`, CommonJS). */
function getExportedNames(program: TSESTree.Program): string[] | undefined {
  const table = readExports(program);
  return table.commonjs || table.stars.length > 0 ? undefined : [...table.named.keys()];
}

/** Past this many functions that only unused ones call, a function counts as used. */
const MAX_UNUSED_CHAIN = 3;

/** A private method without decorators, or a function declared under a name its scope knows: all its uses are in sight. */
function isNamedForUses(fn: FunctionNode, file: FileContext): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) return (parent.decorators?.length ?? 0) === 0;
  return getFunctionVariable(fn, file) !== undefined;
}

function isUnused(fn: FunctionNode, file: FileContext, depth: number): boolean {
  if (depth > MAX_UNUSED_CHAIN) return false;
  if (!isNamedForUses(fn, file)) return false;
  const uses = getPrivateUses(fn, file);
  if (!uses) return false;
  return uses.every((use) => {
    const user = getEnclosingNamedFunction(use);
    // a use by the function itself (recursion) does not make it run
    return user !== undefined && (user === fn || isUnused(user, file, depth + 1));
  });
}

/** The function a node runs in, skipping callbacks passed as arguments (`retry(() => …)`). */
export function getEnclosingNamedFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const isCallback =
      current.type !== AST_NODE_TYPES.FunctionDeclaration &&
      (current.parent.type === AST_NODE_TYPES.CallExpression || current.parent.type === AST_NODE_TYPES.NewExpression) &&
      current.parent.arguments.some((argument) => argument === current);
    if (!isCallback) return current;
  }
  return undefined;
}

/**
 * The calls that run a function handed to a library runner (see `ACTION_RUNNERS`): the
 * `this.reserveBreaker.fire(request)` calls of the class whose constructor made
 * `this.reserveBreaker = new CircuitBreaker(this.reserveInternal.bind(this))`, or the
 * `breaker.fire(…)` calls of a `const breaker = new CircuitBreaker(reserve)`. Undefined when
 * `action` is not a runner's action, or when the instance goes where its calls are out of sight.
 */
export function getRunnerCalls(action: TSESTree.Node, file: FileContext): TSESTree.CallExpression[] | undefined {
  const construction = action.parent;
  if (construction?.type !== AST_NODE_TYPES.NewExpression || construction.arguments[0] !== action) return undefined;
  const runner = getActionRunner(construction, file, EMPTY_ENV);
  if (!runner) return undefined;
  const holder = construction.parent;
  let instances: readonly TSESTree.Node[];
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === construction && holder.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(holder.left);
    let body: TSESTree.Node | undefined = holder;
    while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
    if (name === undefined || skipTransparent(holder.left.object).type !== AST_NODE_TYPES.ThisExpression || !body) return undefined;
    instances = getThisMembers(body, name, file).filter((member) => member !== holder.left);
  } else if (holder?.type === AST_NODE_TYPES.PropertyDefinition && holder.value === construction && !holder.static) {
    // `private readonly breaker = new CircuitBreaker(this.chargeNow.bind(this))`
    const name = getPropertyName(holder);
    if (name === undefined || holder.parent.type !== AST_NODE_TYPES.ClassBody) return undefined;
    instances = getThisMembers(holder.parent, name, file);
  } else if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === construction && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = file.findVariable(holder.id);
    if (!variable) return undefined;
    instances = variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Node);
  } else {
    return undefined;
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const instance of instances) {
    const member = instance.parent;
    // handed on whole (`track(breaker)`): who fires it is out of sight
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== instance) return undefined;
    const name = getPropertyName(member);
    // `breaker.on('open', …)`, `breaker.stats`: the instance's other members run nothing
    if (name === undefined || !runner.run.has(name)) continue;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
    calls.push(call);
  }
  return calls;
}

/** A module-level factory function and the one call the repository makes of it. */
export interface FactoryCall {
  readonly factory: FunctionNode;
  readonly call: TSESTree.CallExpression;
}

const factoryCalls = new WeakMap<FunctionNode, TSESTree.CallExpression | null>();

/**
 * The one call the repository makes of the factory whose returned methods a node runs in:
 * `createInventoryClient(serviceClient({ baseUrl: cfg.inventoryUrl }), logger)` in a composition
 * root, for a call in a method of the object `createInventoryClient(client, logger)` returns. Those
 * methods run with that call's arguments, as a class's methods run with its one construction's.
 * None when the factory is called twice, used in any way but a call, when the code that calls it
 * also calls the product's methods (those calls show the arguments, and report the write), or
 * when a web app calls it (the client then runs in the browser).
 */
export function getFactoryCall(node: TSESTree.Node, file: FileContext): FactoryCall | undefined {
  const owner = getOwnerFunction(node);
  const factory = owner && getEnclosingFunction(owner);
  if (!factory || factory.params.length === 0 || getEnclosingFunction(factory)) return undefined;
  const call = remember(factoryCalls, factory, () => findFactoryCall(factory, file.fileOf(factory)));
  return call ? { factory, call } : undefined;
}

function findFactoryCall(factory: FunctionNode, file: FileContext): TSESTree.CallExpression | undefined {
  const uses = getFunctionUses(factory, file);
  if (!uses || uses.length !== 1) return undefined;
  const [{ node, file: owner }] = uses as [{ file: FileContext; node: TSESTree.Node }];
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) return undefined;
  // made by a web app, the client runs in the browser: its calls are its user's own
  if (owner.resolver?.isBrowserFile(owner)) return undefined;
  return isHandedOnProduct(call, owner) ? call : undefined;
}

/**
 * Whether a factory call's product is only handed on: stored (`const inventory = create…(…)`) and
 * never used for a method call in its file, passed as an argument, returned, or exported.
 */
function isHandedOnProduct(call: TSESTree.CallExpression, file: FileContext): boolean {
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator) return true;
  if (parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = file.findVariable(parent.id);
  if (!variable) return false;
  return variable.references.every(({ identifier, init }) => {
    if (init) return true;
    const member = identifier.parent;
    return !(member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member);
  });
}
