/**
 * The topic and payload of a publish call, read from the broker's call shape:
 * `producer.send({ topic, messages: [{ value: JSON.stringify(x) }] })` → topic, `x`;
 * `queue.add(name, data)`; `channel.sendToQueue(q, Buffer.from(JSON.stringify(x)))`;
 * `client.emit(pattern, data)`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, getArgument, getCalleeName, skipTransparent } from '../code/ast.js';
import type { PublishDescription } from './publish.js';

export interface PublishParts {
  readonly topic: TSESTree.Node;
  readonly payload: TSESTree.Node;
}

function property(object: TSESTree.Node | undefined, name: string): TSESTree.Node | undefined {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const found = findProperty(object, name);
  return found ? skipTransparent(found.value) : undefined;
}

/** `JSON.stringify(x)`, `Buffer.from(JSON.stringify(x))` → `x`. */
export function unwrapSerialisation(node: TSESTree.Node): TSESTree.Node {
  let current = skipTransparent(node);
  while (current.type === AST_NODE_TYPES.CallExpression && ['stringify', 'from'].includes(getCalleeName(current.callee) ?? '')) {
    const inner = getArgument(current, 0);
    if (!inner) break;
    current = inner;
  }
  return current;
}

export function getPublishParts(publish: PublishDescription): PublishParts | undefined {
  const { call, family, member } = publish;
  switch (family.id) {
    case 'kafka-producer': {
      if (member !== 'send') return undefined;
      const options = getArgument(call, 0);
      const topic = property(options, 'topic');
      const messages = property(options, 'messages');
      const first = messages?.type === AST_NODE_TYPES.ArrayExpression ? messages.elements[0] : undefined;
      const value = first && first.type !== AST_NODE_TYPES.SpreadElement ? property(skipTransparent(first), 'value') : undefined;
      return topic && value ? { topic, payload: unwrapSerialisation(value) } : undefined;
    }
    case 'bull-queue':
    case 'nest-client': {
      const topic = getArgument(call, 0);
      const payload = getArgument(call, 1);
      return topic && payload ? { topic, payload } : undefined;
    }
    case 'amqp-channel': {
      const topic = getArgument(call, member === 'publish' ? 1 : 0);
      const payload = getArgument(call, member === 'publish' ? 2 : 1);
      return topic && payload ? { topic, payload: unwrapSerialisation(payload) } : undefined;
    }
    case 'named': {
      // a project's own producer: `producer.send('order.created', payload)`
      const topic = getArgument(call, 0);
      const payload = getArgument(call, 1);
      if (!topic || !payload) return undefined;
      const isName = topic.type === AST_NODE_TYPES.Literal ? typeof topic.value === 'string' : topic.type === AST_NODE_TYPES.TemplateLiteral;
      return isName ? { topic, payload: unwrapSerialisation(payload) } : undefined;
    }
    default:
      return undefined;
  }
}
