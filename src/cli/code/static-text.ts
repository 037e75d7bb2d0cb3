/**
 * What the code says, read without running it, for the questions about the whole repository:
 * static text of expressions (literals, templates, constants followed through imports), the
 * parts of calls and object literals that route registrations are made of, and route paths.
 */
import { type CallExpression, type Decorator, type NewExpression, Node, type ObjectLiteralExpression, type Symbol as MorphSymbol } from 'ts-morph';

/** Router methods that register a route, by the HTTP method they answer. */
export const HTTP_METHODS: Readonly<Record<string, string>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  all: 'ALL',
  head: 'HEAD',
  options: 'OPTIONS',
};

/** NestJS route decorators, by the HTTP method they answer. */
export const NEST_ROUTE_DECORATORS: Readonly<Record<string, string>> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  All: 'ALL',
  Head: 'HEAD',
  Options: 'OPTIONS',
};

/** How many constants deep a label is followed (`TOPIC = OTHER_TOPIC`). */
const MAX_CONSTANT_HOPS = 4;

export function compact(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The value of an expression known from the code: string/number literals, templates (parts
 * not known as `{expr}`), arrays of those, and `const`s, enum members and object properties
 * with such initializers, followed through imports.
 */
export function getStaticText(node: Node | undefined, hops = 0): string | undefined {
  if (!node || hops > MAX_CONSTANT_HOPS) return undefined;
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isNumericLiteral(node)) return String(node.getLiteralValue());
  if (Node.isTemplateExpression(node)) {
    let text = node.getHead().getLiteralText();
    for (const span of node.getTemplateSpans()) {
      text += `{${getStaticText(span.getExpression(), hops + 1) ?? compact(span.getExpression().getText())}}`;
      text += span.getLiteral().getLiteralText();
    }
    return text;
  }
  if (Node.isArrayLiteralExpression(node)) {
    const items = node.getElements().map((element) => getStaticText(element, hops + 1));
    return items.every((item) => item !== undefined) ? items.join(', ') : undefined;
  }
  if (Node.isAsExpression(node) || Node.isParenthesizedExpression(node) || Node.isSatisfiesExpression(node)) {
    return getStaticText(node.getExpression(), hops);
  }
  if (Node.isIdentifier(node) || Node.isPropertyAccessExpression(node)) {
    for (const declaration of getTargetSymbol(node)?.getDeclarations() ?? []) {
      if (Node.isVariableDeclaration(declaration) || Node.isPropertyAssignment(declaration) || Node.isEnumMember(declaration)) {
        const value = getStaticText(declaration.getInitializer(), hops + 1);
        if (value !== undefined) return value;
      }
    }
  }
  return undefined;
}

/** The text for a label: the static value, else the expression as written. */
export function labelText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  return getStaticText(node) ?? compact(node.getText());
}

export function isRoutePath(value: string | undefined): value is string {
  return value !== undefined && (value.startsWith('/') || value === '*');
}

/** `/admin` + `/orders/:id` → `/admin/orders/:id`; empty parts are left out. */
export function joinRoutePaths(...parts: readonly string[]): string {
  const segments = parts.flatMap((part) => part.split('/')).filter((segment) => segment.length > 0);
  return `/${segments.join('/')}`;
}

export function getPropertyValue(object: ObjectLiteralExpression, name: string): Node | undefined {
  const property = object.getProperty(name);
  if (Node.isPropertyAssignment(property)) return property.getInitializer();
  if (Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
  return undefined;
}

export function getCalleeProperty(call: CallExpression | NewExpression): { receiver: Node; name: string } | undefined {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  return { receiver: callee.getExpression(), name: callee.getName() };
}

export function getCalleeName(call: CallExpression | NewExpression): string | undefined {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) return callee.getText();
  if (Node.isPropertyAccessExpression(callee)) return callee.getName();
  return undefined;
}

/** The symbol a name refers to, past an import alias to what the other module declares. */
export function getTargetSymbol(node: Node): MorphSymbol | undefined {
  const symbol = node.getSymbol();
  return symbol?.isAlias() ? (symbol.getAliasedSymbol() ?? symbol) : symbol;
}

/** `require('./x')`: a CommonJS require of a module named by a string. */
export function isRequireCall(node: Node | undefined): node is CallExpression {
  if (!Node.isCallExpression(node)) return false;
  const callee = node.getExpression();
  const [first] = node.getArguments();
  return Node.isIdentifier(callee) && callee.getText() === 'require' && first !== undefined && Node.isStringLiteral(first);
}

/** Decorators of controller classes (NestJS, routing-controllers), whose argument prefixes their routes. */
export const CONTROLLER_DECORATORS: ReadonlySet<string> = new Set(['Controller', 'JsonController']);

/** A decorator's argument: `'orders'` of `@Controller('orders')`. */
export function getDecoratorArgument(decorator: Decorator | undefined, index = 0): Node | undefined {
  return decorator?.getArguments()[index];
}
