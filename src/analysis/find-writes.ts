/**
 * Finds the synchronous critical writes of a file: requests judged on their own, and calls
 * to wrappers (`postJson(base, path, body)`, `billing.issueInvoice(dto)`) judged with the
 * wrapper's parameters bound to the call's arguments. Wrappers are followed within the
 * file, and with type information into other project files. A write is reported once per
 * file it is visible from: at the outermost call in that file that makes it cross-service
 * and critical.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Settings } from '../options.js';
import { getClassName, getFunctionName, getMethodClass, type FunctionNode } from './code/ast.js';
import { type Assessment, assessRequest } from './assess.js';
import { EMPTY_ENV, type Env, type FileContext } from './code/file-context.js';
import { bindArguments, getOwnerFunction, resolveLocalFunction } from './code/functions.js';
import { describeRequest } from './request/request.js';

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
}

interface Leaf {
  readonly assessment: Assessment;
  readonly via: readonly string[];
  /** calls between the reported call and the request, outermost first, request last */
  readonly inner: readonly Hop[];
}

export interface WriteFinderOptions {
  /** wrapper calls followed within a file */
  readonly maxInFileDepth?: number;
  /** calls followed into other files (needs type information) */
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

  constructor(file: FileContext, settings: Settings, calls: readonly TSESTree.CallExpression[], options: WriteFinderOptions = {}) {
    this.#file = file;
    this.#settings = settings;
    this.#calls = calls;
    this.#maxInFile = options.maxInFileDepth ?? 3;
    this.#maxCrossFile = file.resolver ? (options.maxCrossFileDepth ?? 3) : 0;
  }

  /** Every finding of the file, in source order. */
  findAll(): Finding[] {
    const findings: Finding[] = [];
    for (const call of this.#calls) {
      const leaf = this.#reportableLeaves(call)[0];
      if (leaf) findings.push({ call, assessment: leaf.assessment, via: leaf.via });
    }
    return findings;
  }

  /** Reportable leaves of a call that no inner call already reports where it stands. */
  #reportableLeaves(call: TSESTree.CallExpression): Leaf[] {
    return this.#leaves(call).filter(
      (leaf) =>
        leaf.assessment.reportable &&
        leaf.inner.every((hop) => !(hop.crossesFile || isSameFile(hop.call, call)) || !this.#isReportedOnItsOwn(hop.call)),
    );
  }

  #isReportedOnItsOwn(call: TSESTree.CallExpression): boolean {
    if (this.#checking.has(call)) return false; // mutually recursive wrappers
    this.#checking.add(call);
    try {
      return this.#reportableLeaves(call).length > 0;
    } finally {
      this.#checking.delete(call);
    }
  }

  #mayRequest(fn: FunctionNode, depth: number): boolean {
    const cached = mayRequestCache.get(fn);
    if (cached !== undefined) return cached;
    mayRequestCache.set(fn, false); // recursion: assume no until shown otherwise
    const result =
      depth > 0 &&
      this.#file.getOwnedCalls(fn, getOwnerFunction).some((call) => {
        if (describeRequest(call, this.#file)) return true;
        const callee = resolveLocalFunction(call.callee, this.#file, EMPTY_ENV);
        return callee !== undefined && callee !== fn && this.#mayRequest(callee, depth - 1);
      });
    mayRequestCache.set(fn, result);
    return result;
  }

  #leaves(call: TSESTree.CallExpression): Leaf[] {
    let leaves = this.#direct.get(call);
    if (!leaves) {
      leaves = this.#evaluate(call, EMPTY_ENV, NO_HOPS, NO_NAMES, NO_FUNCTIONS);
      this.#direct.set(call, leaves);
    }
    return leaves;
  }

  /**
   * @param sites wrapper calls above this call, outermost first
   * @param via wrapper names above this call, outermost first
   */
  #evaluate(
    call: TSESTree.CallExpression,
    env: Env,
    sites: readonly Hop[],
    via: readonly string[],
    visiting: ReadonlySet<FunctionNode>,
  ): Leaf[] {
    const request = describeRequest(call, this.#file, env);
    if (request) {
      const contexts = [call, ...sites.map((site) => site.call).reverse()];
      const assessment = assessRequest(request, contexts, this.#file, this.#settings);
      return [{ assessment, via, inner: sites.length > 0 ? [...sites.slice(1), { call, crossesFile: false }] : [] }];
    }
    const crossFileHops = sites.filter((site) => site.crossesFile).length;
    if (sites.length >= this.#maxInFile + crossFileHops) return [];
    const fn = resolveLocalFunction(call.callee, this.#file, env);
    if (!fn || visiting.has(fn)) return [];
    const crossesFile = !isSameFile(fn, call);
    if (crossesFile && crossFileHops >= this.#maxCrossFile) return [];
    if (!this.#mayRequest(fn, this.#maxInFile + this.#maxCrossFile)) return [];
    const innerCalls = this.#file.getOwnedCalls(fn, getOwnerFunction);
    const inner = bindArguments(fn, call, this.#file, env);
    const name = describeFunction(fn);
    const nextVisiting = new Set(visiting).add(fn);
    const nextSites = [...sites, { call, crossesFile }];
    return innerCalls.flatMap((innerCall) => this.#evaluate(innerCall, inner, nextSites, [...via, name], nextVisiting));
  }
}

/**
 * Whether a function can reach an HTTP request at all (directly or through the functions it
 * calls), whatever its arguments: most functions cannot, and following their calls with bound
 * arguments would be wasted work. Cached per function node for the whole lint run.
 */
const mayRequestCache = new WeakMap<FunctionNode, boolean>();

const NO_HOPS: readonly Hop[] = [];
const NO_NAMES: readonly string[] = [];
const NO_FUNCTIONS: ReadonlySet<FunctionNode> = new Set();

/** `postJson`, `BillingClient.issueInvoice`. */
function describeFunction(fn: FunctionNode): string {
  const name = getFunctionName(fn) ?? 'function';
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
