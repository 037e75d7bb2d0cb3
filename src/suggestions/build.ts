/**
 * The suggestions offered on a report of `no-sync-critical-write`: run it in a step of the
 * durable execution engine whose workflow code it is in, publish with a broker handle in scope
 * (or send an engine's event, start its workflow; or the configured publisher), and record in
 * the outbox (the configured outbox call or the documented default). Each replaces only the
 * request expression and adds imports it needs.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from '../analysis/code/file-context.js';
import type { Finding } from '../analysis/find-writes.js';
import { toUpperSnake } from '../analysis/code/words.js';
import type { CallTemplate, NoSyncCriticalWriteOptions } from '../options.js';
import { findBrokerHandles } from './broker-handles.js';
import { addImport } from './imports.js';
import { getPayloadText, getReplacedExpression, isResponseUsed } from './rewrite.js';
import { deriveStepName, deriveTopic } from './topic.js';
import { planDurableStep } from './durable-step.js';

export type SuggestionMessageId =
  | 'suggestPublish'
  | 'suggestPublishConfigured'
  | 'suggestOutbox'
  | 'suggestOutboxMissing'
  | 'suggestDurableStep'
  | 'suggestSendEvent'
  | 'suggestStartWorkflow';

export interface SuggestionPlan {
  readonly messageId: SuggestionMessageId;
  readonly data: Record<string, string>;
  readonly replaced: TSESTree.Expression;
  readonly text: string;
  readonly imports: readonly { from: string; name: string; default?: boolean }[];
}

/** The outbox call used when no `outbox` option is configured (documented in the rule doc). */
export const DEFAULT_OUTBOX: CallTemplate = { call: 'outbox.enqueue' };

const RESPONSE_NOTE = ' The response of the call will no longer be available.';

export function planSuggestions(finding: Finding, file: FileContext, options: NoSyncCriticalWriteOptions): SuggestionPlan[] {
  const replaced = getReplacedExpression(finding);
  const responseUsed = isResponseUsed(replaced, finding.call);
  const note = responseUsed ? RESPONSE_NOTE : '';
  const { target, method } = finding.assessment;
  const input = { service: target.service, path: target.path, method: method?.split('/')[0] };
  const topic = deriveTopic(input, options.topicTemplate);
  const topicLiteral = quote(topic);
  const name = deriveStepName(input);
  const payload = getPayloadText(finding, replaced, file).text;
  const plans: SuggestionPlan[] = [];

  const step = planDurableStep(finding, file, replaced, name, quote(name), responseUsed);
  if (step) plans.push({ messageId: 'suggestDurableStep', data: step.data, replaced, text: step.text, imports: [] });

  const handle = findBrokerHandles(finding.call, file, topic)[0];
  if (handle) {
    const text = handle.shape.template
      .replaceAll('{handle}', handle.text)
      .replaceAll('{topic}', topicLiteral)
      .replaceAll('{name}', quote(name))
      .replaceAll('{queue}', quote(name.split('.')[0]!))
      .replaceAll('{envPrefix}', toUpperSnake(topic))
      .replaceAll('{payload}', () => payload);
    const verb = handle.shape.verb;
    plans.push({
      messageId: verb === 'send' ? 'suggestSendEvent' : verb === 'start' ? 'suggestStartWorkflow' : 'suggestPublish',
      data: {
        destination: handle.shape.destination,
        // a Pub/Sub `Topic` handle is the destination itself; a workflow or task is started by name; every other shape is addressed by the topic name
        topic: handle.shape.family === 'pubsub-topic' ? handle.text : verb === 'start' ? name : topic,
        handle: handle.text,
        note,
      },
      replaced,
      text,
      imports: (handle.shape.needs ?? []).map((name) => ({ from: handle.origin.module, name })),
    });
  } else if (options.publisher) {
    plans.push(planConfiguredPublish(options.publisher, topic, topicLiteral, payload, replaced, note));
  }

  const outbox = options.outbox ?? DEFAULT_OUTBOX;
  const call = `${outbox.call}({ topic: ${topicLiteral}, payload: ${payload}, idempotencyKey: /* TODO: a stable business key */ undefined })`;
  // unconfigured, the default `outbox` may name nothing in this file: the inserted code and the description say so
  const missing = !options.outbox && file.findVariableByName(finding.call, OUTBOX_NAME) === undefined;
  plans.push({
    messageId: missing ? 'suggestOutboxMissing' : 'suggestOutbox',
    data: { topic, call: outbox.call, note },
    replaced,
    text: missing ? `${MISSING_OUTBOX_COMMENT} ${call}` : call,
    imports: outbox.import ? [outbox.import] : [],
  });
  return plans;
}

const OUTBOX_NAME = DEFAULT_OUTBOX.call.split('.')[0]!;

/** Put next to the default outbox call when nothing in scope is named `outbox`. */
export const MISSING_OUTBOX_COMMENT = "/* TODO: no `outbox` here: set the rule's `outbox` option to your outbox writer */";

/** Is a name bound where the call is (a local, a parameter, an import, a global the file declares)? */
export function toFix(plan: SuggestionPlan, sourceCode: Readonly<TSESLint.SourceCode>, filename: string): TSESLint.ReportFixFunction {
  return (fixer) => [
    fixer.replaceText(plan.replaced, plan.text),
    ...plan.imports.flatMap((request) => addImport(fixer, sourceCode, filename, request)),
  ];
}

function planConfiguredPublish(
  publisher: CallTemplate,
  topic: string,
  topicLiteral: string,
  payload: string,
  replaced: TSESTree.Expression,
  note: string,
): SuggestionPlan {
  return {
    messageId: 'suggestPublishConfigured',
    data: { topic, call: publisher.call, note },
    replaced,
    text: `${publisher.call}(${topicLiteral}, ${payload})`,
    imports: publisher.import ? [publisher.import] : [],
  };
}

/**
 * The rewrite `--fix` applies when the user opted in: only with a configured publisher, only
 * when the response is not used (the publish returns none), and only when the request's data
 * is carried over whole.
 */
export function planAutofix(finding: Finding, file: FileContext, options: NoSyncCriticalWriteOptions): SuggestionPlan | undefined {
  if (!options.fix || !options.publisher) return undefined;
  const replaced = getReplacedExpression(finding);
  if (isResponseUsed(replaced, finding.call)) return undefined;
  // never rewrite unattended what could not be carried over whole
  const payload = getPayloadText(finding, replaced, file);
  if (!payload.known) return undefined;
  const { target, method } = finding.assessment;
  const topic = deriveTopic({ service: target.service, path: target.path, method: method?.split('/')[0] }, options.topicTemplate);
  return planConfiguredPublish(options.publisher, topic, quote(topic), payload.text, replaced, '');
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
