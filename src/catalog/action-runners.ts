/**
 * Libraries that run a function given to their constructor when a method of the instance is
 * called, with that call's arguments: a request made inside the function is made at that call.
 * opossum's circuit breaker, `new CircuitBreaker((url, body) => http.post(url, body)).fire(url, body)`,
 * guards a call; it makes nothing durable (its fallback is in memory).
 */
export interface ActionRunner {
  /** the module whose default export (or module value) is the class */
  readonly module: string;
  /** the methods that run the action with their own arguments */
  readonly run: ReadonlySet<string>;
}

export const ACTION_RUNNERS: readonly ActionRunner[] = [{ module: 'opossum', run: new Set(['fire']) }];
