/**
 * Walking ESTree nodes by visitor keys, for the few places that look at code the linter's own
 * traversal does not hand us (other files, subtrees searched on demand).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>> | TSESLint.SourceCode.VisitorKeys;

export function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The child nodes of a node, in visitor-key order. */
export function getChildren(node: TSESTree.Node, visitorKeys: VisitorKeys): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of (visitorKeys as Readonly<Record<string, readonly string[] | undefined>>)[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) children.push(item);
    } else if (isNode(child)) {
      children.push(child);
    }
  }
  return children;
}

/**
 * Depth-first walk from `root`; `visit` returns false to skip a node's children. `parent` is
 * the node a child was reached from.
 */
export function walk(
  root: TSESTree.Node,
  visitorKeys: VisitorKeys,
  visit: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => boolean | void,
): void {
  // two stacks, children pushed straight from their keys: this runs over every node of every module read
  const keysByType = visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const nodes: TSESTree.Node[] = [root];
  const parents: (TSESTree.Node | undefined)[] = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop();
    if (visit(node, parent) === false) continue;
    for (const key of keysByType[node.type] ?? NO_KEYS) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (!isNode(item)) continue;
          nodes.push(item);
          parents.push(node);
        }
      } else if (isNode(child)) {
        nodes.push(child);
        parents.push(node);
      }
    }
  }
}

const NO_KEYS: readonly string[] = [];
