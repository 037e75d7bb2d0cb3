import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { getCallReportNode } from '../analysis/code/ast.js';
import { FileContext } from '../analysis/code/file-context.js';
import { hasBrowserGlobals, importsProjectModule, isTestFile, mentionsHttpClient } from '../analysis/file-filter.js';
import { type Finding, WriteFinder } from '../analysis/find-writes.js';
import { formatTemplate } from '../analysis/code/template.js';
import { findLocalWrite, type LocalWrite } from '../analysis/data-layer/local-writes.js';
import { type EngineContext, getEngineContext } from '../analysis/mitigation/durable-execution.js';
import { compileSettings, DEFAULT_OPTIONS, type NoSyncCriticalWriteOptions, OPTIONS_SCHEMA } from '../options.js';
import { planAutofix, planSuggestions, type SuggestionMessageId, toFix } from '../suggestions/build.js';
import { getProjectRelativePath, getProjectResolver, getResolvableFileName, mayReach } from '../project/layer.js';
import { isCompiledTwin } from '../project/workspace/compiled-output.js';
import { isBrowserAppFile, isDeveloperScript } from '../project/workspace/package-kind.js';
import { getProgramResolver } from '../project/typed/resolver.js';
import { createRule } from '../util/create-rule.js';

export type MessageIds = 'syncCriticalWrite' | 'syncCriticalWriteVia' | 'durableStep' | SuggestionMessageId;
export type Options = [NoSyncCriticalWriteOptions];

const rule = createRule<Options, MessageIds>({
  name: 'no-sync-critical-write',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow synchronous cross-service HTTP calls that carry critical writes without a queue or outbox',
      recommended: true,
    },
    hasSuggestions: true,
    fixable: 'code',
    schema: OPTIONS_SCHEMA,
    defaultOptions: [DEFAULT_OPTIONS],
    messages: {
      syncCriticalWrite:
        "Synchronous {{request}} to the '{{service}}' service carries a critical write ({{evidence}}){{after}}. If '{{service}}' is down or slow, the write is lost or applied twice: publish it to a queue or record it in a transactional outbox.{{note}}",
      syncCriticalWriteVia:
        "Synchronous {{request}} to the '{{service}}' service via {{via}} carries a critical write ({{evidence}}){{after}}. If '{{service}}' is down or slow, the write is lost or applied twice: publish it to a queue or record it in a transactional outbox.{{note}}",
      // only with the shared setting `durable-writes: { reportDurableSteps: true }` (the map sets it): not a finding, an edge
      durableStep:
        "Synchronous {{request}} to the '{{service}}' service carries a critical write ({{evidence}}) inside a durable step ({{step}}): the engine retries the step until it succeeds, so the write is not lost.",
      suggestPublish: "Publish to the {{destination}} '{{topic}}' with `{{handle}}` instead.{{note}}",
      suggestPublishConfigured: "Publish '{{topic}}' with `{{call}}` instead.{{note}}",
      suggestOutbox: "Record '{{topic}}' in the transactional outbox with `{{call}}` instead.{{note}}",
      suggestOutboxMissing:
        "Record '{{topic}}' in the transactional outbox with `{{call}}` instead; nothing named `outbox` is in scope here: set the rule's `outbox` option to your outbox writer.{{note}}",
      suggestDurableStep: "Run it in the {{engine}} step '{{name}}' with `{{call}}`.{{note}}",
      suggestSendEvent: "Send the {{destination}} '{{topic}}' with `{{handle}}` instead.{{note}}",
      suggestStartWorkflow: "Start the {{destination}} '{{topic}}' with `{{handle}}` instead.{{note}}",
    },
  },
  create(context, [options]) {
    const settings = compileSettings(options);
    const relativePath = getProjectRelativePath(context.cwd, context.filename);
    if (
      !settings.checkTestFiles &&
      (isTestFile(relativePath) || isDeveloperScript(context.filename))
    ) {
      return {};
    }
    if (isCompiledTwin(context.filename, context.sourceCode.text)) return {};
    const typed = options.followCalls ? getTypedSetup(context) : undefined;
    const resolver = getProjectResolver({ followImports: options.followImports, typed: typed?.resolver });
    const fileName = getResolvableFileName(context.filename);
    // A file that mentions no client cannot send a request itself; what it imports from the project might.
    const text = context.sourceCode.text;
    const reachesClient = options.followImports && fileName
      ? mayReach(fileName, text, mentionsHttpClient, options.followDepth)
      : mentionsHttpClient(text) || (typed !== undefined && importsProjectModule(text));
    if (!reachesClient) return {};
    if (
      !settings.checkBrowserCode &&
      (isBrowserAppFile(context.filename, relativePath, text) || hasBrowserGlobals(context.languageOptions.globals))
    ) {
      return {};
    }

    const calls: TSESTree.CallExpression[] = [];
    return {
      CallExpression(node) {
        calls.push(node);
      },
      'Program:exit'() {
        if (typed) typed.resolver.setLocalFile(context.sourceCode.ast, typed.services);
        const file = new FileContext(context.sourceCode, { calls, resolver, fileName, relativePath });
        const finder = new WriteFinder(file, settings, calls, { maxCrossFileDepth: options.followDepth });
        for (const finding of finder.findAll()) {
          const autofix = planAutofix(finding, file, options);
          context.report({
            node: getCallReportNode(finding.call),
            messageId: finding.via.length > 0 ? 'syncCriticalWriteVia' : 'syncCriticalWrite',
            data: getMessageData(finding, findLocalWrite(finding.call, file), getEngineContext(finding.call, file)),
            fix: autofix ? toFix(autofix, context.sourceCode, context.filename) : null,
            suggest: planSuggestions(finding, file, options).map((plan) => ({
              messageId: plan.messageId,
              data: plan.data,
              fix: toFix(plan, context.sourceCode, context.filename),
            })),
          });
        }
        if (reportsDurableSteps(context.settings)) {
          for (const finding of finder.findInDurableSteps()) {
            const { request, service, evidence } = getMessageData(finding, undefined, undefined);
            context.report({
              node: getCallReportNode(finding.call),
              messageId: 'durableStep',
              data: { request, service, evidence, step: finding.assessment.mitigation?.detail ?? 'a durable step' },
            });
          }
        }
      },
    };
  },
});

export default rule;

/**
 * `settings: { 'durable-writes': { reportDurableSteps: true } }`: also report, as `durableStep`,
 * the critical writes made inside a durable execution engine's step. They are durable, not
 * findings; the `map` command sets it to draw them as durable edges.
 */
function reportsDurableSteps(settings: Readonly<Record<string, unknown>> | undefined): boolean {
  const shared = settings?.['durable-writes'];
  return typeof shared === 'object' && shared !== null && (shared as Record<string, unknown>).reportDurableSteps === true;
}

function getMessageData(finding: Finding, local: LocalWrite | undefined, engine: EngineContext | undefined): Record<string, string> {
  const { assessment } = finding;
  const path = formatTemplate(assessment.target.path).split('?')[0] || '/';
  const evidence = (assessment.criticality?.evidence ?? []).slice(0, 2).map((item) => item.text);
  return {
    request: `${assessment.method ?? 'request'} ${path}`,
    service: assessment.target.service ?? 'unknown',
    evidence: evidence.join(', '),
    via: finding.via.map((name) => `${name}()`).join(' → '),
    // one warning per call: the database write this call pairs with is named here, not by no-dual-write
    after: describeLocalWrite(local),
    note:
      (assessment.swallowed ? ` Its failure is swallowed (${assessment.swallowed.detail}): the caller never learns the write was lost.` : '') +
      (assessment.retry ? ` In-memory retries (${assessment.retry}) die with the process and do not make it durable.` : '') +
      // a team already on a durable execution engine is told where the call belongs in it
      (engine ? ` This file uses ${engine.engine.label}: ${engine.engine.advice}.` : ''),
  };
}

/**
 * The database write the call pairs with: ` after \`this.orders.save\` (line 50) committed`,
 * ` before \`repo.update\` (line 86) commits`, ` inside the database transaction of \`tx.order.create\` (line 12)`.
 */
function describeLocalWrite(local: LocalWrite | undefined): string {
  if (!local) return '';
  const write = `\`${local.write.label}\` (line ${local.write.node.loc.start.line})`;
  if (local.sameTransaction) return ` inside the database transaction of ${write}`;
  return local.order === 'before' ? ` after ${write} committed` : ` before ${write} commits`;
}

export const TYPED_LINTING_REQUIRED =
  'durable-writes/no-sync-critical-write: the "followCalls" option needs type information. Enable typed linting for this file with ' +
  '`languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }` ' +
  '(or use the `recommended` config, which does not follow calls).';

function getTypedSetup(context: Parameters<(typeof rule)['create']>[0]) {
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) throw new Error(TYPED_LINTING_REQUIRED);
  return { services: services as ParserServicesWithTypeInformation, resolver: getProgramResolver(services.program) };
}
