import { describe, expect, it } from 'vitest';
import { findInMemoryRetry, findMitigation, type Mitigation } from '../../../src/analysis/mitigation/mitigation.js';
import type { NoSyncCriticalWriteOptions } from '../../../src/options.js';
import { parse, settings } from '../parse.js';

/** The mitigation around the first `axios.post` call of the snippet. */
function mitigationOf(code: string, options: Partial<NoSyncCriticalWriteOptions> = {}, callee = 'axios.post'): Mitigation | undefined {
  const parsed = parse(`import axios from 'axios';\n${code}`);
  return findMitigation(parsed.call(callee), parsed.file, settings(options));
}

function retryOf(code: string, callee = 'axios.post'): string | undefined {
  const parsed = parse(`import axios from 'axios';\n${code}`);
  return findInMemoryRetry(parsed.call(callee), parsed.file);
}

const POST = "await axios.post('http://payments:80/charges', { amount: 1 });";

describe('findMitigation', () => {
  describe('message consumers', () => {
    it('kafkajs eachMessage / eachBatch handlers', () => {
      expect(mitigationOf(`declare const consumer: any; consumer.run({ eachMessage: async () => { ${POST} } });`)).toEqual({ kind: 'consumer', detail: 'eachMessage' });
      expect(mitigationOf(`declare const consumer: any; consumer.run({ async eachBatch() { ${POST} } });`)).toEqual({ kind: 'consumer', detail: 'eachBatch' });
    });

    it('a listener subclass onMessage, and handlers that acknowledge the message they were handed', () => {
      expect(mitigationOf(`import { Listener } from '@acme/common'; class PaymentListener extends Listener { async onMessage(data, msg) { ${POST} msg.ack(); } }`)).toEqual({
        kind: 'consumer',
        detail: 'Listener.onMessage',
      });
      expect(mitigationOf(`export async function onPayment(m: unknown) { ${POST} (m as any).ack(); }`)).toEqual({ kind: 'consumer', detail: 'handler that acknowledges its message' });
      expect(mitigationOf(`export async function onPayment(msg: unknown, channel: any) { ${POST} channel.ack(msg); }`)).toEqual({
        kind: 'consumer',
        detail: 'handler that acknowledges its message',
      });
      expect(mitigationOf(`class PaymentView extends Base { async onMessage(data: unknown) { ${POST} } }`)).toBeUndefined();
      expect(mitigationOf(`export async function pay(order: unknown, job: any) { ${POST} other.ack(); job.done(); }`)).toBeUndefined();
    });

    it('sqs-consumer handleMessage', () => {
      const code = `import { Consumer } from 'sqs-consumer'; Consumer.create({ queueUrl: 'q', handleMessage: async (message: unknown) => { ${POST} } });`;
      expect(mitigationOf(code)).toEqual({ kind: 'consumer', detail: 'handleMessage' });
    });

    it('bullmq Worker processor', () => {
      expect(mitigationOf(`import { Worker } from 'bullmq'; new Worker('payments', async (job) => { ${POST} });`)).toEqual({
        kind: 'consumer',
        detail: 'Worker processor',
      });
    });

    it('not a Worker from elsewhere, nor a function in another argument position', () => {
      expect(mitigationOf(`class Worker { constructor(...a: unknown[]) {} } new Worker('payments', async () => { ${POST} });`)).toBeUndefined();
      expect(mitigationOf(`import { Worker } from 'bullmq'; new Worker(async () => { ${POST} });`)).toBeUndefined();
    });

    it('NestJS @EventPattern and @MessagePattern handlers', () => {
      const code = (decorator: string, from: string) => `
        import { ${decorator} } from '${from}';
        class OrderEvents { @${decorator}('order.created') async onCreated() { ${POST} } }`;
      expect(mitigationOf(code('EventPattern', '@nestjs/microservices'))).toEqual({ kind: 'consumer', detail: '@EventPattern' });
      expect(mitigationOf(code('MessagePattern', '@nestjs/microservices'))).toEqual({ kind: 'consumer', detail: '@MessagePattern' });
      expect(mitigationOf(code('EventPattern', './my-decorators'))).toBeUndefined();
    });

    it('NestJS @Processor classes and WorkerHost subclasses', () => {
      const processor = `import { Processor } from '@nestjs/bullmq'; @Processor('payments') class P { async process() { ${POST} } }`;
      expect(mitigationOf(processor)).toEqual({ kind: 'consumer', detail: '@Processor class' });
      const host = `import { WorkerHost } from '@nestjs/bullmq'; class P extends WorkerHost { async process() { ${POST} } }`;
      expect(mitigationOf(host)).toEqual({ kind: 'consumer', detail: 'WorkerHost subclass' });
      const local = `class WorkerHost {} class P extends WorkerHost { async process() { ${POST} } }`;
      expect(mitigationOf(local)).toBeUndefined();
    });

    it('amqplib consume callbacks, on a known channel or any channel-like receiver', () => {
      const known = `
        import amqp from 'amqplib';
        async function start() {
          const conn = await amqp.connect('amqp://rabbit');
          const channel = await conn.createChannel();
          await channel.consume('payments', async (msg) => { ${POST} });
        }`;
      expect(mitigationOf(known)).toEqual({ kind: 'consumer', detail: 'RabbitMQ consume handler' });
      expect(mitigationOf(`declare const ch: any; ch.consume('payments', async (msg: unknown) => { ${POST} });`)).toEqual({
        kind: 'consumer',
        detail: 'consume handler',
      });
    });

    it('pg-boss work handlers', () => {
      const code = `import PgBoss from 'pg-boss'; const boss = new PgBoss('postgres://db'); boss.work('charge', async (job: unknown) => { ${POST} });`;
      expect(mitigationOf(code)).toEqual({ kind: 'consumer', detail: 'pg-boss work handler' });
    });

    it('serverless queue-triggered handlers', () => {
      expect(mitigationOf(`import type { SQSEvent } from 'aws-lambda'; export const handler = async (event: SQSEvent) => { ${POST} };`)).toEqual({
        kind: 'consumer',
        detail: 'SQSEvent handler',
      });
    });

    it('covers calls nested in callbacks inside the handler', () => {
      const code = `declare const consumer: any; consumer.run({ eachMessage: async () => { await Promise.all([1].map(async () => { ${POST} })); } });`;
      expect(mitigationOf(code)).toEqual({ kind: 'consumer', detail: 'eachMessage' });
    });
  });

  describe('outbox relays', () => {
    it('recognises relay functions and classes by name', () => {
      expect(mitigationOf(`export async function drainOutbox() { ${POST} }`)).toEqual({ kind: 'relay', detail: 'drainOutbox' });
      expect(mitigationOf(`export class OutboxRelay { async tick() { ${POST} } }`)).toEqual({ kind: 'relay', detail: 'OutboxRelay' });
      expect(mitigationOf(`export const relayPending = async () => { ${POST} };`)).toEqual({ kind: 'relay', detail: 'relayPending' });
    });

    it('recognises a function handed an outbox row, by parameter name or type', () => {
      expect(mitigationOf(`export async function deliver(event: OutboxEvent) { ${POST} }`)).toEqual({ kind: 'relay', detail: 'OutboxEvent' });
      expect(mitigationOf(`export async function deliver(rows: OutboxMessage[]) { ${POST} }`)).toEqual({ kind: 'relay', detail: 'OutboxMessage[]' });
      expect(mitigationOf(`export class Sender { async send(outboxRecord, retries = 3) { ${POST} } }`)).toEqual({ kind: 'relay', detail: 'outboxRecord' });
      expect(mitigationOf(`export async function pay(order: Order, outbox: OutboxService) { ${POST} }`)).toBeUndefined();
    });

    it('uses the configured relay pattern', () => {
      expect(mitigationOf(`export async function pumpEvents() { ${POST} }`, { outboxRelayPattern: '^pump' })).toEqual({ kind: 'relay', detail: 'pumpEvents' });
      expect(mitigationOf(`export async function drainOutbox() { ${POST} }`, { outboxRelayPattern: '^pump' })).toBeUndefined();
    });
  });

  describe('catch handoffs', () => {
    it('a catch that publishes to a recognised broker', () => {
      const code = `
        import { Queue } from 'bullmq';
        const queue = new Queue('payments');
        export async function charge(payment: object) {
          try { await axios.post('http://payments:80/charges', payment); }
          catch (error) { await queue.add('charge', payment); }
        }`;
      expect(mitigationOf(code)).toEqual({ kind: 'catch-handoff', detail: 'BullMQ add' });
    });

    it('a catch that writes to an outbox or enqueues by name', () => {
      const code = `
        class C {
          outbox: any;
          async charge(payment: object) {
            try { await axios.post('http://payments:80/charges', payment); }
            catch { await this.outbox.enqueue('payments.charge', payment); }
          }
        }`;
      expect(mitigationOf(code)).toEqual({ kind: 'catch-handoff', detail: 'this.outbox.enqueue' });
    });

    it('not a catch that only logs, even with queue words in the message or logger name', () => {
      const code = `
        declare const logger: any; declare const publishLogger: any;
        export async function charge() {
          try { ${POST} }
          catch (error) { logger.error('enqueue failed', error); console.log('publish later'); publishLogger.log('x'); throw error; }
        }`;
      expect(mitigationOf(code)).toBeUndefined();
    });

    it('not a call inside the catch or finally block itself, nor a try without catch', () => {
      expect(mitigationOf(`declare const outbox: any; try { x(); } catch { ${POST} outbox.add(1); }`)).toBeUndefined();
      expect(mitigationOf(`declare const outbox: any; try { x(); } catch { outbox.add(1); } finally { ${POST} }`)).toBeUndefined();
      expect(mitigationOf(`try { ${POST} } finally { }`)).toBeUndefined();
    });

    it('looks at every enclosing try', () => {
      const code = `declare const outbox: any; try { if (Math.random()) { try { ${POST} } catch { throw new Error('x'); } } } catch { await outbox.save({}); }`;
      expect(mitigationOf(code)).toEqual({ kind: 'catch-handoff', detail: 'outbox.save' });
    });

    it('requires the catch to hand off the same write', () => {
      const code = `
        import { Queue } from 'bullmq';
        const alerts = new Queue('alerts');
        export async function charge(payment: { amount: number }) {
          try { await axios.post('http://payments:80/charges', payment); }
          catch (error) { await alerts.add('charge-failed', { message: String(error) }); throw error; }
        }`;
      expect(mitigationOf(code)).toBeUndefined();
    });

    it('does not take an in-memory retry or a producer disconnect in the catch for a handoff', () => {
      const retry = `declare function scheduleRetry(f: () => unknown, ms: number): void;
        export async function charge() { try { ${POST} } catch { scheduleRetry(() => axios.post('http://payments:80/charges', { amount: 1 }), 1000); } }`;
      expect(mitigationOf(retry)).toBeUndefined();
      const disconnect = `declare const producer: any; export async function charge() { try { ${POST} } catch (e) { await producer.disconnect(); throw e; } }`;
      expect(mitigationOf(disconnect)).toBeUndefined();
    });
  });

  it('returns undefined for plain service code', () => {
    expect(mitigationOf(`export async function createOrder() { ${POST} }`)).toBeUndefined();
    expect(mitigationOf(`export class OrdersService { async create() { ${POST} } }`)).toBeUndefined();
    expect(mitigationOf(POST)).toBeUndefined();
  });

  it('in-memory retries are not a mitigation', () => {
    expect(mitigationOf(`import pRetry from 'p-retry'; export async function charge() { await pRetry(() => axios.post('http://payments:80/charges', {})); }`)).toBeUndefined();
  });
});

describe('findInMemoryRetry', () => {
  it('recognises retry libraries by origin', () => {
    expect(retryOf("import pRetry from 'p-retry'; pRetry(() => axios.post('http://payments/x', {}), { retries: 3 });")).toBe('p-retry');
    expect(retryOf("import { backOff } from 'exponential-backoff'; backOff(async () => { await axios.post('http://payments/x', {}); });")).toBe(
      'exponential-backoff',
    );
    expect(retryOf("import retry from 'async-retry'; retry(async (bail: unknown) => axios.post('http://payments/x', {}));")).toBe('async-retry');
  });

  it('recognises local retry helpers by name', () => {
    expect(retryOf("declare function withRetries<T>(f: () => T): T; withRetries(() => axios.post('http://payments/x', {}));")).toBe('withRetries');
  });

  it('recognises cockatiel-style policies and rxjs retry', () => {
    const policy = "import { retry, handleAll, ExponentialBackoff } from 'cockatiel'; const retryPolicy = retry(handleAll, { backoff: new ExponentialBackoff() }); retryPolicy.execute(() => axios.post('http://payments/x', {}));";
    expect(retryOf(policy)).toBe('cockatiel');
    expect(retryOf("declare const retryPolicy: any; retryPolicy.execute(() => axios.post('http://payments/x', {}));")).toBe('retry policy');
    const rx = `
      import { HttpService } from '@nestjs/axios';
      import { retry } from 'rxjs';
      class C { constructor(private http: HttpService) {} m() { return this.http.post('/x', {}).pipe(retry(3)); } }`;
    expect(retryOf(rx, 'this.http.post')).toBe('rxjs retry');
  });

  it('does not cross a named function boundary', () => {
    expect(retryOf("declare function retry(f: unknown): void; function send() { return axios.post('http://payments/x', {}); } retry(send);")).toBeUndefined();
  });

  it('returns undefined without a retry', () => {
    expect(retryOf("Promise.all([axios.post('http://payments/x', {})]);")).toBeUndefined();
    expect(retryOf("axios.post('http://payments/x', {});")).toBeUndefined();
  });
});
