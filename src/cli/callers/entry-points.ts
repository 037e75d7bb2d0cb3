/**
 * Recognises entry points in a ts-morph project: the code that starts work from outside the
 * process. A function is an entry point when it is
 * - an HTTP route handler: passed to `x.get/post/put/patch/delete/all/head/options('/path', …)`
 *   (Express, Koa/Hono routers, Fastify shorthands, `router.route('/path').post(…)`), the
 *   `handler` of `x.route({ method, url | path, handler })` (Fastify, Hapi), or a NestJS
 *   controller method decorated `@Get/@Post/…` (path joined with `@Controller`'s prefix);
 * - a message consumer: kafkajs `run({ eachMessage | eachBatch })`, bullmq `new Worker(name, fn)`,
 *   amqplib `consume(queue, fn)`, pg-boss `work(name, fn)`, sqs-consumer `handleMessage`,
 *   NestJS `@EventPattern`, `@MessagePattern`, `@Process`/`@Processor`, `@RabbitSubscribe`,
 *   `@SqsMessageHandler`;
 * - a scheduled job: `@Cron`, `@Interval`, `cron.schedule`, `schedule.scheduleJob`, `CronJob`,
 *   `setInterval`.
 * Recognised by call shape and decorator names; the labels use the paths and names written in
 * the code (constants are followed, other expressions shown as written).
 */
import { type CallExpression, type ClassDeclaration, type MethodDeclaration, type NewExpression, Node, type ObjectLiteralExpression } from 'ts-morph';
import type { EntryPoint, EntryPointKind } from '../model/types.js';
import {
  CONTROLLER_DECORATORS,
  getCalleeName,
  getCalleeProperty,
  getDecoratorArgument,
  getPropertyValue,
  getStaticText,
  HTTP_METHODS,
  isRoutePath,
  joinRoutePaths,
  labelText,
  NEST_ROUTE_DECORATORS,
} from '../code/static-text.js';

/** An entry point before its file is made relative to the mapped root. */
export interface FoundEntryPoint {
  readonly kind: EntryPointKind;
  readonly label: string;
  readonly node: Node;
}

const CONSUMER_DECORATORS: ReadonlySet<string> = new Set(['EventPattern', 'MessagePattern', 'SqsMessageHandler']);
const RABBIT_DECORATORS: ReadonlySet<string> = new Set(['RabbitSubscribe', 'RabbitRPC']);
/**
 * Prefixes under which a router is mounted in its own file: `app.use('/admin', router)`, or
 * Koa's `new Router({ prefix: '/admin' })`. `['']` when it is not mounted under a path.
 */
function getMountPrefixes(receiver: Node): string[] {
  if (!Node.isIdentifier(receiver)) return [''];
  const name = receiver.getText();
  const prefixes = new Set<string>();
  for (const declaration of receiver.getSymbol()?.getDeclarations() ?? []) {
    if (!Node.isVariableDeclaration(declaration)) continue;
    const initializer = declaration.getInitializer();
    if (Node.isNewExpression(initializer)) {
      const options = initializer.getArguments()[0];
      if (Node.isObjectLiteralExpression(options)) {
        const prefix = getStaticText(getPropertyValue(options, 'prefix'));
        if (isRoutePath(prefix)) prefixes.add(prefix);
      }
    }
  }
  receiver.getSourceFile().forEachDescendant((node) => {
    if (!Node.isCallExpression(node)) return;
    const callee = getCalleeProperty(node);
    if (callee?.name !== 'use') return;
    const [first, ...rest] = node.getArguments();
    const prefix = getStaticText(first);
    if (isRoutePath(prefix) && rest.some((argument) => Node.isIdentifier(argument) && argument.getText() === name)) prefixes.add(prefix);
  });
  return prefixes.size > 0 ? [...prefixes].sort() : [''];
}

function routeEntries(method: string, path: string, receiver: Node, node: Node): FoundEntryPoint[] {
  return getMountPrefixes(receiver).map((prefix) => ({ kind: 'route' as const, label: `${method} ${joinRoutePaths(prefix, path)}`, node }));
}

/** Topics a kafkajs consumer subscribes to in the same file: `consumer.subscribe({ topic | topics })`. */
function getSubscribedTopics(receiver: Node): string | undefined {
  const receiverText = receiver.getText();
  const topics: string[] = [];
  receiver.getSourceFile().forEachDescendant((node) => {
    if (!Node.isCallExpression(node)) return;
    const callee = getCalleeProperty(node);
    if (callee?.name !== 'subscribe' || callee.receiver.getText() !== receiverText) return;
    const options = node.getArguments()[0];
    if (!Node.isObjectLiteralExpression(options)) return;
    const value = getPropertyValue(options, 'topic') ?? getPropertyValue(options, 'topics');
    const text = labelText(value);
    if (text !== undefined) topics.push(text);
  });
  return topics.length > 0 ? topics.join(', ') : undefined;
}

/** Where a handler expression (a function, or a reference to one) is handed over. */
export type HandlerSlot =
  | { readonly kind: 'argument'; readonly call: CallExpression | NewExpression; readonly index: number }
  | { readonly kind: 'option'; readonly property: string; readonly object: ObjectLiteralExpression; readonly call: CallExpression | NewExpression | undefined };

/** The slot of `expression`: an argument of a call, or a property of an object literal (itself maybe an argument). */
export function getHandlerSlot(expression: Node): HandlerSlot | undefined {
  let node = expression;
  let parent = node.getParent();
  while (parent && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isSatisfiesExpression(parent))) {
    node = parent;
    parent = node.getParent();
  }
  if (!parent) return undefined;
  if ((Node.isCallExpression(parent) || Node.isNewExpression(parent)) && parent.getExpression() !== node) {
    const index = parent.getArguments().indexOf(node);
    return index === -1 ? undefined : { kind: 'argument', call: parent, index };
  }
  let property: Node | undefined;
  if (Node.isPropertyAssignment(parent) && parent.getInitializer() === node) property = parent;
  else if (Node.isShorthandPropertyAssignment(parent)) property = parent;
  else if (Node.isMethodDeclaration(node) && Node.isObjectLiteralExpression(parent)) property = node;
  if (!property || !(Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) || Node.isMethodDeclaration(property))) {
    return undefined;
  }
  const object = property.getParent();
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  const objectParent = object.getParent();
  const call = (Node.isCallExpression(objectParent) || Node.isNewExpression(objectParent)) && objectParent.getArguments().includes(object) ? objectParent : undefined;
  return { kind: 'option', property: property.getName(), object, call };
}

function argumentEntries(call: CallExpression | NewExpression, index: number): FoundEntryPoint[] {
  const args = call.getArguments();
  const name = getCalleeName(call);
  if (Node.isNewExpression(call)) {
    if (name === 'Worker' && index === 1) return consumer(labelText(args[0]), call);
    if (name === 'CronJob' && index === 1) return schedule(`cron ${labelText(args[0]) ?? '?'}`, call);
    return [];
  }
  if (name === 'setInterval' && index === 0 && Node.isIdentifier(call.getExpression())) {
    return schedule(`every ${labelText(args[1]) ?? '?'} ms`, call);
  }
  const callee = getCalleeProperty(call);
  if (!callee) return [];
  const method = HTTP_METHODS[callee.name];
  if (method) {
    const path = args
      .slice(0, index)
      .map((argument) => getStaticText(argument))
      .find(isRoutePath);
    if (path !== undefined) return routeEntries(method, path, callee.receiver, call);
    // router.route('/path').post(handler)
    if (Node.isCallExpression(callee.receiver)) {
      const route = getCalleeProperty(callee.receiver);
      const routePath = getStaticText(callee.receiver.getArguments()[0]);
      if (route?.name === 'route' && isRoutePath(routePath)) return routeEntries(method, routePath, route.receiver, call);
    }
    return [];
  }
  const first = args[0];
  if (index === 0 || first === undefined) return [];
  if (callee.name === 'consume' || callee.name === 'work') return consumer(labelText(first), call);
  if (callee.name === 'schedule' || callee.name === 'scheduleJob') return schedule(`cron ${labelText(first) ?? '?'}`, call);
  return [];
}

function optionEntries(slot: Extract<HandlerSlot, { kind: 'option' }>): FoundEntryPoint[] {
  const { call, object, property } = slot;
  if (!call) return [];
  const callee = Node.isCallExpression(call) ? getCalleeProperty(call) : undefined;
  const name = getCalleeName(call);
  if ((property === 'eachMessage' || property === 'eachBatch') && callee?.name === 'run') {
    return consumer(getSubscribedTopics(callee.receiver) ?? property, call);
  }
  if (property === 'handler' && callee?.name === 'route') {
    const methods = getStaticText(getPropertyValue(object, 'method'));
    const path = getStaticText(getPropertyValue(object, 'url') ?? getPropertyValue(object, 'path'));
    if (methods === undefined || !isRoutePath(path)) return [];
    return methods
      .split(', ')
      .flatMap((method) => routeEntries(method.toUpperCase(), path, callee.receiver, call));
  }
  if ((property === 'handleMessage' || property === 'handleMessageBatch') && name === 'create') {
    return consumer(labelText(getPropertyValue(object, 'queueUrl')) ?? property, call);
  }
  if (property === 'onTick' && (name === 'CronJob' || name === 'from')) {
    return schedule(`cron ${labelText(getPropertyValue(object, 'cronTime')) ?? '?'}`, call);
  }
  return [];
}

function consumer(label: string | undefined, node: Node): FoundEntryPoint[] {
  return [{ kind: 'consumer', label: label ?? '?', node }];
}

function schedule(label: string, node: Node): FoundEntryPoint[] {
  return [{ kind: 'schedule', label, node }];
}

/** Entry points made by handing a handler over: route registrations, consumers, schedules. */
export function getRegistrationEntries(slot: HandlerSlot): FoundEntryPoint[] {
  return slot.kind === 'argument' ? argumentEntries(slot.call, slot.index) : optionEntries(slot);
}

function getControllerPrefix(cls: ClassDeclaration | undefined): string {
  const decorator = cls?.getDecorators().find((each) => CONTROLLER_DECORATORS.has(each.getName()));
  const argument = getDecoratorArgument(decorator);
  if (Node.isObjectLiteralExpression(argument)) return getStaticText(getPropertyValue(argument, 'path')) ?? '';
  return getStaticText(argument) ?? '';
}

function getProcessorQueue(cls: ClassDeclaration | undefined): string | undefined {
  const decorator = cls?.getDecorator('Processor');
  if (!decorator) return undefined;
  const argument = getDecoratorArgument(decorator);
  if (Node.isObjectLiteralExpression(argument)) return labelText(getPropertyValue(argument, 'name')) ?? '?';
  return labelText(argument) ?? '?';
}

/** Entry points declared by a method's decorators (NestJS and friends). */
export function getDecoratorEntries(method: MethodDeclaration): FoundEntryPoint[] {
  const parent = method.getParent();
  const cls = Node.isClassDeclaration(parent) ? parent : undefined;
  const found: FoundEntryPoint[] = [];
  for (const decorator of method.getDecorators()) {
    const name = decorator.getName();
    const argument = getDecoratorArgument(decorator);
    const httpMethod = NEST_ROUTE_DECORATORS[name];
    if (httpMethod) {
      const paths = Node.isArrayLiteralExpression(argument) ? argument.getElements() : [argument];
      for (const path of paths) {
        found.push({ kind: 'route', label: `${httpMethod} ${joinRoutePaths(getControllerPrefix(cls), getStaticText(path) ?? '')}`, node: method });
      }
    } else if (CONSUMER_DECORATORS.has(name)) {
      found.push({ kind: 'consumer', label: labelText(argument) ?? '?', node: method });
    } else if (RABBIT_DECORATORS.has(name) && Node.isObjectLiteralExpression(argument)) {
      const queue = getPropertyValue(argument, 'queue') ?? getPropertyValue(argument, 'routingKey');
      found.push({ kind: 'consumer', label: labelText(queue) ?? '?', node: method });
    } else if (name === 'Process') {
      const queue = getProcessorQueue(cls) ?? '?';
      const job = Node.isObjectLiteralExpression(argument) ? labelText(getPropertyValue(argument, 'name')) : labelText(argument);
      found.push({ kind: 'consumer', label: job === undefined ? queue : `${queue}:${job}`, node: method });
    } else if (name === 'Cron') {
      found.push({ kind: 'schedule', label: `cron ${labelText(argument) ?? '?'}`, node: method });
    } else if (name === 'Interval') {
      const args = decorator.getArguments();
      found.push({ kind: 'schedule', label: `every ${labelText(args[args.length > 1 ? 1 : 0]) ?? '?'} ms`, node: method });
    }
  }
  // BullMQ's WorkerHost: `@Processor('queue') class X extends WorkerHost { process(job) {…} }`
  if (found.length === 0 && method.getName() === 'process') {
    const queue = getProcessorQueue(cls);
    if (queue !== undefined) found.push({ kind: 'consumer', label: queue, node: method });
  }
  return found;
}

/** An entry point with its place, relative to `root` via `relative`. */
export function toEntryPoint(found: FoundEntryPoint, relative: (absolute: string) => string): EntryPoint {
  return {
    kind: found.kind,
    label: found.label,
    file: relative(found.node.getSourceFile().getFilePath()),
    line: found.node.getStartLineNumber(),
  };
}
