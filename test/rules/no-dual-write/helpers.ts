/**
 * Shared pieces of the `no-dual-write` rule tests: one RuleTester per tier (plain JS parsed
 * by espree as `file.js`, TS syntax parsed by typescript-eslint as `file.ts`), and builders so
 * that each case states only the code and what the report must say.
 *
 * Locations are computed from the code: `at` is the callee text of the publish or request the
 * report covers, `write` is the database write named in the message (its line is the line
 * where that text first appears, or where `writeAt` does). Every expected error states its
 * suggestions: `[]` when none is offered, else each suggestion's topic, handle and full output.
 */
import { type InvalidTestCase, RuleTester, type TestCaseError, type ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { indexOf, locate, position } from '../locate.js';
import realRule, { type MessageIds, type NoDualWriteOptions, type Options } from '../../../src/rules/no-dual-write.js';

export const RULE_NAME = 'no-dual-write';

/** Options as a user writes them: any subset, defaults fill the rest. */
export type UserOptions = Partial<NoDualWriteOptions>;

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

/**
 * The rule, typed as the rule tester expects it: the tester bundles its own copy of
 * `@typescript-eslint/utils`, whose `RuleContext` is a different (equal) type.
 */
export const rule = realRule as unknown as Parameters<typeof jsTester.run<MessageIds, Options>>[1];

/** `publishes to Kafka` */
export const publishesTo = (broker: string): string => `publishes to ${broker}`;

export type ExpectedSuggestion =
  | {
      /** the topic named in the description, without quotes */
      readonly topic: string;
      /** the transaction handle the outbox insert uses */
      readonly handle: string;
      /** the whole file after applying the suggestion */
      readonly output: string;
    }
  | {
      /** the publish is removed: the outbox row written on this line already carries the event */
      readonly removeBecauseOutboxAt: number;
      readonly output: string;
    };

export interface Expected {
  /** the callee text the report covers: `producer.send`, `this.queue.add`, `axios.post` */
  readonly at: string;
  /** a longer text around the callee that is unique in the code: `at` is its first match inside it */
  readonly within?: string;
  /** which occurrence of `within` (or of `at` without it), 1-based */
  readonly nth?: number;
  /** `send` data without backticks, when it differs from `at` */
  readonly send?: string;
  /** `publishesTo('Kafka')` */
  readonly action: string;
  /** the database write named in the message, as the rule prints it (callee text with its line breaks removed) */
  readonly write: string;
  /** text whose first line is the write's line, when `write` is not written that way in the code */
  readonly writeAt?: string;
  /** which occurrence of `writeAt` (or of `write`), 1-based */
  readonly writeNth?: number;
  readonly suggestions: readonly ExpectedSuggestion[];
  /**
   * Both writes are made in one durable step (`dualWriteInStep`): the engine's name, the step as
   * the message names it (`Inngest step.run`) and the engine's unit of work (`` `step.run` ``).
   */
  readonly step?: { readonly engine: string; readonly detail: string; readonly api: string };
}

interface CaseExtras {
  readonly name: string;
  readonly options?: UserOptions;
  readonly filename?: string;
  /** `commonjs` for `require(…)` code (JS tier only) */
  readonly sourceType?: 'module' | 'commonjs';
}


/** The code with `from` (which must occur exactly once) replaced by `to`: a suggestion's output. */
export function replaceOnce(code: string, from: string, to: string): string {
  const first = code.indexOf(from);
  if (first === -1 || code.indexOf(from, first + 1) !== -1) {
    throw new Error(`${JSON.stringify(from)} must occur exactly once in the test code`);
  }
  return code.slice(0, first) + to + code.slice(first + from.length);
}

export function expectedError(code: string, expected: Expected): TestCaseError<MessageIds> {
  const writeLine = position(code, indexOf(code, expected.writeAt ?? expected.write, expected.writeNth ?? 1)).line;
  const data = {
    send: `\`${expected.send ?? expected.at}\``,
    action: expected.action,
    dbWrite: `\`${expected.write}\``,
    line: String(writeLine),
  };
  const { step } = expected;
  return {
    ...(step
      ? { messageId: 'dualWriteInStep' as const, data: { ...data, engine: step.engine, step: step.detail, stepApi: step.api } }
      : { messageId: 'dualWrite' as const, data }),
    ...locate(code, expected),
    suggestions: expected.suggestions.map((suggestion) =>
      'removeBecauseOutboxAt' in suggestion
        ? { messageId: 'suggestRemovePublish' as const, data: { line: String(suggestion.removeBecauseOutboxAt) }, output: suggestion.output }
        : { messageId: 'suggestOutboxInsert' as const, data: { topic: suggestion.topic, handle: suggestion.handle }, output: suggestion.output },
    ),
  };
}

function caseConfig(extras: CaseExtras, defaultFilename: string) {
  return {
    name: extras.name,
    filename: extras.filename ?? defaultFilename,
    ...(extras.options === undefined ? {} : { options: [extras.options] as unknown as Options }),
    // espree reads `parserOptions.sourceType`, scope analysis reads `languageOptions.sourceType`
    ...(extras.sourceType === undefined
      ? {}
      : { languageOptions: { sourceType: extras.sourceType, parserOptions: { sourceType: extras.sourceType } } }),
  };
}

interface CaseBuilders {
  valid(code: string, extras: CaseExtras): ValidTestCase<Options>;
  invalid(code: string, errors: Expected | readonly Expected[], extras: CaseExtras): InvalidTestCase<MessageIds, Options>;
}

function builders(defaultFilename: string): CaseBuilders {
  return {
    valid: (code, extras) => ({ code, ...caseConfig(extras, defaultFilename) }),
    invalid: (code, errors, extras) => ({
      code,
      ...caseConfig(extras, defaultFilename),
      errors: (Array.isArray(errors) ? errors : [errors]).map((expected: Expected) => expectedError(code, expected)),
    }),
  };
}

/** Cases for `jsTester` (file `file.js`). */
export const js = builders('file.js');

/** Cases for `tsTester` (file `file.ts`). */
export const ts = builders('file.ts');
