/**
 * The verdict on one described request: does it write, does it cross into another of your
 * services, is the write critical, and is it already made durable? Each answer comes from
 * its own module; this one only composes them.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Settings } from '../options.js';
import { assessCriticality, type Criticality, describePayload, type PayloadFacts } from './criticality/criticality.js';
import type { FileContext } from './code/file-context.js';
import { findSwallowedFailure, type SwallowedFailure } from './mitigation/failure.js';
import { getGatewayRelay, getRouteRelay, makesOtherCriticalWrites } from './mitigation/relay.js';
import { findLocalWrite, writesOwnDatabase } from './data-layer/local-writes.js';
import { classifyMethods, getWriteMethod } from './request/method.js';
import { findCallerMitigation, findInMemoryRetry, findMitigation, isForwardedBody, type Mitigation } from './mitigation/mitigation.js';
import type { RequestDescription } from './request/request.js';
import { singular, splitWords } from './code/words.js';
import { classifyTarget, isProviderCredentialKey, LOCAL_ADDRESS, type Target } from './target/target.js';

export interface Assessment {
  readonly request: RequestDescription;
  readonly reportable: boolean;
  /** `POST`, `PUT/POST`, or undefined when the method is unknown */
  readonly method: string | undefined;
  readonly target: Target;
  readonly criticality: Criticality | undefined;
  readonly mitigation: Mitigation | undefined;
  readonly retry: string | undefined;
  /** where the request's failure is swallowed, when it is */
  readonly swallowed: SwallowedFailure | undefined;
}

export interface AssessOptions {
  /** where names count as criticality evidence (see `CriticalityInput.nameContexts`) */
  readonly nameContexts?: readonly TSESTree.Node[];
  /** the payload's facts (`describePayload`), when the caller read them already */
  readonly payloadFacts?: PayloadFacts;
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
  options: AssessOptions = {},
): Assessment {
  const verdict = classifyMethods(request.methods);
  const method = getWriteMethod(request.methods);
  const target = classifyTarget(request.url, settings, { daprAppId: request.daprAppId });
  const base = { request, method, target, criticality: undefined, mitigation: undefined, retry: undefined, swallowed: undefined };

  const isWrite = verdict === 'write' || ((verdict === 'maybe' || verdict === 'unknown') && settings.unknownMethodIsWrite);
  if (!request.sent || !isWrite || target.kind !== 'internal') return { ...base, reportable: false };
  // `axios.post(`${config.services.ride}/${rideId}/accept`)` from the ride service: a call to its own routes crosses no service
  if (callsItself(target, contexts.at(-1) ?? request.call, file)) {
    return { ...base, target: { ...target, via: `${target.via} (the calling service itself)` }, reportable: false };
  }
  const payloadFacts = options.payloadFacts ?? (request.payload ? describePayload(request.payload, file) : undefined);
  // a GraphQL query or subscription sent as POST reads
  if (payloadFacts?.graphql && payloadFacts.graphql.kind !== 'mutation') return { ...base, reportable: false };
  // a body that carries an API key and secret authenticates to a provider's API, not to one of your services
  const credential = payloadFacts?.keys.find(isProviderCredentialKey);
  if (credential) return { ...base, target: { ...target, kind: 'external', via: `${target.via} (sent with the API credential "${credential}" in its body)` }, reportable: false };

  const writesFirst = (): boolean =>
    contexts.some((context) => context.type === AST_NODE_TYPES.CallExpression && findLocalWrite(context, file)?.order === 'before');
  const criticality = assessCriticality({ target, method, payload: request.payload, payloadFacts, contexts, nameContexts: options.nameContexts, writesFirst }, file, settings);
  if (!criticality.critical) return { ...base, criticality, reportable: false };

  for (const context of contexts) {
    const mitigation = findMitigation(context, file, settings, context === request.call ? request.payload?.node : undefined);
    if (mitigation) return { ...base, criticality, mitigation, reportable: false };
  }
  const calls = contexts.filter((context): context is TSESTree.CallExpression => context.type === AST_NODE_TYPES.CallExpression);
  const swallowed = findSwallowedFailure(calls, file);
  // a relay whose outcome goes back to its caller loses nothing of its own; one that swallows the failure loses the write
  if (!settings.checkProxies && !swallowed) {
    const relay =
      request.payload && isForwardedBody(request.payload, file)
        ? 'forwards the incoming request body'
        : (getGatewayRelay(request, contexts, file) ?? getOwnlessRouteRelay(request, method, target, calls, file));
    // a handler that makes other critical writes too orchestrates them (a saga's first step sends the order it was given): it relays none
    if (relay && !makesOtherCriticalWrites(request, contexts, file, settings)) return { ...base, criticality, mitigation: { kind: 'proxy', detail: relay }, reportable: false };
  }
  const callerMitigation = findCallerMitigation(contexts.at(-1) ?? request.call, file, settings);
  if (callerMitigation) return { ...base, criticality, mitigation: callerMitigation, reportable: false };
  const retry = findInMemoryRetry(request.call, file) ?? (request.retries ? `${request.client.label} retry option` : undefined);
  return { ...base, criticality, retry, swallowed, reportable: true };
}

/**
 * The target is the service the calling file belongs to: by name (`ride` from the package
 * `3-ride-service`), or `localhost` at the port the service listens on, written out or, for a
 * service whose name cannot be told, as the default of its configured address.
 */
function callsItself(target: Target, caller: TSESTree.Node, file: FileContext): boolean {
  const fileName = file.fileOf(caller).fileName;
  if (fileName === undefined || target.service === undefined || !file.resolver) return false;
  const own = file.resolver.getServiceName(fileName);
  if (own !== undefined && sameServiceName(own, target.service)) return true;
  // a local address; or, when the service's own name cannot be told, the local default of a configured one
  // (`process.env.DELIVERY_SERVICE_URL || 'http://localhost:5004'`): defaults copied from service to service often collide
  const port = LOCAL_ADDRESS.exec(target.service)?.[1] ?? (own === undefined ? target.defaultPort : undefined);
  return port !== undefined && file.resolver.getServicePort(fileName) === port;
}

function sameServiceName(a: string, b: string): boolean {
  const words = (name: string): string => splitWords(name).map(singular).join('-');
  return words(a) === words(b);
}

/** A route relay (see `getRouteRelay`) whose handler writes nothing of its own: a service that saves and then forwards owns the write. */
function getOwnlessRouteRelay(
  request: RequestDescription,
  method: string | undefined,
  target: Target,
  calls: readonly TSESTree.CallExpression[],
  file: FileContext,
): string | undefined {
  const top = calls.at(-1);
  const relay = top && getRouteRelay(request, method, target.path, calls, file);
  return relay && !writesOwnDatabase(top, file) ? relay : undefined;
}
