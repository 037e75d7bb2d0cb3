/**
 * Recognises durable publishes by origin: `producer.send(…)`, `queue.add(…)`,
 * `channel.sendToQueue(…)`, `sqs.send(new SendMessageCommand(…))`, `client.emit(…)`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { BROKER_FAMILIES, BROKER_ROOTS, type Family, PUBLISH_FUNCTIONS } from '../../catalog/brokers.js';
import { QUEUE_ADD_MEMBERS } from '../../catalog/named-handles.js';
import { getArgument, skipTransparent } from '../code/ast.js';
import { FamilyCatalog } from '../code/families.js';
import { EMPTY_ENV, type Env, type FileContext } from '../code/file-context.js';
import { getOrigin, type Origin } from '../code/origin.js';
import { isNamedPublish, isNamedPublishFunction } from './named-publish.js';
import { readCallee } from '../code/callees.js';
import { mentionsBroker } from '../file-filter.js';

export const BROKERS = new FamilyCatalog(BROKER_ROOTS, new Map(BROKER_FAMILIES.map((family) => [family.id, family])));
const PUBLISH_FUNCTION_CATALOG = new FamilyCatalog(PUBLISH_FUNCTIONS, new Map(BROKER_FAMILIES.map((family) => [family.id, family])));

/** A producer or publisher of the project, known by its name only. */
export const NAMED_BROKER: Family = { id: 'named', label: 'a message broker', publish: [] };
/** A job queue of the project, known by its name only: `orderQueue.add('charge', data)`. */
export const NAMED_QUEUE: Family = { id: 'named', label: 'a job queue', publish: [] };

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
    if (match && match.rest.length === 0) return { call, family: match.family, member: callee.name, receiver: undefined };
    // a function of another module is a publish when its body publishes; by its name only when it cannot be read
    const read = readCallee(call, file, describePublish, mentionsBroker);
    if (read) return read.found && { call, family: read.found.family, member: callee.name, receiver: undefined };
    return isNamedPublishFunction(callee, file) ? { call, family: NAMED_BROKER, member: callee.name, receiver: undefined } : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const member = callee.property.name;
  const receiverOrigin = getOrigin(callee.object, file, env);
  const family = receiverOrigin && getBrokerFamily(receiverOrigin);
  if (!family) {
    const read = readCallee(call, file, describePublish, mentionsBroker);
    if (read) return read.found && { call, family: read.found.family, member, receiver: callee.object };
    if (!isNamedPublish(call, callee.object, member, receiverOrigin, file)) return undefined;
    return { call, family: QUEUE_ADD_MEMBERS.has(member) ? NAMED_QUEUE : NAMED_BROKER, member, receiver: callee.object };
  }
  if (!family.publish.includes(member)) return undefined;
  if (family.commandPattern && !isPublishCommand(call, family.commandPattern, file, env)) return undefined;
  return { call, family, member, receiver: callee.object };
}

function isPublishCommand(call: TSESTree.CallExpression, pattern: RegExp, file: FileContext, env: Env): boolean {
  const expression = getArgument(call, 0);
  let name: string | undefined;
  if (expression?.type === AST_NODE_TYPES.NewExpression) {
    const origin = getOrigin(expression.callee, file, env);
    const last = origin?.steps.at(-1);
    name = last?.kind === 'get' ? last.name : undefined;
  } else if (expression?.type === AST_NODE_TYPES.Identifier) {
    const binding = file.getBinding(expression, env);
    if (binding?.kind === 'value' && binding.node.type === AST_NODE_TYPES.NewExpression) {
      const origin = getOrigin(binding.node.callee, file, env);
      const last = origin?.steps.at(-1);
      name = last?.kind === 'get' ? last.name : undefined;
    }
  }
  return name !== undefined && pattern.test(name);
}
