/**
 * Publishes through the project's own messaging code, whose origin leads to no library:
 * `producer.send(…)` on a producer imported from `./kafka`, `new OrderCreatedPublisher(client).publish(…)`,
 * `this.rabbitMQService.publish(…)`, `orderQueue.add('charge', data)`, and
 * `publishOrderCreated(order)` imported from `../events/publishers`. They are known by name
 * and call shape, and only when the handle is not a value defined in the same file.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  BROKER_HANDLE_WORDS,
  BROKER_PUBLISH_MEMBER,
  MESSAGE_KEYS,
  MESSAGE_NAME,
  MESSAGING_MODULE,
  NAMED_PUBLISH_MEMBERS,
  PRODUCER_HANDLE_NAME,
  PRODUCER_MODULE,
  PUBLISH_FUNCTION_NAME,
  PUBLISHER_CLASS_NAME,
  PUBLISHER_HANDLE_NAME,
  QUEUE_ADD_MEMBERS,
  QUEUE_HANDLE_NAME,
  QUEUE_PUBLISH_MEMBERS,
  SETUP_FUNCTION_NAME,
} from '../../catalog/named-handles.js';
import { getArgument, getPropertyName } from '../code/ast.js';
import type { FileContext } from '../code/file-context.js';
import { getOrigin, type Origin } from '../code/origin.js';
import { getConstructedClassName, getHandleName, getOriginClassName, isProjectHandle } from '../code/project-handles.js';
import { splitWords } from '../code/words.js';

/** A member call on a producer, publisher, broker or queue handle of the project's own. */
export function isNamedPublish(call: TSESTree.CallExpression, receiver: TSESTree.Node, member: string, origin: Origin | undefined, file: FileContext): boolean {
  if (!isProjectHandle(receiver, origin, file)) return false;
  if (QUEUE_PUBLISH_MEMBERS.has(member)) return true;
  const name = getHandleName(receiver);
  if (NAMED_PUBLISH_MEMBERS.has(member)) {
    if (name !== undefined && PRODUCER_HANDLE_NAME.test(name)) return true;
    const constructed = getConstructedClassName(receiver, file) ?? getOriginClassName(origin);
    if (constructed !== undefined && PUBLISHER_CLASS_NAME.test(constructed)) return true;
    if (name !== undefined && PUBLISHER_HANDLE_NAME.test(name) && isMessageShaped(call)) return true;
  }
  if (name === undefined) return false;
  if (BROKER_PUBLISH_MEMBER.test(member) && isBrokerName(name)) return true;
  return QUEUE_ADD_MEMBERS.has(member) && QUEUE_HANDLE_NAME.test(name) && isJobShaped(call, file);
}

/** `kafka`, `rabbitMQService`, `messageBroker`, `sqsClient`, `messageBus`: a name that says which broker. */
export function isBrokerName(name: string): boolean {
  const words = splitWords(name);
  return words.some((word, index) => BROKER_HANDLE_WORDS.has(word) || (word === 'bus' && (words[index - 1] === 'message' || words[index - 1] === 'service')));
}

/**
 * `add('charge', data)`, `add(JOB_NAME, data)`, `add({ orderId })`: a named job or its data.
 * In-process task queues add functions (`queue.add(() => work())`), which are not jobs.
 */
function isJobShaped(call: TSESTree.CallExpression, file: FileContext): boolean {
  const argument = getArgument(call, 0);
  switch (argument?.type) {
    case AST_NODE_TYPES.Literal:
      return typeof argument.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return call.arguments.length > 1;
    case AST_NODE_TYPES.Identifier: {
      if (call.arguments.length < 2) return false;
      return file.getDeclaredFunction(argument) === undefined;
    }
    default:
      return false;
  }
}

/** `publish('order.created', …)`, `publish(TOPIC, …)`, `publish({ topic, payload })`, `publish(new OrderCreatedEvent(…))`. */
function isMessageShaped(call: TSESTree.CallExpression): boolean {
  const argument = getArgument(call, 0);
  switch (argument?.type) {
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

/**
 * A function imported from the project's messaging code: `publishOrderCreated(order)` from
 * `../events/publishers`, `sendToQueue(name, body)` from `./rabbitmq`, or any sending export of
 * a producer module (`notifyShipment(order)` from `../queue/producer`).
 */
export function isNamedPublishFunction(callee: TSESTree.Identifier, file: FileContext): boolean {
  const origin = getOrigin(callee, file);
  if (!origin || origin.module === 'global' || !isProjectHandle(callee, origin, file)) return false;
  const imported = origin.steps.length === 0 ? callee.name : origin.steps.length === 1 && origin.steps[0]?.kind === 'get' ? origin.steps[0].name : undefined;
  if (imported === undefined) return false;
  if (PUBLISH_FUNCTION_NAME.test(imported) || PUBLISH_FUNCTION_NAME.test(callee.name)) return MESSAGING_MODULE.test(origin.module);
  return PRODUCER_MODULE.test(origin.module) && !SETUP_FUNCTION_NAME.test(imported);
}
