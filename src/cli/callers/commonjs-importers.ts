/**
 * Callers across CommonJS modules. TypeScript's reference search stops at
 * `module.exports = { chargeOrder }`: it does not carry on to
 * `const { chargeOrder } = require('./payments')` in the files that require it, though each
 * such binding's definition leads back to the export. This index goes the other way: from an
 * export (the property of `module.exports`, or `exports.name = …`) to the bindings that
 * require it, built once per project when the first CommonJS export is met.
 */
import { Node, type Project, SyntaxKind } from 'ts-morph';
import { isRequireCall } from '../code/static-text.js';

/** `module.exports` or `exports`. */
function isExportsObject(node: Node): boolean {
  const text = node.getText();
  return text === 'module.exports' || text === 'exports';
}

/** The export that `reference` (a function's name used as a value) sits in, if any: the node a requiring binding's definition points at. */
export function getCommonJsExport(reference: Node): Node | undefined {
  const parent = reference.getParent();
  if (Node.isShorthandPropertyAssignment(parent)) return isInExportsObject(parent) ? parent : undefined;
  if (Node.isPropertyAssignment(parent) && parent.getInitializer() === reference) return isInExportsObject(parent) ? parent : undefined;
  // exports.chargeOrder = chargeOrder; module.exports.chargeOrder = chargeOrder
  if (Node.isBinaryExpression(parent) && parent.getRight() === reference && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
    const left = parent.getLeft();
    if (Node.isPropertyAccessExpression(left) && isExportsObject(left.getExpression())) return left;
  }
  return undefined;
}

function isInExportsObject(property: Node): boolean {
  const object = property.getParent();
  const assignment = object?.getParent();
  return (
    Node.isObjectLiteralExpression(object) &&
    Node.isBinaryExpression(assignment) &&
    assignment.getRight() === object &&
    assignment.getLeft().getText() === 'module.exports'
  );
}

export class CommonJsImporters {
  private index: Map<Node, Node[]> | undefined;

  constructor(private readonly project: Project) {}

  /** The names bound by `const { name } = require(…)` (or `const name = require(…).name`) whose definition is `exported`. */
  bindingsOf(exported: Node): readonly Node[] {
    this.index ??= this.build();
    return this.index.get(exported) ?? (Node.isPropertyAccessExpression(exported) ? (this.index.get(exported.getNameNode()) ?? []) : []);
  }

  private build(): Map<Node, Node[]> {
    const index = new Map<Node, Node[]>();
    const add = (name: Node): void => {
      let definitions: Node[];
      try {
        definitions = Node.isIdentifier(name) ? name.getDefinitionNodes() : [];
      } catch {
        definitions = [];
      }
      for (const definition of definitions) {
        const list = index.get(definition) ?? [];
        list.push(name);
        index.set(definition, list);
      }
    };
    for (const sourceFile of this.project.getSourceFiles()) {
      if (!sourceFile.getText().includes('require(')) continue;
      for (const declaration of sourceFile.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
        const initializer = declaration.getInitializer();
        const nameNode = declaration.getNameNode();
        if (isRequireCall(initializer) && Node.isObjectBindingPattern(nameNode)) {
          for (const element of nameNode.getElements()) add(element.getNameNode());
        } else if (Node.isPropertyAccessExpression(initializer) && isRequireCall(initializer.getExpression()) && Node.isIdentifier(nameNode)) {
          add(nameNode);
        }
      }
    }
    return index;
  }
}
