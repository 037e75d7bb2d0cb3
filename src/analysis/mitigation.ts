/**
 * Is a synchronous call already made durable by its surroundings? Inside a message
 * consumer (the broker redelivers on failure), inside an outbox relay (the outbox row stays
 * pending until the call succeeds), or in a `try` whose `catch` hands the write to a queue
 * or outbox. In-memory retries are recognised only to say that they do not help.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { DURABLE_HANDOFF_NAME } from '../catalog/brokers.js';
import {
  CONSUMER_BASE_CLASSES,
  CONSUMER_CLASS_DECORATORS,
  CONSUMER_CONSTRUCTORS,
  CONSUMER_MEMBERS,
  HANDLER_DECORATORS,
  HANDLER_KEYS,
  QUEUE_EVENT_TYPES,
} from '../catalog/consumers.js';
import type { Settings } from '../options.js';
import {
  getCalleeName,
  getClassName,
  getDecoratorIdentifiers,
  getFunctionName,
  getMethodClass,
  getPropertyName,
  isFunctionNode,
  skipTransparent,
  type FunctionNode,
} from './ast.js';
import type { FileContext } from './file-context.js';
import { getOrigin } from './origin.js';
import { BROKERS, describePublish } from './publish.js';

export type Mitigation =
  | { readonly kind: 'consumer'; readonly detail: string }
  | { readonly kind: 'relay'; readonly detail: string }
  | { readonly kind: 'catch-handoff'; readonly detail: string };

export function findMitigation(node: TSESTree.Node, file: FileContext, settings: Settings): Mitigation | undefined {
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current && parent.handler) {
      const handoff = findHandoff(parent.handler.body, file);
      if (handoff) return { kind: 'catch-handoff', detail: handoff };
    }
    if (isFunctionNode(parent)) {
      const consumer = getConsumerKind(parent, file);
      if (consumer) return { kind: 'consumer', detail: consumer };
      const relay = getRelayName(parent, settings);
      if (relay) return { kind: 'relay', detail: relay };
    }
  }
  return undefined;
}

function getRelayName(fn: FunctionNode, settings: Settings): string | undefined {
  const name = getFunctionName(fn);
  if (name && settings.outboxRelayPattern.test(name)) return name;
  const cls = getMethodClass(fn);
  const className = cls && getClassName(cls);
  return className && settings.outboxRelayPattern.test(className) ? className : undefined;
}

/** Why a function is a consumer handler, or undefined. */
function getConsumerKind(fn: FunctionNode, file: FileContext): string | undefined {
  const parent = fn.parent;
  // { eachMessage: async () => … } / { async eachMessage() { … } }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === fn) {
    const key = getPropertyName(parent);
    if (key !== undefined && HANDLER_KEYS.has(key)) return key;
  }
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    for (const decorator of getDecoratorIdentifiers(parent)) {
      if (isImportedAs(decorator, HANDLER_DECORATORS, file)) return `@${decorator.name}`;
    }
    const cls = parent.parent.parent;
    for (const decorator of getDecoratorIdentifiers(cls)) {
      if (isImportedAs(decorator, CONSUMER_CLASS_DECORATORS, file)) return `@${decorator.name} class`;
    }
    if (cls.superClass?.type === AST_NODE_TYPES.Identifier && isImportedAs(cls.superClass, CONSUMER_BASE_CLASSES, file)) {
      return `${cls.superClass.name} subclass`;
    }
  }
  if (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.some((argument) => argument === fn)
  ) {
    const registration = getRegistrationKind(parent, fn, file);
    if (registration) return registration;
  }
  const firstParam = fn.params[0];
  const annotation = firstParam && 'typeAnnotation' in firstParam ? firstParam.typeAnnotation?.typeAnnotation : undefined;
  if (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    QUEUE_EVENT_TYPES.has(annotation.typeName.name)
  ) {
    return `${annotation.typeName.name} handler`;
  }
  return undefined;
}

/** `new Worker(name, fn)`, `queue.process(fn)`, `channel.consume(q, fn)`, `boss.work(name, fn)`. */
function getRegistrationKind(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  fn: FunctionNode,
  file: FileContext,
): string | undefined {
  const origin = getOrigin(call.callee, file);
  if (call.type === AST_NODE_TYPES.NewExpression) {
    const last = origin?.steps.at(-1);
    const name = last?.kind === 'get' ? last.name : undefined;
    const registration = CONSUMER_CONSTRUCTORS.find((entry) => entry.module === origin?.module && entry.name === name);
    return registration && call.arguments[registration.handler] === fn ? `${registration.name} processor` : undefined;
  }
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const member = getPropertyName(callee);
  if (member === undefined) return undefined;
  const receiver = getOrigin(callee.object, file);
  const match = receiver && BROKERS.match(receiver);
  if (match && match.rest.length === 0 && CONSUMER_MEMBERS.get(match.family.id)?.includes(member)) {
    return `${match.family.label} ${member} handler`;
  }
  // amqplib channels often come from helpers: `channel.consume('queue', async (msg) => …)`
  if (member === 'consume' && call.arguments.length >= 2 && call.arguments[1] === fn) return 'consume handler';
  return undefined;
}

function isImportedAs(
  identifier: TSESTree.Identifier,
  table: readonly { readonly name: string; readonly modules: readonly string[] }[],
  file: FileContext,
): boolean {
  const binding = file.getBinding(identifier);
  if (binding?.kind !== 'import') return false;
  const imported = binding.imported ?? identifier.name;
  return table.some((entry) => entry.name === imported && entry.modules.includes(binding.source));
}

/** A publish or outbox write inside a catch block: the write is handed to something durable. */
function findHandoff(block: TSESTree.BlockStatement, file: FileContext): string | undefined {
  let found: string | undefined;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const publish = describePublish(node, file);
      if (publish) {
        found = `${publish.family.label} ${publish.member}`;
        return;
      }
      const callee = file.getText(node.callee);
      if (DURABLE_HANDOFF_NAME.test(callee) && !/log|console/i.test(getCalleeName(node.callee) ?? '')) {
        found = callee;
        return;
      }
    }
    for (const key of file.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      } else if (child && typeof child === 'object' && 'type' in child) {
        visit(child as TSESTree.Node);
      }
    }
  };
  visit(block);
  return found;
}

const RETRY_MODULES = new Set(['p-retry', 'async-retry', 'retry', 'cockatiel', 'exponential-backoff', 'promise-retry', 'axios-retry']);

/** An in-memory retry wrapped around the call (p-retry, cockatiel, a `retry(…)` helper, rxjs `retry`). */
export function findInMemoryRetry(call: TSESTree.CallExpression, file: FileContext): string | undefined {
  for (let current: TSESTree.Node = call; current.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      const name = getCalleeName(parent.callee);
      const origin = getOrigin(parent.callee, file);
      if ((origin && RETRY_MODULES.has(origin.module)) || (name !== undefined && /retr(?:y|ies)|backoff/i.test(name))) {
        return origin && RETRY_MODULES.has(origin.module) ? origin.module : name;
      }
      if (name === 'execute' && /retry|policy/i.test(file.getText(parent.callee))) return 'retry policy';
    }
    // rxjs: this.http.post(…).pipe(retry(3))
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && getPropertyName(parent) === 'pipe') {
      const pipeCall = parent.parent;
      if (pipeCall.type === AST_NODE_TYPES.CallExpression) {
        const retry = pipeCall.arguments.find(
          (argument) => argument.type === AST_NODE_TYPES.CallExpression && /^retry/.test(getCalleeName(argument.callee) ?? ''),
        );
        if (retry) return 'rxjs retry';
      }
    }
    if (isFunctionNode(parent) && parent.parent.type !== AST_NODE_TYPES.CallExpression) break;
  }
  return undefined;
}
