/** The data of a coupling map, shared by the steps that build it and the formats that print it. */

/** Where something is, relative to the mapped root (`/` separators), 1-based like ESLint. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type EntryPointKind = 'route' | 'consumer' | 'schedule';

/** Code that starts work from outside: an HTTP route, a message consumer, a scheduled job. */
export interface EntryPoint {
  readonly kind: EntryPointKind;
  /** `POST /orders`, `order.created`, `cron 0 3 * * *`, `every 60000 ms` */
  readonly label: string;
  readonly file: string;
  readonly line: number;
}

/** What a finding's call reaches: another service over HTTP, or a message broker (dual writes). */
export type TargetKind = 'service' | 'broker';

export interface DualWriteData {
  /** the callee text of the publish or request, e.g. `this.producer.send` */
  readonly send: string;
  /** e.g. `publishes to Kafka` */
  readonly action: string;
  /** the callee text of the database write, e.g. `this.orders.save` */
  readonly dbWrite: string;
  readonly dbWriteLine: number;
}

/** One message of one of the plugin's rules, with the data recovered from its text. */
export interface Finding extends Location {
  /** rule name without the plugin namespace, e.g. `no-sync-critical-write` */
  readonly rule: string;
  readonly messageId: string;
  readonly message: string;
  /** absolute path, for the project model */
  readonly absoluteFile: string;
  readonly target: { readonly kind: TargetKind; readonly name: string };
  /** `POST`; `null` for a publish */
  readonly method: string | null;
  /** `/payments`, with unresolved parts as `{name}`; `null` for a publish */
  readonly path: string | null;
  /** the evidence of criticality the rule gave, e.g. `service "payments", path "/payments"` */
  readonly evidence: string | null;
  /** typed linting: the functions the call went through, e.g. [`OrderService.createOrder()`] */
  readonly via: readonly string[];
  readonly dualWrite: DualWriteData | null;
}

/** A file that could not be parsed, so it was not mapped. */
export interface Skipped {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ServiceInfo {
  readonly name: string;
  /** folders or globs, relative to the root, that make up the service */
  readonly paths: readonly string[];
  /** source files linted in it */
  readonly files: number;
}

/** How a receiving handler guards against a second delivery of the same request. */
export type DuplicateGuardKind = 'idempotency-header' | 'upsert' | 'unique-key' | 'processed-ids';

export interface DuplicateGuard {
  readonly kind: DuplicateGuardKind;
  /** what in the code shows it, e.g. `reads header "idempotency-key"`, `ON CONFLICT … DO NOTHING` */
  readonly detail: string;
  readonly file: string;
  readonly line: number;
}

/** A route of a service of the repository, with the code that handles it. */
export interface RouteHandler {
  readonly service: string;
  /** `POST`, or `ALL` */
  readonly method: string;
  /** the full path as the service serves it, prefixes and mounts joined: `/api/v1/payments/:id` */
  readonly path: string;
  readonly file: string;
  readonly line: number;
  /** what guards it against a duplicate delivery; empty when nothing does */
  readonly guards: readonly DuplicateGuard[];
}

/**
 * Where a synchronous request lands in the repository: the receiving handlers (several when
 * more than one route fits as well), or why none was found: the target service is not one of
 * the repository's (`outside-repository`, e.g. a third party or a service kept elsewhere), or
 * it is and no route of it fits the method and path (`no-route`).
 */
export type Receiver =
  | { readonly status: 'matched'; readonly service: string; readonly handlers: readonly RouteHandler[] }
  | { readonly status: 'no-route'; readonly service: string; readonly routes: number }
  | { readonly status: 'outside-repository'; readonly service: string };

/** A finding placed in the map. */
export interface MapCall extends Finding {
  readonly from: string;
  readonly entryPoints: readonly EntryPoint[];
  /** the caller search stopped at the depth bound somewhere: a deeper search might find more entry points */
  readonly callersTruncated: boolean;
  /**
   * Typed linting also reports a write at the call sites of the function that makes it
   * (`via` findings). Those that lead to this call are folded into it and listed here.
   */
  readonly alsoReportedAt: readonly (Location & { readonly via: readonly string[] })[];
  /** for a request to a service: the handler that receives it; `null` for a publish or an unknown method or target */
  readonly receiver: Receiver | null;
}

export interface MapEdge {
  readonly from: string;
  readonly to: string;
  readonly toKind: TargetKind;
  readonly calls: readonly MapCall[];
}

/**
 * A critical write requested inside a step of a durable execution engine (Temporal activity,
 * Inngest `step.run`, …): the engine retries the step until it succeeds, so it is not a
 * finding, but the services are coupled all the same.
 */
export interface DurableCall extends Location {
  /** absolute path */
  readonly absoluteFile: string;
  readonly target: { readonly kind: 'service'; readonly name: string };
  readonly method: string;
  readonly path: string;
  readonly evidence: string | null;
  /** the step, as the rule names it: `Inngest step.run`, `Temporal activity module` */
  readonly step: string;
}

export interface DurableEdge {
  readonly from: string;
  readonly to: string;
  readonly calls: readonly DurableCall[];
}

/** Why a file is linted without type information: JavaScript, no tsconfig up its folders, none of them includes it, or the one that would is broken. */
export type UntypedReason = 'javascript' | 'no-tsconfig' | 'not-included' | 'tsconfig-error';

export const UNTYPED_REASONS: readonly UntypedReason[] = ['javascript', 'no-tsconfig', 'not-included', 'tsconfig-error'];

/** How many files were linted with and without types, and why. */
export interface FileCounts {
  readonly typed: number;
  readonly untyped: number;
  readonly untypedBecause: Readonly<Record<UntypedReason, number>>;
}

export interface CouplingMap {
  /** the mapped folder, relative to the working directory (`.` when it is the same) */
  readonly root: string;
  /** the tsconfigs that typed files, relative to the root, with the number of files each typed */
  readonly tsconfigs: readonly { readonly file: string; readonly files: number }[];
  /** how the services were found: `config`, `workspaces`, `pnpm-workspace`, `folders`, `top-level`, `root` */
  readonly servicesFrom: string;
  readonly services: readonly ServiceInfo[];
  /** the edges of findings */
  readonly edges: readonly MapEdge[];
  /** the calls made inside durable steps, grouped by source and target service: durable, not findings */
  readonly durableEdges: readonly DurableEdge[];
  readonly skipped: readonly Skipped[];
  /** files linted, typed (in a tsconfig's program) or not */
  readonly files: FileCounts;
  readonly depth: number;
}

/** The name of the pseudo-service of files that belong to no service. */
export const UNASSIGNED = '(unassigned)';

/** `file:line:column`, a key for a place in the code. */
export function locationKey(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareLocations(a: Location, b: Location): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** `POST /payments`; `publish` for a publish to a broker; `request` when the method is unknown. */
export function requestLabel(call: Pick<Finding, 'method' | 'path' | 'target'>): string {
  if (call.method === null) return call.target.kind === 'broker' ? 'publish' : 'request';
  return `${call.method} ${call.path ?? '/'}`;
}
