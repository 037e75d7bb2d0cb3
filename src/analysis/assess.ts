/**
 * The verdict on one described request: does it write, does it cross into another of your
 * services, is the write critical, and is it already made durable? Each answer comes from
 * its own module; this one only composes them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Settings } from '../options.js';
import { assessCriticality, type Criticality } from './criticality/criticality.js';
import type { FileContext } from './code/file-context.js';
import { classifyMethods, WRITE_METHODS } from './request/method.js';
import { findCallerMitigation, findInMemoryRetry, findMitigation, isForwardedBody, type Mitigation } from './mitigation/mitigation.js';
import type { RequestDescription } from './request/request.js';
import { classifyTarget, type Target } from './target/target.js';

export interface Assessment {
  readonly request: RequestDescription;
  readonly reportable: boolean;
  /** `POST`, `PUT/POST`, or undefined when the method is unknown */
  readonly method: string | undefined;
  readonly target: Target;
  readonly criticality: Criticality | undefined;
  readonly mitigation: Mitigation | undefined;
  readonly retry: string | undefined;
}

/**
 * @param contexts where the request is made from, innermost first: the request call itself,
 *   then the call sites of the wrappers it was reached through.
 */
export function assessRequest(
  request: RequestDescription,
  contexts: readonly TSESTree.Node[],
  file: FileContext,
  settings: Settings,
): Assessment {
  const verdict = classifyMethods(request.methods);
  const writes = request.methods?.filter((method) => WRITE_METHODS.has(method));
  const method = writes && writes.length > 0 ? writes.join('/') : undefined;
  const target = classifyTarget(request.url, settings, { daprAppId: request.daprAppId });
  const base = { request, method, target, criticality: undefined, mitigation: undefined, retry: undefined };

  const isWrite = verdict === 'write' || ((verdict === 'maybe' || verdict === 'unknown') && settings.unknownMethodIsWrite);
  if (!request.sent || !isWrite || target.kind !== 'internal') return { ...base, reportable: false };

  const criticality = assessCriticality({ target, payload: request.payload, contexts }, file, settings);
  if (!criticality.critical) return { ...base, criticality, reportable: false };

  for (const context of contexts) {
    const mitigation = findMitigation(context, file, settings, context === request.call ? request.payload?.node : undefined);
    if (mitigation) return { ...base, criticality, mitigation, reportable: false };
  }
  if (!settings.checkProxies && request.payload && isForwardedBody(request.payload, file)) {
    return { ...base, criticality, mitigation: { kind: 'proxy', detail: 'forwards the incoming request body' }, reportable: false };
  }
  const callerMitigation = findCallerMitigation(contexts.at(-1) ?? request.call, file, settings);
  if (callerMitigation) return { ...base, criticality, mitigation: callerMitigation, reportable: false };
  const retry = findInMemoryRetry(request.call, file) ?? (request.retries ? `${request.client.label} retry option` : undefined);
  return { ...base, criticality, retry, reportable: true };
}
