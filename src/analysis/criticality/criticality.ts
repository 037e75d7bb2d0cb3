/**
 * Is a write critical? Evidence from the target service's name, the URL path, the payload
 * (keys, name, declared type), the enclosing function and class, and `@critical` JSDoc.
 * Words of non-critical traffic (logs, metrics, notifications…) count against.
 */
import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { GENERIC_FUNCTION_NAMES, NOTICE_WORDS, OTHER_SENSES, READ_COMMAND_WORDS, TRANSITION_VERBS } from '../../catalog/words.js';
import type { Settings } from '../../options.js';
import { getClassName, getFunctionName, getMethodClass, getPropertyName, getStaticString, isFunctionNode, skipTransparent, type FunctionNode } from '../code/ast.js';
import { deeper, type FileContext } from '../code/file-context.js';
import { getObjectKeys, getObjectProperty } from '../code/objects.js';
import type { Target } from '../target/target.js';
import { concat, evaluateTemplate, formatTemplate, type Template } from '../code/template.js';
import { type GraphqlOperation, parseGraphqlOperation } from '../request/graphql.js';
import { type Located, resolveValue } from '../code/values.js';
import { findAccountLifecycle, findAccountVerification, findRoleChange, findStateChange, getTransition, isUpdateInPlace, namesIdentityService, namesState } from './state-change.js';
import { singular, splitWords, WordSet } from '../code/words.js';

export type EvidenceKind =
  | 'tag'
  | 'all'
  | 'service'
  | 'path'
  /** a state transition of another service's entity, or an account's lifecycle in an identity service */
  | 'state'
  | 'payloadKey'
  | 'payloadType'
  | 'payloadName'
  /** the event an envelope names (`type: 'OrderCreated'`): weak, as names around the request are */
  | 'payloadEvent'
  | 'function'
  | 'class';

export interface Evidence {
  readonly kind: EvidenceKind;
  /** what it says in the message: `path "/payments"` */
  readonly text: string;
}

export interface Criticality {
  readonly critical: boolean;
  readonly evidence: readonly Evidence[];
  /** the non-critical word that decided against, if any */
  readonly against?: Evidence;
}

export interface CriticalityInput {
  readonly target: Target;
  /** the write's method, upper-cased (`PATCH`, `PUT/POST`) */
  readonly method?: string;
  readonly payload: Located | undefined;
  /** what `describePayload` read of the payload, when the caller has it already */
  readonly payloadFacts?: PayloadFacts;
  /**
   * where to look for enclosing functions and classes, innermost first: the request call,
   * then the call sites of the wrappers it was reached through
   */
  readonly contexts: readonly TSESTree.Node[];
  /**
   * where names count as evidence, when fewer than `contexts`: a write reported at a call site
   * takes no evidence from the names around that call site (its caller's names), only from
   * the functions it passes through
   */
  readonly nameContexts?: readonly TSESTree.Node[];
  /**
   * whether the service writes its own database before the request, in the same execution: a
   * function named for a query that does (`checkPaymentStatus` marking the payment completed,
   * then crediting the wallet) acts on what it found, and its name says nothing of the request
   */
  readonly writesFirst?: () => boolean;
}

/** `dispatch(command)`: a function named with a critical word alone, in another sense */
const GENERIC_NAMES: ReadonlySet<string> = new Set(GENERIC_FUNCTION_NAMES);
const CRITICAL_TAG = /@critical\b/;
const READ_COMMANDS = new WordSet(READ_COMMAND_WORDS);

export function assessCriticality(input: CriticalityInput, file: FileContext, settings: Settings): Criticality {
  const paths = expandChoices(input.target.path);
  if (paths.length === 1) return assessOnePath(input, file, settings);
  // a path whose segment a condition picks (`/team/{unblock|block}`) carries a critical write when one of its paths does
  let first: Criticality | undefined;
  for (const path of paths) {
    const verdict = assessOnePath({ ...input, target: { ...input.target, path } }, file, settings);
    if (verdict.critical) return verdict;
    first ??= verdict;
  }
  return first!;
}

/** The paths a template may be, one for each choice of its segments (see `Part.choices`); the template alone when it has none. */
function expandChoices(path: Template): Template[] {
  if (!path.some((part) => part.kind === 'unknown' && part.choices)) return [path];
  let paths: Template[] = [[]];
  for (const part of path) {
    const options: Template[] = part.kind === 'unknown' && part.choices ? part.choices.map((value) => [{ kind: 'text', value }]) : [[part]];
    paths = paths.flatMap((before) => options.map((option) => concat(before, option)));
    // past two conditional segments, the path is judged as written
    if (paths.length > 4) return [path];
  }
  return paths;
}

function assessOnePath(input: CriticalityInput, file: FileContext, settings: Settings): Criticality {
  const evidence: Evidence[] = [];
  const named = new Map(input.contexts.map((node) => [node, getEnclosingNamed(node)]));
  const tagged = [...named.values()].flat().find((entry) => entry.fn && hasCriticalTag(entry.fn, file));
  const perContext = (input.nameContexts ?? input.contexts).map((node) => named.get(node) ?? getEnclosingNamed(node));
  const functions = perContext.flat();

  if (tagged) evidence.push({ kind: 'tag', text: `@critical on ${tagged.name}` });
  const payload = input.payloadFacts ?? (input.payload ? describePayload(input.payload, file) : undefined);
  if (payload?.taggedType) evidence.push({ kind: 'tag', text: `@critical on type ${payload.taggedType}` });
  const explicit = evidence.length > 0;

  const serviceWords = input.target.service ? splitWords(input.target.service) : [];
  // a GraphQL mutation's fields say what it writes, as the segments of a path do: `updateStock` on `POST /graphql`
  const mutationFields = payload?.graphql?.kind === 'mutation' ? payload.graphql.fields : [];
  const urlSegments = getPathSegments(input.target.path);
  const pathSegments = [...urlSegments, ...mutationFields];
  const pathWords = pathSegments.flatMap((segment) => splitWords(segment));
  // `/tickets/by-token/{id}`, `/vouchers/for-book`: a segment that starts with `by` or `for` names the key a
  // resource is looked up by, not what is written, nor the command
  const keyWords = new Set(pathSegments.filter((segment) => KEY_PREPOSITIONS.has(splitWords(segment)[0] ?? '')).flatMap((segment) => splitWords(segment)));
  // `POST /availability` checks; in `POST /availability/hold` the read word names what the command holds
  // and a PATCH or PUT updates what it names in place: `PATCH /books/{id}/availability` asks nothing
  const commandWords = (
    getTransition(input.target.path) === undefined && !isUpdateInPlace(input.method) ? pathWords : pathWords.filter((word) => !READ_COMMANDS.has(word))
  ).filter((word) => !keyWords.has(word));
  // `POST booking/…/payment-notification`: a critical service told of a critical event, not a notice sent to a person
  const againstPathWords = withoutChargedInstruments(
    settings.criticalWords.find(serviceWords) ? withoutQualifiedNotices(commandWords, pathSegments, settings) : commandWords,
    pathSegments,
    settings,
  );
  const nearestNames = perContext.flatMap((named) => (named[0] ? [named[0].name] : []));
  // `POST /streaming/rooms` from a chat service: a room, but not one anybody pays for
  const harmless = settings.builtinCriticality
    ? getHarmlessSenses([...serviceWords, ...pathWords, ...input.contexts.flatMap((node) => getFolderWords(file.fileOf(node).relativePath))])
    : NO_WORDS;
  // and within one name: `sales_campaign` is a campaign, not a sale
  const criticalWord = (words: readonly string[]): string | undefined => {
    const own = settings.builtinCriticality ? getHarmlessSenses(words) : NO_WORDS;
    if (harmless.size === 0 && own.size === 0) return settings.criticalWords.find(words);
    return settings.criticalWords.find(words.filter((word) => !harmless.has(singular(word)) && !own.has(singular(word))));
  };

  const change = settings.builtinCriticality
    ? (findAccountLifecycle(input.target.service, input.target.path, input.method, payload?.keys) ??
      findRoleChange(input.target.service, input.target.path, input.method, input.payload, file) ??
      findAccountVerification(input.target.path, input.method) ??
      findStateChange(input.target.path, input.method, input.payload, file))
    : undefined;
  // an account created or changed: the service that owns accounts may be named for logging in
  const againstServiceWords = change?.account ? serviceWords.filter((word) => !namesIdentityService(word)) : serviceWords;
  const lastSegment = pathSegments.filter((segment) => segment !== '').at(-1);
  const lastSegmentWords = lastSegment === undefined ? [] : splitWords(lastSegment);
  // and the command that changes it may name why (`…/lift-report-auto-ban`) or what it gives back (`…/restore-login`)
  const accountPathWords = change?.account ? againstPathWords.filter((word) => !lastSegmentWords.includes(word)) : againstPathWords;

  // What the request says about itself (service, path) outweighs what its surroundings say (function names).
  const strongAgainst: Evidence | undefined =
    findWord(settings.nonCriticalWords, againstServiceWords, (word) => ({ kind: 'service', text: `service "${input.target.service}" (${word})` })) ??
    findWord(settings.nonCriticalWords, accountPathWords, (word) => ({ kind: 'path', text: `path word "${word}"` }));
  const weakAgainst: Evidence | undefined = nearestNames
    .map((name) => findWord(settings.nonCriticalWords, splitWords(name), (): Evidence => ({ kind: 'function', text: `function "${name}"` })))
    .find((item) => item !== undefined);

  if (settings.criticalityAll) evidence.push({ kind: 'all', text: 'criticality "all"' });

  const serviceWord = criticalWord(serviceWords);
  if (serviceWord) evidence.push({ kind: 'service', text: `service "${input.target.service}"` });
  const mutationField = mutationFields.find((field) => criticalWord(splitWords(field)));
  const pathWord = criticalWord(urlSegments.flatMap((segment) => splitWords(segment)));
  if (pathWord) evidence.push({ kind: 'path', text: `path "${renderPath(input.target.path)}"` });
  else if (mutationField) evidence.push({ kind: 'path', text: `mutation "${mutationField}"` });
  if (change) evidence.push({ kind: 'state', text: change.text });
  if (payload) {
    const key = payload.keys.find((candidate) => settings.criticalPayloadKeys.find(splitWords(candidate)));
    if (key) evidence.push({ kind: 'payloadKey', text: `payload key "${key}"` });
    if (payload.typeName && criticalWord(splitWords(payload.typeName))) {
      evidence.push({ kind: 'payloadType', text: `payload type "${payload.typeName}"` });
    }
    const name = payload.names.find((candidate) => criticalWord(splitWords(candidate)));
    if (name) evidence.push({ kind: 'payloadName', text: `payload "${name}"` });
    const event = payload.events.find((candidate) => criticalWord(splitWords(candidate)));
    if (event) evidence.push({ kind: 'payloadEvent', text: `event "${event}"` });
  }
  for (const entry of functions) {
    if (entry.fn && GENERIC_NAMES.has(entry.name)) continue;
    if (criticalWord(splitWords(entry.name))) {
      evidence.push({ kind: entry.fn ? 'function' : 'class', text: `${entry.fn ? 'function' : 'class'} "${entry.name}"` });
      break;
    }
  }

  if (explicit || settings.criticalityAll) return { critical: true, evidence };
  if (strongAgainst) return { critical: false, evidence, against: strongAgainst };
  // `PATCH /orders/{orderId}/delivery-location` with `{ lat, lng }`: where one thing is, sent again as it moves
  const position = change ? undefined : getPositionWord(input.target.path, lastSegmentWords);
  if (position) return { critical: false, evidence, against: { kind: 'path', text: `path word "${position}"` } };
  // `POST /internal/get-flight-seat`: the command the path names reads (but `PATCH /users/{id}/verify-phone` marks an account)
  if (
    !change?.account &&
    input.target.path.at(-1)?.kind === 'text' &&
    lastSegmentWords.length > 1 &&
    READ_VERBS.has(lastSegmentWords[0]!) &&
    !lastSegmentWords.some((word) => word === 'or' || word === 'and' || WRITE_COMMANDS.has(singular(word)))
  ) {
    return { critical: false, evidence, against: { kind: 'path', text: `path word "${lastSegmentWords[0]}"` } };
  }
  // `POST /api/seats/details`, `POST /food-drinks/by-ids`: the path ends with what is looked up, or by what key
  if (
    (input.method === undefined || input.method === 'POST') &&
    input.target.path.at(-1)?.kind === 'text' &&
    ((lastSegmentWords[0] === 'by' && lastSegmentWords.length > 1) || (lastSegmentWords.length === 1 && LOOKUP_NOUNS.has(lastSegmentWords[0]!)))
  ) {
    return { critical: false, evidence, against: { kind: 'path', text: `path segment "${lastSegment}"` } };
  }
  // `POST /bookings/internal/batch` with `{ ids }`: ids alone, sent to a path that names a batch and no command, ask for those records
  if (
    (input.method === undefined || input.method === 'POST') &&
    input.target.path.at(-1)?.kind === 'text' &&
    lastSegmentWords.length > 0 &&
    lastSegmentWords.every((word) => BATCH_WORDS.has(word)) &&
    payload !== undefined &&
    payload.keys.length > 0 &&
    payload.keys.every((key) => ID_LIST_KEY.test(key)) &&
    !pathWords.some((word) => WRITE_COMMANDS.has(singular(word)))
  ) {
    return { critical: false, evidence, against: { kind: 'payloadKey', text: `payload of ids only (${payload.keys.join(', ')})` } };
  }
  // `POST /connect/accounts/{id}/onboarding-links`, `POST /files/upload-url`: what is made is an address to hand out
  if ((input.method === undefined || input.method === 'POST') && input.target.path.at(-1)?.kind === 'text' && isMintedLink(lastSegmentWords)) {
    return { critical: false, evidence, against: { kind: 'path', text: `path segment "${lastSegment}"` } };
  }
  // `checkOrder`, `validateCart`, `getQuote`: a read sent as POST, unless the path names a write command
  // (a PATCH, PUT or DELETE is never a query, whatever its caller is called: `verifyPaymentStatus` confirming the order)
  const sentAsQuery = input.method === undefined || input.method.includes('POST');
  const readIntent = sentAsQuery ? nearestNames.find((name) => namesQuery(name) && !addsToOtherCollection(name, input.target.path, pathWords)) : undefined;
  // `…/dispatch-state` names the state a dispatch leaves, not the command (a GraphQL field, `updatePaymentStatus`, is one)
  const stateNamed = new Set(urlSegments.map((segment) => splitWords(segment)).filter(namesState).flat());
  if (readIntent && !pathWords.some((word) => WRITE_COMMANDS.has(singular(word)) && !keyWords.has(word) && !stateNamed.has(word)) && !input.writesFirst?.()) {
    return { critical: false, evidence, against: { kind: 'function', text: `function "${readIntent}" reads` } };
  }
  const minor = settings.minorResourceWords.find(pathWords);
  // `POST /internal/cart/migrate` to the order service: the service is critical, what it is asked to write is not
  const requestEvidence = evidence.filter((item) => STRONG_EVIDENCE.has(item.kind));
  if (minor && requestEvidence.length > 0 && requestEvidence.every((item) => item.kind === 'service')) {
    return { critical: false, evidence, against: { kind: 'path', text: `path word "${minor}"` } };
  }
  if (requestEvidence.length > 0) return { critical: true, evidence };
  if (weakAgainst) return { critical: false, evidence, against: weakAgainst };
  if (minor) return { critical: false, evidence, against: { kind: 'path', text: `path word "${minor}"` } };
  return { critical: evidence.length > 0, evidence };
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Each context word → the critical words whose harmless sense it selects. */
const SENSES_BY_CONTEXT: ReadonlyMap<string, readonly string[]> = (() => {
  const byContext = new Map<string, string[]>();
  for (const [word, contexts] of Object.entries(OTHER_SENSES)) {
    for (const context of contexts) byContext.set(context, [...(byContext.get(context) ?? []), word]);
  }
  return byContext;
})();

/** The critical words that `words` give their harmless sense (`room` beside `streaming`), singular. */
function getHarmlessSenses(words: readonly string[]): ReadonlySet<string> {
  let found: Set<string> | undefined;
  for (const word of words) {
    for (const sense of SENSES_BY_CONTEXT.get(singular(word)) ?? []) (found ??= new Set()).add(sense);
  }
  return found ?? NO_WORDS;
}

/** How many folders above a file name the service that sends a request: `apps/streaming-service/src/services/x.ts`. */
const SERVICE_FOLDER_DEPTH = 4;

/** Words of the folders a file sits in, the nearest few: they name the service it belongs to. */
function getFolderWords(relativePath: string | undefined): string[] {
  if (relativePath === undefined) return [];
  const folders = relativePath.split(/[\\/]/).slice(0, -1).slice(-SERVICE_FOLDER_DEPTH);
  return folders.flatMap((folder) => splitWords(folder));
}

/** First words of a path segment that names a lookup key: `by-token`, `for-book`. */
const KEY_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'for']);

/** Words of where a thing is: its position on the map, not a record of its own. */
const POSITION_WORDS: ReadonlySet<string> = new Set(['location', 'geolocation', 'coordinates', 'gps']);

/**
 * The position word of a path whose last segment, right after an entity's id, names where that
 * entity is (`/drivers/{id}/location`, `/orders/{orderId}/delivery-location`): a value replaced
 * on every move, whose loss the next update repairs.
 */
function getPositionWord(path: Template, lastSegmentWords: readonly string[]): string | undefined {
  const last = path.at(-1);
  const before = path.at(-2);
  if (last?.kind !== 'text' || before === undefined || before.kind === 'text') return undefined;
  if (!/^\/[^/]+\/?$/.test(last.value.split(/[?#]/)[0] ?? '')) return undefined;
  return lastSegmentWords.find((word) => POSITION_WORDS.has(word));
}

/** A last path segment that names details to be looked up: `POST /seats/details` with the seats' ids. */
const LOOKUP_NOUNS: ReadonlySet<string> = new Set(['details', 'detail', 'info']);

/** A last path segment that names many records at once: `/bookings/batch`, `/users/bulk`. */
const BATCH_WORDS: ReadonlySet<string> = new Set(['batch', 'bulk', 'many', 'multiple']);

/** A payload key holding a list of ids: `ids`, `bookingIds`, `order_ids`. */
const ID_LIST_KEY = /^(?:ids|\w+Ids|\w+_ids)$/;

/** Nouns of an address made to be handed out. */
const LINK_NOUNS: ReadonlySet<string> = new Set(['link', 'links', 'url', 'urls']);

/**
 * A last path segment that names links to make (`onboarding-links`, `magic-link`, `links`): a
 * link or an address made to be handed out, not a write. A lone `link` is a verb (`/accounts/{id}/link`).
 */
function isMintedLink(words: readonly string[]): boolean {
  const last = words.at(-1);
  if (last === undefined || !LINK_NOUNS.has(last)) return false;
  return words.length > 1 ? !WRITE_COMMANDS.has(singular(words[0]!)) : last.endsWith('s');
}

/** First words of function names that read: the request they make is a query sent as POST. */
const READ_VERBS: ReadonlySet<string> = new Set([
  'check', 'validate', 'verify', 'get', 'fetch', 'find', 'lookup', 'load', 'read', 'list', 'search', 'query', 'quote',
  'calculate', 'compute', 'estimate', 'preview', 'simulate', 'count', 'exists', 'is', 'has', 'can', 'should',
]);

/**
 * Words that say how a helper sends, not what it asks for: `fetchWithTimeout`, `fetchJson`,
 * `getWithRetry`. A helper so named passes on whatever request its callers build.
 */
const TRANSPORT_WORDS: ReadonlySet<string> = new Set([
  'with', 'timeout', 'retry', 'retries', 'backoff', 'json', 'api', 'http', 'https', 'request', 'auth', 'safe', 'safely',
  'internal', 'service', 'client', 'raw', 'fallback', 'breaker', 'circuit', 'signal', 'abort',
]);

/**
 * A function named for a query: a read verb first (`checkOrder`, `getQuote`, a bare `validate`),
 * unless only transport words follow it (`fetchWithTimeout`: a sending helper), or a command
 * follows an `and` (`checkInventoryAvailabilityAndDeduct`, `validateAndCharge`: it writes too).
 */
function namesQuery(name: string): boolean {
  const [verb, ...rest] = splitWords(name);
  if (verb === undefined || !READ_VERBS.has(verb)) return false;
  if (rest.length > 0 && rest.every((word) => TRANSPORT_WORDS.has(word))) return false;
  // `getCreateOrder`, `fetchUpdateStock`: what a write gives back
  if (NAMED_WRITES.has(rest[0] ?? '')) return false;
  const next = (index: number): string => rest[index + 1] ?? '';
  return !rest.some((word, index) => (word === 'and' || word === 'then') && (WRITE_COMMANDS.has(next(index)) || COMMAND_VERBS.has(next(index))));
}

/**
 * A `POST` to a collection (`…/inventories`) that the function around it, named for fetching
 * something else, does not name: `getProductDetails` creating the product's missing inventory
 * record on the way reads the product, and adds to the inventories. A query posted from such a
 * function names what it asks for (`getQuote` → `POST /quotes`); one that checks or computes
 * asks whatever it posts to (`checkStock` → `POST /stock/check`, `calculateShipping` → `POST /rates`).
 */
function addsToOtherCollection(name: string, path: Template, pathWords: readonly string[]): boolean {
  const [verb, ...rest] = splitWords(name);
  if (!RETRIEVAL_VERBS.has(verb ?? '')) return false;
  const last = path.at(-1);
  if (last?.kind !== 'text') return false;
  const collection = splitWords(last.value.split(/[?#]/)[0]!.split('/').filter((segment) => segment !== '').at(-1) ?? '').at(-1);
  if (collection === undefined || singular(collection) === collection || READ_VERBS.has(collection)) return false;
  const named = new Set(rest.map(singular));
  return !pathWords.some((word) => named.has(singular(word)));
}

/** Read verbs that fetch a thing (and may make what is missing of it on the way), unlike those that check or compute (`calculateShipping` → `POST /rates` asks). */
const RETRIEVAL_VERBS: ReadonlySet<string> = new Set(['get', 'fetch', 'find', 'load', 'read', 'list', 'lookup']);

/** Write verbs that, right after a read verb, make the name one of a write: `getCreateOrder`. */
const NAMED_WRITES: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'remove']);

/** Verbs of a command joined to a check by `and`: `checkAndDeduct`, `verifyAndReserve`. */
const COMMAND_VERBS: ReadonlySet<string> = new Set(['deduct', 'reserve', 'consume', 'decrement', 'increment', 'lock', 'hold', 'book', 'place', 'save', 'apply', 'process', 'execute']);

/** Path words that command a write whatever the caller's name says. */
const WRITE_COMMANDS: ReadonlySet<string> = new Set([
  'charge', 'pay', 'transfer', 'withdraw', 'deposit', 'create', 'update', 'delete', 'remove', 'add', 'set', 'mark', 'commit',
  'debit', 'credit', 'submit', ...TRANSITION_VERBS,
]);

/** Evidence from the request itself; function and class names only describe its surroundings. */
const STRONG_EVIDENCE: ReadonlySet<EvidenceKind> = new Set(['service', 'path', 'state', 'payloadKey', 'payloadType', 'payloadName']);

function findWord<T>(set: Settings['nonCriticalWords'], words: readonly string[], describe: (word: string) => T): T | undefined {
  const word = set.find(words);
  return word === undefined ? undefined : describe(word);
}

/** Words that name a notice of something: a callback about a payment, or a message to a person. */
const NOTICES = new WordSet(NOTICE_WORDS);

/**
 * Path words without the notice of a segment that is nothing but a critical word and a notice
 * (`payment-notification`, `orderNotify`): the notice is the event itself. A notice on its own
 * (`/notifications`, `/orders/{id}/notify`) or in a longer name (`sendErrorNotificationWithOrder`)
 * still counts against the write.
 */
function withoutQualifiedNotices(words: string[], segments: readonly string[], settings: Settings): string[] {
  let qualified = false;
  const kept = segments.flatMap((segment) => {
    const segmentWords = splitWords(segment);
    const [first, second] = segmentWords;
    if (segmentWords.length !== 2 || NOTICES.find([second!]) === undefined || settings.criticalWords.find([first!]) === undefined) return segmentWords;
    qualified = true;
    return [first!];
  });
  return qualified ? words.filter((word) => kept.includes(word)) : words;
}

/** Words of what a payment is made with, that elsewhere name a login's credentials. */
const PAYMENT_INSTRUMENTS: ReadonlySet<string> = new Set(['token']);

/**
 * Without the instrument words of a path segment that also names a critical command or thing:
 * the token of `POST /payments/charge-token` is a saved card's, charged, not a session's.
 */
function withoutChargedInstruments(words: string[], segments: readonly string[], settings: Settings): string[] {
  const charged = new Set<string>();
  for (const segment of segments) {
    const segmentWords = splitWords(segment);
    const instruments = segmentWords.filter((word) => PAYMENT_INSTRUMENTS.has(word));
    if (instruments.length > 0 && settings.criticalWords.find(segmentWords.filter((word) => !PAYMENT_INSTRUMENTS.has(word)))) {
      for (const word of instruments) charged.add(word);
    }
  }
  return charged.size > 0 ? words.filter((word) => !charged.has(word)) : words;
}

/** The segments of the literal parts of a path, without query strings. */
function getPathSegments(path: Template): string[] {
  return path.flatMap((part) => (part.kind === 'text' ? (part.value.split(/[?#]/)[0] ?? '').split('/') : []));
}

function renderPath(path: Template): string {
  const rendered = path
    .map((part) => (part.kind === 'text' ? part.value : part.kind === 'unknown' ? `{${part.label}}` : `{${part.kind === 'env' ? part.name : part.key}}`))
    .join('');
  return (rendered.split('?')[0] ?? rendered) || '/';
}

interface NamedContext {
  readonly name: string;
  /** the function, or undefined for a class */
  readonly fn: FunctionNode | undefined;
}

/** Class names of API clients: `LedgerClient`, `PaymentsApi`, `BillingApiClient`, `InventoryAdapter`, `WalletConnector`. */
const CLIENT_CLASS_NAME = /(?:Client|Api|Adapter|Connector|Sdk)$/;

/** Named functions and classes around a node, innermost first. */
function getEnclosingNamed(node: TSESTree.Node): NamedContext[] {
  const result: NamedContext[] = [];
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      const name = getFunctionName(current);
      if (name) result.push({ name, fn: current });
      const cls = getMethodClass(current);
      const className = cls && getClassName(cls);
      // a client class is named for whom it calls (`PaymentsRiskClient`, `LedgerClient`): the target's evidence, not the write's
      if (className && !CLIENT_CLASS_NAME.test(className)) result.push({ name: className, fn: undefined });
    }
  }
  return result;
}

/** `@critical` in the JSDoc of a function, its method, or its variable/export statement. */
function hasCriticalTag(fn: FunctionNode, file: FileContext): boolean {
  const candidates: TSESTree.Node[] = [fn];
  let current: TSESTree.Node = fn;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.MethodDefinition ||
      current.parent.type === AST_NODE_TYPES.PropertyDefinition ||
      current.parent.type === AST_NODE_TYPES.VariableDeclarator ||
      current.parent.type === AST_NODE_TYPES.VariableDeclaration ||
      current.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      current.parent.type === AST_NODE_TYPES.ExportDefaultDeclaration)
  ) {
    current = current.parent;
    candidates.push(current);
  }
  return candidates.some((candidate) => hasTag(candidate, file));
}

function hasTag(node: TSESTree.Node, file: FileContext): boolean {
  return file.getCommentsBefore(node).some((comment) => comment.type === AST_TOKEN_TYPES.Block && CRITICAL_TAG.test(comment.value));
}

export interface PayloadFacts {
  keys: string[];
  names: string[];
  /** events named by an envelope's literal `type`/`event` */
  events: string[];
  typeName: string | undefined;
  taggedType: string | undefined;
  /** the GraphQL operation the body carries (`{ query: 'mutation { updateStock(…) { id } }' }`) */
  graphql?: GraphqlOperation;
}

/** Keys, names and declared type of a payload: `{ amount }`, `paymentDto`, `dto: CreatePaymentDto`. */
export function describePayload(payload: Located, file: FileContext): PayloadFacts {
  const facts: PayloadFacts = { keys: [], names: [], events: [], typeName: undefined, taggedType: undefined };
  collectPayloadFacts(payload, file, facts, 0);
  return facts;
}

function collectPayloadFacts(
  payload: Located,
  file: FileContext,
  facts: PayloadFacts,
  depth: number,
): void {
  if (depth > 3) return;
  let node = skipTransparent(payload.node);
  // JSON.stringify(x), Buffer.from(JSON.stringify(x))
  while (node.type === AST_NODE_TYPES.CallExpression && node.arguments[0] && node.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
    const callee = node.callee;
    const isWrapper =
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      (callee.property.name === 'stringify' || callee.property.name === 'from');
    if (!isWrapper) break;
    node = skipTransparent(node.arguments[0]);
  }
  if (file.resolver && (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression)) {
    const typeFacts = file.resolver.getTypeFacts(node);
    if (typeFacts) {
      facts.typeName ??= typeFacts.name;
      if (typeFacts.critical) facts.taggedType ??= typeFacts.name;
    }
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    facts.names.push(node.name);
    const binding = file.getBinding(node, payload.env);
    const type = binding?.kind === 'parameter' ? binding.type : binding?.kind === 'type' ? binding.node : undefined;
    if (type) recordType(type, file, facts);
  } else if (node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier) {
    facts.names.push(node.property.name);
  }
  const resolved = resolveValue(node, file, payload.env);
  if (resolved.node.type === AST_NODE_TYPES.ObjectExpression) {
    facts.keys.push(...getObjectKeys(resolved.node, file, resolved.env));
    facts.graphql ??= getGraphqlOperation(resolved.node, file, resolved.env);
    for (const property of resolved.node.properties) {
      const eventName = property.type === AST_NODE_TYPES.Property ? getEventName(property) : undefined;
      if (eventName) facts.events.push(eventName);
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        collectPayloadFacts({ node: property.argument, env: deeper(resolved.env) }, file, facts, depth + 1);
      } else if (property.value.type === AST_NODE_TYPES.ObjectExpression || property.value.type === AST_NODE_TYPES.ArrayExpression) {
        const inner = property.value.type === AST_NODE_TYPES.ArrayExpression ? property.value.elements[0] : property.value;
        if (inner && inner.type === AST_NODE_TYPES.ObjectExpression) facts.keys.push(...getObjectKeys(inner, file, resolved.env));
      }
    }
  } else if (resolved.node !== node && resolved.node.type === AST_NODE_TYPES.Identifier) {
    // a wrapper's parameter bound to the caller's argument: read the argument's name and type
    collectPayloadFacts({ node: resolved.node, env: resolved.env }, file, facts, depth + 1);
  }
}

/** The GraphQL document of a body `{ query, variables }`, when its text is known: `query` is a GraphQL request's key for mutations too. */
function getGraphqlOperation(object: TSESTree.ObjectExpression, file: FileContext, env: Located['env']): GraphqlOperation | undefined {
  const query = getObjectProperty(object, 'query', file, env);
  if (!query) return undefined;
  const text = formatTemplate(evaluateTemplate(query.node, file, deeper(query.env)));
  return parseGraphqlOperation(text);
}

/** Keys of an event envelope that name the event: `{ type: 'OrderCreated', data }`. */
const EVENT_NAME_KEYS: ReadonlySet<string> = new Set(['type', 'event', 'eventType', 'eventName', 'event_type', 'event_name', 'topic', 'action']);

/** The event an envelope's property names, when its value is a literal: `type: 'OrderCreated'`. */
function getEventName(property: TSESTree.Property): string | undefined {
  const key = getPropertyName(property);
  return key !== undefined && EVENT_NAME_KEYS.has(key) ? getStaticString(skipTransparent(property.value)) : undefined;
}

/** The names of a type's property signatures: `quantity` of `{ id: string; quantity: number }`. */
function getMemberNames(members: readonly TSESTree.TypeElement[]): string[] {
  const names: string[] = [];
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.computed) continue;
    if (member.key.type === AST_NODE_TYPES.Identifier) names.push(member.key.name);
    else if (member.key.type === AST_NODE_TYPES.Literal && typeof member.key.value === 'string') names.push(member.key.value);
  }
  return names;
}

function recordType(
  type: TSESTree.TypeNode,
  file: FileContext,
  facts: PayloadFacts,
): void {
  // `params: { id: string; quantity: number }`: the keys the body is declared with
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) {
    facts.keys.push(...getMemberNames(type.members));
    return;
  }
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return;
  const name = type.typeName.name;
  facts.typeName ??= name;
  const variable = file.findVariable(type.typeName);
  const declaration = variable?.defs[0]?.node;
  if (!declaration) return;
  // an interface or an object type declared in the file: its keys
  if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration) facts.keys.push(...getMemberNames(declaration.body.body));
  else if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) {
    facts.keys.push(...getMemberNames(declaration.typeAnnotation.members));
  }
  let statement: TSESTree.Node = declaration;
  if (statement.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) statement = statement.parent;
  if (hasTag(statement, file)) facts.taggedType ??= name;
}
