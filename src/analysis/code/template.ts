/**
 * Static evaluation of string-valued expressions into templates: literal text mixed with
 * symbolic holes for the things a file cannot know (an env var, a config key, a parameter).
 * `${process.env.PAYMENTS_URL}/payments/${id}` becomes
 * `[env PAYMENTS_URL] "/payments/" [unknown id]`.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findEnumMember, getParameterDecorators, getPropertyName, isFunctionNode, skipTransparent } from './ast.js';
import { decorates, deeper, EMPTY_ENV, type Env, FileContext, getRequireSource, getWrittenValues } from './file-context.js';
import { bindArguments } from './bind.js';
import { getOrigin } from './origin.js';
import { getObjectProperty, resolveObject, VALIDATED_MEMBERS } from './objects.js';
import { getThisMemberValue, type Located, resolveValue } from './values.js';
import { enterCallTarget, enterInstance, resolveCallTarget, resolveGetter } from './functions.js';
import { walk } from './walk.js';
import { splitWords, WordSet } from './words.js';
import { GENERIC_ADDRESS_WORDS } from '../../catalog/words.js';

const { DefinitionType } = TSESLint.Scope;

export type Part =
  /** `name`: the constant or config key an absolute URL was read from (`LEDGER_API_URL`), which names the service better than its host */
  | { readonly kind: 'text'; readonly value: string; readonly name?: string }
  | {
      readonly kind: 'env';
      readonly name: string;
      readonly fallback?: Template;
      /** credentials named like it are read beside it (`ZATCA_API_URL` with `ZATCA_SECRET`): the address of a provider */
      readonly credentialed?: true;
    }
  /**
   * `addressMap`: an entry of a map of addresses (`serviceUrls.PAYMENTS`, `services.ledger`): it names its service;
   * `registry`: the address a service registry gives for that name (`discovery.getServiceUrl('payments')`)
   */
  | {
      readonly kind: 'config';
      readonly key: string;
      readonly fallback?: Template;
      readonly addressMap?: true;
      readonly registry?: true;
      /** an env variable's name read off an env object, with credentials named like it beside it (`env.CARDCONNECT_API_URL`, `env.CARDCONNECT_USERNAME`) */
      readonly credentialed?: true;
    }
  | {
      readonly kind: 'unknown';
      readonly label: string;
      readonly fallback?: Template;
      /** the expression the value comes from (`order.id`), when it is a name or a member read */
      readonly node?: TSESTree.Node;
      /** the path segments a condition picks from (`approve ? 'approve' : 'reject'`): one of them, which is not known */
      readonly choices?: readonly string[];
      /** one of two whole addresses a condition picks (`isProd ? 'http://orders.internal' : 'http://localhost:3001'`): configuration, named by what holds it */
      readonly addressSwitch?: true;
    };

export type Template = readonly Part[];

export type Hole = Exclude<Part, { kind: 'text' }>;

const CONFIG_GETTERS = new Set(['get', 'getOrThrow', 'getString', 'getValue', 'getConfig', 'require']);
const CONFIG_RECEIVER = /config|settings|conf$|cfg$|^env$|environment|secrets?$|(?:urls|hosts|endpoints|addresses)$/i;
const ADDRESS_MAP = /(?:urls|hosts|endpoints|addresses)$/i;
/** The configuration a framework hangs on its instance: `app.config`, `fastify.config`, `req.app.settings`. */
const INSTANCE_CONFIG = /^(?:config|configuration|settings)$/i;
/** A map named for the services it addresses: `services.ledger`. */
const SERVICES_MAP = /^services$/i;

/** Properties of a `URL` object that the rules can read from its template. */
const URL_PARTS = new Set(['href', 'origin', 'host', 'hostname', 'pathname', 'protocol', 'port', 'search', 'hash']);

/**
 * A part of a URL given as a template. `hostname`/`host`/`origin` of `new URL(path, process.env.X)`
 * stay the env value: the service it addresses is what matters.
 */
function getUrlPart(url: Template, name: string): Template {
  if (name === 'href') return url;
  if (name === 'search' || name === 'hash') {
    // only a literal `?`/`#` in the template can start one
    const marker = name === 'search' ? '?' : '#';
    return url.some((part) => part.kind === 'text' && part.value.includes(marker)) ? [{ kind: 'unknown', label: name }] : [];
  }
  const first = url[0];
  const scheme = first?.kind === 'text' ? /^([a-z][a-z0-9+.-]*:)\/\/([^/?#]*)(.*)$/i.exec(first.value) : null;
  if (name === 'pathname') {
    if (first && first.kind !== 'text') return url.slice(1);
    return scheme ? concat([text(scheme[3] ?? '')], url.slice(1)) : url;
  }
  if (first && first.kind !== 'text') {
    // a configured base: the address is the value itself; the scheme is whatever it holds
    if (name === 'protocol') return [text('http:')];
    return name === 'origin' || name === 'host' || name === 'hostname' ? [first] : [{ kind: 'unknown', label: name }];
  }
  if (!scheme) return [{ kind: 'unknown', label: name }];
  const authority = scheme[2] ?? '';
  switch (name) {
    case 'protocol':
      return [text(scheme[1] ?? '')];
    case 'origin':
      return [text(`${scheme[1]}//${authority}`)];
    case 'host':
      return [text(authority)];
    case 'hostname':
      return [text(authority.replace(/:\d+$/, ''))];
    default:
      return /:(\d+)$/.test(authority) ? [text(/:(\d+)$/.exec(authority)![1]!)] : [{ kind: 'unknown', label: name }];
  }
}

/** Global functions that keep a value's meaning for URL purposes: `encodeURIComponent(sku)` is still `{sku}`. */
const TRANSPARENT_FUNCTIONS = new Set(['String', 'encodeURIComponent', 'encodeURI']);

const text = (value: string): Part => ({ kind: 'text', value });
const unknown = (label: string, node?: TSESTree.Node): Template => [node ? { kind: 'unknown', label, node } : { kind: 'unknown', label }];

/** Joins templates, merging adjacent text. */
export function concat(...templates: Template[]): Template {
  const result: Part[] = [];
  for (const template of templates) {
    for (const part of template) {
      const last = result.at(-1);
      if (part.kind === 'text' && last?.kind === 'text') {
        result[result.length - 1] = last.name === undefined ? text(last.value + part.value) : { kind: 'text', value: last.value + part.value, name: last.name };
      }
      else if (part.kind !== 'text' || part.value !== '') result.push(part);
    }
  }
  return result;
}

/** The template's text when it has no holes. */
export function getStaticText(template: Template): string | undefined {
  if (template.length === 0) return '';
  return template.length === 1 && template[0]!.kind === 'text' ? template[0]!.value : undefined;
}

/** `{id}` style rendering for messages: `${PAYMENTS_URL}/payments/{id}`. */
export function formatTemplate(template: Template): string {
  return template
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.value;
        case 'env':
          return `\${${part.name}}`;
        case 'config':
          return `\${${part.key}}`;
        case 'unknown':
          return `{${part.label}}`;
      }
    })
    .join('');
}

/**
 * A hole given a default: after the defaults it has (`baseUrl ?? process.env.PAYMENTS_URL ??
 * 'http://localhost:3005'` is the parameter, else the env, else the address written out). A
 * default written out is the last one: what follows it is never read.
 */
function withFallback(part: Exclude<Part, { kind: 'text' }>, fallback: Template): Part {
  const known = part.fallback;
  if (!known) return { ...part, fallback };
  const [only] = known;
  return known.length === 1 && only && only.kind !== 'text' ? { ...part, fallback: [withFallback(only, fallback)] } : part;
}

export function evaluateTemplate(node: TSESTree.Node, file: FileContext, env: Env = EMPTY_ENV): Template {
  if (FileContext.isTooDeep(env)) return unknown('…');
  const expression = skipTransparent(node);
  const next = deeper(env);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof expression.value === 'string' || typeof expression.value === 'number') return [text(String(expression.value))];
      return unknown(String(expression.raw));
    case AST_NODE_TYPES.TemplateLiteral: {
      const parts: Template[] = [];
      expression.quasis.forEach((quasi, index) => {
        parts.push([text(quasi.value.cooked ?? quasi.value.raw)]);
        const inner = expression.expressions[index];
        if (inner) parts.push(evaluateTemplate(inner, file, next));
      });
      return concat(...parts);
    }
    case AST_NODE_TYPES.BinaryExpression:
      if (expression.operator === '+') {
        return concat(evaluateTemplate(expression.left, file, next), evaluateTemplate(expression.right, file, next));
      }
      return unknown('…');
    case AST_NODE_TYPES.LogicalExpression: {
      if (expression.operator === '&&') return unknown('…');
      const left = evaluateTemplate(expression.left, file, next);
      if (left.length === 1 && left[0]!.kind !== 'text') return [withFallback(left[0]!, evaluateTemplate(expression.right, file, next))];
      return left;
    }
    case AST_NODE_TYPES.Identifier:
      return evaluateIdentifier(expression, file, next);
    // `await this.getServiceUrl('payments')`: what the promise resolves to
    case AST_NODE_TYPES.AwaitExpression:
      return evaluateTemplate(expression.argument, file, next);
    case AST_NODE_TYPES.MemberExpression:
      return evaluateMember(expression, file, next);
    case AST_NODE_TYPES.CallExpression:
      return evaluateCall(expression, file, next);
    case AST_NODE_TYPES.NewExpression:
      return evaluateNewUrl(expression, file, next) ?? unknown('…');
    case AST_NODE_TYPES.ConditionalExpression:
      return evaluateConditional(expression, file, next);
    default:
      return unknown(file.getText(expression).slice(0, 40));
  }
}

/**
 * `url.endsWith('/api') ? url : `${url}/api``: both branches address the same base, so the
 * longer one stands for both; one that only adds a scheme (`http://${url}`) is the other;
 * branches that start differently are unknown.
 */
function evaluateConditional(expression: TSESTree.ConditionalExpression, file: FileContext, env: Env): Template {
  // `process.env.X ? withApi(process.env.X) : undefined`: only one branch is an address
  if (isNullish(expression.alternate)) return evaluateTemplate(expression.consequent, file, env);
  if (isNullish(expression.consequent)) return evaluateTemplate(expression.alternate, file, env);
  return combineBranches(evaluateTemplate(expression.consequent, file, env), evaluateTemplate(expression.alternate, file, env));
}

/** What a condition between two values stands for, given what each branch evaluates to (see `evaluateConditional`). */
function combineBranches(consequent: Template, alternate: Template, key?: string): Template {
  // the same address either way, or with a leading slash made sure of (`path.startsWith('/') ? path : `/${path}``)
  // or a trailing one dropped (`base.endsWith('/') ? base.slice(0, -1) : base`)
  if (withoutEndSlashes(consequent) === withoutEndSlashes(alternate)) return slashScore(consequent) >= slashScore(alternate) ? consequent : alternate;
  // or with a scheme made sure of (`url.startsWith('http') ? url : `http://${url}``): the address as configured
  const bare = (template: Template): string => withoutEndSlashes(template).replace(/^https?:\/\//, '');
  if (bare(consequent) === bare(alternate) && bare(consequent) !== '') return formatTemplate(consequent).length <= formatTemplate(alternate).length ? consequent : alternate;
  const choice =
    getSegmentChoice(consequent, alternate) ?? getAddressSwitch(consequent, alternate, key) ?? getBaseChoice(consequent, alternate) ?? getConfiguredChoice(consequent, alternate);
  if (choice) return choice;
  const first = consequent[0];
  if (!first || first.kind === 'unknown' || formatTemplate([first]) !== formatTemplate(alternate.slice(0, 1))) return unknown('…');
  return alternate.length > consequent.length ? alternate : consequent;
}

/** An absolute address: a scheme, then a host. */
const ABSOLUTE = /^[a-z][\w+.-]*:\/\/[^/]/i;

/**
 * Two whole addresses a condition picks between, a deployment's and a developer's: configuration.
 * Read from the same key of two maps (`prodServicePaths.payment`, `devServicePaths.payment`), the
 * key names its service, as an entry of a map of addresses does; otherwise what holds the choice
 * names it (`const ORDERS_URL = isProd ? … : …`, see `evaluateIdentifier`).
 */
function getAddressSwitch(consequent: Template, alternate: Template, key?: string): Template | undefined {
  const [a, b] = [consequent, alternate].map((template) => (template.length === 1 && template[0]!.kind === 'text' && ABSOLUTE.test(template[0]!.value) ? template[0] : undefined));
  if (!a || !b) return undefined;
  const keyOf = (part: Part): string | undefined => (part.kind === 'text' && part.name?.includes('.') ? part.name.slice(part.name.lastIndexOf('.') + 1) : undefined);
  const common = key ?? (keyOf(a) === keyOf(b) ? keyOf(a) : undefined);
  if (common !== undefined) return [{ kind: 'config', key: common, addressMap: true }];
  return [{ kind: 'unknown', label: '…', addressSwitch: true }];
}

/**
 * The same path under two configured bases (`gatewayUrl ? `${gatewayUrl}/payments/refund` :
 * `${paymentsUrl}/payments/refund``): one write, sent one way or the other. The base that names a
 * service stands for both; through a gateway, the path names it.
 */
function getBaseChoice(consequent: Template, alternate: Template): Template | undefined {
  const baseName = (template: Template): string | undefined => {
    const first = template[0];
    return first?.kind === 'env' ? first.name : first?.kind === 'config' ? first.key : undefined;
  };
  const [a, b] = [baseName(consequent), baseName(alternate)];
  const path = formatTemplate(consequent.slice(1));
  if (a === undefined || b === undefined || !path.startsWith('/') || path !== formatTemplate(alternate.slice(1))) return undefined;
  return GATEWAY_NAME.test(a) && !GATEWAY_NAME.test(b) ? alternate : consequent;
}

const GATEWAY_NAME = /gateway|proxy/i;

/**
 * A developer's address written out or the configured one (`NODE_ENV === 'development' ?
 * `http://${LOCAL_IP}:8002` : process.env.WALLET_SERVICE_URL || …`): the configured one is the
 * deployment's, and its name says which service both address. Only whole bases: a branch with a
 * path of its own may be another endpoint.
 */
function getConfiguredChoice(consequent: Template, alternate: Template): Template | undefined {
  // written out from its scheme on: a hole first renders as `${…}`, which no scheme matches; with a path, only
  // when its host names what the configured one does (`isDocker ? 'http://user-service:5002/api/users' : process.env.USER_SERVICE_URL`)
  const isWrittenOut = (template: Template, configured: Template): boolean =>
    template[0]?.kind === 'text' && (HOST_ONLY.test(formatTemplate(template)) || hostNamesConfigured(formatTemplate(template), configured[0]!));
  if (isConfigured(consequent) && isWrittenOut(alternate, consequent)) return consequent;
  if (isConfigured(alternate) && isWrittenOut(consequent, alternate)) return alternate;
  return undefined;
}

/** An address that is configuration alone: `process.env.X`, `config.get('x')`, with or without a default. */
function isConfigured(template: Template): boolean {
  return template.length === 1 && (template[0]!.kind === 'env' || template[0]!.kind === 'config');
}

/** Words of an address's name or host that say nothing of which service it is. */
const GENERIC_ADDRESS = new WordSet(GENERIC_ADDRESS_WORDS);

/** An absolute URL's host, first label, shares a word with the configured address's name: `user-service` and `USER_SERVICE_URL`. */
function hostNamesConfigured(url: string, configured: Part): boolean {
  const host = /^[a-z][\w+.-]*:\/\/([^/:.]+)/i.exec(url)?.[1];
  const name = configured.kind === 'env' ? configured.name : configured.kind === 'config' ? configured.key.split('.').at(-1) : undefined;
  if (host === undefined || name === undefined) return false;
  const words = (text: string): string[] => splitWords(text).filter((word) => !GENERIC_ADDRESS.has(word));
  const named = new Set(words(name));
  return words(host).some((word) => named.has(word));
}

/** A scheme, then a host and port (holes allowed), and no path. */
const HOST_ONLY = /^[a-z][\w+.-]*:\/\/[^/]*\/?$/i;

/** A path segment of letters, digits, `-`, `_` or `.`. */
const SEGMENT = /^[\w.-]+$/;

/**
 * Two literal paths that differ in their last segment only (`'/team/unblock'` or `'/team/block'`),
 * or two literal segments (`'approve'` or `'reject'`): their common part, then the segment as a
 * choice between the two, rendered `{unblock|block}`.
 */
function getSegmentChoice(consequent: Template, alternate: Template): Template | undefined {
  const [a, b] = [consequent, alternate].map((template) => (template.length === 1 && template[0]!.kind === 'text' && template[0]!.name === undefined ? template[0]!.value : undefined));
  if (a === undefined || b === undefined || a === b) return undefined;
  const cut = Math.max(a.lastIndexOf('/'), b.lastIndexOf('/')) + 1;
  const [prefix, tailA, tailB] = [a.slice(0, cut), a.slice(cut), b.slice(cut)];
  if (b.slice(0, cut) !== prefix || !SEGMENT.test(tailA) || !SEGMENT.test(tailB)) return undefined;
  const choice: Part = { kind: 'unknown', label: `${tailA}|${tailB}`, choices: [tailA, tailB] };
  return prefix === '' ? [choice] : [text(prefix), choice];
}

/** The template as text, without the slashes it starts or ends with. */
function withoutEndSlashes(template: Template): string {
  return formatTemplate(template).replace(/^\/+|\/+$/g, '');
}

/** The tidier of two spellings: a path that starts with a slash, a base that does not end with one. */
function slashScore(template: Template): number {
  const first = template[0];
  const last = template.at(-1);
  return (first?.kind === 'text' && first.value.startsWith('/') ? 1 : 0) + (last?.kind === 'text' && last.value.endsWith('/') ? 0 : 1);
}

function isNullish(node: TSESTree.Node): boolean {
  const expression = skipTransparent(node);
  return (
    (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined') ||
    (expression.type === AST_NODE_TYPES.Literal && (expression.value === null || expression.value === ''))
  );
}

function evaluateIdentifier(identifier: TSESTree.Identifier, file: FileContext, env: Env): Template {
  const binding = file.getBinding(identifier, env);
  if (binding?.kind === 'value') {
    if (binding.path.length === 0) {
      // `const id = param()`: an opaque value is better named by the variable than by its initializer
      const value = evaluateTemplate(binding.node, file, env);
      const only = value.length === 1 ? value[0] : undefined;
      // `const ORDERS_URL = isProd ? 'http://orders.internal:3000' : 'http://localhost:3000'`: an address configured by its name
      if (only?.kind === 'unknown' && only.addressSwitch) return [{ kind: 'config', key: identifier.name }];
      if (only?.kind === 'unknown' && !only.fallback && binding.node.type !== AST_NODE_TYPES.Identifier) return unknown(identifier.name, identifier);
      // `env.bindings` hold a wrapper's arguments: their names are the wrapper's, not the address's
      return env.bindings.size > 0 && isBoundParameter(identifier, file, env) ? value : withName(value, identifier.name);
    }
    const value = evaluatePath(binding.node, binding.path, file, env);
    return value ? withName(value, binding.path.join('.')) : unknown(identifier.name, identifier);
  }
  const token = getInjectionToken(identifier, file, env);
  if (token !== undefined) return [{ kind: 'config', key: token }];
  return ((binding === undefined || binding.kind === 'type') && evaluateAlternatives(identifier, file, env)) || unknown(identifier.name, identifier);
}

/**
 * A variable given its address in branches (`if (process.env.PAYMENT_SERVICE_URL) url =
 * process.env.PAYMENT_SERVICE_URL; else if (docker) url = \`http://payment-service:${port}\`; else
 * …`): the configured value, with what the code builds otherwise as its default, as
 * `process.env.PAYMENT_SERVICE_URL || …` reads. Undefined when no write is configuration.
 */
function evaluateAlternatives(identifier: TSESTree.Identifier, file: FileContext, env: Env): Template | undefined {
  const variable = file.findVariable(identifier);
  const values = variable && getWrittenValues(variable, identifier);
  if (!values) return undefined;
  const templates = values.map((value) => evaluateTemplate(value, file, deeper(env)));
  const configured = templates.find(isConfigured);
  if (!configured) return undefined;
  const others = templates.filter((template) => template !== configured && template[0]?.kind === 'text');
  // a default that names a host of the deployment says more than one on this machine
  const fallback = others.find((template) => !LOCAL_HOST.test((template[0] as { value: string }).value)) ?? others.at(-1);
  return [fallback ? withFallback(configured[0] as Hole, fallback) : configured[0]!];
}

const LOCAL_HOST = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::|\/|$)/i;

/**
 * `@Inject('INVENTORY_SERVICE_URL') private readonly inventoryUrl: string`: a constructor
 * parameter the container gives the value registered under a token that names it, as a config
 * key names its value (NestJS `{ provide: 'INVENTORY_SERVICE_URL', useValue: process.env.… }`).
 */
function getInjectionToken(identifier: TSESTree.Identifier, file: FileContext, env: Env): string | undefined {
  const definition = file.findVariable(identifier)?.defs[0];
  if (definition?.type !== DefinitionType.Parameter) return undefined;
  for (const decorator of getParameterDecorators(definition.name)) {
    const call = decorator.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0]) continue;
    const origin = getOrigin(call.callee, file, EMPTY_ENV);
    const imported = origin?.steps.length === 1 && origin.steps[0]?.kind === 'get' ? origin.steps[0].name : undefined;
    if (!origin || !INJECT_MODULES.has(origin.module) || !/^inject$/i.test(imported ?? '')) continue;
    const token = getStaticText(evaluateTemplate(call.arguments[0], file, deeper(env)));
    if (token) return token;
  }
  return undefined;
}

/** Modules whose `@Inject(token)` hands a constructor parameter the value a container registered under `token`. */
const INJECT_MODULES: ReadonlySet<string> = new Set(['@nestjs/common', 'typedi', 'tsyringe']);

function isBoundParameter(identifier: TSESTree.Identifier, file: FileContext, env: Env): boolean {
  const variable = file.findVariable(identifier);
  if (variable) env.dependencies?.lookUp(variable, env);
  return variable !== undefined && env.bindings.has(variable);
}

/** An absolute URL read from a named constant or key keeps the name (`LEDGER_API_URL`): it names the service. */
function withName(template: Template, name: string): Template {
  const first = template[0];
  if (first?.kind !== 'text' || first.name !== undefined || !/^[a-z][a-z0-9+.-]*:\/\//i.test(first.value)) return template;
  return [{ kind: 'text', value: first.value, name }, ...template.slice(1)];
}

/** `process.env.X`: an env hole, marked when credentials named like it sit beside it. */
function envPart(name: string, node: TSESTree.Node, file: FileContext): Part {
  return hasCredentialsBeside(name, node, file) ? { kind: 'env', name, credentialed: true } : { kind: 'env', name };
}

/** The part of an address name before its address words: `ZATCA` in `ZATCA_API_URL`, `PAYMENT_SERVICE` in `PAYMENT_SERVICE_URL`. */
const ADDRESS_SUFFIX = /(?:_(?:API|BASE|SERVER|GATEWAY|ENDPOINT|PUBLIC|ROOT))*_(?:URL|URI|HOST|HOSTNAME|DNS|ENDPOINT|ADDR|ADDRESS|ORIGIN|BASE_?URL)$/;
const CREDENTIAL_SUFFIX = /_(?:[A-Z0-9]+_)*?(?:API_?KEY|SECRET(?:_?KEY)?|CLIENT_?ID|CLIENT_?SECRET|USER_?NAME|USER|PASSWORD|PASS|TOKEN|APP_?KEY|APP_?ID|APP_?SECRET|PRIVATE_?KEY|MERCHANT(?:_?[A-Z]+)?|CSID|SIGNING_?KEY|SUBSCRIPTION_?KEY|ACCOUNT_?SID|AUTH_?TOKEN)\b/;
/** Keys of an object literal that hold a provider's credentials. */
const CREDENTIAL_KEY = /^(?:api_?key|apikey|secret|secret_?key|client_?id|client_?secret|username|user|password|pass|token|app_?key|app_?secret|app_?id|private_?key|merchant\w*|signing_?key|subscription_?key)$/i;

const credentialCache = new WeakMap<FileContext, Map<string, boolean>>();

/**
 * A provider's address comes with its credentials: `ZATCA_API_URL` read in a file that also
 * reads `ZATCA_SECRET`, or `bkash: { baseUrl: process.env.X, appKey, appSecret }`. One of your
 * own services is addressed by a name with "service" in it, or shares one internal token.
 */
function hasCredentialsBeside(name: string, node: TSESTree.Node, file: FileContext): boolean {
  const upper = name.toUpperCase();
  if (/(?:^|_)(?:SERVICE|SVC|MS|MICROSERVICE)(?:_|$)/.test(upper)) return false;
  const prefix = ADDRESS_SUFFIX.exec(upper) ? upper.replace(ADDRESS_SUFFIX, '') : undefined;
  if (prefix) {
    const owner = file.fileOf(node);
    let cache = credentialCache.get(owner);
    if (!cache) credentialCache.set(owner, (cache = new Map<string, boolean>()));
    let found = cache.get(prefix);
    if (found === undefined) {
      const pattern = new RegExp(`\\b${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${CREDENTIAL_SUFFIX.source}`);
      found = pattern.test(owner.sourceCode.text);
      cache.set(prefix, found);
    }
    if (found) return true;
  }
  // the object literal the value sits in: `{ baseUrl: process.env.X || '…', appKey: …, appSecret: … }`
  let current: TSESTree.Node | undefined = node.parent;
  while (current && (current.type === AST_NODE_TYPES.LogicalExpression || current.type === AST_NODE_TYPES.ConditionalExpression || current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSNonNullExpression)) {
    current = current.parent;
  }
  const object = current?.type === AST_NODE_TYPES.Property ? current.parent : undefined;
  return (
    object?.type === AST_NODE_TYPES.ObjectExpression &&
    object.properties.some((property) => property.type === AST_NODE_TYPES.Property && CREDENTIAL_KEY.test(getPropertyName(property) ?? ''))
  );
}

/** Is this expression `process.env` (or an alias of it)? */
function isProcessEnv(node: TSESTree.Node, file: FileContext, env: Env): boolean {
  // a parameter bound to a call of itself (`send(urllib.resolve(url, location))` in `send(url)`) leads round and round
  if (FileContext.isTooDeep(env)) return false;
  const expression = skipTransparent(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    if (getPropertyName(expression) !== 'env') return false;
    const object = skipTransparent(expression.object);
    if (object.type === AST_NODE_TYPES.MetaProperty) return true; // import.meta.env
    const origin = getOrigin(object, file, env);
    return (
      (origin?.module === 'global' && origin.steps.length === 1 && origin.steps[0]!.kind === 'get' && origin.steps[0]!.name === 'process') ||
      (origin?.module === 'process' && origin.steps.length === 0)
    );
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const origin = getOrigin(expression, file, env);
    if (origin?.module === 'process' && origin.steps.length === 1 && origin.steps[0]!.kind === 'get' && origin.steps[0]!.name === 'env') {
      return true;
    }
    const binding = file.getBinding(expression, env);
    if (binding?.kind !== 'value') return false;
    return (binding.path.length === 0 && isProcessEnv(binding.node, file, deeper(env))) || isValidatedEnv(binding.node, binding.path, file, deeper(env));
  }
  return false;
}

/**
 * `process.env` passed through a validator, read at `path` of its result: `cleanEnv(process.env,
 * { … })` (envalid), `schema.parse(process.env)` (zod), `const { value: envVars } =
 * schema.validate(process.env)` (joi), `envSchema.safeParse(process.env).data`. The validated
 * object carries the same names, so `envVars.AUTH_SERVER_URL` is the env variable `AUTH_SERVER_URL`.
 */
function isValidatedEnv(node: TSESTree.Node, path: readonly string[], file: FileContext, env: Env): boolean {
  let expression = skipTransparent(node);
  let rest = path;
  if (expression.type === AST_NODE_TYPES.MemberExpression && VALIDATED_MEMBERS.has(getPropertyName(expression) ?? '')) {
    expression = skipTransparent(expression.object);
  } else if (rest.length === 1 && VALIDATED_MEMBERS.has(rest[0]!)) {
    rest = [];
  }
  if (rest.length !== 0) return false;
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTransparent(expression.argument);
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.arguments.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isProcessEnv(argument, file, env))
  );
}

/** A property path read from a value: `const { A } = process.env`, `const { url } = config.payments`. */
function evaluatePath(base: TSESTree.Node, path: readonly string[], file: FileContext, env: Env): Template | undefined {
  if (path.length === 0) return evaluateTemplate(base, file, env);
  if (path.length === 1 && isProcessEnv(base, file, env)) return [envPart(path[0]!, base, file)];
  const enumValue = path.length === 1 ? getEnumMemberValue(base, path[0]!, file, env) : undefined;
  if (enumValue) return evaluateTemplate(enumValue, file, env);
  const object = resolveObject(base, file, env);
  if (object) {
    const value = getObjectProperty(object.node, path[0]!, file, object.env);
    return value ? evaluatePath(value.node, path.slice(1), file, value.env) : undefined;
  }
  // `getConfig().paymentServiceUrl`: read in what the function returns, its parameters bound to the arguments
  const returned = getCalledFunctionResult(base, file, env);
  if (returned) return evaluatePath(returned.node, path, file, returned.env);
  // `this.servicePaths.payment` with `this.servicePaths = isProd ? prodServicePaths : devServicePaths`: the same key of either map
  const chosen = resolveValue(base, file, env);
  const expression = skipTransparent(chosen.node);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    const consequent = evaluatePath(expression.consequent, path, file, chosen.env);
    const alternate = evaluatePath(expression.alternate, path, file, chosen.env);
    return consequent && alternate ? combineBranches(consequent, alternate, path.at(-1)) : undefined;
  }
  const root = getMemberRootName(base);
  // `services.ledger` of `const services = JSON.parse(process.env.SERVICES)`; one imported from a config module is read there (or is unknown without the project layer)
  const services = root !== undefined && SERVICES_MAP.test(root) && !isImported(base, file, env);
  if (root !== undefined && (services || CONFIG_RECEIVER.test(root))) {
    // a map of addresses (`serviceUrls.PAYMENT`) keeps its own name: the key says it holds URLs
    const map = services || ADDRESS_MAP.test(root);
    const key = [...(map ? [root] : []), ...getMemberPathNames(base), ...path].join('.');
    if (map) return [{ kind: 'config', key, addressMap: true }];
    // an env variable read through a validated env object (`env.CARDCONNECT_API_URL` beside `env.CARDCONNECT_USERNAME`): a provider's, as from `process.env`
    return [path.length === 1 && hasCredentialsBeside(path[0]!, base, file) ? { kind: 'config', key, credentialed: true } : { kind: 'config', key }];
  }
  // the configuration a framework hangs on its instance: `app.config.CREDITS_SERVICE_URL` (@fastify/env), `req.app.settings.x`
  const names = getMemberPathNames(base);
  const at = names.findIndex((name) => INSTANCE_CONFIG.test(name));
  if (root !== undefined && at !== -1) return [{ kind: 'config', key: [...names.slice(at + 1), ...path].join('.') }];
  return undefined;
}

/** Whether the root of a member chain is a name imported from another module: `services` of `const { services } = require('./config')`. */
function isImported(node: TSESTree.Node, file: FileContext, env: Env): boolean {
  let current = skipTransparent(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.object);
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = file.getBinding(current, env);
  return binding?.kind === 'import' || (binding?.kind === 'value' && getRequireSource(skipTransparent(binding.node)) !== undefined);
}

/** `DownstreamApps.ORDER` of `enum DownstreamApps { ORDER = 'order' }`, declared here or imported: its initializer. */
function getEnumMemberValue(base: TSESTree.Node, name: string, file: FileContext, env: Env): TSESTree.Expression | undefined {
  const object = skipTransparent(base);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const binding = file.getBinding(object, env);
  return binding?.kind === 'enum' ? (findEnumMember(binding.node, name)?.initializer ?? undefined) : undefined;
}

/** The key a member reads: its name, or a computed key whose value is known (`services[name]` with `name` bound to 'inventory'). */
function getMemberKey(member: TSESTree.MemberExpression, file: FileContext, env: Env): string | undefined {
  const name = getPropertyName(member);
  if (name !== undefined || !member.computed) return name;
  return getStaticText(evaluateTemplate(member.property, file, deeper(env)));
}

function evaluateMember(member: TSESTree.MemberExpression, file: FileContext, env: Env): Template {
  const name = getMemberKey(member, file, env);
  if (name === undefined) return unknown(file.getText(member).slice(0, 40));
  if (isProcessEnv(member.object, file, env)) return [envPart(name, member, file)];
  if (member.object.type === AST_NODE_TYPES.ThisExpression) {
    const value = getThisMemberValue(member, name, file, env);
    return value ? evaluateTemplate(value, file, env) : (evaluateGetter(member, file, env) ?? unknown(name, member));
  }
  // `this.appConfig.paymentsUrl`: a getter of a project class, read as it runs
  const fromGetter = evaluateGetter(member, file, env);
  if (fromGetter) return fromGetter;
  if (URL_PARTS.has(name)) {
    const url = evaluateUrlObject(member.object, file, env);
    if (url) return getUrlPart(url, name);
  }
  const fromObject = evaluatePath(member.object, [name], file, env);
  if (fromObject) return withName(fromObject, [getMemberRootName(member) ?? '', ...getMemberPathNames(member.object), name].join('.'));
  return unknown(name, member);
}

function evaluateCall(call: TSESTree.CallExpression, file: FileContext, env: Env): Template {
  const callee = skipTransparent(call.callee);
  const first = call.arguments[0];
  const fromEnvVar = evaluateEnvVarChain(call, file, env);
  if (fromEnvVar) return fromEnvVar;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(callee);
    // configService.get('PAYMENTS_URL'), config.get('services.payments.url')
    // the key may be a constant: `configService.get(PAYMENTS_URL_KEY)`, `config.get(`services.${name}.url`)` in a bound factory
    const key = name !== undefined && CONFIG_GETTERS.has(name) && first && first.type !== AST_NODE_TYPES.SpreadElement
      ? getStaticText(evaluateTemplate(first, file, deeper(env)))
      : undefined;
    if (key !== undefined) {
      const receiver = getMemberRootName(callee.object) ?? '';
      const receiverName = callee.object.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee.object) ?? '' : receiver;
      if (CONFIG_RECEIVER.test(receiverName) || CONFIG_RECEIVER.test(receiver)) {
        const fallback = call.arguments[1];
        return [
          fallback && fallback.type !== AST_NODE_TYPES.SpreadElement && fallback.type !== AST_NODE_TYPES.ObjectExpression
            ? { kind: 'config', key, fallback: evaluateTemplate(fallback, file, env) }
            : { kind: 'config', key },
        ];
      }
    }
    if (name === 'toString' && call.arguments.length === 0) {
      return evaluateUrlObject(callee.object, file, env) ?? evaluateTemplate(callee.object, file, env);
    }
    // `base.trim()`, `base.replace(/\/+$/, '')`: the same address, tidied
    if (name !== undefined && TIDYING_METHODS.has(name) && call.arguments.length === 0) {
      return tidy(evaluateTemplate(callee.object, file, env), name);
    }
    // `service.toUpperCase()` in `${service.toUpperCase()}_SERVICE_URL`
    if ((name === 'toUpperCase' || name === 'toLowerCase') && call.arguments.length === 0) {
      const upper = name === 'toUpperCase';
      return evaluateTemplate(callee.object, file, env).map((part) =>
        part.kind === 'text' ? text(upper ? part.value.toUpperCase() : part.value.toLowerCase()) : part,
      );
    }
    // `base.slice(0, -1)` under `base.endsWith('/') ? … : base`: a trailing slash dropped
    if (name === 'slice' && isDropLast(call.arguments)) return dropLastCharacter(evaluateTemplate(callee.object, file, env));
    if ((name === 'replace' || name === 'replaceAll') && call.arguments.length === 2) {
      const replaced = replaceInText(name, callee.object, call.arguments, file, env);
      if (replaced) return replaced;
    }
    if (name === 'join' && callee.object.type === AST_NODE_TYPES.ArrayExpression) {
      const separator = first && first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : ',';
      const pieces: Template[] = [];
      callee.object.elements.forEach((element, index) => {
        if (index > 0) pieces.push([text(separator)]);
        pieces.push(element && element.type !== AST_NODE_TYPES.SpreadElement ? evaluateTemplate(element, file, env) : unknown('…'));
      });
      return concat(...pieces);
    }
  }
  if (callee.type === AST_NODE_TYPES.Identifier && TRANSPARENT_FUNCTIONS.has(callee.name) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
    return evaluateTemplate(first, file, env);
  }
  // path.join / posix.join / url-join style helpers glue pieces with '/'
  const origin = getOrigin(callee, file, env);
  if (origin && isPathJoin(origin.module, origin.steps)) {
    const pieces: Template[] = [];
    call.arguments.forEach((argument, index) => {
      if (index > 0) pieces.push([text('/')]);
      pieces.push(argument.type === AST_NODE_TYPES.SpreadElement ? unknown('…') : evaluateTemplate(argument, file, env));
    });
    return normalizeSlashes(concat(...pieces));
  }
  const fromEnv = evaluateEnvReader(call, file, env);
  if (fromEnv) return fromEnv;
  const local = evaluateLocalFunctionCall(call, file, env);
  // what a function of the project returns says more than its name, unless it says nothing
  const opaque = !local || (local.length === 1 && local[0]!.kind === 'unknown' && !local[0]!.fallback);
  const fromRegistry = opaque ? evaluateServiceLookup(call, file, env) : undefined;
  return fromRegistry ?? local ?? unknown(`${file.getText(callee).slice(0, 40)}()`);
}

/** The methods of env-var's reader that hand the variable's value on: checks, casts, a default. */
const ENV_VAR_CHAIN: ReadonlySet<string> = new Set(['required', 'default', 'example', 'description', 'asString', 'asUrlString', 'asUrlObject', 'asPortNumber', 'asEnum']);

/**
 * env-var's `get('PRODUCTS_API_URL').required().asString()` (also `env.get(…)` of its default
 * export, and `.default('http://localhost:3001')`): the variable the innermost `get` names.
 */
function evaluateEnvVarChain(call: TSESTree.CallExpression, file: FileContext, env: Env): Template | undefined {
  let current: TSESTree.Node = call;
  let fallback: TSESTree.Node | undefined;
  for (;;) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipTransparent(current.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined || !ENV_VAR_CHAIN.has(name)) break;
    if (name === 'default' && current.arguments[0]) fallback ??= current.arguments[0];
    current = skipTransparent(callee.object);
  }
  if (current.type !== AST_NODE_TYPES.CallExpression || !isEnvVarGet(current, file, env)) return undefined;
  const first = current.arguments[0];
  const name = first && first.type !== AST_NODE_TYPES.SpreadElement ? getStaticText(evaluateTemplate(first, file, deeper(env))) : undefined;
  if (name === undefined) return undefined;
  return [fallback ? { kind: 'env', name, fallback: evaluateTemplate(fallback, file, env) } : { kind: 'env', name }];
}

/** `get` of the env-var package: imported by name, or a member of its default export. */
function isEnvVarGet(call: TSESTree.CallExpression, file: FileContext, env: Env): boolean {
  const callee = skipTransparent(call.callee);
  const last = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  // the name first: every call of a template passes here, few of them env-var's
  if (last !== 'get') return false;
  const origin = getOrigin(callee, file, env);
  if (origin?.module !== 'env-var') return false;
  const names = origin.steps.map((step) => (step.kind === 'get' ? step.name : undefined));
  return names.at(-1) === 'get' && names.slice(0, -1).every((name) => name === 'default');
}

/** A helper named for reading the environment: `getEnv`, `getEnvVariable`, `requireEnv`, `env`, `readEnvOr`. */
const ENV_READER = /^(?:get|read|require|must|load|from)?_?env(?:ironment)?(?:_?var(?:iable)?)?(?:_?or\w*)?$/i;

/**
 * `getEnvVariable('PAYMENT_API_URL', String, 'http://localhost:5505')`: a helper of the project's
 * that reads the variable its first argument names, with a default among the others. What it
 * does with the value (casts, checks) leaves the address where the variable says.
 */
function evaluateEnvReader(call: TSESTree.CallExpression, file: FileContext, env: Env): Template | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (!ENV_READER.test(callee.name) && !readsEnvByFirstParameter(file.getDeclaredFunction(callee, env), file, 0)) return undefined;
  const [first, ...rest] = call.arguments;
  const name = first && first.type !== AST_NODE_TYPES.SpreadElement ? getStaticText(evaluateTemplate(first, file, deeper(env))) : undefined;
  if (name === undefined || !/^[A-Z][A-Z0-9_]*$/.test(name)) return undefined;
  const fallback = rest.find((argument): argument is TSESTree.Literal | TSESTree.TemplateLiteral => argument.type === AST_NODE_TYPES.Literal ? typeof argument.value === 'string' : argument.type === AST_NODE_TYPES.TemplateLiteral);
  return [fallback ? { kind: 'env', name, fallback: evaluateTemplate(fallback, file, env) } : { kind: 'env', name }];
}

/**
 * A function of the project, whatever its name, that reads the variable its first parameter names:
 * `const getString = (name, fallback = '') => { const value = process.env[name]; … }`, or that
 * hands its first parameter on to such a function (`getRequiredString(name)` calling
 * `getString(name, fallback)`). Read once per function.
 */
function readsEnvByFirstParameter(fn: TSESTree.Node | undefined, file: FileContext, depth: number): boolean {
  if (!fn || !isFunctionNode(fn) || depth > 2) return false;
  let known = envReaders.get(fn);
  if (known === undefined) {
    known = false;
    const first = fn.params[0];
    const name = first?.type === AST_NODE_TYPES.Identifier ? first.name : first?.type === AST_NODE_TYPES.AssignmentPattern && first.left.type === AST_NODE_TYPES.Identifier ? first.left.name : undefined;
    if (name !== undefined && fn.body) {
      const text = file.fileOf(fn).sourceCode.getText(fn.body);
      // the text first: most functions called in an address read no variable at all
      if (text.includes(name) && (text.includes('env[') || text.includes(`(${name}`))) {
        walk(fn.body, file.fileOf(fn).visitorKeys, (node) => {
          if (known) return;
          if (node.type === AST_NODE_TYPES.MemberExpression && node.computed && isParameterNamed(node.property, name) && isProcessEnv(node.object, file, EMPTY_ENV)) known = true;
          else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.arguments[0] && isParameterNamed(node.arguments[0], name)) {
            known = readsEnvByFirstParameter(file.getDeclaredFunction(node.callee), file, depth + 1);
          }
        });
      }
    }
    envReaders.set(fn, known);
  }
  return known;
}

const envReaders = new WeakMap<TSESTree.Node, boolean>();

function isParameterNamed(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** A function named for looking up a service's address: `getServiceUrl`, `resolveServiceAddress`, `lookupServiceEndpoint`. */
const SERVICE_LOOKUP = /^(?:get|resolve|lookup|find|discover|locate)_?(?:service|svc)_?(?:url|uri|address|addr|endpoint|host|base_?url|location)$/i;
/** A receiver named for a service registry: `registry`, `serviceDiscovery`, `consulClient`, `eureka`. */
const REGISTRY_RECEIVER = /registry|discovery|consul|eureka|nacos|locator/i;
/** What a registry is asked for an address by: `registry.resolve('payments')`, `discovery.getUrl(name)`. */
const REGISTRY_METHODS: ReadonlySet<string> = new Set(['resolve', 'lookup', 'discover', 'locate', 'find', 'get', 'getUrl', 'getAddress', 'getEndpoint', 'getBaseUrl', 'getHost', 'url', 'address', 'endpoint']);

/**
 * `await this.getServiceUrl('payment-service')`, `registry.resolve(serviceName)` with the name
 * given at the call: the address a service registry (Consul, Eureka, a table of the project's)
 * holds for the service the argument names. How the registry finds it does not matter; the
 * name says which of your services is addressed. Undefined when the name is not known here.
 */
function evaluateServiceLookup(call: TSESTree.CallExpression, file: FileContext, env: Env): Template | undefined {
  const callee = skipTransparent(call.callee);
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  if (name === undefined) return undefined;
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
  const receiverNames = receiver ? [getMemberRootName(receiver), receiver.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(receiver) : undefined] : [];
  const lookup = SERVICE_LOOKUP.test(name) || (REGISTRY_METHODS.has(name) && receiverNames.some((each) => each !== undefined && REGISTRY_RECEIVER.test(each)));
  if (!lookup) return undefined;
  const key = getStaticText(evaluateTemplate(first, file, deeper(env)));
  // a service's name, not an address or a path
  if (key === undefined || !/^[A-Za-z][\w.-]*$/.test(key)) return undefined;
  return [{ kind: 'config', key, addressMap: true, registry: true }];
}

/** `(0, -1)`. */
function isDropLast(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  const [start, end] = args;
  return (
    args.length === 2 &&
    start?.type === AST_NODE_TYPES.Literal &&
    start.value === 0 &&
    end?.type === AST_NODE_TYPES.UnaryExpression &&
    end.operator === '-' &&
    end.argument.type === AST_NODE_TYPES.Literal &&
    end.argument.value === 1
  );
}

/** The template less its last character, when that is known text; what it does not know is kept. */
function dropLastCharacter(template: Template): Template {
  const last = template.at(-1);
  if (last?.kind !== 'text') return template;
  return last.value.length > 1 ? [...template.slice(0, -1), text(last.value.slice(0, -1))] : template.slice(0, -1);
}

/** String methods that leave an address as it is but for surrounding blanks. */
const TIDYING_METHODS: ReadonlySet<string> = new Set(['trim', 'trimEnd', 'trimStart', 'trimRight', 'trimLeft']);

function tidy(template: Template, method: string): Template {
  const start = method === 'trim' || method === 'trimStart' || method === 'trimLeft';
  const end = method === 'trim' || method === 'trimEnd' || method === 'trimRight';
  return mapText(template, (value, index) => {
    const trimmed = start && index === 0 ? value.trimStart() : value;
    return end && index === template.length - 1 ? trimmed.trimEnd() : trimmed;
  });
}

/** The template with each text part rewritten by `rewrite` (given its index), text left empty dropped. */
function mapText(template: Template, rewrite: (value: string, index: number) => string): Template {
  return template
    .map((part, index) => {
      if (part.kind !== 'text') return part;
      const value = rewrite(part.value, index);
      return value === part.value ? part : text(value);
    })
    .filter((part) => part.kind !== 'text' || part.value !== '');
}

/**
 * `base.replace(/\/+$/, '')`, `path.replace(/^\//, '')`: a replacement written with a regular
 * expression (or string) and a string literal, applied to the text the template knows. An
 * anchored expression applies to the end it is anchored at; what the template does not know
 * (an environment variable) is kept as it is. A replacement that is a value
 * (`paths.PAYMENT.replace(':id', userId)`) fills a path parameter: its value takes the place of
 * the text matched.
 */
function replaceInText(method: string, object: TSESTree.Expression, args: TSESTree.CallExpressionArgument[], file: FileContext, env: Env): Template | undefined {
  const [pattern, replacement] = args;
  if (!replacement || replacement.type === AST_NODE_TYPES.SpreadElement) return undefined;
  let regex: RegExp;
  if (pattern?.type === AST_NODE_TYPES.Literal && 'regex' in pattern && pattern.regex) {
    try {
      regex = new RegExp(pattern.regex.pattern, pattern.regex.flags);
    } catch {
      return undefined;
    }
  } else if (pattern?.type === AST_NODE_TYPES.Literal && typeof pattern.value === 'string') {
    regex = new RegExp(pattern.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), method === 'replaceAll' ? 'g' : '');
  } else {
    return undefined;
  }
  const template = evaluateTemplate(object, file, env);
  const atStart = regex.source.startsWith('^');
  const atEnd = regex.source.endsWith('$') && !regex.source.endsWith('\\$');
  if (replacement.type !== AST_NODE_TYPES.Literal || typeof replacement.value !== 'string') {
    // a function replaces each match with what it returns, which is not known
    const value = isFunctionNode(replacement) ? unknown('…') : evaluateTemplate(replacement, file, env);
    return atStart || atEnd ? undefined : spliceText(template, regex, value);
  }
  const value = replacement.value;
  return mapText(template, (part, index) => ((atStart && index !== 0) || (atEnd && index !== template.length - 1) ? part : part.replace(regex, value)));
}

/** The template with the first text `regex` matches (each, when it is global) replaced by `value`. */
function spliceText(template: Template, regex: RegExp, value: Template): Template {
  const global = regex.flags.includes('g');
  const every = new RegExp(regex.source, global ? regex.flags : `${regex.flags}g`);
  const pieces: Template[] = [];
  let replaced = false;
  for (const part of template) {
    if (part.kind !== 'text' || (replaced && !global)) {
      pieces.push([part]);
      continue;
    }
    let from = 0;
    for (const match of part.value.matchAll(every)) {
      if (match[0] === '') break;
      pieces.push([text(part.value.slice(from, match.index))], value);
      from = match.index + match[0].length;
      replaced = true;
      if (!global) break;
    }
    pieces.push(from === 0 ? [part] : [text(part.value.slice(from))]);
  }
  return concat(...pieces).filter((part) => part.kind !== 'text' || part.value !== '');
}

function isPathJoin(module: string, steps: readonly { kind: string; name?: string }[]): boolean {
  const names = steps.map((step) => (step.kind === 'get' ? step.name : step.kind));
  if (module === 'path' || module === 'path/posix') return names.at(-1) === 'join' || names.at(-1) === 'resolve';
  if (module === 'url-join' || module === 'proper-url-join') return names.length === 0;
  if (module === 'url') return names.at(-1) === 'resolve';
  return false;
}

function normalizeSlashes(template: Template): Template {
  return template.map((part) =>
    part.kind === 'text' ? text(part.value.replace(/([^:/])\/{2,}/g, '$1/').replace(/^\/{2,}/, '/')) : part,
  );
}

/** `new URL(path, base)` and `new URL(href)`. */
function evaluateNewUrl(node: TSESTree.NewExpression, file: FileContext, env: Env): Template | undefined {
  const origin = getOrigin(node.callee, file, env);
  const isUrl =
    origin &&
    origin.steps.length === 1 &&
    origin.steps[0]!.kind === 'get' &&
    origin.steps[0]!.name === 'URL' &&
    (origin.module === 'global' || origin.module === 'url');
  if (!isUrl) return undefined;
  const [input, base] = node.arguments;
  if (!input || input.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const path = evaluateTemplate(input, file, env);
  if (!base || base.type === AST_NODE_TYPES.SpreadElement) return path;
  const first = path[0];
  if (first?.kind === 'text' && /^[a-z][a-z0-9+.-]*:\/\//i.test(first.value)) return path;
  return resolveUrl(evaluateTemplate(base, file, env), path);
}

/**
 * `new URL(path, base)`: an absolute path replaces the base's path, a relative one its last
 * segment. Only a literal base shows its path; a configured base is joined like `baseURL`.
 */
function resolveUrl(base: Template, path: Template): Template {
  const head = base[0];
  const first = path[0];
  const literalBase = head?.kind === 'text' && base.length === 1 ? /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(head.value) : null;
  if (!literalBase || first?.kind !== 'text') return joinUrl(base, path);
  const origin = literalBase[1]!;
  if (first.value.startsWith('/')) return concat([text(origin)], path);
  const directory = (literalBase[2] ?? '').replace(/[^/]*$/, '') || '/';
  return concat([text(origin + directory)], path);
}

/** Joins a base URL and a path the way `new URL(path, base)` and axios `baseURL` do, for our purposes. */
export function joinUrl(base: Template, path: Template): Template {
  const last = base.at(-1);
  const first = path[0];
  if (last?.kind === 'text' && last.value.endsWith('/') && first?.kind === 'text' && first.value.startsWith('/')) {
    return concat(base.slice(0, -1), [text(last.value.slice(0, -1))], path);
  }
  if ((last?.kind !== 'text' || !last.value.endsWith('/')) && first?.kind === 'text' && !first.value.startsWith('/') && first.value !== '') {
    return concat(base, [text('/')], path);
  }
  return concat(base, path);
}

function evaluateUrlObject(node: TSESTree.Node, file: FileContext, env: Env): Template | undefined {
  const expression = skipTransparent(node);
  if (expression.type === AST_NODE_TYPES.NewExpression) return evaluateNewUrl(expression, file, env);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const binding = file.getBinding(expression, env);
    if (binding?.kind === 'value' && binding.path.length === 0) return evaluateUrlObject(binding.node, file, deeper(env));
  }
  return undefined;
}

/**
 * A call to a function of the project that computes a string: `url(path)` after
 * `const url = (path) => `${BASE}${path}``, `withApi(process.env.X, 'http://…')`: its one
 * returned expression, evaluated with the parameters bound to the arguments.
 */
function evaluateLocalFunctionCall(call: TSESTree.CallExpression, file: FileContext, env: Env): Template | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return evaluateMethodCall(call, file, env);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const fn = file.getDeclaredFunction(callee, env);
  const returned = fn && (getSingleReturnedExpression(fn) ?? getUndecoratedReturn(fn, file));
  if (!fn || !returned) return undefined;
  return evaluateTemplate(returned, file, bindArguments(fn, call, file, env));
}

/**
 * A function whose returns all give one value, some with text added around it (`if (prefixed)
 * return \`/api${path}\`; return path;`): that value, as it holds the part every return shares.
 */
function getUndecoratedReturn(fn: TSESTree.Node, file: FileContext): TSESTree.Expression | undefined {
  if (!isFunctionNode(fn) || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const returned: (TSESTree.Expression | null)[] = [];
  walk(fn.body, file.fileOf(fn).visitorKeys, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) returned.push(node.argument);
    return true;
  });
  if (returned.length < 2) return undefined;
  const base = returned.find((value) => value && skipTransparent(value).type === AST_NODE_TYPES.Identifier);
  return base && returned.every((value) => value === base || (value && decorates(value, base))) ? base : undefined;
}

/** What a call of a plain function returns, when it returns one expression: `getConfig()` → `result.data`. */
function getCalledFunctionResult(node: TSESTree.Node, file: FileContext, env: Env): Located | undefined {
  if (FileContext.isTooDeep(env)) return undefined;
  const call = skipTransparent(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const fn = file.getDeclaredFunction(callee, env);
  const returned = fn && getSingleReturnedExpression(fn);
  return fn && returned ? { node: returned, env: bindArguments(fn, call, file, deeper(env)) } : undefined;
}

/**
 * `this.http.composeServiceUrl(DownstreamApps.ORDER, '/orders')`, `urls.forService('billing')`:
 * a method of a project class that returns one expression, read with its arguments (and its
 * instance's constructor arguments) bound.
 */
function evaluateMethodCall(call: TSESTree.CallExpression, file: FileContext, env: Env): Template | undefined {
  const target = resolveCallTarget(call.callee, file, env);
  const returned = target && getSingleReturnedExpression(target.fn);
  if (!target || !returned) return undefined;
  const inside = enterCallTarget(target, call, file, env);
  // the depth counts on from the call, not from where the instance was built: a method that calls itself ends
  return evaluateTemplate(returned, file, { ...inside, depth: Math.max(inside.depth, env.depth + 1) });
}

/**
 * A getter of a project class that returns one expression (`get paymentsUrl() { return
 * this.config.get('PAYMENTS_URL'); }`), read on the instance a member read names.
 */
function evaluateGetter(member: TSESTree.MemberExpression, file: FileContext, env: Env): Template | undefined {
  const target = resolveGetter(member, file, env);
  const returned = target && getSingleReturnedExpression(target.fn);
  if (!target || !returned) return undefined;
  const inside = enterInstance(target, file, env);
  return evaluateTemplate(returned, file, { ...inside, depth: Math.max(inside.depth, env.depth + 1) });
}

/**
 * The expression a function returns when it returns one: an arrow's body, or the argument of
 * the only `return`, the last statement of its body. `const` declarations and guards that only
 * throw (`if (!url) throw new Error(…)`) may come before it.
 */
export function getSingleReturnedExpression(fn: TSESTree.FunctionLike | TSESTree.Node): TSESTree.Expression | undefined {
  if (!isFunctionNode(fn)) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const statements = fn.body.body;
  const last = statements.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return undefined;
  return statements.slice(0, -1).every(isValueNeutral) ? last.argument : undefined;
}

/** A statement that neither returns nor changes what the final `return` gives: a `const`, a guard that throws. */
function isValueNeutral(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) return statement.kind === 'const';
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  const consequent = statement.consequent;
  const body = consequent.type === AST_NODE_TYPES.BlockStatement ? consequent.body : [consequent];
  return body.at(-1)?.type === AST_NODE_TYPES.ThrowStatement && body.every((item) => item.type === AST_NODE_TYPES.ThrowStatement || item.type === AST_NODE_TYPES.ExpressionStatement);
}

/**
 * The identifier at the root of a member chain: `config` for `config.services.payments`, and
 * for `this.config.services.payments` (an injected or stored config object is its field) or
 * `global.gConfig.order_url` (a config object a service's entry point hangs on the global object).
 */
function getMemberRootName(node: TSESTree.Node): string | undefined {
  let current = skipTransparent(node);
  let field: TSESTree.MemberExpression | undefined;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    field = current;
    current = skipTransparent(current.object);
  }
  if (isHolder(current)) return field && getPropertyName(field);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  return undefined;
}

/** `this`, or Node's global object (`global`, `globalThis`): what holds a config object as its field. */
function isHolder(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ThisExpression || (node.type === AST_NODE_TYPES.Identifier && (node.name === 'global' || node.name === 'globalThis'));
}

/** Property names below the root: `['services', 'payments']` for `config.services.payments`, `this.config.services.payments` and `global.config.services.payments`. */
function getMemberPathNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current = skipTransparent(node);
  while (current.type === AST_NODE_TYPES.MemberExpression && !isHolder(skipTransparent(current.object))) {
    names.unshift(getPropertyName(current) ?? '?');
    current = skipTransparent(current.object);
  }
  return names;
}

/** The holes of a template, in order. */
export function getHoles(template: Template): Hole[] {
  return template.filter((part): part is Hole => part.kind !== 'text');
}
