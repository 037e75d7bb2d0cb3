/**
 * Word handling shared by every heuristic that reads identifiers, keys and paths:
 * splitting `createPaymentOrder`, `PAYMENTS_SERVICE_URL` or `/payments/{id}/capture`
 * into lower-case words, and a forgiving singular form for matching word lists.
 */

import { ownString } from '../../util/own-string.js';

/** Letters with the digits that follow them (`v3`, `s3`, `auth0`, `oauth2`), or a run of digits. */
const WORD_PATTERN = /[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+/g;

const splitCache = new Map<string, readonly string[]>();

/** Splits an identifier, key, env name or URL path into lower-case words (cached: the same names recur). */
export function splitWords(text: string): string[] {
  let words = splitCache.get(text);
  if (!words) {
    // the cache outlives the file a name comes from: it must not hold that file's text
    const own = ownString(text);
    words = Array.from(own.matchAll(WORD_PATTERN), (match) => match[0].toLowerCase());
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(own, words);
  }
  return [...words];
}

/** A simple English singular, good enough for matching nouns such as `payments`, `entries`, `batches`. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) {
    return word.slice(0, -1);
  }
  return word;
}

/** The verb an undoing verb undoes: `unhold` → `hold`, `unblock` → `block`; other words as they are (`until`, `unit`). */
export function withoutUndo(word: string): string {
  return word.replace(/^un(?=[a-z]{4})/, '');
}

/** `paymentsServiceUrl`, `services.payments.url` → `PAYMENTS_SERVICE_URL`, `SERVICES_PAYMENTS_URL`. */
export function toUpperSnake(text: string): string {
  return splitWords(text).join('_').toUpperCase();
}

/** A set of words that matches both the singular and the plural form of a listed word. */
export class WordSet {
  readonly #words = new Set<string>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      for (const part of splitWords(word)) this.#words.add(singular(part));
    }
  }

  /** The first word of `words` that belongs to the set, as written. */
  find(words: readonly string[]): string | undefined {
    return words.find((word) => this.#words.has(singular(word)));
  }

  has(word: string): boolean {
    return this.#words.has(singular(word.toLowerCase()));
  }
}
