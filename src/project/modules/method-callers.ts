/**
 * Who calls a public method of a project class, from anywhere in its repository: the uses a
 * rule needs to tell that a service method (`ordersService.markPaid(…)`) runs only inside a
 * message consumer of another module. Texts are read first (`.markPaid(`); only those modules
 * are parsed, and each call of that name is resolved to its method. A call of that name whose
 * receiver leads nowhere known (not a library, not another method) may be one: the answer is
 * then unknown.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { getPropertyName, skipTransparent } from '../../analysis/code/ast.js';
import { EMPTY_ENV, type ExportUse, type FileContext } from '../../analysis/code/file-context.js';
import { resolveCallTarget } from '../../analysis/code/functions.js';
import { getOrigin } from '../../analysis/code/origin.js';
import { isProjectOrigin } from '../../analysis/code/project-handles.js';
import { walk } from '../../analysis/code/walk.js';
import { getRepositoryRelativePath, isBrowserAppFile } from '../workspace/package-kind.js';
import type { ModuleCache } from './module-cache.js';
import { getSpecifierStem, type RepositoryTexts } from './repository-texts.js';

/** Past this many files calling a method of that name, its calls are not resolved: unknown. */
export const MAX_CALLING_FILES = 4;

export class MethodCallers {
  readonly #modules: ModuleCache;
  readonly #texts: RepositoryTexts;
  /** `file\0offset` of the method → its calls */
  readonly #found = new Map<string, readonly ExportUse[] | null>();
  /** file → whether it is a browser app's: asked of the same callers for every method of a name they call */
  readonly #browserFiles = new Map<string, boolean>();

  constructor(modules: ModuleCache, texts: RepositoryTexts) {
    this.#modules = modules;
    this.#texts = texts;
  }

  clear(): void {
    this.#found.clear();
    this.#browserFiles.clear();
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
    const named = this.#texts.getMemberCallers(owner, name);
    if (!named) return undefined;
    // a browser app's code runs in the browser: its `adminApi.refund(…)` calls its own client, never a class of the server
    // (past the files read to narrow a name down, none is read: the answer is unknown all the same)
    const listed = named.length > MAX_FILES_READ || this.#isBrowserFile(owner) ? named : named.filter((file) => file === owner || !this.#isBrowserFile(file));
    const calling = listed.length > MAX_CALLING_FILES ? filterReaching(this.#texts, owner, method, listed) : listed;
    // a name called all over the repository (`post`, `create`, `send`): resolving every call would cost more than it tells
    if (!calling || calling.length > MAX_CALLING_FILES) return undefined;
    const uses: ExportUse[] = [];
    for (const path of calling) {
      const module = this.#modules.get(path);
      if (!module) return undefined;
      const inModule = findCalls(module.file, name, owner, method, path === owner);
      if (!inModule) return undefined;
      uses.push(...inModule);
    }
    return uses;
  }

  /** A file of a browser app (by its package's UI framework, its folder or its imports): it runs in a browser, not in a server's process. */
  #isBrowserFile(file: string): boolean {
    let known = this.#browserFiles.get(file);
    if (known === undefined) {
      const text = this.#texts.getText(file) ?? '';
      known = isBrowserAppFile(file, getRepositoryRelativePath(file) ?? path.basename(file), text);
      this.#browserFiles.set(file, known);
    }
    return known;
  }
}

/**
 * Of the files that call a member of the method's name, those that may reach its class: they
 * name the class (`BillingClient`, or an instance `billingClient`, whatever the case) or import
 * its module (`./billing.client`, or the folder it is the index of). A `grant(` called in ten
 * services is then searched only in the one whose client class declares it. Undefined when too
 * many files call that name to read them all.
 */
function filterReaching(texts: RepositoryTexts, owner: string, method: TSESTree.MethodDefinition, files: readonly string[]): readonly string[] | undefined {
  if (files.length > MAX_FILES_READ) return undefined;
  const cls = method.parent.parent;
  const className = cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression ? cls.id?.name : undefined;
  if (className === undefined) return undefined;
  const stem = getSpecifierStem(path.basename(owner));
  const importing = new Set([...(texts.getImportersOf(owner, stem) ?? []), ...(stem === 'index' ? (texts.getImportersOf(owner, path.basename(path.dirname(owner))) ?? []) : [])]);
  const needle = className.toLowerCase();
  return files.filter((file) => file === owner || importing.has(file) || (texts.getText(file)?.toLowerCase().includes(needle) ?? true));
}

/** Past this many files calling a member of that name, none is read to narrow them down. */
const MAX_FILES_READ = 40;

/** The calls `x.name(…)` of a module that reach the method, and its bindings `x.name.bind(x)`; undefined when one may and cannot be told. */
function findCalls(file: FileContext, name: string, owner: string, method: TSESTree.MethodDefinition, isOwner: boolean): ExportUse[] | undefined {
  const uses: ExportUse[] = [];
  for (const callee of getMemberCalls(file).get(name) ?? []) {
    // calls through `this` in the method's own file are its class's own uses, read there
    if (isOwner && skipTransparent(callee.object).type === AST_NODE_TYPES.ThisExpression) continue;
    const target = resolveCallTarget(callee, file, EMPTY_ENV);
    if (target) {
      if (file.fileOf(target.fn).fileName === owner && target.fn.range[0] === method.value.range[0]) uses.push({ file, node: callee });
      continue;
    }
    // a library's method of the same name (`axios.post`, `stripe.paymentIntents.capture`) is not a use
    const origin = getOrigin(callee.object, file);
    if (!origin || (isProjectOrigin(origin) && !file.resolver?.isExternalModule(file, origin.module))) return undefined;
  }
  return uses;
}

/**
 * A module's called members by member name, collected on one walk: `x.name` of `x.name(…)`, and
 * of `x.name.bind(x)`, a method handed on to be called later.
 */
const memberCalls = new WeakMap<FileContext, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();

function getMemberCalls(file: FileContext): ReadonlyMap<string, readonly TSESTree.MemberExpression[]> {
  let byName = memberCalls.get(file);
  if (!byName) {
    const collected = new Map<string, TSESTree.MemberExpression[]>();
    const add = (member: TSESTree.MemberExpression): void => {
      const name = getPropertyName(member);
      if (name === undefined) return;
      const list = collected.get(name);
      if (list) list.push(member);
      else collected.set(name, [member]);
    };
    walk(file.sourceCode.ast, file.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = skipTransparent(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const bound = skipTransparent(callee.object);
      if (getPropertyName(callee) === 'bind' && bound.type === AST_NODE_TYPES.MemberExpression) add(bound);
      else add(callee);
    });
    byName = collected;
    memberCalls.set(file, byName);
  }
  return byName;
}
