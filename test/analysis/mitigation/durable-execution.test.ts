import { describe, expect, it } from 'vitest';
import { getEnclosingStep, getEngineContext } from '../../../src/analysis/mitigation/durable-execution.js';
import { parse } from '../parse.js';

const POST = "await axios.post('http://payments:80/charges', { amount: 1 });";

/** The engine context and the enclosing step of the first `axios.post` of the snippet. */
function contextOf(code: string) {
  const parsed = parse(`import axios from 'axios';\n${code}`);
  const call = parsed.call('axios.post');
  const context = getEngineContext(call, parsed.file);
  const step = getEnclosingStep(call, parsed.file);
  return {
    engine: context?.engine.id,
    workflow: context?.workflow !== undefined,
    stepApi: context?.stepApi?.handle,
    step: step?.step.detail,
  };
}

describe('getEngineContext and getEnclosingStep', () => {
  it('inside a step: no engine context (nothing to advise), the step itself', () => {
    const code = `import { Inngest } from 'inngest';
      new Inngest({ id: 'a' }).createFunction({ id: 'f' }, { event: 'e' }, async ({ step }) => { await step.run('s', async () => { ${POST} }); });`;
    expect(contextOf(code)).toEqual({ engine: undefined, workflow: false, stepApi: undefined, step: 'Inngest step.run' });
  });

  it('workflow code: the engine, the workflow and the step API as written at the call', () => {
    const inngest = `import { Inngest } from 'inngest';
      new Inngest({ id: 'a' }).createFunction({ id: 'f' }, { event: 'e' }, async ({ step: tools }) => { ${POST} });`;
    expect(contextOf(inngest)).toEqual({ engine: 'inngest', workflow: true, stepApi: 'tools', step: undefined });
    const restate = `import * as restate from '@restatedev/restate-sdk';
      restate.service({ name: 's', handlers: { h: async (context) => { ${POST} } } });`;
    expect(contextOf(restate)).toEqual({ engine: 'restate', workflow: true, stepApi: 'context', step: undefined });
  });

  it('a step API shadowed at the call is not offered', () => {
    const code = `import { Inngest } from 'inngest';
      new Inngest({ id: 'a' }).createFunction({ id: 'f' }, { event: 'e' }, async ({ step }) => { [1].forEach(async (step) => { ${POST} }); });`;
    expect(contextOf(code)).toEqual({ engine: 'inngest', workflow: true, stepApi: undefined, step: undefined });
  });

  it('a DBOS workflow offers DBOS only when it is imported under that name', () => {
    const imported = `import { DBOS } from '@dbos-inc/dbos-sdk';
      class C { @DBOS.workflow() static async w() { ${POST} } }`;
    expect(contextOf(imported)).toEqual({ engine: 'dbos', workflow: true, stepApi: 'DBOS', step: undefined });
    const renamed = `import { DBOS as Engine } from '@dbos-inc/dbos-sdk';
      class C { @Engine.workflow() static async w() { ${POST} } }`;
    expect(contextOf(renamed)).toEqual({ engine: 'dbos', workflow: true, stepApi: undefined, step: undefined });
  });

  it('outside workflow code: the first engine the file imports, Temporal workflow modules first', () => {
    expect(contextOf(`import { Client } from '@temporalio/client'; import { proxyActivities } from '@temporalio/workflow'; export async function f() { ${POST} }`).engine).toBe(
      'temporal-workflow',
    );
    expect(contextOf(`const { tasks } = require('@trigger.dev/sdk/v3'); async function f() { ${POST} }`).engine).toBe('trigger');
    expect(contextOf(`export async function f() { ${POST} }`).engine).toBeUndefined();
  });
});
