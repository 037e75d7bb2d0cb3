/**
 * What an evaluation read of its environment (src/analysis/code/env-dependencies.ts): the
 * record that decides when a call found to lead to no request can be skipped under another
 * environment.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { EnvDependencies } from '../../../src/analysis/code/env-dependencies.js';
import { EMPTY_ENV, type ClassNode, type Env } from '../../../src/analysis/code/file-context.js';
import { parse } from '../parse.js';

const code = `
const LIMIT = 3;
class Ledger {}
class Audit extends Ledger {}
function send(url, body) {
  return [url, body, LIMIT];
}
send('/a', { amount: 1 });
send('/b', { amount: 2 });
`;

function setup() {
  const parsed = parse(code);
  const variable = (name: string): TSESLint.Scope.Variable => {
    const identifier = parsed.all(AST_NODE_TYPES.Identifier).find((node) => node.name === name)!;
    return parsed.file.findVariable(identifier)!;
  };
  const [first, second] = parsed.all(AST_NODE_TYPES.Literal).filter((node) => typeof node.value === 'string') as TSESTree.Node[];
  const classes = parsed.all(AST_NODE_TYPES.ClassDeclaration) as ClassNode[];
  const env = (bindings: [TSESLint.Scope.Variable, TSESTree.Node][], thisClass?: ClassNode): Env => ({ ...EMPTY_ENV, bindings: new Map(bindings), thisClass });
  return { url: variable('url'), body: variable('body'), limit: variable('LIMIT'), first: first!, second: second!, ledger: classes[0]!, audit: classes[1]!, env };
}

describe('EnvDependencies', () => {
  it('records a parameter looked up with the value the environment binds it to, or as unbound', () => {
    const { url, body, first, env } = setup();
    const base = env([[url, first]]);
    const dependencies = new EnvDependencies(base);
    dependencies.lookUp(url, base);
    dependencies.lookUp(body, base);
    expect([...dependencies.lookups]).toEqual([
      [url, first],
      [body, undefined],
    ]);
  });

  it('ignores variables that are not parameters: nothing ever binds them', () => {
    const { limit, env } = setup();
    const base = env([]);
    const dependencies = new EnvDependencies(base);
    dependencies.lookUp(limit, base);
    expect(dependencies.lookups.size).toBe(0);
  });

  it('ignores a parameter bound on the way to another value than the base gives it', () => {
    const { url, first, second, env } = setup();
    const base = env([[url, first]]);
    const dependencies = new EnvDependencies(base);
    dependencies.lookUp(url, env([[url, second]]));
    expect(dependencies.lookups.size).toBe(0);
  });

  it('matches an environment that agrees on every lookup, and no other', () => {
    const { url, body, first, second, env } = setup();
    const base = env([[url, first]]);
    const dependencies = new EnvDependencies(base);
    dependencies.lookUp(url, base);
    dependencies.lookUp(body, base);
    expect(EnvDependencies.matches(dependencies, env([[url, first]]))).toBe(true);
    expect(EnvDependencies.matches(dependencies, env([[url, second]]))).toBe(false);
    // a parameter read as unbound must stay unbound
    expect(EnvDependencies.matches(dependencies, env([[url, first], [body, second]]))).toBe(false);
  });

  it('holds the class of `this` to the one the evaluation asked for', () => {
    const { ledger, audit, env } = setup();
    const base = env([], audit);
    const dependencies = new EnvDependencies(base);
    expect(EnvDependencies.matches(dependencies, env([], ledger))).toBe(true);
    dependencies.askThisClass(base);
    expect(EnvDependencies.matches(dependencies, env([], audit))).toBe(true);
    expect(EnvDependencies.matches(dependencies, env([], ledger))).toBe(false);
    expect(EnvDependencies.matches(dependencies, env([]))).toBe(false);
  });

  it('takes in what an inner evaluation read, except what the call into it bound', () => {
    const { url, body, first, second, env } = setup();
    const outer = env([[url, first]]);
    const dependencies = new EnvDependencies(outer);
    // the call entered binds `body`; `url` comes through from the outer environment
    const inner = env([[url, first], [body, second]]);
    const innerDependencies = new EnvDependencies(inner);
    innerDependencies.lookUp(url, inner);
    innerDependencies.lookUp(body, inner);
    innerDependencies.incomplete = true;
    dependencies.absorb(innerDependencies, inner);
    expect([...dependencies.lookups]).toEqual([[url, first]]);
    expect(dependencies.incomplete).toBe(true);
  });
});
