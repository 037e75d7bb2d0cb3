/**
 * Durable execution engines as data: where each one runs a function as a step (recorded when
 * it completes and retried until it succeeds, so a synchronous call there cannot lose its
 * write), where it runs workflow code (replayed between steps, not durable on its own), and
 * the step API a report or a suggestion can point to.
 */

export type EngineId = 'temporal-workflow' | 'temporal' | 'restate' | 'inngest' | 'dbos' | 'trigger' | 'cloudflare' | 'azure-durable';

export interface DurableEngine {
  readonly id: EngineId;
  /** `Inngest`, `Temporal` */
  readonly label: string;
  /** importing one of these shows that a file uses the engine */
  readonly modules: readonly string[];
  /** what a report in such a file advises: "run it in `step.run`" */
  readonly advice: string;
  /** the engine's unit of durable work, for `no-dual-write`: "`step.run`", "an activity" */
  readonly step: string;
}

/** In lookup order: a Temporal workflow module is told something else than a module holding a client. */
export const DURABLE_ENGINES: readonly DurableEngine[] = [
  {
    id: 'temporal-workflow',
    label: 'Temporal',
    modules: ['@temporalio/workflow'],
    advice: 'make it an activity and call it through `proxyActivities`',
    step: 'an activity',
  },
  {
    id: 'temporal',
    label: 'Temporal',
    modules: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
    advice: 'make it in an activity of a workflow started with `client.workflow.start`',
    step: 'an activity',
  },
  { id: 'restate', label: 'Restate', modules: ['@restatedev/restate-sdk'], advice: 'run it in `ctx.run`', step: '`ctx.run`' },
  { id: 'inngest', label: 'Inngest', modules: ['inngest'], advice: 'run it in `step.run`', step: '`step.run`' },
  {
    id: 'dbos',
    label: 'DBOS',
    modules: ['@dbos-inc/dbos-sdk'],
    advice: 'run it in a step (`DBOS.runStep` or a `@DBOS.step()` method)',
    step: '`DBOS.runStep`',
  },
  {
    id: 'trigger',
    label: 'Trigger.dev',
    modules: ['@trigger.dev/sdk', '@trigger.dev/sdk/v3'],
    advice: "move it into a task's `run` (`task({ id, run })`) and trigger the task with `tasks.trigger`",
    step: 'a task of its own (`triggerAndWait`)',
  },
  { id: 'cloudflare', label: 'Cloudflare Workflows', modules: ['cloudflare:workers'], advice: 'run it in `step.do`', step: '`step.do`' },
  {
    id: 'azure-durable',
    label: 'Azure Durable Functions',
    modules: ['durable-functions'],
    advice: 'make it in an activity (`df.app.activity`) called with `context.df.callActivity`',
    step: 'an activity',
  },
];

/**
 * `step`: the engine records the function's completion and retries it until it succeeds;
 * `workflow`: code the engine replays between steps, durable only through the steps it runs.
 */
export type DurableRole = 'step' | 'workflow';

/**
 * A function the engine runs because a call registered it: an argument of that call (`'last'`:
 * its last argument), or the value found under `keys` in that argument (`'*'`: any key).
 * `callee` is the call's access path from `module`, in origin tokens (`new`, `()`, `<instance>`).
 */
export interface RegisteredFunction {
  readonly engine: EngineId;
  readonly module: string;
  readonly callee: readonly string[];
  readonly arg: number | 'last';
  readonly keys?: readonly string[];
  readonly role: DurableRole;
  /** for the mitigation's detail: `Trigger.dev task run` */
  readonly detail: string;
  /** the client may come from another module of the project: a receiver named like this counts too (`inngest.createFunction`) */
  readonly receiverName?: RegExp;
}

const each = <T>(names: readonly string[], make: (name: string) => T): T[] => names.map(make);

export const REGISTERED_FUNCTIONS: readonly RegisteredFunction[] = [
  ...each(['new', '<instance>'], (made): RegisteredFunction => ({
    engine: 'inngest',
    module: 'inngest',
    callee: ['Inngest', made, 'createFunction'],
    arg: 'last',
    role: 'workflow',
    detail: 'Inngest function',
    receiverName: /inngest/i,
  })),
  ...each(['service', 'object', 'workflow'], (kind): RegisteredFunction => ({
    engine: 'restate',
    module: '@restatedev/restate-sdk',
    callee: [kind],
    arg: 0,
    keys: ['handlers', '*'],
    role: 'workflow',
    detail: `Restate ${kind} handler`,
  })),
  ...[['handler'], ['object', 'exclusive'], ['object', 'shared'], ['workflow', 'workflow'], ['workflow', 'shared']].map(
    (path): RegisteredFunction => ({
      engine: 'restate',
      module: '@restatedev/restate-sdk',
      callee: ['handlers', ...path],
      arg: 'last',
      role: 'workflow',
      detail: 'Restate handler',
    }),
  ),
  { engine: 'dbos', module: '@dbos-inc/dbos-sdk', callee: ['DBOS', 'runStep'], arg: 0, role: 'step', detail: 'DBOS.runStep' },
  { engine: 'dbos', module: '@dbos-inc/dbos-sdk', callee: ['DBOS', 'registerStep'], arg: 0, role: 'step', detail: 'DBOS.registerStep' },
  { engine: 'dbos', module: '@dbos-inc/dbos-sdk', callee: ['DBOS', 'registerWorkflow'], arg: 0, role: 'workflow', detail: 'DBOS workflow' },
  ...['@trigger.dev/sdk', '@trigger.dev/sdk/v3'].flatMap((module) =>
    [['task'], ['schemaTask'], ['schedules', 'task']].map(
      (callee): RegisteredFunction => ({ engine: 'trigger', module, callee, arg: 0, keys: ['run'], role: 'step', detail: `Trigger.dev ${callee.join('.')} run` }),
    ),
  ),
  {
    engine: 'azure-durable',
    module: 'durable-functions',
    callee: ['app', 'activity'],
    arg: 1,
    keys: ['handler'],
    role: 'step',
    detail: 'Azure Durable Functions activity',
  },
  { engine: 'azure-durable', module: 'durable-functions', callee: ['app', 'orchestration'], arg: 1, role: 'workflow', detail: 'Azure Durable Functions orchestration' },
  {
    engine: 'temporal',
    module: '@temporalio/worker',
    callee: ['Worker', 'create'],
    arg: 0,
    keys: ['activities', '*'],
    role: 'step',
    detail: 'Temporal activity',
  },
];

/** Method decorators of an engine: `@DBOS.step()`, the older `@Step()` and `@Communicator()`. */
export interface EngineDecorator {
  readonly engine: EngineId;
  readonly module: string;
  /** the decorator's access path from the module: `['DBOS', 'step']` */
  readonly path: readonly string[];
  readonly role: DurableRole;
}

export const ENGINE_DECORATORS: readonly EngineDecorator[] = [
  { engine: 'dbos', module: '@dbos-inc/dbos-sdk', path: ['DBOS', 'step'], role: 'step' },
  { engine: 'dbos', module: '@dbos-inc/dbos-sdk', path: ['Step'], role: 'step' },
  { engine: 'dbos', module: '@dbos-inc/dbos-sdk', path: ['Communicator'], role: 'step' },
  { engine: 'dbos', module: '@dbos-inc/dbos-sdk', path: ['DBOS', 'workflow'], role: 'workflow' },
  { engine: 'dbos', module: '@dbos-inc/dbos-sdk', path: ['Workflow'], role: 'workflow' },
];

/** A method the engine runs as workflow code in subclasses of its base class: Cloudflare's `WorkflowEntrypoint.run`. */
export interface WorkflowBaseClass {
  readonly engine: EngineId;
  readonly module: string;
  readonly path: readonly string[];
  readonly method: string;
}

export const WORKFLOW_BASE_CLASSES: readonly WorkflowBaseClass[] = [
  { engine: 'cloudflare', module: 'cloudflare:workers', path: ['WorkflowEntrypoint'], method: 'run' },
];

/**
 * The step API handed to an engine's workflow code: a function given to one of `members` (as
 * its last argument) runs as a step. The handle is parameter `param` of the workflow function,
 * read at `path` (`{ step }` → `['step']`), or any parameter declared with one of `types`; or,
 * for `global`, a module export (`DBOS`).
 */
export interface StepApi {
  readonly engine: EngineId;
  readonly members: readonly string[];
  readonly param?: number;
  readonly path?: readonly string[];
  readonly types?: { readonly module: string; readonly names: readonly string[] };
  readonly global?: { readonly module: string; readonly name: string };
  /**
   * The suggestion's rewrite: `{handle}` the handle as written at the call, `{name}` the step
   * name as a string literal, `{call}` the request expression, `{async}` `async ` when that
   * expression awaits something itself.
   */
  readonly template: string;
}

export const STEP_APIS: readonly StepApi[] = [
  { engine: 'inngest', members: ['run'], param: 0, path: ['step'], template: '{handle}.run({name}, {async}() => {call})' },
  {
    engine: 'restate',
    members: ['run'],
    param: 0,
    path: [],
    types: {
      module: '@restatedev/restate-sdk',
      names: ['Context', 'ObjectContext', 'ObjectSharedContext', 'WorkflowContext', 'WorkflowSharedContext'],
    },
    template: '{handle}.run({name}, {async}() => {call})',
  },
  {
    engine: 'cloudflare',
    members: ['do'],
    param: 1,
    path: [],
    types: { module: 'cloudflare:workers', names: ['WorkflowStep'] },
    template: '{handle}.do({name}, {async}() => {call})',
  },
  { engine: 'dbos', members: [], global: { module: '@dbos-inc/dbos-sdk', name: 'DBOS' }, template: '{handle}.runStep({async}() => {call}, { name: {name} })' },
];

/**
 * Temporal activities by convention: a module named `activities` (or `….activities`,
 * `…-activities`), or any module in an `activities` folder, holds the functions a worker
 * registers as activities. It counts when the file also shows Temporal (an import of one of
 * `evidence`, or a package depending on `packagePrefix`) and is not workflow code.
 */
export const TEMPORAL_ACTIVITIES = {
  path: /(?:^|[\\/])activities[\\/]|(?:^|[\\/.-])activit(?:y|ies)\.[cm]?[jt]sx?$/i,
  /** an import of this module makes a file activity code wherever it is: `Context.current()`, `heartbeat()` */
  activityModule: '@temporalio/activity',
  evidence: ['@temporalio/client', '@temporalio/common', '@temporalio/worker'],
  packagePrefix: '@temporalio/',
  workflowModule: '@temporalio/workflow',
} as const;
