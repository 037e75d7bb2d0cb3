/**
 * Cheap per-file checks that run before anything else: test files are skipped unless asked
 * for, and a file that mentions none of the libraries a rule recognises gets no listeners.
 */
import { BROKER_ROOTS } from '../catalog/brokers.js';
import { DATABASE_ROOTS } from '../catalog/databases.js';
import { CLIENT_MODULES } from '../catalog/http-clients.js';

/**
 * Folder names of tests, seeds, developer scripts and usage examples, also as a word of a longer name
 * (`e2e-testing-backend`, `integration-tests`, `test-utils`, `build-scripts`), and of
 * acceptance, smoke and load runs against a deployed system (`.uat`, `smoke-tests`, `k6`,
 * `benchmarks`; a `benchmark-service` is a service like any other), and of simulators that
 * drive a local stack as its users would (`driver-sim`, `iot-simulator`).
 */
const TEST_FOLDER =
  /(?:^|[\\/])\.?(?:__tests__|__mocks__|__fixtures__|(?:[\w.]+[-_.])?(?:tests?|testing|e2e|specs?|cypress|playwright|mocks|seeds?|scripts|examples|uat|acceptance|smoke|k6|simulators?)(?:[-_.][\w.]+)?|[\w.]+[-_]sim|benchmarks)[\\/]/i;
/**
 * File names of tests, stories, seeds, scratch files and usage examples: `orders.test.ts`,
 * `seed.js`, `EXAMPLES.js`, and scripts named for what they are (`e2e-checkout.js`,
 * `order-flow-test.js`, `seed-users.js`).
 */
const TEST_NAME =
  /\.(?:test|spec|e2e|cy|stories)\.[cm]?[jt]sx?$|(?:^|[\\/])(?:tests?|scratch|try|playground|sandbox|seed|seeds|examples?|EXAMPLES?|Examples?)\.[cm]?[jt]sx?$|(?:^|[\\/])(?:e2e|smoke|seed|seeds|seeder)[-_][\w.-]*\.[cm]?[jt]sx?$|[-_](?:tests?|e2e|seed|seeds|seeder)\.[cm]?[jt]sx?$/;

/**
 * A test, fixture or seed file, by its path relative to the project (ESLint's working
 * directory): where a checkout lives (`/home/ci/tests/shop`) says nothing about the file.
 */
export function isTestFile(relativePath: string): boolean {
  return (
    TEST_FOLDER.test(relativePath) ||
    TEST_NAME.test(relativePath) ||
    ((TEST_SCRIPT.test(relativePath) || TOOL_SCRIPT.test(relativePath)) && !SOURCE_FOLDER.test(relativePath))
  );
}

/** A developer's check in a tools folder, named with a verb of trying or checking: `tools/verify-webhook.ts`. */
const TOOL_SCRIPT = /(?:^|[\\/])tools[\\/](?:[\w.-]+[\\/])*(?:verify|check|debug|dump|reset|fix|try|tmp|temp)[-_][\w.-]*\.[cm]?[jt]sx?$/i;

/** A script named for a test run (`test-kyc-flow.js`), which is one outside the source folders (`src/test-data.ts` is data). */
const TEST_SCRIPT = /(?:^|[\\/])tests?[-_][\w.-]*\.[cm]?[jt]sx?$/;
const SOURCE_FOLDER = /(?:^|[\\/])(?:src|lib|app|source)[\\/]/;

/**
 * Folders of front-end code in full-stack repositories, also as the last word of a longer name
 * (`driver-frontend`, `customer_frontend`, `libs/domains/booking-frontend`, `react-web-app`).
 * Not as the first word: a `frontend-service` or `frontend-api` may be a server; nor a
 * `headless-browser` or a `hotel-spa`.
 */
const BROWSER_FOLDER = /(?:^|[\\/])(?:(?:[\w.-]*[-_])?(?:frontend|front-end|webapp|web-app)|browser|spa)[\\/]/i;
/** Component files of UI frameworks. */
const BROWSER_FILE = /\.(?:jsx|vue|svelte|astro)$/;
/** A `'use client'` directive. */
const USE_CLIENT = /^\s*['"]use client['"]/m;
/** An import of a UI framework or browser data-fetching library. */
const BROWSER_IMPORT =
  /\bfrom\s*['"](?:react|react-dom(?:\/client)?|vue|@angular\/core|svelte|solid-js|preact|@tanstack\/(?:react|vue|svelte|solid)-query|react-query|swr|next\/navigation|next\/router|@remix-run\/react)['"]/;

/**
 * Front-end code: a browser calling its own back end is the user's request itself, not one
 * service calling another (Next.js route handlers and server code are not front-end).
 * `relativePath` is relative to the project, like `isTestFile`'s.
 */
export function isBrowserCode(relativePath: string, text: string): boolean {
  // two patterns, the directive looked for only where its words are: one alternation anchored at line starts scans twice as slowly
  return (
    BROWSER_FOLDER.test(relativePath) ||
    BROWSER_FILE.test(relativePath) ||
    (text.includes('use client') && USE_CLIENT.test(text)) ||
    BROWSER_IMPORT.test(text) ||
    (text.includes('Storage') && BROWSER_STORAGE.test(text))
  );
}

/** The browser's storage, read or written (`localStorage.getItem('access_token')`): a server has none. */
const BROWSER_STORAGE = /\b(?:localStorage|sessionStorage)\.(?:getItem|setItem|removeItem)\s*\(/;

/** The config says the file runs in a browser: `languageOptions.globals` has `window` and `document`. */
export function hasBrowserGlobals(globals: Readonly<Record<string, unknown>> | undefined): boolean {
  return globals !== undefined && 'window' in globals && 'document' in globals;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A test for files that mention a module specifier in quotes (`'axios'`, `"node:https"`, `'undici/…'`) or one of `words`. */
function mentionTest(modules: readonly string[], words: readonly string[]): (text: string) => boolean {
  const names = [...new Set(modules)].filter((module) => module !== 'global').map(escape);
  const pattern = new RegExp(`['"\`](?:node:)?(?:${names.join('|')})['"\`/]${words.length > 0 ? `|${words.join('|')}` : ''}`);
  // both rules ask about the same text in turn: the last answer is kept
  let last: { readonly text: string; readonly found: boolean } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, found: pattern.test(text) };
    return last.found;
  };
}

/**
 * Mentions an HTTP client: a module in quotes, a fetch call, or a client type. Every NestJS file
 * imports `@nestjs/common`, whose legacy `HttpService` is matched by name instead.
 */
export const mentionsHttpClient = mentionTest(
  CLIENT_MODULES.filter((module) => module !== '@nestjs/common'),
  // the global fetch called, or kept to be called later (`this.fetchImpl = options.fetch ?? fetch`, `fetchFn: typeof fetch`)
  // and a base address given first to a client factory of any package (`serviceConnector({ baseURL: … })`), not a config entry's
  // (`payments: { baseUrl: … }`)
  ['\\bfetch\\s*[(<]', '(?:\\?\\?|\\|\\||[=:]|\\btypeof)\\s*fetch\\b', '\\$fetch\\b', '\\bHttpService\\b', '\\bAxiosInstance\\b', '\\(\\s*\\{\\s*base(?:URL|Url)\\s*:'],
);

/** Mentions a database library (or a Prisma client by name). */
export const mentionsDatabase = mentionTest(
  DATABASE_ROOTS.map((root) => root.module),
  ['\\bprisma\\b', '\\bPrisma\\w*'],
);

/** Mentions a broker library. */
export const mentionsBroker = mentionTest(
  BROKER_ROOTS.map((root) => root.module),
  [],
);

/**
 * Mentions messaging code of the project's own: a producer or publisher (`producer.send`,
 * `new OrderCreatedPublisher(…)`), a handle named for a broker or a queue, a publish function.
 */
export function mentionsProjectPublisher(text: string): boolean {
  return /(?:[pP]roducer|[pP]ublisher)s?\b|[kK]afka|[rR]abbit|[aA]mqp|AMQP|[nN]ats|NATS|[sS]qs|SQS|[sS]ns|SNS|[bB]roker|(?:message|service|Message|Service)Bus|[qQ]ueue\b|\b(?:publish|produce|enqueue|send(?:Event|Message|To)|dispatch[A-Z]|emit[A-Z])\w*\s*\(/.test(text);
}

/** Mentions the project's data layer: a model or database module, a repository, a write on a document or collection. */
export function mentionsProjectDataLayer(text: string): boolean {
  return /[rR]epo(?:sitory)?\b|\b(?:db|database)\b|\.(?:save|insertOne|insertMany|updateOne|updateMany|deleteOne|deleteMany|findOneAndUpdate|findByIdAndUpdate|bulkWrite|query|execute)\s*\(|['"][^'"\n]*(?:models?|entit(?:y|ies)|schemas?|-db)['"/]/.test(text);
}

const RELATIVE_IMPORT = /\bfrom\s*['"]\.{1,2}\/|\brequire\s*\(\s*['"]\.{1,2}\/|\bimport\s*\(\s*['"]\.{1,2}\//;

/** Imports another file of the project (a relative specifier): its functions may make requests. */
export function importsProjectModule(text: string): boolean {
  return RELATIVE_IMPORT.test(text);
}
