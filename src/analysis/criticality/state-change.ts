/**
 * Writes that change what another service holds about an entity, beyond money and goods: a
 * state transition (`PATCH /shipments/{id}` with `{ state: 'DISPATCHED' }`, `POST
 * /claims/{id}/approve`), and an account's lifecycle in an identity service (created,
 * suspended, deleted). Two services that disagree about either are wrong for good.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { ACCOUNT_CREATION_WORDS, ACCOUNT_HOLDER_WORDS, CREDENTIAL_CHECK_WORDS, IDENTITY_SERVICE_WORDS, SERVICE_REGISTRY_WORDS, STATE_KEYS, STOCK_SEGMENTS, TRANSITION_VERBS } from '../../catalog/words.js';
import { getPropertyName, skipTransparent } from '../code/ast.js';
import { deeper, type FileContext } from '../code/file-context.js';
import { getObjectProperty, resolveObject } from '../code/objects.js';
import { evaluateTemplate, getStaticText, type Template } from '../code/template.js';
import { type Located, resolveValue } from '../code/values.js';
import { singular, splitWords, withoutUndo, WordSet } from '../code/words.js';

/** verbs as written: `/refund` commands a transition, `/refunds` names a collection */
const TRANSITIONS: ReadonlySet<string> = new Set(TRANSITION_VERBS);
const STATES = new WordSet(STATE_KEYS);
const STOCK: ReadonlySet<string> = new Set(STOCK_SEGMENTS);
const IDENTITY = new WordSet(IDENTITY_SERVICE_WORDS);
const ACCOUNT_CREATION = new WordSet(ACCOUNT_CREATION_WORDS);
const ACCOUNT_HOLDERS = new WordSet(ACCOUNT_HOLDER_WORDS);
const CREDENTIAL_CHECKS = new WordSet(CREDENTIAL_CHECK_WORDS);
const SERVICE_REGISTRY = new WordSet(SERVICE_REGISTRY_WORDS);
const CREATION_VERBS: ReadonlySet<string> = new Set(['create', 'new', 'add', 'register', 'signup', 'provision', 'onboard']);
/** What happens to an account in its lifecycle: `/users/{id}/suspend`. */
const LIFECYCLE = new WordSet(['suspend', 'deactivate', 'activate', 'reactivate', 'ban', 'unban', 'block', 'unblock', 'delete', 'close', 'terminate', 'revoke', 'restore']);
/**
 * The same, named by its noun: only as the command itself, in the last segment the path writes
 * (`/users/update-activation/{id}`); before another (`/users/activation/resend-email`) it names
 * what the command is about.
 */
const LIFECYCLE_NOUNS = new WordSet(['suspension', 'deactivation', 'activation', 'reactivation', 'deletion', 'closure', 'termination', 'revocation']);

/** The lifecycle word of a path: a verb anywhere in it, or a noun in its last literal segment. */
function findLifecycleWord(words: readonly string[], segments: readonly string[]): string | undefined {
  const last = splitWords(segments.at(-1) ?? '');
  return words.find((word) => LIFECYCLE.has(withoutUndo(word))) ?? last.find((word) => LIFECYCLE_NOUNS.has(word));
}

export interface StateChange {
  /** `status set to "DISPATCHED"`, `transition "approve"`, `PATCH …/status` */
  readonly text: string;
  /** the change is to an account: created, suspended, deleted, given a role */
  readonly account?: true;
}

/**
 * The state change a write makes, if it shows one.
 * @param method the write's method, upper-cased (`PATCH`, `POST/PUT`)
 */
export function findStateChange(path: Template, method: string | undefined, payload: Located | undefined, file: FileContext): StateChange | undefined {
  const segments = getLiteralSegments(path);
  const last = segments.at(-1);
  // a login's session or token (`PATCH /sessions/{id}/deactivate`, `POST /tokens/{id}/revoke`): housekeeping of access, not an entity's state
  if (last !== undefined && namesAccessGrant(commandsTransition(last) ? segments.at(-2) : last)) return undefined;
  if (last !== undefined) {
    if (commandsTransition(last)) return { text: `transition "${last}"` };
    if (STATES.has(last) && method !== undefined && /PATCH|PUT|POST/.test(method)) return { text: `${method.split('/')[0]} …/${last}` };
    // a named state of the entity, updated in place: `PUT …/blockchain-status`, `PATCH …/payment_status`
    const lastWords = splitWords(last);
    if (lastWords.length > 1 && STATES.has(lastWords.at(-1) ?? '') && method !== undefined && /PATCH|PUT/.test(method)) {
      return { text: `${method.split('/')[0]} …/${last}` };
    }
    // what is left of an entity, set in place: `PATCH /books/{id}/availability`; `POST /availability` asks
    if (STOCK.has(last.toLowerCase()) && isUpdateInPlace(method) && path.length > 1 && path.at(-1)?.kind === 'text') return { text: `${method!.split('/')[0]} …/${last}` };
  }
  // an update of an existing entity, not a new one created with an initial status
  const updates = method !== undefined && (/PATCH|PUT/.test(method) || path.at(-1)?.kind !== 'text');
  const state = updates && payload ? findStateValue(payload, file) : undefined;
  return state && { text: `${state.key} set to "${state.value}"` };
}

/** Sessions and tokens of a login, as a path names them: `sessions`, `tokens`, `refresh-tokens`. */
const ACCESS_GRANTS = new WordSet(['session', 'token']);

function namesAccessGrant(segment: string | undefined): boolean {
  return segment !== undefined && ACCESS_GRANTS.has(splitWords(segment).at(-1) ?? '');
}

/** Sent only as PATCH or PUT: an entity updated in place, never a query sent as POST. */
export function isUpdateInPlace(method: string | undefined): boolean {
  return method !== undefined && method.split('/').every((item) => item === 'PATCH' || item === 'PUT');
}

/**
 * The last path segment when it commands a transition or its undoing: `/claims/{id}/approve`,
 * `/release-seats`, `/unhold`; `/mark-shipped` does not count.
 */
export function getTransition(path: Template): string | undefined {
  const last = getLiteralSegments(path).at(-1);
  return last !== undefined && commandsTransition(last) ? last : undefined;
}

/** A transition's verb and a state noun, `dispatch-state`, `release-status`: the state it leaves, not the command. */
export function namesState(words: readonly string[]): boolean {
  const [verb, noun] = words;
  return words.length === 2 && verb !== undefined && noun !== undefined && TRANSITIONS.has(verb) && STATES.has(noun);
}

/**
 * A segment whose first word is a transition's verb, or undoes one (`unhold`, `unreserve`), or
 * whose last command is one (`validate-and-lock`, `check-then-reserve`). Not a state named for
 * one (`dispatch-state`, `release-status`): that names what is kept of it, asked for or set.
 */
function commandsTransition(segment: string): boolean {
  const words = splitWords(segment);
  if (namesState(words)) return false;
  const isVerb = (verb: string): boolean => TRANSITIONS.has(verb) || TRANSITIONS.has(withoutUndo(verb));
  if (isVerb(words[0] ?? '')) return true;
  const joined = words.findLastIndex((word) => word === 'and' || word === 'then');
  return joined > 0 && isVerb(words[joined + 1] ?? '');
}

/** A word that names the service owning user accounts: `identity`, `auth`, `login`, `users`. */
export function namesIdentityService(word: string): boolean {
  return IDENTITY.has(word);
}

/**
 * An account created, suspended or deleted in the service that owns accounts.
 * @param payloadKeys the keys of the request's body, when known
 */
export function findAccountLifecycle(service: string | undefined, path: Template, method: string | undefined, payloadKeys: readonly string[] = []): StateChange | undefined {
  if (method === undefined) return undefined;
  const segments = getLiteralSegments(path);
  // `POST /signup`, `POST /auth/register`: a new account, whatever the service is called, but a service registry's
  const signUp = path.at(-1)?.kind === 'text' ? getSignUpSegments(segments) : undefined;
  if (method.includes('POST') && signUp !== undefined && !(service !== undefined && splitWords(service).some((word) => SERVICE_REGISTRY.has(word)))) {
    return { text: `account created (${signUp})`, account: true };
  }
  // `POST /internal/vendor/provision`, `POST /tenants/onboard`: an account holder set up in the service it will work in
  const provisioned = method.includes('POST') && path.at(-1)?.kind === 'text' ? getProvisionedHolder(segments) : undefined;
  if (provisioned !== undefined) return { text: `account provisioned (${provisioned})`, account: true };
  if (service === undefined) return undefined;
  if (!splitWords(service).some((word) => IDENTITY.has(word))) return findHolderLifecycle(service, segments, path, method);
  const words = segments.flatMap((segment) => splitWords(segment));
  // `POST user-service/internal/create`: what the identity service creates is an account
  if (method.includes('POST') && path.at(-1)?.kind === 'text' && words.length > 0 && words.every((word) => CREATION_VERBS.has(word))) {
    return { text: `account created in "${service}"`, account: true };
  }
  // a path of no words is the service's own collection (`POST ${USER_SERVICE_URL}/`)
  if (words.length > 0 && !words.some((word) => ACCOUNT_CREATION.has(word) || IDENTITY.has(word))) return undefined;
  // `/users/{id}/suspend`, `/accounts/{id}/unblock`
  const lifecycle = findLifecycleWord(words, segments);
  if (lifecycle !== undefined && method !== 'GET') return { text: `account ${lifecycle} in "${service}"`, account: true };
  const lastText = path.at(-1)?.kind === 'text';
  const lastWords = splitWords(segments.at(-1) ?? '');
  // `DELETE /users/{id}`, `DELETE /auth/restaurant-owners/{id}`, `DELETE /internal/profiles/{userId}`: the account itself
  const holder = lastWords.at(-1) ?? '';
  // and `DELETE /customers` with `{ id }`: the account named in the body
  const namedInBody = lastText && payloadKeys.some((key) => /^(?:id|[a-z]*Id|[a-z]*_id)$/.test(key));
  if (method.includes('DELETE') && (!lastText || namedInBody) && (ACCOUNT_CREATION.has(holder) || ACCOUNT_HOLDERS.has(holder) || isProfile(holder))) {
    return { text: `account deleted in "${service}"`, account: true };
  }
  // `POST /auth/admin/restaurant-owner` with `{ email, password }`: an account's credentials, given to a path that names who gets them
  if (method.includes('POST') && lastText && carriesNewCredentials(payloadKeys) && !words.some((word) => CREDENTIAL_CHECKS.has(word))) {
    const holderWords = words.filter((word) => !IDENTITY.has(word) && !GENERIC_PATH_WORDS.has(word) && !/^v?\d+$/.test(word));
    // or the service's collection itself: `POST ${USER_SERVICE_URL}/` with `{ email, passwordHash }`
    if (holderWords.length > 0 || words.length === 0) return { text: `account created in "${service}" (credentials in the body)`, account: true };
  }
  // `POST /users`, `POST /create-user`, `POST /users/get-or-create`: a new account, not a lookup sent as POST nor `POST /update-user`
  const names = lastWords.slice(0, -1).every((word) => ACCOUNT_CREATION.has(word) || IDENTITY.has(word) || CREATION_VERBS.has(word));
  const creates =
    lastText &&
    ((names && (ACCOUNT_CREATION.has(lastWords.at(-1) ?? '') || isProfile(lastWords.at(-1) ?? ''))) ||
      (lastWords.includes('create') && words.some((word) => ACCOUNT_CREATION.has(word))) ||
      // `POST /profile`, `POST /internal/profiles/bootstrap`: an account's profile set up where accounts are kept
      (lastWords.length > 0 && lastWords.every((word) => CREATION_VERBS.has(word) || PROVISION_VERBS.has(word)) && isProfile(splitWords(segments.at(-2) ?? '').at(-1) ?? '')));
  return method.includes('POST') && creates ? { text: `account created in "${service}"`, account: true } : undefined;
}

/**
 * Account holders whose own service keeps their accounts: a `doctor-service`, a `driver-service`.
 * Not words that also name things (an AI `agent`, a `host` machine, a data `provider`).
 */
const HOLDER_SERVICES = new WordSet(ACCOUNT_HOLDER_WORDS.filter((word) => !['agent', 'host', 'provider', 'guest', 'admin', 'administrator', 'operator'].includes(word)));

/**
 * An account created, suspended or deleted in the service named for the people it keeps
 * (`DELETE ${DOCTOR_SERVICE_URL}/api/doctors/internal/${userId}`, `POST
 * ${PATIENT_SERVICE_URL}/api/patients/profile`, `POST …/api/patient-profiles`): the path names the same holder, then a
 * lifecycle word, an id to delete, or the holder or its profile to create.
 */
function findHolderLifecycle(service: string, segments: readonly string[], path: Template, method: string): StateChange | undefined {
  const holders = splitWords(service).filter((word) => HOLDER_SERVICES.has(word));
  if (holders.length === 0) return undefined;
  const holderSet = new WordSet(holders);
  const words = segments.flatMap((segment) => splitWords(segment)).filter((word) => !GENERIC_PATH_WORDS.has(word) && !/^v?\d+$/.test(word));
  if (!words.some((word) => holderSet.has(word))) return undefined;
  const lifecycle = findLifecycleWord(words, segments);
  if (lifecycle !== undefined && method !== 'GET') return { text: `account ${lifecycle} in "${service}"`, account: true };
  const last = words.at(-1) ?? '';
  const lastText = path.at(-1)?.kind === 'text';
  if (method.includes('DELETE') && !lastText) return { text: `account deleted in "${service}"`, account: true };
  if (method.includes('POST') && lastText && (holderSet.has(last) || singular(last) === 'profile' || CREATION_VERBS.has(last))) return { text: `account created in "${service}"`, account: true };
  return undefined;
}

/** What a `verify` path may check rather than mark: a secret, a code, a payment, a signature. */
const CHECKED_THINGS: ReadonlySet<string> = new Set([
  'password', 'otp', 'token', 'code', 'pin', 'session', 'signature', 'payment', 'purchase', 'receipt', 'transaction', 'webhook', 'captcha', 'credential', 'credentials',
]);

/**
 * An account holder marked verified, or no longer: `PATCH /doctors/{id}/verify`, `PATCH
 * /users/{id}/verify-email`, `POST /internal/doctors/{id}/verify`. The path names one account by
 * its id, then the verification, which opens or closes what the account may do; `POST
 * /auth/verify` or `/users/{id}/verify-password` checks a secret instead.
 */
export function findAccountVerification(path: Template, method: string | undefined): StateChange | undefined {
  if (method === undefined || !/POST|PUT|PATCH/.test(method)) return undefined;
  const parts = path
    .map((part) => (part.kind === 'text' ? part.value : '\0'))
    .join('')
    .split('?')[0]!
    .split('/')
    .filter((segment) => segment !== '');
  const [holder, id, last] = parts.slice(-3);
  if (holder === undefined || id !== '\0' || last === undefined || last.includes('\0')) return undefined;
  const lastWords = splitWords(last);
  if ((lastWords[0] !== 'verify' && lastWords[0] !== 'unverify') || lastWords.some((word) => CHECKED_THINGS.has(word))) return undefined;
  const holderWords = splitWords(holder);
  if (!holderWords.some((word) => ACCOUNT_HOLDERS.has(word) || ACCOUNT_CREATION.has(word))) return undefined;
  return { text: `account verification set (${last})`, account: true };
}

/** Path words that say nothing of what is created: `/api/v1/internal/…`. */
const GENERIC_PATH_WORDS: ReadonlySet<string> = new Set(['api', 'internal', 'admin', 'admins', 'private', 'public', 'rest', 'service', 'services']);

/** A body that gives an account its credentials: a password, and a name to log in with. */
function carriesNewCredentials(keys: readonly string[]): boolean {
  const lower = keys.map((key) => key.toLowerCase().replace(/[_-]/g, ''));
  return lower.some((key) => key === 'password' || key === 'passwordhash') && lower.some((key) => key === 'email' || key === 'username' || key === 'phone' || key === 'login');
}

/** Verbs that set an account up for a service to work with: `provision`, `onboard`, `bootstrap`. */
const PROVISION_VERBS: ReadonlySet<string> = new Set(['provision', 'provisioning', 'onboard', 'onboarding', 'bootstrap']);

/** `profile`, `profiles`: an account's profile, in the service that keeps accounts. */
function isProfile(word: string): boolean {
  return singular(word) === 'profile';
}

/**
 * The account holder a path provisions: `vendor` of `/vendor/provision` or `/provision-vendor`,
 * `tenant` of `/tenants/{id}/onboard`. A provisioning verb last, with an account holder (or an
 * account word) right before it, or in the same segment.
 */
function getProvisionedHolder(segments: readonly string[]): string | undefined {
  const last = splitWords(segments.at(-1) ?? '');
  if (!last.some((word) => PROVISION_VERBS.has(word))) return undefined;
  const nouns = last.filter((word) => !PROVISION_VERBS.has(word));
  const candidates = nouns.length > 0 ? nouns : splitWords(segments.at(-2) ?? '');
  return candidates.find((word) => ACCOUNT_HOLDERS.has(word) || ACCOUNT_CREATION.has(word));
}

/**
 * The path's end that signs an account up: a last segment `signup`, `register`, `pre-register`,
 * `customer-registration`, or one after it that names the kind of account (`/auth/register/restaurant`,
 * `/signup/driver`), not a step that checks or resends (`/register/verify-otp`, `/signup/resend-code`).
 */
function getSignUpSegments(segments: readonly string[]): string | undefined {
  const last = segments.at(-1) ?? '';
  if (isSignUp(last)) return registersMachine(segments) ? undefined : last;
  const before = segments.at(-2);
  if (before === undefined || !isSignUp(before) || /^(?:sign-?up|register|registration)$/i.test(last)) return undefined;
  const words = splitWords(last);
  return words.length > 0 && words.every((word) => /^[a-z]+$/.test(word) && !SIGN_UP_STEPS.has(word) && !CHECKED_THINGS.has(word)) ? `${before}/${last}` : undefined;
}

/**
 * What is registered is a machine, not an account: `POST /pvp/server/register`,
 * `/devices/register`, `/webhook-register`. The word right before the registration names it.
 */
function registersMachine(segments: readonly string[]): boolean {
  const words = segments.slice(-2).flatMap((segment) => splitWords(segment));
  const index = words.findLastIndex((word) => SIGN_UP_WORDS.has(word));
  return index > 0 && MACHINES.has(words[index - 1]!);
}

/** Things a system registers that hold no account: its servers and instances, devices, hooks. */
const MACHINES = new WordSet(['server', 'instance', 'node', 'worker', 'device', 'webhook', 'hook', 'service', 'runner', 'plugin', 'bot', 'sidecar', 'replica']);

/** Words of a step of signing up that creates nothing itself: checking a code, resending it, asking whether a name is taken. */
const SIGN_UP_STEPS: ReadonlySet<string> = new Set([
  'verify', 'verification', 'confirm', 'confirmation', 'resend', 'send', 'check', 'validate', 'validation', 'status', 'exists', 'available', 'availability',
  'email', 'phone', 'sms', 'init', 'initiate', 'start', 'begin', 'request', 'options', 'form', 'config', 'google', 'facebook', 'apple', 'github', 'oauth', 'callback',
]);

/** The last path segment signs an account up: `signup`, `register`, `pre-register`, `customer-registration`. */
function isSignUp(segment: string): boolean {
  if (/^(?:sign-?up|register|registration)$/i.test(segment)) return true;
  return SIGN_UP_WORDS.has(splitWords(segment).at(-1) ?? '');
}

/** Words of a path that signs something up. */
const SIGN_UP_WORDS: ReadonlySet<string> = new Set(['register', 'registration', 'signup']);

/** Payload keys that hold an account's role, lower-cased. */
const ROLE_KEYS: ReadonlySet<string> = new Set(['role', 'roles', 'userrole', 'accounttype', 'usertype']);

/** A last path segment that is an account's role: `/auth/{id}/role`. */
const ROLE_SEGMENTS: ReadonlySet<string> = new Set(['role', 'roles', 'user-role', 'user-roles']);

/**
 * A role granted or taken away on an account of the service that owns accounts:
 * `PATCH /api/auth/users/{id}` with `{ role: 'restaurant_admin' }` once an application is
 * approved, or `PUT /api/auth/{id}/role`, whose path names the account's role itself; so is
 * the organisation it belongs to, and whether it may sign in (`{ isActive: false }`). The
 * identity service may sit behind a gateway: its name can be in the path.
 */
export function findRoleChange(service: string | undefined, path: Template, method: string | undefined, payload: Located | undefined, file: FileContext): StateChange | undefined {
  if (method === undefined || !/PATCH|PUT/.test(method) || !payload) return undefined;
  const segments = getLiteralSegments(path);
  const words = segments.flatMap((segment) => splitWords(segment));
  const identity = [...(service === undefined ? [] : splitWords(service)), ...words].some((word) => IDENTITY.has(word));
  const namesAccount = words.some((word) => ACCOUNT_CREATION.has(word)) || ROLE_SEGMENTS.has(segments.at(-1)?.toLowerCase() ?? '');
  if (!identity || !namesAccount) return undefined;
  const role = findKeyValue(payload, file, (key) => ROLE_KEYS.has(key.toLowerCase()));
  if (role) return { text: `account ${role.key} set to "${role.value}"`, account: true };
  // `PATCH /users/{id}/role` with `{ role }`: the path says a role is set, whichever one the caller passes
  const roleKey = ROLE_SEGMENTS.has(segments.at(-1)?.toLowerCase() ?? '') ? findKey(payload, file, (key) => ROLE_KEYS.has(key.toLowerCase())) : undefined;
  if (roleKey) return { text: `account ${roleKey.key} changed`, account: true };
  // the organisation the account belongs to, whatever the value: moved in, or out with `null`
  const membership = findKey(payload, file, (key) => MEMBERSHIP_KEYS.has(key.toLowerCase()));
  if (membership) return { text: `account ${membership.key} ${membership.cleared ? 'cleared' : 'set'}`, account: true };
  // whether its holder may sign in, whatever the value: opened, or closed with `false`
  const access = findKey(payload, file, (key) => ACCESS_KEYS.has(key.toLowerCase().replaceAll('_', '')));
  return access && { text: `account ${access.key} ${access.cleared ? 'cleared' : 'set'}`, account: true };
}

/**
 * Payload keys that open or close an account, lower-cased without `_`: `{ isActive: false }`,
 * `{ email_verified: true }`, `{ banned: true }` let its holder sign in, or no longer.
 */
const ACCESS_KEYS: ReadonlySet<string> = new Set(
  ['active', 'enabled', 'disabled', 'banned', 'blocked', 'suspended', 'locked', 'verified', 'emailverified', 'approved'].flatMap((key) => [key, `is${key}`]),
);

/** Payload keys that tie an account to an organisation, lower-cased: which tenant's data it may see. */
const MEMBERSHIP_KEYS: ReadonlySet<string> = new Set(['companyid', 'organizationid', 'organisationid', 'orgid', 'tenantid', 'teamid', 'workspaceid']);

/**
 * The literal path segments of a URL path, holes, versions and audiences left out:
 * `/claims/{id}/approve` → `['claims', 'approve']`, `/v1/users/internal` → `['users']`.
 */
function getLiteralSegments(path: Template): string[] {
  const segments: string[] = [];
  for (const part of path) {
    if (part.kind !== 'text') continue;
    segments.push(...(part.value.split(/[?#]/)[0] ?? '').split('/').filter((segment) => segment !== '' && !/^(?:v\d+|internal|public)$/i.test(segment)));
    if (/[?#]/.test(part.value)) break;
  }
  return segments;
}

/** `{ status: 'DISPATCHED' }`, `{ state: OrderState.PAID }`, `{ orderStatus: SHIPPED }`: a state key set to a constant. */
function findStateValue(payload: Located, file: FileContext): { key: string; value: string } | undefined {
  return findKeyValue(payload, file, (key) => STATES.has(splitWords(key).at(-1) ?? '')) ?? findStatusMember(payload, file);
}

/**
 * A key of any name set to a member of a status type: `{ result: BetStatus.WON }`, or a condition
 * between two (`won ? BetStatus.WON : BetStatus.LOST`). The type's name says a state is set.
 */
function findStatusMember(payload: Located, file: FileContext): { key: string; value: string } | undefined {
  for (const { key, object } of getMatchingProperties(payload, file, () => true)) {
    const value = getObjectProperty(object.node, key, file, object.env);
    const expression = value && skipTransparent(value.node);
    const members = expression?.type === AST_NODE_TYPES.ConditionalExpression ? [expression.consequent, expression.alternate] : expression ? [expression] : [];
    const names = members.map(getStatusMember);
    if (names.length > 0 && names.every((name) => name !== undefined)) return { key, value: names[0]! };
  }
  return undefined;
}

/** `BetStatus.WON`, `OrderState.PAID`: a member of an object whose name ends in a state word; its text. */
function getStatusMember(node: TSESTree.Node): string | undefined {
  const expression = skipTransparent(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = skipTransparent(expression.object);
  const name = getPropertyName(expression);
  if (object.type !== AST_NODE_TYPES.Identifier || name === undefined || !/^[A-Z]/.test(object.name)) return undefined;
  return STATES.has(splitWords(object.name).at(-1) ?? '') ? `${object.name}.${name}` : undefined;
}

/** The object literal a payload is, through variables and `JSON.stringify({ … })`. */
function getPayloadObject(payload: Located, file: FileContext): ReturnType<typeof resolveObject> {
  const located = resolveValue(payload.node, file, payload.env);
  let node = skipTransparent(located.node);
  // JSON.stringify({ … })
  if (node.type === AST_NODE_TYPES.CallExpression && node.arguments[0] && node.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
    node = skipTransparent(node.arguments[0]);
  }
  return resolveObject(node, file, located.env);
}

/** The properties of the payload object whose key `matches`, in source order. */
function* getMatchingProperties(
  payload: Located,
  file: FileContext,
  matches: (key: string) => boolean,
): Generator<{ key: string; property: TSESTree.Property; object: NonNullable<ReturnType<typeof resolveObject>> }> {
  const object = getPayloadObject(payload, file);
  if (!object) return;
  for (const property of object.node.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getPropertyName(property);
    if (key !== undefined && matches(key)) yield { key, property, object };
  }
}

/** The first key of the payload object that `matches` set to a constant, with that constant. */
function findKeyValue(payload: Located, file: FileContext, matches: (key: string) => boolean): { key: string; value: string } | undefined {
  for (const { key, object } of getMatchingProperties(payload, file, matches)) {
    const value = getObjectProperty(object.node, key, file, object.env);
    const constant = value && getConstant(value.node, file, value.env);
    if (constant !== undefined) return { key, value: constant };
  }
  return undefined;
}

/** The first key of the payload object that `matches`, and whether it is set to `null`. */
function findKey(payload: Located, file: FileContext, matches: (key: string) => boolean): { key: string; cleared: boolean } | undefined {
  for (const { key, property } of getMatchingProperties(payload, file, matches)) {
    const value = skipTransparent(property.value);
    return { key, cleared: value.type === AST_NODE_TYPES.Literal && value.value === null };
  }
  return undefined;
}

/** A constant's text: a string literal (through consts), `OrderStatus.SHIPPED`, `SHIPPED`. */
function getConstant(node: TSESTree.Node, file: FileContext, env: Located['env']): string | undefined {
  const expression = skipTransparent(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(expression);
    return name !== undefined && /^[A-Z][A-Z0-9_]*$|^[A-Z][a-z]+$/.test(name) ? name : undefined;
  }
  if (expression.type === AST_NODE_TYPES.Identifier && /^[A-Z][A-Z0-9_]+$/.test(expression.name)) return expression.name;
  const text = getStaticText(evaluateTemplate(expression, file, deeper(env)));
  return text !== undefined && /^[A-Za-z][\w-]{1,40}$/.test(text) ? text : undefined;
}
