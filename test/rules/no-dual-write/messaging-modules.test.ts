/**
 * Dual writes through the project's own messaging and data modules, as services split them:
 * publish functions imported from `../events/publishers`, exports of a producer module, handles
 * named for a broker (`this.rabbitMQService`, `this.kafka`), job queues the project builds,
 * write functions of a `db` module, a model's own write methods, and a helper in the same file
 * that does the publishing. Look-alikes (task queues fed functions, `publishPost` from a blog
 * module, outbox relays handed an outbox row) are not reported.
 */
import { describe } from 'vitest';
import { js, jsTester, publishesTo, RULE_NAME, rule, ts, tsTester } from './helpers.js';

const NAMED = publishesTo('a message broker');

describe('plain JS (espree)', () => {
  jsTester.run(RULE_NAME, rule, {
    valid: [
      js.valid(
        `import { queue } from './task-queue';
import Order from './order.model';

export async function place(input) {
  const order = await Order.create(input);
  queue.add(() => warmCache(order.id));
  return order;
}
`,
        { name: 'a function added to an in-process task queue is not a job' },
      ),
      js.valid(
        `import { createOrder } from '../db/orders';
import { publishPost } from '../blog/posts';

export async function announce(input) {
  const order = await createOrder(input);
  await publishPost({ title: 'New order', body: order.id });
}
`,
        { name: 'a publish-named function from a module that is not messaging code' },
      ),
      js.valid(
        `import { producer } from './kafka';
import Order from './order.model';

async function announce(order) {
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function place(input) {
  const order = await Order.findById(input.id);
  await announce(order);
}
`,
        { name: 'a helper that publishes, called after a read' },
      ),
      js.valid(
        `import { readOrder } from '../db/orders';
import { publishOrderViewed } from '../events/publishers';

export async function view(id) {
  const order = await readOrder(id);
  await publishOrderViewed(order);
}
`,
        { name: 'a read function of the data layer before a publish' },
      ),
      js.valid(
        `const { sequelize, Order, Outbox } = require('./models');
const { sendMessage } = require('./kafka');

async function createOrder(customerName, totalAmount) {
  const t = await sequelize.transaction();
  try {
    const order = await Order.create({ customerName, totalAmount }, { transaction: t });
    const outboxEvent = await Outbox.create({ type: 'OrderCreated', payload: { id: order.id } }, { transaction: t });
    await t.commit();
    await sendMessage(\`orders.\${outboxEvent.type}\`, outboxEvent.payload);
  } catch (err) {
    await t.rollback();
    throw err;
  }
}

module.exports = { createOrder };
`,
        { name: 'the outbox row, sent eagerly after the commit: the relay sends it if the process dies first', sourceType: 'commonjs' },
      ),
      js.valid(
        `import { sequelize, Order, OutboxEvent } from './models';
import { publishOrderCreated } from './messaging/orders';

export async function createOrder(input) {
  const order = await sequelize.transaction(async (transaction) => {
    const created = await Order.create(input, { transaction });
    await OutboxEvent.create({ topic: 'order.created', payload: created.toJSON() }, { transaction });
    return created;
  });
  await publishOrderCreated(order);
  await OutboxEvent.update({ publishedAt: new Date() }, { where: { aggregateId: order.id } });
  return order;
}
`,
        { name: 'a publish after the outbox transaction, then the outbox row marked published' },
      ),
      js.valid(
        `import { Listener, Subjects } from '@acme/common';
import { Order } from '../../models/order';
import { OrderCancelledPublisher } from '../publishers/order-cancelled-publisher';

export class ExpirationCompleteListener extends Listener {
  subject = Subjects.ExpirationComplete;
  queueGroupName = 'orders-service';

  async onMessage(data, msg) {
    const order = await Order.findById(data.orderId);
    order.set({ status: 'cancelled' });
    await order.save();
    await new OrderCancelledPublisher(this.client).publish({ id: order.id, version: order.version });
    msg.ack();
  }
}
`,
        { name: 'a NATS listener onMessage: the message comes back until it is acknowledged' },
      ),
      js.valid(
        `import { Order } from './models/order';
import { js } from './nats';

export async function onPaymentCompleted(m) {
  const { orderId } = JSON.parse(m.data.toString());
  await Order.updateOne({ _id: orderId }, { status: 'paid' });
  await js.publish('orders.paid', JSON.stringify({ orderId }));
  m.ack();
}
`,
        { name: 'a handler that acknowledges the message it was handed' },
      ),
    ],
    invalid: [
      js.invalid(
        `import { db } from '../db';
import { orders } from '../db/schema';
import { dispatchOrderCreated } from '../messaging/order-events';

export async function placeOrder(input) {
  const [order] = await db.insert(orders).values(input).returning();
  await dispatchOrderCreated(order);
  return order;
}
`,
        { at: 'dispatchOrderCreated', within: 'dispatchOrderCreated(order)', action: NAMED, write: 'db.insert', writeAt: 'db.insert(orders)', suggestions: [] },
        { name: 'a dispatch function of a messaging module' },
      ),
      js.invalid(
        `import { createOrder } from '../db/orders';
import { publishOrderCreated } from '../events/publishers/order-created';

export async function placeOrder(input) {
  const order = await createOrder(input);
  await publishOrderCreated(order);
  return order;
}
`,
        { at: 'publishOrderCreated', within: 'publishOrderCreated(order)', action: NAMED, write: 'createOrder', writeAt: 'createOrder(input)', suggestions: [] },
        { name: 'a write function of a db module, then a publish function of a publishers module' },
      ),
      js.invalid(
        `import orderModel from '../models/order.model.js';
import { notifyOrderShipped } from '../queue/producer.js';

export async function ship(id) {
  await orderModel.updateOrderStatus(id, 'shipped');
  await notifyOrderShipped({ id });
}
`,
        { at: 'notifyOrderShipped', within: 'notifyOrderShipped({', action: NAMED, write: 'orderModel.updateOrderStatus', suggestions: [] },
        { name: "a model's own write method, then an export of a producer module" },
      ),
      js.invalid(
        `import { db } from '../db';
import { emailQueue } from '../queues';

export async function register(input) {
  const user = await db.user.create({ data: input });
  await emailQueue.add('welcome', { userId: user.id });
  return user;
}
`,
        { at: 'emailQueue.add', action: publishesTo('a job queue'), write: 'db.user.create', suggestions: [] },
        { name: 'a write through a project db handle, then a job added to a project queue' },
      ),
      js.invalid(
        `import { producer } from './kafka';
import Order from './order.model';

async function announce(order) {
  await producer.send({ topic: 'order.created', messages: [{ value: JSON.stringify(order) }] });
}

export async function place(input) {
  const order = await Order.create(input);
  await announce(order);
  return order;
}
`,
        { at: 'announce', within: 'announce(order);', action: `${NAMED} (line 5)`, write: 'Order.create', suggestions: [] },
        { name: 'a model create, then a helper of the same file that publishes' },
      ),
      js.invalid(
        `import { producer } from './kafka';
import Order from './order.model';

async function saveAndAnnounce(order) {
  await Order.updateOne({ _id: order.id }, order);
  await producer.send({ topic: 'order.updated', messages: [{ value: JSON.stringify(order) }] });
}

export async function update(input) {
  await Order.updateOne({ _id: input.id }, { touchedAt: Date.now() });
  await saveAndAnnounce(input);
}
`,
        { at: 'producer.send', action: NAMED, write: 'Order.updateOne', suggestions: [] },
        { name: 'a helper that is a dual write itself is reported once, inside the helper' },
      ),
    ],
  });
});

describe('TS syntax (typescript-eslint parser)', () => {
  tsTester.run(RULE_NAME, rule, {
    valid: [
      ts.valid(
        `import { Injectable } from '@nestjs/common';
import { KafkaService } from './kafka.service';
import { EventsRepository } from './events.repository';
import type { OutboxEvent } from './outbox-event.entity';

@Injectable()
export class KafkaPublisher {
  constructor(
    private readonly kafka: KafkaService,
    private readonly eventsRepository: EventsRepository,
  ) {}

  async publish(event: OutboxEvent) {
    await this.kafka.send(event.topic, event.payload);
    await this.eventsRepository.update(event.id, { sentAt: new Date() });
  }
}
`,
        { name: 'a method handed an outbox row delivers it: an outbox relay' },
      ),
    ],
    invalid: [
      ts.invalid(
        `import { Injectable } from '@nestjs/common';
import { OrdersRepository } from './orders.repository';
import { RabbitMQService } from '../rabbitmq/rabbitmq.service';

@Injectable()
export class OrdersService {
  constructor(
    private readonly ordersRepository: OrdersRepository,
    private readonly rabbitMQService: RabbitMQService,
  ) {}

  async create(dto: { total: number }) {
    const order = await this.ordersRepository.create(dto);
    await this.rabbitMQService.publish('orders', 'order.created', order);
    return order;
  }
}
`,
        { at: 'this.rabbitMQService.publish', action: NAMED, write: 'this.ordersRepository.create', suggestions: [] },
        { name: 'a repository create, then a publish through a service named for the broker' },
      ),
      ts.invalid(
        `import { Injectable } from '@nestjs/common';
import { PaymentsRepository } from './payments.repository';
import { KafkaService } from '../kafka/kafka.service';

@Injectable()
export class PaymentsService {
  constructor(
    private readonly paymentsRepository: PaymentsRepository,
    private readonly kafka: KafkaService,
  ) {}

  async capture(id: string) {
    await this.paymentsRepository.update(id, { status: 'captured' });
    await this.emitCaptured(id);
  }

  private async emitCaptured(id: string) {
    await this.kafka.send('payments.captured', { id });
  }
}
`,
        { at: 'this.emitCaptured', action: `${NAMED} (line 18)`, write: 'this.paymentsRepository.update', suggestions: [] },
        { name: 'a repository update, then a method of the same class that publishes' },
      ),
    ],
  });
});
