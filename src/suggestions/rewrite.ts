/**
 * What a suggestion replaces and with which payload: the whole request expression
 * (including a NestJS `firstValueFrom(… .pipe(…))` wrapper, a superagent builder chain or
 * got's `.json()`), never the `await`/`return`/`void` around it; whether the response is
 * used; and the payload as source text that is valid where the request stood.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getCalleeName, getEnclosingFunction, getPropertyName, isFunctionNode, skipTransparent } from '../analysis/code/ast.js';
import type { Env, FileContext } from '../analysis/code/file-context.js';
import type { Finding } from '../analysis/find-writes.js';
import { getObjectKeys, resolveObjectMember } from '../analysis/code/objects.js';
import { getHoles } from '../analysis/code/template.js';
import { resolveValue } from '../analysis/code/values.js';

const OBSERVABLE_CONSUMERS = new Set(['firstValueFrom', 'lastValueFrom']);

/** The expression a rewrite replaces. */
export function getReplacedExpression(finding: Finding): TSESTree.Expression {
  if (finding.via.length > 0) return finding.call;
  const { client } = finding.assessment.request;
  let current: TSESTree.Expression = finding.call;
  const chain = new Set(client.chain ?? []);
  for (;;) {
    const member: TSESTree.Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
    const outer: TSESTree.Node = member.parent;
    const name = getPropertyName(member);
    if (outer.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member || name === undefined || !chain.has(name)) break;
    current = outer;
  }
  if (client.observable) {
    const parent = current.parent;
    if (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === current &&
      OBSERVABLE_CONSUMERS.has(getCalleeName(parent.callee) ?? '')
    ) {
      current = parent;
    }
  }
  return current;
}

/**
 * Is the response used: the replaced expression's value is assigned, returned, passed on or
 * chained, or a callback receives it (`request.post(opts, callback)`, `.end(done)`,
 * `.subscribe(observer)`)?
 */
export function isResponseUsed(expression: TSESTree.Expression, call: TSESTree.CallExpression): boolean {
  for (let current: TSESTree.Node = call; ; current = current.parent!) {
    if (current.type === AST_NODE_TYPES.CallExpression && receivesCallback(current, current === call)) return true;
    if (current === expression || !current.parent) break;
  }
  let current: TSESTree.Node = expression;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    current = parent;
    parent = current.parent;
  }
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return false;
  return true;
}

const CALLBACK_NAME = /^(?:cb|callback|done|next|handler|respond|reply|resolve|on[A-Z]\w*)$/;
/** Chained steps that hand the response to what they are given (`.end(done)`, `.then(fn)`, `.subscribe(observer)`). */
const RESPONSE_STEPS = new Set(['end', 'then', 'subscribe', 'catch']);

/** A function handed the response: the request's last argument, or an argument of a response step. */
function receivesCallback(call: TSESTree.CallExpression, isRequest: boolean): boolean {
  if (!isRequest) {
    const callee = skipTransparent(call.callee);
    const step = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
    return step !== undefined && RESPONSE_STEPS.has(step) && call.arguments.length > 0;
  }
  return call.arguments.slice(-1).some((argument) => {
    const value = skipTransparent(argument);
    return isFunctionNode(value) || (value.type === AST_NODE_TYPES.Identifier && CALLBACK_NAME.test(value.name));
  });
}

export interface PayloadText {
  readonly text: string;
  /** false when the data the request carried could not be carried over (a placeholder stands in) */
  readonly known: boolean;
}

const PLACEHOLDER: PayloadText = { text: '/* TODO: the data this request carried */ {}', known: false };

/**
 * The payload as source text usable where the replaced expression stands: the request's
 * payload (unwrapping `JSON.stringify(x)`), or its argument at a wrapper's call site, plus
 * the values the URL carries (`/accounts/${account}/balance` → `account`) when the payload
 * does not already have them.
 */
export function getPayloadText(finding: Finding, replaced: TSESTree.Node, file: FileContext): PayloadText {
  const { request, target, method } = finding.assessment;
  const scope = { replaced, call: finding.call };
  const urlEntries = getUrlEntries(target.path, scope, request.payload?.env, file);

  const payload = request.payload;
  if (!payload) {
    if (urlEntries.length === 0) return PLACEHOLDER;
    const entries = urlEntries.map((entry) => entry.text).join(', ');
    // a body-carrying write whose body the call does not show (node:http's `req.end(body)`)
    if (request.client.bodyOutsideCall && method !== 'DELETE') return { text: `{ ${entries} /* TODO: the body this request sent */ }`, known: false };
    return { text: `{ ${entries} }`, known: true };
  }

  const node = toCallSite(unwrapStringify(payload.node), payload.env, scope, file);
  if (!node || isOpaqueBody(node, payload.env, file)) return PLACEHOLDER;
  const text = file.getText(node);
  const value = skipTransparent(node);
  const keys = value.type === AST_NODE_TYPES.ObjectExpression ? new Set(getObjectKeys(value, file, payload.env)) : new Set<string>();
  // `PUT /reservations/${reservation.id}` with `reservation` as the body already carries the id
  const missing = urlEntries.filter((entry) => !keys.has(entry.key) && !entry.source.startsWith(`${text}.`) && entry.source !== text);
  if (missing.length === 0) return { text, known: true };
  if (value.type === AST_NODE_TYPES.ObjectExpression) return { text: prependEntries(value, text, missing), known: true };
  return { text: `{ ...${text}, ${missing.map((entry) => entry.text).join(', ')} }`, known: true };
}

/** `{ a, b }` with entries put first, keeping a multi-line object's layout. */
function prependEntries(object: TSESTree.ObjectExpression, text: string, entries: readonly Entry[]): string {
  const first = object.properties[0];
  if (!first) return `{ ${entries.map((entry) => entry.text).join(', ')} }`;
  const offset = first.range[0] - object.range[0];
  const multiline = first.loc.start.line !== object.loc.start.line;
  const indent = multiline ? ' '.repeat(first.loc.start.column) : '';
  const separator = multiline ? `,\n${indent}` : ', ';
  return text.slice(0, offset) + entries.map((entry) => entry.text + separator).join('') + text.slice(offset);
}

/** Bodies that are not data an event can carry as JSON: form data, binary, streams. */
const OPAQUE_BODIES = new Set(['FormData', 'URLSearchParams', 'Blob', 'File', 'ReadableStream', 'Readable']);

function isOpaqueBody(node: TSESTree.Node, env: Env, file: FileContext): boolean {
  const value = skipTransparent(resolveValue(node, file, env).node);
  if (value.type !== AST_NODE_TYPES.NewExpression && value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(value.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  if (name === undefined) return false;
  return OPAQUE_BODIES.has(name) || (/^(?:createReadStream|from)$/.test(name) && /Buffer|fs|stream/i.test(file.getText(callee)));
}

function unwrapStringify(node: TSESTree.Node): TSESTree.Node {
  const value = skipTransparent(node);
  if (
    value.type === AST_NODE_TYPES.CallExpression &&
    getCalleeName(value.callee) === 'stringify' &&
    value.arguments[0] &&
    value.arguments[0].type !== AST_NODE_TYPES.SpreadElement
  ) {
    return skipTransparent(value.arguments[0]);
  }
  return value;
}

/**
 * The expression as it can be written at the reported call: itself when it sits inside that
 * call, or, through a wrapper's parameters, the argument it was bound to there.
 */
function toCallSite(node: TSESTree.Node, env: Env | undefined, scope: Scope, file: FileContext): TSESTree.Node | undefined {
  let current = node;
  let currentEnv = env;
  for (let steps = 0; steps < 8; steps += 1) {
    if (isWithin(current, scope.replaced) || isEarlierInSameFunction(current, scope.call)) return current;
    if (!currentEnv) return undefined;
    const variable = current.type === AST_NODE_TYPES.Identifier ? file.findVariable(current) : undefined;
    const bound = variable && currentEnv.bindings.get(variable);
    if (bound) {
      current = unwrapStringify(bound);
      continue;
    }
    // `const { data } = config`, `config.body`: what the object handed down holds there
    const member = resolveObjectMember(current, file, currentEnv);
    if (!member) return undefined;
    current = unwrapStringify(member.node);
    currentEnv = member.env;
  }
  return undefined;
}

/** Where a payload may be written from: the replaced expression, or before it in the same function. */
interface Scope {
  readonly replaced: TSESTree.Node;
  readonly call: TSESTree.CallExpression;
}

/** `const request = new Request(url, { body })` before `fetch(request)`: its names are in scope at the call. */
function isEarlierInSameFunction(node: TSESTree.Node, call: TSESTree.Node): boolean {
  return sameRoot(node, call) && node.range[1] <= call.range[0] && getEnclosingFunction(node) === getEnclosingFunction(call);
}

interface Entry {
  readonly key: string;
  /** the entry as written in an object literal: `account`, `reservationId: order.reservationId` */
  readonly text: string;
  /** the value's source text */
  readonly source: string;
}

/** `{ account }`, `reservationId: order.reservationId`: the URL's values, as object entries. */
function getUrlEntries(path: Finding['assessment']['target']['path'], scope: Scope, env: Env | undefined, file: FileContext): Entry[] {
  const entries = new Map<string, Entry>();
  for (const hole of getHoles(path)) {
    if (hole.kind !== 'unknown' || !hole.node || !/^[A-Za-z_$][\w$]*$/.test(hole.label)) continue;
    const node = toCallSite(hole.node, env, scope, file);
    if (!node) continue;
    const text = file.getText(node);
    entries.set(hole.label, { key: hole.label, text: text === hole.label ? text : `${hole.label}: ${text}`, source: text });
  }
  return [...entries.values()];
}

function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1] && sameRoot(node, container);
}

function sameRoot(a: TSESTree.Node, b: TSESTree.Node): boolean {
  let rootA = a;
  while (rootA.parent) rootA = rootA.parent;
  let rootB = b;
  while (rootB.parent) rootB = rootB.parent;
  return rootA === rootB;
}
