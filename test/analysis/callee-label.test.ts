import { describe, expect, it } from 'vitest';
import { formatCalleeLabel } from '../../src/util/callee-label.js';

describe('formatCalleeLabel', () => {
  it('joins lines and keeps short callees whole, spaces included', () => {
    expect(formatCalleeLabel("db('orders')\n    .where({ id })\n    .update")).toBe("db('orders').where({ id }).update");
    expect(formatCalleeLabel('(this.orders as Repository<Order>).save')).toBe('(this.orders as Repository<Order>).save');
  });

  it('elides long argument lists of long chains, keeping short ones', () => {
    expect(formatCalleeLabel("ds.createQueryBuilder().update('orders').set({ status: 'shipped' }).where('id = :id', { id: orderId }).execute")).toBe(
      "ds.createQueryBuilder().update('orders').set(…).where(…).execute",
    );
  });

  it('leaves unbalanced text alone', () => {
    expect(formatCalleeLabel(`${'x'.repeat(70)})(`)).toBe(`${'x'.repeat(70)})(`);
  });
});
