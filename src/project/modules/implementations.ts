/**
 * Which class implements a project interface. An instance typed with an interface and injected
 * by a token (`@Inject(S2S_CLIENT) private readonly s2s: IS2SClient`, bound in a module's
 * providers to `HttpS2SAdapter`) is an instance of the interface's one implementation. Texts are
 * read first; only a module that writes `implements <name>` is parsed. None, several (tests
 * aside), or a repository too large to read: unknown.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { ClassNode, FileContext } from '../../analysis/code/file-context.js';
import type { ModuleCache } from './module-cache.js';
import type { RepositoryTexts } from './repository-texts.js';

export class Implementations {
  readonly #modules: ModuleCache;
  readonly #texts: RepositoryTexts;
  /** `file\0offset` of the interface → its one implementation */
  readonly #found = new Map<string, ClassNode | null>();

  constructor(modules: ModuleCache, texts: RepositoryTexts) {
    this.#modules = modules;
    this.#texts = texts;
  }

  clear(): void {
    this.#found.clear();
  }

  /** The one class of the repository that implements the interface declared in `file`. */
  find(file: FileContext, declaration: TSESTree.TSInterfaceDeclaration): ClassNode | undefined {
    const fileName = file.fileName;
    if (fileName === undefined) return undefined;
    const key = `${fileName}\0${declaration.range[0]}`;
    let found = this.#found.get(key);
    if (found === undefined) {
      found = this.#search(fileName, declaration) ?? null;
      this.#found.set(key, found);
    }
    return found ?? undefined;
  }

  #search(fileName: string, declaration: TSESTree.TSInterfaceDeclaration): ClassNode | undefined {
    // past the bound on files the repository is not read: the implementation is unknown
    if (!this.#texts.getFiles(fileName)) return undefined;
    const found: ClassNode[] = [];
    for (const file of this.#texts.getImplementers(fileName, declaration.id.name)) {
      const module = this.#modules.get(file);
      if (!module) continue;
      for (const cls of getTopLevelClasses(module.file.sourceCode.ast)) {
        if (implementsInterface(cls, module.file, fileName, declaration)) found.push(cls);
      }
      if (found.length > 1) return undefined;
    }
    return found.length === 1 ? found[0] : undefined;
  }
}

function getTopLevelClasses(program: TSESTree.Program): ClassNode[] {
  const classes: ClassNode[] = [];
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration) classes.push(declaration);
  }
  return classes;
}

/** `class HttpS2SAdapter implements IS2SClient`, where `IS2SClient` is the interface declared at that place. */
function implementsInterface(cls: ClassNode, file: FileContext, fileName: string, declaration: TSESTree.TSInterfaceDeclaration): boolean {
  return (cls.implements ?? []).some((clause) => {
    if (clause.expression.type !== AST_NODE_TYPES.Identifier) return false;
    const binding = file.getBinding(clause.expression);
    if (binding?.kind !== 'interface') return false;
    // the declaration may be another copy of the same module (the linted file's own tree): compared by place
    return file.fileOf(binding.node).fileName === fileName && binding.node.range[0] === declaration.range[0];
  });
}
