/**
 * Where a request goes: one of your own services (internal), a third party (external),
 * a relative URL, or unknown; with the service's name and how it was recognised.
 * Service runtimes that proxy over HTTP count for what they do (Dapr invoke vs publish).
 */
import { NON_HTTP_STORE_WORDS } from '../../catalog/words.js';
import { normalizeServiceName, type Settings } from '../../options.js';
import { formatTemplate, getStaticText, type Hole, type Template } from '../code/template.js';
import { splitWords, toUpperSnake } from '../code/words.js';

export type TargetKind =
  /** one of your services: reported when the write is critical */
  | 'internal'
  /** a third party or infrastructure */
  | 'external'
  /** a URL with no visible base */
  | 'relative'
  | 'unknown'
  /** the write goes to a broker through a sidecar (Dapr publish): already asynchronous */
  | 'publish'
  /** the service's own storage through a sidecar (Dapr state, bindings) */
  | 'storage';

export interface Target {
  readonly kind: TargetKind;
  /** the service's name for messages: `payments`, `localhost:4001` */
  readonly service: string | undefined;
  /** how it was recognised: `env PAYMENTS_SERVICE_URL`, `host payments:8080` */
  readonly via: string;
  /** the URL path, holes rendered as `{name}` */
  readonly path: Template;
  /** the port of the local address a configured base falls back to: `5004` for `process.env.DELIVERY_SERVICE_URL || 'http://localhost:5004'` */
  readonly defaultPort?: string;
}

interface ParsedUrl {
  /** for absolute URLs: the authority (host and port), possibly with holes */
  readonly authority?: Template;
  /** for URLs whose base is a value: the hole holding it */
  readonly base?: Hole;
  readonly path: Template;
}

const SCHEME = /^([a-z][a-z0-9+.-]*:)?\/\//i;

export function parseUrl(url: Template): ParsedUrl {
  const first = url[0];
  if (!first) return { path: [] };
  if (first.kind !== 'text') {
    // `${protocol}://${host}:${port}`: a scheme chosen when it runs, then the authority as usual
    const next = url[1];
    if (next?.kind === 'text' && next.value.startsWith('://')) return parseUrl([{ kind: 'text', value: `http${next.value}` }, ...url.slice(2)]);
    return { base: first, path: skipPort(url.slice(1)) };
  }
  const scheme = SCHEME.exec(first.value);
  if (!scheme) return { path: url };
  const rest: Template = [{ kind: 'text', value: first.value.slice(scheme[0].length) }, ...url.slice(1)];
  const authority: Template[number][] = [];
  // `http://localhost:${PORT}${path}`: the authority takes one value after the port's colon; a second is the path
  let port: 'none' | 'open' | 'taken' = 'none';
  for (let index = 0; index < rest.length; index += 1) {
    const part = rest[index]!;
    if (part.kind !== 'text') {
      if (port === 'taken') return { authority, path: rest.slice(index) };
      if (port === 'open') port = 'taken';
      authority.push(part);
      continue;
    }
    const portMark: RegExpExecArray | null = port === 'none' ? /(?:^|[^:\]]):(\d*)$/.exec(part.value) : null;
    if (portMark) port = portMark[1] ? 'taken' : 'open';
    else if (port === 'open') port = 'taken';
    const cut = part.value.search(/[/?#]/);
    if (cut === -1) {
      authority.push(part);
      continue;
    }
    if (cut > 0) authority.push({ kind: 'text', value: part.value.slice(0, cut) });
    return { authority, path: [{ kind: 'text', value: part.value.slice(cut) }, ...rest.slice(index + 1)] };
  }
  return { authority, path: [] };
}

/** `${HOST}:${PORT}/orders` → `/orders`: a port after a configured host is not part of the path. */
function skipPort(rest: Template): Template {
  const head = rest[0];
  if (head?.kind !== 'text' || !head.value.startsWith(':')) return rest;
  for (let index = 0; index < rest.length; index += 1) {
    const part = rest[index]!;
    if (part.kind !== 'text') continue;
    const slash = part.value.search(/[/?#]/);
    if (slash !== -1) return [{ kind: 'text', value: part.value.slice(slash) }, ...rest.slice(index + 1)];
  }
  return [];
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1', 'host.docker.internal']);
/**
 * Domains of hosting platforms under which each app gets a name of its own
 * (`orders-api.onrender.com`, `ledger.fly.dev`): the apps a team deploys there, not a vendor's
 * API. Front-end hosts (Vercel, Netlify) are left out.
 */
const APP_PLATFORM_SUFFIXES = ['.onrender.com', '.herokuapp.com', '.railway.app', '.fly.dev', '.run.app', '.azurewebsites.net', '.appspot.com', '.koyeb.app'];

const INTERNAL_SUFFIXES = ['.svc.cluster.local', '.cluster.local', '.svc', '.internal', '.local', '.lan', '.consul', '.intranet', '.corp', '.home.arpa'];
const PRIVATE_IPV4 = /^(?:10\.\d+|192\.168|172\.(?:1[6-9]|2\d|3[01]))\.\d+\.\d+$/;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;
const DAPR_API = /^\/v1\.0(?:-(?:alpha|beta)\d+)?\//;

/** What the request itself says about its target beyond the URL. */
export interface TargetHints {
  /** Dapr service invocation by header: `dapr-app-id: payments` on a request to the sidecar */
  readonly daprAppId?: string;
}

export function classifyTarget(url: Template | undefined, settings: Settings, hints: TargetHints = {}): Target {
  const target = classifyUrl(url, settings, hints);
  // services are named the way the code names them: `SETTINGS.LEDGER_API_URL = 'http://localhost:4010'` is the ledger
  const first = url?.[0];
  // the key that holds the address names the service (`SETTINGS.LEDGER_API_URL`), else the path to it (`services.payments.url`)
  const keys = first?.kind === 'text' && first.name !== undefined ? first.name.split('.') : [];
  const lastWords = splitWords(keys.at(-1) ?? '');
  const words = serviceNameFromWords(lastWords, settings) !== undefined ? lastWords : splitWords(keys.join(' '));
  // a sidecar or proxy forwards to the service its headers name (Dapr): the name of its address is not the target's
  const named =
    target.kind === 'internal' && words.length > 0 && !target.via.includes('Dapr') && !settings.infrastructureWords.find(words) && !words.includes('sidecar')
      ? serviceNameFromWords(words, settings)
      : undefined;
  const routed = routeThroughGateway(named ? { ...target, service: named, via: `${target.via} (${first?.kind === 'text' ? first.name : ''})` } : target);
  const defaultPort = routed.kind === 'internal' ? getDefaultPort(url) : undefined;
  return defaultPort ? { ...routed, defaultPort } : routed;
}

/** A local address and its port: `localhost:3004` (the port is group 1). */
export const LOCAL_ADDRESS = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0):(\d+)$/;

/** The port of a local address a URL's base falls back to: `process.env.X || 'http://localhost:5004'`. */
function getDefaultPort(url: Template | undefined): string | undefined {
  const base = url && parseUrl(url).base;
  const fallback = base?.fallback;
  const authority = fallback && parseUrl(fallback).authority;
  if (!authority?.every((part) => part.kind === 'text')) return undefined;
  return LOCAL_ADDRESS.exec(authority.map((part) => (part.kind === 'text' ? part.value : '')).join(''))?.[1];
}

/** Names of an API gateway of your own, once words such as `api` and `service` are left out: `api-gateway`, `GATEWAY_URL`, `apigw`. */
const GATEWAY_NAMES: ReadonlySet<string> = new Set(['gateway', 'gw', 'apigateway', 'apigw']);
const GATEWAY_FILLER: ReadonlySet<string> = new Set(['api', 'service', 'svc', 'server', 'http', 'internal']);
/** Leading path segments that name no service: `/api/v1/…`. */
const ROUTE_PREFIX = /^(?:api|apis|v\d+(?:\.\d+)?|internal|public|private|rest)$/i;

/**
 * A request to your own API gateway (`http://api-gateway:8080/api/auth/register-doctor`) goes to
 * the service the gateway routes its path to: named by the path's first segment past its
 * prefixes (`auth`). Unchanged when that segment is not written out.
 */
function routeThroughGateway(target: Target): Target {
  if (target.kind !== 'internal' || target.service === undefined) return target;
  const words = splitWords(target.service).filter((word) => !GATEWAY_FILLER.has(word));
  if (words.length !== 1 || !GATEWAY_NAMES.has(words[0]!)) return target;
  const first = target.path[0];
  if (first?.kind !== 'text') return target;
  const text = first.value.split(/[?#]/)[0]!;
  // a segment counts when written whole: followed by `/`, or ending a path that is all text
  const whole = target.path.length === 1 ? text : text.slice(0, text.lastIndexOf('/') + 1);
  const segment = whole.split('/').find((part) => part !== '' && !ROUTE_PREFIX.test(part));
  return segment === undefined ? target : { ...target, service: segment, via: `${target.via}, routed by the gateway to "${segment}"` };
}

function classifyUrl(url: Template | undefined, settings: Settings, hints: TargetHints): Target {
  if (!url || url.length === 0) return { kind: 'unknown', service: undefined, via: 'no URL', path: [] };
  const parsed = parseUrl(url);
  // the dapr-app-id header is read by the sidecar, wherever its address comes from (`${DAPR_HOST}:${DAPR_HTTP_PORT}`)
  if (hints.daprAppId && isSidecarAddress(parsed)) {
    return { kind: 'internal', service: hints.daprAppId, via: 'Dapr invoke (dapr-app-id header)', path: parsed.path };
  }
  if (parsed.authority) return classifyAuthority(parsed.authority, parsed.path, settings, url, hints);
  if (parsed.base) return classifyBaseHole(parsed.base, parsed.path, settings, hints);
  return settings.relativeUrlsInternal
    ? { kind: 'internal', service: undefined, via: 'relative URL', path: parsed.path }
    : { kind: 'relative', service: undefined, via: 'relative URL', path: parsed.path };
}

function classifyBaseHole(base: Hole, path: Template, settings: Settings, hints: TargetHints): Target {
  if (base.kind === 'unknown') {
    if (base.fallback) return classifyTarget([...base.fallback, ...path], settings, hints);
    return { kind: 'unknown', service: undefined, via: `value ${base.label}`, path };
  }
  const name = base.kind === 'env' ? base.name : base.key;
  const via = base.kind === 'env' ? `env ${name}` : base.registry ? `registry ${name}` : `config ${name}`;
  // `${DAPR_HTTP_ENDPOINT}/v1.0/invoke/payments/method/charge`: the sidecar's API says what it does
  if (isDaprPath(path)) return classifyDapr(path, `${base.kind} ${name}`);
  const byName = classifyName(name, settings, base.kind === 'config' && base.addressMap === true);
  if (byName.kind === 'external' || settings.services.names.has(normalizeServiceName(name))) {
    const adapter = byName.kind === 'external' ? getAdapterDefault(base, name, path, settings, hints) : undefined;
    return adapter ? { kind: 'internal', service: byName.service, via: `${via} (default ${adapter.via})`, path } : { ...byName, via, path };
  }
  // the address's own default says where it points: `process.env.X || 'https://api.provider.com'`
  const fallback = base.fallback && classifyTarget([...base.fallback, ...path], settings, hints);
  if (fallback?.kind === 'external' && !SERVICE_NAME.test(toUpperSnake(name))) return { ...fallback, via: `${via} (default ${fallback.via})` };
  // an address given to the browser (`NEXT_PUBLIC_API_BASE_URL || 'http://localhost:3200'`) is a front end's way to its own back end, whatever its default
  if (byName.kind === 'unknown' && fallback && fallback.kind !== 'unknown' && !isBrowserEnvName(name, settings)) return fallback;
  // a provider's address comes with its credentials (`ZATCA_API_URL` beside `ZATCA_SECRET`)
  if (byName.kind === 'internal' && (base.kind === 'env' || base.kind === 'config') && base.credentialed) return { kind: 'external', service: byName.service, via: `${via} (read with credentials of the same name)`, path };
  return { ...byName, via, path };
}

/**
 * The default of an address named for a provider as a service of yours, when that default runs
 * beside your services: your own adapter of the provider
 * (`process.env.FLUTTERWAVE_SERVICE_URL || 'http://localhost:5012'`), or your own payment gateway
 * (`process.env.PAYMENT_GATEWAY_URL || 'http://localhost:8004'`). Not for a provider's name alone
 * (`STRIPE_API_URL` with a local mock), nor for a name listed in `externalHosts`.
 */
function getAdapterDefault(base: Exclude<Hole, { kind: 'unknown' }>, name: string, path: Template, settings: Settings, hints: TargetHints): Target | undefined {
  const namesOwnService = SERVICE_NAME.test(toUpperSnake(name)) || namesProviderGateway(splitWords(name));
  if (!base.fallback || !namesOwnService || settings.externalHosts.some((glob) => glob.test(name))) return undefined;
  const fallback = classifyTarget([...base.fallback, ...path], settings, hints);
  return fallback.kind === 'internal' ? fallback : undefined;
}

/**
 * Body keys of a provider's API credentials: `{ api_key, api_key_secret, …data }`. Your own
 * services authenticate a caller by a header or a token; a password (an account being created)
 * is not one of these.
 */
const PROVIDER_CREDENTIAL_KEY = /^(?:api_?key(?:_?secret)?|apikey|api_?secret|client_?secret|secret_?key|app_?secret|access_?key(?:_?id)?|private_?key|merchant_?key)$/i;

export function isProviderCredentialKey(key: string): boolean {
  return PROVIDER_CREDENTIAL_KEY.test(key);
}

/** A name that says it addresses a service: `PAYMENT_SERVICE_URL`, `ORDERS_SVC_HOST`, `CUSTOMER_API_SRV`. */
const SERVICE_NAME = /(?:^|_)(?:SERVICE|SERVICES|SVC|SRV|MICROSERVICE)(?:_|$)/;

/**
 * Classifies an env/config name that holds a URL or host.
 * @param addressMap the name is an entry of a map of addresses (`services.ledger`): an address whatever its words
 */
export function classifyName(name: string, settings: Settings, addressMap = false): Omit<Target, 'via' | 'path'> {
  if (settings.externalHosts.some((glob) => glob.test(name))) return { kind: 'external', service: name };
  // the innermost key that names a service decides: `webhook.subscriptionServiceUrl` is the subscription service
  const last = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : undefined;
  if (last && SERVICE_NAME.test(toUpperSnake(last)) && serviceNameFromWords(splitWords(last), settings) !== undefined) return classifyName(last, settings);
  if (isBrowserEnvName(name, settings)) return { kind: 'unknown', service: undefined };
  const upper = toUpperSnake(name);
  const words = splitWords(name);
  const service = serviceNameFromWords(words, settings);
  if (settings.services.names.has(normalizeServiceName(name))) return { kind: 'internal', service: service ?? name };
  if (settings.vendorWords.find(words) || settings.infrastructureWords.find(words) || namesProviderGateway(words)) {
    return { kind: 'external', service: service ?? name };
  }
  // `API_URL`, `BASE_URL`, `BACKEND_URL`: an address, but of no service in particular (often the app itself)
  if ((settings.serviceEnvPattern.test(upper) || addressMap) && service !== undefined) return { kind: 'internal', service };
  return { kind: 'unknown', service: undefined };
}

/** `NEXT_PUBLIC_API_URL`, `VITE_ORDERS_URL`: a name a front-end framework hands to the browser. */
function isBrowserEnvName(name: string, settings: Settings): boolean {
  const upper = toUpperSnake(name);
  return settings.browserEnvPrefixes.some((prefix) => upper.startsWith(prefix) || name.startsWith(prefix));
}

/** What a gateway is for, when the words before it say a provider's: a payment gateway, an SMS gateway. */
const PROVIDER_GATEWAY_KINDS: ReadonlySet<string> = new Set(['payment', 'payments', 'pay', 'sms', 'mail', 'email']);

/** `PAYMENT_GATEWAY_BASE_URL`, `smsGatewayUrl`: the provider a team sends payments or messages through, not an API gateway of its own. */
function namesProviderGateway(words: readonly string[]): boolean {
  return words.some((word, index) => word === 'gateway' && index > 0 && PROVIDER_GATEWAY_KINDS.has(words[index - 1]!));
}

/** `PAYMENTS_SERVICE_URL` → `payments`; `services.ledger.baseUrl` → `ledger`. */
function serviceNameFromWords(words: readonly string[], settings: Settings): string | undefined {
  const meaningful = words.filter((word) => !settings.genericAddressWords.has(word) && !/^\d+$/.test(word));
  return meaningful.length > 0 ? meaningful.join('-') : undefined;
}

/** Splits an authority template at the port colon (outside IPv6 brackets), dropping user info. */
function splitHostPort(authority: Template): { host: Template; port: Template | undefined } {
  const host: Template[number][] = [];
  let seenAt = false;
  for (let index = 0; index < authority.length; index += 1) {
    const part = authority[index]!;
    if (part.kind !== 'text') {
      host.push(part);
      continue;
    }
    let value = part.value;
    const at = value.lastIndexOf('@');
    if (at !== -1 && !seenAt) {
      seenAt = true;
      host.length = 0;
      value = value.slice(at + 1);
    }
    const colon = value.startsWith('[') ? value.indexOf(':', value.indexOf(']')) : value.indexOf(':');
    if (colon !== -1) {
      if (colon > 0) host.push({ kind: 'text', value: value.slice(0, colon) });
      const portStart: Template[number] = { kind: 'text', value: value.slice(colon + 1) };
      const rest: Template = [portStart, ...authority.slice(index + 1)].filter(
        (item) => item.kind !== 'text' || item.value !== '',
      );
      return { host, port: rest };
    }
    if (value !== '') host.push({ kind: 'text', value });
  }
  return { host, port: undefined };
}

function classifyAuthority(authority: Template, path: Template, settings: Settings, url: Template, hints: TargetHints): Target {
  const rendered = formatTemplate(authority);
  const { host, port } = splitHostPort(authority);
  const portText = port === undefined ? undefined : formatTemplate(port);
  const hostText = getStaticText(host);
  if (hostText !== undefined) return classifyHost(hostText.toLowerCase(), portText, path, settings, url, hints);

  const wildcardHost = host.map((part) => (part.kind === 'text' ? part.value : '*')).join('').toLowerCase();
  const urlText = url.map((part) => (part.kind === 'text' ? part.value : '*')).join('');
  if (settings.externalHosts.some((glob) => glob.test(wildcardHost) || glob.test(urlText))) {
    return { kind: 'external', service: wildcardHost, via: `host ${rendered}`, path };
  }
  if ([...settings.internalHosts, ...settings.services.globs].some((glob) => glob.test(wildcardHost) || glob.test(urlText))) {
    return { kind: 'internal', service: formatTemplate(host).split('.')[0], via: `host ${rendered}`, path };
  }
  if (/\.[a-z]/i.test(wildcardHost)) {
    // `${tenant}.api.vendor.com`, `${name}.default.svc.cluster.local`: the literal domain decides
    const internal = INTERNAL_SUFFIXES.some((suffix) => wildcardHost.endsWith(suffix));
    return internal
      ? { kind: 'internal', service: formatTemplate(host).split('.')[0], via: `host ${rendered}`, path }
      : { kind: 'external', service: wildcardHost, via: `host ${rendered}`, path };
  }
  const hole = host.find((part): part is Extract<Hole, { kind: 'env' | 'config' }> => part.kind === 'env' || part.kind === 'config');
  if (hole) {
    const name = hole.kind === 'env' ? hole.name : hole.key;
    if (isDaprPath(path)) return classifyDapr(path, rendered);
    return { ...classifyName(name, settings), via: `${hole.kind} ${name}`, path };
  }
  return { kind: 'unknown', service: undefined, via: `host ${rendered}`, path };
}

function firstLabel(host: string): string {
  return cleanServiceLabel(host.split('.')[0] ?? host);
}

/** `payments-service` → `payments`, `ledger-api` → `ledger`. */
function cleanServiceLabel(label: string): string {
  const cleaned = label.replace(/[-_](?:service|svc|api|server|app|backend)$/i, '').replace(/^(?:svc|service)[-_]/i, '');
  return cleaned || label;
}

function classifyHost(
  host: string,
  port: string | undefined,
  path: Template,
  settings: Settings,
  url: Template,
  hints: TargetHints,
): Target {
  const authorityText = port === undefined ? host : `${host}:${port}`;
  const via = `host ${authorityText}`;
  const urlText = url.map((part) => (part.kind === 'text' ? part.value : '*')).join('');
  const matches = (glob: RegExp): boolean => glob.test(host) || glob.test(authorityText) || glob.test(urlText);
  if (settings.externalHosts.some(matches)) return { kind: 'external', service: host, via, path };
  if ([...settings.internalHosts, ...settings.services.globs].some(matches)) {
    return { kind: 'internal', service: firstLabel(host), via, path };
  }
  if (LOOPBACK.has(host)) {
    if (isDaprPath(path)) return classifyDapr(path, authorityText);
    if (hints.daprAppId) return { kind: 'internal', service: hints.daprAppId, via: `Dapr invoke on ${authorityText}`, path };
    return port ? { kind: 'internal', service: authorityText, via, path } : { kind: 'unknown', service: undefined, via, path };
  }
  if (IPV4.test(host)) {
    return PRIVATE_IPV4.test(host) ? { kind: 'internal', service: authorityText, via, path } : { kind: 'external', service: host, via, path };
  }
  if (!host.includes('.')) {
    if (host === '') return { kind: 'unknown', service: undefined, via, path };
    const words = splitWords(host);
    if (!settings.services.names.has(normalizeServiceName(host)) && (settings.vendorWords.find(words) || isInfrastructureHost(words, settings))) {
      return { kind: 'external', service: host, via, path };
    }
    return { kind: 'internal', service: cleanServiceLabel(host), via, path };
  }
  if (INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return { kind: 'internal', service: firstLabel(host), via, path };
  // `ordermanagementservice.onrender.com`: an app of the team's own on a hosting platform, unless its name is a vendor's
  if (APP_PLATFORM_SUFFIXES.some((suffix) => host.endsWith(suffix)) && !settings.vendorWords.find(splitWords(host.split('.')[0] ?? ''))) {
    return { kind: 'internal', service: firstLabel(host), via, path };
  }
  if (settings.services.names.has(normalizeServiceName(host.split('.')[0] ?? ''))) {
    return { kind: 'internal', service: firstLabel(host), via, path };
  }
  return { kind: 'external', service: host, via, path };
}

const NON_HTTP_STORES: ReadonlySet<string> = new Set(NON_HTTP_STORE_WORDS);

/** A host label that names infrastructure (`elasticsearch`, `redis`), not an application service. */
function isInfrastructureHost(words: readonly string[], settings: Settings): boolean {
  const infrastructure = words.filter((word) => settings.infrastructureWords.has(word));
  if (infrastructure.length === 0) return false;
  const namesService = words.some((word) => word === 'service' || word === 'svc' || word === 'srv');
  return !namesService || infrastructure.some((word) => !NON_HTTP_STORES.has(word));
}

/** The sidecar: a loopback host, or an address whose literal text or names mention Dapr. */
function isSidecarAddress(parsed: ParsedUrl): boolean {
  const address = parsed.authority ?? (parsed.base ? [parsed.base] : []);
  const text = formatTemplate(address).toLowerCase();
  return /dapr|localhost|127\.0\.0\.1/.test(text);
}

function isDaprPath(path: Template): boolean {
  const first = path[0];
  return first?.kind === 'text' && DAPR_API.test(first.value);
}

/** Dapr's HTTP API on the sidecar: invoke is a synchronous call, publish is a broker publish. */
function classifyDapr(path: Template, authority: string): Target {
  const first = path[0];
  const text = first?.kind === 'text' ? first.value : '';
  const via = `Dapr invoke on ${authority}`;
  const invoke = /^\/v1\.0(?:-\w+)?\/invoke\/([^/]+)\/method(\/.*)?$/.exec(text);
  if (invoke) return { kind: 'internal', service: invoke[1], via, path: [{ kind: 'text', value: invoke[2] ?? '/' }, ...path.slice(1)] };
  // `/v1.0/invoke/${appId}/method/…`: the app id is a hole
  const hole = path[1];
  const after = path[2];
  if (/^\/v1\.0(?:-\w+)?\/invoke\/$/.test(text) && hole && hole.kind !== 'text' && after?.kind === 'text' && after.value.startsWith('/method')) {
    const tail = after.value.slice('/method'.length) || '/';
    return { kind: 'internal', service: formatTemplate([hole]), via, path: [{ kind: 'text', value: tail }, ...path.slice(3)] };
  }
  if (/^\/v1\.0(?:-\w+)?\/publish\//.test(text)) return { kind: 'publish', service: 'dapr', via: 'Dapr publish', path };
  return { kind: 'storage', service: 'dapr', via: 'Dapr sidecar', path };
}
