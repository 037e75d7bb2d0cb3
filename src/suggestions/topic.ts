/**
 * Topic / event names for suggestions, derived from the target and the path:
 * `POST payments /payments` → `payments.created`,
 * `POST payments /payments/capture` → `payments.capture.requested`.
 */
import type { Template } from '../analysis/code/template.js';
import { TRANSITION_VERBS } from '../catalog/words.js';
import { singular, splitWords, withoutUndo } from '../analysis/code/words.js';

/**
 * Path segments that name a command rather than a resource: the event is a request for it.
 * Every transition the criticality knows, and the money movements.
 */
const COMMAND_SEGMENTS = new Set([
  ...TRANSITION_VERBS,
  'charge', 'authorize', 'authorise', 'transfer', 'withdraw', 'deposit', 'pay', 'open', 'submit', 'commit', 'debit',
  'credit', 'checkout',
]);

const IGNORED_SEGMENTS = /^(?:api|v\d+|rest|internal|public)$/i;

const PAST_TENSE: Record<string, string> = { POST: 'created', PUT: 'updated', PATCH: 'updated', DELETE: 'deleted' };

function slug(text: string): string {
  return splitWords(text).join('-');
}

export interface TopicInput {
  readonly service: string | undefined;
  readonly path: Template;
  /** the write method (`POST`); the first one when several */
  readonly method: string | undefined;
}

interface TopicParts {
  readonly service: string;
  /** path segments naming what is written, without the service's own collection */
  readonly resource: readonly string[];
  /** the last segment is a command (`/capture`), not a collection */
  readonly isCommand: boolean;
}

function getTopicParts(input: TopicInput): TopicParts {
  const segments = input.path
    .filter((part) => part.kind === 'text')
    .flatMap((part) => (part.kind === 'text' ? (part.value.split(/[?#]/)[0] ?? '').split('/') : []))
    .filter((segment) => segment !== '' && !IGNORED_SEGMENTS.test(segment) && !PATH_PARAMETER.test(segment) && /[a-z]/i.test(segment))
    .map(slug)
    .filter((segment) => segment !== '');

  const serviceSlug = input.service && /^[a-z][\w-]*$/i.test(input.service) ? slug(input.service) : undefined;
  const service = serviceSlug ?? segments[0] ?? 'service';
  // `/payments/capture` on the payments service: the leading collection repeats the service
  const resource = segments.length > 0 && singular(segments[0]!) === singular(service) ? segments.slice(1) : segments;
  const last = resource.at(-1);
  // a singular verb-like segment is a command (`/capture`, undone: `/unhold`); a plural one is a collection (`/charges`)
  const isCommand = last !== undefined && singular(last) === last && (COMMAND_SEGMENTS.has(last) || COMMAND_SEGMENTS.has(withoutUndo(last)));
  return { service, resource, isCommand };
}

export function deriveTopic(input: TopicInput, template: string): string {
  const { service, resource, isCommand } = getTopicParts(input);
  const action = isCommand ? 'requested' : (PAST_TENSE[input.method ?? ''] ?? 'requested');

  // resource segments are joined like the template joins its placeholders: `{service}-{resource}` → `a-b`
  const separator = /([^\w{}])\{resource\}/.exec(template)?.[1] ?? /\{resource\}([^\w{}])/.exec(template)?.[1] ?? '.';
  return template
    .replaceAll('{service}', service)
    .replaceAll('{resource}', resource.join(separator))
    .replaceAll('{action}', action)
    .replace(/([./:_-])\1+/g, '$1')
    .replace(/^[./:_-]+|[./:_-]+$/g, '');
}

const IMPERATIVE: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/**
 * The name of a durable step (or a workflow to start) that makes the write, from the same
 * parts as a topic but as a command: `POST payments /payments` → `payments.create`,
 * `POST payments /payments/capture` → `payments.capture`.
 */
export function deriveStepName(input: TopicInput): string {
  const { service, resource, isCommand } = getTopicParts(input);
  const verb = isCommand ? [] : [IMPERATIVE[input.method ?? ''] ?? 'call'];
  return [service, ...resource, ...verb].join('.');
}

/** `{orderId}`, `:id`, `<id>`: a parameter written into the path template. */
const PATH_PARAMETER = /^(?:\{[^}]*\}|:[\w$]+|<[^>]*>)$/;
