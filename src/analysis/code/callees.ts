/**
 * What a function of the project does, read from its body rather than guessed from its name:
 * `publishOrderCreated(order)` imported from `../events` publishes when its body (or a project
 * function it calls) sends to a broker; `this.orders.saveOrder(o)` writes the database when its
 * body does. Used through the project layer, for functions declared in other files.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { EMPTY_ENV, type FileContext } from './file-context.js';
import { type FunctionNode } from './ast.js';
import { getOwnerFunction, resolveCallTarget } from './functions.js';
import { walk } from './walk.js';

/** How many project functions deep a reading looks: the callee, and the ones it calls. */
const MAX_READ_DEPTH = 2;

/** What a reading found: the first inner call the matcher accepted, or nothing in a body read whole. */
export interface Reading<T> {
  readonly found: T | undefined;
}

type Matcher<T> = (call: TSESTree.CallExpression, file: FileContext) => T | undefined;

let depth = 0;
const cache = new WeakMap<Matcher<unknown>, WeakMap<FunctionNode, Reading<unknown>>>();

/**
 * Reads the project function a call enters, declared in another file: the first call in its
 * body that `match` accepts. The matcher may read further project functions itself, up to
 * {@link MAX_READ_DEPTH} in all. Undefined when the call enters nothing the project layer can
 * read (a library, an unresolved import, a function of this file), and when nothing was found
 * in a module that `mayHide` says mentions it (a broker library, a database) in a shape the
 * reading does not follow: the caller then decides as it would without the project layer.
 */
export function readCallee<T>(
  call: TSESTree.CallExpression,
  file: FileContext,
  match: Matcher<T>,
  mayHide: (text: string) => boolean,
): Reading<T> | undefined {
  if (!file.resolver || depth >= MAX_READ_DEPTH) return undefined;
  const target = resolveCallTarget(call.callee, file, EMPTY_ENV);
  if (!target || !file.isForeign(target.fn)) return undefined;
  const top = depth === 0;
  let byFunction = cache.get(match);
  const cached = top ? byFunction?.get(target.fn) : undefined;
  if (cached && !(target.viaInterface && cached.found === undefined)) return cached === UNKNOWN ? undefined : (cached as Reading<T>);
  depth += 1;
  let reading: Reading<T> = { found: undefined };
  const inners = file.getOwnedCalls(target.fn, getOwnerFunction);
  try {
    for (const inner of inners) {
      const found = match(inner, file);
      if (found !== undefined) {
        reading = { found };
        break;
      }
    }
  } finally {
    depth -= 1;
  }
  // nothing found, in a module that mentions what the matcher looks for: a shape the reading does not follow may hide it;
  // nor does the one implementation of an interface say what the instance bound in production does
  // a body that calls nothing but conversions (`return new Pool({ port: Number(…) })`) hides nothing
  const known = reading.found !== undefined || (!target.viaInterface && (!mayHide(file.fileOf(target.fn).sourceCode.text) || callsNothing(target.fn, inners, file)));
  // what an implementation found through its interface does not do is not a fact about the function: not kept
  if (top && (reading.found !== undefined || !target.viaInterface)) {
    if (!byFunction) {
      byFunction = new WeakMap();
      cache.set(match, byFunction);
    }
    byFunction.set(target.fn, known ? reading : UNKNOWN);
  }
  return known ? reading : undefined;
}

const UNKNOWN: Reading<unknown> = { found: undefined };

/** Conversions that keep the value they are given: `parseInt(req.body.amount)`, `Number(qty)`. */
export const VALUE_CONVERSIONS: ReadonlySet<string> = new Set(['parseInt', 'parseFloat', 'Number', 'String', 'Boolean']);

/** Conversions and builders of plain values: calling them does nothing outside the function. */
const PURE_CALLS: ReadonlySet<string> = new Set([...VALUE_CONVERSIONS, 'BigInt', 'Symbol']);

/** A body whose calls are all conversions, and that holds no tagged template (`sql\`insert …\``). */
function callsNothing(fn: FunctionNode, calls: readonly TSESTree.CallExpression[], file: FileContext): boolean {
  if (!calls.every((call) => call.callee.type === AST_NODE_TYPES.Identifier && PURE_CALLS.has(call.callee.name))) return false;
  let tagged = false;
  walk(fn.body ?? fn, file.fileOf(fn).visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) tagged = true;
    return !tagged;
  });
  return !tagged;
}
