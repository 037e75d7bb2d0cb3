import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getCallReportNode, getPropertyName, type FunctionNode } from '../analysis/code/ast.js';
import { type Assessment, assessRequest } from '../analysis/assess.js';
import { describeDbWrite, type DbWrite, getDatabaseFamilyOf, getTransactionScope, readProjectWrite } from '../analysis/data-layer/db-write.js';
import { EMPTY_ENV, FileContext } from '../analysis/code/file-context.js';
import { isTestFile, mentionsBroker, mentionsDatabase, mentionsHttpClient, mentionsProjectDataLayer, mentionsProjectPublisher } from '../analysis/file-filter.js';
import { getExecutionOwner, resolveInFile } from '../analysis/code/functions.js';
import { areExclusive } from '../analysis/code/flow.js';
import { findMitigation } from '../analysis/mitigation/mitigation.js';
import { getEnclosingStep } from '../analysis/mitigation/durable-execution.js';
import { getPublishParts } from '../analysis/messaging/publish-parts.js';
import { describePublish, type PublishDescription } from '../analysis/messaging/publish.js';
import { describeRequest } from '../analysis/request/request.js';
import { formatTemplate } from '../analysis/code/template.js';
import { walk } from '../analysis/code/walk.js';
import { OUTBOX_INSERT_SHAPES } from '../catalog/outbox-shapes.js';
import { compileSettings, DEFAULT_OPTIONS, withNamedErrors } from '../options.js';
import { deriveTopic } from '../suggestions/topic.js';
import { formatCalleeLabel } from '../util/callee-label.js';
import { getProjectRelativePath, getProjectResolver, getResolvableFileName } from '../project/layer.js';
import { isCompiledTwin } from '../project/workspace/compiled-output.js';
import { isDeveloperScript } from '../project/workspace/package-kind.js';
import { createRule } from '../util/create-rule.js';

export interface NoDualWriteOptions {
  services: string[];
  internalHosts: string[];
  externalHosts: string[];
  serviceEnvPattern: string;
  outboxRelayPattern: string;
  checkTestFiles: boolean;
  outboxModel: string;
  outboxEntity: string;
  outboxTable: string;
  followImports: boolean;
}

export type Options = [NoDualWriteOptions];
export type MessageIds = 'dualWrite' | 'dualWriteInStep' | 'suggestOutboxInsert' | 'suggestRemovePublish';

const DEFAULTS: NoDualWriteOptions = {
  services: DEFAULT_OPTIONS.services,
  internalHosts: DEFAULT_OPTIONS.internalHosts,
  externalHosts: DEFAULT_OPTIONS.externalHosts,
  serviceEnvPattern: DEFAULT_OPTIONS.serviceEnvPattern,
  outboxRelayPattern: DEFAULT_OPTIONS.outboxRelayPattern,
  checkTestFiles: DEFAULT_OPTIONS.checkTestFiles,
  outboxModel: 'outboxEvent',
  outboxEntity: 'OutboxEvent',
  outboxTable: 'outbox',
  followImports: DEFAULT_OPTIONS.followImports,
};

/** A publish or a cross-service write: the second half of a dual write. */
interface Send {
  readonly call: TSESTree.CallExpression;
  /** `publishes to Kafka`, `calls the 'payments' service` */
  readonly action: string;
  /** for the suggestion: topic literal text and payload text */
  readonly parts: { readonly topic: string; readonly payload: string } | undefined;
}

const identifierSchema = (description: string) => ({ type: 'string' as const, pattern: '^[A-Za-z_$][\\w$]*$', description });

export default createRule<Options, MessageIds>({
  name: 'no-dual-write',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow a database write and a broker publish or cross-service write in one function without a transactional outbox',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      withNamedErrors({
        type: 'object',
        additionalProperties: false,
        properties: {
          services: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: 'Your own services, as in `no-sync-critical-write`.' },
          internalHosts: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: 'Host globs of your own services, as in `no-sync-critical-write`.' },
          externalHosts: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: 'Host globs or env/config names of third parties, as in `no-sync-critical-write`.' },
          serviceEnvPattern: { type: 'string', minLength: 1, description: 'Env/config names that address another service, as in `no-sync-critical-write`.' },
          outboxRelayPattern: { type: 'string', minLength: 1, description: 'Regular expression (case-insensitive) for names of outbox relay functions and classes; they are not reported.' },
          checkTestFiles: { type: 'boolean', description: 'Also check test files and the team\'s scripts (seeds, data generators, loose scripts beside a package.json).' },
          outboxModel: identifierSchema('Prisma model delegate (and Drizzle table) of the outbox, used by the suggestion.'),
          outboxEntity: identifierSchema('TypeORM/MikroORM entity or Sequelize model class of the outbox, used by the suggestion.'),
          outboxTable: { type: 'string', pattern: '^[A-Za-z_][\\w.]*$', description: 'Outbox table name for Knex and Kysely, used by the suggestion.' },
          followImports: {
            type: 'boolean',
            description: "Read the project's own data-layer and messaging functions imported from other modules to confirm that they write or publish, instead of trusting their names.",
          },
        },
      }),
    ],
    defaultOptions: [DEFAULTS],
    messages: {
      dualWrite:
        '{{send}} {{action}}, and {{dbWrite}} (line {{line}}) writes the database, but not in one transaction with an outbox: if the process dies between the two, one happens without the other. Insert the event into an outbox table in the same transaction and let a relay publish it.',
      dualWriteInStep:
        '{{send}} {{action}}, and {{dbWrite}} (line {{line}}) writes the database, in one durable step ({{step}}): a retry of the step makes the database write again, and a step that fails for good keeps one without the other. Make each its own step ({{stepApi}}): {{engine}} records a completed step and does not run it again.',
      suggestOutboxInsert: "Insert '{{topic}}' into the outbox with `{{handle}}` in the same transaction instead.",
      suggestRemovePublish: 'Remove this publish: the outbox row written in the same transaction (line {{line}}) already carries the event to the relay.',
    },
  },
  create(context, [options]) {
    const settings = compileSettings({ ...DEFAULT_OPTIONS, ...options });
    if (!settings.checkTestFiles && (isTestFile(getProjectRelativePath(context.cwd, context.filename)) || isDeveloperScript(context.filename))) return {};
    const text = context.sourceCode.text;
    if (isCompiledTwin(context.filename, text)) return {};
    if (!(mentionsDatabase(text) || mentionsProjectDataLayer(text))) return {};
    if (!(mentionsBroker(text) || mentionsProjectPublisher(text) || mentionsHttpClient(text))) return {};
    const resolver = getProjectResolver({ followImports: options.followImports, typed: undefined });
    const file = new FileContext(context.sourceCode, {
      resolver,
      fileName: getResolvableFileName(context.filename),
      relativePath: getProjectRelativePath(context.cwd, context.filename),
    });
    const writesByOwner = new Map<FunctionNode, DbWrite[]>();
    const callsByOwner = new Map<FunctionNode, TSESTree.CallExpression[]>();
    const outboxWrites = new Map<FunctionNode, DbWrite[]>();

    const add = <T>(map: Map<FunctionNode, T[]>, owner: FunctionNode | undefined, item: T): void => {
      if (!owner) return;
      const list = map.get(owner) ?? [];
      list.push(item);
      map.set(owner, list);
    };

    const describeSend = (call: TSESTree.CallExpression): Send | undefined => {
      const publish = describePublish(call, file);
      if (publish) {
        if (isTransactionalEnqueue(publish)) return undefined;
        // a function of another module that writes the database and publishes is reported in its own file
        if (readProjectWrite(call, file)?.found) return undefined;
        const parts = getPublishParts(publish);
        return {
          call,
          action: `publishes to ${publish.family.label}`,
          parts: parts && { topic: context.sourceCode.getText(parts.topic), payload: context.sourceCode.getText(parts.payload) },
        };
      }
      const request = describeRequest(call, file);
      if (!request) return undefined;
      const assessment = assessRequest(request, [call], file, settings);
      // one warning per call: a critical write no-sync-critical-write reports names the database write itself;
      // this rule keeps the critical cross-service writes that rule leaves alone (relayed by a gateway)
      if (assessment.reportable || !isCrossServiceWrite(assessment)) return undefined;
      const topic = deriveTopic({ service: assessment.target.service, path: assessment.target.path, method: assessment.method?.split('/')[0] }, '{service}.{resource}.{action}');
      const path = formatTemplate(assessment.target.path).split('?')[0] || '/';
      return {
        call,
        action: `makes a synchronous ${assessment.method ?? 'write'} ${path} to the '${assessment.target.service ?? 'unknown'}' service`,
        parts: request.payload ? { topic: `'${topic}'`, payload: context.sourceCode.getText(request.payload.node) } : undefined,
      };
    };

    /**
     * A call to a function of this file that publishes (`this.publishOrderCreated(order)`): the
     * publish is the second write, one call away. Helpers that write the database themselves are
     * reported on their own.
     */
    /** The first publish of a function of this file that counts as a second write, found once per function. */
    const helperPublishes = new Map<FunctionNode, PublishDescription | null>();
    const findHelperPublish = (helper: FunctionNode): PublishDescription | null => {
      let found = helperPublishes.get(helper);
      if (found === undefined) {
        found = null;
        for (const inner of callsByOwner.get(helper) ?? []) {
          const publish = describePublish(inner, file);
          if (publish && !isTransactionalEnqueue(publish) && !findMitigation(inner, file, settings)) {
            found = publish;
            break;
          }
        }
        helperPublishes.set(helper, found);
      }
      return found;
    };

    /**
     * A call to a function of this file that publishes (`this.publishOrderCreated(order)`): the
     * publish is the second write, one call away. Helpers that write the database themselves are
     * reported on their own.
     */
    const describeHelperPublish = (call: TSESTree.CallExpression): Send | undefined => {
      const helper = resolveInFile(call.callee, file, EMPTY_ENV);
      const publish = helper && !writesByOwner.has(helper) ? findHelperPublish(helper) : null;
      return publish ? { call, action: `publishes to ${publish.family.label} (line ${file.getLine(publish.call)})`, parts: undefined } : undefined;
    };

    const visitWrite = (node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): void => {
      const write = describeDbWrite(node, file);
      if (write) add(write.isOutbox ? outboxWrites : writesByOwner, getExecutionOwner(node), write);
    };

    return {
      CallExpression(node) {
        visitWrite(node);
        add(callsByOwner, getExecutionOwner(node), node);
      },
      TaggedTemplateExpression: visitWrite,
      'Program:exit'() {
        // publishes and requests matter only in functions that also write the database
        for (const [owner, writes] of writesByOwner) {
          const sends = (callsByOwner.get(owner) ?? []).flatMap((call) => describeSend(call) ?? describeHelperPublish(call) ?? []);
          for (const send of sends) {
            const mitigation = findMitigation(send.call, file, settings);
            // a durable step retries its body: its writes pair with what the same step does (below)
            if (mitigation && mitigation.kind !== 'catch-handoff' && mitigation.kind !== 'durable-step') continue;
            if (isEagerDelivery(send.call, outboxWrites.get(owner) ?? [], file)) continue;
            const sendStep = getEnclosingStep(send.call, file);
            // each in a step of its own: the engine records the first and only retries the second
            const together = writes.filter((item) => !areExclusive(item.node, send.call) && !inOtherSteps(getEnclosingStep(item.node, file), sendStep));
            const write = together.filter((item) => item.node.range[0] < send.call.range[0]).at(-1) ?? together[0];
            if (!write) continue;
            const step = sendStep && getEnclosingStep(write.node, file)?.fn === sendStep.fn ? sendStep.step : undefined;
            const data = {
              send: `\`${formatCalleeLabel(context.sourceCode.getText(send.call.callee))}\``,
              action: send.action,
              dbWrite: `\`${write.label}\``,
              line: String(write.node.loc.start.line),
            };
            context.report({
              node: getCallReportNode(send.call),
              ...(step
                ? { messageId: 'dualWriteInStep', data: { ...data, engine: step.engine.label, step: step.detail, stepApi: step.engine.step } }
                : { messageId: 'dualWrite', data }),
              suggest: planOutboxInsert(send, write, outboxWrites.get(owner) ?? [], file, options),
            });
          }
        }
      },
    };
  },
});

/**
 * The function delivers its own outbox row eagerly: the row was written before the publish, the
 * publish runs after that transaction (not inside it), and it sends the row itself
 * (`sendMessage(outboxEvent.type, outboxEvent.payload)`) or marks the row sent afterwards. If the
 * process dies first, the relay delivers the row. Another event published after the commit, or
 * any publish inside the transaction, is still reported.
 */
function isEagerDelivery(send: TSESTree.CallExpression, outboxWrites: readonly DbWrite[], file: FileContext): boolean {
  const sendScope = getTransactionScope(send)?.fn;
  const before = outboxWrites.filter(
    (outbox) => outbox.node.range[1] <= send.range[0] && (sendScope === undefined || getTransactionScope(outbox.node)?.fn !== sendScope),
  );
  if (before.length === 0) return false;
  if (outboxWrites.some((outbox) => outbox.node.range[0] >= send.range[1])) return true;
  const rows = new Set(before.flatMap((outbox) => getResultName(outbox.node) ?? []));
  let sendsRow = false;
  walk(send, file.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && rows.has(node.name)) sendsRow = true;
    return !sendsRow;
  });
  return sendsRow;
}

/** `outboxEvent` in `const outboxEvent = await Outbox.create(…)`. */
function getResultName(node: TSESTree.Node): string | undefined {
  let current = node;
  while (current.parent?.type === AST_NODE_TYPES.AwaitExpression || current.parent?.type === AST_NODE_TYPES.TSAsExpression) current = current.parent;
  const declarator = current.parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === current && declarator.id.type === AST_NODE_TYPES.Identifier
    ? declarator.id.name
    : undefined;
}

/** pg-boss `send(name, data, { db })`: enqueued on the caller's transaction, so not a second write. */
function isTransactionalEnqueue(publish: PublishDescription): boolean {
  return publish.family.id === 'pg-boss' && hasTransactionalDbOption(publish.call);
}

/** pg-boss `send(name, data, { db })`: enqueued on the caller's transaction. */
function hasTransactionalDbOption(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some((property) => property.type === AST_NODE_TYPES.Property && getPropertyName(property) === 'db'),
  );
}

function planOutboxInsert(
  send: Send,
  write: DbWrite,
  outboxWrites: readonly DbWrite[],
  file: FileContext,
  options: NoDualWriteOptions,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const scope = getTransactionScope(write.node);
  if (!scope || getTransactionScope(send.call)?.fn !== scope.fn) return [];
  // the transaction already records the event in the outbox: the direct publish is the extra one
  const recorded = outboxWrites.find((outbox) => getTransactionScope(outbox.node)?.fn === scope.fn);
  if (recorded) return planRemovePublish(send, recorded, file.sourceCode.text);
  if (!send.parts || !scope.handle) return [];
  const family = getDatabaseFamilyOf(scope.handle, write, file);
  const template = family === undefined ? undefined : OUTBOX_INSERT_SHAPES[family];
  if (!template) return [];
  const handle = scope.handle.name;
  // the insert must run inside the transaction: awaited, like the write it sits beside
  const awaited = send.call.parent?.type === AST_NODE_TYPES.AwaitExpression || send.call.parent?.type === AST_NODE_TYPES.ReturnStatement;
  if (!awaited && !scope.fn.async) return [];
  const text = (awaited ? '' : 'await ') + template
    .replaceAll('{handle}', handle)
    .replaceAll('{model}', options.outboxModel)
    .replaceAll('{entity}', options.outboxEntity)
    .replaceAll('{table}', options.outboxTable)
    .replaceAll('{topic}', send.parts.topic)
    .replaceAll('{payload}', send.parts.payload);
  const topic = send.parts.topic.replace(/^['"`]|['"`]$/g, '');
  return [
    {
      messageId: 'suggestOutboxInsert',
      data: { topic, handle },
      fix: (fixer) => fixer.replaceText(send.call, text),
    },
  ];
}

/** Removes a publish statement (`await producer.send(…);`) when it stands alone as a statement. */
function planRemovePublish(send: Send, recorded: DbWrite, text: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const parent = send.call.parent;
  const statement = parent?.type === AST_NODE_TYPES.AwaitExpression ? parent.parent : parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
  // only from a statement list: removing the body of `if (x) await send()` would not parse
  const list = statement.parent;
  if (list.type !== AST_NODE_TYPES.BlockStatement && list.type !== AST_NODE_TYPES.Program && list.type !== AST_NODE_TYPES.SwitchCase) return [];
  return [
    {
      messageId: 'suggestRemovePublish',
      data: { line: String(recorded.node.loc.start.line) },
      fix: (fixer) => fixer.removeRange(getLineRange(statement, text)),
    },
  ];
}

/** The statement's whole line when it stands alone on it, else just the statement. */
function getLineRange(statement: TSESTree.Node, text: string): [number, number] {
  const [start, end] = statement.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
  return alone ? [lineStart, lineEnd] : [start, end];
}

/**
 * A critical write sent to another of your services that no-sync-critical-write leaves alone:
 * to a relay's client, or made in a durable step (a dual write when the step also writes the
 * database).
 */
function isCrossServiceWrite(assessment: Assessment): boolean {
  const kind = assessment.mitigation?.kind;
  return assessment.request.sent && assessment.criticality?.critical === true && (kind === 'proxy' || kind === 'durable-step');
}

/** Two writes made in different durable steps. */
function inOtherSteps(a: { readonly fn: FunctionNode } | undefined, b: { readonly fn: FunctionNode } | undefined): boolean {
  return a !== undefined && b !== undefined && a.fn !== b.fn;
}
