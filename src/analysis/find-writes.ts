/**
 * Finds the synchronous critical writes of a file: requests judged on their own, and calls
 * to wrappers (`postJson(base, path, body)`, `billing.issueInvoice(dto)`) judged with the
 * wrapper's parameters bound to the call's arguments. Wrappers are followed within the file
 * and, through the project layer, into the modules it imports.
 *
 * Each write is reported once, where its evidence completes: on the request when the request
 * alone shows it cross-service and critical; otherwise on the outermost call whose arguments
 * (or, for a method, the arguments its instance was built with) supply what the request lacks.
 * A caller that only passes the write along is not reported again.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Settings } from '../options.js';
import { type Assessment, assessRequest } from './assess.js';
import { describePayload } from './criticality/criticality.js';
import { getClassName, getFunctionName, getMethodClass, getThisClass, type FunctionNode } from './code/ast.js';
import { EMPTY_ENV, type Env, type FileContext, getForeignFile } from './code/file-context.js';
import { EnvDependencies } from './code/env-dependencies.js';
import { isRuledOut } from './code/flow.js';
import { bindConstruction, type CallTarget, enterCallTarget, getCallsRun, getOwnerFunction, getRepositoryConstruction, getSingletonConstruction, resolveCallTarget } from './code/functions.js';
import { getFactoryCall, getFunctionUses, isInUnimportedLibraryClass, isInUnusedFunction } from './code/uses.js';
import { bindParameters } from './code/bind.js';
import type { Template } from './code/template.js';
import { classifyMethods } from './request/method.js';
import { describeRequest, isKeyedClientCall, type RequestDescription } from './request/request.js';
import { parseUrl } from './target/target.js';
import { formatCalleeLabel } from '../util/callee-label.js';
import { getOrAdd } from '../util/remember.js';

type Variable = TSESLint.Scope.Variable;

export interface Finding {
  /** the call reported: the request itself, or the outermost wrapper call */
  readonly call: TSESTree.CallExpression;
  readonly assessment: Assessment;
  /** wrappers passed through, outermost first: `['postJson']`, `['BillingClient.issueInvoice']` */
  readonly via: readonly string[];
}

interface Hop {
  readonly call: TSESTree.CallExpression;
  /** the call enters a function declared in another file than the call's own */
  readonly crossesFile: boolean;
  /** the variables this call binds: the callee's parameters, and its instance's constructor parameters */
  readonly bound: ReadonlySet<Variable>;
}

interface Leaf {
  /** the request reached */
  readonly request: TSESTree.CallExpression;
  /** the verdict on the request, judged when first read */
  readonly assessment: Assessment;
  readonly via: readonly string[];
  /** calls from the reported call down to the request, outermost first; empty when the request is the reported call */
  readonly hops: readonly Hop[];
  /** the bound variables the verdict read */
  readonly reads: ReadonlySet<Variable>;
  /** the values those variables were bound to: argument expressions at some call of the chain */
  readonly readValues: readonly TSESTree.Node[];
}

export interface WriteFinderOptions {
  /** wrapper calls followed within a file */
  readonly maxInFileDepth?: number;
  /** calls followed into other files (needs the project layer) */
  readonly maxCrossFileDepth?: number;
}

export class WriteFinder {
  readonly #file: FileContext;
  readonly #settings: Settings;
  readonly #calls: readonly TSESTree.CallExpression[];
  readonly #maxInFile: number;
  readonly #maxCrossFile: number;
  readonly #direct = new Map<TSESTree.CallExpression, Leaf[]>();
  readonly #checking = new Set<TSESTree.CallExpression>();
  /** how many times a call was asked about while it was being judged */
  #cycles = 0;
  /** calls found to lead to no request a caller could report, with what they read of the environment (see `DeadEnds`): those that depend on the linted file */
  readonly #deadEnds: DeadEnds = new WeakMap();
  /** what is shared with every file linted with the same settings and depths */
  readonly #shared: Shared;

  constructor(file: FileContext, settings: Settings, calls: readonly TSESTree.CallExpression[], options: WriteFinderOptions = {}) {
    this.#file = file;
    this.#settings = settings;
    this.#calls = calls;
    this.#maxInFile = options.maxInFileDepth ?? 3;
    this.#maxCrossFile = file.resolver ? (options.maxCrossFileDepth ?? 3) : 0;
    this.#shared = getShared(settings, this.#maxInFile * 16 + this.#maxCrossFile);
  }

  /** Every finding of the file, in source order. */
  findAll(): Finding[] {
    const findings: Finding[] = [];
    for (const call of this.#calls) {
      const leaf = this.#reportableLeaves(call)[0];
      // a write in code that never runs is none
      if (leaf && !isInUnusedFunction(call, this.#file) && !isInUnimportedLibraryClass(call, this.#file)) findings.push({ call, assessment: leaf.assessment, via: leaf.via });
    }
    return findings;
  }

  /**
   * The critical writes requested directly inside a step of a durable execution engine, in
   * source order: not findings (the engine retries the step until it succeeds), but edges of
   * the service map all the same.
   */
  findInDurableSteps(): Finding[] {
    const found: Finding[] = [];
    for (const call of this.#calls) {
      const leaf = this.#leaves(call).find((item) => item.hops.length === 0 && item.assessment.mitigation?.kind === 'durable-step');
      if (leaf) found.push({ call, assessment: leaf.assessment, via: leaf.via });
    }
    return found;
  }

  /**
   * Reportable leaves of a call that are reported here and nowhere below: no inner call (in
   * this file or another) reports the write on its own, and this call supplies part of it.
   */
  #reportableLeaves(call: TSESTree.CallExpression): Leaf[] {
    return this.#leaves(call).filter((leaf) => {
      const [top, ...inner] = leaf.hops;
      if (!top) return leaf.assessment.reportable && !this.#defersToCallers(leaf.assessment.request);
      if (!suppliesPart(top, leaf.reads) && !suppliesValue(top, leaf.readValues)) return false;
      // most writes reached through a call are reported below it: that is known without judging the request again here
      if ([...inner.map((hop) => hop.call), leaf.request].some((below) => this.#isReportedOnItsOwn(below))) return false;
      return leaf.assessment.reportable;
    });
  }

  /**
   * A request whose path is wholly a parameter of a helper whose every use is known (`private
   * post(path, body)` fed by `hold()`, `release()`, …; a public one whose callers the project
   * layer finds in the repository) makes as many writes as the helper has callers: each is
   * reported at the caller that names its path, not once at the helper.
   */
  #defersToCallers(request: RequestDescription): boolean {
    const fn = getOwnerFunction(request.call);
    if (!fn || !request.url) return false;
    const index = getPathParameterIndex(request.url, fn, this.#file);
    if (index === undefined) return false;
    // every use, also those of other modules when the helper is theirs to call and the project layer finds them all
    const uses = getFunctionUses(fn, this.#file);
    if (!uses) return false;
    const paths: (TSESTree.Node | undefined)[] = [];
    for (const { node: use } of uses) {
      const call = use.parent;
      // a use that is no call (`retry(this.post)`) passes the helper on: who calls it is out of sight
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) return false;
      paths.push(call.arguments[index]);
    }
    return paths.some(startsWithText);
  }

  /**
   * A request reached through calls that no caller can report: it reads, it is never sent, or
   * it is reported where it is made. Following it further would find nothing to report above.
   */
  #reportsNoCaller(call: TSESTree.CallExpression, request: RequestDescription): boolean {
    if (!request.sent || classifyMethods(request.methods) === 'read') return true;
    return this.#isReportedOnItsOwn(call);
  }

  /**
   * Whether a call reports a write on its own, judged in its own environment: a caller that
   * reaches a write through it reports nothing, since it is reported here or below. What is
   * known of a call in another file is the same from every file linted, and kept.
   */
  #isReportedOnItsOwn(call: TSESTree.CallExpression): boolean {
    const foreign = getForeignFile(call) !== undefined;
    const known = foreign ? this.#shared.ownReports.get(call) : undefined;
    if (known !== undefined) return known;
    if (this.#checking.has(call)) {
      // mutually recursive wrappers: unknown while the call is judged, and nothing judged meanwhile is kept
      this.#cycles += 1;
      return false;
    }
    this.#checking.add(call);
    const cycles = this.#cycles;
    try {
      const reported = this.#reportableLeaves(call).length > 0;
      if (foreign && this.#cycles === cycles) this.#shared.ownReports.set(call, reported);
      return reported;
    } finally {
      this.#checking.delete(call);
    }
  }

  /**
   * Whether a function's body may reach a request within the calls left to follow (`inFile`
   * wrapper calls in all, `crossFile` of them into other files), whatever its arguments.
   */
  #mayRequest(fn: FunctionNode, inFile: number, crossFile: number, visiting = new Set<FunctionNode>()): boolean {
    let known = mayRequestCache.get(fn);
    // a "yes" with fewer calls left holds with more; a "no" with more holds with fewer
    for (const entry of known ?? []) {
      if (entry.result ? entry.inFile <= inFile && entry.crossFile <= crossFile : entry.inFile >= inFile && entry.crossFile >= crossFile) return entry.result;
    }
    if (visiting.has(fn)) return false;
    visiting.add(fn);
    const result = getCallsRun(fn, this.#file).some((call) => {
      if (!this.#file.mayCallRequests(call.callee, crossFile - 1)) return false;
      if (describeRequest(call, this.#file) || isKeyedClientCall(call, this.#file)) return true;
      if (inFile <= 0) return false;
      const callee = resolveCallTarget(call.callee, this.#file, EMPTY_ENV)?.fn;
      if (callee === undefined || callee === fn) return false;
      if (isSameFile(callee, call)) return this.#mayRequest(callee, inFile - 1, crossFile, visiting);
      return crossFile > 0 && this.#mayRequest(callee, inFile, crossFile - 1, visiting);
    });
    visiting.delete(fn);
    if (!known) {
      known = [];
      mayRequestCache.set(fn, known);
    }
    known.push({ inFile, crossFile, result });
    return result;
  }

  #leaves(call: TSESTree.CallExpression): Leaf[] {
    let leaves = this.#direct.get(call);
    if (!leaves) {
      leaves = this.#evaluate(call, this.#ownEnv(call), NO_HOPS, NO_NAMES, NO_FUNCTIONS);
      this.#direct.set(call, leaves);
    }
    return leaves;
  }

  /**
   * A call in a method of a class whose file builds its one instance runs with that instance's
   * constructor arguments; so does one whose class the repository builds once, elsewhere (a
   * composition root), when the call may lead to a request at all.
   */
  #ownEnv(call: TSESTree.CallExpression): Env {
    const cls = getThisClass(call);
    if (!cls) return this.#factoryEnv(call);
    const construction =
      getSingletonConstruction(cls, this.#file) ??
      (this.#file.mayCallRequests(call.callee, this.#maxCrossFile - 1) ? getRepositoryConstruction(cls, this.#file) : undefined);
    return construction ? bindConstruction({ node: construction, cls, env: EMPTY_ENV }, this.#file, EMPTY_ENV) : EMPTY_ENV;
  }

  /**
   * A call in a method of the object a module-level factory returns runs with the arguments of
   * the one call the repository makes of the factory (`createInventoryClient(serviceClient({ baseUrl:
   * … }), logger)` in a composition root), when the call may lead to a request at all.
   */
  #factoryEnv(call: TSESTree.CallExpression): Env {
    if (!this.#file.mayCallRequests(call.callee, this.#maxCrossFile - 1)) return EMPTY_ENV;
    const found = getFactoryCall(call, this.#file);
    return found ? bindParameters(found.factory.params, found.call.arguments, this.#file, EMPTY_ENV) : EMPTY_ENV;
  }

  /**
   * @param hops wrapper calls above this call, outermost first
   * @param via wrapper names above this call, outermost first
   */
  #evaluate(
    call: TSESTree.CallExpression,
    env: Env,
    hops: readonly Hop[],
    via: readonly string[],
    visiting: ReadonlySet<FunctionNode>,
  ): Leaf[] {
    const crossFileHops = hops.filter((hop) => hop.crossesFile).length;
    // what a call leads to depends on the environment and on the calls left to follow, not on the calls above
    const budget = (this.#maxInFile - (hops.length - crossFileHops)) * 16 + (this.#maxCrossFile - crossFileHops);
    const foreign = getForeignFile(call) !== undefined;
    const dead = (foreign && findDeadEnd(this.#shared.deadEnds, call, budget, env)) || findDeadEnd(this.#deadEnds, call, budget, env);
    if (dead) {
      env.dependencies?.absorb(dead, env);
      return [];
    }
    const dependencies = new EnvDependencies(env);
    const leaves = this.#compute(call, { ...env, dependencies }, hops, via, visiting, crossFileHops);
    if (leaves.length === 0 && !dependencies.incomplete) {
      // what was read, without the environment itself: it holds nodes of the file linted now
      const read: Read = { lookups: dependencies.lookups, thisClass: dependencies.thisClass };
      addDeadEnd(foreign && dependsOnOtherFilesOnly(read) ? this.#shared.deadEnds : this.#deadEnds, call, budget, read);
    }
    env.dependencies?.absorb(dependencies, env);
    return leaves;
  }

  #compute(
    call: TSESTree.CallExpression,
    env: Env,
    hops: readonly Hop[],
    via: readonly string[],
    visiting: ReadonlySet<FunctionNode>,
    crossFileHops: number,
  ): Leaf[] {
    // a call into a module whose imports reach no HTTP client within the files left to follow
    if (!this.#file.mayCallRequests(call.callee, this.#maxCrossFile - crossFileHops - 1)) return [];
    const reads = new Set<Variable>();
    const tracked: Env = hops.length > 0 ? { ...env, reads } : env;
    const request = describeRequest(call, this.#file, tracked);
    if (request) {
      if (hops.length > 0 && this.#reportsNoCaller(call, request)) return [];
      const contexts = [call, ...hops.map((hop) => hop.call).reverse()];
      // reported at a call site that only passes data to a method owning its address, the write
      // takes no evidence from the names around that call: they name the caller, not the write
      const top = hops[0];
      const nameContexts = top && !suppliesPart(top, request.urlReads ?? NO_READS) ? contexts.slice(0, -1) : contexts;
      // what the payload reads of the bindings counts for who supplies the write: read it now
      const payloadFacts = request.payload ? describePayload(request.payload, this.#file) : undefined;
      const readValues = [...reads].flatMap((variable) => tracked.bindings.get(variable) ?? []);
      // judged when asked: most requests reached through a call are reported below it, and the verdict is never read
      const file = this.#file;
      const settings = this.#settings;
      let assessment: Assessment | undefined;
      return [
        {
          request: call,
          get assessment() {
            return (assessment ??= assessRequest(request, contexts, file, settings, { nameContexts, payloadFacts }));
          },
          via,
          hops,
          reads,
          readValues,
        },
      ];
    }
    if (hops.length >= this.#maxInFile + crossFileHops) return [];
    // a wrapper call inside the chain already known to report its write on its own: no caller above reports it again
    if (hops.length > 0 && this.#shared.ownReports.get(call) === true) return [];
    const target = resolveCallTarget(call.callee, this.#file, env);
    if (!target) return [];
    if (visiting.has(target.fn)) {
      // a cycle: what is found here depends on the calls above
      env.dependencies!.incomplete = true;
      return [];
    }
    const crossesFile = !isSameFile(target.fn, call);
    if (crossesFile && crossFileHops >= this.#maxCrossFile) return [];
    const inFileLeft = this.#maxInFile - (hops.length - crossFileHops) - (crossesFile ? 0 : 1);
    if (!this.#mayRequest(target.fn, inFileLeft, this.#maxCrossFile - crossFileHops - (crossesFile ? 1 : 0))) return [];
    const inner = enterCallTarget(target, call, this.#file, env);
    // the one instance another file builds of its own class: that file reports the write, this call supplies only its arguments
    const outer = isSingletonOfAnotherFile(target, call, this.#file) ? bindConstruction(target.construction!, this.#file, target.construction!.env) : env;
    const bound = newlyBound(outer, inner);
    if (hops.length === 0 && bound.size === 0 && call.arguments.length === 0) {
      // a call that passes nothing and binds nothing supplies no part of a write below it: none is reported here.
      // Not a dead end: the same call entered from a caller may still lead to one
      env.dependencies!.incomplete = true;
      return [];
    }
    const name = describeFunction(target.fn, call, this.#file);
    const nextVisiting = new Set(visiting).add(target.fn);
    const nextHops = [...hops, { call, crossesFile, bound }];
    return getCallsRun(target.fn, this.#file)
      .filter((innerCall) => !isRuledOut(innerCall, target.fn, this.#file, inner))
      .flatMap((innerCall) => this.#evaluate(innerCall, inner, nextHops, [...via, name], nextVisiting));
  }
}

/**
 * The index of the parameter that is the whole path of a URL (`${this.baseUrl}${path}`,
 * `` `${base}/${path}` ``), or the rest of it after a fixed prefix (`` `${base}/api/v1/${path}` ``):
 * after its base, the URL holds that parameter last, and nothing after it but slashes.
 */
function getPathParameterIndex(url: Template, fn: FunctionNode, file: FileContext): number | undefined {
  // what follows the address: its base value, or its scheme, host and port (`http://localhost:${PORT}`)
  const rest = parseUrl(url).path;
  let index: number | undefined;
  for (const part of rest) {
    if (part.kind === 'text') {
      if (index !== undefined && /[^/]/.test(part.value)) return undefined;
      continue;
    }
    if (part.kind !== 'unknown' || part.node?.type !== AST_NODE_TYPES.Identifier || index !== undefined) return undefined;
    const variable = file.findVariable(part.node);
    // declared by the parameter itself: `path`, `path = '/'`
    const position = fn.params.findIndex((param) => variable?.defs.some((def) => def.name === param || (param.type === AST_NODE_TYPES.AssignmentPattern && def.name === param.left)));
    if (position < 0) return undefined;
    index = position;
  }
  return index;
}

/** A path written at the call: `'/availability/hold'`, `` `/holds/${id}` ``, `'/fees/' + id`. */
function startsWithText(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && node.value !== '';
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return (node.quasis[0]?.value.cooked ?? '') !== '';
  return node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+' && startsWithText(node.left);
}

function isSingletonOfAnotherFile(target: CallTarget, call: TSESTree.CallExpression, file: FileContext): boolean {
  const node = target.construction?.node;
  return node !== undefined && !isSameFile(node, call) && getSingletonConstruction(target.construction!.cls, file) === node;
}

function newlyBound(outer: Env, inner: Env): ReadonlySet<Variable> {
  const bound = new Set<Variable>();
  for (const variable of inner.bindings.keys()) if (!outer.bindings.has(variable)) bound.add(variable);
  return bound;
}

/** The call binds something the verdict read: an argument, or its instance's constructor argument. */
function suppliesPart(hop: Hop, reads: ReadonlySet<Variable>): boolean {
  for (const variable of hop.bound) if (reads.has(variable)) return true;
  return false;
}

/**
 * The call's own arguments hold a value the verdict read, bound further down the chain:
 * `callServiceWithRetry({ url, method: 'POST' })` passes its object on to `callService(options)`,
 * whose `{ url, method }` parameters are bound to that object's properties.
 */
function suppliesValue(hop: Hop, values: readonly TSESTree.Node[]): boolean {
  const first = hop.call.arguments[0];
  const last = hop.call.arguments.at(-1);
  if (!first || !last) return false;
  return values.some((value) => value.range[0] >= first.range[0] && value.range[1] <= last.range[1] && isSameFile(value, hop.call));
}

/**
 * Whether a function can reach an HTTP request at all (directly or through the functions it
 * calls), whatever its arguments: most functions cannot, and following their calls with bound
 * arguments would be wasted work. Cached per function node for the whole lint run, with the
 * calls that were left to follow.
 */
const mayRequestCache = new WeakMap<FunctionNode, { readonly inFile: number; readonly crossFile: number; readonly result: boolean }[]>();

/**
 * Calls found to lead to no request that a caller could report (none at all, or only requests
 * that read, are never sent or are reported where they are made), per call and budget of calls
 * left to follow, each with what its evaluation read of the environment: under any environment
 * that agrees with that, the call leads nowhere again. Most calls a wrapper's body makes lead
 * nowhere, and the same wrappers are entered from many call sites with different arguments.
 */
type DeadEnds = WeakMap<TSESTree.CallExpression, Map<number, Read[]>>;

/** What a complete evaluation read of its environment. */
type Read = Pick<EnvDependencies, 'lookups' | 'thisClass'>;

/**
 * What holds for calls in other project files whatever file is linted, shared by every file
 * linted in the process with the same settings and depths (a request's verdict depends on
 * them): their dead ends that read nothing of the linted file, and whether a request is
 * reported where it is made. Keyed by node: a module read again is parsed into new nodes.
 */
interface Shared {
  readonly deadEnds: DeadEnds;
  readonly ownReports: WeakMap<TSESTree.CallExpression, boolean>;
}

const shared = new WeakMap<Settings, Map<number, Shared>>();

/** @param depths the depths of calls followed, as one number */
function getShared(settings: Settings, depths: number): Shared {
  const bySettings = getOrAdd(shared, settings, () => new Map<number, Shared>());
  return getOrAdd(bySettings, depths, () => ({ deadEnds: new WeakMap(), ownReports: new WeakMap() }));
}

/** Dead ends kept per call and budget; the oldest is dropped past this. */
const MAX_DEAD_ENDS = 8;

function findDeadEnd(deadEnds: DeadEnds, call: TSESTree.CallExpression, budget: number, env: Env): Read | undefined {
  return deadEnds.get(call)?.get(budget)?.find((read) => EnvDependencies.matches(read, env));
}

function addDeadEnd(deadEnds: DeadEnds, call: TSESTree.CallExpression, budget: number, read: Read): void {
  let byBudget = deadEnds.get(call);
  if (!byBudget) {
    byBudget = new Map();
    deadEnds.set(call, byBudget);
  }
  const list = byBudget.get(budget) ?? [];
  list.push(read);
  if (list.length > MAX_DEAD_ENDS) list.shift();
  byBudget.set(budget, list);
}

/** The values an evaluation read of its environment are all nodes of other project files (or unbound). */
function dependsOnOtherFilesOnly(read: Read): boolean {
  for (const value of read.lookups.values()) if (value && getForeignFile(value) === undefined) return false;
  const cls = read.thisClass?.value;
  return !cls || getForeignFile(cls) !== undefined;
}

const NO_HOPS: readonly Hop[] = [];
const NO_READS: ReadonlySet<Variable> = new Set();
const NO_NAMES: readonly string[] = [];
const NO_FUNCTIONS: ReadonlySet<FunctionNode> = new Set();

/** `postJson`, `BillingClient.issueInvoice`. */
function describeFunction(fn: FunctionNode, call: TSESTree.CallExpression, file: FileContext): string {
  const name = getFunctionName(fn);
  // a function without a name, run by the call (`paymentBreaker.fire(…)` of a circuit breaker built with it): named by the call
  if (name === undefined) return formatCalleeLabel(file.getText(call.callee));
  const cls = getMethodClass(fn);
  const className = cls && getClassName(cls);
  return className ? `${className}.${name}` : name;
}

function rootOf(node: TSESTree.Node): TSESTree.Node {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

function isSameFile(a: TSESTree.Node, b: TSESTree.Node): boolean {
  return rootOf(a) === rootOf(b);
}
