/**
 * fixtures/fulfilment: a service on durable execution engines, type-checked against their SDKs.
 * Calls inside activities and steps are not reported; the calls outside are, with the engine
 * named in the message and the step (or the workflow start) as the first suggestion.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFixture, readExpectedFindings } from './fixture-findings.js';

const fulfilment = path.resolve(import.meta.dirname, '../../fixtures/fulfilment');

describe('fixtures/fulfilment', () => {
  it('reports exactly the calls listed in the fixture README, naming the engine and offering its step first', async () => {
    const { findings, messages } = await lintFixture(fulfilment);
    const expected = readExpectedFindings(fulfilment);
    expect(expected).toHaveLength(2);
    expect(findings).toEqual(expected);
    expect(messages.map((message) => [message.message.replace(/^.*\. (This file uses .*)$/, '$1'), message.suggestions?.[0]?.desc])).toEqual([
      ['This file uses Inngest: run it in `step.run`.', "Run it in the Inngest step 'inventory.reservations.delete' with `step.run`."],
      [
        'This file uses Temporal: make it in an activity of a workflow started with `client.workflow.start`.',
        "Start the Temporal workflow 'billing.invoices.create' with `client` instead.",
      ],
    ]);
  });
});
