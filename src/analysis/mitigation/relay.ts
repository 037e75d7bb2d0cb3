/**
 * Is a request a relay? A gateway passing on what its client sent, whose outcome goes back to
 * that client, loses nothing of its own: the client learns of a failure and can try again.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getCalleeName, getEnclosingFunction, getParameterDecorators, getPropertyName, isDefaultValue, isFunctionNode, skipTransparent } from '../code/ast.js';
import { VALUE_CONVERSIONS } from '../code/callees.js';
import { splitWords } from '../code/words.js';
import { EMPTY_ENV, type Env, type FileContext } from '../code/file-context.js';
import { getFunctionUses } from '../code/uses.js';
import type { Template } from '../code/template.js';
import { describeRequest, type RequestDescription } from '../request/request.js';
import { assessCriticality } from '../criticality/criticality.js';
import { getOwnerFunction } from '../code/functions.js';
import { readsResultOf } from '../code/results.js';
import { classifyMethods, getWriteMethod } from '../request/method.js';
import { classifyTarget } from '../target/target.js';
import type { Settings } from '../../options.js';

const { DefinitionType } = TSESLint.Scope;

/**
 * A request a gateway makes with what its client sent (parameters, passed on as they came), whose
 * outcome goes back to that client: the client learns of a failure. A gateway that computes the
 * write itself (a total, a status) owns it like any service.
 */
export function getGatewayRelay(request: RequestDescription, contexts: readonly TSESTree.Node[], file: FileContext): string | undefined {
  const top = contexts.at(-1);
  const fileName = top && file.fileOf(top).fileName;
  if (fileName === undefined || !file.resolver?.isGatewayFile(fileName)) return undefined;
  return sendsWhatCame(request, file) ? 'relayed by a gateway, its outcome answered to the client' : undefined;
}

/**
 * A request that mirrors the route it is made in, sent on with what the client sent: a back end
 * for a front end whose `app.put('/pay/:userId', …)` handler makes `PUT /pay/${userId}` on the
 * payments service and answers its outcome. Named like a gateway or not, it relays.
 * @param method the request's write method (`PUT`)
 * @param path the request's path, after its service's address
 */
export function getRouteRelay(request: RequestDescription, method: string | undefined, path: Template, contexts: readonly TSESTree.Node[], file: FileContext): string | undefined {
  const top = contexts.at(-1);
  const handler = top && getEnclosingFunction(top);
  const route = handler && (getRouteOf(handler) ?? getFileRouteOf(handler, file));
  if (!route || method === undefined || (route.method !== 'ALL' && route.method !== method)) return undefined;
  if (!isMirroredPath(splitPath(route.path), splitTemplatePath(path))) return undefined;
  return sendsWhatCame(request, file) ? `relays its route ${route.method} ${route.path}, its outcome answered to the client` : undefined;
}

/** The request sends on what its caller was given: its payload is made of parameters and literals. */
function sendsWhatCame(request: RequestDescription, file: FileContext): boolean {
  // node:http bodies are written to the request stream, out of sight: no payload seen is no payload known
  return request.payload ? isPassedOn(request.payload.node, request.payload.env, file, 0) : request.client.id !== 'node-http';
}

const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);

/** The route a function handles: `app.put('/pay/:userId', handler)`, `router.post('/orders', auth, handler)`. */
function getRouteOf(fn: TSESTree.Node): { method: string; path: string } | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.Expression)) return undefined;
  const callee = skipTransparent(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  const first = call.arguments[0];
  if (method === undefined || !ROUTE_METHODS.has(method) || first === fn) return undefined;
  const path = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
  return path?.startsWith('/') ? { method: method.toUpperCase(), path } : undefined;
}

const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The route a file-routed handler serves, named by its file: Next.js's `export async function
 * PATCH(req)` in `app/api/bookings/[id]/cancel/route.ts` serves `PATCH /api/bookings/:id/cancel`;
 * the default export of `pages/api/orders/[id].ts` serves every method of `/api/orders/:id`.
 * Route groups (`(shop)`) and parallel slots (`@modal`) are no part of the path.
 */
function getFileRouteOf(fn: TSESTree.Node, file: FileContext): { method: string; path: string } | undefined {
  const relativePath = file.fileOf(fn).relativePath?.replace(/\\/g, '/');
  if (relativePath === undefined) return undefined;
  const appRoute = /(?:^|\/)app\/((?:[^/]+\/)*)route\.[cm]?[jt]sx?$/.exec(relativePath);
  if (appRoute) {
    const method = getExportedFunctionName(fn);
    return method !== undefined && HTTP_METHODS.has(method) ? { method, path: toRoutePath(appRoute[1]!.split('/')) } : undefined;
  }
  const pagesRoute = /(?:^|\/)pages\/(api\/(?:[^/]+\/)*[^/]+?)\.[cm]?[jt]sx?$/.exec(relativePath);
  if (!pagesRoute || fn.parent?.type !== AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
  return { method: 'ALL', path: toRoutePath(pagesRoute[1]!.split('/').filter((segment, index, all) => segment !== 'index' || index < all.length - 1)) };
}

/** `export async function PATCH(…)`, `export const PATCH = async (…) => …`: the name it is exported by. */
function getExportedFunctionName(fn: TSESTree.Node): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? fn.id?.name : undefined;
  const declarator = fn.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declarator.id.name : undefined;
}

/** Folder names of a file route → its path: `['api', '[id]', '(shop)', 'cancel', '']` → `/api/:id/cancel`. */
function toRoutePath(folders: readonly string[]): string {
  const segments = folders
    .filter((folder) => folder !== '' && !/^\(.*\)$/.test(folder) && !folder.startsWith('@'))
    .map((folder) => (folder.startsWith('[') ? ':param' : folder));
  return `/${segments.join('/')}`;
}

/** `/pay/:userId` → `['pay', '*']`. */
function splitPath(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') || segment.includes('*') ? '*' : segment.toLowerCase()));
}

/** `/pay/${userId}` → `['pay', '*']`: a segment with a hole in it is a parameter. */
function splitTemplatePath(path: Template): string[] {
  const text = path.map((part) => (part.kind === 'text' ? part.value : '\0')).join('');
  return splitPath(text).map((segment) => (segment.includes('\0') ? '*' : segment));
}

/**
 * The same path, but for a prefix one side adds (`/api/pay/:id` routed to `/pay/${id}`): one
 * is the other's tail, segment by segment (a parameter where the other has one), with a literal
 * segment among them.
 */
function isMirroredPath(routePath: readonly string[], requestPath: readonly string[]): boolean {
  // `/api/v1/…` on either side names where an API is mounted, not what it does
  const route = routePath.filter(isResourceSegment);
  const request = requestPath.filter(isResourceSegment);
  const [shorter, longer] = route.length <= request.length ? [route, request] : [request, route];
  if (!shorter.some((segment) => segment !== '*')) return false;
  const tail = longer.slice(longer.length - shorter.length);
  return shorter.every((segment, index) => segment === tail[index]);
}

/** A `.catch` handler that hands back nothing of its own: `() => ({})`, `() => null`, `() => undefined`. */
function isEmptyFallback(handler: TSESTree.Node | undefined): boolean {
  return handler?.type === AST_NODE_TYPES.ArrowFunctionExpression && handler.body.type !== AST_NODE_TYPES.BlockStatement && isDefaultValue(handler.body);
}

/** A path segment that names a resource: not an API's mount point (`api`) or version (`v1`). */
function isResourceSegment(segment: string): boolean {
  return segment !== 'api' && !/^v\d+$/.test(segment);
}

/** The Fetch API's `Request` methods that read its body. */
const BODY_READERS: ReadonlySet<string> = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob']);

const RE_ENCODINGS: ReadonlySet<string> = new Set(['stringify', 'from', 'toString']);

/** Validation that hands back what it checked: `schema.parse(body)`, `parse(schema, body)`, `JSON.parse(raw)`, `plainToInstance(Dto, body)`. */
const VALIDATIONS: ReadonlySet<string> = new Set([
  'parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateSync', 'validateAsync', 'plainToInstance', 'plainToClass', 'decode',
  'cast',
]);

/** A function of the project named for checking its input (`normalizeOrderInput`, `validateTransfer`, `sanitizeBody`): it hands back what it checked. */
const VALIDATOR_NAME = /^(?:normali[sz]e|sanitize|validate|clean|coerce)(?:[A-Z_]|$)/;

/** `Date.now()`, `Math.random()`: what a made-up id is made of. */
const ID_SOURCES: ReadonlyMap<string, string> = new Map([
  ['Date', 'now'],
  ['Math', 'random'],
]);

/** String methods that hand back the same text reshaped. */
const STRING_RESHAPES: ReadonlySet<string> = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'slice', 'substring', 'toString', 'padStart', 'padEnd', 'normalize']);

/** Functions that make up a fresh id: `uuidv4()`, `randomUUID()`, `nanoid()`, `cuid()`, `ulid()`. */
const ID_GENERATORS: ReadonlySet<string> = new Set(['uuid', 'uuidv4', 'uuidV4', 'v4', 'v7', 'uuidv7', 'randomUUID', 'nanoid', 'cuid', 'createId', 'ulid']);

/** The incoming request itself, by the names handlers give it. */
const INCOMING_REQUEST = /^(?:req|request|ctx|context|c)$/;

/**
 * How many steps a value is traced back. Each wrapper a request passes through costs a few (the
 * parameter, the options object, its member), so a body handed down three wrappers needs more than a dozen.
 */
const MAX_DEPTH = 32;

/** A value made only of parameters and literals: `dto`, `{ userId, items: dto.items }`, `JSON.stringify({ ...body })`. */
function isPassedOn(node: TSESTree.Node, env: Env, file: FileContext, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const expression = skipTransparent(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.Identifier: {
      if (expression.name === 'undefined') return true;
      const binding = file.getBinding(expression, env);
      if (binding?.kind === 'parameter') return isParameterPassedOn(binding.variable, file, depth);
      if (binding?.kind === 'value') return isPassedOn(binding.node, env, file, depth + 1);
      // `const { confirmPassword, ...rest } = body`: what is left of what came
      const rest = getRestSource(expression, file);
      return rest !== undefined && isPassedOn(rest, env, file, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression:
      return isPassedOn(expression.object, env, file, depth + 1);
    case AST_NODE_TYPES.ObjectExpression:
      return expression.properties.every((property) => {
        if (property.type === AST_NODE_TYPES.SpreadElement) return isPassedOn(property.argument, env, file, depth + 1);
        // a sum the sender sets itself (`amount: 29`, `balance: 0`) is its own word on the write, not what came
        if (isNumber(property.value) && splitWords(getPropertyName(property) ?? '').some((word) => MONEY_WORDS.has(word))) return false;
        return isPassedOn(property.value, env, file, depth + 1);
      });
    case AST_NODE_TYPES.ArrayExpression:
      return expression.elements.every((element) => element === null || isPassedOn(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, env, file, depth + 1));
    case AST_NODE_TYPES.CallExpression: {
      const name = getCalleeName(expression.callee) ?? '';
      const first = expression.arguments[0];
      // re-encodings that keep the data as it came: `JSON.stringify(body)`, `Buffer.from(raw)`
      if ((RE_ENCODINGS.has(name) || VALUE_CONVERSIONS.has(name)) && first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement && isPassedOn(first, env, file, depth + 1)) return true;
      // validation hands back what it checked: `parse(transferSchema, body)`, `schema.parse(body)`, `normalizeOrderInput(raw)`
      if ((VALIDATIONS.has(name) || VALIDATOR_NAME.test(name)) && expression.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isPassedOn(argument, env, file, depth + 1))) {
        return true;
      }
      // the body of a Fetch API request, read: `await req.json()` in a Next.js or Hono handler
      const callee = skipTransparent(expression.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && BODY_READERS.has(getPropertyName(callee) ?? '') && expression.arguments.length === 0) {
        return isPassedOn(callee.object, env, file, depth + 1);
      }
      // what came, or an empty default when it cannot be read: `await req.json().catch(() => ({}))`
      if (callee.type === AST_NODE_TYPES.MemberExpression && getPropertyName(callee) === 'catch' && isEmptyFallback(first)) {
        return isPassedOn(callee.object, env, file, depth + 1);
      }
      // an id made up to follow the request along (`sagaId: uuidv4()`, `requestId: randomUUID()`): no data of the gateway's own
      if (isMadeUpId(expression)) return true;
      // the same text, trimmed, cut or cased: `reason.trim()`
      if (callee.type === AST_NODE_TYPES.MemberExpression && STRING_RESHAPES.has(name) && isPassedOn(callee.object, env, file, depth + 1)) {
        return expression.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isPassedOn(argument, env, file, depth + 1));
      }
      // what came with the request, read off it by name: `c.get('session')` (set by an auth middleware), `req.header('x-user-id')`
      if (callee.type === AST_NODE_TYPES.MemberExpression && isIncomingRequest(callee.object, env, file) && expression.arguments.every((argument) => argument.type === AST_NODE_TYPES.Literal)) {
        return true;
      }
      // who is asking, read from the incoming request: `await this.sessions.resolve(request)`
      return expression.arguments.length > 0 && expression.arguments.every((argument) => isIncomingRequest(argument, env, file));
    }
    case AST_NODE_TYPES.TemplateLiteral:
      // a text written out (a GraphQL document naming the mutation passed on), or a reference made of the
      // clock and chance alone (`web-${Date.now()}-${Math.random()}`), like `uuidv4()`
      return expression.expressions.every(isMadeUpId);
    case AST_NODE_TYPES.LogicalExpression:
      return isPassedOn(expression.left, env, file, depth + 1) && isPassedOn(expression.right, env, file, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return isPassedOn(expression.consequent, env, file, depth + 1) && isPassedOn(expression.alternate, env, file, depth + 1);
    case AST_NODE_TYPES.AwaitExpression:
      return isPassedOn(expression.argument, env, file, depth + 1);
    default:
      return false;
  }
}

/**
 * A parameter carries what came, unless the function's callers are all in sight and one of them
 * passes what the gateway computed itself: a helper the file keeps to itself (`private
 * walletEarn(opts)` given `{ amount: reward, bizType: 'referral_reward' }`), or, through the
 * project layer, a public method of a client class whose callers in the gateway build the write
 * (`billingClient.grant({ amount: dto.amount, idempotencyKey })`). Every call site must pass on
 * what came for the request to be a relay.
 */
function isParameterPassedOn(variable: TSESLint.Scope.Variable, file: FileContext, depth: number): boolean {
  const definition = variable.defs[0];
  const fn = definition?.type === DefinitionType.Parameter ? definition.node : undefined;
  if (!fn || !isFunctionNode(fn)) return true;
  // an element of what is iterated (`items.forEach((item) => …)`), or what a promise settles with (`.then((res) => …)`)
  const source = getIteratedValue(fn);
  if (source) return isPassedOn(source, EMPTY_ENV, file.fileOf(fn), depth + 1);
  const index = fn.params.findIndex((param) => param === definition!.name || (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter === definition!.name));
  const uses = index === -1 ? undefined : getFunctionUses(fn, file.fileOf(fn));
  if (!uses) return true;
  return uses.every(({ file: useFile, node: use }) => {
    const call = use.parent;
    // handed on as a value (`retry(this.post)`): who calls it is out of sight
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) return true;
    const argument = call.arguments[index];
    return argument === undefined || (argument.type !== AST_NODE_TYPES.SpreadElement && isPassedOn(argument, EMPTY_ENV, useFile, depth + 1));
  });
}

/** The object a `...rest` of a declared object pattern takes what is left of: `body` of `const { a, ...rest } = body`. */
function getRestSource(identifier: TSESTree.Identifier, file: FileContext): TSESTree.Expression | undefined {
  const definition = file.findVariable(identifier)?.defs[0];
  const element = definition?.name.parent;
  const declarator = element?.parent?.parent;
  if (element?.type !== AST_NODE_TYPES.RestElement || element.parent?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id === element.parent ? (declarator.init ?? undefined) : undefined;
}

/** Words of a payload key that holds a sum of money. */
const MONEY_WORDS: ReadonlySet<string> = new Set(['amount', 'total', 'subtotal', 'price', 'cost', 'fee', 'tax', 'balance', 'payout', 'debit', 'credit']);

function isNumber(node: TSESTree.Node): boolean {
  const expression = skipTransparent(node);
  return expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'number';
}

/** Methods whose callback is given the elements of their object (or the value it settles with), not data from outside. */
const ELEMENT_CALLBACKS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every', 'then']);

/** The array or promise whose elements a callback is given: `items` of `items.map((item) => …)`. */
function getIteratedValue(fn: TSESTree.Node): TSESTree.Node | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !ELEMENT_CALLBACKS.has(getPropertyName(callee) ?? '')) return undefined;
  return callee.object;
}

/** An id made up of nothing but chance and the clock: `uuidv4()`, `Date.now().toString(36)`, `Math.random().toString(36).slice(2, 8)`. */
function isMadeUpId(node: TSESTree.Node): boolean {
  const expression = skipTransparent(node);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(expression.callee);
  const name = getCalleeName(callee) ?? '';
  if (ID_GENERATORS.has(name) && expression.arguments.length === 0) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (callee.object.type === AST_NODE_TYPES.Identifier && ID_SOURCES.get(callee.object.name) === name) return true;
  return STRING_RESHAPES.has(name) && expression.arguments.every((argument) => argument.type === AST_NODE_TYPES.Literal) && isMadeUpId(callee.object);
}

function isIncomingRequest(node: TSESTree.Node, env: Env, file: FileContext): boolean {
  const expression = skipTransparent(node);
  // Koa's and Fastify's wrappers hold the request itself: `ctx.req`, `ctx.request`, `request.raw`
  if (expression.type === AST_NODE_TYPES.MemberExpression && WRAPPED_REQUEST.has(getPropertyName(expression) ?? '')) {
    return isIncomingRequest(expression.object, env, file);
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = file.getBinding(expression, env);
  if (binding?.kind !== 'parameter') return false;
  return INCOMING_REQUEST.test(expression.name) || isRequestPartParameter(binding.variable);
}

/** Decorators by which a NestJS handler is handed the incoming request, or a header of it: `@Req()`, `@Headers('authorization')`. */
const REQUEST_PART_DECORATORS: ReadonlySet<string> = new Set(['Req', 'Request', 'Headers']);

/** A handler's parameter the framework fills from the incoming request: `@Headers('authorization') authorization?: string`. */
function isRequestPartParameter(variable: TSESLint.Scope.Variable): boolean {
  const name = variable.defs[0]?.name;
  return (name ? getParameterDecorators(name) : []).some((decorator) => {
    const call = decorator.expression;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && REQUEST_PART_DECORATORS.has(call.callee.name);
  });
}

/** Members of a handler's context that are the incoming request. */
const WRAPPED_REQUEST: ReadonlySet<string> = new Set(['req', 'request', 'raw']);

/**
 * The function the request is made from (its outermost context's) goes on to send another
 * critical write to one of your services with what this one gave back: a saga's `POST
 * /create-order` with the body it was given, then `POST /process-payment` with the order's id.
 * A second write that takes nothing from the first (a gateway passing a change on, then telling
 * billing of it) leaves the first a relay.
 */
export function makesOtherCriticalWrites(request: RequestDescription, contexts: readonly TSESTree.Node[], file: FileContext, settings: Settings): boolean {
  const top = contexts.at(-1) ?? request.call;
  const fn = getEnclosingFunction(top);
  if (!fn) return false;
  return file.getOwnedCalls(fn, getOwnerFunction).some((call) => {
    // a call after the request's own (which holds the request), reading its answer
    if (call.range[0] < top.range[1] || !readsResultOf(top, call, file)) return false;
    const other = describeRequest(call, file);
    if (!other?.sent || classifyMethods(other.methods) !== 'write') return false;
    const target = classifyTarget(other.url, settings, { daprAppId: other.daprAppId });
    if (target.kind !== 'internal') return false;
    return assessCriticality({ target, method: getWriteMethod(other.methods), payload: other.payload, contexts: [call] }, file, settings).critical;
  });
}
