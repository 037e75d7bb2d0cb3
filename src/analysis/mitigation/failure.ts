/**
 * Does a request's failure reach whoever asked for the write? A `catch` (or `.catch(…)`) that
 * only logs, or hands back a default, swallows it: the handler carries on and answers as if the
 * write happened. A relay whose failure goes back to its caller loses nothing of its own; one
 * that swallows it loses the write silently.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { getCalleeName, getPropertyName, isDefaultValue, isFunctionNode, isNullish, skipTransparent } from '../code/ast.js';
import type { FileContext } from '../code/file-context.js';
import { walk } from '../code/walk.js';

export interface SwallowedFailure {
  /** `the catch at line 42 only logs`, `the .catch at line 42 returns a default` */
  readonly detail: string;
  readonly line: number;
}

/** Receivers of logging calls: `console.error`, `logger.warn`, `this.logger.error`, `log.info`. */
const LOGGER = /^(?:console|log|_?logger|this\.logger|this\.log|this\._logger|winston|pino|bunyan|signale|debug|Sentry)$/i;
const LOG_MEMBERS = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'captureException', 'captureMessage']);

/**
 * How the failure of the call (the request, or the outermost call that makes it) is swallowed,
 * if it is: the nearest `try` around it, or a `.catch(…)` chained on it.
 */
export function findSwallowedFailure(calls: readonly TSESTree.CallExpression[], file: FileContext): SwallowedFailure | undefined {
  for (const call of calls) {
    const verdict = getFailureHandling(call, file);
    if (verdict === 'propagates') continue;
    return verdict;
  }
  return undefined;
}

/**
 * What happens to a call's failure where it is made: swallowed, handed on (`'propagates'`:
 * rethrown, answered with an error, or no `try` around it), judged at the nearest `try` or
 * chained `.catch`.
 */
function getFailureHandling(call: TSESTree.CallExpression, file: FileContext): SwallowedFailure | 'propagates' {
  const chained = getChainedCatch(call);
  if (chained) {
    const handler = skipTransparent(chained.arguments[0]!);
    if (isFunctionNode(handler) && swallows(handler.body, handler.params[0], file) && !isDefaultAnswered(chained, file)) {
      return { detail: `the .catch at ${where(chained, file)} ${describe(handler.body, file)}`, line: file.getLine(chained) };
    }
    return 'propagates';
  }
  for (let current: TSESTree.Node = call; current.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (isFunctionNode(parent) && !isInnerClosure(parent)) return 'propagates';
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current && parent.handler) {
      const handler = parent.handler;
      return swallows(handler.body, handler.param ?? undefined, file)
        ? { detail: `the catch at ${where(handler, file)} ${describe(handler.body, file)}`, line: file.getLine(handler) }
        : 'propagates';
    }
  }
  return 'propagates';
}

/**
 * The default a `.catch` hands back, looked for next and answered as a failure: `const upstream =
 * await fetch(…).catch(() => null); if (!upstream) return Response.json({ … }, { status: 502 })`.
 */
function isDefaultAnswered(chained: TSESTree.CallExpression, file: FileContext): boolean {
  const value = chained.parent?.type === AST_NODE_TYPES.AwaitExpression ? chained.parent : chained;
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const name = declarator.id.name;
  const declaration = declarator.parent;
  const block = declaration.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.Program) return false;
  const following = block.body.slice(block.body.indexOf(declaration) + 1);
  return following.some(
    (statement) => statement.type === AST_NODE_TYPES.IfStatement && testsMissing(statement.test, name) && leavesWithFailure(statement.consequent, file),
  );
}

/** `!upstream`, `upstream === null`, `upstream == undefined`, `upstream === undefined`. */
function testsMissing(test: TSESTree.Expression, name: string): boolean {
  const expression = skipTransparent(test);
  if (expression.type === AST_NODE_TYPES.UnaryExpression) {
    const argument = skipTransparent(expression.argument);
    return expression.operator === '!' && argument.type === AST_NODE_TYPES.Identifier && argument.name === name;
  }
  if (expression.type !== AST_NODE_TYPES.BinaryExpression || (expression.operator !== '===' && expression.operator !== '==')) return false;
  const [left, right] = [skipTransparent(expression.left), skipTransparent(expression.right)];
  const isName = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === name;
  return (isName(left) && isNullish(right)) || (isName(right) && isNullish(left));
}

/** A branch that throws, or returns something (an error answer), rather than carrying on. */
function leavesWithFailure(branch: TSESTree.Statement, file: FileContext): boolean {
  let leaves = false;
  walk(branch, file.visitorKeys, (node) => {
    if (leaves || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement || (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && !isDefaultValue(node.argument))) leaves = true;
    return !leaves;
  });
  return leaves;
}

/** A callback or closure run in place (`await retry(async () => …)`): its failure is the enclosing function's. */
function isInnerClosure(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  return (
    fn.type !== AST_NODE_TYPES.FunctionDeclaration &&
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.some((argument) => argument === fn) &&
    !/^(?:on|addListener|subscribe|setTimeout|setInterval|setImmediate)$/.test(getCalleeName(parent.callee) ?? '')
  );
}

/** `request(…).catch(fn)`, also after `.then(…)`. */
function getChainedCatch(call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node = call;
  for (let steps = 0; steps < 4; steps += 1) {
    const member: TSESTree.Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return undefined;
    const outer: TSESTree.Node = member.parent;
    if (outer.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member) return undefined;
    const name = getPropertyName(member);
    if (name === 'catch' && outer.arguments[0] && outer.arguments[0].type !== AST_NODE_TYPES.SpreadElement) return outer;
    if (name !== 'then' && name !== 'finally') return undefined;
    current = outer;
  }
  return undefined;
}

/**
 * A handler swallows the error when it neither throws nor returns anything but a default, and
 * passes the error to nothing but a logger.
 */
function swallows(body: TSESTree.Node, errorParam: TSESTree.Node | undefined, file: FileContext): boolean {
  const errorName = errorParam?.type === AST_NODE_TYPES.Identifier ? errorParam.name : undefined;
  let propagates = false;
  walk(body, file.visitorKeys, (node) => {
    if (propagates) return false;
    if (node !== body && isFunctionNode(node)) return false;
    switch (node.type) {
      case AST_NODE_TYPES.ThrowStatement:
        propagates = true;
        return false;
      case AST_NODE_TYPES.ReturnStatement:
        if (node.argument && !isDefaultValue(node.argument)) propagates = true;
        return false;
      case AST_NODE_TYPES.CallExpression:
        if (isErrorResponse(node) || isErrorAnswer(node, file) || (errorName !== undefined && passesError(node, errorName, file) && isHandOver(node, file))) propagates = true;
        return !propagates;
      case AST_NODE_TYPES.AssignmentExpression:
        // `ctx.status = 502`, `res.statusCode = 500`
        if (
          node.left.type === AST_NODE_TYPES.MemberExpression &&
          /^status(?:Code)?$/.test(getPropertyName(node.left) ?? '') &&
          RESPONSE_OBJECT.test(file.getText(node.left.object))
        ) {
          propagates = true;
        }
        // `lastError = error` in a retry loop, thrown once the attempts run out
        if (errorName !== undefined && isKeptForLater(node, errorName, body)) propagates = true;
        return !propagates;
      default:
        return true;
    }
  });
  if (propagates) return false;
  // an arrow whose body is an expression returns it: `.catch(() => null)` returns a default
  return body.type === AST_NODE_TYPES.BlockStatement || isDefaultValue(body) || isLogging(body, file);
}

/**
 * The error stored in a variable declared outside the handler (`lastError = error`): a retry
 * loop keeps it to throw, or to answer with, once its attempts run out. What happens to it then
 * is out of the handler's sight, so the handler is not said to swallow it.
 */
function isKeptForLater(assignment: TSESTree.AssignmentExpression, errorName: string, body: TSESTree.Node): boolean {
  const value = skipTransparent(assignment.right);
  if (value.type !== AST_NODE_TYPES.Identifier || value.name !== errorName) return false;
  return assignment.left.type === AST_NODE_TYPES.Identifier && !declaresIn(body, assignment.left.name);
}

/** Whether a block declares a variable of that name at its top level. */
function declaresIn(body: TSESTree.Node, name: string): boolean {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name),
  );
}

/** `res.status(502)…`, `reply.code(500)`, `ctx.throw(…)`, `next(err)`, `res.sendStatus(500)`. */
function isErrorResponse(call: TSESTree.CallExpression): boolean {
  const name = getCalleeName(call.callee);
  if (name === 'status' || name === 'code' || name === 'sendStatus' || name === 'throw' || name === 'next' || name === 'reject') return true;
  // Express 4's `res.send(500)`, `res.json(500, body)`: a status given first
  const first = call.arguments[0];
  return (name === 'json' || name === 'send') && first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'number' && first.value >= 400;
}

/** The objects a handler answers through: `res.statusCode = 502`, `ctx.status = 500`. */
const RESPONSE_OBJECT = /^(?:res|response|ctx|context|reply|h|this\.res)$/;

/** What a handler answers its client with: a page, a redirect, a body. */
const ANSWERS: ReadonlySet<string> = new Set(['redirect', 'render', 'json', 'send', 'view', 'response']);

/** Words of a failure told to the client: `?error=…`, `{ error: 'Failed to cancel' }`, `'Service unavailable'`. */
const FAILURE_WORDS = /error|fail|unavailable|could\s*not|couldn't|unable/i;

/**
 * The client told of the failure without a status: a page rendered or a redirect made with an
 * error (`res.redirect('/events?error=' + …)`, `res.render('profile', { error: 'Failed…' })`),
 * as server-rendered back ends answer a form.
 */
function isErrorAnswer(call: TSESTree.CallExpression, file: FileContext): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !ANSWERS.has(getPropertyName(callee) ?? '')) return false;
  if (!RESPONSE_OBJECT.test(file.getText(callee.object))) return false;
  return call.arguments.some((argument) => FAILURE_WORDS.test(file.getText(argument)));
}

/**
 * A call the error is handed over to, to be thrown, answered or passed on (`next(err)`,
 * `this.handleHttpError(err)`, `reject(err)`), rather than looked at (`isAxiosError(err)`) or logged.
 */
function isHandOver(call: TSESTree.CallExpression, file: FileContext): boolean {
  if (isLogging(call, file)) return false;
  const name = getCalleeName(call.callee) ?? '';
  if (/^(?:is|has|get|should|can|format|stringify|String|inspect|serialize|describe|extract|parse)(?:[A-Z_]|$)/.test(name)) return false;
  return /^(?:handle|throw|rethrow|raise|fail|reject|next|done|cb|callback|wrap|map|to|convert|translate|emit|send|respond|reply)/i.test(name);
}

function passesError(call: TSESTree.CallExpression, errorName: string, file: FileContext): boolean {
  const mention = new RegExp(`(?<![\\w$.])${errorName.replace(/\$/g, '\\$')}(?![\\w$])`);
  return call.arguments.some((argument) => mention.test(file.getText(argument)));
}

function isLogging(node: TSESTree.Node, file: FileContext): boolean {
  const call = skipTransparent(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const member = getPropertyName(callee) ?? '';
  return LOG_MEMBERS.has(member) && LOGGER.test(file.getText(callee.object).replace(/\s+/g, ''));
}

/** `line 42`, or `line 42 of payments.client.ts` for a node of another file. */
function where(node: TSESTree.Node, file: FileContext): string {
  const owner = file.fileOf(node);
  const line = file.getLine(node);
  return owner !== file && owner.fileName ? `line ${line} of ${path.basename(owner.fileName)}` : `line ${line}`;
}

function describe(body: TSESTree.Node, file: FileContext): string {
  let logs = false;
  walk(body, file.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && isLogging(node, file)) logs = true;
    return !logs;
  });
  return logs ? 'only logs' : 'carries on as if it worked';
}
