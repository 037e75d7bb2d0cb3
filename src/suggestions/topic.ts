/**
 * Topic / event names for suggestions, derived from the target and the path:
 * `POST payments /payments` → `payments.created`,
 * `POST payments /payments/capture` → `payments.capture.requested`.
 */
import type { Template } from '../analysis/template.js';
import { singular, splitWords } from '../analysis/words.js';

/** Path segments that name a command rather than a resource: the event is a request for it. */
const COMMAND_SEGMENTS = new Set([
  'capture', 'refund', 'cancel', 'confirm', 'reserve', 'release', 'charge', 'authorize', 'authorise', 'approve',
  'reject', 'void', 'settle', 'transfer', 'withdraw', 'deposit', 'pay', 'book', 'ship', 'fulfil', 'fulfill',
  'complete', 'close', 'open', 'submit', 'reverse', 'commit', 'hold', 'debit', 'credit', 'checkout', 'dispatch',
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

export function deriveTopic(input: TopicInput, template: string): string {
  const segments = input.path
    .filter((part) => part.kind === 'text')
    .flatMap((part) => (part.kind === 'text' ? (part.value.split(/[?#]/)[0] ?? '').split('/') : []))
    .filter((segment) => segment !== '' && !IGNORED_SEGMENTS.test(segment) && /[a-z]/i.test(segment))
    .map(slug)
    .filter((segment) => segment !== '');

  const serviceSlug = input.service && /^[a-z][\w-]*$/i.test(input.service) ? slug(input.service) : undefined;
  const service = serviceSlug ?? segments[0] ?? 'service';
  const resource = segments.filter((segment) => singular(segment) !== singular(service));
  const last = resource.at(-1);
  const action =
    last !== undefined && COMMAND_SEGMENTS.has(singular(last)) ? 'requested' : (PAST_TENSE[input.method ?? ''] ?? 'requested');

  return template
    .replaceAll('{service}', service)
    .replaceAll('{resource}', resource.join('.'))
    .replaceAll('{action}', action)
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '');
}
