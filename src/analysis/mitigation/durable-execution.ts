/**
 * Durable execution engines (Temporal, Restate, Inngest, DBOS, Trigger.dev, Cloudflare
 * Workflows, Azure Durable Functions), recognised by origin: which functions the engine runs
 * as steps (recorded once they complete, retried until they succeed), which it runs as
 * workflow code (replayed between steps, durable only through them), which engine a file
 * uses, and the step API in scope at a call.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  DURABLE_ENGINES,
  type DurableEngine,
  type DurableRole,
  ENGINE_DECORATORS,
  type EngineId,
  REGISTERED_FUNCTIONS,
  type RegisteredFunction,
  STEP_APIS,
  type StepApi,
  TEMPORAL_ACTIVITIES,
  WORKFLOW_BASE_CLASSES,
} from '../../catalog/durable-engines.js';
import { getCalleeName, getPropertyName, isFunctionNode, skipTransparent, type FunctionNode } from '../code/ast.js';
import { type FileContext, getPatternPath, getRequireSource } from '../code/file-context.js';
import { stepToken } from '../code/families.js';
import { getValueReferences } from '../code/functions.js';
import { getOrigin, getTypeOrigin, type Origin } from '../code/origin.js';
import { remember } from '../../util/remember.js';

export interface DurableFunction {
  readonly engine: DurableEngine;
  readonly role: DurableRole;
  /** `Inngest step.run`, `Trigger.dev task run`, `@DBOS.step()` */
  readonly detail: string;
}

const ENGINES: ReadonlyMap<EngineId, DurableEngine> = new Map(DURABLE_ENGINES.map((engine) => [engine.id, engine]));

function engineOf(id: EngineId): DurableEngine {
  return ENGINES.get(id)!;
}

const roles = new WeakMap<FunctionNode, DurableFunction | null>();

/** What the engine makes of a function: a step, workflow code, or nothing (undefined). */
export function getDurableFunction(fn: FunctionNode, file: FileContext): DurableFunction | undefined {
  return remember(roles, fn, () => computeDurableFunction(fn, file));
}

function computeDurableFunction(fn: FunctionNode, file: FileContext): DurableFunction | undefined {
  const bySlot = getSlot(fn, file);
  if (bySlot) return bySlot;
  // passed by name: `DBOS.registerStep(chargeCard)`, `Worker.create({ activities: { chargeCard } })`
  for (const reference of getValueReferences(fn, file)) {
    const byName = getSlot(reference, file);
    if (byName) return byName;
  }
  const method = fn.parent;
  if (method.type === AST_NODE_TYPES.MethodDefinition || method.type === AST_NODE_TYPES.PropertyDefinition) {
    const decorated = getDecoratedRole(method, file) ?? getWorkflowMethod(method, file);
    if (decorated) return decorated;
  }
  // the module that declares the function, which is not the linted file when the function was reached through an import
  return isActivityModule(file.fileOf(fn)) ? { engine: engineOf('temporal'), role: 'step', detail: 'Temporal activity module' } : undefined;
}

/** The step or workflow a value is registered as where it stands: an argument of an engine's call, or a value in an object argument. */
function getSlot(value: TSESTree.Node, file: FileContext): DurableFunction | undefined {
  const keys: string[] = [];
  let current: TSESTree.Node = value;
  // climb `{ handlers: { greet: <value> } }` up to the argument
  while (current.parent?.type === AST_NODE_TYPES.Property && current.parent.value === current && current.parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const key = getPropertyName(current.parent);
    if (key === undefined) return undefined;
    keys.unshift(key);
    current = current.parent.parent;
  }
  const call = current.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const index = call.arguments.findIndex((argument) => argument === current);
  if (index === -1) return undefined;
  if (keys.length === 0) {
    const step = getStepCall(call, index, file);
    if (step) return step;
  }
  const entry = REGISTERED_FUNCTIONS.find(
    (candidate) =>
      (candidate.arg === 'last' ? index === call.arguments.length - 1 : index === candidate.arg) &&
      matchesKeys(candidate.keys ?? [], keys) &&
      matchesCallee(call.callee, candidate, file),
  );
  return entry && { engine: engineOf(entry.engine), role: entry.role, detail: entry.detail };
}

function matchesKeys(pattern: readonly string[], keys: readonly string[]): boolean {
  return pattern.length === keys.length && pattern.every((key, index) => key === '*' || key === keys[index]);
}

/** The call's callee is the registration: by origin, or (for a client built in another module) by the receiver's name. */
function matchesCallee(callee: TSESTree.Node, entry: RegisteredFunction, file: FileContext): boolean {
  const origin = getOrigin(callee, file);
  if (origin && isPath(origin, entry.module, entry.callee)) return true;
  const member = skipTransparent(callee);
  if (!entry.receiverName || member.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(member) !== entry.callee.at(-1)) return false;
  const name = getCalleeName(member.object);
  // a receiver of another library is not the engine's client, whatever its name
  return name !== undefined && entry.receiverName.test(name) && (origin === undefined || isProjectModule(origin.module));
}

function isPath(origin: Origin, module: string, path: readonly string[]): boolean {
  return origin.module === module && origin.steps.length === path.length && origin.steps.every((step, index) => stepToken(step) === path[index]);
}

function isProjectModule(module: string): boolean {
  return module.startsWith('.') || module.startsWith('/') || module.startsWith('#') || module.startsWith('~') || module.startsWith('@/');
}

/** `step.run(name, <fn>)`, `ctx.run(name, <fn>)`, `step.do(name, config, <fn>)`: the last argument of a step API member. */
function getStepCall(call: TSESTree.CallExpression, index: number, file: FileContext): DurableFunction | undefined {
  if (index !== call.arguments.length - 1) return undefined;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const member = getPropertyName(callee);
  const api = STEP_APIS.find((candidate) => member !== undefined && candidate.members.includes(member) && isStepHandle(callee.object, candidate, file));
  return api && { engine: engineOf(api.engine), role: 'step', detail: `${engineOf(api.engine).label} ${file.getText(callee)}` };
}

/**
 * Is the node the step API handed to the engine's workflow code: `step` in an Inngest
 * function's `({ event, step }) => …`, `ctx` in a Restate handler, `step` in a Cloudflare
 * `run(event, step)`, or a parameter declared with the API's type.
 */
function isStepHandle(node: TSESTree.Node, api: StepApi, file: FileContext): boolean {
  const path: string[] = [];
  let root = skipTransparent(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(root);
    if (name === undefined) return false;
    path.unshift(name);
    root = skipTransparent(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const parameter = getParameter(root, file);
  if (!parameter) return false;
  const fullPath = [...parameter.path, ...path];
  if (api.types && fullPath.length === parameter.path.length && parameter.type) {
    const origin = getTypeOrigin(parameter.type, file);
    if (origin?.module === api.types.module && api.types.names.some((name) => isPath(origin, api.types!.module, [name, '<instance>']))) return true;
  }
  if (api.param !== parameter.index || !samePath(api.path ?? [], fullPath)) return false;
  const workflow = getDurableFunction(parameter.fn, file);
  return workflow?.role === 'workflow' && workflow.engine.id === api.engine;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

interface Parameter {
  readonly fn: FunctionNode;
  readonly index: number;
  /** properties read by destructuring: `({ step })` → `['step']` */
  readonly path: readonly string[];
  readonly type: TSESTree.TypeNode | undefined;
}

/** The parameter an identifier refers to, with its position and destructuring path. */
function getParameter(identifier: TSESTree.Identifier, file: FileContext): Parameter | undefined {
  const variable = file.findVariable(identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || !isFunctionNode(def.node)) return undefined;
  const fn = def.node;
  for (const [index, param] of fn.params.entries()) {
    const path = getPatternPath(param, def.name);
    if (path) return { fn, index, path, type: def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined };
  }
  return undefined;
}

/** `@DBOS.step()`, `@Step()`, `@Communicator()`, `@DBOS.workflow()` on the method. */
function getDecoratedRole(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, file: FileContext): DurableFunction | undefined {
  // espree's nodes have no `decorators`
  for (const decorator of (method.decorators as TSESTree.Decorator[] | undefined) ?? []) {
    const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
    const origin = getOrigin(expression, file);
    const entry = origin && ENGINE_DECORATORS.find((candidate) => isPath(origin, candidate.module, candidate.path));
    if (entry) return { engine: engineOf(entry.engine), role: entry.role, detail: `@${entry.path.join('.')}()` };
  }
  return undefined;
}

/** `run` of a class extending Cloudflare's `WorkflowEntrypoint`: workflow code. */
function getWorkflowMethod(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition, file: FileContext): DurableFunction | undefined {
  const superClass = method.parent.parent.superClass;
  if (!superClass) return undefined;
  const name = getPropertyName(method);
  const origin = getOrigin(superClass, file);
  const entry = origin && WORKFLOW_BASE_CLASSES.find((candidate) => candidate.method === name && isPath(origin, candidate.module, candidate.path));
  return entry && { engine: engineOf(entry.engine), role: 'workflow', detail: `${entry.path.join('.')}.${entry.method}` };
}

const activityModules = new WeakMap<TSESTree.Program, boolean>();

/**
 * A module of Temporal activities: it imports `@temporalio/activity`, or it is named or placed
 * like one (`activities.ts`, `src/activities/charge.ts`) and shows Temporal; never workflow code.
 */
function isActivityModule(file: FileContext): boolean {
  const program = file.sourceCode.ast;
  let result = activityModules.get(program);
  if (result === undefined) {
    const modules = getImportedModules(file);
    const path = file.relativePath;
    result =
      !modules.has(TEMPORAL_ACTIVITIES.workflowModule) &&
      (modules.has(TEMPORAL_ACTIVITIES.activityModule) ||
        (path !== undefined &&
          TEMPORAL_ACTIVITIES.path.test(path) &&
          (TEMPORAL_ACTIVITIES.evidence.some((module) => modules.has(module)) ||
            (file.fileName !== undefined && file.resolver?.dependsOn(file.fileName, TEMPORAL_ACTIVITIES.packagePrefix) === true))));
    activityModules.set(program, result);
  }
  return result;
}

const importedModules = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

/** Module specifiers the file imports or requires at its top level. */
function getImportedModules(file: FileContext): ReadonlySet<string> {
  const program = file.sourceCode.ast;
  let modules = importedModules.get(program);
  if (!modules) {
    const found = new Set<string>();
    for (const statement of program.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) found.add(statement.source.value);
      const declaration =
        statement.type === AST_NODE_TYPES.VariableDeclaration
          ? statement
          : statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration
            ? statement.declaration
            : undefined;
      for (const declarator of declaration?.declarations ?? []) {
        let init = declarator.init && skipTransparent(declarator.init);
        while (init?.type === AST_NODE_TYPES.MemberExpression) init = skipTransparent(init.object);
        const source = init ? getRequireSource(init) : undefined;
        if (source !== undefined) found.add(source);
      }
    }
    modules = found;
    importedModules.set(program, modules);
  }
  return modules;
}

/** The innermost function around a node that the engine runs as a step. */
export function getEnclosingStep(node: TSESTree.Node, file: FileContext): { readonly fn: FunctionNode; readonly step: DurableFunction } | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const durable = getDurableFunction(current, file);
    if (durable?.role === 'step') return { fn: current, step: durable };
  }
  return undefined;
}

/** Where a call stands with respect to the engines: the engine of the workflow around it, or of the file. */
export interface EngineContext {
  readonly engine: DurableEngine;
  /** the workflow function the call is made from, outside any step */
  readonly workflow: FunctionNode | undefined;
  /** the step API in scope at the call, as written there (`step`, `ctx`, `ctx.step`, `DBOS`) */
  readonly stepApi: { readonly handle: string; readonly api: StepApi } | undefined;
}

/**
 * The engine a call outside any step belongs to: the engine of the workflow code around it
 * (with its step API, when it is in scope at the call), else the first engine the file imports.
 */
export function getEngineContext(node: TSESTree.Node, file: FileContext): EngineContext | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const durable = getDurableFunction(current, file);
    if (durable?.role === 'step') return undefined;
    if (durable?.role === 'workflow') return { engine: durable.engine, workflow: current, stepApi: findStepApi(node, current, durable.engine.id, file) };
  }
  const modules = getImportedModules(file);
  const engine = DURABLE_ENGINES.find((candidate) => candidate.modules.some((module) => modules.has(module)));
  return engine && { engine, workflow: undefined, stepApi: undefined };
}

/** The step API of a workflow function, if the call can reach it by the same name. */
function findStepApi(node: TSESTree.Node, workflow: FunctionNode, engine: EngineId, file: FileContext): EngineContext['stepApi'] {
  const api = STEP_APIS.find((candidate) => candidate.engine === engine);
  if (!api) return undefined;
  if (api.global) {
    const variable = file.findVariableByName(node, api.global.name);
    const def = variable?.defs[0];
    const origin = def && def.name.type === AST_NODE_TYPES.Identifier ? getOrigin(def.name, file) : undefined;
    return origin && isPath(origin, api.global.module, [api.global.name]) ? { handle: api.global.name, api } : undefined;
  }
  const param = api.param === undefined ? undefined : workflow.params[api.param];
  const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (!target) return undefined;
  const path = api.path ?? [];
  let handle: string | undefined;
  let name: TSESTree.Identifier | undefined;
  if (target.type === AST_NODE_TYPES.Identifier) {
    name = target;
    handle = [target.name, ...path].join('.');
  } else if (target.type === AST_NODE_TYPES.ObjectPattern && path.length === 1) {
    const property = target.properties.find((item) => item.type === AST_NODE_TYPES.Property && getPropertyName(item) === path[0]);
    const pattern = property?.type === AST_NODE_TYPES.Property ? property.value : undefined;
    const value = pattern?.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
    if (value?.type === AST_NODE_TYPES.Identifier) {
      name = value;
      handle = value.name;
    }
  }
  if (!name || !handle) return undefined;
  // the name must mean the same parameter at the call (not shadowed)
  const variable = file.findVariableByName(node, name.name);
  return variable?.defs[0]?.name === name ? { handle, api } : undefined;
}

