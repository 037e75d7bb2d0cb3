/**
 * Durable execution engines (issue 14): a call inside a durable step (a Temporal activity, a
 * Restate `ctx.run`, an Inngest `step.run`, a DBOS step, a Trigger.dev task's `run`, a
 * Cloudflare `step.do`, an Azure Durable Functions activity) is not reported: the engine
 * records the step once it completes and retries it until it does. The same call in workflow
 * code outside a step, or in a plain function of the same file, is reported, and the message
 * says which engine the file uses and where the call belongs in it. Where the step API is in
 * scope, the first suggestion wraps the call in a step; where only the engine's client is,
 * it sends the event or starts the workflow. Every suggestion's output is linted again and
 * not reported.
 */
import path from 'node:path';
import { describe } from 'vitest';
import {
  durableStep,
  inngestEvent,
  js,
  jsTester,
  outbox,
  outputsOf,
  rewrite,
  rule,
  RULE_NAME,
  temporalStart,
  triggerTask,
  ts,
  tsTester,
} from './helpers.js';

const PAYMENTS = ['service "payments"', 'path "/payments"'];
/** The request every case makes, and what its suggestions replace. */
const CHARGE = 'axios.post(`${process.env.PAYMENTS_SERVICE_URL}/payments`, { orderId: order.id, amount: order.total })';
const SPEC = { replaced: CHARGE, topic: 'payments.created', name: 'payments.create', payload: '{ orderId: order.id, amount: order.total }' };
const REPORT = { at: 'axios.post', request: 'POST /payments', service: 'payments', evidence: PAYMENTS };

const INNGEST = 'Inngest: run it in `step.run`';
const RESTATE = 'Restate: run it in `ctx.run`';
const DBOS = 'DBOS: run it in a step (`DBOS.runStep` or a `@DBOS.step()` method)';
const CLOUDFLARE = 'Cloudflare Workflows: run it in `step.do`';
const TEMPORAL_WORKFLOW = 'Temporal: make it an activity and call it through `proxyActivities`';
const TEMPORAL_CLIENT = 'Temporal: make it in an activity of a workflow started with `client.workflow.start`';
const TRIGGER = "Trigger.dev: move it into a task's `run` (`task({ id, run })`) and trigger the task with `tasks.trigger`";
const AZURE = 'Azure Durable Functions: make it in an activity (`df.app.activity`) called with `context.df.callActivity`';

const inngestStep = (handle = 'step') => durableStep('Inngest', `${handle}.run`, (name, call) => `${handle}.run(${name}, () => ${call})`);
const restateStep = (handle = 'ctx') => durableStep('Restate', `${handle}.run`, (name, call) => `${handle}.run(${name}, () => ${call})`);
const cloudflareStep = (handle = 'step') => durableStep('Cloudflare Workflows', `${handle}.do`, (name, call) => `${handle}.do(${name}, () => ${call})`);
const dbosStep = durableStep('DBOS', 'DBOS.runStep', (name, call) => `DBOS.runStep(() => ${call}, { name: ${name} })`);

describe('Temporal', () => {
  const fulfilment = path.resolve(import.meta.dirname, '../../../fixtures/fulfilment');
  const invalid = [
    ts.invalid(
      `import axios from 'axios';
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';

const { reserveStock } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });

export async function fulfilOrder(order: { id: string; total: number }): Promise<void> {
  await reserveStock(order.id);
  await ${CHARGE};
}
`,
      { ...REPORT, engine: TEMPORAL_WORKFLOW, suggest: rewrite(SPEC, outbox()) },
      { filename: 'src/workflows.ts', name: 'workflow code is never an activity: reported, and told to make the call an activity' },
    ),
    ts.invalid(
      `import axios from 'axios';
import { proxyActivities } from '@temporalio/workflow';

export async function charge(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}
`,
      { ...REPORT, engine: TEMPORAL_WORKFLOW, suggest: rewrite(SPEC, outbox()) },
      { filename: 'src/activities/charge.ts', name: 'an activities folder does not make workflow code an activity' },
    ),
    ts.invalid(
      `import axios from 'axios';

export async function charge(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}
`,
      { ...REPORT, suggest: rewrite(SPEC, outbox()) },
      { filename: 'src/activities.ts', name: 'a module named activities that shows nothing of Temporal is ordinary code' },
    ),
    ts.invalid(
      `import axios from 'axios';
import { Client, Connection } from '@temporalio/client';

const client = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS }) });

export async function checkout(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}
`,
      { ...REPORT, engine: TEMPORAL_CLIENT, suggest: rewrite(SPEC, temporalStart('client'), outbox()) },
      { name: 'a Temporal Client in scope: start a workflow instead' },
    ),
  ];
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ...outputsOf(invalid),
      ts.valid(
        `import axios from 'axios';
import { ApplicationFailure } from '@temporalio/common';

export async function charge(order: { id: string; total: number }): Promise<void> {
  if (order.total <= 0) throw ApplicationFailure.nonRetryable('nothing to charge');
  await ${CHARGE};
}
`,
        { filename: 'src/activities.ts', name: 'activities.ts that imports from Temporal: its functions are activities' },
      ),
      ts.valid(
        `import axios from 'axios';
import { Client } from '@temporalio/client';

export async function charge(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}
`,
        { filename: 'src/payments.activities.ts', name: 'a …activities.ts module that imports a Temporal client' },
      ),
      ts.valid(
        `import axios from 'axios';
import { heartbeat } from '@temporalio/activity';

export async function charge(order: { id: string; total: number }): Promise<void> {
  heartbeat();
  await ${CHARGE};
}
`,
        { filename: 'src/billing/charge.ts', name: 'a module importing @temporalio/activity holds activities wherever it is' },
      ),
      ts.valid(
        `import axios from 'axios';

export async function charge(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}
`,
        { filename: path.join(fulfilment, 'src/activities/charge.ts'), name: 'an activities folder of a package that depends on Temporal' },
      ),
      ts.valid(
        `import axios from 'axios';
import { NativeConnection, Worker } from '@temporalio/worker';

async function charge(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}

const worker = await Worker.create({
  connection: await NativeConnection.connect(),
  taskQueue: 'payments',
  workflowsPath: require.resolve('./workflows'),
  activities: {
    charge,
    async refund(order: { id: string; total: number }) {
      await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`, { orderId: order.id, amount: order.total });
    },
  },
});
await worker.run();
`,
        { filename: 'src/worker.ts', name: 'functions given to Worker.create as activities, by name or inline' },
      ),
      ts.valid(
        `import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';

const { charge } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });

export async function fulfilOrder(order: { id: string; total: number }): Promise<void> {
  await charge(order);
}
`,
        { filename: 'src/workflows.ts', name: 'a workflow calling its activities through proxyActivities makes no request' },
      ),
    ],
    invalid,
  });
});

describe('Restate', () => {
  const invalid = [
    ts.invalid(
      `import axios from 'axios';
import * as restate from '@restatedev/restate-sdk';

export const checkout = restate.service({
  name: 'checkout',
  handlers: {
    process: async (ctx: restate.Context, order: { id: string; total: number }) => {
      await ${CHARGE};
    },
  },
});
`,
      { ...REPORT, engine: RESTATE, suggest: rewrite(SPEC, restateStep(), outbox()) },
      { name: 'a service handler outside ctx.run: wrap it in ctx.run' },
    ),
    ts.invalid(
      `import axios from 'axios';
import { object, type ObjectContext } from '@restatedev/restate-sdk';

export const cart = object({
  name: 'cart',
  handlers: {
    async checkout(context: ObjectContext, order: { id: string; total: number }) {
      const receipt = await ${CHARGE};
      return receipt.data;
    },
  },
});
`,
      { ...REPORT, engine: RESTATE, suggest: rewrite({ ...SPEC, responseUsed: true }, restateStep('context'), outbox()) },
      { name: 'a virtual object handler (method shorthand) whose response is used: the step keeps it, as JSON' },
    ),
    ts.invalid(
      `import axios from 'axios';

const ctx = { run: async (name: string, action: () => Promise<unknown>) => action() };

export async function charge(order: { id: string; total: number }): Promise<void> {
  await ctx.run('charge', async () => {
    await ${CHARGE};
  });
}
`,
      { ...REPORT, suggest: rewrite(SPEC, outbox()) },
      { name: 'a `ctx.run` of the project is not Restate' },
    ),
  ];
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ...outputsOf(invalid),
      ts.valid(
        `import axios from 'axios';
import * as restate from '@restatedev/restate-sdk';

export const checkout = restate.service({
  name: 'checkout',
  handlers: {
    process: async (ctx: restate.Context, order: { id: string; total: number }) => {
      await ctx.run('charge', () => ${CHARGE});
    },
  },
});
`,
        { name: 'ctx.run in a service handler' },
      ),
      ts.valid(
        `import axios from 'axios';
import * as restate from '@restatedev/restate-sdk';

export const payment = restate.workflow({
  name: 'payment',
  handlers: {
    run: async (ctx, order: { id: string; total: number }) => {
      const receipt = await ctx.run(async () => {
        const response = await ${CHARGE};
        return response.data;
      });
      return receipt;
    },
    status: restate.handlers.workflow.shared(async (ctx) => ctx.get('status')),
  },
});
`,
        { name: 'ctx.run without a name, in a workflow handler whose ctx has no type' },
      ),
      ts.valid(
        `import axios from 'axios';
import * as restate from '@restatedev/restate-sdk';

export const cart = restate.object({
  name: 'cart',
  handlers: {
    checkout: restate.handlers.object.exclusive(async (ctx, order: { id: string; total: number }) => {
      await ctx.run('charge', () => ${CHARGE});
    }),
  },
});
`,
        { name: 'a handler wrapped in restate.handlers.object.exclusive' },
      ),
      ts.valid(
        `import axios from 'axios';
import type { Context } from '@restatedev/restate-sdk';

export async function charge(ctx: Context, order: { id: string; total: number }): Promise<void> {
  await ctx.run('charge', () => ${CHARGE});
}
`,
        { name: 'a helper handed the Restate Context by type' },
      ),
    ],
    invalid,
  });
});

describe('Inngest', () => {
  const invalid = [
    ts.invalid(
      `import axios from 'axios';
import { Inngest } from 'inngest';

const inngest = new Inngest({ id: 'shop' });

export const charge = inngest.createFunction({ id: 'charge' }, { event: 'shop/order.placed' }, async ({ event, step }) => {
  const order = event.data;
  await ${CHARGE};
});
`,
      { ...REPORT, engine: INNGEST, suggest: rewrite(SPEC, inngestStep(), inngestEvent('inngest'), outbox()) },
      { name: 'a function body outside step.run: wrap it in step.run, or send an event' },
    ),
    ts.invalid(
      `import axios from 'axios';
import { inngest } from './client';

export const charge = inngest.createFunction({ id: 'charge', triggers: [{ event: 'shop/order.placed' }] }, async (ctx) => {
  const order = ctx.event.data;
  return ${CHARGE};
});
`,
      { ...REPORT, engine: INNGEST, suggest: rewrite({ ...SPEC, responseUsed: true }, inngestStep('ctx.step'), outbox()) },
      { name: 'a client from another module (by its name), a context not destructured, the response returned' },
    ),
    ts.invalid(
      `import axios from 'axios';
import { Inngest } from 'inngest';

export const inngest = new Inngest({ id: 'shop' });

export async function checkout(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}
`,
      { ...REPORT, engine: INNGEST, suggest: rewrite(SPEC, inngestEvent('inngest'), outbox()) },
      { name: 'a plain function of a file with an Inngest client: send an event' },
    ),
    ts.invalid(
      `import axios from 'axios';

const step = { run: async (name: string, fn: () => Promise<unknown>) => fn() };

export async function checkout(order: { id: string; total: number }): Promise<void> {
  await step.run('charge', async () => {
    await ${CHARGE};
  });
}
`,
      { ...REPORT, suggest: rewrite(SPEC, outbox()) },
      { name: 'a `step.run` that is not an Inngest function’s step' },
    ),
  ];
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ...outputsOf(invalid),
      ts.valid(
        `import axios from 'axios';
import { Inngest } from 'inngest';

const inngest = new Inngest({ id: 'shop' });

export const charge = inngest.createFunction({ id: 'charge' }, { event: 'shop/order.placed' }, async ({ event, step }) => {
  const order = event.data;
  await step.run('charge', async () => {
    await ${CHARGE};
  });
});
`,
        { name: 'step.run in a function (v3: trigger as the second argument)' },
      ),
      ts.valid(
        `import axios from 'axios';
import { inngest } from '../client';

export const charge = inngest.createFunction({ id: 'charge', triggers: [{ event: 'shop/order.placed' }] }, async ({ event, step: tools }) => {
  const order = event.data;
  await tools.run('charge', () => ${CHARGE});
});
`,
        { name: 'step.run in a function (v4: triggers in the options), the client from another module, step renamed' },
      ),
      ts.valid(
        `import axios from 'axios';
import { Inngest } from 'inngest';

const inngest = new Inngest({ id: 'shop' });

async function chargeOrder(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}

export const charge = inngest.createFunction({ id: 'charge' }, { event: 'shop/order.placed' }, async ({ event, step }) => {
  await step.run('charge', () => chargeOrder(event.data));
});
`,
        { name: 'a function the file keeps to itself, only called from a step' },
      ),
    ],
    invalid,
  });
});

describe('DBOS', () => {
  const invalid = [
    ts.invalid(
      `import axios from 'axios';
import { DBOS } from '@dbos-inc/dbos-sdk';

export class Checkout {
  @DBOS.workflow()
  static async checkout(order: { id: string; total: number }): Promise<void> {
    await ${CHARGE};
  }
}
`,
      { ...REPORT, engine: DBOS, suggest: rewrite(SPEC, dbosStep, outbox()) },
      { name: 'a @DBOS.workflow() method outside a step: wrap it in DBOS.runStep' },
    ),
    ts.invalid(
      `import axios from 'axios';
import { DBOS } from './dbos';

export class Checkout {
  @DBOS.step()
  static async charge(order: { id: string; total: number }): Promise<void> {
    await ${CHARGE};
  }
}
`,
      { ...REPORT, suggest: rewrite(SPEC, outbox()) },
      { name: 'a decorator of the project named DBOS.step is not DBOS' },
    ),
  ];
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ...outputsOf(invalid),
      ts.valid(
        `import axios from 'axios';
import { DBOS } from '@dbos-inc/dbos-sdk';

export class Checkout {
  @DBOS.step({ retriesAllowed: true, maxAttempts: 10 })
  static async charge(order: { id: string; total: number }): Promise<void> {
    await ${CHARGE};
  }

  @DBOS.workflow()
  static async checkout(order: { id: string; total: number }): Promise<void> {
    await Checkout.charge(order);
    await DBOS.runStep(() => ${CHARGE}, { name: 'charge' });
  }
}
`,
        { name: '@DBOS.step() methods and DBOS.runStep in a workflow' },
      ),
      ts.valid(
        `import axios from 'axios';
import { Communicator, Step } from '@dbos-inc/dbos-sdk';

export class Legacy {
  @Step()
  static async charge(ctx: unknown, order: { id: string; total: number }): Promise<void> {
    await ${CHARGE};
  }

  @Communicator()
  static async capture(ctx: unknown, order: { id: string; total: number }): Promise<void> {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${order.id}/capture\`, { amount: order.total });
  }
}
`,
        { name: 'the older @Step() and @Communicator() decorators' },
      ),
      ts.valid(
        `import axios from 'axios';
import { DBOS } from '@dbos-inc/dbos-sdk';

async function chargeCard(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}

export const charge = DBOS.registerStep(chargeCard, { name: 'chargeCard' });
export const checkout = DBOS.registerWorkflow(async (order: { id: string; total: number }) => {
  await charge(order);
});
`,
        { name: 'a function registered with DBOS.registerStep, by name' },
      ),
    ],
    invalid,
  });
});

describe('Trigger.dev', () => {
  const invalid = [
    ts.invalid(
      `import axios from 'axios';
import { tasks } from '@trigger.dev/sdk';

export async function checkout(order: { id: string; total: number }): Promise<void> {
  await ${CHARGE};
}
`,
      { ...REPORT, engine: TRIGGER, suggest: rewrite(SPEC, triggerTask('tasks'), outbox()) },
      { name: 'a plain function with `tasks` in scope: trigger a task' },
    ),
    ts.invalid(
      `import axios from 'axios';
import { task } from './jobs';

export const charge = task({
  id: 'charge',
  run: async (order: { id: string; total: number }) => {
    await ${CHARGE};
  },
});
`,
      { ...REPORT, suggest: rewrite(SPEC, outbox()) },
      { name: 'a `task` of the project is not Trigger.dev' },
    ),
  ];
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ...outputsOf(invalid),
      ts.valid(
        `import axios from 'axios';
import { schedules, schemaTask, task } from '@trigger.dev/sdk';

export const charge = task({
  id: 'charge',
  retry: { maxAttempts: 10 },
  run: async (order: { id: string; total: number }) => {
    await ${CHARGE};
  },
});

export const capture = schemaTask({
  id: 'capture',
  schema: (data: unknown) => data as { id: string; total: number },
  run: async (order) => {
    await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/payments/\${order.id}/capture\`, { amount: order.total });
  },
});

export const settle = schedules.task({
  id: 'settle',
  cron: '0 2 * * *',
  async run() {
    await axios.post(\`\${process.env.LEDGER_SERVICE_URL}/settlements\`, { amount: 0 });
  },
});
`,
        { name: 'the run of task, schemaTask and schedules.task' },
      ),
      ts.valid(
        `import axios from 'axios';
import { task } from '@trigger.dev/sdk/v3';

export const charge = task({ id: 'charge', run: async (order: { id: string; total: number }) => ${CHARGE} });
`,
        { name: 'the v3 entry point' },
      ),
    ],
    invalid,
  });
});

describe('Cloudflare Workflows', () => {
  const invalid = [
    ts.invalid(
      `import axios from 'axios';
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from 'cloudflare:workers';

type Order = { id: string; total: number };

export class Checkout extends WorkflowEntrypoint<unknown, Order> {
  async run(event: WorkflowEvent<Order>, step: WorkflowStep) {
    const order = event.payload;
    await ${CHARGE};
  }
}
`,
      { ...REPORT, engine: CLOUDFLARE, suggest: rewrite(SPEC, cloudflareStep(), outbox()) },
      { name: 'WorkflowEntrypoint.run outside step.do: wrap it in step.do' },
    ),
    ts.invalid(
      `import axios from 'axios';

type Order = { id: string; total: number };

export class Checkout {
  async run(event: { payload: Order }, step: { do: (name: string, fn: () => Promise<unknown>) => Promise<unknown> }) {
    const order = event.payload;
    await step.do('charge', async () => {
      await ${CHARGE};
    });
  }
}
`,
      { ...REPORT, suggest: rewrite(SPEC, outbox()) },
      { name: 'a `step.do` of a class that is no Cloudflare workflow' },
    ),
  ];
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ...outputsOf(invalid),
      ts.valid(
        `import axios from 'axios';
import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from 'cloudflare:workers';

type Order = { id: string; total: number };

export class Checkout extends WorkflowEntrypoint<unknown, Order> {
  async run(event: WorkflowEvent<Order>, step: WorkflowStep) {
    const order = event.payload;
    await step.do('charge', { retries: { limit: 10, delay: '10 seconds', backoff: 'exponential' } }, async () => {
      await ${CHARGE};
    });
  }
}
`,
        { name: 'step.do with a config' },
      ),
      ts.valid(
        `import axios from 'axios';
import type { WorkflowStep } from 'cloudflare:workers';

export async function charge(step: WorkflowStep, order: { id: string; total: number }): Promise<void> {
  await step.do('charge', () => ${CHARGE});
}
`,
        { name: 'a helper handed the WorkflowStep by type' },
      ),
    ],
    invalid,
  });
});

describe('Azure Durable Functions (plain JS)', () => {
  const invalid = [
    js.invalid(
      `import axios from 'axios';
import * as df from 'durable-functions';

df.app.orchestration('checkout', function* (context) {
  const order = context.df.getInput();
  yield context.df.callActivity('charge', order);
});

export async function checkout(order) {
  await ${CHARGE};
}
`,
      { ...REPORT, engine: AZURE, suggest: rewrite(SPEC, outbox()) },
      { name: 'a plain function of a file that uses Durable Functions' },
    ),
  ];
  jsTester.run(RULE_NAME, rule, {
    valid: [
      ...outputsOf(invalid),
      js.valid(
        `import axios from 'axios';
import * as df from 'durable-functions';

df.app.activity('charge', {
  handler: async (order) => {
    await ${CHARGE};
  },
});
`,
        { name: 'an activity handler' },
      ),
    ],
    invalid,
  });
});

describe('odd shapes never crash', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `import axios from 'axios';
import { Inngest } from 'inngest';
import * as restate from '@restatedev/restate-sdk';
import { DBOS } from '@dbos-inc/dbos-sdk';

const inngest = new Inngest({ id: 'shop' });
const key = 'handlers';
const handlers = { process: async (ctx: restate.Context) => ctx.run(() => 1) };

inngest.createFunction();
inngest.createFunction({ id: 'f' }, async ({ step: { run } }) => run('charge', async () => 1));
restate.service({ name: 's', [key]: { ...handlers } });
restate.service({ name: 's', handlers: { [Symbol.iterator]: async () => 1 } });
DBOS.runStep();
DBOS.registerStep(undefined as never);

export class Odd {
  @(DBOS.workflow())
  static async checkout(): Promise<void> {}
}

export async function unrelated(step: { run(): void }, ctx: { run(fn: () => void): void }): Promise<void> {
  step.run();
  ctx.run(() => undefined);
  await axios.get(\`\${process.env.PAYMENTS_SERVICE_URL}/payments\`);
}
`,
        { name: 'calls without arguments, computed and spread keys, destructured step tools, decorator expressions' },
      ),
    ],
    invalid: [],
  });
});

describe('the map asks for the writes inside durable steps', () => {
  const REPORT_DURABLE = { 'durable-writes': { reportDurableSteps: true } };
  const IN_STEP = `import axios from 'axios';
import { Inngest } from 'inngest';

const inngest = new Inngest({ id: 'shop' });

export const place = inngest.createFunction({ id: 'place-order', triggers: [{ event: 'shop/order.placed' }] }, async ({ event, step }) => {
  const order = event.data as { id: string; total: number };
  await step.run('charge', () => ${CHARGE});
});
`;
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(IN_STEP, { name: 'without the setting, a write inside a step is not reported at all' }),
      { code: IN_STEP, filename: 'src/service.ts', settings: { 'durable-writes': { reportDurableSteps: false } }, name: 'the setting off' },
    ],
    invalid: [
      {
        name: 'with `reportDurableSteps`, a write inside an Inngest step is reported as durableStep, with no fix or suggestion',
        code: IN_STEP,
        filename: 'src/service.ts',
        settings: REPORT_DURABLE,
        errors: [
          {
            messageId: 'durableStep',
            line: 8,
            data: { request: 'POST /payments', service: 'payments', evidence: PAYMENTS.join(', '), step: 'Inngest step.run' },
          },
        ],
      },
      {
        name: 'with `reportDurableSteps`, a Temporal activity module',
        code: `import axios from 'axios';
import { heartbeat } from '@temporalio/activity';

export async function charge(order: { id: string; total: number }): Promise<void> {
  heartbeat();
  await ${CHARGE};
}
`,
        filename: 'src/activities.ts',
        settings: REPORT_DURABLE,
        errors: [{ messageId: 'durableStep', line: 6, data: { request: 'POST /payments', service: 'payments', evidence: PAYMENTS.join(', '), step: 'Temporal activity module' } }],
      },
    ],
  });
});
