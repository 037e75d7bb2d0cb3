/**
 * Finds the synchronous critical writes of a file: requests judged on their own, and calls
 * to in-file wrappers (`postJson(base, path, body)`) judged with the wrapper's parameters
 * bound to the call's arguments. A write is reported once, at the outermost call that
 * makes it cross-service and critical.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Settings } from '../options.js';
import { getFunctionName, type FunctionNode } from './ast.js';
import { type Assessment, assessRequest } from './assess.js';
import { EMPTY_ENV, type Env, type FileContext } from './file-context.js';
import { bindArguments, getOwnerFunction, resolveLocalFunction } from './local-functions.js';
import { describeRequest } from './request.js';

export interface Finding {
  /** the call reported: the request itself, or the outermost wrapper call */
  readonly call: TSESTree.CallExpression;
  readonly assessment: Assessment;
  /** wrappers passed through, outermost first: `['postJson']` */
  readonly via: readonly string[];
}

interface Leaf {
  readonly assessment: Assessment;
  readonly via: readonly string[];
  /** calls between the reported call and the request, outermost first, request last */
  readonly inner: readonly TSESTree.CallExpression[];
}

const MAX_WRAPPER_DEPTH = 3;

export class WriteFinder {
  readonly #file: FileContext;
  readonly #settings: Settings;
  readonly #calls: readonly TSESTree.CallExpression[];
  readonly #callsByOwner = new Map<FunctionNode, TSESTree.CallExpression[]>();
  readonly #direct = new Map<TSESTree.CallExpression, Leaf[]>();
  readonly #checking = new Set<TSESTree.CallExpression>();

  constructor(file: FileContext, settings: Settings, calls: readonly TSESTree.CallExpression[]) {
    this.#file = file;
    this.#settings = settings;
    this.#calls = calls;
    for (const call of calls) {
      const owner = getOwnerFunction(call);
      if (!owner) continue;
      const list = this.#callsByOwner.get(owner) ?? [];
      list.push(call);
      this.#callsByOwner.set(owner, list);
    }
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

  /** Reportable leaves of a call that no inner call already reports on its own. */
  #reportableLeaves(call: TSESTree.CallExpression): Leaf[] {
    return this.#leaves(call).filter(
      (leaf) => leaf.assessment.reportable && leaf.inner.every((inner) => !this.#isReportedOnItsOwn(inner)),
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

  #leaves(call: TSESTree.CallExpression): Leaf[] {
    let leaves = this.#direct.get(call);
    if (!leaves) {
      leaves = this.#evaluate(call, EMPTY_ENV, [], [], new Set());
      this.#direct.set(call, leaves);
    }
    return leaves;
  }

  /**
   * @param sites wrapper call sites above this call, outermost first
   * @param via wrapper names above this call, outermost first
   */
  #evaluate(
    call: TSESTree.CallExpression,
    env: Env,
    sites: readonly TSESTree.CallExpression[],
    via: readonly string[],
    visiting: ReadonlySet<FunctionNode>,
  ): Leaf[] {
    const request = describeRequest(call, this.#file, env);
    if (request) {
      const contexts = [call, ...[...sites].reverse()];
      const assessment = assessRequest(request, contexts, this.#file, this.#settings);
      return [{ assessment, via, inner: sites.length > 0 ? [...sites.slice(1), call] : [] }];
    }
    if (sites.length >= MAX_WRAPPER_DEPTH) return [];
    const fn = resolveLocalFunction(call.callee, this.#file, env);
    const innerCalls = fn && this.#callsByOwner.get(fn);
    if (!fn || !innerCalls || visiting.has(fn)) return [];
    const inner = bindArguments(fn, call, this.#file, env);
    const name = getFunctionName(fn) ?? 'function';
    const nextVisiting = new Set(visiting).add(fn);
    return innerCalls.flatMap((innerCall) => this.#evaluate(innerCall, inner, [...sites, call], [...via, name], nextVisiting));
  }
}
