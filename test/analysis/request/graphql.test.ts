import { describe, expect, it } from 'vitest';
import { parseGraphqlOperation } from '../../../src/analysis/request/graphql.js';

describe('parseGraphqlOperation', () => {
  it.each([
    ['mutation UpdateStock($id: ID!) {\n  updateStock(id: $id) {\n    id\n  }\n}', { kind: 'mutation', fields: ['updateStock'] }],
    ['\n  # set stock\n  mutation { a: cancelOrder(id: 1) { id } notify }', { kind: 'mutation', fields: ['cancelOrder', 'notify'] }],
    ['query Orders { orders(first: 10) { id total } }', { kind: 'query', fields: ['orders'] }],
    ['{ me { id } }', { kind: 'query', fields: ['me'] }],
    ['subscription { orderShipped { id } }', { kind: 'subscription', fields: ['orderShipped'] }],
  ])('%s', (text, expected) => {
    expect(parseGraphqlOperation(text)).toEqual(expected);
  });

  it.each(['', 'hello', 'SELECT * FROM orders', 'mutation'])('%j is no GraphQL document', (text) => {
    expect(parseGraphqlOperation(text)).toBeUndefined();
  });
});
