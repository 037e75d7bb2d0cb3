/**
 * The project layer without type information: imports and `require`s followed through the
 * module graph to the binding each export holds in its own module, so the analysis asks an
 * imported binding the same questions as a local one.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getPropertyName, isFunctionNode, skipTransparent } from '../analysis/code/ast.js';
import {
  type Binding,
  type ClassNode,
  EMPTY_ENV,
  type ExportUse,
  type FileContext,
  type FunctionLike,
  getForeignFile,
  getRequireSource,
  type ImportBinding,
  type ProjectModule,
  type ProjectResolver,
  type TypeOrigin,
} from '../analysis/code/file-context.js';
import { getObjectProperty, resolveObject } from '../analysis/code/objects.js';
import type { ExportEntry } from '../analysis/code/exports.js';
import type { Implementations } from './modules/implementations.js';
import type { Importers } from './modules/importers.js';
import type { MethodCallers } from './modules/method-callers.js';
import type { ModuleCache, ModuleRecord } from './modules/module-cache.js';
import type { Reachability } from './modules/reach.js';
import type { ModuleResolver } from './resolution/module-resolver.js';
import { dependsOnPackage, getServiceName, isBrowserAppContext, isGatewayFile, isLibraryFile } from './workspace/package-kind.js';
import { getServicePort } from './workspace/service-port.js';
import { CLIENT_MODULES } from '../catalog/http-clients.js';
import { getPackageName } from '../util/package-name.js';

/** How many re-exports and CommonJS indirections one lookup follows. */
const MAX_HOPS = 16;

export class ModuleGraph implements ProjectResolver {
  readonly #resolver: ModuleResolver;
  readonly #modules: ModuleCache;
  readonly #requests: Reachability;
  readonly #importers: Importers | undefined;
  readonly #implementations: Implementations | undefined;
  readonly #methodCallers: MethodCallers | undefined;

  constructor(
    resolver: ModuleResolver,
    modules: ModuleCache,
    requests: Reachability,
    reverse?: { importers: Importers; implementations: Implementations; methodCallers?: MethodCallers },
  ) {
    this.#resolver = resolver;
    this.#modules = modules;
    this.#requests = requests;
    this.#importers = reverse?.importers;
    this.#implementations = reverse?.implementations;
    this.#methodCallers = reverse?.methodCallers;
  }

  /** The project module a specifier leads to from a file, parsed; undefined when it is not project code or is unknown. */
  getModule(fromFile: string, source: string): ModuleRecord | undefined {
    const resolution = this.#resolver.resolve(fromFile, source);
    return resolution.kind === 'file' ? this.#modules.get(resolution.path) : undefined;
  }

  resolveImport(file: FileContext, _identifier: TSESTree.Identifier | undefined, binding: ImportBinding): Binding | undefined {
    if (file.fileName === undefined) return undefined;
    const module = this.getModule(file.fileName, binding.source);
    if (!module) return undefined;
    const hops = { count: 0 };
    let resolved: Binding | undefined;
    let path = binding.path ?? [];
    // `const { createServiceClient } = require('@app/common')`: the name as the module exports it, spread in or not
    if (binding.imported === undefined && path.length > 0 && module.exports.whole && module.exports.stars.length > 0) {
      resolved = this.#getExport(module, path[0]!, hops);
      path = path.slice(1);
    } else if (binding.imported === undefined) resolved = this.#getWholeValue(module, hops);
    else if (binding.imported === '*') resolved = { kind: 'module', module };
    else resolved = this.#getExport(module, binding.imported, hops);
    return resolved && this.#applyPath(resolved, path, hops);
  }

  getExport(module: ProjectModule, name: string): Binding | undefined {
    return this.#getExport(module as ModuleRecord, name, { count: 0 });
  }

  isExternalModule(file: FileContext, source: string): boolean {
    return file.fileName !== undefined && this.#resolver.resolve(file.fileName, source).kind === 'external';
  }

  resolveCallee(): FunctionLike | undefined {
    return undefined;
  }

  getTypeOrigin(): TypeOrigin | undefined {
    return undefined;
  }

  getTypeFacts(): undefined {
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

  mayReachRequests(fromFile: string, source: string, depth: number, name?: string): boolean {
    const resolution = this.#resolver.resolve(fromFile, source);
    // a package's methods never lead back into the project: only HTTP client packages make requests
    if (resolution.kind === 'external') return isClientModule(source);
    if (resolution.kind !== 'file') return true;
    return name === undefined ? this.#requests.mayReachModule(resolution.path, depth) : this.#requests.mayReachExport(resolution.path, name, depth);
  }

  findExportUses(fileName: string, name: string, marker?: string): readonly ExportUse[] | undefined {
    return this.#importers?.find(fileName, name, marker);
  }

  findImplementation(file: FileContext, declaration: TSESTree.TSInterfaceDeclaration): ClassNode | undefined {
    return this.#implementations?.find(file, declaration);
  }

  findMethodCalls(file: FileContext, method: TSESTree.MethodDefinition): readonly ExportUse[] | undefined {
    return this.#methodCallers?.find(file, method);
  }

  /** What `require('./m')` gives: `module.exports`, else the module's exports as a namespace. */
  #getWholeValue(module: ModuleRecord, hops: { count: number }): Binding | undefined {
    const { whole } = module.exports;
    return whole ? this.#valueBinding(whole, module.file, hops) : { kind: 'module', module };
  }

  #getExport(module: ModuleRecord, name: string, hops: { count: number }): Binding | undefined {
    if ((hops.count += 1) > MAX_HOPS) return undefined;
    const table = module.exports;
    const entry = table.named.get(name);
    if (entry) return this.#resolveEntry(module, entry, hops);
    if (table.whole) {
      const whole = this.#valueBinding(table.whole, module.file, hops);
      // `import config from './config.cjs'`: the default export of CommonJS is `module.exports`
      if (name === 'default') return whole;
      // a name of a module the whole object spreads (`{ ...require('./auth') }`) is read there
      const declared = declaresProperty(table.whole, name);
      if (declared === true || (declared === undefined && table.stars.length === 0)) return whole && this.#applyPath(whole, [name], hops);
      if (table.stars.length === 0) return undefined;
    }
    if (name === 'default') return table.commonjs ? { kind: 'module', module } : undefined;
    // `export * from` passes on every name but `default`
    // each source is a path of its own: the hops one takes do not count against the next
    const start = hops.count;
    for (const source of table.stars) {
      const target = this.getModule(module.path, source);
      hops.count = start;
      const found = target && target !== module ? this.#getExport(target, name, hops) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  #resolveEntry(module: ModuleRecord, entry: ExportEntry, hops: { count: number }): Binding | undefined {
    switch (entry.kind) {
      case 'local':
        return module.file.getBinding(entry.identifier);
      case 'value':
        return this.#valueBinding(entry.node, module.file, hops);
      case 'reexport': {
        const target = this.getModule(module.path, entry.source);
        if (!target) return undefined;
        return entry.imported === '*' ? { kind: 'module', module: target } : this.#getExport(target, entry.imported, hops);
      }
    }
  }

  /** A binding for an expression of a module: what an identifier names, a function, a class, a required module, or the value itself. */
  #valueBinding(node: TSESTree.Node, file: FileContext, hops: { count: number }): Binding | undefined {
    if ((hops.count += 1) > MAX_HOPS) return undefined;
    const expression = skipTransparent(node);
    if (expression.type === AST_NODE_TYPES.Identifier) return file.getBinding(expression);
    if (isFunctionNode(expression)) return { kind: 'function', node: expression };
    if (expression.type === AST_NODE_TYPES.ClassDeclaration || expression.type === AST_NODE_TYPES.ClassExpression) return { kind: 'class', node: expression };
    const source = getRequireSource(expression);
    if (source !== undefined && file.fileName !== undefined) {
      const target = this.getModule(file.fileName, source);
      return target ? this.#getWholeValue(target, hops) : undefined;
    }
    return { kind: 'value', node: expression, path: [] };
  }

  /** Reads properties of a binding: a namespace's exports, an object literal's properties. */
  #applyPath(binding: Binding, path: readonly string[], hops: { count: number }): Binding | undefined {
    let current: Binding | undefined = binding;
    for (const [index, name] of path.entries()) {
      if (!current) return undefined;
      switch (current.kind) {
        case 'module':
          current = this.#getExport(current.module as ModuleRecord, name, hops);
          break;
        case 'value': {
          const file = getForeignFile(current.node);
          const object = file && current.path.length === 0 ? resolveObject(current.node, file, EMPTY_ENV) : undefined;
          const property = file && object && getObjectProperty(object.node, name, file, object.env);
          current = property
            ? this.#valueBinding(property.node, getForeignFile(property.node) ?? file, hops)
            : { kind: 'value', node: current.node, path: [...current.path, ...path.slice(index)] };
          if (!property) return current;
          break;
        }
        case 'import':
          return { ...current, path: [...(current.path ?? []), ...path.slice(index)] };
        default:
          return undefined;
      }
    }
    return current;
  }
}

const CLIENT_PACKAGES: ReadonlySet<string> = new Set(CLIENT_MODULES.map((module) => module.replace(/^node:/, '')));

/** `axios`, `node:https`, `undici/…`, `@nestjs/axios`: a module an HTTP client comes from. */
function isClientModule(source: string): boolean {
  const bare = source.replace(/^node:/, '');
  return CLIENT_PACKAGES.has(bare) || CLIENT_PACKAGES.has(getPackageName(bare));
}

/**
 * Whether an object literal writes a property of that name itself: true, false when it surely
 * does not (no spread in it), undefined when it cannot be told (not a literal, a spread of
 * something else).
 */
function declaresProperty(node: TSESTree.Node, name: string): boolean | undefined {
  const object = skipTransparent(node);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (object.properties.some((property) => property.type === AST_NODE_TYPES.Property && getPropertyName(property) === name)) return true;
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement && getRequireSource(property.argument) === undefined) ? undefined : false;
}
