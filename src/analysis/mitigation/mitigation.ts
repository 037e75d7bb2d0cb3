/**
 * Is a synchronous call already made durable by its surroundings? Inside a message
 * consumer (the broker redelivers on failure), inside an outbox relay (the outbox row stays
 * pending until the call succeeds), or in a `try` whose `catch` hands the write to a queue
 * or outbox. In-memory retries are recognised only to say that they do not help.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { DURABLE_HANDOFF_NAME } from '../../catalog/brokers.js';
import {
  CONSUMER_BASE_CLASSES,
  CONSUMER_CLASS_DECORATORS,
  CONSUMER_CONSTRUCTORS,
  CONSUMER_MEMBERS,
  HANDLER_DECORATORS,
  HANDLER_KEYS,
  QUEUE_EVENT_TYPES,
  ROW_READ_NAME,
  ROW_READS,
  ROW_WRITES,
  SCHEDULE_DECORATORS,
  SCHEDULER_CALLS,
} from '../../catalog/consumers.js';
import { isClientModule } from '../../catalog/http-clients.js';
import type { Settings } from '../../options.js';
import {
  encloses,
  getCalleeName,
  getClassName,
  getDecoratorIdentifiers,
  getFunctionName,
  getMethodClass,
  getPropertyName,
  isFunctionNode,
  isNullish,
  skipTransparent,
  type FunctionNode,
} from '../code/ast.js';
import { EMPTY_ENV, type Env, type FileContext } from '../code/file-context.js';
import { walk } from '../code/walk.js';
import { getOrigin } from '../code/origin.js';
import { getHandleName } from '../code/project-handles.js';
import { getValueReferences, resolveCallTarget } from '../code/functions.js';
import { getEnclosingNamedFunction, getFunctionUses, getRunnerCalls, getThisMembers, isInUnusedFunction } from '../code/uses.js';
import { getDurableFunction } from './durable-execution.js';
import { isBrokerName, isNamedPublishFunction } from '../messaging/named-publish.js';
import { BROKERS, describePublish } from '../messaging/publish.js';
import { remember } from '../../util/remember.js';

export type Mitigation =
  /** a gateway forwarding the incoming request as it came: the caller is the user's own request */
  | { readonly kind: 'proxy'; readonly detail: string }
  | { readonly kind: 'consumer'; readonly detail: string }
  | { readonly kind: 'relay'; readonly detail: string }
  /** a step of a durable execution engine: the engine records it once it completes and retries it until it does */
  | { readonly kind: 'durable-step'; readonly detail: string }
  | { readonly kind: 'catch-handoff'; readonly detail: string }
  /** an earlier branch hands the same data to a queue and returns: the request is the fallback for when it cannot */
  | { readonly kind: 'queue-first'; readonly detail: string };

/**
 * @param node the call making the write (a request, or a wrapper's call site)
 * @param payload the data written, when known: a `catch` must hand off that data to count
 */
export function findMitigation(node: TSESTree.Node, file: FileContext, settings: Settings, payload?: TSESTree.Node): Mitigation | undefined {
  let writeNames: WriteData | undefined;
  // a `catch` nearer the call that throws nothing on: the failure never reaches the `catch` blocks further out
  let caughtBelow = false;
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current && parent.handler) {
      if (!caughtBelow) {
        writeNames ??= getWriteNames(node, payload, file);
        const handoff = findHandoff(parent.handler.body, file, writeNames);
        if (handoff) return { kind: 'catch-handoff', detail: handoff };
      }
      caughtBelow ||= !throwsOn(parent.handler.body, file);
    }
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      const mark = findOutboxMark(parent, current, file);
      if (mark) return { kind: 'relay', detail: mark };
      const queued = findQueueFirst(parent, current, file, () => (writeNames ??= getWriteNames(node, payload, file)));
      if (queued) return { kind: 'queue-first', detail: queued };
    }
    if (isFunctionNode(parent)) {
      const durable = getDurableFunction(parent, file);
      if (durable?.role === 'step') return { kind: 'durable-step', detail: durable.detail };
      const consumer = getConsumerKind(parent, file);
      if (consumer) return { kind: 'consumer', detail: consumer };
      const relay = getRelayName(parent, settings) ?? getOutboxRowParameter(parent, file) ?? getRowSweep(parent, node, file) ?? getScheduledTrigger(parent, node, file);
      if (relay) return { kind: 'relay', detail: relay };
    }
  }
  return undefined;
}

/**
 * A branch before the statement, in its block, that hands the same data to a queue and leaves
 * (`if (isQueueReady()) { await queueAddPoints(userId, points); return; }`, then the request):
 * the queue carries the write whenever it can, and the request is only its fallback.
 */
function findQueueFirst(block: TSESTree.BlockStatement, statement: TSESTree.Node, file: FileContext, getNames: () => WriteData): string | undefined {
  for (const before of block.body) {
    if (before === statement) return undefined;
    if (before.type !== AST_NODE_TYPES.IfStatement || !endsExecution(before.consequent) || !QUEUE_CONDITION.test(file.getText(before.test))) continue;
    // the branch must carry the write's own data: a write of constants alone says nothing of what a publish carries
    const writeNames = getNames();
    if ('any' in writeNames && writeNames.any.size === 0) return undefined;
    const handoff = findHandoff(before.consequent, file, writeNames);
    if (handoff) return handoff;
  }
  return undefined;
}

/**
 * A condition on the queue itself (`isQueueReady()`, `if (producer.connected)`, `if
 * (config.useBroker)`): the branch is the queue's path, not a failure's (`if (!result.success) {
 * publish('payment.failed', …); return; }`).
 */
const QUEUE_CONDITION = /queue|broker|kafka|rabbit|amqp|bull|sqs|sns|nats|pubsub|producer|publisher|outbox|channel|async|(?:^|[^a-z])(?:is|use|has)?(?:ready|connected|available|enabled)/i;

/** `return …;`, or a block whose last statement returns. */
function endsExecution(branch: TSESTree.Statement): boolean {
  const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body.at(-1) : branch;
  return last?.type === AST_NODE_TYPES.ReturnStatement;
}

/** A `catch` block that throws (the error caught, or another): the failure goes on to the `catch` blocks further out. */
function throwsOn(body: TSESTree.BlockStatement, file: FileContext): boolean {
  let throws = false;
  walk(body, file.visitorKeys, (node) => {
    if (throws || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement) throws = true;
    return !throws;
  });
  return throws;
}

/**
 * A function a scheduler runs again and again that reads its rows from the database
 * (`cron.schedule('0 * * * *', async () => { for (const b of await Booking.find(…)) await axios.put(…) })`),
 * or, run by anything (a recovery pass at start-up), that goes over the rows left pending
 * (`for (const tx of await Transaction.findAll({ where: { status: 'PENDING' } }))`), with `node`
 * made before the sweep writes any row (and, in a pass over pending rows, for each of them):
 * what a failed call leaves undone is read again on the next run, as an outbox relay reads its
 * pending rows. Rows marked done before the call (`updateMany({ status: 'CLOSED' })`, then the
 * call) are not read again: nothing retries it.
 */
function getRowSweep(fn: FunctionNode, node: TSESTree.Node, file: FileContext): string | undefined {
  const sweep = remember(rowSweeps, fn, () => {
    if (!fn.body) return undefined;
    const scheduler = getSchedulerKind(fn, file);
    if (scheduler) {
      const rows = getRowCalls(fn.body, file);
      return rows.reads ? { detail: `a sweep run by ${scheduler} that reads its rows from the database again on every run`, writes: rows.writes } : undefined;
    }
    // cheap first: most functions name no state of work left undone
    if (!UNDONE_WORDS.test(file.fileOf(fn).getText(fn.body))) return undefined;
    const rows = getRowCalls(fn.body, file);
    return rows.undone.length > 0 ? { detail: 'a pass over the rows left pending in the database, which reads them again whenever it runs', writes: rows.writes, undone: rows.undone } : undefined;
  });
  if (!sweep || sweep.writes.some((write) => write < node.range[0])) return undefined;
  // a check of pending rows (`findFirst({ where: { status: 'pending' } })`, then the call) is no pass over them
  if (sweep.undone && !isInLoopOver(node, fn, sweep.undone, file)) return undefined;
  return sweep.detail;
}

const rowSweeps = new WeakMap<
  FunctionNode,
  { readonly detail: string; readonly writes: readonly number[]; readonly undone?: readonly TSESTree.Node[] } | null
>();

/** Methods that run their callback for each element: `rows.forEach((row) => …)`, `Promise.all(rows.map(…))`. */
const EACH_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap']);

/**
 * `node` runs once for each row of one of the reads (their awaited chains): in a `for … of` or
 * `forEach`/`map` callback over the read itself, over the variable it was stored in, or over a
 * member of it (`const { rows } = await pool.query(…)`, `result.rows`).
 */
function isInLoopOver(node: TSESTree.Node, fn: FunctionNode, reads: readonly TSESTree.Node[], file: FileContext): boolean {
  const iteratesRead = (iterated: TSESTree.Node): boolean => {
    let expression = skipTransparent(iterated);
    while (expression.type === AST_NODE_TYPES.MemberExpression) expression = skipTransparent(expression.object);
    if (reads.some((read) => encloses(expression, read))) return true;
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = file.fileOf(fn).findVariable(expression)?.defs[0];
    const declarator = definition?.node;
    return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init !== null && reads.some((read) => encloses(declarator.init!, read));
  };
  for (let current: TSESTree.Node = node; current !== fn && current.parent; current = current.parent) {
    const parent = current.parent;
    if ((parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) && parent.body === current && iteratesRead(parent.right)) return true;
    if (isFunctionNode(current) && parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === current) {
      const callee = skipTransparent(parent.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && EACH_METHODS.has(getPropertyName(callee) ?? '') && iteratesRead(callee.object)) return true;
    }
  }
  return false;
}

/**
 * A call a scheduler makes on every run that carries nothing but its fixed address
 * (`cron.schedule('* * * * *', runExpiryScan)` with `bookingClient.post('/internal/bookings/expire-pending')`):
 * it tells the other service to do its own periodic work, and a failed call is made again on
 * the next run. A call that sends data or names an entity is a write of its own.
 */
function getScheduledTrigger(fn: FunctionNode, node: TSESTree.Node, file: FileContext): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return undefined;
  const address = skipTransparent(node.arguments[0]!);
  // a literal path, or one after the service's base: `${BOOKING_SERVICE_URL}/internal/bookings/expire-pending`
  const fixed =
    (address.type === AST_NODE_TYPES.Literal && typeof address.value === 'string') ||
    (address.type === AST_NODE_TYPES.TemplateLiteral && (address.expressions.length === 0 || (address.expressions.length === 1 && address.quasis[0]!.value.cooked === '')));
  if (!fixed) return undefined;
  const scheduler = getSchedulerKind(fn, file);
  return scheduler && `a trigger that ${scheduler} sends again on every run`;
}

/** What runs a function on a schedule: a decorator of its method, or a scheduler it is handed to, inline or by name. */
function getSchedulerKind(fn: FunctionNode, file: FileContext): string | undefined {
  if (fn.parent.type === AST_NODE_TYPES.MethodDefinition) {
    const decorator = getDecoratorIdentifiers(fn.parent).find((identifier) => isImportedAs(identifier, SCHEDULE_DECORATORS, file));
    return decorator && `@${decorator.name}`;
  }
  for (const value of [fn, ...getValueReferences(fn, file)]) {
    const kind = getSchedulerCall(value, file);
    if (kind) return kind;
  }
  return undefined;
}

/** `cron.schedule('0 * * * *', value)`, `new CronJob('* * * * *', value)`: the scheduler's module. */
function getSchedulerCall(value: TSESTree.Node, file: FileContext): string | undefined {
  const call = value.parent;
  if ((call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) || !call.arguments.includes(value as TSESTree.Expression)) {
    return undefined;
  }
  const origin = getOrigin(call.callee, file);
  const path = origin?.steps.map((step) => (step.kind === 'get' ? step.name : '()')).join('.');
  const entry = SCHEDULER_CALLS.find((candidate) => candidate.module === origin?.module && call.arguments[candidate.handler] === value && candidate.path.join('.') === path);
  return entry?.module;
}

/**
 * Whether a body reads rows (an awaited call of `find`, `findMany`, `query`, …: `items.find(…)` of
 * an array is no read), the reads of many rows by a state of work left undone (`{ status:
 * 'PENDING' }`, `findPendingPayouts()`: their awaited chains), and where it writes rows (the ends
 * of `update…`, `save`, `delete…` calls).
 */
function getRowCalls(body: TSESTree.Node, file: FileContext): { reads: boolean; undone: TSESTree.Node[]; writes: number[] } {
  let reads = false;
  const undone: TSESTree.Node[] = [];
  const writes: number[] = [];
  walk(body, file.fileOf(body).visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipTransparent(node.callee);
    const member = callee.type === AST_NODE_TYPES.MemberExpression ? (getPropertyName(callee) ?? '') : '';
    // `findOneAndUpdate` writes, though its name starts as a read's does
    if (ROW_WRITES.has(member)) writes.push(node.range[1]);
    else if (ROW_READS.has(member) || ROW_READ_NAME.test(member)) {
      const awaited = getAwaitedChain(node);
      reads ||= awaited !== undefined;
      // many rows, not one looked up (`findFirst`, `findOne`): a pass goes over them
      if (awaited !== undefined && !SINGLE_ROW_READ.test(member) && (UNDONE_READ_NAME.test(member) || selectsUndone(awaited, file))) undone.push(awaited);
    }
    // or from the service it writes to: `await axios.get(`${url}/api/slots/locked`)`, then the unlock of those slots
    else if (member === 'get' && callee.type === AST_NODE_TYPES.MemberExpression && isClientModule(getOrigin(callee.object, file.fileOf(node))?.module)) {
      reads ||= getAwaitedChain(node) !== undefined;
    }
  });
  return { reads, undone, writes };
}

/** `status`, `state`, `paymentStatus`, `order_state`. */
const STATE_KEY = /^(?:status|state)$|[a-z0-9](?:Status|State)$|_(?:status|state)$/;
/** States of work left undone, that a pass over the rows in them takes up again. */
const UNDONE = 'pending|processing|in_?progress|initiated|stuck|failed|retry|retrying|unsent|unprocessed|queued';
const UNDONE_STATE = new RegExp(`^(?:${UNDONE})$`, 'i');
/** The same words anywhere in a text: the cheap look before a body is walked. */
const UNDONE_WORDS = new RegExp(UNDONE, 'i');
/** Reads of one row: `findFirst`, `findOne`, `findUnique`, `findById`, `findByPk`. */
const SINGLE_ROW_READ = /^find(?:First|One|Unique|ById|ByPk)/;
/** A repository's query named for such rows: `findPendingPayouts()`, `findStuckTransfers(cutoff)`. */
const UNDONE_READ_NAME = /^find(?:All)?(?:Pending|Stuck|Failed|Unsent|Unprocessed|Retryable)/;
/** A query's text that selects by such a state: `… WHERE status = 'PENDING'`, `status IN ('failed', 'retry')`. */
const UNDONE_SQL = new RegExp(`\\b(?:status|state)\\s*(?:=|in\\b)\\s*\\(?\\s*'(?:${UNDONE})'`, 'i');

/**
 * A read that selects rows by a state of work left undone: a `status`/`state` key (or one ending
 * so, `paymentStatus`) given such a state, alone or in a list (`{ status: 'PENDING' }`,
 * `{ status: In(['failed', 'retry']) }`, `{ state: OrderState.PENDING }`), or a query text that does.
 */
function selectsUndone(read: TSESTree.Node, file: FileContext): boolean {
  let found = false;
  walk(read, file.fileOf(read).visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.Property && STATE_KEY.test(getPropertyName(node) ?? '')) {
      found = namesUndoneState(node.value, file);
    } else if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
      found = UNDONE_SQL.test(node.value);
    } else if (node.type === AST_NODE_TYPES.TemplateLiteral) {
      found = node.quasis.some((quasi) => UNDONE_SQL.test(quasi.value.cooked ?? ''));
    }
    return !found;
  });
  return found;
}

/** `'PENDING'`, `Status.PENDING`, `['failed', 'retry']`, `In([…])`, `{ [Op.in]: […] }`, `{ $in: […] }`: a value naming an undone state. */
function namesUndoneState(value: TSESTree.Node, file: FileContext): boolean {
  let found = false;
  walk(value, file.fileOf(value).visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') found = UNDONE_STATE.test(node.value);
    else if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) found = UNDONE_STATE.test(getPropertyName(node) ?? '');
    return !found;
  });
  return found;
}

/** The awaited chain a call heads, or is alone in: `await Booking.find(q)`, `await Order.find(q).sort(s).lean()`. */
function getAwaitedChain(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  let current: TSESTree.Node = call;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.MemberExpression || (current.parent.type === AST_NODE_TYPES.CallExpression && current.parent.callee === current))) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.AwaitExpression ? current : undefined;
}

function getRelayName(fn: FunctionNode, settings: Settings): string | undefined {
  const name = getFunctionName(fn);
  if (name && settings.outboxRelayPattern.test(name)) return name;
  const cls = getMethodClass(fn);
  const className = cls && getClassName(cls);
  return className && settings.outboxRelayPattern.test(className) ? className : undefined;
}

/** The id of an outbox row: `outboxId`, `ctx.outboxId`, `outbox_event_id`. */
const OUTBOX_ID = /outbox\w*id$/i;
/** What a handle on the outbox does to a row once it is delivered. */
const DELIVERED_MARK = /^(?:mark|ack|complete|confirm|settle|finish|resolve|set|update|delete|remove)/i;

/**
 * The outbox row of the write, marked delivered once the call succeeds (`await
 * this.markGrantDelivered(ctx.outboxId)`, `await this.outbox.markSent(row.id)` after it): the
 * row was recorded beforehand and stays pending when the call fails, so a relay sends it
 * again. The call is only the fast path of a write the outbox already holds.
 * @param statement the statement of `block` that makes the call
 */
function findOutboxMark(block: TSESTree.BlockStatement, statement: TSESTree.Node, file: FileContext): string | undefined {
  const index = block.body.indexOf(statement as TSESTree.Statement);
  if (index === -1) return undefined;
  for (const following of block.body.slice(index + 1)) {
    let found: string | undefined;
    walk(following, file.visitorKeys, (node) => {
      if (found !== undefined || isFunctionNode(node)) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = skipTransparent(node.callee);
      const marksRow = node.arguments.some((argument) => {
        const expression = skipTransparent(argument);
        const name = expression.type === AST_NODE_TYPES.Identifier ? expression.name : expression.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(expression) : undefined;
        return name !== undefined && OUTBOX_ID.test(name);
      });
      const marksThroughHandle =
        callee.type === AST_NODE_TYPES.MemberExpression &&
        DELIVERED_MARK.test(getPropertyName(callee) ?? '') &&
        OUTBOX_HANDLE.test(file.getText(callee.object));
      if (marksRow || marksThroughHandle) found = `${getCalleeName(callee) ?? 'a call'} marks its outbox row delivered after it`;
    });
    if (found !== undefined) return found;
  }
  return undefined;
}

/** An outbox row by name or type: `outboxEvent`, `rows: OutboxMessage[]`, `entry: OutboxRecord`. */
const OUTBOX_ROW = /outbox_?(?:event|message|record|row|entr(?:y|ies)|item|entity|job)s?\b/i;

/** A function handed an outbox row delivers it: `publish(event: OutboxEvent)`, `deliver(outboxRecord)`. */
function getOutboxRowParameter(fn: FunctionNode, file: FileContext): string | undefined {
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const binding = target.type === AST_NODE_TYPES.AssignmentPattern ? target.left : target;
    if (binding.type === AST_NODE_TYPES.Identifier && OUTBOX_ROW.test(binding.name)) return binding.name;
    const annotation = 'typeAnnotation' in binding ? binding.typeAnnotation?.typeAnnotation : undefined;
    if (annotation && OUTBOX_ROW.test(file.getText(annotation))) return file.getText(annotation);
  }
  return undefined;
}

/**
 * Why a value sits where a consumer handler goes: `{ eachMessage: <value> }`,
 * `new Worker(name, <value>)`, `channel.consume(queue, <value>)`.
 */
function getConsumerSlot(value: TSESTree.Node, file: FileContext): string | undefined {
  const parent = value.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === value) {
    const key = getPropertyName(parent);
    return key !== undefined && HANDLER_KEYS.has(key) ? key : undefined;
  }
  if (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.some((argument) => argument === value)
  ) {
    const registration = getRegistrationKind(parent, value, file);
    if (registration) return registration;
    // wrapped where it is registered: `eachMessage: withDLQ(producer, topic, logger, async ({ message }) => …)`
    const wrapped = parent.type === AST_NODE_TYPES.CallExpression ? getConsumerSlot(parent, file) : undefined;
    return wrapped && `${wrapped} (through ${getCalleeName(parent.callee) ?? 'a wrapper'})`;
  }
  return undefined;
}

const consumerKinds = new WeakMap<FunctionNode, string | null>();

/** Why a function is a consumer handler, or undefined; read once per function. */
function getConsumerKind(fn: FunctionNode, file: FileContext): string | undefined {
  return remember(consumerKinds, fn, () => computeConsumerKind(fn, file));
}

function computeConsumerKind(fn: FunctionNode, file: FileContext): string | undefined {
  const parent = fn.parent;
  const slot = getConsumerSlot(fn, file);
  if (slot) return slot;
  // a handler passed by name: `consumer.run({ eachMessage: handleOrderCreated })`, `channel.consume(q, this.onMessage.bind(this))`
  for (const reference of [...getValueReferences(fn, file), ...getMethodReferences(fn, file)]) {
    const byName = getConsumerSlot(unwrapBind(reference), file);
    if (byName) return byName;
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
    // a listener base class of the project: `class OrderCreatedListener extends Listener<…> { onMessage(data, msg) }`
    const member = getPropertyName(parent);
    if (member === 'onMessage' && cls.superClass?.type === AST_NODE_TYPES.Identifier && /Listener$/.test(cls.superClass.name)) {
      return `${cls.superClass.name}.onMessage`;
    }
  }
  if (acknowledgesParameter(fn, file)) return 'handler that acknowledges its message';
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

const ACK_MEMBERS: ReadonlySet<string> = new Set(['ack', 'nack', 'nak', 'term', 'reject', 'acknowledge']);

/**
 * A function that acknowledges a message it was handed (`msg.ack()`, `m.nak()`,
 * `channel.ack(msg)`): a consumer, whose message comes back if the process dies before the ack.
 */
function acknowledgesParameter(fn: FunctionNode, file: FileContext): boolean {
  const params = new Set(fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  if (params.size === 0) return false;
  const isParam = (node: TSESTree.Node | undefined): boolean => node?.type === AST_NODE_TYPES.Identifier && params.has(node.name);
  let found = false;
  walk(fn.body, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !ACK_MEMBERS.has(getPropertyName(callee) ?? '')) return;
    found = isParam(skipTransparent(callee.object)) || isParam(node.arguments[0] && skipTransparent(node.arguments[0]));
  });
  return found;
}

/** Members of a broker handle that register a handler: `subscribe…`, `consume…`, `listen…`, `onMessage`. */
const SUBSCRIBE_MEMBER = /^(?:subscribe|consume|listen|on(?:Message|Event)|register(?:Consumer|Handler|Listener))/;

/** A function of the project named for consuming a queue or topic: `consumeQueue`, `consumeFromQueue`, `subscribeToTopic`. */
const CONSUME_FUNCTION = /^(?:consume|subscribe)(?:[A-Z]\w*)?$/;

/** A handle named for consuming a broker's messages: `consumer`, `this.orderConsumer`, `eventSubscriber`. */
const CONSUMER_HANDLE = /consumer|subscriber/i;

/** A handle of the project's outbox: `outbox`, `this.outboxService`, `outboxDispatcher`, `outboxRepository`. */
const OUTBOX_HANDLE = /outbox/i;
/** Members of an outbox handle that register the effect a topic's rows run: `register`, `on`, `handle`, `registerHandler`. */
const OUTBOX_REGISTER_MEMBER = /^(?:register\w*|on|handle\w*|subscribe\w*|add(?:Handler|Listener))$/;

/** `new Worker(name, fn)`, `queue.process(fn)`, `channel.consume(q, fn)`, `boss.work(name, fn)`. */
function getRegistrationKind(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  fn: TSESTree.Node,
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
  // the project's own helper over a broker's consumer, named for it, given the queue first: `consumeQueue('payment.completed', async (message) => …)`
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const queue = call.arguments[0];
    const named = queue?.type === AST_NODE_TYPES.Literal ? typeof queue.value === 'string' : queue?.type === AST_NODE_TYPES.TemplateLiteral;
    if (named && call.arguments.indexOf(fn as TSESTree.CallExpressionArgument) > 0 && CONSUME_FUNCTION.test(callee.name)) return `${callee.name} handler`;
    return getHandedOnRegistration(call, fn, file);
  }
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
  // the project's broker service: `this.rabbitMQ.subscribeToPaymentFailures(this.onFailed.bind(this))`
  const handle = getHandleName(callee.object);
  // or the project's consumer of one: `consumer.registerHandler(topics.ORDER_REPLY, async (payload) => …)`
  if (handle !== undefined && (isBrokerName(handle) || CONSUMER_HANDLE.test(handle)) && SUBSCRIBE_MEMBER.test(member)) return `${handle}.${member} handler`;
  // the project's outbox runs what is registered with it, retrying until it succeeds: `this.outboxService.register('STOCK_CONSUME', (id) => …)`
  if (handle !== undefined && OUTBOX_HANDLE.test(handle) && OUTBOX_REGISTER_MEMBER.test(member)) return `${handle}.${member} handler`;
  // a Pub/Sub subscription handed in from elsewhere: `subscription.on('message', async (message) => …)`
  const event = call.arguments[0];
  if (
    member === 'on' &&
    event?.type === AST_NODE_TYPES.Literal &&
    event.value === 'message' &&
    call.arguments[1] === fn &&
    /subscription|subscriber/i.test(file.getText(callee.object))
  ) {
    return 'subscription message handler';
  }
  return undefined;
}

/**
 * The project's own helper that hands a function on to a broker's consumer: `createWorker(QUEUE,
 * async (job) => …)` with `return new Worker(name, processor, { connection })` in a shared module.
 * The parameter the function is bound to must go straight into the registration.
 */
function getHandedOnRegistration(call: TSESTree.CallExpression, fn: TSESTree.Node, file: FileContext): string | undefined {
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  const helper = index < 0 ? undefined : resolveCallTarget(call.callee, file, EMPTY_ENV)?.fn;
  const param = helper?.params[index];
  if (!helper || param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const owner = file.fileOf(helper);
  const variable = owner.findVariable(param);
  for (const reference of variable?.references ?? []) {
    const use = reference.identifier;
    const registration = use.parent;
    if (registration?.type !== AST_NODE_TYPES.NewExpression && registration?.type !== AST_NODE_TYPES.CallExpression) continue;
    if (registration.callee === use || !registration.arguments.includes(use as TSESTree.CallExpressionArgument)) continue;
    // one level: a helper of a helper is not followed
    const kind = registration.type === AST_NODE_TYPES.NewExpression || skipTransparent(registration.callee).type !== AST_NODE_TYPES.Identifier ? getRegistrationKind(registration, use, owner) : undefined;
    if (kind) return `${kind} (through ${getCalleeName(call.callee) ?? 'a helper'})`;
  }
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

/** Names that say nothing about which write it is. */
const INCIDENTAL_NAMES = new Set(['process', 'env', 'JSON', 'Buffer', 'String', 'Number', 'Date', 'Math', 'Object', 'console', 'undefined', 'this', 'headers', 'timeout']);

/**
 * What the write's data is made of, as source texts a hand-off must carry too: the payload
 * itself when it is a name (`payment`), the values of a payload object (`order.id`,
 * `order.total`), else the identifiers in the call's arguments.
 */
function getWriteNames(node: TSESTree.Node, payload: TSESTree.Node | undefined, file: FileContext): WriteData {
  if (payload) {
    const value = skipTransparent(payload);
    if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
      return { all: [normalizeText(file.getText(value))] };
    }
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      const values = value.properties
        .map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : property.argument))
        .filter((item) => item.type !== AST_NODE_TYPES.Literal)
        .map((item) => normalizeText(file.getText(item)));
      if (values.length > 0) return { all: values };
    }
  }
  const names = new Set<string>();
  const roots = payload ? [payload] : node.type === AST_NODE_TYPES.CallExpression ? node.arguments : [];
  for (const root of roots) {
    walk(root, file.visitorKeys, (child) => {
      if (child.type === AST_NODE_TYPES.Identifier && !INCIDENTAL_NAMES.has(child.name) && !isPropertyKey(child)) names.add(child.name);
      return true;
    });
  }
  return { any: names };
}

/** The data of a write: every one of `all` must appear in a hand-off, or at least one of `any`. */
type WriteData = { readonly all: readonly string[] } | { readonly any: ReadonlySet<string> };

function normalizeText(text: string): string {
  return text.replace(/\s+/g, '');
}

function isPropertyKey(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  return (
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) ||
    (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.shorthand)
  );
}

/** Verbs of a call that hands data to a queue or an outbox: `queue.add`, `outbox.enqueue`, `bus.publish`. */
const HANDOFF_VERB = /^(?:add|addBulk|enqueue|publish|send|sendMessage|sendToQueue|insert|save|create|produce|push|schedule|emit)$/;

/**
 * A publish or outbox write inside a catch block that carries the same data as the write
 * (one of its identifiers appears in the hand-off's arguments).
 */
function findHandoff(block: TSESTree.Node, file: FileContext, writeNames: WriteData): string | undefined {
  let found: string | undefined;
  walk(block, file.visitorKeys, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || !carriesSameData(node, writeNames, file)) return true;
    const publish = describePublish(node, file);
    if (publish) {
      found = `${publish.family.label} ${publish.member}`;
      return false;
    }
    const callee = skipTransparent(node.callee);
    const isNamedHandoff =
      callee.type === AST_NODE_TYPES.MemberExpression
        ? HANDOFF_VERB.test(getPropertyName(callee) ?? '') && DURABLE_HANDOFF_NAME.test(file.getText(callee.object))
        : callee.type === AST_NODE_TYPES.Identifier && (/^(?:enqueue|publish|outbox|recordOutbox|saveOutbox)/i.test(callee.name) || isNamedPublishFunction(callee, file));
    if (isNamedHandoff) {
      found = file.getText(node.callee);
      return false;
    }
    return true;
  });
  return found;
}

function carriesSameData(call: TSESTree.CallExpression, writeNames: WriteData, file: FileContext): boolean {
  if ('all' in writeNames) {
    const carried = normalizeText(call.arguments.map((argument) => file.getText(argument)).join(','));
    return writeNames.all.every((text) => carried.includes(text));
  }
  if (writeNames.any.size === 0) return true;
  let same = false;
  for (const argument of call.arguments) {
    walk(argument, file.visitorKeys, (node) => {
      if (same) return false;
      if (node.type === AST_NODE_TYPES.Identifier && writeNames.any.has(node.name) && !isPropertyKey(node)) same = true;
      return !same;
    });
  }
  return same;
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
  return findClientRetryPlugin(file);
}

/** Modules that add in-memory retries to an axios client: `axiosRetry(client, …)`, `rax.attach(client)`. */
const CLIENT_RETRY_MODULES = new Set(['axios-retry', 'retry-axios']);

/** A retry plugin installed on a client anywhere at the top level of the file. */
function findClientRetryPlugin(file: FileContext): string | undefined {
  for (const statement of file.sourceCode.ast.body) {
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (expression?.type !== AST_NODE_TYPES.CallExpression) continue;
    const origin = getOrigin(expression.callee, file);
    if (origin && CLIENT_RETRY_MODULES.has(origin.module)) return origin.module;
  }
  return undefined;
}

/** `this.handle` read (not called) in the class of a method: the method handed on as a value. */
function getMethodReferences(fn: FunctionNode, file: FileContext): readonly TSESTree.Node[] {
  const definition = fn.parent;
  if (definition.type !== AST_NODE_TYPES.MethodDefinition && definition.type !== AST_NODE_TYPES.PropertyDefinition) return [];
  const name = getPropertyName(definition);
  if (name === undefined || !mayReadMember(definition.parent, name, file)) return [];
  // `this.x` read as a value, not called
  return getThisMembers(definition.parent, name, file).filter((node) => !(node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node));
}

/**
 * Whether the class's text may read member `name` as a value: some `.name` not followed by a
 * call's `(` (`this.handle.bind(this)`, `{ eachMessage: this.handle }`). Most methods are only
 * ever called, and the class need not be walked for them.
 */
function mayReadMember(body: TSESTree.ClassBody, name: string, file: FileContext): boolean {
  const text = file.fileOf(body).sourceCode.text;
  const [start, end] = body.range;
  const needle = `.${name}`;
  if (occursIn(text, `'${name}'`, start, end) || occursIn(text, `"${name}"`, start, end)) return true; // `this['handle']`
  for (let index = text.indexOf(needle, start); index !== -1 && index < end; index = text.indexOf(needle, index + needle.length)) {
    const after = text.slice(index + needle.length, index + needle.length + 8);
    if (/^[\w$]/.test(after)) continue; // a longer name
    if (!/^\s*(?:\?\.\s*)?\(/.test(after)) return true;
  }
  return false;
}

function occursIn(text: string, needle: string, start: number, end: number): boolean {
  const index = text.indexOf(needle, start);
  return index !== -1 && index + needle.length <= end;
}

/** `handler.bind(this)` stands where `handler` is handed on. */
function unwrapBind(node: TSESTree.Node): TSESTree.Node {
  const member = node.parent;
  const call = member?.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === node &&
    getPropertyName(member) === 'bind' &&
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee === member
    ? call
    : node;
}

/**
 * A function whose every use is a call from a mitigated place: `async function charge(order)
 * { … }` called only from an `eachMessage` handler is part of that consumer. A function the file
 * keeps to itself (not exported, not a public method) is used only in its file; an exported one,
 * with the project layer, also wherever the other modules of its repository import it.
 */
export function findCallerMitigation(
  node: TSESTree.Node,
  file: FileContext,
  settings: Settings,
  depth = 0,
): Mitigation | undefined {
  if (depth > 3) return undefined;
  // written inline as a circuit breaker's action (`new CircuitBreaker(async (body) => http.post(…))`): run where the breaker is fired
  const inline = getInlineRunnerCalls(node, file.fileOf(node));
  if (inline) {
    const mitigation = findFiredMitigation(inline, file.fileOf(node), settings, depth);
    return mitigation && { kind: mitigation.kind, detail: `only called from ${mitigation.detail}` };
  }
  const fn = getEnclosingNamedFunction(node);
  if (!fn) return undefined;
  const uses = getFunctionUses(fn, file.fileOf(fn));
  if (!uses || uses.length === 0) return undefined;
  let first: Mitigation | undefined;
  for (const { file: useFile, node: use } of uses) {
    const call = use.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) {
      // handed to a circuit breaker: run where the breaker is fired
      const fired = getRunnerCalls(unwrapBind(use), useFile);
      if (fired && fired.length > 0) {
        const mitigation = findFiredMitigation(fired, useFile, settings, depth);
        if (!mitigation) return undefined;
        first ??= mitigation;
        continue;
      }
      const slot = getConsumerSlot(use, useFile) ?? getHandingConsumer(unwrapBind(use), useFile, settings);
      if (!slot) return undefined;
      first ??= { kind: 'consumer', detail: slot };
      continue;
    }
    const mitigation = findMitigation(call, useFile, settings) ?? findCallerMitigation(call, useFile, settings, depth + 1);
    if (!mitigation) {
      // a caller in code that never runs (a scheduler nothing starts) calls nothing
      if (isInUnusedFunction(call, useFile)) continue;
      return undefined;
    }
    first ??= mitigation;
  }
  return first && { kind: first.kind, detail: `only called from ${first.detail}` };
}

/** What makes every one of a runner's fire calls durable (the first found), or undefined when one of them is not. */
function findFiredMitigation(fired: readonly TSESTree.CallExpression[], file: FileContext, settings: Settings, depth: number): Mitigation | undefined {
  let first: Mitigation | undefined;
  for (const fire of fired) {
    const mitigation = findMitigation(fire, file, settings) ?? findCallerMitigation(fire, file, settings, depth + 1);
    if (!mitigation) return undefined;
    first ??= mitigation;
  }
  return first;
}

/**
 * The fire calls of the runner whose inline action holds the node, when the innermost function
 * around it is one (`new CircuitBreaker(async (transfer) => axios.post(…))`); undefined otherwise.
 */
function getInlineRunnerCalls(node: TSESTree.Node, file: FileContext): TSESTree.CallExpression[] | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const fired = current.parent?.type === AST_NODE_TYPES.NewExpression ? getRunnerCalls(current, file) : undefined;
    return fired && fired.length > 0 ? fired : undefined;
  }
  return undefined;
}

/**
 * A function handed to a call made inside a consumer runs on the consumer's behalf: a Lambda
 * queue handler that builds a router of its message types (`router.use('order.paid',
 * controller.execute.bind(controller))`) and dispatches the message to it.
 */
function getHandingConsumer(value: TSESTree.Node, file: FileContext, settings: Settings): string | undefined {
  const parent = value.parent;
  if ((parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) || !parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  const mitigation = findMitigation(parent, file, settings);
  return mitigation?.kind === 'consumer' ? mitigation.detail : undefined;
}

/** Methods of an incoming request that read its body (`await req.json()`, `await req.text()`). */
const BODY_READERS = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob']);

/**
 * The payload is the incoming request's body, forwarded as it came: `req.body`,
 * `ctx.request.body`, `await req.json()`, `JSON.stringify(req.body)`, where `req`/`ctx` is a
 * parameter of the enclosing handler.
 */
export function isForwardedBody(payload: { readonly node: TSESTree.Node; readonly env?: Env }, file: FileContext): boolean {
  const env = payload.env ?? EMPTY_ENV;
  let node = skipTransparent(payload.node);
  for (let steps = 0; steps < 4; steps += 1) {
    if (node.type === AST_NODE_TYPES.AwaitExpression) node = skipTransparent(node.argument);
    else if (node.type === AST_NODE_TYPES.CallExpression && getCalleeName(node.callee) === 'stringify' && node.arguments[0]) {
      node = skipTransparent(node.arguments[0]);
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      const binding = file.getBinding(node, env);
      if (binding?.kind !== 'value' || binding.path.length > 0) break;
      node = skipTransparent(binding.node);
    } else if (node.type === AST_NODE_TYPES.ConditionalExpression && isNullish(node.alternate)) {
      // `data: method !== 'GET' ? req.body : undefined`
      node = skipTransparent(node.consequent);
    } else break;
  }
  let root: TSESTree.Node | undefined;
  if (node.type === AST_NODE_TYPES.MemberExpression && getPropertyName(node) === 'body') {
    root = skipTransparent(node.object);
    // ctx.request.body (Koa)
    if (root.type === AST_NODE_TYPES.MemberExpression && getPropertyName(root) === 'request') root = skipTransparent(root.object);
  } else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && BODY_READERS.has(getPropertyName(node.callee) ?? '')) {
    root = skipTransparent(node.callee.object);
  }
  // `forwardRequest(url, req)` with `data: req.body` inside: the helper's parameter stands for the handler's
  for (let steps = 0; steps < 4 && root?.type === AST_NODE_TYPES.Identifier; steps += 1) {
    const bound = file.getBinding(root, env);
    if (bound?.kind !== 'value' || bound.path.length > 0 || skipTransparent(bound.node).type !== AST_NODE_TYPES.Identifier) break;
    root = skipTransparent(bound.node);
  }
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = file.getBinding(root);
  if (binding?.kind !== 'parameter') return false;
  const fn = binding.variable.defs[0]?.node;
  return fn !== undefined && isFunctionNode(fn) && fn.params[0]?.type === AST_NODE_TYPES.Identifier && fn.params[0].name === root.name;
}
