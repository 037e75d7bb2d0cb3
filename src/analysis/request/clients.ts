/**
 * Matches an origin against the HTTP client catalog: which client family a callee belongs
 * to, which call shape applies, and the instance configs met on the way
 * (`axios.create(cfg)`, `got.extend(cfg)`).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { CLIENT_KIND_BY_ID, CLIENT_ROOTS, CONNECTOR_BASE_KEYS, type CallShape, type ClientKind } from '../../catalog/http-clients.js';
import { findProperty, skipTransparent } from '../code/ast.js';
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
  if (!client) return matchConnectorCall(origin);
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

const CONNECTOR = CLIENT_KIND_BY_ID.get('connector')!;

/**
 * A member of what a package's factory returns when given a base address in an object literal
 * (`const payments = serviceConnector({ baseURL: config.PAYMENT_URL })`, then `payments.post(path,
 * body)`): a client the catalog does not know, used as axios is.
 */
function matchConnectorCall(origin: Origin): ClientMatch | undefined {
  const { module, steps } = origin;
  if (module === 'global' || module.startsWith('.') || module.startsWith('/')) return undefined;
  const member = steps.at(-1);
  const factory = steps.at(-2);
  if (member?.kind !== 'get' || factory?.kind !== 'call' || !Object.hasOwn(CONNECTOR.members, member.name)) return undefined;
  if (!steps.slice(0, -2).every((step) => step.kind === 'get')) return undefined;
  const config = factory.node.arguments[0] && skipTransparent(factory.node.arguments[0]);
  if (config?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (!CONNECTOR_BASE_KEYS.some((key) => findProperty(config, key))) return undefined;
  return { kind: CONNECTOR, shape: CONNECTOR.members[member.name]!, member: member.name, configs: [{ node: config, env: factory.env }] };
}
