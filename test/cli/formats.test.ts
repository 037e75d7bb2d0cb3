/** The text formats on a small hand-made map: layout, escaping, node ids and counts of call sites. */
import { describe, expect, it } from 'vitest';
import { toJsonMap } from '../../src/cli/format/json.js';
import { escapeMermaidText, formatMermaid, MermaidIds } from '../../src/cli/format/mermaid.js';
import { formatSarif } from '../../src/cli/format/sarif.js';
import { formatTable } from '../../src/cli/format/table.js';
import { formatMarkdown } from '../../src/cli/format/markdown.js';
import type { CouplingMap, MapCall, Receiver } from '../../src/cli/model/types.js';

function call(line: number, overrides: Partial<MapCall> = {}): MapCall {
  return {
    rule: 'no-sync-critical-write',
    messageId: 'syncCriticalWrite',
    message: 'Synchronous POST /payments …',
    file: 'end/src/checkout.ts',
    absoluteFile: '/repo/end/src/checkout.ts',
    line,
    column: 3,
    target: { kind: 'service', name: 'pay-ments' },
    method: 'POST',
    path: '/payments',
    evidence: 'service "payments"',
    via: [],
    dualWrite: null,
    from: 'end',
    entryPoints: [{ kind: 'route', label: 'POST /checkout', file: 'end/src/main.ts', line: 4 }],
    callersTruncated: false,
    alsoReportedAt: [],
    receiver: null,
    ...overrides,
  };
}

const RECEIVED: Receiver = {
  status: 'matched',
  service: 'pay-ments',
  handlers: [
    {
      service: 'pay-ments',
      method: 'POST',
      path: '/payments',
      file: 'pay-ments/src/routes.ts',
      line: 7,
      guards: [{ kind: 'idempotency-header', detail: 'reads header "idempotency-key"', file: 'pay-ments/src/routes.ts', line: 8 }],
    },
  ],
};

const MAP: CouplingMap = {
  root: '.',
  tsconfigs: [{ file: 'tsconfig.json', files: 3 }],
  servicesFrom: 'top-level',
  services: [
    { name: 'end', paths: ['end'], files: 3 },
    { name: 'idle', paths: ['idle'], files: 1 },
  ],
  edges: [
    {
      from: 'end',
      to: 'Kafka',
      toKind: 'broker',
      calls: [
        call(20, {
          rule: 'no-dual-write',
          messageId: 'dualWrite',
          target: { kind: 'broker', name: 'Kafka' },
          method: null,
          path: null,
          evidence: null,
          entryPoints: [{ kind: 'consumer', label: 'cart.closed', file: 'end/src/consumer.ts', line: 9 }],
          dualWrite: { send: 'producer.send', action: 'publishes to Kafka', dbWrite: 'repo.save', dbWriteLine: 19 },
        }),
      ],
    },
    {
      from: 'end',
      to: 'pay-ments',
      toKind: 'service',
      calls: [
        call(10, { rule: 'no-dual-write', messageId: 'dualWrite', receiver: RECEIVED }),
        call(10, { receiver: RECEIVED }),
        call(12, { path: '/payments/"x"', entryPoints: [], callersTruncated: true, receiver: { status: 'no-route', service: 'pay-ments', routes: 3 } }),
      ],
    },
  ],
  durableEdges: [],
  skipped: [{ file: 'idle/src/broken.ts', line: 2, column: 7, message: 'Parsing error: Expression expected.' }],
  files: { typed: 3, untyped: 1, untypedBecause: { javascript: 1, 'no-tsconfig': 0, 'not-included': 0, 'tsconfig-error': 0 } },
  depth: 6,
};

/** The same map with two writes inside durable steps, one of them to a service a finding also reaches. */
const DURABLE_MAP: CouplingMap = {
  ...MAP,
  skipped: [],
  durableEdges: [
    {
      from: 'end',
      to: 'pay-ments',
      calls: [
        {
          file: 'end/src/workflows.ts',
          absoluteFile: '/repo/end/src/workflows.ts',
          line: 8,
          column: 5,
          target: { kind: 'service', name: 'pay-ments' },
          method: 'POST',
          path: '/payments',
          evidence: 'service "payments"',
          step: 'Inngest step.run',
        },
      ],
    },
    {
      from: 'idle',
      to: 'shipping',
      calls: [
        {
          file: 'idle/src/activities.ts',
          absoluteFile: '/repo/idle/src/activities.ts',
          line: 4,
          column: 3,
          target: { kind: 'service', name: 'shipping' },
          method: 'POST',
          path: '/shipments',
          evidence: 'service "shipping"',
          step: 'Temporal activity module',
        },
      ],
    },
  ],
};

describe('table', () => {
  it('lists the edges with call-site counts, every finding, the handler-to-handler flows, skipped files and a summary', () => {
    expect(formatTable(MAP)).toBe(`durable-writes map of . (services from top-level: end, idle)

FROM → TO        REQUEST             CALLS
end → Kafka      publish                 1
end → pay-ments  POST /payments          1
                 POST /payments/"x"      1

AT                      RULE                    FROM → TO        REQUEST             ENTRY POINTS
end/src/checkout.ts:20  no-dual-write           end → Kafka      publish             consumer cart.closed (end/src/consumer.ts:9)
end/src/checkout.ts:10  no-dual-write           end → pay-ments  POST /payments      POST /checkout (end/src/main.ts:4)
end/src/checkout.ts:10  no-sync-critical-write  end → pay-ments  POST /payments      POST /checkout (end/src/main.ts:4)
end/src/checkout.ts:12  no-sync-critical-write  end → pay-ments  POST /payments/"x"  (none within --depth 6)

HANDLER                                 → RECEIVING HANDLER                                            DUPLICATE DELIVERY
end POST /checkout (end/src/main.ts:4)  → pay-ments POST /payments (pay-ments/src/routes.ts:7)         guarded: reads header "idempotency-key"
end end/src/checkout.ts:12              → pay-ments: no route for POST /payments/"x" (3 routes found)

Skipped (could not be parsed):
  idle/src/broken.ts:2:7  Parsing error: Expression expected.

2 services, 2 edges, 3 call sites, 4 findings (no-dual-write 2, no-sync-critical-write 2); 4 files linted: 3 with types (1 tsconfig), 1 without (JavaScript 1); 1 skipped
`);
  });
});

describe('durable edges', () => {
  it('table: a section after the findings, counted apart from them in the summary', () => {
    const table = formatTable(DURABLE_MAP);
    expect(table).toContain(`Durable (critical writes inside a step of a durable execution engine, which retries it until it succeeds; not findings):
AT                        FROM → TO        REQUEST          DURABLE STEP
end/src/workflows.ts:8    end → pay-ments  POST /payments   Inngest step.run
idle/src/activities.ts:4  idle → shipping  POST /shipments  Temporal activity module

2 services, 2 edges, 3 call sites, 4 findings (no-dual-write 2, no-sync-critical-write 2), 2 durable calls in engine steps; 4 files linted: 3 with types (1 tsconfig), 1 without (JavaScript 1); 0 skipped
`);
  });

  it('mermaid: thick edges labelled durable, beside the edges of findings', () => {
    expect(formatMermaid(DURABLE_MAP)).toBe(`graph LR
  n_end["end"]
  idle["idle"]
  pay_ments("pay-ments")
  shipping("shipping")
  Kafka[("Kafka")]
  n_end -.->|"publish (1)"| Kafka
  n_end -->|"POST /payments (1) → POST /payments (pay-ments/src/routes.ts:7, guarded)<br/>POST /payments/#quot;x#quot; (1)"| pay_ments
  n_end ==>|"durable POST /payments (1)"| pay_ments
  idle ==>|"durable POST /shipments (1)"| shipping
`);
  });

  it('json: durableEdges apart from the edges; the summary counts findings only; sarif has no result for them', () => {
    const json = toJsonMap(DURABLE_MAP);
    expect(json.summary.findings).toBe(4);
    expect(json.durableEdges).toEqual([
      {
        from: 'end',
        to: 'pay-ments',
        calls: [{ method: 'POST', path: '/payments', file: 'end/src/workflows.ts', line: 8, column: 5, evidence: 'service "payments"', step: 'Inngest step.run' }],
      },
      {
        from: 'idle',
        to: 'shipping',
        calls: [{ method: 'POST', path: '/shipments', file: 'idle/src/activities.ts', line: 4, column: 3, evidence: 'service "shipping"', step: 'Temporal activity module' }],
      },
    ]);
    const sarif = JSON.parse(formatSarif(DURABLE_MAP)) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toHaveLength(4);
  });

  it('markdown: a short Durable table after the findings, before the Mermaid graph', () => {
    const markdown = formatMarkdown(DURABLE_MAP);
    expect(markdown).toContain(`#### Durable

Critical writes inside a step of a durable execution engine, which retries it until it succeeds; not findings.

| At | From → To | Request | Durable step |
| --- | --- | --- | --- |
| \`end/src/workflows.ts:8\` | end → pay-ments | \`POST /payments\` | Inngest step.run |
| \`idle/src/activities.ts:4\` | idle → shipping | \`POST /shipments\` | Temporal activity module |

\`\`\`mermaid
`);
    expect(markdown).toContain('2 durable calls in engine steps');
    expect(formatMarkdown(MAP)).not.toContain('#### Durable');
  });
});

describe('mermaid', () => {
  it('draws repository services as boxes, other services rounded, brokers as cylinders, publishes dotted, receiving handlers on the edges', () => {
    expect(formatMermaid(MAP)).toBe(`graph LR
  n_end["end"]
  idle["idle"]
  pay_ments("pay-ments")
  Kafka[("Kafka")]
  n_end -.->|"publish (1)"| Kafka
  n_end -->|"POST /payments (1) → POST /payments (pay-ments/src/routes.ts:7, guarded)<br/>POST /payments/#quot;x#quot; (1)"| pay_ments
`);
  });

  it('makes ids safe and unique', () => {
    const ids = new MermaidIds();
    expect([ids.get('a', 'orders-api'), ids.get('b', 'orders api'), ids.get('c', '1st'), ids.get('d', 'end'), ids.get('a', 'ignored')]).toEqual([
      'orders_api',
      'orders_api_2',
      'n_1st',
      'n_end',
      'orders_api',
    ]);
    expect(escapeMermaidText('a "b" <c> #1')).toBe('a #quot;b#quot; #lt;c#gt; #35;1');
  });
});

describe('json and sarif', () => {
  it('json: versioned, with a summary that counts findings and call sites', () => {
    const json = toJsonMap(MAP);
    expect(json.schemaVersion).toBe(2);
    expect(json.summary).toEqual({ files: { typed: 3, untyped: 1, untypedBecause: { javascript: 1, 'no-tsconfig': 0, 'not-included': 0, 'tsconfig-error': 0 } }, findings: 4, callSites: 3, byRule: { 'no-dual-write': 2, 'no-sync-critical-write': 2 }, depth: 6 });
    expect(json.edges[1]?.calls[0]).not.toHaveProperty('absoluteFile');
  });

  it('sarif: one result per finding with its rule, place, entry points and map facts', () => {
    const sarif = JSON.parse(formatSarif(MAP)) as { runs: { results: { ruleId: string; ruleIndex: number; properties: unknown; relatedLocations: unknown[] }[] }[] };
    const results = sarif.runs[0]?.results ?? [];
    expect(results).toHaveLength(4);
    expect(results[0]).toMatchObject({ ruleId: 'no-dual-write', ruleIndex: 0, properties: { from: 'end', to: 'Kafka', toKind: 'broker', request: 'publish' } });
    expect(results[2]?.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: 'entry point (route): POST /checkout' },
        physicalLocation: { artifactLocation: { uri: 'end/src/main.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } },
      },
      {
        id: 2,
        message: { text: 'receiving handler: pay-ments POST /payments (pay-ments/src/routes.ts:7), guarded: reads header "idempotency-key"' },
        physicalLocation: { artifactLocation: { uri: 'pay-ments/src/routes.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } },
      },
    ]);
    expect(results[3]?.properties).toEqual({ from: 'end', to: 'pay-ments', toKind: 'service', request: 'POST /payments/"x"', receiver: 'pay-ments: no route for POST /payments/"x" (3 routes found)' });
  });
});

describe('markdown', () => {
  it('a summary, a table of the findings with their receiving handlers, the flows and the Mermaid graph', () => {
    expect(formatMarkdown(MAP)).toBe(`### durable-writes map of \`.\`

2 services, 2 edges, 3 call sites, 4 findings (no-dual-write 2, no-sync-critical-write 2); 4 files linted: 3 with types (1 tsconfig), 1 without (JavaScript 1); 1 skipped

| At | Rule | From → To | Request | Entry points | Received by |
| --- | --- | --- | --- | --- | --- |
| \`end/src/checkout.ts:20\` | no-dual-write | end → Kafka | \`publish\` | consumer cart.closed (end/src/consumer.ts:9) |  |
| \`end/src/checkout.ts:10\` | no-dual-write | end → pay-ments | \`POST /payments\` | POST /checkout (end/src/main.ts:4) | pay-ments POST /payments (pay-ments/src/routes.ts:7), guarded: reads header "idempotency-key" |
| \`end/src/checkout.ts:10\` | no-sync-critical-write | end → pay-ments | \`POST /payments\` | POST /checkout (end/src/main.ts:4) | pay-ments POST /payments (pay-ments/src/routes.ts:7), guarded: reads header "idempotency-key" |
| \`end/src/checkout.ts:12\` | no-sync-critical-write | end → pay-ments | \`POST /payments/"x"\` | none within --depth 6 | pay-ments: no route for POST /payments/"x" (3 routes found) |

#### Handler to handler

| Handler | Receiving handler | Duplicate delivery |
| --- | --- | --- |
| end POST /checkout (end/src/main.ts:4) | pay-ments POST /payments (pay-ments/src/routes.ts:7) | guarded: reads header "idempotency-key" |
| end end/src/checkout.ts:12 | pay-ments: no route for POST /payments/"x" (3 routes found) |  |

Skipped (could not be parsed):

- \`idle/src/broken.ts:2:7\` Parsing error: Expression expected.

\`\`\`mermaid
${formatMermaid(MAP).trimEnd()}
\`\`\`
`);
  });

  it('escapes pipes in cells', () => {
    const map: CouplingMap = { ...MAP, edges: [{ ...MAP.edges[1]!, calls: [call(3, { path: '/a|b', entryPoints: [] })] }], skipped: [] };
    expect(formatMarkdown(map)).toContain('| `POST /a\\|b` |');
  });
});
