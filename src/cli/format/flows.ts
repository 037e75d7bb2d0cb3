/**
 * Handler to handler: for each synchronous request, the entry point of the calling service
 * that leads to it and the handler of the receiving service that takes it, with what that
 * handler does against a duplicate delivery. Shared by the text formats.
 */
import { allCalls } from '../model/queries.js';
import type { CouplingMap, EntryPoint, MapCall, Receiver, RouteHandler } from '../model/types.js';
import { compareStrings, requestLabel } from '../model/types.js';

export interface Flow {
  /** `orders POST /orders (orders/src/main.ts:26)`, or the call itself when no entry point was found */
  readonly from: string;
  /** `payments POST /payments (payments/src/payments.controller.ts:44)`, or why there is none */
  readonly to: string;
  /** `guarded: reads header "idempotency-key"`, `not guarded`, or empty when no handler was found */
  readonly duplicates: string;
}

export function describeEntryPoint(entry: EntryPoint): string {
  const kind = entry.kind === 'route' ? '' : `${entry.kind} `;
  return `${kind}${entry.label} (${entry.file}:${entry.line})`;
}

export function describeHandler(handler: RouteHandler): string {
  return `${handler.service} ${handler.method} ${handler.path} (${handler.file}:${handler.line})`;
}

export function describeGuards(handler: RouteHandler): string {
  return handler.guards.length > 0 ? `guarded: ${handler.guards.map((guard) => guard.detail).join('; ')}` : 'not guarded';
}

/** Why a request has no receiving handler, or the handlers' count. */
export function describeUnmatched(receiver: Exclude<Receiver, { status: 'matched' }>, call: MapCall): string {
  if (receiver.status === 'outside-repository') return `${receiver.service}: not in this repository`;
  return `${receiver.service}: no route for ${requestLabel(call)} (${receiver.routes} route${receiver.routes === 1 ? '' : 's'} found)`;
}

function sources(call: MapCall): string[] {
  if (call.entryPoints.length === 0) return [`${call.from} ${call.file}:${call.line}`];
  return call.entryPoints.map((entry) => `${call.from} ${describeEntryPoint(entry)}`);
}

/** Every flow of the map's requests to services, without repeats, sorted by source then target. */
export function listFlows(map: CouplingMap): Flow[] {
  const flows = new Map<string, Flow>();
  for (const call of allCalls(map)) {
    const { receiver } = call;
    if (receiver === null) continue;
    const targets =
      receiver.status === 'matched'
        ? receiver.handlers.map((handler) => ({ to: describeHandler(handler), duplicates: describeGuards(handler) }))
        : [{ to: describeUnmatched(receiver, call), duplicates: '' }];
    for (const from of sources(call)) {
      for (const target of targets) flows.set(`${from}\0${target.to}`, { from, ...target });
    }
  }
  return [...flows.values()].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}
