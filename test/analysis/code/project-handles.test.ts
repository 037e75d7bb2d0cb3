import { describe, expect, it } from 'vitest';
import { getOrigin } from '../../../src/analysis/code/origin.js';
import { getConstructedClassName, getHandleName, getOriginClassName, isProjectHandle, isProjectOrigin } from '../../../src/analysis/code/project-handles.js';
import { isProjectDataFunctionWrite, isProjectDataWrite, isProjectWriteMember } from '../../../src/analysis/data-layer/project-db-write.js';
import { getPropertyName } from '../../../src/analysis/code/ast.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { parse } from '../parse.js';

describe('isProjectOrigin', () => {
  it('accepts relative, aliased and workspace modules, and values with no origin', () => {
    expect(isProjectOrigin(undefined)).toBe(true);
    expect(isProjectOrigin({ module: './kafka', steps: [] })).toBe(true);
    expect(isProjectOrigin({ module: '~/server/db', steps: [] })).toBe(true);
    expect(isProjectOrigin({ module: '@repo/order-db', steps: [] })).toBe(true);
  });

  it('rejects libraries of the catalogs, in-process emitters, built-ins and globals', () => {
    expect(isProjectOrigin({ module: 'kafkajs', steps: [] })).toBe(false);
    expect(isProjectOrigin({ module: '@prisma/client', steps: [] })).toBe(false);
    expect(isProjectOrigin({ module: 'axios', steps: [] })).toBe(false);
    expect(isProjectOrigin({ module: 'drizzle-orm/node-postgres', steps: [] })).toBe(false);
    expect(isProjectOrigin({ module: 'eventemitter2', steps: [] })).toBe(false);
    expect(isProjectOrigin({ module: '@nestjs/cqrs', steps: [] })).toBe(false);
    expect(isProjectOrigin({ module: 'events', steps: [] })).toBe(false);
    expect(isProjectOrigin({ module: 'global', steps: [] })).toBe(false);
  });
});

describe('handle names', () => {
  it('names identifiers, members and constructed classes', () => {
    const parsed = parse("import { P } from '../p'; const publisher = new P(); publisher.publish(1); this.producer.send(2); new OrderPublisher(c).publish(3);");
    const [first, second, third] = parsed.all(AST_NODE_TYPES.CallExpression).map((call) => call.callee);
    const receiver = (callee: typeof first) => (callee?.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined)!;
    expect(getHandleName(receiver(first))).toBe('publisher');
    expect(getConstructedClassName(receiver(first), parsed.file)).toBe('P');
    expect(getHandleName(receiver(second))).toBe('producer');
    expect(getConstructedClassName(receiver(second), parsed.file)).toBeUndefined();
    expect(getHandleName(receiver(third))).toBe('OrderPublisher');
  });

  it('names what an accessor without arguments hands back, awaited or not', () => {
    const parsed = parse("async function f() { (await client.usersCollection()).insertOne({}); getProducer().send({}); db('orders').insert({}); }");
    const receivers = parsed
      .all(AST_NODE_TYPES.CallExpression)
      .flatMap((call) => (call.callee.type === AST_NODE_TYPES.MemberExpression && ['insertOne', 'send', 'insert'].includes(getPropertyName(call.callee) ?? '') ? [call.callee.object] : []));
    expect(receivers.map((receiver) => getHandleName(receiver))).toEqual(['usersCollection', 'getProducer', undefined]);
  });

  it('reads the class of a constructed or typed origin', () => {
    const parsed = parse("import { OrderPublisher } from '../order.publisher'; const p = new OrderPublisher(); p.publish(1);");
    expect(getOriginClassName(getOrigin(parsed.node(AST_NODE_TYPES.Identifier, 'p'), parsed.file))).toBe('OrderPublisher');
    expect(getOriginClassName({ module: './x', steps: [{ kind: 'get', name: 'Events' }, { kind: 'instance' }] })).toBe('Events');
    expect(getOriginClassName({ module: './x', steps: [{ kind: 'get', name: 'events' }] })).toBeUndefined();
  });

  it('does not count values defined in the same file as project handles', () => {
    const parsed = parse("import { repo } from '../repo'; const local = { save() {} }; class Store {} const store = new Store(); repo.save(); local.save(); store.save();");
    const receivers = parsed.all(AST_NODE_TYPES.CallExpression).map((call) => (call.callee as { object: Parameters<typeof isProjectHandle>[0] }).object);
    expect(receivers.map((receiver) => isProjectHandle(receiver, getOrigin(receiver, parsed.file), parsed.file))).toEqual([true, false, false]);
  });
});

describe('isProjectWriteMember', () => {
  it('admits every member a project write can be made with, before any origin is traced', () => {
    for (const member of ['save', 'saveOrder', 'addOrderItem', 'create', 'updateOne', 'insertOne', 'insert', 'insertInto', 'query', 'execute', 'upsert', 'deleteMany']) {
      expect(isProjectWriteMember(member), member).toBe(true);
    }
  });

  it('turns away reads, helpers and the names an object inherits', () => {
    for (const member of ['findOne', 'find', 'get', 'map', 'log', 'status', 'json', 'toString', 'constructor', 'hasOwnProperty']) {
      expect(isProjectWriteMember(member), member).toBe(false);
    }
  });
});

describe('isProjectDataWrite', () => {
  const writes = (code: string): string[] => {
    const parsed = parse(code);
    return parsed
      .all(AST_NODE_TYPES.CallExpression)
      .filter((call) => {
        const callee = call.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        const member = getPropertyName(callee);
        return member !== undefined && isProjectDataWrite(call, callee.object, member, parsed.file);
      })
      .map((call) => parsed.sourceCode.getText(call.callee));
  };

  it('recognises model statics and instance saves from model modules', () => {
    expect(
      writes(`import { Order } from '../../models/order'; import Ticket from '../ticket.model';
const order = Order.build({}); order.save(); Order.find({}); Ticket.updateOne({}, {}); new Ticket({}).save();
const found = await Ticket.findById(1); found.save(); Order.findById(1).populate('x');`),
    ).toEqual(['order.save', 'Ticket.updateOne', 'new Ticket({}).save', 'found.save']);
  });

  it("recognises a model's own write methods, but not its setup members", () => {
    expect(
      writes(`import { orderModel } from '../../models/order.model'; import Order from '../../models/order';
orderModel.createOrder({}); Order.addOrderItem(1, {}); orderModel.getOrder(1); Order.addHook('beforeSave', () => {}); Order.createIndex({});`),
    ).toEqual(['orderModel.createOrder', 'Order.addOrderItem']);
  });

  it('recognises write functions imported from data-layer modules only', () => {
    const parsed = parse(`import { createOrder, findOrder, createIndexes } from '../../db/orders';
import { updateStock } from '../inventory.model';
import { createClient } from '../redis';
import { saveDraft } from '../../drafts';
const deleteLocal = () => {};
createOrder({}); findOrder(1); createIndexes(); updateStock(1); createClient(); saveDraft({}); deleteLocal();`);
    const names = parsed
      .all(AST_NODE_TYPES.CallExpression)
      .map((call) => call.callee)
      .filter((callee) => callee.type === AST_NODE_TYPES.Identifier && isProjectDataFunctionWrite(callee, parsed.file))
      .map((callee) => parsed.sourceCode.getText(callee));
    expect(names).toEqual(['createOrder', 'updateStock']);
  });

  it('does not count create on a TypeORM entity, nor models from other modules', () => {
    expect(writes("import { Order } from '../../entities/order.entity'; import { Cart } from '../cart'; Order.create({}); Cart.create({}); Order.create({}).save();")).toEqual([
      'Order.create({}).save',
    ]);
  });

  it('recognises repository writes by member name, create among them, but not query builders', () => {
    expect(
      writes("import { ordersRepository as r, ordersRepository } from '../r'; ordersRepository.save({}); ordersRepository.updateStatus(1); ordersRepository.findOne({}); ordersRepository.create({}); ordersRepository.create({}, { session }); ordersRepository.createQueryBuilder(); ordersRepository.addItem(1);"),
    ).toEqual(['ordersRepository.save', 'ordersRepository.updateStatus', 'ordersRepository.create', 'ordersRepository.create', 'ordersRepository.addItem']);
  });

  it('recognises a collection from an accessor, and a Knex table builder of a project db', () => {
    expect(
      writes("import { dbClient } from '../../utils/db'; import { db } from '../../db'; async function f() { (await dbClient.usersCollection()).insertOne({}); db('orders').insert({}); (await dbClient.usersCollection()).findOne({}); }"),
    ).toEqual(['(await dbClient.usersCollection()).insertOne', "db('orders').insert"]);
  });

  it('recognises database handle shapes and writing SQL', () => {
    expect(
      writes(`import { db } from '../db'; import pool from '../pool';
db.insert(t).values({}); db.insert(t); db.update(t).set({}); db.delete(t).where(x); db.select().from(t);
db.insertInto('t').values({}).execute(); db('orders').where({}).update({}); db.order.create({}); db.order.findMany();
pool.query('INSERT INTO t VALUES (1)'); pool.query('SELECT 1'); db.collection('t').insertOne({});`),
    ).toEqual([
      'db.insert',
      'db.update',
      'db.delete',
      'db.insertInto',
      "db('orders').where({}).update",
      'db.order.create',
      'pool.query',
      "db.collection('t').insertOne",
    ]);
  });
});
