/**
 * What a module exports, read from its top-level statements once: ES exports (declarations,
 * lists, re-exports, `export *`, `export default`) and CommonJS ones (`module.exports = …`,
 * `exports.name = …`, `module.exports.name = …`, TypeScript's `export =`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getPatternNames, getPropertyName, skipTransparent } from './ast.js';
import { getRequireSource } from './file-context.js';

export type ExportEntry =
  /** a binding of the module: `export const X = …`, `export { local as X }`, `export default local` */
  | { readonly kind: 'local'; readonly identifier: TSESTree.Identifier }
  /** a value with no name of its own: `export default { … }`, `export default function () {}`, `exports.X = …` */
  | { readonly kind: 'value'; readonly node: TSESTree.Node }
  /** `export { a as X } from './m'`; `imported` is `'*'` for `export * as X from './m'` */
  | { readonly kind: 'reexport'; readonly source: string; readonly imported: string };

export interface ExportTable {
  readonly named: ReadonlyMap<string, ExportEntry>;
  /** sources of `export * from '…'` */
  readonly stars: readonly string[];
  /** `module.exports = X` or `export = X`: the module's whole value (the last assignment) */
  readonly whole: TSESTree.Node | undefined;
  /** the module uses CommonJS exports */
  readonly commonjs: boolean;
}

export function readExports(program: TSESTree.Program): ExportTable {
  const named = new Map<string, ExportEntry>();
  const stars: string[] = [];
  let whole: TSESTree.Node | undefined;
  let commonjs = false;

  const addCommonJs = (assignment: TSESTree.AssignmentExpression): void => {
    for (let current: TSESTree.Node = assignment; current.type === AST_NODE_TYPES.AssignmentExpression && current.operator === '='; current = current.right) {
      const target = getCommonJsTarget(current.left);
      if (!target) continue;
      commonjs = true;
      const value = getAssignedValue(current);
      if (target.name === undefined) {
        whole = value;
        // `module.exports = { ...require('./auth'), ...require('./http') }` passes on their names, as `export *` does
        stars.push(...getSpreadRequires(value));
        // a new `module.exports` object replaces the names exported before it
        for (const [name, entry] of named) if (entry.kind === 'value' && isCommonJsEntry(entry)) named.delete(name);
      } else {
        named.set(target.name, markCommonJs({ kind: 'value', node: value }));
      }
    }
  };

  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        readNamedExport(statement, named);
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exportKind === 'type') break;
        if (statement.exported) named.set(getExportName(statement.exported), { kind: 'reexport', source: statement.source.value, imported: '*' });
        else stars.push(statement.source.value);
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const declaration = statement.declaration;
        if (declaration.type === AST_NODE_TYPES.Identifier) named.set('default', { kind: 'local', identifier: declaration });
        else if (!isTypeOnly(declaration)) named.set('default', { kind: 'value', node: declaration });
        break;
      }
      case AST_NODE_TYPES.TSExportAssignment:
        whole = statement.expression;
        commonjs = true;
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        if (statement.expression.type === AST_NODE_TYPES.AssignmentExpression) addCommonJs(statement.expression);
        else if (statement.expression.type === AST_NODE_TYPES.SequenceExpression) {
          for (const expression of statement.expression.expressions) if (expression.type === AST_NODE_TYPES.AssignmentExpression) addCommonJs(expression);
        }
        break;
      default:
        break;
    }
  }
  return { named, stars, whole, commonjs };
}

const COMMONJS_ENTRIES = new WeakSet<ExportEntry>();

function markCommonJs(entry: ExportEntry): ExportEntry {
  COMMONJS_ENTRIES.add(entry);
  return entry;
}

function isCommonJsEntry(entry: ExportEntry): boolean {
  return COMMONJS_ENTRIES.has(entry);
}

function readNamedExport(statement: TSESTree.ExportNamedDeclaration, named: Map<string, ExportEntry>): void {
  const declaration = statement.declaration;
  // an interface (a type export), for the class that implements it
  if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
    named.set(declaration.id.name, { kind: 'local', identifier: declaration.id });
    return;
  }
  if (statement.exportKind === 'type') return;
  if (declaration) {
    switch (declaration.type) {
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of declaration.declarations) {
          for (const identifier of getPatternNames(declarator.id)) named.set(identifier.name, { kind: 'local', identifier });
        }
        break;
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.TSEnumDeclaration:
        if (declaration.id) named.set(declaration.id.name, { kind: 'local', identifier: declaration.id });
        break;
      default:
        break; // types, namespaces, `declare` forms
    }
    return;
  }
  for (const specifier of statement.specifiers) {
    if (specifier.exportKind === 'type') continue;
    const exported = getExportName(specifier.exported);
    if (statement.source) {
      named.set(exported, { kind: 'reexport', source: statement.source.value, imported: getExportName(specifier.local) });
    } else if (specifier.local.type === AST_NODE_TYPES.Identifier) {
      named.set(exported, { kind: 'local', identifier: specifier.local });
    }
  }
}

function getExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

function isTypeOnly(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.TSInterfaceDeclaration || node.type === AST_NODE_TYPES.TSDeclareFunction;
}

/** `module.exports` → the whole value; `exports.X`, `module.exports.X` → `X`. */
function getCommonJsTarget(left: TSESTree.Node): { name: string | undefined } | undefined {
  const target = skipTransparent(left);
  if (target.type === AST_NODE_TYPES.Identifier) return undefined; // `exports = …` rebinds a local only
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = getPropertyName(target);
  if (name === undefined) return undefined;
  const object = skipTransparent(target.object);
  if (isModuleExports(target)) return { name: undefined };
  if ((object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExports(object)) return { name };
  return undefined;
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    getPropertyName(node) === 'exports'
  );
}

/** The modules an object literal spreads whole: `{ ...require('./auth') }` → `./auth`. */
function getSpreadRequires(value: TSESTree.Node): string[] {
  const object = skipTransparent(value);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return object.properties.flatMap((property) => {
    const source = property.type === AST_NODE_TYPES.SpreadElement ? getRequireSource(property.argument) : undefined;
    return source === undefined ? [] : [source];
  });
}

/** The value of a chain `a = b = value`. */
function getAssignedValue(assignment: TSESTree.AssignmentExpression): TSESTree.Node {
  let value: TSESTree.Node = assignment.right;
  while (value.type === AST_NODE_TYPES.AssignmentExpression && value.operator === '=') value = value.right;
  return value;
}
