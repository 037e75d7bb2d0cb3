/**
 * Shared pieces of the `no-sync-critical-write` rule tests: one RuleTester per tier (plain JS
 * parsed by espree, TS syntax parsed by typescript-eslint), and builders for cases and
 * expected errors so that each test states only the code and what the report must say.
 *
 * Error locations are computed from the code itself: `at` is the callee text the report must
 * cover exactly (`axios.post`, `this.http.post`, `postJson`), `within`/`nth` pick among
 * repeats. Suggestions are left out of the reports (see `rule`); `Expected.suggestions` is
 * passed through for when they are asserted here.
 */
import { type InvalidTestCase, RuleTester, type TestCaseError, type ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import type { NoSyncCriticalWriteOptions } from '../../../src/options.js';
import realRule, { type MessageIds, type Options } from '../../../src/rules/no-sync-critical-write.js';

/**
 * The rule under test, with the suggestions left out of its reports. These files assert what
 * the rule reports and where (the detection steps); suggestion outputs are asserted by the
 * suggestion tests. To assert them here too, pass `realRule` to the testers and give each
 * `Expected` its `suggestions`. Everything else (create, options, fixes) is the real rule's.
 */
function createWithoutSuggestions(context: Parameters<typeof realRule.create>[0]): ReturnType<typeof realRule.create> {
  const report: typeof context.report = (descriptor) => context.report({ ...descriptor, suggest: null });
  // ESLint freezes the context: derive one whose `report` drops the suggestions
  return realRule.create(Object.create(context, { report: { value: report } }) as typeof context);
}

/**
 * The rule as the RuleTester's types see it: `@typescript-eslint/rule-tester` may resolve its
 * own copy of `@typescript-eslint/utils`, whose `RuleContext` is nominally different.
 */
type TestedRule = Parameters<RuleTester['run']>[1];

export const rule = { ...realRule, create: createWithoutSuggestions } as unknown as TestedRule;

export const RULE_NAME = 'no-sync-critical-write';

/** Options as a user writes them: any subset, defaults fill the rest. */
export type UserOptions = Partial<NoSyncCriticalWriteOptions>;

/** Plain JS as ESLint parses it by default: espree, latest syntax, ES modules. */
export const jsTester = new RuleTester({
  languageOptions: {
    parser: espree,
    ecmaVersion: 'latest',
    sourceType: 'module',
  },
});

/** TS syntax through typescript-eslint's parser, no type information. */
export const tsTester = new RuleTester();

export interface Expected {
  /** the callee text the report covers: `axios.post`, `this.http.post`, `fetch`, a wrapper name */
  readonly at: string;
  /** a longer text around the callee that is unique in the code (`await fetch(`): `at` is its first match inside it */
  readonly within?: string;
  /** which occurrence of `within` (or of `at` without it) in the code, 1-based */
  readonly nth?: number;
  /** `POST /payments/{id}` */
  readonly request: string;
  readonly service: string;
  /** the first two evidence texts, in the rule's order */
  readonly evidence: readonly string[];
  /** the in-memory retry named in the note, when the call is wrapped in one */
  readonly retry?: string;
  /** wrappers passed through, outermost first (`['chargeCard', 'postJson']`): `syncCriticalWriteVia` */
  readonly via?: readonly string[];
  readonly suggestions?: TestCaseError<MessageIds>['suggestions'];
}

interface CaseExtras {
  readonly name?: string;
  readonly options?: UserOptions;
  readonly filename?: string;
  /** `commonjs` for `require(…)` code (JS tier only) */
  readonly sourceType?: 'module' | 'commonjs';
}

function retryNote(retry: string | undefined): string {
  return retry === undefined ? '' : ` In-memory retries (${retry}) die with the process and do not make it durable.`;
}

/** Line and column (1-based, ESLint style) of a character offset. */
function position(code: string, offset: number): { line: number; column: number } {
  const before = code.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

function indexOf(code: string, text: string, nth: number): number {
  let index = -1;
  for (let seen = 0; seen < nth; seen += 1) {
    index = code.indexOf(text, index + 1);
    if (index === -1) throw new Error(`expected text ${JSON.stringify(text)} (occurrence ${nth}) is not in the test code`);
  }
  return index;
}

function locate(code: string, expected: Expected): { line: number; column: number; endLine: number; endColumn: number } {
  const nth = expected.nth ?? 1;
  let index: number;
  if (expected.within === undefined) {
    index = indexOf(code, expected.at, nth);
  } else {
    const offset = expected.within.indexOf(expected.at);
    if (offset === -1) throw new Error(`${JSON.stringify(expected.at)} is not inside ${JSON.stringify(expected.within)}`);
    index = indexOf(code, expected.within, nth) + offset;
  }
  const start = position(code, index);
  const end = position(code, index + expected.at.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function expectedError(code: string, expected: Expected): TestCaseError<MessageIds> {
  const data: Record<string, string> = {
    request: expected.request,
    service: expected.service,
    evidence: expected.evidence.join(', '),
    note: retryNote(expected.retry),
  };
  if (expected.via) data.via = expected.via.map((name) => `${name}()`).join(' → ');
  return {
    messageId: expected.via ? 'syncCriticalWriteVia' : 'syncCriticalWrite',
    ...locate(code, expected),
    data,
    ...(expected.suggestions === undefined ? {} : { suggestions: expected.suggestions }),
  };
}

function caseConfig(extras: CaseExtras, defaultFilename: string) {
  return {
    ...(extras.name === undefined ? {} : { name: extras.name }),
    filename: extras.filename ?? defaultFilename,
    ...(extras.options === undefined ? {} : { options: [extras.options] as Options }),
    // espree reads `parserOptions.sourceType`, scope analysis reads `languageOptions.sourceType`
    ...(extras.sourceType === undefined
      ? {}
      : { languageOptions: { sourceType: extras.sourceType, parserOptions: { sourceType: extras.sourceType } } }),
  };
}

interface CaseBuilders {
  valid(code: string, extras?: CaseExtras): ValidTestCase<Options>;
  invalid(code: string, errors: Expected | readonly Expected[], extras?: CaseExtras): InvalidTestCase<MessageIds, Options>;
}

function builders(defaultFilename: string): CaseBuilders {
  return {
    valid: (code, extras = {}) => ({ code, ...caseConfig(extras, defaultFilename) }),
    invalid: (code, errors, extras = {}) => ({
      code,
      ...caseConfig(extras, defaultFilename),
      errors: (Array.isArray(errors) ? errors : [errors]).map((expected: Expected) => expectedError(code, expected)),
    }),
  };
}

/** Cases for `jsTester` (file `src/service.js`). */
export const js = builders('src/service.js');

/** Cases for `tsTester` (file `src/service.ts`). */
export const ts = builders('src/service.ts');
