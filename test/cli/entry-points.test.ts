/**
 * Entry points and caller chains on small in-memory projects: each case has a `write()` (the
 * place a finding would be) reached from an entry point, and checks the labels found from it.
 */
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { CallerGraph } from '../../src/cli/callers/callers.js';
import { joinRoutePaths } from '../../src/cli/code/static-text.js';

const WRITE = `export async function write(): Promise<void> {
  await Promise.resolve('POST /payments');
}
`;

/** Labels (`kind label @file:line`) of the entry points that reach the `write()` body in /src/write.ts. */
function entriesOf(files: Record<string, string>, depth = 6): string[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { experimentalDecorators: true, strict: true, noLib: true } });
  project.createSourceFile('/src/write.ts', WRITE);
  for (const [name, text] of Object.entries(files)) project.createSourceFile(`/src/${name}`, text);
  const graph = new CallerGraph(project, depth, (absolute) => absolute.replace(/^\/src\//, ''));
  return graph.searchFrom('/src/write.ts', 2, 3).entryPoints.map((entry) => `${entry.kind} ${entry.label} @${entry.file}:${entry.line}`);
}

const EXPRESS = `declare const express: { (): any; Router(): any };\n`;

describe('HTTP routes', () => {
  it('Express: an inline handler, a named handler, a mounted router and router.route()', () => {
    expect(
      entriesOf({
        'server.ts': `${EXPRESS}import { write } from './write.js';
const app = express();
const admin = express.Router();
app.post('/orders', async (_req: unknown, res: { json(x: unknown): void }) => {
  res.json(await write());
});
async function refund(): Promise<void> {
  await write();
}
admin.put('/refunds/:id', refund);
admin.route('/payouts').post(refund);
app.use('/admin', admin);
`,
      }),
    ).toEqual([
      'route POST /orders @server.ts:5',
      'route PUT /admin/refunds/:id @server.ts:11',
      'route POST /admin/payouts @server.ts:12',
    ]);
  });

  it('Fastify/Hapi route options and Koa router prefixes, with paths from constants', () => {
    expect(
      entriesOf({
        'routes.ts': `import { write } from './write.js';
declare const fastify: any;
declare class Router { constructor(options: { prefix: string }) }
const PATHS = { charge: '/charges' } as const;
fastify.route({ method: ['POST', 'PUT'], url: PATHS.charge, handler: async () => write() });
const router: any = new Router({ prefix: '/v1' });
router.del('/holds/:id', async () => { await write(); });
`,
      }),
    ).toEqual(['route POST /charges @routes.ts:5', 'route PUT /charges @routes.ts:5', 'route DELETE /v1/holds/:id @routes.ts:7']);
  });

  it('NestJS: controller prefix joined with the method decorator path, through an injected service', () => {
    expect(
      entriesOf({
        'payments.service.ts': `import { write } from './write.js';
export class PaymentsService {
  async capture(): Promise<void> {
    await this.record();
  }
  private async record(): Promise<void> {
    await write();
  }
}
`,
        'payments.controller.ts': `import { PaymentsService } from './payments.service.js';
declare function Controller(prefix?: string): ClassDecorator;
declare function Post(path?: string): MethodDecorator;
declare function Put(path?: string): MethodDecorator;
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}
  @Post()
  capture() {
    return this.payments.capture();
  }
  @Put(':id/capture')
  recapture() {
    return this.payments.capture();
  }
}
`,
      }),
    ).toEqual(['route POST /payments @payments.controller.ts:8', 'route PUT /payments/:id/capture @payments.controller.ts:12']);
  });
});

describe('consumers and schedules', () => {
  it('NestJS @EventPattern, @Process in a @Processor, @Cron and @Interval', () => {
    expect(
      entriesOf({
        'handlers.ts': `import { write } from './write.js';
declare function EventPattern(pattern: string): MethodDecorator;
declare function Processor(queue: string): ClassDecorator;
declare function Process(name?: string): MethodDecorator;
declare function Cron(expression: string): MethodDecorator;
declare function Interval(ms: number): MethodDecorator;
const ORDER_CREATED = 'order.created';
export class Events {
  @EventPattern(ORDER_CREATED)
  onCreated() { return write(); }
  @Cron('0 3 * * *')
  nightly() { return write(); }
  @Interval(30_000)
  poll() { return write(); }
}
@Processor('payouts')
export class Payouts {
  @Process('send')
  handle() { return write(); }
}
`,
      }),
    ).toEqual([
      'consumer order.created @handlers.ts:9',
      'schedule cron 0 3 * * * @handlers.ts:11',
      'schedule every 30000 ms @handlers.ts:13',
      'consumer payouts:send @handlers.ts:18',
    ]);
  });

  it('kafkajs eachMessage with its subscribed topic, bullmq Worker, amqplib consume, setInterval, cron.schedule', () => {
    expect(
      entriesOf({
        'workers.ts': `import { write } from './write.js';
declare const consumer: any;
declare const channel: any;
declare const cron: any;
declare class Worker { constructor(name: string, fn: (job: unknown) => Promise<void>) }
await consumer.subscribe({ topic: 'payments.requested' });
await consumer.run({ eachMessage: async () => { await write(); } });
new Worker('refunds', async () => { await write(); });
channel.consume('ledger.entries', () => void write());
setInterval(() => void write(), 60_000);
cron.schedule('*/5 * * * *', write);
`,
      }),
    ).toEqual([
      'consumer payments.requested @workers.ts:7',
      'consumer refunds @workers.ts:8',
      'consumer ledger.entries @workers.ts:9',
      'schedule every 60000 ms @workers.ts:10',
      'schedule cron */5 * * * * @workers.ts:11',
    ]);
  });
});

describe('caller chains', () => {
  it('are transparent through callbacks passed as arguments and .bind(this)', () => {
    expect(
      entriesOf({
        'app.ts': `${EXPRESS}import { write } from './write.js';
declare const db: { transaction<T>(fn: () => Promise<T>): Promise<T> };
class Checkout {
  async place(): Promise<void> {
    await db.transaction(async () => {
      await [1].map(async () => write())[0];
    });
  }
}
const checkout = new Checkout();
const app = express();
app.post('/checkout', checkout.place.bind(checkout));
`,
      }),
    ).toEqual(['route POST /checkout @app.ts:13']);
  });

  it('stop at the depth bound, and give nothing when no entry point is found', () => {
    const files = {
      'chain.ts': `${EXPRESS}import { write } from './write.js';
async function a() { await write(); }
async function b() { await a(); }
async function c() { await b(); }
const app = express();
app.post('/deep', c);
`,
    };
    expect(entriesOf(files, 3)).toEqual(['route POST /deep @chain.ts:7']);
    expect(entriesOf(files, 2)).toEqual([]);
    expect(entriesOf({ 'unused.ts': `import { write } from './write.js';\nexport async function nobody() { await write(); }\n` })).toEqual([]);
  });

  it('record the call sites they pass through (where typed linting also reports)', () => {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { noLib: true } });
    project.createSourceFile('/src/write.ts', WRITE);
    project.createSourceFile('/src/use.ts', `import { write } from './write.js';\nexport async function use() {\n  await write();\n}\n`);
    const search = new CallerGraph(project, 6, (absolute) => absolute.slice('/src/'.length)).searchFrom('/src/write.ts', 2, 3);
    expect([...search.callSites]).toEqual(['use.ts:3:9']);
  });
});

describe('joinRoutePaths', () => {
  it('joins prefixes and paths with single slashes', () => {
    expect(joinRoutePaths('', '/orders')).toBe('/orders');
    expect(joinRoutePaths('payments', '')).toBe('/payments');
    expect(joinRoutePaths('/admin/', '/orders/:id/')).toBe('/admin/orders/:id');
  });
});
