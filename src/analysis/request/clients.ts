/**
 * Matches an origin against the HTTP client catalog: which client family a callee belongs
 * to, which call shape applies, and the instance configs met on the way
 * (`axios.create(cfg)`, `got.extend(cfg)`).
 */
import { CLIENT_KIND_BY_ID, CLIENT_ROOTS, type CallShape, type ClientKind } from '../../catalog/http-clients.js';
import { type ConfigArgument, FamilyCatalog } from '../code/families.js';
import type { Origin } from '../code/origin.js';

export interface ClientMatch {
  readonly kind: ClientKind;
  readonly shape: CallShape;
  /** the member called (`post`), or undefined when the client itself is called */
  readonly member: string | undefined;
  /** config arguments of the factories the instance came from, outermost first */
  readonly configs: readonly ConfigArgument[];
}

export const HTTP_CLIENTS = new FamilyCatalog(CLIENT_ROOTS, CLIENT_KIND_BY_ID);

/** The call shape a callee's origin has, when it sends a request. */
export function matchClientCall(origin: Origin): ClientMatch | undefined {
  const client = HTTP_CLIENTS.match(origin);
  if (!client) return undefined;
  const { family: kind, rest, configs } = client;
  if (rest.length === 0) {
    return kind.callable ? { kind, shape: kind.callable, member: undefined, configs } : undefined;
  }
  const only = rest[0]!;
  if (rest.length === 1 && only.kind === 'get' && Object.hasOwn(kind.members, only.name)) {
    return { kind, shape: kind.members[only.name]!, member: only.name, configs };
  }
  return undefined;
}
