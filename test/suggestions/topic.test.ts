import { describe, expect, it } from 'vitest';
import { deriveStepName, deriveTopic } from '../../src/suggestions/topic.js';
import type { Template } from '../../src/analysis/code/template.js';

const path = (text: string): Template => [{ kind: 'text', value: text }];

describe('deriveStepName', () => {
  it('names the write as a command, from the same parts as the topic', () => {
    expect(deriveStepName({ service: 'payments', path: path('/payments'), method: 'POST' })).toBe('payments.create');
    expect(deriveTopic({ service: 'payments', path: path('/payments'), method: 'POST' }, '{service}.{resource}.{action}')).toBe('payments.created');
    expect(deriveStepName({ service: 'ledger', path: path('/api/v1/accounts/{id}/balance'), method: 'PUT' })).toBe('ledger.accounts.balance.update');
    expect(deriveStepName({ service: 'inventory', path: path('/reservations/:id'), method: 'DELETE' })).toBe('inventory.reservations.delete');
  });

  it('a command segment is the verb itself', () => {
    expect(deriveStepName({ service: 'payments', path: path('/payments/capture'), method: 'POST' })).toBe('payments.capture');
  });

  it('undoing a command is a command too', () => {
    expect(deriveTopic({ service: 'inventory', path: path('/availability/unhold'), method: 'POST' }, '{service}.{resource}.{action}')).toBe('inventory.availability.unhold.requested');
    expect(deriveTopic({ service: 'inventory', path: path('/units'), method: 'POST' }, '{service}.{resource}.{action}')).toBe('inventory.units.created');
  });

  it('an unknown method is a call; no service takes the first segment', () => {
    expect(deriveStepName({ service: undefined, path: path('/orders'), method: undefined })).toBe('orders.call');
  });
});
