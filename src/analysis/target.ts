/**
 * Where a request goes: one of your own services (internal), a third party (external),
 * a relative URL, or unknown; with the service's name and how it was recognised.
 * Service runtimes that proxy over HTTP count for what they do (Dapr invoke vs publish).
 */
import type { Settings } from '../options.js';
import { formatTemplate, type Hole, type Template } from './template.js';
import { splitWords, toUpperSnake } from './words.js';

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
  if (first.kind !== 'text') return { base: first, path: url.slice(1) };
  const scheme = SCHEME.exec(first.value);
  if (!scheme) return { path: url };
  const rest: Template = [{ kind: 'text', value: first.value.slice(scheme[0].length) }, ...url.slice(1)];
  const authority: Template[number][] = [];
  for (let index = 0; index < rest.length; index += 1) {
    const part = rest[index]!;
    if (part.kind !== 'text') {
      authority.push(part);
      continue;
    }
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

const LOOPBACK = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1', 'host.docker.internal']);
const INTERNAL_SUFFIXES = ['.svc.cluster.local', '.cluster.local', '.svc', '.internal', '.local', '.lan', '.consul', '.intranet', '.corp', '.home.arpa'];
const PRIVATE_IPV4 = /^(?:10\.\d+|192\.168|172\.(?:1[6-9]|2\d|3[01]))\.\d+\.\d+$/;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

export function classifyTarget(url: Template | undefined, settings: Settings): Target {
  if (!url || url.length === 0) return { kind: 'unknown', service: undefined, via: 'no URL', path: [] };
  const parsed = parseUrl(url);
  if (parsed.authority) return classifyAuthority(parsed.authority, parsed.path, settings, url);
  if (parsed.base) return classifyBaseHole(parsed.base, parsed.path, settings);
  return settings.relativeUrlsInternal
    ? { kind: 'internal', service: undefined, via: 'relative URL', path: parsed.path }
    : { kind: 'relative', service: undefined, via: 'relative URL', path: parsed.path };
}

function classifyBaseHole(base: Hole, path: Template, settings: Settings): Target {
  if (base.kind === 'unknown') {
    if (base.fallback) return classifyTarget([...base.fallback, ...path], settings);
    return { kind: 'unknown', service: undefined, via: `value ${base.label}`, path };
  }
  const name = base.kind === 'env' ? base.name : base.key;
  const via = base.kind === 'env' ? `env ${name}` : `config ${name}`;
  const byName = classifyName(name, settings);
  if (byName.kind === 'unknown' && base.fallback) {
    const fallback = classifyTarget([...base.fallback, ...path], settings);
    if (fallback.kind !== 'unknown') return fallback;
  }
  return { ...byName, via, path };
}

/** Classifies an env/config name that holds a URL or host. */
export function classifyName(name: string, settings: Settings): Omit<Target, 'via' | 'path'> {
  if (settings.externalHosts.some((glob) => glob.test(name))) return { kind: 'external', service: name };
  const upper = toUpperSnake(name);
  if (settings.browserEnvPrefixes.some((prefix) => upper.startsWith(prefix) || name.startsWith(prefix))) {
    return { kind: 'unknown', service: undefined };
  }
  const words = splitWords(name);
  if (settings.vendorWords.find(words)) return { kind: 'external', service: serviceNameFromWords(words, settings) ?? name };
  if (settings.infrastructureWords.find(words)) return { kind: 'external', service: serviceNameFromWords(words, settings) ?? name };
  const service = serviceNameFromWords(words, settings);
  if (settings.services.names.find(words)) return { kind: 'internal', service: service ?? name };
  if (settings.serviceEnvPattern.test(upper)) return { kind: 'internal', service: service ?? name };
  return { kind: 'unknown', service: undefined };
}

/** `PAYMENTS_SERVICE_URL` → `payments`; `services.ledger.baseUrl` → `ledger`. */
function serviceNameFromWords(words: readonly string[], settings: Settings): string | undefined {
  const meaningful = words.filter((word) => !settings.genericAddressWords.has(word) && !/^\d+$/.test(word));
  return meaningful.length > 0 ? meaningful.join('-') : undefined;
}

function classifyAuthority(authority: Template, path: Template, settings: Settings, url: Template): Target {
  const rendered = formatTemplate(authority);
  const hostText = authority.every((part) => part.kind === 'text') ? rendered : undefined;
  if (hostText !== undefined) return classifyHost(hostText, path, settings, url);

  const wildcard = authority.map((part) => (part.kind === 'text' ? part.value : '*')).join('');
  const wildcardHost = stripPort(stripUserInfo(wildcard)).host;
  const urlText = url.map((part) => (part.kind === 'text' ? part.value : '*')).join('');
  if (settings.externalHosts.some((glob) => glob.test(wildcardHost) || glob.test(urlText))) {
    return { kind: 'external', service: wildcardHost, via: `host ${rendered}`, path };
  }
  if ([...settings.internalHosts, ...settings.services.globs].some((glob) => glob.test(wildcardHost) || glob.test(urlText))) {
    return { kind: 'internal', service: firstLabel(wildcardHost), via: `host ${rendered}`, path };
  }
  const hostPart = stripPort(stripUserInfo(wildcard)).host;
  if (hostPart.includes('.') && !hostPart.startsWith('*.') && hostPart !== '*') {
    // `${tenant}.api.vendor.com`: a literal public domain around the hole
    return classifyHost(hostPart.replace(/\*/g, 'x'), path, settings, url);
  }
  const hole = authority.find(
    (part): part is Extract<Hole, { kind: 'env' | 'config' }> => part.kind === 'env' || part.kind === 'config',
  );
  if (hole) {
    const name = hole.kind === 'env' ? hole.name : hole.key;
    const byName = classifyName(name, settings);
    if (byName.kind === 'internal' && isDaprPath(path)) return classifyDapr(path, rendered);
    return { ...byName, via: `${hole.kind} ${name}`, path };
  }
  return { kind: 'unknown', service: undefined, via: `host ${rendered}`, path };
}

function stripUserInfo(authority: string): string {
  const at = authority.lastIndexOf('@');
  return at === -1 ? authority : authority.slice(at + 1);
}

function stripPort(authority: string): { host: string; port: string | undefined } {
  const match = /^(\[[^\]]+\]|[^:]*)(?::(.*))?$/.exec(authority);
  return { host: (match?.[1] ?? authority).toLowerCase(), port: match?.[2] || undefined };
}

function firstLabel(host: string): string {
  return cleanServiceLabel(host.split('.')[0] ?? host);
}

/** `payments-service` → `payments`, `ledger-api` → `ledger`. */
function cleanServiceLabel(label: string): string {
  const cleaned = label.replace(/[-_](?:service|svc|api|server|app|backend)$/i, '').replace(/^(?:svc|service)[-_]/i, '');
  return cleaned || label;
}

function classifyHost(authorityText: string, path: Template, settings: Settings, url: Template): Target {
  const { host, port } = stripPort(stripUserInfo(authorityText));
  const via = `host ${authorityText}`;
  const urlText = url.map((part) => (part.kind === 'text' ? part.value : '*')).join('');
  if (settings.externalHosts.some((glob) => glob.test(host) || glob.test(authorityText) || glob.test(urlText))) {
    return { kind: 'external', service: host, via, path };
  }
  if ([...settings.internalHosts, ...settings.services.globs].some((glob) => glob.test(host) || glob.test(authorityText) || glob.test(urlText))) {
    return { kind: 'internal', service: firstLabel(host), via, path };
  }
  if (LOOPBACK.has(host)) {
    if (isDaprPath(path)) return classifyDapr(path, authorityText);
    return port ? { kind: 'internal', service: `${host}:${port}`, via, path } : { kind: 'unknown', service: undefined, via, path };
  }
  if (IPV4.test(host)) {
    return PRIVATE_IPV4.test(host)
      ? { kind: 'internal', service: authorityText, via, path }
      : { kind: 'external', service: host, via, path };
  }
  if (!host.includes('.')) {
    if (host === '' || host === '*') return { kind: 'unknown', service: undefined, via, path };
    const words = splitWords(host);
    if (settings.vendorWords.find(words) || settings.infrastructureWords.find(words)) return { kind: 'external', service: host, via, path };
    return { kind: 'internal', service: cleanServiceLabel(host), via, path };
  }
  if (INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return { kind: 'internal', service: firstLabel(host), via, path };
  }
  if (settings.services.names.find(splitWords(host.split('.')[0] ?? ''))) {
    return { kind: 'internal', service: firstLabel(host), via, path };
  }
  return { kind: 'external', service: host, via, path };
}

function isDaprPath(path: Template): boolean {
  const first = path[0];
  return first?.kind === 'text' && first.value.startsWith('/v1.0/');
}

/** Dapr's HTTP API on the sidecar: invoke is a synchronous call, publish is a broker publish. */
function classifyDapr(path: Template, authority: string): Target {
  const first = path[0]!;
  const text = first.kind === 'text' ? first.value : '';
  const invoke = /^\/v1\.0\/invoke\/([^/]*)\/method(\/.*)?$/.exec(text);
  if (invoke) {
    const appId = invoke[1];
    const rest: Template = [{ kind: 'text', value: invoke[2] ?? '/' }, ...path.slice(1)];
    if (appId) return { kind: 'internal', service: appId, via: `Dapr invoke on ${authority}`, path: rest };
    // `/v1.0/invoke/${appId}/method/…`: the app id is a hole
    const hole = path[1];
    const label = hole && hole.kind !== 'text' ? formatTemplate([hole]) : 'app';
    const after = path[2];
    const tail = after?.kind === 'text' ? after.value.replace(/^\/method/, '') : '/';
    return { kind: 'internal', service: label, via: `Dapr invoke on ${authority}`, path: [{ kind: 'text', value: tail || '/' }, ...path.slice(3)] };
  }
  if (/^\/v1\.0(?:-alpha1)?\/publish\//.test(text)) return { kind: 'publish', service: 'dapr', via: 'Dapr publish', path };
  return { kind: 'storage', service: 'dapr', via: 'Dapr sidecar', path };
}
