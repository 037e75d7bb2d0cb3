/**
 * Across files (`followImports`, on by default): a data-layer function, a repository or a
 * publisher imported from another module of the project is confirmed by reading it (the
 * write or the publish its body makes), not by its name alone. Each case is linted as a file
 * of a project in fixtures/cross-file, so that its imports resolve to the modules on disk
 * there; the same code with `followImports: false` falls back to names.
 *
 * - a write function of a repository module (`saveOrder`) and a Kafka publisher (`publishEvent`)
 *   both read: reported, naming Kafka;
 * - `saveDraft` from a models module keeps the order in a `Map`: no database write, whatever
 *   its name and module say (without `followImports` both are taken at their word);
 * - `publishOrderEvent` emits on an in-process `EventEmitter`: no publish;
 * - `recordStatusChange` writes the database and publishes itself: reported in its own file,
 *   not again at the caller, which cannot fix it.
 */
import path from 'node:path';
import { describe } from 'vitest';
import { js, jsTester, publishesTo, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/cross-file');
const cjsFile = (file: string): string => path.join(FIXTURES, 'js-cjs', file);
const tsFile = (file: string): string => path.join(FIXTURES, 'ts', file);

const KAFKA = publishesTo('Kafka');

const ORDER_FLOWS = `'use strict';

const { saveOrder } = require('../data/orders-repository');
const { saveDraft } = require('../models/drafts');
const { publishEvent } = require('../lib/events');
const { publishOrderEvent } = require('../lib/local-events');
const { recordStatusChange } = require('./order-records');
const { pool } = require('../data/db');

async function placeOrder(order) {
  await saveOrder(order);
  await publishEvent('orders.placed', { id: order.id, total: order.total });
}

async function keepDraft(order) {
  saveDraft(order);
  await publishEvent('orders.drafted', { id: order.id });
}

async function confirmOrder(order) {
  await pool.query('UPDATE orders SET confirmed_at = now() WHERE id = $1', [order.id]);
  publishOrderEvent('orders.confirmed', { id: order.id });
}

async function shipOrder(order) {
  await pool.query('UPDATE orders SET shipped_at = now() WHERE id = $1', [order.id]);
  await recordStatusChange(order, 'shipped');
}

module.exports = { placeOrder, keepDraft, confirmOrder, shipOrder };
`;

const PLACE_ORDER_SERVICE = `import { Injectable } from '@nestjs/common';
import { EventBus } from '../events/event-bus';
import { DraftsRepository } from './drafts.repository';
import { OrderNotifications } from './order-notifications';
import { OrdersRepository } from './orders.repository';

@Injectable()
export class PlaceOrderService {
  constructor(
    private readonly ordersRepository: OrdersRepository,
    private readonly draftsRepository: DraftsRepository,
    private readonly eventBus: EventBus,
    private readonly notifications: OrderNotifications,
  ) {}

  async place(order: { id: string; total: number }): Promise<void> {
    await this.ordersRepository.save(order);
    await this.eventBus.publish('orders.placed', { id: order.id });
  }

  async keepDraft(order: { id: string; total: number }): Promise<void> {
    this.draftsRepository.save(order);
    await this.eventBus.publish('orders.drafted', { id: order.id });
  }

  async confirm(order: { id: string; total: number }): Promise<void> {
    await this.ordersRepository.save(order);
    this.notifications.publish({ type: 'order.confirmed', id: order.id });
  }
}
`;

const START_WORKER = `'use strict';

const { createPool } = require('../data/db');
const { publishEvent } = require('../lib/events');

async function startWorker() {
  const pool = createPool(process.env.WORKER_DATABASE_URL);
  await publishEvent('workers.started', { at: Date.now() });
  return pool;
}

module.exports = { startWorker };
`;

const CJS = { sourceType: 'commonjs' } as const;

describe('JavaScript, CommonJS (fixtures/cross-file/js-cjs)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `'use strict';

const { saveDraft } = require('../models/drafts');
const { publishEvent } = require('../messaging');

async function keepDraft(order) {
  saveDraft(order);
  await publishEvent('orders.drafted', { id: order.id });
}

module.exports = { keepDraft };
`,
        { ...CJS, filename: cjsFile('src/services/drafts.js'), name: 'saveDraft from a models module keeps the order in a Map: read, it writes no database' },
      ),
      js.valid(
        `'use strict';

const { pool } = require('../data/db');
const { publishOrderEvent } = require('../lib/local-events');

async function confirmOrder(order) {
  await pool.query('UPDATE orders SET confirmed_at = now() WHERE id = $1', [order.id]);
  publishOrderEvent('orders.confirmed', { id: order.id });
}

module.exports = { confirmOrder };
`,
        { ...CJS, filename: cjsFile('src/services/confirm.js'), name: 'publishOrderEvent emits on an in-process EventEmitter: read, it publishes nothing' },
      ),
      js.valid(START_WORKER, {
        ...CJS,
        filename: cjsFile('src/services/start-worker.js'),
        name: 'createPool from a db module builds a pool and calls nothing else: read, it writes no database',
      }),
      js.valid(
        `'use strict';

const { pool } = require('../data/db');
const { recordStatusChange } = require('./order-records');

async function shipOrder(order) {
  await pool.query('UPDATE orders SET shipped_at = now() WHERE id = $1', [order.id]);
  await recordStatusChange(order, 'shipped');
}

module.exports = { shipOrder };
`,
        {
          ...CJS,
          filename: cjsFile('src/services/shipping.js'),
          name: 'recordStatusChange writes the database and publishes itself: reported in its own file, not at the caller',
        },
      ),
      js.valid(
        `'use strict';

const { saveOrder } = require('../data/orders-repository');
const { publishEvent } = require('../lib/events');

async function placeOrder(order) {
  await saveOrder(order);
  await publishEvent('orders.placed', { id: order.id, total: order.total });
}

module.exports = { placeOrder };
`,
        {
          ...CJS,
          filename: cjsFile('src/services/place-order.js'),
          options: { followImports: false },
          name: 'without followImports: saveOrder is named for a write but its module is no models or db module, so nothing confirms it',
        },
      ),
    ],
    invalid: [
      js.invalid(
        `'use strict';

const { saveDraft } = require('../models/drafts');
const { publishEvent } = require('../messaging');

async function keepDraft(order) {
  saveDraft(order);
  await publishEvent('orders.drafted', { id: order.id });
}

module.exports = { keepDraft };
`,
        { at: 'publishEvent', within: "publishEvent('orders.drafted'", action: publishesTo('a message broker'), write: 'saveDraft', writeAt: 'saveDraft(order)', suggestions: [] },
        {
          ...CJS,
          filename: cjsFile('src/services/drafts.js'),
          options: { followImports: false },
          name: 'without followImports: saveDraft from a models module and publishEvent are judged by their names',
        },
      ),
      js.invalid(
        ORDER_FLOWS,
        { at: 'publishEvent', within: "publishEvent('orders.placed'", action: KAFKA, write: 'saveOrder', writeAt: 'await saveOrder(order)', suggestions: [] },
        { ...CJS, filename: cjsFile('src/services/order-flows.js'), name: 'saveOrder (a pool.query INSERT) then publishEvent (a kafkajs producer): both read, only placeOrder is reported' },
      ),
      js.invalid(
        `'use strict';

const { pool } = require('../data/db');
const { publishEvent } = require('../lib/events');

/** Records the status change and tells the other services: both here, side by side. */
async function recordStatusChange(order, status) {
  await pool.query('UPDATE orders SET status = $1 WHERE id = $2', [status, order.id]);
  await publishEvent('orders.status-changed', { id: order.id, status });
}

module.exports = { recordStatusChange };
`,
        { at: 'publishEvent', within: "publishEvent('orders.status-changed'", action: KAFKA, write: 'pool.query', suggestions: [] },
        { ...CJS, filename: cjsFile('src/services/order-records.js'), name: 'the helper that writes and publishes is reported in its own file' },
      ),
    ],
  });
});

describe('TypeScript, NestJS injection (fixtures/cross-file/ts)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(PLACE_ORDER_SERVICE.replace(/ {2}async place\([^]*?\n {2}}\n\n/, ''), {
        filename: tsFile('src/orders/place-order.service.ts'),
        name: 'a repository kept in a Map, and a publisher that emits in the process: both read, neither is half of a dual write',
      }),
    ],
    invalid: [
      ts.invalid(
        PLACE_ORDER_SERVICE,
        { at: 'this.eventBus.publish', within: "this.eventBus.publish('orders.placed'", action: KAFKA, write: 'this.ordersRepository.save', suggestions: [] },
        { filename: tsFile('src/orders/place-order.service.ts'), name: 'an injected repository whose save runs a pg INSERT, then an injected EventBus whose publish sends to Kafka' },
      ),
    ],
  });
});
