/**
 * Who calls a public method of a project class, from anywhere in its repository: the uses a
 * rule needs to tell that a service method (`ordersService.markPaid(…)`) runs only inside a
 * message consumer of another module. Texts are read first (`.markPaid(`); only those modules
 * are parsed, and each call of that name is resolved to its method. A call of that name whose
 * receiver leads nowhere known (not a library, not another method) may be one: the answer is
 * then unknown.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getPropertyName, skipTransparent } from '../../analysis/code/ast.js';
import { EMPTY_ENV, type ExportUse, type FileContext } from '../../analysis/code/file-context.js';
import { resolveCallTarget } from '../../analysis/code/functions.js';
import { getOrigin } from '../../analysis/code/origin.js';
import { isProjectOrigin } from '../../analysis/code/project-handles.js';
import { walk } from '../../analysis/code/walk.js';
import type { ModuleCache } from './module-cache.js';
import type { RepositoryTexts } from './repository-texts.js';

export class MethodCallers {
  readonly #modules: ModuleCache;
  readonly #texts: RepositoryTexts;
  /** `file\0offset` of the method → its calls */
  readonly #found = new Map<string, readonly ExportUse[] | null>();

  constructor(modules: ModuleCache, texts: RepositoryTexts) {
    this.#modules = modules;
    this.#texts = texts;
  }

  clear(): void {
    this.#found.clear();
  }

  /** Every call of the method in the repository (tests aside), but those through `this` in its own file. */
  find(file: FileContext, method: TSESTree.MethodDefinition): readonly ExportUse[] | undefined {
    const fileName = file.fileName;
    const name = getPropertyName(method);
    if (fileName === undefined || name === undefined) return undefined;
    const key = `${fileName}\0${method.range[0]}`;
    let found = this.#found.get(key);
    if (found === undefined) {
      found = this.#search(fileName, name, method) ?? null;
      this.#found.set(key, found);
    }
    return found ?? undefined;
  }

  #search(owner: string, name: string, method: TSESTree.MethodDefinition): readonly ExportUse[] | undefined {
    const files = this.#texts.getFiles(owner);
    if (!files) return undefined;
    const uses: ExportUse[] = [];
    for (const path of files) {
      const text = this.#texts.getText(path);
      if (text === null) return undefined;
      if (!text.includes(`.${name}(`) && !text.includes(`.${name}<`)) continue;
      const module = this.#modules.get(path);
      if (!module) return undefined;
      const inModule = findCalls(module.file, name, owner, method, path === owner);
      if (!inModule) return undefined;
      uses.push(...inModule);
    }
    return uses;
  }
}

/** The calls `x.name(…)` of a module that reach the method; undefined when one may and cannot be told. */
function findCalls(file: FileContext, name: string, owner: string, method: TSESTree.MethodDefinition, isOwner: boolean): ExportUse[] | undefined {
  const uses: ExportUse[] = [];
  let unknown = false;
  walk(file.sourceCode.ast, file.visitorKeys, (node) => {
    if (unknown) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== name) return true;
    // calls through `this` in the method's own file are its class's own uses, read there
    if (isOwner && skipTransparent(callee.object).type === AST_NODE_TYPES.ThisExpression) return true;
    const target = resolveCallTarget(callee, file, EMPTY_ENV);
    if (target) {
      if (file.fileOf(target.fn).fileName === owner && target.fn.range[0] === method.value.range[0]) uses.push({ file, node: callee });
      return true;
    }
    // a library's method of the same name (`axios.post`, `repository.create`) is not a use
    const origin = getOrigin(callee.object, file);
    if (!origin || isProjectOrigin(origin)) unknown = true;
    return true;
  });
  return unknown ? undefined : uses;
}
