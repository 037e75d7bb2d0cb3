/**
 * fixtures/fulfilment: a service on durable execution engines, type-checked against their SDKs.
 * Calls inside activities and steps are not reported; the calls outside are, with the engine
 * named in the message and the step (or the workflow start) as the first suggestion; every
 * suggestion, applied to its file, parses and leaves nothing to report there.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFixtureEslint, lintFixture, readExpectedFindings } from './fixture-findings.js';

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

  it('every suggestion, applied to its file, parses and resolves the report', async () => {
    const { results } = await lintFixture(fulfilment);
    const eslint = createFixtureEslint(fulfilment);
    const applied: string[] = [];
    for (const result of results) {
      for (const message of result.messages) {
        expect(message.suggestions?.length ?? 0).toBeGreaterThan(0);
        for (const suggestion of message.suggestions ?? []) {
          const code = result.source!;
          const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
          const [after] = await eslint.lintText(output, { filePath: result.filePath });
          expect(after?.messages.filter((left) => left.fatal === true)).toEqual([]);
          expect(after?.messages.map((left) => `${left.line}: ${left.message}`), `${suggestion.desc}\n${output}`).toEqual([]);
          applied.push(`${path.relative(fulfilment, result.filePath)}: ${suggestion.messageId}`);
        }
      }
    }
    expect(applied).toEqual([
      'src/inngest/functions.ts: suggestDurableStep',
      'src/inngest/functions.ts: suggestSendEvent',
      'src/inngest/functions.ts: suggestOutboxMissing',
      'src/temporal/routes.ts: suggestStartWorkflow',
      'src/temporal/routes.ts: suggestOutboxMissing',
    ]);
  });
});
