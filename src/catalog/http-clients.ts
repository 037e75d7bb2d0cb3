/**
 * The HTTP clients the rules recognise, as data: where a client comes from (module and
 * access path), which members send requests, where each call shape keeps the URL, the
 * method and the payload, and which members create configured instances. Adding a client
 * is a row here plus tests.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The role of a positional argument in a call shape. */
export type ArgRole =
  /** the URL (string, template, `URL` object) */
  | 'url'
  /** the URL, or an options object when an object is passed */
  | 'urlOrOptions'
  /** fetch's input: a URL or a `Request` object */
  | 'input'
  /** an options/config object */
  | 'options'
  /** the request body */
  | 'data'
  /** the HTTP method (`needle('post', …)`, superagent `request('POST', url)`) */
  | 'method';

export interface CallShape {
  /** Method fixed by the member name (`post`). */
  readonly method?: HttpMethod;
  readonly args: readonly ArgRole[];
}

/** How an options object names things, for one client family. */
export interface OptionKeys {
  readonly method: readonly string[];
  readonly url: readonly string[];
  /** base URL keys, in call options and in instance configs */
  readonly base: readonly string[];
  readonly payload: readonly string[];
  /** `{ protocol, hostname, port, path }` (node:http) or `{ origin, path }` (undici dispatchers) */
  readonly composite?: 'node-http' | 'dispatcher';
}

export interface Factory {
  /** `call` for `axios.create(cfg)`, `property` for `http.axiosRef`. */
  readonly via: 'call' | 'property' | 'new';
  /** the client family of the result */
  readonly kind: string;
  /** argument holding the instance config (object) or base URL (string) */
  readonly configArg?: number;
}

export interface ClientKind {
  readonly id: string;
  /** name shown in messages */
  readonly label: string;
  readonly options: OptionKeys;
  /** default when neither the member nor the options give a method; `body-put` = PUT with a body, else GET */
  readonly defaultMethod: HttpMethod | 'body-put';
  /** calling the client value itself */
  readonly callable?: CallShape;
  readonly members: Readonly<Record<string, CallShape>>;
  readonly factories?: Readonly<Record<string, Factory>>;
  /** the call returns a cold Observable (NestJS HttpService): nothing is sent until subscribed */
  readonly observable?: boolean;
  /** the call returns a lazy request builder (superagent): sent on `.then()`/`.end()`/`await` */
  readonly lazyBuilder?: boolean;
  /** members of the returned builder that carry the payload (superagent `.send(data)`) */
  readonly chainPayload?: readonly string[];
  /** the body is written to the returned request later (`req.write(body)`, `req.end(body)`), not passed to the call */
  readonly bodyOutsideCall?: boolean;
  /**
   * members chained on the call that belong to the request (builder steps, response readers
   * like got's `.json()`, an Observable's `.pipe`/`.subscribe`): a rewrite replaces them too
   */
  readonly chain?: readonly string[];
}

/** Where a client family's root value lives: in a module, at a path (`instance` = a value of that type). */
export interface ClientRoot {
  readonly module: string;
  readonly path: readonly string[];
  readonly kind: string;
}

const AXIOS_OPTIONS: OptionKeys = {
  method: ['method'],
  url: ['url'],
  base: ['baseURL'],
  payload: ['data'],
};

const withBody = (method: HttpMethod): CallShape => ({ method, args: ['url', 'data', 'options'] });
const withoutBody = (method: HttpMethod): CallShape => ({ method, args: ['url', 'options'] });

const AXIOS_MEMBERS: Record<string, CallShape> = {
  request: { args: ['options'] },
  get: withoutBody('GET'),
  head: withoutBody('HEAD'),
  options: withoutBody('OPTIONS'),
  delete: withoutBody('DELETE'),
  post: withBody('POST'),
  put: withBody('PUT'),
  patch: withBody('PATCH'),
  postForm: withBody('POST'),
  putForm: withBody('PUT'),
  patchForm: withBody('PATCH'),
};

/** Option keys that give a client its base address, whatever the package. */
export const CONNECTOR_BASE_KEYS: readonly string[] = ['baseURL', 'baseUrl', 'prefixUrl'];

const FETCH_OPTIONS: OptionKeys = { method: ['method'], url: [], base: [], payload: ['body'] };

const urlOptions = (method: HttpMethod): CallShape => ({ method, args: ['urlOrOptions', 'options'] });

export const CLIENT_KINDS: readonly ClientKind[] = [
  {
    id: 'axios',
    label: 'axios',
    options: AXIOS_OPTIONS,
    defaultMethod: 'GET',
    callable: { args: ['urlOrOptions', 'options'] },
    members: AXIOS_MEMBERS,
    factories: { create: { via: 'call', kind: 'axios', configArg: 0 } },
  },
  {
    id: 'nest-http',
    label: 'HttpService',
    options: AXIOS_OPTIONS,
    defaultMethod: 'GET',
    members: Object.fromEntries(Object.entries(AXIOS_MEMBERS).filter(([name]) => name !== 'options')),
    factories: { axiosRef: { via: 'property', kind: 'axios' } },
    observable: true,
    chain: ['pipe', 'toPromise', 'subscribe'],
  },
  {
    // a package's own client factory given a base address (`serviceConnector({ baseURL, service })`,
    // `apisauce.create({ baseURL })`): whatever it wraps, what it returns sends requests as axios does
    id: 'connector',
    label: 'HTTP client',
    options: { method: ['method'], url: ['url'], base: CONNECTOR_BASE_KEYS, payload: ['data', 'body', 'json'] },
    defaultMethod: 'GET',
    members: Object.fromEntries(Object.entries(AXIOS_MEMBERS).filter(([name]) => name !== 'request' && name !== 'options')),
  },
  {
    id: 'fetch',
    label: 'fetch',
    options: FETCH_OPTIONS,
    defaultMethod: 'GET',
    callable: { args: ['input', 'options'] },
    members: {},
  },
  {
    id: 'undici',
    label: 'undici',
    options: { method: ['method'], url: [], base: [], payload: ['body'] },
    defaultMethod: 'body-put',
    callable: { args: ['url', 'options'] },
    members: {},
  },
  {
    id: 'undici-dispatcher',
    label: 'undici',
    options: { method: ['method'], url: [], base: ['origin'], payload: ['body'], composite: 'dispatcher' },
    defaultMethod: 'GET',
    members: { request: { args: ['options'] } },
  },
  {
    id: 'got',
    label: 'got',
    options: { method: ['method'], url: ['url'], base: ['prefixUrl', 'baseUrl'], payload: ['json', 'body', 'form'] },
    defaultMethod: 'GET',
    callable: { args: ['urlOrOptions', 'options'] },
    members: {
      get: urlOptions('GET'),
      head: urlOptions('HEAD'),
      post: urlOptions('POST'),
      put: urlOptions('PUT'),
      patch: urlOptions('PATCH'),
      delete: urlOptions('DELETE'),
    },
    factories: { extend: { via: 'call', kind: 'got', configArg: 0 } },
    chain: ['json', 'text', 'buffer'],
  },
  {
    id: 'ky',
    label: 'ky',
    options: { method: ['method'], url: [], base: ['prefixUrl', 'prefix', 'baseUrl'], payload: ['json', 'body'] },
    defaultMethod: 'GET',
    callable: { args: ['url', 'options'] },
    members: {
      get: withoutBody('GET'),
      head: withoutBody('HEAD'),
      post: withoutBody('POST'),
      put: withoutBody('PUT'),
      patch: withoutBody('PATCH'),
      delete: withoutBody('DELETE'),
    },
    factories: {
      create: { via: 'call', kind: 'ky', configArg: 0 },
      extend: { via: 'call', kind: 'ky', configArg: 0 },
    },
    chain: ['json', 'text', 'arrayBuffer', 'blob', 'formData'],
  },
  {
    id: 'ofetch',
    label: 'ofetch',
    options: { method: ['method'], url: [], base: ['baseURL', 'baseUrl'], payload: ['body'] },
    defaultMethod: 'GET',
    callable: { args: ['url', 'options'] },
    members: { raw: { args: ['url', 'options'] }, native: { args: ['input', 'options'] } },
    factories: { create: { via: 'call', kind: 'ofetch', configArg: 0 } },
  },
  {
    id: 'superagent',
    label: 'superagent',
    options: { method: [], url: [], base: [], payload: [] },
    defaultMethod: 'GET',
    callable: { args: ['method', 'url'] },
    members: {
      get: { method: 'GET', args: ['url'] },
      head: { method: 'HEAD', args: ['url'] },
      post: { method: 'POST', args: ['url', 'data'] },
      put: { method: 'PUT', args: ['url', 'data'] },
      patch: { method: 'PATCH', args: ['url', 'data'] },
      del: { method: 'DELETE', args: ['url'] },
      delete: { method: 'DELETE', args: ['url'] },
    },
    factories: { agent: { via: 'call', kind: 'superagent' } },
    lazyBuilder: true,
    chainPayload: ['send'],
    chain: ['send', 'set', 'query', 'type', 'accept', 'timeout', 'retry', 'auth', 'field', 'attach', 'ok', 'end', 'then'],
  },
  {
    id: 'request',
    label: 'request',
    options: { method: ['method'], url: ['url', 'uri'], base: ['baseUrl'], payload: ['body', 'json', 'form', 'formData'] },
    defaultMethod: 'GET',
    callable: { args: ['urlOrOptions', 'options'] },
    members: {
      get: urlOptions('GET'),
      head: urlOptions('HEAD'),
      options: urlOptions('OPTIONS'),
      post: urlOptions('POST'),
      put: urlOptions('PUT'),
      patch: urlOptions('PATCH'),
      del: urlOptions('DELETE'),
      delete: urlOptions('DELETE'),
    },
    factories: { defaults: { via: 'call', kind: 'request', configArg: 0 } },
  },
  {
    id: 'needle',
    label: 'needle',
    options: { method: [], url: [], base: [], payload: [] },
    defaultMethod: 'GET',
    callable: { args: ['method', 'url', 'data', 'options'] },
    members: {
      request: { args: ['method', 'url', 'data', 'options'] },
      get: { method: 'GET', args: ['url', 'options'] },
      head: { method: 'HEAD', args: ['url', 'options'] },
      post: { method: 'POST', args: ['url', 'data', 'options'] },
      put: { method: 'PUT', args: ['url', 'data', 'options'] },
      patch: { method: 'PATCH', args: ['url', 'data', 'options'] },
      delete: { method: 'DELETE', args: ['url', 'data', 'options'] },
    },
  },
  {
    id: 'node-http',
    label: 'node:http',
    options: { method: ['method'], url: [], base: [], payload: [], composite: 'node-http' },
    defaultMethod: 'GET',
    bodyOutsideCall: true,
    members: { request: { args: ['urlOrOptions', 'options'] }, get: { method: 'GET', args: ['urlOrOptions', 'options'] } },
  },
  {
    id: 'openapi-fetch',
    label: 'openapi-fetch',
    options: { method: [], url: [], base: ['baseUrl'], payload: ['body'] },
    defaultMethod: 'GET',
    members: {
      GET: withoutBody('GET'),
      HEAD: withoutBody('HEAD'),
      OPTIONS: withoutBody('OPTIONS'),
      POST: withoutBody('POST'),
      PUT: withoutBody('PUT'),
      PATCH: withoutBody('PATCH'),
      DELETE: withoutBody('DELETE'),
    },
  },
];

const root = (module: string, path: readonly string[], kind: string): ClientRoot => ({ module, path, kind });

export const CLIENT_ROOTS: readonly ClientRoot[] = [
  root('axios', [], 'axios'),
  root('axios', ['AxiosInstance', '<instance>'], 'axios'),
  root('axios', ['AxiosStatic', '<instance>'], 'axios'),
  root('axios', ['Axios', 'new'], 'axios'),
  root('@nestjs/axios', ['HttpService', '<instance>'], 'nest-http'),
  root('@nestjs/common', ['HttpService', '<instance>'], 'nest-http'),
  root('global', ['fetch'], 'fetch'),
  root('node-fetch', [], 'fetch'),
  root('cross-fetch', [], 'fetch'),
  root('isomorphic-fetch', [], 'fetch'),
  root('isomorphic-unfetch', [], 'fetch'),
  root('make-fetch-happen', [], 'fetch'),
  root('undici', ['fetch'], 'fetch'),
  root('undici', ['request'], 'undici'),
  root('undici', ['Client', 'new'], 'undici-dispatcher'),
  root('undici', ['Pool', 'new'], 'undici-dispatcher'),
  root('undici', ['Dispatcher', '<instance>'], 'undici-dispatcher'),
  root('got', [], 'got'),
  root('got', ['Got', '<instance>'], 'got'),
  root('ky', [], 'ky'),
  root('ky', ['KyInstance', '<instance>'], 'ky'),
  root('ofetch', ['ofetch'], 'ofetch'),
  root('ofetch', ['$fetch'], 'ofetch'),
  root('ofetch', ['$Fetch', '<instance>'], 'ofetch'),
  root('superagent', [], 'superagent'),
  root('request', [], 'request'),
  root('request-promise', [], 'request'),
  root('request-promise-native', [], 'request'),
  root('request-promise-any', [], 'request'),
  root('needle', [], 'needle'),
  root('http', [], 'node-http'),
  root('https', [], 'node-http'),
  root('openapi-fetch', ['()'], 'openapi-fetch'),
  root('openapi-fetch', ['createClient', '()'], 'openapi-fetch'),
];

export const CLIENT_KIND_BY_ID: ReadonlyMap<string, ClientKind> = new Map(CLIENT_KINDS.map((kind) => [kind.id, kind]));

/** Module specifiers of every client, for the per-file pre-check. */
export const CLIENT_MODULES: readonly string[] = [...new Set(CLIENT_ROOTS.map((entry) => entry.module))].filter(
  (module) => module !== 'global',
);

const CLIENT_MODULE_SET: ReadonlySet<string> = new Set(CLIENT_MODULES);

/** Whether a module specifier is an HTTP client's: `axios`, `got`, `@nestjs/axios`. */
export function isClientModule(module: string | undefined): boolean {
  return module !== undefined && CLIENT_MODULE_SET.has(module);
}

/** Members that can send a write, across clients: the only ones worth asking the type checker about. */
export const WRITE_CAPABLE_MEMBERS: ReadonlySet<string> = new Set(
  CLIENT_KINDS.flatMap((kind) =>
    Object.entries(kind.members)
      .filter(([, shape]) => shape.method === undefined || ['POST', 'PUT', 'PATCH', 'DELETE'].includes(shape.method))
      .map(([name]) => name),
  ),
);

/** Every member name through which some client sends a request (`post`, `request`, `POST`, `raw`). */
export const CLIENT_MEMBER_NAMES: ReadonlySet<string> = new Set([
  ...CLIENT_KINDS.flatMap((kind) => Object.keys(kind.members)),
  // callable clients reached as members: `globalThis.fetch`, `undici.fetch`, `require('got').default`
  ...CLIENT_ROOTS.flatMap((root) => root.path.filter((token) => /^[\w$]+$/.test(token))),
  // a callable client handed out as a property: `this.httpService.axiosRef({ method: 'post', url })`
  ...CLIENT_KINDS.flatMap((kind) => Object.entries(kind.factories ?? {}).flatMap(([name, factory]) => (factory.via === 'property' ? [name] : []))),
  'default',
]);
