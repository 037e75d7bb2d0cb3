/**
 * Does a request's path template fit a route's path? The request side comes from a finding
 * (`/payments/{paymentId}/refunds`: parts not known statically as `{name}`), the route side
 * from the receiving service (`/payments/:id/refunds`, `/files/*`, NestJS and Fastify
 * `:id`, Hono `:id{[0-9]+}`, `{id}` in OpenAPI-style frameworks). Segments compare one by one:
 * literals must be equal (case-insensitive), a route parameter takes any one segment, a `*`
 * takes the rest, and a request part not known statically fits only a parameter or a `*`.
 */

/** How well a request fits a route: more literal segments matched is better. */
export interface PathFit {
  /** literal segments equal on both sides */
  readonly literals: number;
  /** the route is shorter or longer and only its end lines up with the request (a prefix the other side does not show) */
  readonly partial: boolean;
}

function splitPath(path: string): string[] {
  const withoutQuery = path.replace(/[?#].*$/, '');
  return withoutQuery.split('/').filter((segment) => segment.length > 0);
}

function isRouteParameter(segment: string): boolean {
  return segment.startsWith(':') || /^\{[^}]+\}$/.test(segment) || /^<[^>]+>$/.test(segment);
}

function isWildcard(segment: string): boolean {
  return segment === '*' || segment === '**' || segment.startsWith('*') || segment === '(.*)';
}

/** A request segment not known statically: `{paymentId}`, or a template part inside it (`v{version}`). */
function isUnknownRequestPart(segment: string): boolean {
  return segment.includes('{');
}

/** Compares the segments of a request and a route; `undefined` when they do not fit. */
function fitSegments(request: readonly string[], route: readonly string[]): number | undefined {
  let literals = 0;
  for (let index = 0; index < route.length; index += 1) {
    const routeSegment = route[index] ?? '';
    if (isWildcard(routeSegment)) return literals;
    const requestSegment = request[index];
    if (requestSegment === undefined) return undefined;
    if (isRouteParameter(routeSegment)) continue;
    if (isUnknownRequestPart(requestSegment)) return undefined;
    if (requestSegment.toLowerCase() !== routeSegment.toLowerCase()) return undefined;
    literals += 1;
  }
  return request.length === route.length ? literals : undefined;
}

/**
 * How `requestPath` fits `routePath`, or `undefined`. Whole paths first; else, with
 * `allowPartial`, the request's end against the whole route (the request carries a base path
 * the route's registration does not show) or the route's end against the whole request (a
 * prefix the discovery could not see, such as a proxy's).
 */
export function fitPath(requestPath: string, routePath: string, allowPartial: boolean): PathFit | undefined {
  const request = splitPath(requestPath);
  const route = splitPath(routePath);
  const whole = fitSegments(request, route);
  if (whole !== undefined) return { literals: whole, partial: false };
  if (!allowPartial) return undefined;
  if (request.length > route.length && route.length > 0) {
    const tail = fitSegments(request.slice(request.length - route.length), route);
    if (tail !== undefined && tail > 0) return { literals: tail, partial: true };
  }
  if (route.length > request.length && request.length > 0) {
    const tail = fitSegments(request, route.slice(route.length - request.length));
    if (tail !== undefined && tail > 0) return { literals: tail, partial: true };
  }
  return undefined;
}

/** Whether a route registered for `routeMethod` answers `requestMethod`. */
export function fitsMethod(requestMethod: string, routeMethod: string): boolean {
  return routeMethod === 'ALL' || routeMethod === requestMethod.toUpperCase();
}
