/**
 * Recognises durable publishes by origin: `producer.send(…)`, `queue.add(…)`,
 * `channel.sendToQueue(…)`, `sqs.send(new SendMessageCommand(…))`, `client.emit(…)`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { BROKER_FAMILIES, BROKER_ROOTS, type Family, PUBLISH_FUNCTIONS } from '../catalog/brokers.js';
import {
  MESSAGE_KEYS,
  MESSAGE_NAME,
  NAMED_PUBLISH_MEMBERS,
  PRODUCER_HANDLE_NAME,
  PUBLISHER_CLASS_NAME,
  PUBLISHER_HANDLE_NAME,
} from '../catalog/named-handles.js';
import { getPropertyName, skipTransparent } from './ast.js';
import { FamilyCatalog } from './families.js';
import { EMPTY_ENV, type Env, type FileContext } from './file-context.js';
import { getOrigin, type Origin } from './origin.js';
import { getConstructedClassName, getHandleName, getOriginClassName, isProjectHandle } from './project-handles.js';

export const BROKERS = new FamilyCatalog(BROKER_ROOTS, new Map(BROKER_FAMILIES.map((family) => [family.id, family])));
const PUBLISH_FUNCTION_CATALOG = new FamilyCatalog(PUBLISH_FUNCTIONS, new Map(BROKER_FAMILIES.map((family) => [family.id, family])));

/** A producer or publisher of the project, known by its name only. */
export const NAMED_BROKER: Family = { id: 'named', label: 'a message broker', publish: [] };

export interface PublishDescription {
  readonly call: TSESTree.CallExpression;
  readonly family: Family;
  readonly member: string;
  /** the broker handle the call is made on (`this.producer`), when it is a member call */
  readonly receiver: TSESTree.Node | undefined;
}

/** The broker family of a value (a producer, a queue, a channel), if it is one. */
export function getBrokerFamily(origin: Origin): Family | undefined {
  const match = BROKERS.match(origin);
  return match && match.rest.length === 0 ? match.family : undefined;
}

export function describePublish(call: TSESTree.CallExpression, file: FileContext, env: Env = EMPTY_ENV): PublishDescription | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const origin = getOrigin(callee, file, env);
    const match = origin && PUBLISH_FUNCTION_CATALOG.match(origin);
    return match && match.rest.length === 0 ? { call, family: match.family, member: callee.name, receiver: undefined } : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const member = callee.property.name;
  const receiverOrigin = getOrigin(callee.object, file, env);
  const family = receiverOrigin && getBrokerFamily(receiverOrigin);
  if (!family) return isNamedPublisher(call, callee.object, member, receiverOrigin, file) ? { call, family: NAMED_BROKER, member, receiver: callee.object } : undefined;
  if (!family.publish.includes(member)) return undefined;
  if (family.commandPattern && !isPublishCommand(call, family.commandPattern, file, env)) return undefined;
  return { call, family, member, receiver: callee.object };
}

/** A producer or publisher of the project's own (`import { producer } from './kafka'`, `new OrderCreatedPublisher(client)`). */
function isNamedPublisher(call: TSESTree.CallExpression, receiver: TSESTree.Node, member: string, origin: Origin | undefined, file: FileContext): boolean {
  if (!NAMED_PUBLISH_MEMBERS.has(member) || !isProjectHandle(receiver, origin, file)) return false;
  const name = getHandleName(receiver);
  if (name !== undefined && PRODUCER_HANDLE_NAME.test(name)) return true;
  const constructed = getConstructedClassName(receiver, file) ?? getOriginClassName(origin);
  if (constructed !== undefined && PUBLISHER_CLASS_NAME.test(constructed)) return true;
  return name !== undefined && PUBLISHER_HANDLE_NAME.test(name) && isMessageShaped(call);
}

/** `publish('order.created', …)`, `publish(TOPIC, …)`, `publish({ topic, payload })`, `publish(new OrderCreatedEvent(…))`. */
function isMessageShaped(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
  const argument = skipTransparent(first);
  switch (argument.type) {
    case AST_NODE_TYPES.Literal:
      return typeof argument.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.Identifier:
      return MESSAGE_NAME.test(argument.name);
    case AST_NODE_TYPES.MemberExpression:
      return MESSAGE_NAME.test(getPropertyName(argument) ?? '') || MESSAGE_NAME.test(getHandleName(argument.object) ?? '');
    case AST_NODE_TYPES.NewExpression:
      return /Event|Message|Command$/.test(getHandleName(argument) ?? '');
    case AST_NODE_TYPES.ObjectExpression:
      return argument.properties.some((property) => property.type === AST_NODE_TYPES.Property && MESSAGE_KEYS.test(getPropertyName(property) ?? ''));
    default:
      return false;
  }
}

function isPublishCommand(call: TSESTree.CallExpression, pattern: RegExp, file: FileContext, env: Env): boolean {
  const argument = call.arguments[0];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const expression = skipTransparent(argument);
  let name: string | undefined;
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    const origin = getOrigin(expression.callee, file, env);
    const last = origin?.steps.at(-1);
    name = last?.kind === 'get' ? last.name : undefined;
  } else if (expression.type === AST_NODE_TYPES.Identifier) {
    const binding = file.getBinding(expression, env);
    if (binding?.kind === 'value' && binding.node.type === AST_NODE_TYPES.NewExpression) {
      const origin = getOrigin(binding.node.callee, file, env);
      const last = origin?.steps.at(-1);
      name = last?.kind === 'get' ? last.name : undefined;
    }
  }
  return name !== undefined && pattern.test(name);
}
