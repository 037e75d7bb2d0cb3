/**
 * Type information for the analysis, from the program typescript-eslint built: bindings
 * imported from other project files, callees declared there, client origins read from
 * types, and the declared type of payloads. One resolver per program.
 */
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import {
  type Binding,
  type FileContext,
  type FunctionLike,
  getForeignFile,
  type ImportBinding,
  type ProjectModule,
  type ProjectResolver,
  type TypeOrigin,
} from '../../analysis/code/file-context.js';
import { dependsOnPackage, getServiceName, isBrowserAppContext, isGatewayFile, isLibraryFile } from '../workspace/package-kind.js';
import { getServicePort } from '../workspace/service-port.js';
import { findNodeByRange, ProjectFiles } from './project-files.js';
import { getTypeScript } from './typescript.js';

const CRITICAL_TAG = 'critical';

export class ProgramResolver implements ProjectResolver {
  readonly files: ProjectFiles;
  readonly #program: ts.Program;
  readonly #checker: ts.TypeChecker;
  readonly #ts = getTypeScript();
  #local: { ast: TSESTree.Program; map: ParserServicesWithTypeInformation['esTreeNodeToTSNodeMap'] } | undefined;
  /** bare specifiers (`@nestjs/common`, `@app/shared`) and whether they resolved outside the project */
  readonly #externalModules = new Map<string, boolean>();
  /** declaration → its binding in its parsed project file (null: none) */
  readonly #bindings = new Map<ts.Declaration, Binding | null>();
  /** callee symbol → its function in a project file (null: none) */
  readonly #callees = new Map<ts.Symbol, FunctionLike | null>();

  constructor(program: ts.Program) {
    this.#program = program;
    this.#checker = program.getTypeChecker();
    this.files = new ProjectFiles(program);
    this.files.resolver = this;
  }

  /** The file being linted now: its nodes map to TypeScript nodes through the parser's own map. */
  setLocalFile(ast: TSESTree.Program, services: ParserServicesWithTypeInformation): void {
    this.#local = { ast, map: services.esTreeNodeToTSNodeMap };
  }

  #toTsNode(node: TSESTree.Node): ts.Node | undefined {
    const fileName = getForeignFile(node)?.fileName;
    if (fileName === undefined) return this.#local?.map.get(node);
    const sourceFile = this.#program.getSourceFile(fileName);
    return sourceFile ? findTsNode(this.#ts, sourceFile, node.range[0], node.range[1]) : undefined;
  }

  #symbolOf(node: TSESTree.Node): ts.Symbol | undefined {
    let tsNode = this.#toTsNode(node);
    if (!tsNode) return undefined;
    if (this.#ts.isPropertyAccessExpression(tsNode)) tsNode = tsNode.name;
    let symbol = this.#checker.getSymbolAtLocation(tsNode);
    if (symbol && symbol.flags & this.#ts.SymbolFlags.Alias) symbol = this.#checker.getAliasedSymbol(symbol);
    return symbol;
  }

  /** The ESTree node of a declaration's name in its (parsed) project file. */
  #declarationName(declaration: ts.Declaration): { file: FileContext; name: TSESTree.Node } | undefined {
    const sourceFile = declaration.getSourceFile();
    if (!ProjectFiles.isProjectFile(sourceFile)) return undefined;
    const name = (declaration as { name?: ts.Node }).name;
    if (!name) return undefined;
    const file = this.files.get(sourceFile.fileName);
    if (!file) return undefined;
    const node = findNodeByRange(file.sourceCode.ast, name.getStart(sourceFile), name.end, file.sourceCode.visitorKeys);
    return node ? { file, name: node } : undefined;
  }

  /** An ES import of a name, followed by the checker to its declaration; other imports are left to the module graph. */
  resolveImport(_file: FileContext, identifier: TSESTree.Identifier | undefined, binding: ImportBinding): Binding | undefined {
    if (!identifier || binding.imported === undefined || binding.imported === '*' || (binding.path?.length ?? 0) > 0) return undefined;
    return this.resolveImportedBinding(identifier, binding.source);
  }

  getExport(_module: ProjectModule, _name: string): Binding | undefined {
    return undefined;
  }

  isGatewayFile(fileName: string): boolean {
    return isGatewayFile(fileName);
  }

  isLibraryFile(fileName: string): boolean {
    return isLibraryFile(fileName);
  }

  isBrowserFile(file: FileContext): boolean {
    return isBrowserAppContext(file);
  }

  getServiceName(fileName: string): string | undefined {
    return getServiceName(fileName);
  }

  getServicePort(fileName: string): string | undefined {
    return getServicePort(fileName);
  }

  dependsOn(fileName: string, prefix: string): boolean {
    return dependsOnPackage(fileName, prefix);
  }

  mayReachRequests(): boolean {
    return true;
  }

  /** The checker is not asked who uses an export; the module graph answers beside it when imports are followed. */
  findExportUses(): undefined {
    return undefined;
  }

  findImplementation(): undefined {
    return undefined;
  }

  findMethodCalls(): undefined {
    return undefined;
  }

  resolveImportedBinding(identifier: TSESTree.Identifier, source: string): Binding | undefined {
    if (this.#isExternal(source)) return undefined;
    const declaration = this.#symbolOf(identifier)?.declarations?.[0];
    if (!declaration) return undefined;
    if (isBareSpecifier(source)) this.#externalModules.set(source, !ProjectFiles.isProjectFile(declaration.getSourceFile()));
    let binding = this.#bindings.get(declaration);
    if (binding === undefined) {
      const target = this.#declarationName(declaration);
      binding = (target?.name.type === AST_NODE_TYPES.Identifier && target.file.getBinding(target.name)) || null;
      this.#bindings.set(declaration, binding);
    }
    return binding ?? undefined;
  }

  isExternalModule(_file: FileContext, source: string): boolean {
    return this.#isExternal(source);
  }

  #isExternal(source: string): boolean {
    return this.#externalModules.get(source) === true;
  }

  resolveCallee(callee: TSESTree.Node): FunctionLike | undefined {
    const symbol = this.#symbolOf(callee);
    if (!symbol) return undefined;
    let resolved = this.#callees.get(symbol);
    if (resolved === undefined) {
      resolved = this.#findFunction(symbol) ?? null;
      this.#callees.set(symbol, resolved);
    }
    return resolved ?? undefined;
  }

  #findFunction(symbol: ts.Symbol): FunctionLike | undefined {
    for (const declaration of symbol.declarations ?? []) {
      const target = this.#declarationName(declaration);
      const parent = target?.name.parent;
      if (!parent) continue;
      switch (parent.type) {
        case AST_NODE_TYPES.FunctionDeclaration:
          return parent.body ? parent : undefined;
        case AST_NODE_TYPES.MethodDefinition:
          return parent.value.type === AST_NODE_TYPES.FunctionExpression ? parent.value : undefined;
        case AST_NODE_TYPES.PropertyDefinition:
        case AST_NODE_TYPES.VariableDeclarator: {
          const value = parent.type === AST_NODE_TYPES.PropertyDefinition ? parent.value : parent.init;
          if (value?.type === AST_NODE_TYPES.ArrowFunctionExpression || value?.type === AST_NODE_TYPES.FunctionExpression) return value;
          break;
        }
        default:
          break;
      }
    }
    return undefined;
  }

  getTypeOrigin(node: TSESTree.Node): TypeOrigin | undefined {
    const tsNode = this.#toTsNode(node);
    if (!tsNode) return undefined;
    const type = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(tsNode));
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return undefined;
    const module = getModuleOfFile(declaration.getSourceFile().fileName);
    if (!module) return undefined;
    const name = symbol.getName();
    if (module === 'global' || (name === 'fetch' && (module === 'undici' || module === 'node'))) {
      return name === 'fetch' ? { module: 'global', steps: [{ kind: 'get', name: 'fetch' }] } : undefined;
    }
    return { module, steps: [{ kind: 'get', name }, { kind: 'instance' }] };
  }

  getTypeFacts(node: TSESTree.Node): { readonly name: string; readonly critical: boolean } | undefined {
    const tsNode = this.#toTsNode(node);
    if (!tsNode) return undefined;
    let type = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(tsNode));
    if (this.#checker.isArrayType(type)) type = this.#checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol || symbol.getName().startsWith('__')) return undefined;
    const critical = symbol.getJsDocTags(this.#checker).some((tag) => tag.name === CRITICAL_TAG);
    return { name: symbol.getName(), critical };
  }
}

/** `axios`, `@nestjs/common`, `@app/shared`: not relative, not absolute. */
function isBareSpecifier(source: string): boolean {
  return !source.startsWith('.') && !source.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(source);
}

/** The npm package a declaration file belongs to (`@types/x` → `x`), `global` for TypeScript's lib files. */
export function getModuleOfFile(fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  if (/\/typescript\/lib\/lib\.[^/]*\.d\.ts$/.test(normalized)) return 'global';
  const matches = [...normalized.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  const name = matches.at(-1)?.[1];
  if (!name) return undefined;
  if (name === 'undici-types') return 'undici';
  return name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : name;
}

function findTsNode(tsModule: typeof ts, sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) === start && node.end === end) found = node;
    tsModule.forEachChild(node, (child) => {
      if (child.pos <= start && child.end >= end) visit(child);
    });
  };
  visit(sourceFile);
  return found;
}

const resolvers = new WeakMap<ts.Program, ProgramResolver>();

/** The resolver of a program, created once per program (the editor builds new programs as you type). */
export function getProgramResolver(program: ts.Program): ProgramResolver {
  let resolver = resolvers.get(program);
  if (!resolver) {
    resolver = new ProgramResolver(program);
    resolvers.set(program, resolver);
  }
  return resolver;
}
