/**
 * Describes an outgoing HTTP request from a call expression: which client sends it, its
 * possible methods, its URL template (with the instance's base URL joined), its payload,
 * and whether the call actually sends anything.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type ArgRole, type CallShape, CLIENT_MEMBER_NAMES, type ClientKind, isClientModule, WRITE_CAPABLE_MEMBERS } from '../../catalog/http-clients.js';
import { getPropertyName, isNullish, skipTransparent } from '../code/ast.js';
import { type ClientMatch, HTTP_CLIENTS, matchClientCall } from './clients.js';
import { deeper, EMPTY_ENV, type Env, type FileContext } from '../code/file-context.js';
import { evaluateMethods } from './method.js';
import { getObjectProperty, hasUnknownSpread, type LocatedObject, resolveObject } from '../code/objects.js';
import { getOrigin, type Origin } from '../code/origin.js';
import { concat, evaluateTemplate, formatTemplate, getStaticText, joinUrl, type Template } from '../code/template.js';
import { findHttpModuleOptions } from './nest-http-module.js';
import { type Located, resolveValue } from '../code/values.js';

export interface RequestDescription {
  readonly call: TSESTree.CallExpression;
  readonly client: ClientKind;
  /** the member called, `post` for `api.post(…)` */
  readonly member: string | undefined;
  /** possible methods, upper-cased; undefined when unknown */
  readonly methods: readonly string[] | undefined;
  /** the full URL, base joined; undefined when the call shows none */
  readonly url: Template | undefined;
  /** the wrapper parameters the URL was read from, when the call was evaluated for a wrapper's call site */
  readonly urlReads?: ReadonlySet<TSESLint.Scope.Variable>;
  readonly payload: Located | undefined;
  /** false for a cold Observable or a lazy builder that nothing subscribes to or awaits */
  readonly sent: boolean;
  /** the `dapr-app-id` header: Dapr service invocation addressed by header */
  readonly daprAppId: string | undefined;
  /** the client retries in memory (got/ky `retry`, ofetch `retry`, superagent `.retry(n)`) */
  readonly retries: boolean;
}

export function describeRequest(call: TSESTree.CallExpression, file: FileContext, env: Env = EMPTY_ENV): RequestDescription | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  // cheap first: a member call sends a request only through one of the clients' member names
  // (a key the caller binds, `client[method](…)`, is read from the environment by the origin; a
  // fetch function kept on an object, `this.fetchImpl = options.fetch ?? fetch`, by its name)
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const member = getPropertyName(callee) ?? '';
    if (!CLIENT_MEMBER_NAMES.has(member) && !STORED_FETCH.test(member) && !(callee.computed && env.bindings.size > 0)) return undefined;
  }
  const origin = getOrigin(callee, file, env);
  // the type checker is asked only when the file cannot tell: no origin, or one in project code (`deps.http`)
  const match =
    (origin && !isProjectOrigin(origin, file) ? matchClientCall(origin) : ((origin && matchClientCall(origin)) ?? matchClientCallByType(callee, file))) ??
    (isServiceBindingFetch(callee) ? matchClientCall(GLOBAL_FETCH) : undefined);
  if (!match) return undefined;
  return describeMatchedCall(call, match, file, env);
}

const GLOBAL_FETCH: Origin = { module: 'global', steps: [{ kind: 'get', name: 'fetch' }] };

/**
 * `c.env.INVENTORY_SERVICE.fetch(new Request(…))`, `env.PAYMENTS.fetch(request)`: a Cloudflare
 * Worker calling another Worker through a service binding of its environment, which takes what
 * `fetch` takes.
 */
function isServiceBindingFetch(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'fetch') return false;
  const binding = skipTransparent(callee.object);
  if (binding.type !== AST_NODE_TYPES.MemberExpression || !BINDING_NAME.test(getPropertyName(binding) ?? '')) return false;
  const holder = skipTransparent(binding.object);
  return (holder.type === AST_NODE_TYPES.Identifier && holder.name === 'env') || (holder.type === AST_NODE_TYPES.MemberExpression && getPropertyName(holder) === 'env');
}

/** Bindings are named in upper snake case: `INVENTORY_SERVICE`, `AUTH`. */
const BINDING_NAME = /^[A-Z][A-Z0-9_]*$/;

/** A member named for the fetch function it holds: `this.fetchImpl`, `deps.fetchFn`, `this.fetcher`. */
const STORED_FETCH = /fetch/i;

/**
 * `this.client[method](path, options)` on an HTTP client instance: which member is called, and
 * so whether it sends a request, depends on what the caller binds `method` to.
 */
export function isKeyedClientCall(call: TSESTree.CallExpression, file: FileContext): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  const origin = getOrigin(callee.object, file);
  const client = origin && HTTP_CLIENTS.match(origin);
  return client !== undefined && client.rest.length === 0;
}

/** An origin in the project's own modules (relative or resolved into project files), not a package. */
function isProjectOrigin(origin: Origin, file: FileContext): boolean {
  if (!file.resolver || origin.module === 'global' || isClientModule(origin.module)) return false;
  return origin.module.startsWith('.') || origin.module.startsWith('/') || !file.resolver.isExternalModule(file, origin.module);
}

/** With type information: a client whose origin the file does not show (`deps.http.post(…)` typed `AxiosInstance`). */
function matchClientCallByType(callee: TSESTree.Identifier | TSESTree.MemberExpression, file: FileContext): ClientMatch | undefined {
  if (!file.resolver) return undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // a declared function is not a client instance; a parameter or variable might be (`fetchFn: typeof fetch`)
    const binding = file.getBinding(callee);
    if (binding && binding.kind !== 'parameter' && binding.kind !== 'value' && binding.kind !== 'type') return undefined;
    const origin = file.resolver.getTypeOrigin(callee);
    return origin && matchClientCall(origin);
  }
  const member = getPropertyName(callee);
  if (member === undefined || !WRITE_CAPABLE_MEMBERS.has(member)) return undefined;
  const receiver = file.resolver.getTypeOrigin(callee.object);
  return receiver && matchClientCall({ module: receiver.module, steps: [...receiver.steps, { kind: 'get', name: member }] });
}

interface Arguments {
  url?: TSESTree.Node;
  options: LocatedObject[];
  /** an options argument we cannot see into: method and payload may hide there */
  opaqueOptions: boolean;
  data?: TSESTree.Node;
  method?: TSESTree.Node;
}

function collectArguments(call: TSESTree.CallExpression, shape: CallShape, file: FileContext, env: Env): Arguments {
  const result: Arguments = { options: [], opaqueOptions: false };
  shape.args.forEach((role: ArgRole, index) => {
    const argument = call.arguments[index];
    if (!argument) return;
    if (argument.type === AST_NODE_TYPES.SpreadElement) {
      result.opaqueOptions = true;
      return;
    }
    switch (role) {
      case 'url':
        result.url = argument;
        break;
      case 'data':
        result.data = argument;
        break;
      case 'method':
        result.method = argument;
        break;
      case 'options': {
        const object = resolveObject(argument, file, env);
        if (object) result.options.push(object);
        else if (!isNullish(argument)) result.opaqueOptions = true;
        break;
      }
      case 'urlOrOptions': {
        const object = resolveObject(argument, file, env);
        if (object) result.options.push(object);
        else result.url = argument;
        break;
      }
      case 'input': {
        const request = getRequestObject(argument, file, env);
        if (request) {
          result.url = request.url;
          if (request.init) result.options.push(request.init);
        } else {
          result.url = argument;
        }
        break;
      }
    }
  });
  // Options given later override earlier ones (`fetch(new Request(u, a), b)`): the order is kept.
  return result;
}


/** `new Request(url, init)` passed to fetch, directly or through a const. */
function getRequestObject(node: TSESTree.Node, file: FileContext, env: Env): { url?: TSESTree.Node; init?: LocatedObject } | undefined {
  const located = resolveValue(node, file, env);
  if (located.node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const origin = getOrigin(located.node.callee, file, located.env);
  const last = origin?.steps.at(-1);
  const isRequest =
    origin !== undefined &&
    origin.steps.length === 1 &&
    last?.kind === 'get' &&
    last.name === 'Request' &&
    ['global', 'undici', 'node-fetch', 'cross-fetch'].includes(origin.module);
  if (!isRequest) return undefined;
  const [url, init] = located.node.arguments;
  return {
    url: url && url.type !== AST_NODE_TYPES.SpreadElement ? url : undefined,
    init: init && init.type !== AST_NODE_TYPES.SpreadElement ? resolveObject(init, file, located.env) : undefined,
  };
}

function findOption(objects: readonly LocatedObject[], keys: readonly string[], file: FileContext): Located | undefined {
  for (let index = objects.length - 1; index >= 0; index -= 1) {
    const object = objects[index]!;
    for (const key of keys) {
      const value = getObjectProperty(object.node, key, file, object.env);
      if (value) return value;
    }
  }
  return undefined;
}

function describeMatchedCall(call: TSESTree.CallExpression, match: ClientMatch, file: FileContext, env: Env): RequestDescription {
  const { kind, shape } = match;
  const args = collectArguments(call, shape, file, env);
  const configs: LocatedObject[] = [];
  const configBases: Template[] = [];
  for (const config of match.configs) {
    const configEnv = config.env ?? env;
    const object = resolveObject(config.node, file, configEnv);
    if (object) configs.push(object);
    else configBases.push(evaluateTemplate(config.node, file, configEnv)); // undici `new Client(origin)`
  }
  let url = getUrl(args, configs, configBases, kind, file, env);
  // an injected NestJS HttpService sent a relative path: the base is that of the HttpModule its module registers
  if (kind.id === 'nest-http' && match.configs.length === 0 && !(url && isAbsolute(url))) {
    const registered = findHttpModuleOptions(call, file);
    if (registered) {
      configs.push(registered);
      url = getUrl(args, configs, configBases, kind, file, env);
    }
  }
  // which bound variables the address was read from (read first): a caller that chooses the address chooses the write
  const urlReads = env.reads && new Set(env.reads);
  const payload = getPayload(call, args, kind, file, env);
  const methods = getMethods(shape, args, configs, kind, payload, file, env);
  const daprAppId = getHeader([...configs, ...args.options], 'dapr-app-id', file);
  const retries = hasRetryOption([...configs, ...args.options], file) || hasChainedRetry(call);
  return { call, client: kind, member: match.member, methods, url, urlReads, payload, sent: isSent(call, kind, file), daprAppId, retries };
}

function getMethods(
  shape: CallShape,
  args: Arguments,
  configs: readonly LocatedObject[],
  kind: ClientKind,
  payload: Located | undefined,
  file: FileContext,
  env: Env,
): string[] | undefined {
  if (shape.method) return [shape.method];
  if (args.method) return evaluateMethods(args.method, file, env);
  const fromOptions = findOption(args.options, kind.options.method, file);
  if (fromOptions) return evaluateMethods(fromOptions.node, file, fromOptions.env);
  if (args.opaqueOptions || args.options.some((object) => hasUnknownSpread(object.node, file, object.env))) return undefined;
  const fromConfig = findOption(configs, kind.options.method, file);
  if (fromConfig) return evaluateMethods(fromConfig.node, file, fromConfig.env);
  if (kind.defaultMethod === 'body-put') return [payload ? 'PUT' : 'GET'];
  return [kind.defaultMethod];
}

function getUrl(
  args: Arguments,
  configs: readonly LocatedObject[],
  configBases: readonly Template[],
  kind: ClientKind,
  file: FileContext,
  env: Env,
): Template | undefined {
  const keys = kind.options;
  let url: Template | undefined;
  if (args.url) url = evaluateTemplate(args.url, file, env);
  else if (keys.composite === 'node-http') url = getNodeHttpUrl(args.options, file);
  else {
    const option = findOption(args.options, [...keys.url, ...(keys.composite === 'dispatcher' ? ['path'] : [])], file);
    if (option) url = evaluateTemplate(option.node, file, option.env);
  }

  const baseOption = findOption(args.options, keys.base, file) ?? findOption(configs, keys.base, file);
  const base = baseOption ? evaluateTemplate(baseOption.node, file, baseOption.env) : configBases.at(-1);
  if (!base) return url;
  if (!url) return base;
  return isAbsolute(url) ? url : joinUrl(base, url);
}

/** Starts with a scheme or with a configured base (env/config value). */
export function isAbsolute(url: Template): boolean {
  const first = url[0];
  if (!first) return false;
  if (first.kind === 'text') return /^[a-z][a-z0-9+.-]*:\/\//i.test(first.value) || first.value.startsWith('//');
  return first.kind === 'env' || first.kind === 'config';
}

/** `{ protocol, hostname, port, path }` → `http://hostname:port/path`. */
function getNodeHttpUrl(options: readonly LocatedObject[], file: FileContext): Template | undefined {
  const read = (keys: string[]): Template | undefined => {
    const value = findOption(options, keys, file);
    return value ? evaluateTemplate(value.node, file, value.env) : undefined;
  };
  const host = read(['hostname', 'host']);
  if (!host) return undefined;
  const protocol = read(['protocol']) ?? [{ kind: 'text', value: 'http:' }];
  const port = read(['port']);
  const path = read(['path']) ?? [{ kind: 'text', value: '/' }];
  return concat(protocol, [{ kind: 'text', value: '//' }], host, port ? concat([{ kind: 'text', value: ':' }], port) : [], path);
}

/** A `retry` option that is not switched off (`retry: 0`, `retry: { limit: 0 }`, `retry: false`). */
function hasRetryOption(objects: readonly LocatedObject[], file: FileContext): boolean {
  const option = findOption(objects, ['retry', 'retries'], file);
  if (!option) return false;
  const value = skipTransparent(option.node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value !== 0 && value.value !== false;
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const limit = getObjectProperty(value, 'limit', file, option.env);
    const literal = limit && skipTransparent(limit.node);
    return !(literal?.type === AST_NODE_TYPES.Literal && literal.value === 0);
  }
  return true;
}

/** superagent's `.retry(n)` on the builder. */
function hasChainedRetry(call: TSESTree.CallExpression): boolean {
  for (let current: TSESTree.Node = call; ; ) {
    const member: TSESTree.Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return false;
    const outer: TSESTree.Node = member.parent;
    if (outer.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member) return false;
    if (getPropertyName(member) === 'retry') return true;
    current = outer;
  }
}

/** A header's static value from `headers` in the call options or instance configs (last wins). */
function getHeader(objects: readonly LocatedObject[], name: string, file: FileContext): string | undefined {
  const headers = findOption(objects, ['headers'], file);
  const object = headers && resolveObject(headers.node, file, headers.env);
  const value = object && getObjectProperty(object.node, name, file, object.env);
  if (!value) return undefined;
  const template = evaluateTemplate(value.node, file, value.env);
  const only = template.length === 1 ? template[0] : undefined;
  // `${process.env.ORDERS_APP_ID ?? 'orders'}`: the default names the app
  const fallback = only && only.kind !== 'text' && only.fallback ? getStaticText(only.fallback) : undefined;
  return getStaticText(template) ?? fallback ?? formatTemplate(template);
}

function getPayload(call: TSESTree.CallExpression, args: Arguments, kind: ClientKind, file: FileContext, env: Env): Located | undefined {
  if (args.data) return { node: skipTransparent(args.data), env };
  const option = findOption(args.options, kind.options.payload, file);
  if (option) return option;
  if (kind.chainPayload) {
    for (let current: TSESTree.Node = call; ; ) {
      const member: TSESTree.Node | undefined = current.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) break;
      const outer: TSESTree.Node = member.parent;
      if (outer.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member) break;
      const name = getPropertyName(member);
      const first = outer.arguments[0];
      if (name !== undefined && kind.chainPayload.includes(name) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
        return { node: skipTransparent(first), env: deeper(env) };
      }
      current = outer;
    }
  }
  return undefined;
}

const OBSERVABLE_SUBSCRIBERS = new Set(['subscribe', 'toPromise', 'forEach']);
const BUILDER_SENDERS = new Set(['then', 'end', 'catch', 'finally', 'pipe']);

/**
 * A cold Observable or a lazy request builder sends nothing unless it is subscribed,
 * awaited, returned or stored. Only a bare expression statement is known to send nothing.
 */
function isSent(call: TSESTree.CallExpression, kind: ClientKind, file: FileContext): boolean {
  if (!kind.observable && !kind.lazyBuilder) return true;
  const end = followChain(call, kind);
  if (end === 'sent') return true;
  const parent = end.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === end && parent.id.type === AST_NODE_TYPES.Identifier) {
    // `const req = request.post(url).send(body)`: sent only if something later awaits, returns or passes it on
    const variable = file.findVariable(parent.id);
    return variable?.references.some((reference) => !reference.init && referenceSends(reference.identifier, kind)) ?? true;
  }
  return true;
}

/** Follows builder/pipe calls on a request; `sent` when a subscriber or sender is reached. */
function followChain(node: TSESTree.Node, kind: ClientKind): TSESTree.Node | 'sent' {
  let current = node;
  for (;;) {
    const member: TSESTree.Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return current;
    const outer: TSESTree.Node = member.parent;
    if (outer.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member) return current;
    const name = getPropertyName(member) ?? '';
    if (kind.observable && OBSERVABLE_SUBSCRIBERS.has(name)) return 'sent';
    if (kind.lazyBuilder && BUILDER_SENDERS.has(name)) return 'sent';
    current = outer;
  }
}

function referenceSends(identifier: TSESTree.Node, kind: ClientKind): boolean {
  const end = followChain(identifier, kind);
  if (end === 'sent') return true;
  const parent = end.parent;
  // reading a property of the builder (`req.url`) sends nothing
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === end && parent.parent.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  return parent?.type !== AST_NODE_TYPES.ExpressionStatement;
}
