/**
 * Turns the plugin's lint messages into findings for the map: rule, target, method, path,
 * evidence, via. Detection stays in the rules; this only reads what they reported, with each
 * rule's own message templates (see messages.ts).
 */
import type { Linter, Rule } from 'eslint';
import { parseMessage } from './messages.js';
import type { DualWriteData, DurableCall, Finding } from '../model/types.js';

export const PLUGIN_PREFIX = 'durable-writes/';

/**
 * The `action` of a `no-dual-write` message is composed by the rule (no-dual-write.ts,
 * `describeSend`): `publishes to <broker>`, or `makes a synchronous <METHOD> <path> to the
 * '<service>' service`. test/cli/findings.test.ts lints real code to keep these in step.
 */
const DUAL_WRITE_PUBLISH = /^publishes to (?<broker>.+)$/;
const DUAL_WRITE_REQUEST = /^makes a synchronous (?<method>\S+) (?<path>.+) to the '(?<service>[^']*)' service$/;

/** `GET /x` → method and path; a bare word is a method with path `/`. */
function splitRequest(request: string): { method: string; path: string } {
  const space = request.indexOf(' ');
  return space === -1 ? { method: request, path: '/' } : { method: request.slice(0, space), path: request.slice(space + 1) };
}

function stripBackticks(text: string): string {
  return text.replace(/^`|`$/g, '');
}

function splitVia(via: string | undefined): string[] {
  return via ? via.split(' → ').map((name) => name.trim()).filter(Boolean) : [];
}

export interface MessageContext {
  readonly file: string;
  readonly absoluteFile: string;
}

/** Whether a lint message comes from one of the plugin's rules. */
export function isPluginMessage(message: Linter.LintMessage): boolean {
  return message.ruleId?.startsWith(PLUGIN_PREFIX) === true;
}

/**
 * The finding of one lint message of the plugin, or `undefined` for messages of other rules,
 * or whose text does not fit its template (a rule changed without this reader: see
 * `toUnreadFinding`).
 */
export function toFinding(
  message: Linter.LintMessage,
  rules: Readonly<Record<string, Rule.RuleModule>>,
  context: MessageContext,
): Finding | undefined {
  const ruleId = message.ruleId;
  if (!ruleId?.startsWith(PLUGIN_PREFIX) || !message.messageId) return undefined;
  const rule = ruleId.slice(PLUGIN_PREFIX.length);
  const template = rules[rule]?.meta?.messages?.[message.messageId];
  if (!template) return undefined;
  const data = parseMessage(template, message.message);
  if (!data) return undefined;
  const base = {
    rule,
    messageId: message.messageId,
    message: message.message,
    file: context.file,
    absoluteFile: context.absoluteFile,
    line: message.line,
    column: message.column,
  };

  if (data.request !== undefined && data.service !== undefined) {
    const { method, path } = splitRequest(data.request);
    return {
      ...base,
      target: { kind: 'service', name: data.service },
      method,
      path,
      evidence: data.evidence || null,
      via: splitVia(data.via),
      dualWrite: null,
    };
  }

  if (data.send !== undefined && data.action !== undefined && data.dbWrite !== undefined) {
    const dualWrite: DualWriteData = {
      send: stripBackticks(data.send),
      action: data.action,
      dbWrite: stripBackticks(data.dbWrite),
      dbWriteLine: Number(data.line),
    };
    const request = DUAL_WRITE_REQUEST.exec(data.action)?.groups;
    if (request) {
      return {
        ...base,
        target: { kind: 'service', name: request.service ?? 'unknown' },
        method: request.method ?? null,
        path: request.path ?? null,
        evidence: null,
        via: [],
        dualWrite,
      };
    }
    const broker = DUAL_WRITE_PUBLISH.exec(data.action)?.groups?.broker;
    return {
      ...base,
      target: { kind: 'broker', name: broker ?? 'broker' },
      method: null,
      path: null,
      evidence: null,
      via: [],
      dualWrite,
    };
  }
  return undefined;
}

/** The message id of a critical write inside a durable step (reported only when the map asks for it). */
export const DURABLE_STEP_MESSAGE = 'durableStep';

/** The call of a `durableStep` message, or `undefined` when its text does not fit the template. */
export function toDurableCall(
  message: Linter.LintMessage,
  rules: Readonly<Record<string, Rule.RuleModule>>,
  context: MessageContext,
): DurableCall | undefined {
  const rule = (message.ruleId ?? '').slice(PLUGIN_PREFIX.length);
  const template = rules[rule]?.meta?.messages?.[DURABLE_STEP_MESSAGE];
  const data = template === undefined ? undefined : parseMessage(template, message.message);
  if (!data || data.request === undefined || data.service === undefined || data.step === undefined) return undefined;
  const { method, path } = splitRequest(data.request);
  return {
    file: context.file,
    absoluteFile: context.absoluteFile,
    line: message.line,
    column: message.column,
    target: { kind: 'service', name: data.service },
    method,
    path,
    evidence: data.evidence || null,
    step: data.step,
  };
}

/**
 * A plugin message whose text did not fit its template still counts (for `--fail-on`), with
 * what is known: rule, place and message; target `unknown`.
 */
export function toUnreadFinding(message: Linter.LintMessage, context: MessageContext): Finding {
  return {
    rule: (message.ruleId ?? '').slice(PLUGIN_PREFIX.length),
    messageId: message.messageId ?? '',
    message: message.message,
    file: context.file,
    absoluteFile: context.absoluteFile,
    line: message.line,
    column: message.column,
    target: { kind: 'service', name: 'unknown' },
    method: null,
    path: null,
    evidence: null,
    via: [],
    dualWrite: null,
  };
}
