/**
 * Options of `no-sync-critical-write`: the JSON schema users see, the defaults, and the
 * settings compiled from them once per file (globs and patterns turned into RegExps, word
 * lists into sets).
 */
import type { JSONSchema4, JSONSchema4ObjectSchema } from '@typescript-eslint/utils/json-schema';
import {
  BROWSER_ENV_PREFIXES,
  CRITICAL_PAYLOAD_KEYS,
  CRITICAL_WORDS,
  GENERIC_ADDRESS_WORDS,
  INFRASTRUCTURE_WORDS,
  MINOR_RESOURCE_WORDS,
  NON_CRITICAL_WORDS,
  VENDOR_WORDS,
} from './catalog/words.js';
import { singular, splitWords, WordSet } from './analysis/code/words.js';

export interface CallTemplate {
  /** the function or method to call, e.g. `bus.publish` or `outbox.enqueue` */
  call: string;
  /** the import that brings it in, added when the file lacks it */
  import?: { from: string; name: string; default?: boolean };
}

export interface NoSyncCriticalWriteOptions {
  services: string[];
  internalHosts: string[];
  externalHosts: string[];
  serviceEnvPattern: string;
  relativeUrls: 'ignore' | 'internal';
  criticality: 'keywords' | 'all';
  criticalWords: string[];
  nonCriticalWords: string[];
  criticalPayloadKeys: string[];
  builtinWords: boolean;
  unknownMethod: 'ignore' | 'write';
  outboxRelayPattern: string;
  checkTestFiles: boolean;
  checkBrowserCode: boolean;
  checkProxies: boolean;
  publisher?: CallTemplate;
  outbox?: CallTemplate;
  topicTemplate: string;
  fix: boolean;
  followImports: boolean;
  followCalls: boolean;
  followDepth: number;
}

export const DEFAULT_SERVICE_ENV_PATTERN = '(?:^|_)(?:URL|URI|HOST|HOSTNAME|DNS|ENDPOINT|ADDR|ADDRESS|ORIGIN)$|_(?:SERVICE|SVC|SRV|MICROSERVICE)$|_(?:SERVICE|SVC|API)_BASE$|(?:^|_)(?:BASE_?UR[LI]|URLS|HOSTS|ENDPOINTS|ADDRESSES)(?:_|$)|(?:^|_)(?:URL|URI|HOST|ENDPOINT)_(?!(?:PREFIX|SUFFIX|PATH|ROOT|BASE|VERSION|TIMEOUT|PORT|PARAMS?|QUERY)$)';
export const DEFAULT_OUTBOX_RELAY_PATTERN = 'outbox|relay';

export const DEFAULT_OPTIONS: NoSyncCriticalWriteOptions = {
  services: [],
  internalHosts: [],
  externalHosts: [],
  serviceEnvPattern: DEFAULT_SERVICE_ENV_PATTERN,
  relativeUrls: 'ignore',
  criticality: 'keywords',
  criticalWords: [],
  nonCriticalWords: [],
  criticalPayloadKeys: [],
  builtinWords: true,
  unknownMethod: 'ignore',
  outboxRelayPattern: DEFAULT_OUTBOX_RELAY_PATTERN,
  checkTestFiles: false,
  checkBrowserCode: false,
  checkProxies: false,
  topicTemplate: '{service}.{resource}.{action}',
  fix: false,
  followImports: true,
  followCalls: false,
  followDepth: 3,
};

const stringList = (description: string): JSONSchema4 => ({
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  description,
});

const callTemplateSchema = (description: string): JSONSchema4ObjectSchema => ({
  type: 'object',
  description,
  properties: {
    call: {
      type: 'string',
      pattern: '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$',
      description: 'In `publisher` and `outbox`: the function or method to call, as a dotted name (`bus.publish`).',
    },
    import: {
      type: 'object',
      description: 'In `publisher` and `outbox`: the import that brings the callee into scope; added to the file when missing.',
      properties: {
        from: { type: 'string', minLength: 1, description: 'In `import`: the module specifier to import from.' },
        name: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$', description: 'In `import`: the imported binding name.' },
        default: { type: 'boolean', description: 'In `import`: import the default export under `name` instead of a named export.' },
      },
      required: ['from', 'name'],
      additionalProperties: false,
    },
  },
  required: ['call'],
  additionalProperties: false,
});

export const OPTIONS_SCHEMA: JSONSchema4[] = [
  withNamedErrors({
    type: 'object',
    additionalProperties: false,
    properties: {
      services: stringList(
        'Your own services: names (`payments`) matched against env/config names and hostnames, or URL/host globs (`https://*.acme.internal/**`).',
      ),
      internalHosts: stringList('Host globs that address your own services (`*.acme.internal`, `10.0.*`).'),
      externalHosts: stringList(
        'Host globs or env/config names of third parties (`api.partner.com`, `PARTNER_API_URL`); never reported.',
      ),
      serviceEnvPattern: {
        type: 'string',
        minLength: 1,
        description:
          'Regular expression matched against env/config names (normalized to UPPER_SNAKE_CASE) that address another service when used as a URL base.',
      },
      relativeUrls: {
        type: 'string',
        enum: ['ignore', 'internal'],
        description: 'How to treat a URL with no visible base (`/api/orders`): ignore it, or treat it as internal.',
      },
      criticality: {
        type: 'string',
        enum: ['keywords', 'all'],
        description: 'Decide criticality from evidence words (`keywords`) or treat every cross-service write as critical (`all`).',
      },
      criticalWords: stringList('Extra words (service names, path segments, function names) that mark a write as critical.'),
      nonCriticalWords: stringList('Extra words that mark traffic as non-critical (they count against criticality).'),
      criticalPayloadKeys: stringList('Extra payload keys that mark a write as critical.'),
      builtinWords: {
        type: 'boolean',
        description: 'Use the built-in word lists in addition to yours; set to false to use only yours.',
      },
      unknownMethod: {
        type: 'string',
        enum: ['ignore', 'write'],
        description: 'What a request whose HTTP method cannot be determined counts as.',
      },
      outboxRelayPattern: {
        type: 'string',
        minLength: 1,
        description: 'Regular expression (case-insensitive) for names of functions and classes that relay an outbox; calls inside them are not reported.',
      },
      checkTestFiles: {
        type: 'boolean',
        description: 'Also check test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `e2e/`).',
      },
      checkBrowserCode: {
        type: 'boolean',
        description:
          'Also check front-end code (files under frontend/, webapp/…, .jsx/.vue/.svelte files, files importing React, Vue, Angular and the like, `"use client"`).',
      },
      checkProxies: {
        type: 'boolean',
        description:
          'Also check gateways and back-ends-for-front-ends that forward the incoming request body as it came (`axios.post(url, req.body)`, `fetch(url, { body: await req.text() })`).',
      },
      publisher: callTemplateSchema('Your publisher, used by the "publish" suggestion when no broker client is in scope.'),
      outbox: callTemplateSchema('Your outbox writer, used by the "record in the outbox" suggestion.'),
      topicTemplate: {
        type: 'string',
        minLength: 1,
        description: 'Topic/event name template for suggestions; placeholders `{service}`, `{resource}`, `{action}`.',
      },
      fix: {
        type: 'boolean',
        description: 'Apply the publish rewrite with `--fix` when a `publisher` is configured and the response is unused.',
      },
      followImports: {
        type: 'boolean',
        description:
          'Follow imports and `require`s into the project\'s other modules (config modules, client instances, wrappers, client and base classes), without type information.',
      },
      followCalls: {
        type: 'boolean',
        description: 'Also follow calls the type checker resolves (requires typed linting).',
      },
      followDepth: {
        type: 'integer',
        minimum: 1,
        maximum: 10,
        description: 'How many calls into other files the rule follows to find a synchronous critical write.',
      },
    },
  }),
];

/**
 * ESLint prints a rule-option error as `Value 0 should be >= 1.`, without the option's name.
 * For every property this adds a check that fails with a message naming the option and what
 * it expects ("should have required property 'option "followDepth" expects an integer from 1 to 10'"),
 * using only standard JSON Schema (`patternProperties` keeps doc generators from listing it twice).
 */
export function withNamedErrors(schema: JSONSchema4ObjectSchema, prefix = ''): JSONSchema4 {
  const properties = schema.properties ?? {};
  const named: Record<string, JSONSchema4> = {};
  for (const [name, property] of Object.entries(properties)) {
    named[name] = isObjectSchema(property) && property.properties ? withNamedErrors(property, `${prefix}${name}.`) : property;
  }
  // The validator stops at the first error: the named checks come first, the schema itself last.
  const checks = Object.entries(properties).map(
    ([name, property]) =>
      // `if`/`then` (draft-07, supported by ESLint's validator) are missing from the JSONSchema4 typings
      ({
        if: { required: [name], patternProperties: { [`^${name}$`]: { not: shallow(property) } } },
        then: { required: [`option "${prefix}${name}" expects ${describeExpectation(property)}`] },
      }) as unknown as JSONSchema4,
  );
  const wrapper: JSONSchema4 = { type: 'object', allOf: [...checks, { ...schema, properties: named }] };
  if (schema.description) wrapper.description = schema.description;
  return wrapper;
}

function isObjectSchema(schema: JSONSchema4): schema is JSONSchema4ObjectSchema {
  return schema.type === 'object';
}

/** The property's own checks without nested `properties` (which are named by their own checks). */
function shallow(property: JSONSchema4): JSONSchema4 {
  if (!isObjectSchema(property)) return property;
  return Array.isArray(property.required) ? { type: 'object', required: property.required } : { type: 'object' };
}

function describeExpectation(property: JSONSchema4): string {
  if ('enum' in property && property.enum) return `one of ${property.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  switch (property.type) {
    case 'array':
      return 'an array of non-empty strings without duplicates';
    case 'integer':
      return `an integer${property.minimum !== undefined && property.maximum !== undefined ? ` from ${property.minimum} to ${property.maximum}` : ''}`;
    case 'boolean':
      return 'true or false';
    case 'object':
      return isObjectSchema(property) && Array.isArray(property.required)
        ? `an object with ${property.required.map((key) => `"${key}"`).join(', ')}`
        : 'an object';
    case 'string':
      return property.pattern ? `a string matching ${property.pattern}` : 'a non-empty string';
    default:
      return 'a valid value';
  }
}

export interface Settings {
  /** your services: normalized names (`payments`) and URL/host globs */
  readonly services: { readonly names: ReadonlySet<string>; readonly globs: readonly RegExp[] };
  readonly internalHosts: readonly RegExp[];
  readonly externalHosts: readonly RegExp[];
  readonly serviceEnvPattern: RegExp;
  readonly relativeUrlsInternal: boolean;
  readonly criticalityAll: boolean;
  readonly criticalWords: WordSet;
  readonly nonCriticalWords: WordSet;
  /** path words of resources whose loss is an inconvenience (built-in only) */
  readonly minorResourceWords: WordSet;
  readonly criticalPayloadKeys: WordSet;
  /** built-in evidence beyond words (state transitions, account lifecycle) applies: `builtinWords` */
  readonly builtinCriticality: boolean;
  readonly vendorWords: WordSet;
  readonly infrastructureWords: WordSet;
  readonly genericAddressWords: WordSet;
  readonly browserEnvPrefixes: readonly string[];
  readonly unknownMethodIsWrite: boolean;
  readonly outboxRelayPattern: RegExp;
  readonly checkTestFiles: boolean;
  readonly checkBrowserCode: boolean;
  readonly checkProxies: boolean;
}

/** Thrown for an option value the schema cannot rule out (an invalid regular expression). */
export class OptionError extends Error {
  constructor(option: string, detail: string) {
    super(`durable-writes: invalid option "${option}": ${detail}`);
    this.name = 'OptionError';
  }
}

function compilePattern(option: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new OptionError(option, error instanceof Error ? error.message : String(error));
  }
}

/** `*.acme.internal`, `https://payments.acme.com/**`: `**` any text, `*` any text without `/`. */
export function compileGlob(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        source += '.*';
        index += 1;
      } else {
        source += '[^/]*';
      }
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'i');
}

const GENERIC_ADDRESS = new WordSet(GENERIC_ADDRESS_WORDS);

/**
 * A service's name reduced to its meaningful words, singular: `payments-api`, `PAYMENTS_SERVICE`,
 * `payment` all become `payment`. Names of your services are compared in this form.
 */
export function normalizeServiceName(name: string): string {
  const words = splitWords(name);
  const meaningful = words.filter((word) => !GENERIC_ADDRESS.has(word));
  return (meaningful.length > 0 ? meaningful : words).map(singular).join('-');
}

function isGlobOrUrl(entry: string): boolean {
  return /[./:*]/.test(entry);
}

const compiled = new Map<string, Settings>();

/**
 * The settings for a set of options, compiled once and reused for every file linted with the
 * same options (a lint run or an editor session sees few distinct option sets).
 */
export function compileSettings(options: NoSyncCriticalWriteOptions): Settings {
  const key = JSON.stringify(options);
  let settings = compiled.get(key);
  if (!settings) {
    settings = buildSettings(options);
    if (compiled.size > 100) compiled.clear();
    compiled.set(key, settings);
  }
  return settings;
}

function buildSettings(options: NoSyncCriticalWriteOptions): Settings {
  const withBuiltins = (builtin: readonly string[], extra: readonly string[]): WordSet =>
    new WordSet(options.builtinWords ? [...builtin, ...extra] : extra);
  return {
    services: {
      names: new Set(options.services.filter((entry) => !isGlobOrUrl(entry)).map(normalizeServiceName)),
      globs: options.services.filter(isGlobOrUrl).map(compileGlob),
    },
    internalHosts: options.internalHosts.map(compileGlob),
    externalHosts: options.externalHosts.map(compileGlob),
    serviceEnvPattern: compilePattern('serviceEnvPattern', options.serviceEnvPattern, 'i'),
    relativeUrlsInternal: options.relativeUrls === 'internal',
    criticalityAll: options.criticality === 'all',
    criticalWords: withBuiltins(CRITICAL_WORDS, options.criticalWords),
    nonCriticalWords: withBuiltins(NON_CRITICAL_WORDS, options.nonCriticalWords),
    minorResourceWords: withBuiltins(MINOR_RESOURCE_WORDS, []),
    criticalPayloadKeys: withBuiltins(CRITICAL_PAYLOAD_KEYS, options.criticalPayloadKeys),
    builtinCriticality: options.builtinWords,
    vendorWords: new WordSet(VENDOR_WORDS),
    infrastructureWords: new WordSet(INFRASTRUCTURE_WORDS),
    genericAddressWords: new WordSet(GENERIC_ADDRESS_WORDS),
    browserEnvPrefixes: BROWSER_ENV_PREFIXES,
    unknownMethodIsWrite: options.unknownMethod === 'write',
    outboxRelayPattern: compilePattern('outboxRelayPattern', options.outboxRelayPattern, 'i'),
    checkTestFiles: options.checkTestFiles,
    checkBrowserCode: options.checkBrowserCode,
    checkProxies: options.checkProxies,
  };
}
