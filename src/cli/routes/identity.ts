/**
 * Which router object an expression is, across files: the declaration that creates it
 * (`const router = express.Router()`, `new Router({ prefix })`, `new Hono()`, a Fastify
 * plugin's `fastify` parameter), reached through variables, imports, `export default`,
 * `module.exports = router`, `require('./routes/checkout')`, `router.routes()` (Koa) and
 * `fp(plugin)` (fastify-plugin). Routes registered on a router and the places it is mounted
 * meet at that declaration.
 */
import { type CallExpression, Node, type Project, type SourceFile, SyntaxKind } from 'ts-morph';
import { getTargetSymbol, isRequireCall } from '../code/static-text.js';

/** Resolves a `require`/`import()` specifier from a file to a file of the project. */
export type RequireResolver = (fromFile: string, specifier: string) => string | undefined;

const MAX_HOPS = 8;

/** Calls on a router that hand out the router itself (Koa `router.routes()`, `allowedMethods()` aside). */
const SELF_RETURNING = new Set(['routes', 'middleware', 'basePath']);

/** Wrappers that return the plugin or router they are given. */
const WRAPPERS = new Set(['fp', 'fastifyPlugin', 'plugin']);

function unwrap(node: Node): Node {
  let current = node;
  while (Node.isParenthesizedExpression(current) || Node.isAwaitExpression(current) || Node.isAsExpression(current) || Node.isNonNullExpression(current) || Node.isSatisfiesExpression(current)) {
    current = current.getExpression();
  }
  return current;
}

export class RouterIdentities {
  private readonly exportsOf = new Map<SourceFile, Node | undefined>();

  constructor(
    private readonly project: Project,
    private readonly resolveRequire: RequireResolver,
  ) {}

  /** The declaration that stands for the router `expression` evaluates to, or `undefined`. */
  of(expression: Node, hops = 0): Node | undefined {
    if (hops > MAX_HOPS) return undefined;
    const node = unwrap(expression);
    if (isRequireCall(node)) return this.moduleExport(node, hops);
    if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      // router.routes(), app.basePath('/x') (its own prefix is read where it is declared)
      if (Node.isPropertyAccessExpression(callee) && SELF_RETURNING.has(callee.getName())) return this.of(callee.getExpression(), hops + 1);
      if (Node.isIdentifier(callee) && WRAPPERS.has(callee.getText()) && node.getArguments()[0]) return this.of(node.getArguments()[0]!, hops + 1);
      return undefined;
    }
    if (Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node)) return node;
    if (!Node.isIdentifier(node) && !Node.isPropertyAccessExpression(node)) return undefined;
    const declaration = getTargetSymbol(node)?.getDeclarations()[0];
    if (!declaration) return undefined;
    return this.ofDeclaration(declaration, hops);
  }

  private ofDeclaration(declaration: Node, hops: number): Node | undefined {
    if (Node.isVariableDeclaration(declaration)) {
      const initializer = declaration.getInitializer();
      if (!initializer) return declaration;
      const inner = unwrap(initializer);
      if (isRequireCall(inner) || Node.isIdentifier(inner) || Node.isPropertyAccessExpression(inner)) return this.of(inner, hops + 1) ?? declaration;
      if (Node.isCallExpression(inner)) {
        const callee = inner.getExpression();
        if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'routes') return this.of(inner, hops + 1) ?? declaration;
        if (Node.isIdentifier(callee) && WRAPPERS.has(callee.getText())) return this.of(inner, hops + 1) ?? declaration;
      }
      if (Node.isArrowFunction(inner) || Node.isFunctionExpression(inner)) return inner;
      return declaration;
    }
    if (Node.isExportAssignment(declaration)) return this.of(declaration.getExpression(), hops + 1);
    if (Node.isShorthandPropertyAssignment(declaration)) {
      const value = declaration.getValueSymbol?.()?.getDeclarations()[0];
      return value ? this.ofDeclaration(value, hops + 1) : undefined;
    }
    if (Node.isPropertyAssignment(declaration)) {
      const initializer = declaration.getInitializer();
      return initializer ? this.of(initializer, hops + 1) : undefined;
    }
    if (Node.isBinaryExpression(declaration)) return this.of(declaration.getRight(), hops + 1);
    if (Node.isPropertyAccessExpression(declaration)) {
      const assignment = declaration.getParent();
      if (Node.isBinaryExpression(assignment) && assignment.getLeft() === declaration) return this.of(assignment.getRight(), hops + 1);
    }
    if (Node.isSourceFile(declaration)) return this.exportOfFile(declaration, hops);
    return declaration;
  }

  /** What `require('./x')` evaluates to: `module.exports = …` or the default export of that file. */
  private moduleExport(call: CallExpression, hops: number): Node | undefined {
    const specifier = call.getArguments()[0];
    if (!Node.isStringLiteral(specifier)) return undefined;
    const file = this.resolveRequire(call.getSourceFile().getFilePath(), specifier.getLiteralValue());
    const sourceFile = file === undefined ? undefined : this.project.getSourceFile(file);
    return sourceFile ? this.exportOfFile(sourceFile, hops) : undefined;
  }

  private exportOfFile(sourceFile: SourceFile, hops: number): Node | undefined {
    if (!this.exportsOf.has(sourceFile)) {
      let exported: Node | undefined;
      for (const statement of sourceFile.getStatements()) {
        if (Node.isExportAssignment(statement)) exported = statement.getExpression();
        if (Node.isFunctionDeclaration(statement) && statement.isDefaultExport()) exported = statement;
        if (Node.isExpressionStatement(statement)) {
          const expression = statement.getExpression();
          if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken && expression.getLeft().getText() === 'module.exports') {
            exported = expression.getRight();
          }
        }
      }
      this.exportsOf.set(sourceFile, exported);
    }
    const exported = this.exportsOf.get(sourceFile);
    if (!exported) return undefined;
    return Node.isFunctionDeclaration(exported) ? exported : this.of(exported, hops + 1);
  }
}
