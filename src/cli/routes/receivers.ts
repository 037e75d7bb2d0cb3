/**
 * Where a synchronous request lands: the service of the repository that the finding's target
 * names (`payments` for `PAYMENTS_SERVICE_URL`, matched to the folder `payments-service` or
 * the package `@shop/payments` too), then the route of that service that takes the request's
 * method and path template. Routes are discovered once per service, over its own files.
 */
import type { Project, SourceFile } from 'ts-morph';
import { compareStrings, type Receiver, type RouteHandler } from '../model/types.js';
import { type ServiceModel, serviceOf } from '../services/services.js';
import { findDuplicateGuards } from './duplicate-guards.js';
import { type RequireResolver, RouterIdentities } from './identity.js';
import { findNestRoutes, readNestApplication } from './nest.js';
import { fitPath, fitsMethod, type PathFit } from './route-path.js';
import { type FoundRoute, RouterRoutes } from './routers.js';

/** Words services are named with that do not tell them apart: `payments-service`, `orders-api`, `billing-svc`. */
const NAME_NOISE = /(?:^|[-_.\s])(?:service|svc|api|server|app|ms|microservice|backend)$/;

/** `Payments-Service` → `payment`, `orders_api` → `order`, `@shop/ledger` → `ledger`. */
export function normalizeServiceName(name: string): string {
  let base = name.toLowerCase().replace(/^@[^/]+\//, '');
  for (let previous = ''; previous !== base; ) {
    previous = base;
    base = base.replace(NAME_NOISE, '');
  }
  return base.replace(/[^a-z0-9]/g, '').replace(/(?:ies)$/, 'y').replace(/s$/, '');
}

export interface ReceiverInput {
  readonly project: Project;
  readonly services: ServiceModel;
  readonly resolveRequire: RequireResolver;
  /** absolute path → relative to the mapped root */
  readonly relative: (absolute: string) => string;
}

interface ServiceRoutes {
  readonly routes: readonly FoundRoute[];
  /** the handler of each route, its duplicate-delivery guards left to be read when a request is matched to it */
  readonly handlers: Map<FoundRoute, Omit<RouteHandler, 'guards'>>;
}

export class ReceiverFinder {
  private readonly routesByService = new Map<string, ServiceRoutes>();
  private readonly guardsByRoute = new Map<FoundRoute, RouteHandler['guards']>();
  /** the project's source files by service, grouped once */
  private filesByService: Map<string, SourceFile[]> | undefined;
  private readonly serviceNames: ReadonlyMap<string, string>;

  constructor(private readonly input: ReceiverInput) {
    const names = new Map<string, string>();
    for (const service of input.services.services) {
      const key = normalizeServiceName(service.name);
      if (key && !names.has(key)) names.set(key, service.name);
    }
    this.serviceNames = names;
  }

  /** The repository's service a target name stands for, if any. */
  serviceFor(target: string): string | undefined {
    return this.input.services.services.find((service) => service.name === target)?.name ?? this.serviceNames.get(normalizeServiceName(target));
  }

  /** Where a request with `method` and `path` to the service named `target` lands. */
  find(target: string, method: string, path: string): Receiver {
    const service = this.serviceFor(target);
    if (service === undefined) return { status: 'outside-repository', service: target };
    const { routes, handlers } = this.routesOf(service);
    const candidates = routes.filter((route) => fitsMethod(method, route.method));
    const fits = (allowPartial: boolean) =>
      candidates.flatMap((route) => {
        const fit = fitPath(path, route.path, allowPartial);
        return fit ? [{ route, fit }] : [];
      });
    let matches: { route: FoundRoute; fit: PathFit }[] = fits(false);
    if (matches.length === 0) matches = fits(true);
    if (matches.length === 0) return { status: 'no-route', service, routes: routes.length };
    // the most literal segments in common wins; a route for this very method over one for ALL
    const best = Math.max(...matches.map(({ fit }) => fit.literals));
    const bestFits = matches.filter(({ fit }) => fit.literals === best);
    const exactMethod = bestFits.filter(({ route }) => route.method !== 'ALL');
    const chosen = (exactMethod.length > 0 ? exactMethod : bestFits).flatMap(({ route }) => {
      const handler = handlers.get(route);
      return handler ? [{ ...handler, guards: this.guardsOf(route) }] : [];
    });
    const unique = [...new Map(chosen.map((handler) => [`${handler.method} ${handler.path} ${handler.file}:${handler.line}`, handler])).values()];
    return { status: 'matched', service, handlers: unique.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line) };
  }

  /**
   * The full routes (`POST /api/v1/payments`) registered at a place (relative file and line),
   * mounts and prefixes joined; empty when no route of the file's service is registered there.
   */
  routeLabelsAt(file: string, line: number): string[] {
    const service = serviceOf(file, this.input.services);
    if (service === undefined) return [];
    const labels = new Set<string>();
    for (const handler of this.routesOf(service).handlers.values()) {
      if (handler.file === file && handler.line === line) labels.add(`${handler.method} ${handler.path}`);
    }
    return [...labels].sort();
  }

  /** How a route's handler guards against a duplicate delivery, read once, for the routes requests reach. */
  private guardsOf(route: FoundRoute): RouteHandler['guards'] {
    let guards = this.guardsByRoute.get(route);
    if (!guards) {
      guards = route.handler ? findDuplicateGuards(route.handler, this.input.relative) : [];
      this.guardsByRoute.set(route, guards);
    }
    return guards;
  }

  private routesOf(service: string): ServiceRoutes {
    let known = this.routesByService.get(service);
    if (!known) {
      const files = this.filesOf(service);
      const routers = new RouterRoutes(new RouterIdentities(this.input.project, this.input.resolveRequire));
      for (const file of files) routers.addFile(file);
      const application = readNestApplication(files);
      const routes = [...routers.routes(), ...files.flatMap((file) => findNestRoutes(file, application))];
      const handlers = new Map<FoundRoute, Omit<RouteHandler, 'guards'>>();
      for (const route of routes) {
        const sourceFile = route.node.getSourceFile();
        handlers.set(route, {
          service,
          method: route.method,
          path: route.path,
          file: this.input.relative(sourceFile.getFilePath()),
          line: route.node.getStartLineNumber(),
        });
      }
      known = { routes, handlers };
      this.routesByService.set(service, known);
    }
    return known;
  }

  private filesOf(service: string): SourceFile[] {
    if (!this.filesByService) {
      this.filesByService = new Map();
      for (const file of this.input.project.getSourceFiles()) {
        const owner = serviceOf(this.input.relative(file.getFilePath()), this.input.services);
        if (owner === undefined) continue;
        const files = this.filesByService.get(owner) ?? [];
        files.push(file);
        this.filesByService.set(owner, files);
      }
    }
    return this.filesByService.get(service) ?? [];
  }
}
