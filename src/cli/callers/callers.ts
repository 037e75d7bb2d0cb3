/**
 * The chain of callers from a finding up to its entry points, with ts-morph's reference search.
 * Breadth-first from the function that contains the finding: each function's references lead
 * to the functions that call it, one level of depth per hop, until an entry point (see
 * entry-points.ts), the top level of a module, or the depth bound. A function expression
 * passed as an argument (`transaction(async (m) => …)`, `retry(() => …)`) is transparent: it
 * runs on behalf of the function that makes the call.
 */
import { Node, type Project, type SourceFile } from 'ts-morph';
import { CommonJsImporters, getCommonJsExport } from './commonjs-importers.js';
import { type FoundEntryPoint, getDecoratorEntries, getHandlerSlot, getRegistrationEntries, type HandlerSlot, toEntryPoint } from './entry-points.js';
import type { EntryPoint, Location } from '../model/types.js';
import { compareLocations, locationKey } from '../model/types.js';

/** Functions looked at for one finding, at most: a bound on the cost in large code bases. */
const MAX_FUNCTIONS_PER_SEARCH = 2_000;

export interface CallerSearch {
  /** sorted by file, line, label */
  readonly entryPoints: readonly EntryPoint[];
  /** `file:line:column` of the callee of every call met on the way (the place ESLint reports a call at) */
  readonly callSites: ReadonlySet<string>;
  /** the depth bound (or the size bound) stopped the search somewhere */
  readonly truncated: boolean;
}

type FunctionNode = Node;

function isFunctionNode(node: Node): boolean {
  return (
    Node.isFunctionDeclaration(node) ||
    Node.isFunctionExpression(node) ||
    Node.isArrowFunction(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isConstructorDeclaration(node) ||
    Node.isGetAccessorDeclaration(node) ||
    Node.isSetAccessorDeclaration(node)
  );
}

function getEnclosingFunction(node: Node): FunctionNode | undefined {
  return node.getFirstAncestor(isFunctionNode);
}

/** The name whose references are the function's callers, if it has one. */
function getNameNode(fn: FunctionNode): Node | undefined {
  if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn) || Node.isGetAccessorDeclaration(fn) || Node.isSetAccessorDeclaration(fn)) {
    const name = fn.getNameNode();
    return name && (Node.isIdentifier(name) || Node.isPrivateIdentifier(name) || Node.isStringLiteral(name)) ? name : undefined;
  }
  if (Node.isFunctionExpression(fn) || Node.isArrowFunction(fn)) {
    const parent = fn.getParent();
    if (Node.isVariableDeclaration(parent) || Node.isPropertyDeclaration(parent) || Node.isPropertyAssignment(parent)) {
      const name = parent.getNameNode();
      return Node.isIdentifier(name) || Node.isPrivateIdentifier(name) ? name : undefined;
    }
    // exports.handler = …, this.handler = …
    if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getText() === '=' && parent.getRight() === fn) {
      const left = parent.getLeft();
      if (Node.isPropertyAccessExpression(left)) return left.getNameNode();
    }
  }
  return undefined;
}

function isInModuleSyntax(node: Node): boolean {
  return node.getFirstAncestor((ancestor) => Node.isImportDeclaration(ancestor) || Node.isExportDeclaration(ancestor) || Node.isExportAssignment(ancestor)) !== undefined;
}

interface QueueItem {
  readonly fn: FunctionNode;
  readonly depth: number;
}

/** Searches callers in one ts-morph project; caches references and searches between findings. */
export class CallerGraph {
  private readonly references = new Map<Node, Node[]>();
  private readonly searches = new Map<Node, CallerSearch>();
  private readonly commonJs: CommonJsImporters;

  constructor(
    private readonly project: Project,
    private readonly maxDepth: number,
    /** absolute path → path relative to the mapped root */
    private readonly relative: (absolute: string) => string,
  ) {
    this.commonJs = new CommonJsImporters(project);
  }

  private getSourceFile(absoluteFile: string): SourceFile | undefined {
    return this.project.getSourceFile(absoluteFile) ?? this.project.addSourceFileAtPathIfExists(absoluteFile);
  }

  /** The caller search for the code at `line`:`column` (1-based) of a file. */
  searchFrom(absoluteFile: string, line: number, column: number): CallerSearch {
    const sourceFile = this.getSourceFile(absoluteFile);
    if (!sourceFile) return { entryPoints: [], callSites: new Set(), truncated: false };
    let position: number;
    try {
      position = sourceFile.compilerNode.getPositionOfLineAndCharacter(line - 1, column - 1);
    } catch {
      return { entryPoints: [], callSites: new Set(), truncated: false };
    }
    const node = sourceFile.getDescendantAtPos(position) ?? sourceFile;
    const start = isFunctionNode(node) ? node : getEnclosingFunction(node);
    if (!start) return { entryPoints: [], callSites: new Set(), truncated: false };
    let search = this.searches.get(start);
    if (!search) {
      search = this.search(start);
      this.searches.set(start, search);
    }
    return search;
  }

  /** The references of a name, and those that reach it through CommonJS `require` bindings. */
  private getReferences(name: Node, seen = new Set<Node>()): Node[] {
    let references = this.references.get(name);
    if (!references) {
      try {
        references = Node.isReferenceFindable(name) ? name.findReferencesAsNodes() : [];
      } catch {
        references = [];
      }
      seen.add(name);
      const required: Node[] = [];
      for (const reference of references) {
        const exported = getCommonJsExport(reference);
        if (!exported) continue;
        for (const binding of this.commonJs.bindingsOf(exported)) {
          if (!seen.has(binding)) required.push(...this.getReferences(binding, seen));
        }
      }
      references = [...references, ...required];
      this.references.set(name, references);
    }
    return references;
  }

  private location(node: Node): Location {
    const sourceFile = node.getSourceFile();
    const { line, column } = sourceFile.getLineAndColumnAtPos(node.getStart());
    return { file: this.relative(sourceFile.getFilePath()), line, column };
  }

  private search(start: FunctionNode): CallerSearch {
    const entries = new Map<string, EntryPoint>();
    const callSites = new Set<string>();
    const visited = new Set<Node>();
    const queue: QueueItem[] = [{ fn: start, depth: 0 }];
    let truncated = false;

    const addEntries = (found: readonly FoundEntryPoint[]): void => {
      for (const entry of found.map((each) => toEntryPoint(each, this.relative))) {
        entries.set(`${entry.kind}|${entry.label}|${entry.file}|${entry.line}`, entry);
      }
    };
    const enqueueCaller = (node: Node, depth: number): void => {
      const fn = getEnclosingFunction(node);
      if (fn) queue.push({ fn, depth });
    };
    /**
     * A function or a reference handed over: an entry point, or transparent (it runs for the
     * function that makes the call, which `next` queues).
     */
    const handOver = (slot: HandlerSlot, next: (call: Node) => void): boolean => {
      const found = getRegistrationEntries(slot);
      if (found.length > 0) {
        addEntries(found);
        return true;
      }
      if (slot.call) {
        next(slot.call);
        return true;
      }
      return false;
    };

    while (queue.length > 0) {
      const { fn, depth } = queue.shift()!;
      if (visited.has(fn)) continue;
      if (visited.size >= MAX_FUNCTIONS_PER_SEARCH) {
        truncated = true;
        break;
      }
      visited.add(fn);

      if (Node.isMethodDeclaration(fn)) {
        const decorated = getDecoratorEntries(fn);
        if (decorated.length > 0) {
          addEntries(decorated);
          continue;
        }
      }
      if (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || (Node.isMethodDeclaration(fn) && Node.isObjectLiteralExpression(fn.getParent()))) {
        const slot = getHandlerSlot(fn);
        if (slot && handOver(slot, (call) => enqueueCaller(call, depth))) continue;
      }

      const name = getNameNode(fn);
      if (!name) continue;
      // At the depth bound a function's references still tell whether it is a handler, but
      // its callers are not followed.
      const climb = (node: Node): void => {
        if (depth < this.maxDepth) enqueueCaller(node, depth + 1);
        else truncated = true;
      };
      for (const reference of this.getReferences(name)) {
        if (isInModuleSyntax(reference)) continue;
        let expression: Node = reference;
        const parent = reference.getParent();
        if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === reference) expression = parent;
        let holder = expression.getParent();
        // handler.bind(this) is handed over like handler; handler.call(…) / .apply(…) calls it.
        if (Node.isPropertyAccessExpression(holder) && holder.getExpression() === expression) {
          const method = holder.getName();
          const call = holder.getParent();
          if (!Node.isCallExpression(call) || call.getExpression() !== holder) continue;
          if (method === 'bind') {
            expression = call;
            holder = call.getParent();
          } else if (method === 'call' || method === 'apply') {
            callSites.add(locationKey(this.location(expression)));
            climb(call);
            continue;
          } else {
            continue;
          }
        }
        if (Node.isCallExpression(holder) && holder.getExpression() === expression) {
          callSites.add(locationKey(this.location(expression)));
          climb(holder);
          continue;
        }
        const slot = getHandlerSlot(expression);
        if (slot) handOver(slot, climb);
      }
    }

    const entryPoints = [...entries.values()].sort((a, b) => compareLocations({ ...a, column: 0 }, { ...b, column: 0 }) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    return { entryPoints, callSites, truncated };
  }
}
