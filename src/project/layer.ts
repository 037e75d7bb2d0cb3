/**
 * The project layer: what a rule sees beyond the linted file. One per process (each ESLint
 * worker thread has its own): the module graph always, and the type checker's view on top of
 * it when typed linting is on. Both answer the analysis through one interface.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import type { Binding, ClassNode, ExportUse, FileContext, FunctionLike, ImportBinding, ProjectModule, ProjectResolver, TypeOrigin } from '../analysis/code/file-context.js';
import { mentionsHttpClient } from '../analysis/file-filter.js';
import { ModuleGraph } from './graph.js';
import { Implementations } from './modules/implementations.js';
import { Importers } from './modules/importers.js';
import { MethodCallers } from './modules/method-callers.js';
import { RepositoryTexts } from './modules/repository-texts.js';
import { ModuleCache } from './modules/module-cache.js';
import { Reachability } from './modules/reach.js';
import { ModuleResolver } from './resolution/module-resolver.js';
import type { ProgramResolver } from './typed/resolver.js';
import { WorkspaceFinder } from './workspace/workspaces.js';

interface Shared {
  readonly resolver: ModuleResolver;
  readonly modules: ModuleCache;
  readonly graph: ModuleGraph;
  readonly reach: Map<(text: string) => boolean, Reachability>;
  readonly implementers: (file: string, name: string) => readonly string[];
}

let shared: Shared | undefined;

function getShared(): Shared {
  if (!shared) {
    const resolver = new ModuleResolver(new WorkspaceFinder());
    const modules = new ModuleCache();
    const reach = new Map<(text: string) => boolean, Reachability>();
    const texts = new RepositoryTexts();
    const implementers = (file: string, name: string): readonly string[] => texts.getImplementers(file, name);
    const requests = new Reachability(resolver, mentionsHttpClient, implementers);
    reach.set(mentionsHttpClient, requests);
    const importers = new Importers(resolver, modules, texts);
    const implementations = new Implementations(modules, texts);
    const methodCallers = new MethodCallers(modules, texts);
    const graph = new ModuleGraph(resolver, modules, requests, { importers, implementations, methodCallers });
    modules.resolver = graph;
    modules.onChange = () => {
      resolver.clear();
      texts.clear();
      importers.clear();
      implementations.clear();
      methodCallers.clear();
      for (const each of reach.values()) each.clear();
    };
    shared = { resolver, modules, graph, reach, implementers };
  }
  return shared;
}

export interface LayerOptions {
  /** follow imports through the module graph */
  readonly followImports: boolean;
  /** the checker's view, with typed linting */
  readonly typed?: ProgramResolver;
}

const combined = new WeakMap<ProgramResolver, CombinedResolver>();

/** The resolver a rule hands the analysis for a file; undefined when the rule looks at the file alone. */
export function getProjectResolver(options: LayerOptions): ProjectResolver | undefined {
  if (!options.followImports) return options.typed;
  const { graph } = getShared();
  if (!options.typed) return graph;
  let resolver = combined.get(options.typed);
  if (!resolver) {
    resolver = new CombinedResolver(options.typed, graph);
    combined.set(options.typed, resolver);
  }
  return resolver;
}

/**
 * Whether a file may reach what `mentions` looks for (an HTTP client, a database…) through the
 * project modules it imports, `depth` imports deep; read from texts only.
 */
export function mayReach(fileName: string, text: string, mentions: (text: string) => boolean, depth: number): boolean {
  if (mentions(text)) return true;
  if (!path.isAbsolute(fileName)) return false;
  const state = getShared();
  let reach = state.reach.get(mentions);
  if (!reach) {
    reach = new Reachability(state.resolver, mentions, state.implementers);
    state.reach.set(mentions, reach);
  }
  return reach.mayReach(fileName, text, depth);
}

/**
 * A file's path relative to the project (ESLint's working directory), `/`-separated; the path
 * as given when the file lies outside it. Filters that read folder names look at this, so that
 * where a checkout lives changes nothing.
 */
export function getProjectRelativePath(cwd: string, fileName: string): string {
  if (!path.isAbsolute(fileName)) return fileName.split(path.sep).join('/');
  const relative = path.relative(cwd, fileName);
  return relative.startsWith('..') || path.isAbsolute(relative) ? fileName : relative.split(path.sep).join('/');
}

/** The linted file's path when the project layer can resolve from it. */
export function getResolvableFileName(fileName: string): string | undefined {
  return path.isAbsolute(fileName) ? fileName : undefined;
}

/** Types first (precise), then the module graph (JavaScript, and what the program does not cover). */
class CombinedResolver implements ProjectResolver {
  readonly #typed: ProgramResolver;
  readonly #graph: ModuleGraph;

  constructor(typed: ProgramResolver, graph: ModuleGraph) {
    this.#typed = typed;
    this.#graph = graph;
    typed.files.resolver = this;
  }

  resolveImport(file: FileContext, identifier: TSESTree.Identifier | undefined, binding: ImportBinding): Binding | undefined {
    return this.#typed.resolveImport(file, identifier, binding) ?? this.#graph.resolveImport(file, identifier, binding);
  }

  getExport(module: ProjectModule, name: string): Binding | undefined {
    return this.#graph.getExport(module, name);
  }

  isExternalModule(file: FileContext, source: string): boolean {
    return this.#typed.isExternalModule(file, source) || this.#graph.isExternalModule(file, source);
  }

  resolveCallee(callee: TSESTree.Node): FunctionLike | undefined {
    return this.#typed.resolveCallee(callee);
  }

  getTypeOrigin(node: TSESTree.Node): TypeOrigin | undefined {
    return this.#typed.getTypeOrigin(node);
  }

  getTypeFacts(node: TSESTree.Node): { readonly name: string; readonly critical: boolean } | undefined {
    return this.#typed.getTypeFacts(node);
  }

  isGatewayFile(fileName: string): boolean {
    return this.#graph.isGatewayFile(fileName);
  }

  isLibraryFile(fileName: string): boolean {
    return this.#graph.isLibraryFile(fileName);
  }

  isBrowserFile(file: FileContext): boolean {
    return this.#graph.isBrowserFile(file);
  }

  getServiceName(fileName: string): string | undefined {
    return this.#graph.getServiceName(fileName);
  }

  getServicePort(fileName: string): string | undefined {
    return this.#graph.getServicePort(fileName);
  }

  dependsOn(fileName: string, prefix: string): boolean {
    return this.#graph.dependsOn(fileName, prefix);
  }

  mayReachRequests(fromFile: string, source: string, depth: number, name?: string): boolean {
    return this.#graph.mayReachRequests(fromFile, source, depth, name);
  }

  findExportUses(fileName: string, name: string, marker?: string): readonly ExportUse[] | undefined {
    return this.#graph.findExportUses(fileName, name, marker);
  }

  findImplementation(file: FileContext, declaration: TSESTree.TSInterfaceDeclaration): ClassNode | undefined {
    return this.#graph.findImplementation(file, declaration);
  }

  findMethodCalls(file: FileContext, method: TSESTree.MethodDefinition): readonly ExportUse[] | undefined {
    return this.#graph.findMethodCalls(file, method);
  }
}
