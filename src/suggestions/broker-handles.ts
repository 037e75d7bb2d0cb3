/**
 * Broker handles a suggestion can publish with: a Kafka producer, a BullMQ queue, an AMQP
 * channel, a NestJS ClientProxy, an SQS/SNS client or a Pub/Sub client already in scope
 * where the request is made (locals, enclosing functions' bindings, the class's fields,
 * module-level bindings), nearest first.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

const { ScopeType } = TSESLint.Scope;
import { getThisClass } from '../analysis/code/ast.js';
import type { FileContext } from '../analysis/code/file-context.js';
import { getOrigin, getTypeOrigin, type Origin } from '../analysis/code/origin.js';
import { getBrokerFamily } from '../analysis/messaging/publish.js';
import { splitWords, WordSet } from '../analysis/code/words.js';
import { PUBLISH_SHAPES, type PublishShape } from '../catalog/publish-shapes.js';

export interface BrokerHandle {
  /** how to write the handle at the call site: `producer`, `this.queue` */
  readonly text: string;
  readonly shape: PublishShape;
  readonly origin: Origin;
}

function shapeFor(origin: Origin): PublishShape | undefined {
  const family = getBrokerFamily(origin);
  if (!family) return undefined;
  return PUBLISH_SHAPES.find(
    (shape) => shape.family === family.id && (!shape.modules || shape.modules.includes(origin.module)),
  );
}

/** Words in handle names and types that say "a broker handle", not what it carries. */
const HANDLE_WORDS = new WordSet([
  'this', 'queue', 'queues', 'producer', 'client', 'proxy', 'channel', 'publisher', 'bus', 'kafka', 'sqs', 'sns', 'topic',
  'pubsub', 'event', 'events', 'job', 'jobs', 'broker', 'rabbit', 'rabbitmq', 'amqp', 'q', 'service', 'outbound', 'messages',
  'message', 'default', 'main', 'app', 'command', 'commands', 'worker', 'bullmq', 'bull', 'tx', 'transaction', 'confirm',
  'inngest', 'temporal', 'workflow', 'workflows', 'task', 'tasks', 'trigger',
]);

/**
 * Handles that can carry this topic: a generic one (`producer`, `this.queue`) or one whose
 * name or declared job type shares a word with the topic. A `withdrawalsQueue` or a
 * `Queue<WithdrawalJob>` is for something else and would hand the write to the wrong worker.
 */
function isRelevant(text: string, typeText: string | undefined, topic: string): boolean {
  const words = [...splitWords(text), ...splitWords(typeText ?? '')].filter((word) => !HANDLE_WORDS.has(word));
  if (words.length === 0) return true;
  const topicWords = new WordSet(splitWords(topic));
  return words.some((word) => topicWords.has(word));
}

export function findBrokerHandles(node: TSESTree.Node, file: FileContext, topic: string): BrokerHandle[] {
  const handles: BrokerHandle[] = [];
  const seen = new Set<string>();
  const add = (text: string, origin: Origin | undefined, type?: TSESTree.TypeNode): void => {
    if (!origin || seen.has(text)) return;
    const shape = shapeFor(origin);
    if (!shape || !isRelevant(text, type && file.getText(type), topic)) return;
    seen.add(text);
    handles.push({ text, shape, origin });
  };

  let classMembersChecked = false;
  const cls = getThisClass(node);
  for (let scope: TSESLint.Scope.Scope | null = file.getScope(node); scope; scope = scope.upper) {
    if (!classMembersChecked && cls && (scope.type === ScopeType.class || scope.type === ScopeType.module || scope.type === ScopeType.global)) {
      classMembersChecked = true;
      for (const [name, member] of file.getClassMembers(cls)) {
        if (member.method) continue;
        const origin = member.values.map((value) => getOrigin(value, file)).find(Boolean) ?? (member.type ? getTypeOrigin(member.type, file) : undefined);
        add(`this.${name}`, origin, member.type);
      }
    }
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (!def || def.name.type !== AST_NODE_TYPES.Identifier || !isDeclaredBefore(def.name, node)) continue;
      add(variable.name, getOrigin(def.name, file), def.name.typeAnnotation?.typeAnnotation);
    }
  }
  return handles;
}

/** Module-level and function-level bindings declared after the call are not usable there. */
function isDeclaredBefore(name: TSESTree.Identifier, node: TSESTree.Node): boolean {
  return name.range[0] < node.range[0] || !isInSameFunction(name, node);
}

function isInSameFunction(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const owner = (node: TSESTree.Node): TSESTree.Node | undefined => {
    for (let current = node.parent; current; current = current.parent) {
      if (
        current.type === AST_NODE_TYPES.FunctionDeclaration ||
        current.type === AST_NODE_TYPES.FunctionExpression ||
        current.type === AST_NODE_TYPES.ArrowFunctionExpression
      ) {
        return current;
      }
    }
    return undefined;
  };
  return owner(a) === owner(b);
}
