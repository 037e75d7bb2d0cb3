import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { describePublish } from '../../../src/analysis/messaging/publish.js';
import { parse } from '../parse.js';

/** The callee text of every call in `code` that counts as a publish of the project's own messaging code. */
function namedPublishes(code: string): string[] {
  const parsed = parse(code);
  return parsed
    .all(AST_NODE_TYPES.CallExpression)
    .filter((call) => describePublish(call, parsed.file)?.family.id === 'named')
    .map((call) => parsed.sourceCode.getText(call.callee));
}

describe('named publishers', () => {
  it('counts producers, publisher classes and message-shaped publisher calls', () => {
    expect(
      namedPublishes(`import { producer } from '../kafka'; import { OrderCreatedPublisher } from '../../events/publishers';
import { publisher } from '../events'; import { natsClient } from '../nats';
producer.send({});
new OrderCreatedPublisher(natsClient).publish({ id: 1 });
publisher.publish('order.created', {});
publisher.publish(article);`),
    ).toEqual(['producer.send', 'new OrderCreatedPublisher(natsClient).publish', 'publisher.publish']);
  });

  it('counts service classes named for a broker or a producer', () => {
    expect(
      namedPublishes(`import { KafkaService } from '../kafka.service'; import { OrderProducerService } from '../order-producer.service';
import { UserUpdatedPublishService } from '../user-updated-publish.service'; import { PublishingService } from '../publishing.service';
export class Orders {
  constructor(private readonly kafkaService: KafkaService, private readonly events: OrderProducerService,
    private readonly userUpdated: UserUpdatedPublishService, private readonly cms: PublishingService) {}
  run() { this.kafkaService.send('orders', {}); this.events.publish({}); this.kafkaService.connect(); this.userUpdated.publish({}); this.cms.publish({}); }
}`),
    ).toEqual(['this.kafkaService.send', 'this.events.publish', 'this.userUpdated.publish']);
  });

  it('counts sends on handles named for a broker, by whole words', () => {
    expect(
      namedPublishes(`import { rabbitMQService, amqp, messageBroker, sqsClient, messageBus, donations, transactions } from '../infra';
rabbitMQService.publishOrderCreated({}); amqp.sendToQueue('orders', body); messageBroker.emit('x', {}); sqsClient.sendMessage({});
messageBus.publish({}); donations.send({}); transactions.publish({}); amqp.connect(); rabbitMQService.getChannel();`),
    ).toEqual(['rabbitMQService.publishOrderCreated', 'amqp.sendToQueue', 'messageBroker.emit', 'sqsClient.sendMessage', 'messageBus.publish']);
  });

  it('counts sendToQueue on any handle of the project', () => {
    expect(namedPublishes(`import { channels } from '../amqp-setup'; channels.orders.sendToQueue('orders', body); channels.orders.send('x');`)).toEqual([
      'channels.orders.sendToQueue',
    ]);
  });

  it('counts jobs added to a queue of the project, but not functions added to a task queue', () => {
    expect(
      namedPublishes(`import { emailQueue, queue, taskQueue, importQueue } from '../queues'; import { JOB } from '../jobs';
function work() { return 1; }
const task = () => 2;
emailQueue.add('welcome', { userId: 1 }); queue.add({ orderId: 1 }); importQueue.add(JOB.Import, data); taskQueue.add(JOB_NAME, data);
queue.add(() => work()); taskQueue.add(work, { priority: 1 }); taskQueue.add(task, {}); queue.add(name); emailQueue.getJobs();`),
    ).toEqual(['emailQueue.add', 'queue.add', 'importQueue.add', 'taskQueue.add']);
  });

  it('counts publish functions imported from messaging modules, and sending exports of a producer module', () => {
    expect(
      namedPublishes(`import { publishOrderCreated, sendToQueue } from '../../events/publishers/orders';
import { enqueuePayment } from '../queue';
import { dispatchOrderPaid, dispatch } from '../../messaging/orders';
import { notifyShipment, connectProducer, createProducer } from '../../kafka/producer';
import { publishPost } from '../../blog/posts';
import { publishOrderCreated as localPublish } from '../orders';
const { produceInvoice } = require('./messaging/invoices');
publishOrderCreated({}); sendToQueue('x', {}); enqueuePayment(1); notifyShipment({}); produceInvoice({}); dispatchOrderPaid({}); dispatch({});
connectProducer(); createProducer(); publishPost({}); localPublish({});`),
    ).toEqual(['publishOrderCreated', 'sendToQueue', 'enqueuePayment', 'notifyShipment', 'produceInvoice', 'dispatchOrderPaid']);
  });

  it('does not count look-alikes defined in the same file, parameters, or in-process emitters', () => {
    expect(
      namedPublishes(`import { EventEmitter } from 'node:events';
const kafka = { send(x) { return x; } };
function publishOrderCreated(order) { return order; }
const bus = new EventEmitter();
export function handle(publishEvent, orderQueue) {
  kafka.send({}); publishOrderCreated({}); publishEvent('x', {}); bus.emit('x'); orderQueue.add(() => 1);
}`),
    ).toEqual([]);
  });
});
