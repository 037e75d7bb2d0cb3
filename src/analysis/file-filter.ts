/**
 * Cheap per-file checks that run before anything else: test files are skipped unless asked
 * for, and a file that mentions no HTTP client at all gets no listeners.
 */
import { CLIENT_MODULES } from '../catalog/http-clients.js';

const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|e2e|specs?|cypress|playwright)[\\/]|\.(?:test|spec|e2e|cy|stories)\.[cm]?[jt]sx?$/;

export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A module specifier in quotes (`'axios'`, `"node:https"`, `'undici/…'`), a fetch call, or a client type. */
const MENTIONS_CLIENT = new RegExp(
  `['"\`](?:node:)?(?:${CLIENT_MODULES.map(escape).join('|')})['"\`/]|\\bfetch\\s*[(<]|\\$fetch\\b|\\bHttpService\\b|\\bAxiosInstance\\b`,
);

export function mentionsHttpClient(text: string): boolean {
  return MENTIONS_CLIENT.test(text);
}
