/**
 * A publisher or a scheduler injected as an interface (`@Inject(SCHEDULER) private readonly
 * scheduler: ExpiryScheduler`) is read through the interface's one implementation in the
 * repository: one that adds a BullMQ job is a publish, whatever the handle is named. One that
 * does nothing the reading recognises is no proof either way (another may be bound in
 * production): the handle is then judged by its name, as before.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { writeProject } from '../../project/helpers.js';
import { publishesTo, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const PACKAGE = { name: 'payment', private: true, dependencies: { '@nestjs/common': '^11.0.0', bullmq: '^5.0.0', typeorm: '^0.3.20' } };

const PORTS = `export interface ExpiryScheduler {
  scheduleExpiry(invoiceId: string, at: Date): Promise<void>;
}

export interface EventPublisher {
  publish(event: string, data: Record<string, unknown>): Promise<void>;
}
`;

const BULLMQ_SCHEDULER = `import { Queue } from 'bullmq';
import { ExpiryScheduler } from '../ports';

const expiries = new Queue('invoice-expiry', { connection: { host: process.env.REDIS_HOST } });

export class BullExpiryScheduler implements ExpiryScheduler {
  async scheduleExpiry(invoiceId: string, at: Date): Promise<void> {
    await expiries.add('expire', { invoiceId }, { delay: at.getTime() - Date.now() });
  }
}
`;

const CONSOLE_PUBLISHER = `import { EventPublisher } from '../ports';

export class ConsoleEventPublisher implements EventPublisher {
  async publish(event: string, data: Record<string, unknown>): Promise<void> {
    console.log(event, data);
  }
}
`;

const USE_CASE = `import { Inject, Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { EventPublisher, ExpiryScheduler } from '../ports';

export class Invoice {
  id!: string;
  expiresAt!: Date;
}

@Injectable()
export class CreateInvoiceUseCase {
  constructor(
    private readonly invoiceRepository: Repository<Invoice>,
    @Inject('EXPIRY_SCHEDULER') private readonly expiryScheduler: ExpiryScheduler,
    @Inject('EVENT_PUBLISHER') private readonly eventPublisher: EventPublisher,
  ) {}

  async create(invoice: Invoice): Promise<void> {
    await this.invoiceRepository.save(invoice);
    await this.expiryScheduler.scheduleExpiry(invoice.id, invoice.expiresAt);
  }

  async issue(invoice: Invoice): Promise<void> {
    await this.invoiceRepository.save(invoice);
    await this.eventPublisher.publish('invoices.issued', { id: invoice.id });
  }
}
`;

const LINTED = 'src/application/create-invoice.use-case.ts';

function project(): string {
  const root = writeProject({
    'package.json': PACKAGE,
    'src/ports.ts': PORTS,
    'src/adapters/bull-expiry-scheduler.ts': BULLMQ_SCHEDULER,
    'src/adapters/console-event-publisher.ts': CONSOLE_PUBLISHER,
    [LINTED]: USE_CASE,
  });
  return path.join(root, LINTED);
}

describe('publishers injected as interfaces', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [],
    invalid: [
      ts.invalid(
        USE_CASE,
        [
          {
            at: 'this.expiryScheduler.scheduleExpiry',
            action: publishesTo('BullMQ'),
            write: 'this.invoiceRepository.save',
            writeAt: 'await this.invoiceRepository.save(invoice);\n    await this.expiryScheduler',
            suggestions: [],
          },
          {
            at: 'this.eventPublisher.publish',
            action: publishesTo('a message broker'),
            write: 'this.invoiceRepository.save',
            writeAt: 'await this.invoiceRepository.save(invoice);\n    await this.eventPublisher',
            suggestions: [],
          },
        ],
        {
          filename: project(),
          name: 'a scheduler whose one implementation adds a BullMQ job publishes; a publisher whose one implementation only logs is judged by its name',
        },
      ),
    ],
  });
});
