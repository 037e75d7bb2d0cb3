/**
 * Routes of Express, Koa (`@koa/router`), Fastify and Hono applications, with their full
 * paths. Registrations: `x.post('/path', …handlers)`, `x.route('/path').post(handler)`,
 * `x.route({ method, url | path, handler })`. Prefixes: `new Router({ prefix })`,
 * `router.prefix('/x')`, `new Hono().basePath('/x')`. Mounts, followed across files:
 * `app.use('/api', router)`, `app.use(router.routes())`, `app.route('/api', sub)` (Hono),
 * `app.register(plugin, { prefix })` (Fastify, `fp(plugin)` too). A router mounted in
 * several places has a route under each; one mounted nowhere serves at its own paths.
 */
import { type CallExpression, type NewExpression, Node, type SourceFile } from 'ts-morph';
import { getCalleeProperty, getPropertyValue, getStaticText, getTargetSymbol, HTTP_METHODS, isRoutePath, joinRoutePaths } from '../code/static-text.js';
import type { RouterIdentities } from './identity.js';

/** A route before its place is made relative to the mapped root. */
export interface FoundRoute {
  readonly method: string;
  readonly path: string;
  /** the registration (a call, or a NestJS method) */
  readonly node: Node;
  /** the function that handles the request, when it can be told */
  readonly handler: Node | undefined;
}

interface Registration {
  readonly method: string;
  readonly path: string;
  readonly router: Node | undefined;
  readonly node: Node;
  readonly handler: Node | undefined;
}

interface Mount {
  readonly parent: Node | undefined;
  readonly prefix: string;
}

/** Mount chains followed at most this deep, and this many full paths kept per router. */
const MAX_MOUNT_DEPTH = 8;
const MAX_PREFIXES = 16;

function isFunctionLike(node: Node | undefined): boolean {
  return Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node);
}

/** The function a handler argument stands for: itself, or the declaration it names (`controller.create`, `createOrder`). */
export function resolveHandler(argument: Node | undefined): Node | undefined {
  if (!argument) return undefined;
  if (isFunctionLike(argument)) return argument;
  if (Node.isCallExpression(argument)) {
    // asyncHandler(fn), catchAsync(controller.create), handler.bind(this)
    const callee = argument.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind') return resolveHandler(callee.getExpression());
    return resolveHandler(argument.getArguments()[0]);
  }
  if (!Node.isIdentifier(argument) && !Node.isPropertyAccessExpression(argument)) return undefined;
  for (const declaration of getTargetSymbol(argument)?.getDeclarations() ?? []) {
    if (isFunctionLike(declaration)) return declaration;
    if (Node.isVariableDeclaration(declaration) || Node.isPropertyAssignment(declaration) || Node.isPropertyDeclaration(declaration)) {
      const initializer = declaration.getInitializer();
      if (isFunctionLike(initializer)) return initializer;
    }
  }
  return undefined;
}

/** Whether an argument after the path looks like a request handler (so `axios.post('/x', body)` is not a route). */
function isHandlerArgument(argument: Node): boolean {
  if (isFunctionLike(argument) || Node.isArrayLiteralExpression(argument)) return true;
  if (Node.isCallExpression(argument)) return true;
  return resolveHandler(argument) !== undefined;
}

function staticPath(node: Node | undefined): string | undefined {
  const text = getStaticText(node);
  return isRoutePath(text) ? text : undefined;
}

export class RouterRoutes {
  private readonly registrations: Registration[] = [];
  private readonly mounts = new Map<Node, Mount[]>();
  private readonly ownPrefixes = new Map<Node, string>();
  private readonly prefixCache = new Map<Node, string[]>();

  constructor(private readonly identities: RouterIdentities) {}

  /** Reads the registrations, prefixes and mounts of one file. */
  addFile(sourceFile: SourceFile): void {
    sourceFile.forEachDescendant((node) => {
      if (Node.isCallExpression(node)) this.readCall(node);
      else if (Node.isNewExpression(node)) this.readConstructor(node);
    });
  }

  /** Koa's `new Router({ prefix: '/stock' })`. */
  private readConstructor(node: NewExpression): void {
    const options = node.getArguments()[0];
    if (!Node.isObjectLiteralExpression(options)) return;
    const prefix = staticPath(getPropertyValue(options, 'prefix'));
    const declaration = node.getParent();
    if (prefix !== undefined && Node.isVariableDeclaration(declaration)) this.ownPrefixes.set(declaration, prefix);
  }

  private readCall(call: CallExpression): void {
    const callee = getCalleeProperty(call);
    if (!callee) return;
    const args = call.getArguments();
    const method = HTTP_METHODS[callee.name];
    if (method) {
      const path = staticPath(args[0]);
      const rest = args.slice(1);
      if (path !== undefined && rest.length > 0 && rest.some(isHandlerArgument)) {
        this.register(method, path, callee.receiver, call, resolveHandler(rest.at(-1)));
        return;
      }
      // router.route('/path').post(handler)
      if (Node.isCallExpression(callee.receiver) && args.length > 0) {
        const route = getCalleeProperty(callee.receiver);
        const routePath = staticPath(callee.receiver.getArguments()[0]);
        if (route?.name === 'route' && routePath !== undefined) this.register(method, routePath, route.receiver, call, resolveHandler(args.at(-1)));
      }
      return;
    }
    switch (callee.name) {
      case 'route':
        this.readRouteCall(call, callee.receiver);
        return;
      case 'use':
        this.readUse(call, callee.receiver);
        return;
      case 'register':
        this.readRegister(call, callee.receiver);
        return;
      case 'prefix': {
        const prefix = staticPath(args[0]);
        const router = this.identities.of(callee.receiver);
        if (prefix !== undefined && router) this.ownPrefixes.set(router, prefix);
        return;
      }
      case 'basePath': {
        const prefix = staticPath(args[0]);
        const declaration = call.getFirstAncestor((ancestor) => Node.isVariableDeclaration(ancestor));
        if (prefix !== undefined && declaration) this.ownPrefixes.set(declaration, prefix);
        return;
      }
      default:
    }
  }

  /** Fastify/Hapi `x.route({ method, url, handler })`, or Hono's mount `app.route('/api', sub)`. */
  private readRouteCall(call: CallExpression, receiver: Node): void {
    const [first, second] = call.getArguments();
    if (Node.isObjectLiteralExpression(first)) {
      const methods = getStaticText(getPropertyValue(first, 'method'));
      const path = staticPath(getPropertyValue(first, 'url') ?? getPropertyValue(first, 'path'));
      if (methods === undefined || path === undefined) return;
      const handler = resolveHandler(getPropertyValue(first, 'handler') ?? first.getProperty('handler'));
      for (const method of methods.split(', ')) this.register(method.toUpperCase(), path, receiver, call, handler);
      return;
    }
    const prefix = staticPath(first);
    if (prefix !== undefined && second) this.mount(second, receiver, prefix);
  }

  /** `app.use('/api', router, other.routes())`, `app.use(router)`. */
  private readUse(call: CallExpression, receiver: Node): void {
    const args = call.getArguments();
    const prefix = staticPath(args[0]);
    for (const argument of prefix === undefined ? args : args.slice(1)) this.mount(argument, receiver, prefix ?? '');
  }

  /** Fastify `app.register(plugin, { prefix })`: the plugin's routes hang off its first parameter. */
  private readRegister(call: CallExpression, receiver: Node): void {
    const [pluginArgument, options] = call.getArguments();
    if (!pluginArgument) return;
    const prefix = Node.isObjectLiteralExpression(options) ? (staticPath(getPropertyValue(options, 'prefix')) ?? '') : '';
    const plugin = this.identities.of(pluginArgument);
    const parameter = plugin && (Node.isFunctionDeclaration(plugin) || Node.isArrowFunction(plugin) || Node.isFunctionExpression(plugin)) ? plugin.getParameters()[0] : undefined;
    if (!parameter) return;
    this.addMount(parameter, this.identities.of(receiver), prefix);
  }

  private mount(child: Node, receiver: Node, prefix: string): void {
    if (isFunctionLike(child) || Node.isStringLiteral(child) || Node.isObjectLiteralExpression(child)) return;
    const router = this.identities.of(child);
    if (!router || isFunctionLike(router)) return;
    this.addMount(router, this.identities.of(receiver), prefix);
  }

  private addMount(router: Node, parent: Node | undefined, prefix: string): void {
    if (router === parent) return;
    const list = this.mounts.get(router) ?? [];
    list.push({ parent, prefix });
    this.mounts.set(router, list);
  }

  private register(method: string, path: string, receiver: Node, node: Node, handler: Node | undefined): void {
    this.registrations.push({ method, path, router: this.identities.of(receiver), node, handler });
  }

  /** The full prefixes a router serves under: its mounts' prefixes joined up to the routers mounted nowhere. */
  private prefixesOf(router: Node | undefined, depth = 0, seen = new Set<Node>()): string[] {
    if (!router) return [''];
    const cached = this.prefixCache.get(router);
    if (cached) return cached;
    const own = this.ownPrefixes.get(router) ?? '';
    const mounts = this.mounts.get(router) ?? [];
    let prefixes: string[];
    if (mounts.length === 0 || depth >= MAX_MOUNT_DEPTH || seen.has(router)) {
      prefixes = [joinRoutePaths(own)];
    } else {
      seen.add(router);
      const all = new Set<string>();
      for (const mount of mounts) {
        for (const parent of this.prefixesOf(mount.parent, depth + 1, seen)) all.add(joinRoutePaths(parent, mount.prefix, own));
      }
      seen.delete(router);
      prefixes = [...all].sort().slice(0, MAX_PREFIXES);
    }
    if (depth === 0) this.prefixCache.set(router, prefixes);
    return prefixes;
  }

  routes(): FoundRoute[] {
    return this.registrations.flatMap((registration) =>
      this.prefixesOf(registration.router).map((prefix) => ({
        method: registration.method,
        path: joinRoutePaths(prefix, registration.path),
        node: registration.node,
        handler: registration.handler,
      })),
    );
  }
}
