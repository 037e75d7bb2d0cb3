/**
 * Shared pieces of the `no-sync-critical-write` rule tests: one RuleTester per tier (plain JS
 * parsed by espree, TS syntax parsed by typescript-eslint), and builders for cases and
 * expected errors so that each test states only the code and what the report must say.
 *
 * Error locations are computed from the code itself: `at` is the callee text the report must
 * cover exactly (`axios.post`, `this.http.post`, `postJson`), `within`/`nth` pick among
 * repeats. Suggestions are asserted on every report (`Expected.suggest`): each case states by
 * hand what the suggestions replace, the topic and the payload, and `rewrite` computes the
 * full output of each suggestion from those (see "Suggestions" below).
 */
import { type InvalidTestCase, RuleTester, type TestCaseError, type ValidTestCase } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { indexOf, locate } from '../locate.js';
import type { NoSyncCriticalWriteOptions } from '../../../src/options.js';
import realRule, { type MessageIds, type Options } from '../../../src/rules/no-sync-critical-write.js';
import type { SuggestionMessageId } from '../../../src/suggestions/build.js';

/**
 * The rule as the RuleTester's types see it: `@typescript-eslint/rule-tester` may resolve its
 * own copy of `@typescript-eslint/utils`, whose `RuleContext` is nominally different.
 */
type TestedRule = Parameters<RuleTester['run']>[1];

/** The real rule, suggestions and fixes included. */
export const rule = realRule as unknown as TestedRule;

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
  /** where the failure is swallowed, named in the note: `the catch at line 7 only logs` */
  readonly swallowed?: string;
  /** the durable execution engine the file uses and the advice for it: ``Inngest: run it in `step.run` `` */
  readonly engine?: string;
  /** the database write before the call: ` after \`repo.save\` (line 4) committed` */
  readonly after?: string;
  /** wrappers passed through, outermost first (`['chargeCard', 'postJson']`): `syncCriticalWriteVia` */
  readonly via?: readonly string[];
  /** the suggestions the report must offer: `rewrite(…)` */
  readonly suggest: Suggest;
}

interface CaseExtras {
  readonly name?: string;
  readonly options?: UserOptions;
  readonly filename?: string;
  /** `commonjs` for `require(…)` code (JS tier only) */
  readonly sourceType?: 'module' | 'commonjs';
}

interface InvalidExtras extends CaseExtras {
  /**
   * The code after `--fix` (only with `fix: true` and a configured publisher): a string, one per
   * pass when fixes overlap, `null` for none; or computed from the code (`fixed(…)`).
   */
  readonly output?: string | string[] | null | ((code: string) => string | string[]);
}

function messageNote(expected: Expected): string {
  const swallowed = expected.swallowed === undefined ? '' : ` Its failure is swallowed (${expected.swallowed}): the caller never learns the write was lost.`;
  const retry = expected.retry === undefined ? '' : ` In-memory retries (${expected.retry}) die with the process and do not make it durable.`;
  const engine = expected.engine === undefined ? '' : ` This file uses ${expected.engine}.`;
  return swallowed + retry + engine;
}


function expectedError(code: string, expected: Expected): TestCaseError<MessageIds> {
  const data: Record<string, string> = {
    request: expected.request,
    service: expected.service,
    evidence: expected.evidence.join(', '),
    note: messageNote(expected),
    after: expected.after ?? '',
  };
  if (expected.via) data.via = expected.via.map((name) => `${name}()`).join(' → ');
  return {
    messageId: expected.via ? 'syncCriticalWriteVia' : 'syncCriticalWrite',
    ...locate(code, expected),
    data,
    suggestions: expectedSuggestions(code, expected.suggest),
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
  invalid(code: string, errors: Expected | readonly Expected[], extras?: InvalidExtras): InvalidTestCase<MessageIds, Options>;
}

function builders(defaultFilename: string): CaseBuilders {
  return {
    valid: (code, extras = {}) => ({ code, ...caseConfig(extras, defaultFilename) }),
    invalid: (code, errors, extras = {}) => ({
      code,
      ...caseConfig(extras, defaultFilename),
      ...(extras.output === undefined ? {} : { output: typeof extras.output === 'function' ? extras.output(code) : extras.output }),
      errors: (Array.isArray(errors) ? errors : [errors]).map((expected: Expected) => expectedError(code, expected)),
    }),
  };
}

/** Cases for `jsTester` (file `src/service.js`). */
export const js = builders('src/service.js');

/** Cases for `tsTester` (file `src/service.ts`). */
export const ts = builders('src/service.ts');

/*
 * Suggestions
 *
 * Each report states by hand, from the test code and the spec (issue 4), what its suggestions
 * rewrite: the exact source text replaced, the topic and the payload text. The offers
 * (`outbox()`, `publisher(…)`, `kafka(…)`, …) know only the call shape each suggestion writes,
 * and the output is the test code with that one text replaced and the stated import lines
 * inserted: nothing is read from the implementation.
 */

/** What the suggestions of one report rewrite. */
export interface RewriteSpec {
  /**
   * The exact source text the suggestions replace: the request expression (with the NestJS
   * `firstValueFrom(…)`/`.pipe(…)`/`.toPromise()` or the superagent builder chain around it, never
   * the `await`/`return`/`void`), or the wrapper call of a `via` report. For a long one,
   * `{ from, to }`: from the first `from` through the end of the first `to` after it.
   */
  readonly replaced: string | { readonly from: string; readonly to: string };
  /** which occurrence of `replaced` (or of `from`) in the code, 1-based */
  readonly nth?: number;
  /** the topic / event name: `payments.created` */
  readonly topic: string;
  /** the payload, as source text */
  readonly payload: string;
  /** the response is used (assigned, returned, chained): the descriptions say it will no longer be available */
  readonly responseUsed?: boolean;
  /** the name of a durable step or workflow that makes the write, a command: `payments.create` */
  readonly name?: string;
}

/** Text a suggestion adds besides the rewrite: an import line, or a name merged into an import. */
export type Insertion =
  /** inserted right after the first occurrence of `after` in the code */
  | { readonly after: string; readonly text: string }
  /** inserted right before the first occurrence of `before` in the code */
  | { readonly before: string; readonly text: string };

/** One suggestion: its message and the call it writes in place of the request. */
export interface Offer {
  readonly messageId: SuggestionMessageId;
  /** the message data */
  data(spec: RewriteSpec): Record<string, string>;
  text(spec: RewriteSpec): string;
  readonly inserts: readonly Insertion[];
}

export interface Suggest {
  readonly kind: 'rewrite';
  readonly spec: RewriteSpec;
  readonly offers: readonly Offer[];
}

/** The suggestions of a report, in order; with no offers, the one expected is the default outbox (`outbox()`). */
export function rewrite(spec: RewriteSpec, ...offers: Offer[]): Suggest {
  return { kind: 'rewrite', spec, offers: offers.length > 0 ? offers : [outbox()] };
}

const RESPONSE_NOTE = ' The response of the call will no longer be available.';

const note = (spec: RewriteSpec): string => (spec.responseUsed ? RESPONSE_NOTE : '');
const literal = (text: string): string => `'${text}'`;

/**
 * Record in the outbox: `outbox.enqueue({ topic, payload, idempotencyKey })`. Called with no
 * arguments, the default call with no `outbox` option and nothing named `outbox` in scope: the
 * inserted code starts with a comment naming the option, and the description says so.
 */
export function outbox(call?: string, ...inserts: Insertion[]): Offer {
  if (call === undefined) {
    return {
      messageId: 'suggestOutboxMissing',
      data: (spec) => ({ topic: spec.topic, call: 'outbox.enqueue', note: note(spec) }),
      text: (spec) =>
        `/* TODO: no \`outbox\` here: set the rule's \`outbox\` option to your outbox writer */ outbox.enqueue({ topic: ${literal(spec.topic)}, payload: ${spec.payload}, idempotencyKey: /* TODO: a stable business key */ undefined })`,
      inserts,
    };
  }
  return {
    messageId: 'suggestOutbox',
    data: (spec) => ({ topic: spec.topic, call, note: note(spec) }),
    text: (spec) =>
      `${call}({ topic: ${literal(spec.topic)}, payload: ${spec.payload}, idempotencyKey: /* TODO: a stable business key */ undefined })`,
    inserts,
  };
}

/** Publish with the configured `publisher`: `bus.publish('topic', payload)`. */
export function publisher(call: string, ...inserts: Insertion[]): Offer {
  return {
    messageId: 'suggestPublishConfigured',
    data: (spec) => ({ topic: spec.topic, call, note: note(spec) }),
    text: (spec) => `${call}(${literal(spec.topic)}, ${spec.payload})`,
    inserts,
  };
}

function brokerOffer(destination: string, handle: string, text: (spec: RewriteSpec) => string, inserts: Insertion[] = []): Offer {
  return {
    messageId: 'suggestPublish',
    data: (spec) => ({ destination, topic: spec.topic, handle, note: note(spec) }),
    text,
    inserts,
  };
}

/** kafkajs producer: `send({ topic, messages: [{ value: JSON.stringify(payload) }] })`. */
export const kafka = (handle: string): Offer =>
  brokerOffer('Kafka topic', handle, (spec) => `${handle}.send({ topic: ${literal(spec.topic)}, messages: [{ value: JSON.stringify(${spec.payload}) }] })`);

/** bullmq / Bull `Queue#add(name, payload)`. */
export const bullmq = (handle: string): Offer =>
  brokerOffer('BullMQ queue job', handle, (spec) => `${handle}.add(${literal(spec.topic)}, ${spec.payload})`);

/** amqplib channel: `sendToQueue(queue, Buffer, { persistent: true })`. */
export const amqp = (handle: string): Offer =>
  brokerOffer(
    'RabbitMQ queue',
    handle,
    (spec) => `${handle}.sendToQueue(${literal(spec.topic)}, Buffer.from(JSON.stringify(${spec.payload})), { persistent: true })`,
  );

/** NestJS `ClientProxy#emit(pattern, payload)`. */
export const nestEmit = (handle: string): Offer =>
  brokerOffer('event pattern', handle, (spec) => `${handle}.emit(${literal(spec.topic)}, ${spec.payload})`);

/** The topic as the env-var prefix the AWS shapes read the queue URL / topic ARN from: `payments.created` → `PAYMENTS_CREATED`. */
const envPrefix = (topic: string): string => topic.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();

/**
 * AWS SDK v3 SQS client: `send(new SendMessageCommand({ QueueUrl, MessageBody }))`, the queue URL
 * from `process.env.<TOPIC>_QUEUE_URL`; `inserts` bring `SendMessageCommand` in. The description
 * names the topic, like every other broker.
 */
export const sqs = (handle: string, ...inserts: Insertion[]): Offer =>
  brokerOffer(
    'SQS queue',
    handle,
    (spec) =>
      `${handle}.send(new SendMessageCommand({ QueueUrl: process.env.${envPrefix(spec.topic)}_QUEUE_URL, MessageBody: JSON.stringify(${spec.payload}) }))`,
    inserts,
  );

/** AWS SDK v3 SNS client: `send(new PublishCommand({ TopicArn, Message }))`, the ARN from `process.env.<TOPIC>_TOPIC_ARN`. */
export const sns = (handle: string, ...inserts: Insertion[]): Offer =>
  brokerOffer(
    'SNS topic',
    handle,
    (spec) => `${handle}.send(new PublishCommand({ TopicArn: process.env.${envPrefix(spec.topic)}_TOPIC_ARN, Message: JSON.stringify(${spec.payload}) }))`,
    inserts,
  );

/** Google Pub/Sub client: `topic(name).publishMessage({ json })`. */
export const pubsub = (handle: string): Offer =>
  brokerOffer('Pub/Sub topic', handle, (spec) => `${handle}.topic(${literal(spec.topic)}).publishMessage({ json: ${spec.payload} })`);

/** A Google Pub/Sub `Topic`: `publishMessage({ json })`; the handle is the destination, so the description names it. */
export const pubsubTopic = (handle: string): Offer => ({
  messageId: 'suggestPublish',
  data: (spec) => ({ destination: 'Pub/Sub topic', topic: handle, handle, note: note(spec) }),
  text: (spec) => `${handle}.publishMessage({ json: ${spec.payload} })`,
  inserts: [],
});

/** The exact text a spec replaces, for offers that keep it (a durable step wraps the request). */
function replacedText(spec: RewriteSpec): string {
  if (typeof spec.replaced !== 'string') throw new Error('a durable step offer needs the replaced text itself, not a { from, to } range');
  return spec.replaced;
}

function stepName(spec: RewriteSpec): string {
  if (spec.name === undefined) throw new Error('a durable step or workflow offer needs the spec to state its `name`');
  return spec.name;
}

const RESULT_NOTE = " The step's result is stored as JSON: return only the data you need.";

/**
 * Run the request in a step of the engine: `wrap(name literal, request text)` writes the step
 * call (`step.run('payments.create', () => …)`), `call` is the API the description names.
 */
export function durableStep(engine: string, call: string, wrap: (name: string, request: string) => string): Offer {
  return {
    messageId: 'suggestDurableStep',
    data: (spec) => ({ engine, name: stepName(spec), call, note: spec.responseUsed ? RESULT_NOTE : '' }),
    text: (spec) => wrap(literal(stepName(spec)), replacedText(spec)),
    inserts: [],
  };
}

/** An Inngest client: `send({ name: topic, data: payload })`. */
export const inngestEvent = (handle: string): Offer => ({
  messageId: 'suggestSendEvent',
  data: (spec) => ({ destination: 'Inngest event', topic: spec.topic, handle, note: note(spec) }),
  text: (spec) => `${handle}.send({ name: ${literal(spec.topic)}, data: ${spec.payload} })`,
  inserts: [],
});

/** A Temporal `Client`: `workflow.start(name, { taskQueue: service, workflowId, args: [payload] })`. */
export const temporalStart = (handle: string): Offer => ({
  messageId: 'suggestStartWorkflow',
  data: (spec) => ({ destination: 'Temporal workflow', topic: stepName(spec), handle, note: note(spec) }),
  text: (spec) =>
    `${handle}.workflow.start(${literal(stepName(spec))}, { taskQueue: ${literal(stepName(spec).split('.')[0]!)}, workflowId: /* TODO: a stable business key */ ${literal(stepName(spec))}, args: [${spec.payload}] })`,
  inserts: [],
});

/** Trigger.dev `tasks.trigger(name, payload)`. */
export const triggerTask = (handle: string): Offer => ({
  messageId: 'suggestStartWorkflow',
  data: (spec) => ({ destination: 'Trigger.dev task', topic: stepName(spec), handle, note: note(spec) }),
  text: (spec) => `${handle}.trigger(${literal(stepName(spec))}, ${spec.payload})`,
  inserts: [],
});

function locateReplaced(code: string, spec: RewriteSpec): { start: number; end: number } {
  const nth = spec.nth ?? 1;
  if (typeof spec.replaced === 'string') {
    const start = indexOf(code, spec.replaced, nth);
    return { start, end: start + spec.replaced.length };
  }
  const start = indexOf(code, spec.replaced.from, nth);
  const to = code.indexOf(spec.replaced.to, start + spec.replaced.from.length);
  if (to === -1) throw new Error(`${JSON.stringify(spec.replaced.to)} does not follow ${JSON.stringify(spec.replaced.from)} in the test code`);
  return { start, end: to + spec.replaced.to.length };
}

/** The code with the request replaced by `text` and the insertions made (all positions in the original code). */
export function applyRewrite(code: string, spec: RewriteSpec, text: string, inserts: readonly Insertion[]): string {
  const { start, end } = locateReplaced(code, spec);
  const edits = [
    { start, end, text },
    ...inserts.map((insert) => {
      const at = 'after' in insert ? indexOf(code, insert.after, 1) + insert.after.length : indexOf(code, insert.before, 1);
      if (at > start && at < end) throw new Error(`insertion ${JSON.stringify(insert.text)} falls inside the replaced text`);
      return { start: at, end: at, text: insert.text };
    }),
  ].sort((a, b) => b.start - a.start);
  let output = code;
  for (const edit of edits) output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  return output;
}

/** The output of each suggestion of a `rewrite` (for re-linting them as valid cases). */
export function suggestionOutputs(code: string, suggest: Suggest): string[] {
  return suggest.offers.map((offer) => applyRewrite(code, suggest.spec, offer.text(suggest.spec), offer.inserts));
}

function expectedSuggestions(code: string, suggest: Suggest): TestCaseError<MessageIds>['suggestions'] {
  return suggest.offers.map((offer) => {
    return {
      messageId: offer.messageId,
      data: offer.data(suggest.spec),
      output: applyRewrite(code, suggest.spec, offer.text(suggest.spec), offer.inserts),
    };
  });
}

/** The output of `--fix` with `fix: true` and a configured publisher: the publish rewrite applied. */
export function fixed(spec: RewriteSpec, call: string, ...inserts: Insertion[]): (code: string) => string {
  const offer = publisher(call, ...inserts);
  return (code) => applyRewrite(code, spec, offer.text(spec), offer.inserts);
}

/** Each suggestion's output (and each `--fix` output) of the cases, as valid cases with the same options. */
export function outputsOf(cases: readonly InvalidTestCase<MessageIds, Options>[]): ValidTestCase<Options>[] {
  return cases.flatMap((item) => {
    const outputs = [
      ...item.errors.flatMap((error) => (error.suggestions ?? []).map((suggestion) => suggestion.output)),
      ...(typeof item.output === 'string' ? [item.output] : (item.output ?? []).slice(-1)),
    ];
    return [...new Set(outputs)].map((code, index) => ({
      code,
      name: `${item.name ?? 'case'}: output ${index + 1} is not reported again`,
      ...(item.filename === undefined ? {} : { filename: item.filename }),
      ...(item.options === undefined ? {} : { options: item.options }),
      ...(item.languageOptions === undefined ? {} : { languageOptions: item.languageOptions }),
    }));
  });
}

/**
 * A module posting a payment to a service on `localhost`, and its report: the same code checked
 * where a file is left out (front-end code, compiled copies) and where it is not.
 */
export const PAY = `import axios from 'axios';

export async function pay(orderId, amount) {
  await axios.post('http://localhost:3005/api/payments/process', { orderId, amount });
}
`;

export const PAY_REPORT: Expected = {
  at: 'axios.post',
  request: 'POST /api/payments/process',
  service: 'localhost:3005',
  evidence: ['path "/api/payments/process"', 'payload key "amount"'],
  suggest: rewrite(
    { replaced: "axios.post('http://localhost:3005/api/payments/process', { orderId, amount })", topic: 'payments.process.created', payload: '{ orderId, amount }' },
    outbox(),
  ),
};
