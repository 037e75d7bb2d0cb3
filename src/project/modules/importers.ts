/**
 * Who uses an export of a module, from the other modules of its repository: what a rule needs to
 * tell that a function exported for one message consumer runs only inside it. Texts are read
 * first; only a module that names the export and imports the module is parsed. The answer is
 * unknown (undefined) whenever a use could hide: a re-export of the module, a `require` out of
 * sight, the module handed on whole, a repository too large to read.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import path from 'node:path';
import { getPatternNames } from '../../analysis/code/ast.js';
import type { ExportUse, FileContext } from '../../analysis/code/file-context.js';
import type { ModuleResolver } from '../resolution/module-resolver.js';
import type { ModuleCache } from './module-cache.js';
import { getImportedNames, getPassedOnName } from './reach.js';
import type { RepositoryTexts } from './repository-texts.js';

/** Barrels passing an export on to another barrel, followed at most. */
const MAX_BARRELS = 3;

/** A module that may pass on another's exports without naming them: `export * from`, `exports … require(`. */
const MAY_RE_EXPORT = /\bexport\s*\*|\bexports\b[^\n]*\brequire\s*\(/;

export class Importers {
  readonly #resolver: ModuleResolver;
  readonly #modules: ModuleCache;
  readonly #texts: RepositoryTexts;
  /** `file\0name` → the uses found */
  readonly #found = new Map<string, readonly ExportUse[] | null>();

  constructor(resolver: ModuleResolver, modules: ModuleCache, texts: RepositoryTexts) {
    this.#resolver = resolver;
    this.#modules = modules;
    this.#texts = texts;
  }

  clear(): void {
    this.#found.clear();
  }

  /**
   * Every use of the export `name` of `fileName` in the other source files of its repository
   * (tests, seeds and scripts aside): the identifier or member expression that stands for it.
   * With `marker`, only the modules whose text holds it are read.
   */
  find(fileName: string, name: string, marker = name, barrels = 0): readonly ExportUse[] | undefined {
    const key = `${fileName}\0${name}\0${marker}`;
    let found = this.#found.get(key);
    if (found === undefined) {
      // a chain of barrels longer than this, or one that leads back: out of sight
      this.#found.set(key, null);
      found = barrels > MAX_BARRELS ? null : (this.#search(fileName, name, marker, barrels) ?? null);
      this.#found.set(key, found);
    }
    return found ?? undefined;
  }

  #search(target: string, name: string, marker: string, barrels: number): readonly ExportUse[] | undefined {
    // a file that could not be read may import the target: its uses would be out of sight
    if (!this.#texts.isReadable(target)) return undefined;
    const stem = getModuleStem(target);
    // a specifier that leads to `billing.js` ends with `billing`; an index is reached by its folder or a package name: every file
    const candidates = stem === undefined ? this.#texts.getFiles(target) : this.#texts.getImportersOf(target, stem);
    if (!candidates) return undefined;
    const uses: ExportUse[] = [];
    for (const file of candidates) {
      if (file === target) continue;
      const text = this.#texts.getText(file);
      if (text === null) return undefined;
      const mentions = text.includes(marker);
      if (!mentions && !text.includes(name) && !MAY_RE_EXPORT.test(text)) continue;
      const sources = [...getImportedNames(text).keys()].filter((source) => this.#leadsTo(file, source, target));
      if (sources.length === 0) continue;
      // a barrel that passes ours on (`export { X } from './x'`, `export * from`): the uses of its importers
      let passesOn = false;
      for (const source of sources) {
        const passed = getPassedOnName(text, source, name);
        if (passed === null) continue;
        passesOn = true;
        // passed on by CommonJS or as a namespace: its importers' uses are out of sight
        const further = passed === undefined ? undefined : this.find(file, passed, marker.split(name).join(passed), barrels + 1);
        if (!further) return undefined;
        uses.push(...further);
      }
      if (!mentions) continue;
      const module = this.#modules.get(file);
      if (!module) return undefined;
      const inModule = findUses(module.file, name, (source) => this.#leadsTo(file, source, target), passesOn);
      if (!inModule) return undefined;
      uses.push(...inModule);
    }
    return uses;
  }

  #leadsTo(fromFile: string, source: string, target: string): boolean {
    const resolution = this.#resolver.resolve(fromFile, source);
    return resolution.kind === 'file' && resolution.path === target;
  }
}

/** What every specifier leading to a module ends with (`billing` for `src/billing.ts`); undefined for an index. */
function getModuleStem(fileName: string): string | undefined {
  const stem = path.basename(fileName).replace(/\.[^.]*$/, '');
  return stem === 'index' ? undefined : stem;
}


/**
 * The uses of export `name` in a module, through its top-level imports and `require`s of the
 * target (`leadsTo`); undefined when the module imports the target in a way whose uses cannot
 * all be seen. A module that `passesOn` the export names it in its re-export without importing it.
 */
function findUses(file: FileContext, name: string, leadsTo: (source: string) => boolean, passesOn: boolean): ExportUse[] | undefined {
  const uses: ExportUse[] = [];
  let bound = false;
  for (const identifier of getTopLevelImports(file.sourceCode.ast)) {
    const binding = file.getImportBinding(identifier);
    if (!binding || !leadsTo(binding.source)) continue;
    bound = true;
    const variable = file.findVariable(identifier);
    if (!variable) return undefined;
    const references = variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Identifier);
    const property = binding.imported === undefined ? binding.path?.[0] : undefined;
    const depth = binding.path?.length ?? 0;
    if (binding.imported === name || (property === name && depth === 1)) {
      // `import { handle } from './m'`, `const { handle } = require('./m')`
      uses.push(...references.map((node) => ({ file, node })));
    } else if (binding.imported === '*' || binding.imported === 'default' || (binding.imported === undefined && depth === 0)) {
      // the module whole: `import * as m`, `import m from`, `const m = require('./m')`; its `m.handle` are uses
      for (const reference of references) {
        const member = reference.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference) return undefined;
        if (getMemberName(member) === name) uses.push({ file, node: member });
      }
    }
  }
  // imported somewhere out of sight (inside a function, `import()`): its uses are unknown
  return bound || passesOn ? uses : undefined;
}

function getMemberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  return member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string' ? member.property.value : undefined;
}

/** The identifiers a module binds by its top-level imports and declarations: `getImportBinding` tells which are `require`s. */
function getTopLevelImports(program: TSESTree.Program): TSESTree.Identifier[] {
  const identifiers: TSESTree.Identifier[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind !== 'type') identifiers.push(...statement.specifiers.map((specifier) => specifier.local));
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) if (declarator.init) identifiers.push(...getPatternNames(declarator.id));
    }
  }
  return identifiers;
}
