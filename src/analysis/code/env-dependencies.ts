/**
 * What an evaluation read of the environment it ran in: every parameter it looked up (bound
 * or not, with the value the environment held for it) and the class of `this`. Two
 * environments that agree on all of these give the evaluation the same result, so a result
 * computed under one can be reused under the other (see `find-writes.ts`).
 */
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ClassNode, Env } from './file-context.js';

type Variable = TSESLint.Scope.Variable;

export class EnvDependencies {
  readonly #base: Env;
  /** parameter → the value the base environment binds it to (undefined: unbound) */
  readonly lookups = new Map<Variable, TSESTree.Node | undefined>();
  /** the class of `this` the base environment gave, when the evaluation asked for it */
  thisClass: { readonly value: ClassNode | undefined } | undefined;
  /** the evaluation was cut short by something outside the environment (a depth limit, a cycle): its result holds only where it ran */
  incomplete = false;

  constructor(base: Env) {
    this.#base = base;
  }

  /**
   * Records a parameter looked up in `env`, an environment derived from the base one. A
   * parameter that `env` binds to another value than the base does was bound on the way
   * (by a call the evaluation entered): the evaluation itself decided that value.
   */
  lookUp(variable: Variable, env: Env): void {
    if (!isParameter(variable)) return;
    const value = this.#base.bindings.get(variable);
    if (env.bindings.get(variable) === value) this.lookups.set(variable, value);
  }

  /** Records that the class of `this` in `env` was asked for. */
  askThisClass(env: Env): void {
    if (env.thisClass === this.#base.thisClass) this.thisClass = { value: this.#base.thisClass };
  }

  /** Takes in what an inner evaluation read of `env`, the environment it ran in (derived from the base one). */
  absorb(inner: Pick<EnvDependencies, 'lookups'> & { readonly incomplete?: boolean }, env: Env): void {
    for (const variable of inner.lookups.keys()) this.lookUp(variable, env);
    if (inner.incomplete) this.incomplete = true;
  }

  /** Does `env` agree with what was read? */
  static matches(reads: Pick<EnvDependencies, 'lookups' | 'thisClass'>, env: Env): boolean {
    if (reads.thisClass && reads.thisClass.value !== env.thisClass) return false;
    for (const [variable, value] of reads.lookups) if (env.bindings.get(variable) !== value) return false;
    return true;
  }
}

/** Only parameters are ever bound (to a call's arguments, an instance's constructor arguments). */
function isParameter(variable: Variable): boolean {
  return variable.defs.some((def) => def.type === TSESLint.Scope.DefinitionType.Parameter);
}
