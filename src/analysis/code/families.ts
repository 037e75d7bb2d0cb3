/**
 * Matches an origin against a catalog of families (HTTP clients, brokers, ORMs): which root
 * it starts from, the factories it went through, and what is left of its path.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Env } from './file-context.js';
import type { Origin, Step } from './origin.js';

/** A config argument of a root or factory call, with the bindings the call was made with (inside a project factory). */
export interface ConfigArgument {
  readonly node: TSESTree.Node;
  readonly env: Env | undefined;
}

interface RootLike {
  readonly module: string;
  readonly path: readonly string[];
  readonly kind: string;
}

interface FamilyLike {
  readonly factories?: Readonly<Record<string, { readonly via: 'call' | 'property' | 'new'; readonly kind: string; readonly configArg?: number }>>;
  /** members running a callback whose parameter is a handle of `kind` (`prisma.$transaction(async (tx) => …)`) */
  readonly transactions?: Readonly<Record<string, { readonly arg: number | 'last'; readonly param: number; readonly kind: string }>>;
}

const CALLBACK_PARAM = /^<arg(\d+)\.param(\d+)>$/;

export interface FamilyMatch<F> {
  readonly family: F;
  /** steps after the root and factories: `[get post]` */
  readonly rest: readonly Step[];
  /** config arguments of the root call and the factories, outermost first */
  readonly configs: readonly ConfigArgument[];
}

export function stepToken(step: Step): string {
  switch (step.kind) {
    case 'get':
      return step.name;
    case 'call':
      return '()';
    case 'new':
      return 'new';
    case 'instance':
      return '<instance>';
  }
}

/** An index of roots by module, built once per catalog. */
export class FamilyCatalog<F extends FamilyLike> {
  readonly #rootsByModule = new Map<string, RootLike[]>();
  readonly #families: ReadonlyMap<string, F>;

  constructor(roots: readonly RootLike[], families: ReadonlyMap<string, F>) {
    // longest root first: `axios › AxiosInstance › <instance>` before the bare `axios` default export
    for (const root of [...roots].sort((a, b) => b.path.length - a.path.length)) {
      const list = this.#rootsByModule.get(root.module) ?? [];
      list.push(root);
      this.#rootsByModule.set(root.module, list);
    }
    this.#families = families;
  }

  get modules(): string[] {
    return [...this.#rootsByModule.keys()];
  }

  match(origin: Origin): FamilyMatch<F> | undefined {
    const roots = this.#rootsByModule.get(origin.module);
    if (!roots) return undefined;
    const tokens = origin.steps.map(stepToken);
    for (const root of roots) {
      if (root.path.length > tokens.length || !root.path.every((token, index) => tokens[index] === token)) continue;
      let family = this.#families.get(root.kind)!;
      const configs: ConfigArgument[] = [];
      const rootStep = root.path.length > 0 ? origin.steps[root.path.length - 1] : undefined;
      if (rootStep && (rootStep.kind === 'call' || rootStep.kind === 'new') && rootStep.node.arguments[0]) {
        configs.push({ node: rootStep.node.arguments[0], env: rootStep.kind === 'call' ? rootStep.env : undefined });
      }
      let index = root.path.length;
      for (;;) {
        const token = tokens[index];
        const transaction = token === undefined ? undefined : getOwn(family.transactions, token);
        if (transaction) {
          const call = origin.steps[index + 1];
          const param = CALLBACK_PARAM.exec(tokens[index + 2] ?? '');
          if (call?.kind !== 'call' || !param) break;
          const arg = Number(param[1]);
          const expectedArg = transaction.arg === 'last' ? call.node.arguments.length - 1 : transaction.arg;
          if (arg !== expectedArg || Number(param[2]) !== transaction.param) break;
          family = this.#families.get(transaction.kind)!;
          index += 3;
          continue;
        }
        const factory = token === undefined ? undefined : getOwn(family.factories, token);
        if (!factory) break;
        if (factory.via === 'new' && token === 'new') {
          // constructing the handle itself: `new Order(doc)` on a Mongoose model
          const step = origin.steps[index];
          const config = step?.kind === 'new' && factory.configArg !== undefined ? step.node.arguments[factory.configArg] : undefined;
          if (config) configs.push({ node: config, env: undefined });
          index += 1;
        } else if (factory.via === 'property') {
          index += 1;
        } else {
          const step = origin.steps[index + 1];
          if (step?.kind !== (factory.via === 'call' ? 'call' : 'new')) break;
          const config = factory.configArg === undefined ? undefined : step.node.arguments[factory.configArg];
          if (config) configs.push({ node: config, env: step.kind === 'call' ? step.env : undefined });
          index += 2;
        }
        family = this.#families.get(factory.kind)!;
      }
      return { family, rest: origin.steps.slice(index), configs };
    }
    return undefined;
  }
}

function getOwn<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}
