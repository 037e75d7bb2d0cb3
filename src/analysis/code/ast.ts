/**
 * Small AST predicates and accessors. Each bails on node shape first, so callers can use
 * them in hot paths without paying for anything else.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** The call's argument at `index`, unwrapped; nothing for a missing or spread argument. */
export function getArgument(call: TSESTree.CallExpression, index: number): TSESTree.Node | undefined {
  const node = call.arguments[index];
  return node && node.type !== AST_NODE_TYPES.SpreadElement ? skipTransparent(node) : undefined;
}

/** Removes wrappers that do not change a value: parentheses are already gone; TS casts, `!`, `?.` chains. */
export function skipTransparent(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The name of a non-computed (or string-literal computed) property key or member. */
export function getPropertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (!node.computed) {
    if (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
    return undefined;
  }
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  return key.type === AST_NODE_TYPES.TemplateLiteral ? getStaticString(key) : undefined;
}

/** The text of a string literal or of a template literal without expressions: `'OrderCreated'`, `` `orders` ``. */
export function getStaticString(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `module.exports` or `exports`. */
export function isModuleExports(node: TSESTree.Node): boolean {
  const expression = skipTransparent(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === 'exports';
  return (
    expression.type === AST_NODE_TYPES.MemberExpression &&
    expression.object.type === AST_NODE_TYPES.Identifier &&
    expression.object.name === 'module' &&
    getPropertyName(expression) === 'exports'
  );
}

/** `null` or `undefined`. */
export function isNullish(node: TSESTree.Node): boolean {
  const expression = skipTransparent(node);
  return (expression.type === AST_NODE_TYPES.Literal && expression.value === null) || (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined');
}

/** `null`, `undefined`, `false`, `[]`, `{}`, `''`, `0`, `void …`: a value that stands for "nothing happened". */
export function isDefaultValue(node: TSESTree.Node): boolean {
  const expression = skipTransparent(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return expression.value === null || expression.value === false || expression.value === '' || expression.value === 0;
    case AST_NODE_TYPES.Identifier:
      return expression.name === 'undefined';
    case AST_NODE_TYPES.ArrayExpression:
      return expression.elements.length === 0;
    case AST_NODE_TYPES.ObjectExpression:
      return expression.properties.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator === 'void';
    default:
      return false;
  }
}

/** The last name in a callee: `post` for `this.http.post`, `fetch` for `fetch`. */
export function getCalleeName(callee: TSESTree.Node): string | undefined {
  const node = skipTransparent(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(node);
  return undefined;
}

/** The function that returns a value as it is written: `return value;`, or an arrow's body `() => value`. */
export function getReturningFunction(value: TSESTree.Node): FunctionNode | undefined {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value) return parent;
  return parent?.type === AST_NODE_TYPES.ReturnStatement ? getEnclosingFunction(parent) : undefined;
}

/** The nearest enclosing function of a node, or undefined at module level. */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** The class whose `this` a node sees, following arrow functions and stopping at other functions. */
export function getThisClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current.parent;
    if (
      (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent.type !== AST_NODE_TYPES.MethodDefinition &&
      current.parent.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * A readable name for a function: its own id, the variable or property it is assigned to,
 * or the method it defines (`OrdersService.create`).
 */
export function getFunctionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return getPropertyName(parent);
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
      if (parent.left.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(parent.left);
      return undefined;
    default:
      return undefined;
  }
}

/** The class a function is a method (or arrow-function property) of. */
export function getMethodClass(fn: FunctionNode): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const parent = fn.parent;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.parent.type === AST_NODE_TYPES.ClassBody
  ) {
    return parent.parent.parent;
  }
  return undefined;
}

export function getClassName(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | undefined {
  if (cls.id) return cls.id.name;
  if (cls.parent.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier) {
    return cls.parent.id.name;
  }
  return undefined;
}

/** Whether `inner` lies within `outer`'s source range (or is it). */
export function encloses(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * The decorators of a parameter, given the name its definition declares: on a parameter property
 * (`@Inject(T) private readonly url`, also with a default) the property's, else the parameter's own.
 */
export function getParameterDecorators(name: TSESTree.Node): readonly TSESTree.Decorator[] {
  let parameter: TSESTree.Node | undefined = name.parent;
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern) parameter = parameter.parent;
  const holder = parameter?.type === AST_NODE_TYPES.TSParameterProperty ? parameter : name;
  return (holder as { decorators?: readonly TSESTree.Decorator[] }).decorators ?? [];
}

/** Decorator names of a node (`@EventPattern('x')` → `EventPattern`), with their callee identifiers. */
export function getDecoratorIdentifiers(node: { decorators?: TSESTree.Decorator[] }): TSESTree.Identifier[] {
  const result: TSESTree.Identifier[] = [];
  for (const decorator of node.decorators ?? []) {
    const expression: TSESTree.Node =
      decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
    if (expression.type === AST_NODE_TYPES.Identifier) result.push(expression);
    else if (expression.type === AST_NODE_TYPES.MemberExpression && expression.property.type === AST_NODE_TYPES.Identifier) {
      result.push(expression.property);
    }
  }
  return result;
}

export function isStringLiteral(node: TSESTree.Node): node is TSESTree.StringLiteral {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}

/** The node a call is reported on: its callee (`axios.post`, `this.http.post`, `fetch`). */
export function getCallReportNode(call: TSESTree.CallExpression): TSESTree.Node {
  return call.callee;
}

export type ObjectProperty = Exclude<TSESTree.ObjectLiteralElement, TSESTree.SpreadElement>;

/** The last `key: value` property of an object literal with that name (not through spreads). */
export function findProperty(object: TSESTree.ObjectExpression, name: string): ObjectProperty | undefined {
  return object.properties.findLast(
    (item): item is ObjectProperty => item.type === AST_NODE_TYPES.Property && getPropertyName(item) === name,
  );
}

/** The member of an enum declaration named `name`: `ORDER = 'order'` in `enum DownstreamApps { … }`. */
export function findEnumMember(declaration: TSESTree.TSEnumDeclaration, name: string): TSESTree.TSEnumMember | undefined {
  return declaration.body.members.find((item) => (item.id.type === AST_NODE_TYPES.Identifier ? item.id.name : item.id.value) === name);
}

/** Every name a declaration pattern binds: `const { a, b: [c] } = …` → a, c. */
export function getPatternNames(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) => getPatternNames(property.type === AST_NODE_TYPES.Property ? property.value : property.argument));
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element ? getPatternNames(element) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return getPatternNames(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return getPatternNames(pattern.argument);
    default:
      return [];
  }
}
