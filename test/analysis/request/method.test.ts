import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { EMPTY_ENV } from '../../../src/analysis/code/file-context.js';
import { classifyMethods, evaluateMethods, WRITE_METHODS } from '../../../src/analysis/request/method.js';
import { parse } from '../parse.js';

/** Evaluates the initializer of the last `method` variable in the snippet. */
function methodsOf(code: string): string[] | undefined {
  const parsed = parse(code);
  const declarator = parsed
    .all(AST_NODE_TYPES.VariableDeclarator)
    .filter((node) => node.id.type === AST_NODE_TYPES.Identifier && node.id.name === 'method')
    .at(-1);
  if (!declarator?.init) throw new Error('snippet declares no `method`');
  return evaluateMethods(declarator.init, parsed.file, EMPTY_ENV);
}

describe('evaluateMethods', () => {
  it('upper-cases string literals and plain template literals', () => {
    expect(methodsOf("const method = 'POST';")).toEqual(['POST']);
    expect(methodsOf("const method = 'post';")).toEqual(['POST']);
    expect(methodsOf("const method = 'Patch';")).toEqual(['PATCH']);
    expect(methodsOf('const method = `delete`;')).toEqual(['DELETE']);
  });

  it('follows a const holding the method', () => {
    expect(methodsOf("const VERB = 'put'; const method = VERB;")).toEqual(['PUT']);
    expect(methodsOf("const A = 'post'; const B = A; const method = B as 'post';")).toEqual(['POST']);
  });

  it('returns every branch of a ternary, deduplicated', () => {
    expect(methodsOf("declare const c: boolean; const method = c ? 'POST' : 'PUT';")).toEqual(['POST', 'PUT']);
    expect(methodsOf("declare const c: boolean; const method = c ? 'post' : 'POST';")).toEqual(['POST']);
    expect(methodsOf("declare const c: boolean; const method = c ? 'GET' : 'post';")).toEqual(['GET', 'POST']);
  });

  it('is unknown when any branch is unknown', () => {
    expect(methodsOf("declare const c: boolean; declare const m: string; const method = c ? 'POST' : m;")).toBeUndefined();
  });

  it('reads string enum members and bare enum members named after a method', () => {
    expect(methodsOf("enum Method { Create = 'post' } const method = Method.Create;")).toEqual(['POST']);
    expect(methodsOf('enum Verb { GET, POST } const method = Verb.POST;')).toEqual(['POST']);
    expect(methodsOf('enum Verb { A, B } const method = Verb.A;')).toBeUndefined();
    expect(methodsOf("enum Verb { GET = 'GET' } const method = Verb.MISSING;")).toBeUndefined();
  });

  it('reads members of const objects', () => {
    expect(methodsOf("const Methods = { create: 'POST', read: 'GET' } as const; const method = Methods.create;")).toEqual(['POST']);
    expect(methodsOf("const Methods = { read: 'GET' }; const method = Methods['read'];")).toEqual(['GET']);
  });

  it("reads an imported method enum such as Dapr's HttpMethod.POST", () => {
    expect(methodsOf("import { HttpMethod } from '@dapr/dapr'; const method = HttpMethod.POST;")).toEqual(['POST']);
    expect(methodsOf("import { HttpVerb } from '../verbs'; const method = HttpVerb.delete;")).toEqual(['DELETE']);
  });

  it('does not guess from members of unrelated imported objects', () => {
    expect(methodsOf("import { Routes } from '../routes'; const method = Routes.POST;")).toBeUndefined();
    expect(methodsOf("import { HttpMethod } from '../m'; const method = HttpMethod.SEND;")).toBeUndefined();
  });

  it('is unknown for parameters, variables a branch may have written, calls and non-strings', () => {
    expect(methodsOf('function f(m: string) { const method = m; }')).toBeUndefined();
    expect(methodsOf("declare const x: boolean; let m = 'get'; if (x) m = 'post'; const method = m;")).toBeUndefined();
    expect(methodsOf('declare function pick(): string; const method = pick();')).toBeUndefined();
    expect(methodsOf('const method = 1;')).toBeUndefined();
    expect(methodsOf("declare const v: string; const method = `${v}`;")).toBeUndefined();
  });

  it('does not throw on cycles', () => {
    expect(() => methodsOf('const a: string = b; const b: string = a; const method = a;')).not.toThrow();
    expect(() => methodsOf('const o: any = { m: o.m }; const method = o.m;')).not.toThrow();
  });
});

describe('classifyMethods', () => {
  it('classifies method lists as write, read, maybe or unknown', () => {
    expect(classifyMethods(['POST'])).toBe('write');
    expect(classifyMethods(['PUT', 'PATCH', 'DELETE'])).toBe('write');
    expect(classifyMethods(['GET'])).toBe('read');
    expect(classifyMethods(['HEAD', 'OPTIONS'])).toBe('read');
    expect(classifyMethods(['GET', 'POST'])).toBe('maybe');
    expect(classifyMethods(undefined)).toBe('unknown');
  });

  it('treats only POST, PUT, PATCH and DELETE as writes', () => {
    expect([...WRITE_METHODS].sort()).toEqual(['DELETE', 'PATCH', 'POST', 'PUT']);
    expect(classifyMethods(['TRACE'])).toBe('read');
  });
});
