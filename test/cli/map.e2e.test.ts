/**
 * The built `durable-writes map` command, run as a user runs it: on fixtures/shop (table,
 * JSON and Mermaid output asserted exactly), a baseline round trip, and bad input. The heavy
 * runs start together in `beforeAll` (two at a time per phase) to keep the suite short.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyShop, emptyFolder, ensureBuilt, REPO_ROOT, removeTemporaryFolders, type Run, runCli } from './helpers.js';

const EXPECTED_TABLE = `durable-writes map of fixtures/shop (services from top-level: gateway, inventory, notifications, orders, payments)

FROM → TO              REQUEST                                      CALLS
gateway → billing      POST /invoices                                   1
inventory → BullMQ     publish                                          2
inventory → warehouse  PATCH /warehouses/{warehouseId}/stock/{sku}      1
                       POST /transfers                                  1
orders → Kafka         publish                                          2
orders → inventory     DELETE /reservations/{reservationId}             1
                       POST /reservations                               1
orders → payments      POST /payments                                   1
payments → RabbitMQ    publish                                          1
payments → ledger      POST /entries                                    1
                       POST /entries/{entryId}/reversals                1
                       POST /transfers                                  1
                       PUT /accounts/{account}/balance                  1

AT                                      RULE                    FROM → TO              REQUEST                                      ENTRY POINTS
gateway/src/billing-proxy.ts:58         no-sync-critical-write  gateway → billing      POST /invoices                               POST /api/invoices (gateway/src/server.ts:30)
inventory/src/reservation-expiry.ts:40  no-dual-write           inventory → BullMQ     publish                                      schedule every 60000 ms (inventory/src/main.ts:75)
inventory/src/stock.service.ts:59       no-dual-write           inventory → BullMQ     publish                                      POST /reservations/:id/confirm (inventory/src/main.ts:42)
inventory/src/warehouse-client.ts:49    no-sync-critical-write  inventory → warehouse  PATCH /warehouses/{warehouseId}/stock/{sku}  POST /reservations (inventory/src/main.ts:23), DELETE /reservations/:id (inventory/src/main.ts:47)
inventory/src/warehouse-client.ts:70    no-sync-critical-write  inventory → warehouse  POST /transfers                              (none found)
orders/src/order-service.ts:80          no-dual-write           orders → Kafka         publish                                      POST /v2/orders (orders/src/main.ts:36)
orders/src/order-status.ts:45           no-dual-write           orders → Kafka         publish                                      POST /admin/orders/:id/shipment (orders/src/main.ts:79)
orders/src/order-service.ts:52          no-sync-critical-write  orders → inventory     POST /reservations                           POST /orders (orders/src/main.ts:26)
orders/src/order-service.ts:91          no-sync-critical-write  orders → inventory     DELETE /reservations/{reservationId}         DELETE /admin/orders/:id (orders/src/main.ts:65)
orders/src/order-service.ts:59          no-sync-critical-write  orders → payments      POST /payments                               POST /orders (orders/src/main.ts:26)
payments/src/chargeback.service.ts:52   no-dual-write           payments → RabbitMQ    publish                                      POST /webhooks/disputes (payments/src/disputes.controller.ts:16)
payments/src/ledger.client.ts:34        no-sync-critical-write  payments → ledger      POST /entries                                POST /payments (payments/src/payments.controller.ts:44)
payments/src/ledger.client.ts:49        no-sync-critical-write  payments → ledger      POST /entries/{entryId}/reversals            POST /payments/:id/refunds (payments/src/payments.controller.ts:51)
payments/src/ledger.client.ts:68        no-sync-critical-write  payments → ledger      PUT /accounts/{account}/balance              PUT /payments/accounts/:account/balance (payments/src/payments.controller.ts:64)
payments/src/settlement.service.ts:75   no-sync-critical-write  payments → ledger      POST /transfers                              (none found)

HANDLER                                                                                    → RECEIVING HANDLER                                                 DUPLICATE DELIVERY
gateway POST /api/invoices (gateway/src/server.ts:30)                                      → billing: not in this repository
inventory DELETE /reservations/:id (inventory/src/main.ts:47)                              → warehouse: not in this repository
inventory POST /reservations (inventory/src/main.ts:23)                                    → warehouse: not in this repository
inventory inventory/src/warehouse-client.ts:70                                             → warehouse: not in this repository
orders DELETE /admin/orders/:id (orders/src/main.ts:65)                                    → inventory DELETE /reservations/:id (inventory/src/main.ts:47)     not guarded
orders POST /orders (orders/src/main.ts:26)                                                → inventory POST /reservations (inventory/src/main.ts:23)           guarded: checks for an existing record by orderId
orders POST /orders (orders/src/main.ts:26)                                                → payments POST /payments (payments/src/payments.controller.ts:44)  guarded: reads header "idempotency-key"; checks for an existing record by idempotencyKey
payments POST /payments (payments/src/payments.controller.ts:44)                           → ledger: not in this repository
payments POST /payments/:id/refunds (payments/src/payments.controller.ts:51)               → ledger: not in this repository
payments PUT /payments/accounts/:account/balance (payments/src/payments.controller.ts:64)  → ledger: not in this repository
payments payments/src/settlement.service.ts:75                                             → ledger: not in this repository

5 services, 8 edges, 15 call sites, 15 findings (no-dual-write 5, no-sync-critical-write 10); 35 files linted: 35 with types (1 tsconfig), 0 without; 0 skipped
`;

const EXPECTED_MERMAID = `graph LR
  gateway["gateway"]
  inventory["inventory"]
  notifications["notifications"]
  orders["orders"]
  payments["payments"]
  billing("billing")
  ledger("ledger")
  warehouse("warehouse")
  BullMQ[("BullMQ")]
  Kafka[("Kafka")]
  RabbitMQ[("RabbitMQ")]
  gateway -->|"POST /invoices (1)"| billing
  inventory -.->|"publish (2)"| BullMQ
  inventory -->|"PATCH /warehouses/{warehouseId}/stock/{sku} (1)<br/>POST /transfers (1)"| warehouse
  orders -.->|"publish (2)"| Kafka
  orders -->|"DELETE /reservations/{reservationId} (1) → DELETE /reservations/:id (inventory/src/main.ts:47, not guarded)<br/>POST /reservations (1) → POST /reservations (inventory/src/main.ts:23, guarded)"| inventory
  orders -->|"POST /payments (1) → POST /payments (payments/src/payments.controller.ts:44, guarded)"| payments
  payments -.->|"publish (1)"| RabbitMQ
  payments -->|"POST /entries (1)<br/>POST /entries/{entryId}/reversals (1)<br/>POST /transfers (1)<br/>PUT /accounts/{account}/balance (1)"| ledger
`;

const EXPECTED_JSON = {
  "schemaVersion": 2,
  "root": "fixtures/shop",
  "tsconfigs": [
    {
      "file": "tsconfig.json",
      "files": 35
    }
  ],
  "servicesFrom": "top-level",
  "services": [
    {
      "name": "gateway",
      "paths": [
        "gateway"
      ],
      "files": 4
    },
    {
      "name": "inventory",
      "paths": [
        "inventory"
      ],
      "files": 7
    },
    {
      "name": "notifications",
      "paths": [
        "notifications"
      ],
      "files": 4
    },
    {
      "name": "orders",
      "paths": [
        "orders"
      ],
      "files": 10
    },
    {
      "name": "payments",
      "paths": [
        "payments"
      ],
      "files": 10
    }
  ],
  "edges": [
    {
      "from": "gateway",
      "to": "billing",
      "toKind": "service",
      "calls": [
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "POST",
          "path": "/invoices",
          "file": "gateway/src/billing-proxy.ts",
          "line": 58,
          "column": 17,
          "evidence": "service \"billing\", path \"/invoices\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /api/invoices",
              "file": "gateway/src/server.ts",
              "line": 30
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "outside-repository",
            "service": "billing",
            "handlers": []
          }
        }
      ]
    },
    {
      "from": "inventory",
      "to": "BullMQ",
      "toKind": "broker",
      "calls": [
        {
          "rule": "no-dual-write",
          "messageId": "dualWrite",
          "method": null,
          "path": null,
          "file": "inventory/src/reservation-expiry.ts",
          "line": 40,
          "column": 11,
          "evidence": null,
          "via": [],
          "dualWrite": {
            "send": "stockReleases.addBulk",
            "action": "publishes to BullMQ",
            "dbWrite": "this.reservations.update",
            "dbWriteLine": 39
          },
          "entryPoints": [
            {
              "kind": "schedule",
              "label": "every 60000 ms",
              "file": "inventory/src/main.ts",
              "line": 75
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": null
        },
        {
          "rule": "no-dual-write",
          "messageId": "dualWrite",
          "method": null,
          "path": null,
          "file": "inventory/src/stock.service.ts",
          "line": 59,
          "column": 11,
          "evidence": null,
          "via": [],
          "dualWrite": {
            "send": "shipmentsQueue.add",
            "action": "publishes to BullMQ",
            "dbWrite": "this.reservations.save",
            "dbWriteLine": 57
          },
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /reservations/:id/confirm",
              "file": "inventory/src/main.ts",
              "line": 42
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": null
        }
      ]
    },
    {
      "from": "inventory",
      "to": "warehouse",
      "toKind": "service",
      "calls": [
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "PATCH",
          "path": "/warehouses/{warehouseId}/stock/{sku}",
          "file": "inventory/src/warehouse-client.ts",
          "line": 49,
          "column": 18,
          "evidence": "service \"warehouse\", path \"/warehouses/{warehouseId}/stock/{sku}\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /reservations",
              "file": "inventory/src/main.ts",
              "line": 23
            },
            {
              "kind": "route",
              "label": "DELETE /reservations/:id",
              "file": "inventory/src/main.ts",
              "line": 47
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "outside-repository",
            "service": "warehouse",
            "handlers": []
          }
        },
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "POST",
          "path": "/transfers",
          "file": "inventory/src/warehouse-client.ts",
          "line": 70,
          "column": 10,
          "evidence": "service \"warehouse\", path \"/transfers\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "outside-repository",
            "service": "warehouse",
            "handlers": []
          }
        }
      ]
    },
    {
      "from": "orders",
      "to": "Kafka",
      "toKind": "broker",
      "calls": [
        {
          "rule": "no-dual-write",
          "messageId": "dualWrite",
          "method": null,
          "path": null,
          "file": "orders/src/order-service.ts",
          "line": 80,
          "column": 11,
          "evidence": null,
          "via": [],
          "dualWrite": {
            "send": "this.events.publishOrderCreated",
            "action": "publishes to Kafka",
            "dbWrite": "this.orders.save",
            "dbWriteLine": 79
          },
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /v2/orders",
              "file": "orders/src/main.ts",
              "line": 36
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": null
        },
        {
          "rule": "no-dual-write",
          "messageId": "dualWrite",
          "method": null,
          "path": null,
          "file": "orders/src/order-status.ts",
          "line": 45,
          "column": 11,
          "evidence": null,
          "via": [],
          "dualWrite": {
            "send": "this.producer.send",
            "action": "publishes to Kafka",
            "dbWrite": "this.orders.save",
            "dbWriteLine": 36
          },
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /admin/orders/:id/shipment",
              "file": "orders/src/main.ts",
              "line": 79
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": null
        }
      ]
    },
    {
      "from": "orders",
      "to": "inventory",
      "toKind": "service",
      "calls": [
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "POST",
          "path": "/reservations",
          "file": "orders/src/order-service.ts",
          "line": 52,
          "column": 31,
          "evidence": "service \"inventory\", path \"/reservations\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /orders",
              "file": "orders/src/main.ts",
              "line": 26
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "matched",
            "service": "inventory",
            "handlers": [
              {
                "method": "POST",
                "path": "/reservations",
                "file": "inventory/src/main.ts",
                "line": 23,
                "guardsDuplicates": true,
                "guards": [
                  {
                    "kind": "unique-key",
                    "detail": "checks for an existing record by orderId",
                    "file": "inventory/src/stock.service.ts",
                    "line": 27
                  }
                ]
              }
            ]
          }
        },
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "DELETE",
          "path": "/reservations/{reservationId}",
          "file": "orders/src/order-service.ts",
          "line": 91,
          "column": 13,
          "evidence": "service \"inventory\", path \"/reservations/{reservationId}\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [
            {
              "kind": "route",
              "label": "DELETE /admin/orders/:id",
              "file": "orders/src/main.ts",
              "line": 65
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "matched",
            "service": "inventory",
            "handlers": [
              {
                "method": "DELETE",
                "path": "/reservations/:id",
                "file": "inventory/src/main.ts",
                "line": 47,
                "guardsDuplicates": false,
                "guards": []
              }
            ]
          }
        }
      ]
    },
    {
      "from": "orders",
      "to": "payments",
      "toKind": "service",
      "calls": [
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "POST",
          "path": "/payments",
          "file": "orders/src/order-service.ts",
          "line": 59,
          "column": 29,
          "evidence": "service \"payments\", path \"/payments\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /orders",
              "file": "orders/src/main.ts",
              "line": 26
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "matched",
            "service": "payments",
            "handlers": [
              {
                "method": "POST",
                "path": "/payments",
                "file": "payments/src/payments.controller.ts",
                "line": 44,
                "guardsDuplicates": true,
                "guards": [
                  {
                    "kind": "idempotency-header",
                    "detail": "reads header \"idempotency-key\"",
                    "file": "payments/src/payments.controller.ts",
                    "line": 46
                  },
                  {
                    "kind": "unique-key",
                    "detail": "checks for an existing record by idempotencyKey",
                    "file": "payments/src/payments.service.ts",
                    "line": 47
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    {
      "from": "payments",
      "to": "RabbitMQ",
      "toKind": "broker",
      "calls": [
        {
          "rule": "no-dual-write",
          "messageId": "dualWrite",
          "method": null,
          "path": null,
          "file": "payments/src/chargeback.service.ts",
          "line": 52,
          "column": 5,
          "evidence": null,
          "via": [],
          "dualWrite": {
            "send": "this.channel.sendToQueue",
            "action": "publishes to RabbitMQ",
            "dbWrite": "repo.save",
            "dbWriteLine": 43
          },
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /webhooks/disputes",
              "file": "payments/src/disputes.controller.ts",
              "line": 16
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": null
        }
      ]
    },
    {
      "from": "payments",
      "to": "ledger",
      "toKind": "service",
      "calls": [
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "POST",
          "path": "/entries",
          "file": "payments/src/ledger.client.ts",
          "line": 34,
          "column": 7,
          "evidence": "service \"ledger\", payload key \"amount\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /payments",
              "file": "payments/src/payments.controller.ts",
              "line": 44
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "outside-repository",
            "service": "ledger",
            "handlers": []
          }
        },
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "POST",
          "path": "/entries/{entryId}/reversals",
          "file": "payments/src/ledger.client.ts",
          "line": 49,
          "column": 7,
          "evidence": "service \"ledger\", payload key \"amount\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [
            {
              "kind": "route",
              "label": "POST /payments/:id/refunds",
              "file": "payments/src/payments.controller.ts",
              "line": 51
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "outside-repository",
            "service": "ledger",
            "handlers": []
          }
        },
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "PUT",
          "path": "/accounts/{account}/balance",
          "file": "payments/src/ledger.client.ts",
          "line": 68,
          "column": 28,
          "evidence": "service \"ledger\", path \"/accounts/{account}/balance\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [
            {
              "kind": "route",
              "label": "PUT /payments/accounts/:account/balance",
              "file": "payments/src/payments.controller.ts",
              "line": 64
            }
          ],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "outside-repository",
            "service": "ledger",
            "handlers": []
          }
        },
        {
          "rule": "no-sync-critical-write",
          "messageId": "syncCriticalWrite",
          "method": "POST",
          "path": "/transfers",
          "file": "payments/src/settlement.service.ts",
          "line": 75,
          "column": 11,
          "evidence": "service \"ledger\", path \"/transfers\"",
          "via": [],
          "dualWrite": null,
          "entryPoints": [],
          "callersTruncated": false,
          "alsoReportedAt": [],
          "receiver": {
            "status": "outside-repository",
            "service": "ledger",
            "handlers": []
          }
        }
      ]
    }
  ],
  "durableEdges": [],
  "skipped": [],
  "summary": {
    "files": {
      "typed": 35,
      "untyped": 0,
      "untypedBecause": {
        "javascript": 0,
        "no-tsconfig": 0,
        "not-included": 0,
        "tsconfig-error": 0
      }
    },
    "findings": 15,
    "callSites": 15,
    "byRule": {
      "no-dual-write": 5,
      "no-sync-critical-write": 10
    },
    "depth": 6
  }
};

/** fixtures/fulfilment: two findings, and the eight writes inside the engines' steps as durable edges. */
const EXPECTED_FULFILMENT_TABLE = `durable-writes map of fixtures/fulfilment (services from root: fulfilment)

FROM → TO               REQUEST                    CALLS
fulfilment → billing    POST /invoices                 1
fulfilment → inventory  DELETE /reservations/{id}      1

AT                           RULE                    FROM → TO               REQUEST                    ENTRY POINTS
src/temporal/routes.ts:18    no-sync-critical-write  fulfilment → billing    POST /invoices             POST /orders/:id/fulfilment (src/temporal/routes.ts:15)
src/inngest/functions.ts:17  no-sync-critical-write  fulfilment → inventory  DELETE /reservations/{id}  (none found)

HANDLER                                                             → RECEIVING HANDLER                  DUPLICATE DELIVERY
fulfilment POST /orders/:id/fulfilment (src/temporal/routes.ts:15)  → billing: not in this repository
fulfilment src/inngest/functions.ts:17                              → inventory: not in this repository

Durable (critical writes inside a step of a durable execution engine, which retries it until it succeeds; not findings):
AT                             FROM → TO               REQUEST                             DURABLE STEP
src/trigger/invoices.ts:10     fulfilment → billing    POST /invoices                      Trigger.dev task run
src/azure/activities.ts:8      fulfilment → inventory  DELETE /reservations/{id}           Azure Durable Functions activity
src/cloudflare/checkout.ts:10  fulfilment → payments   POST /payments                      Cloudflare Workflows step.do
src/inngest/functions.ts:15    fulfilment → payments   POST /payments/{paymentId}/refunds  Inngest step.run
src/restate/capture.ts:11      fulfilment → payments   POST /payments/{paymentId}/capture  Restate ctx.run
src/temporal/activities.ts:10  fulfilment → payments   POST /payments/{paymentId}/capture  Temporal activity module
src/dbos/shipments.ts:9        fulfilment → shipping   POST /shipments                     @DBOS.step()
src/temporal/activities.ts:15  fulfilment → shipping   POST /shipments                     Temporal activity module

1 service, 2 edges, 2 call sites, 2 findings (no-sync-critical-write 2), 8 durable calls in engine steps; 11 files linted: 11 with types (1 tsconfig), 0 without; 0 skipped
`;

/** A new synchronous critical write, added to a copy of the fixtures for the baseline check. */
const NEW_CALL = `import axios from 'axios';

/** New code: refunds the customer inline. */
export async function refundOrder(orderId: string, amount: number): Promise<void> {
  await axios.post(\`\${process.env.PAYMENTS_SERVICE_URL}/refunds\`, { orderId, amount, currency: 'EUR' });
}
`;

interface Runs {
  /** fixtures/shop: the table on stdout, JSON and Mermaid written by --output in the same run */
  shop: Run;
  json: string;
  mermaid: string;
  /** fixtures/fulfilment with --fail-on any: the table on stdout, the JSON written by --output */
  fulfilment: Run;
  fulfilmentJson: string;
  roundTrip: Run;
  newCall: Run;
  syntaxError: Run;
  syntaxErrorSarif: string;
  brokenLine: number;
  help: Run;
  badFlag: Run;
  badFormat: Run;
  noFiles: Run;
  brokenTsconfig: Run;
  baselineFile: string;
}

let runs: Runs;

beforeAll(async () => {
  ensureBuilt();
  const out = emptyFolder();
  const emptyDir = emptyFolder();
  const brokenDir = emptyFolder();
  fs.writeFileSync(path.join(brokenDir, 'tsconfig.json'), '{ "compilerOptions": { "strict": true, } "include": [ }');
  fs.writeFileSync(path.join(brokenDir, 'index.ts'), 'export const x = 1;\n');

  const withSyntaxError = copyShop(['payments']);
  const broken = path.join(withSyntaxError, 'payments/src/settlement.service.ts');
  const original = fs.readFileSync(broken, 'utf8');
  fs.writeFileSync(broken, `${original}export const = ;\n`);
  const brokenLine = original.split('\n').length;

  const baselineFile = path.join(out, 'shop.json');
  const [shop, fulfilment, syntaxError, help, badFlag, badFormat, noFiles, brokenTsconfig] = await Promise.all([
    runCli(['map', 'fixtures/shop', '--output', `json=${baselineFile}`, '-o', `mermaid=${path.join(out, 'shop.mmd')}`]),
    runCli(['map', 'fixtures/fulfilment', '--fail-on', 'any', '-o', `json=${path.join(out, 'fulfilment.json')}`]),
    runCli(['map', '--format', 'json', '--fail-on', 'any', '--output', `sarif=${path.join(out, 'broken.sarif')}`], withSyntaxError),
    runCli(['--help']),
    runCli(['map', 'fixtures/shop', '--bogus']),
    runCli(['map', 'fixtures/shop', '--format', 'xml']),
    runCli(['map'], emptyDir),
    runCli(['map', brokenDir]),
  ]);

  const withNewCall = copyShop(['orders']);
  fs.writeFileSync(path.join(withNewCall, 'orders/src/refunds.ts'), NEW_CALL);
  const [roundTrip, newCall] = await Promise.all([
    runCli(['map', 'fixtures/shop', '--format', 'mermaid', '--fail-on', 'new', '--baseline', baselineFile]),
    runCli(['map', withNewCall, '--fail-on', 'new', '--baseline', baselineFile]),
  ]);
  const read = (file: string) => (fs.existsSync(path.join(out, file)) ? fs.readFileSync(path.join(out, file), 'utf8') : '');
  runs = {
    shop,
    json: read('shop.json'),
    mermaid: read('shop.mmd'),
    fulfilment,
    fulfilmentJson: read('fulfilment.json'),
    roundTrip,
    newCall,
    syntaxError,
    syntaxErrorSarif: read('broken.sarif'),
    brokenLine,
    help,
    badFlag,
    badFormat,
    noFiles,
    brokenTsconfig,
    baselineFile,
  };
}, 240_000);

afterAll(removeTemporaryFolders);

describe('durable-writes map fixtures/shop', () => {
  it('prints the table', () => {
    expect(runs.shop.stderr).toBe('');
    expect(runs.shop.code).toBe(0);
    expect(runs.shop.stdout).toBe(EXPECTED_TABLE);
  });

  it('writes the JSON', () => {
    expect(runs.json).toBe(`${JSON.stringify(EXPECTED_JSON, null, 2)}\n`);
  });

  it('writes the Mermaid graph', () => {
    expect(runs.mermaid).toBe(EXPECTED_MERMAID);
  });

  it('the README and docs/map.md show the current output', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs/map.md'), 'utf8');
    expect(readme).toContain(`\`\`\`mermaid\n${EXPECTED_MERMAID}\`\`\``);
    expect(docs).toContain(`\`\`\`mermaid\n${EXPECTED_MERMAID}\`\`\``);
    expect(docs).toContain(`\`\`\`text\n${EXPECTED_TABLE}\`\`\``);
    // the README quotes two handler-to-handler rows, docs/map.md one edge of the JSON
    const flows = EXPECTED_TABLE.split('\n').filter((line) => line.startsWith('orders POST /orders ')).map((line) => line.replace(/ {2,}/g, '  '));
    expect(flows).toHaveLength(2);
    for (const flow of flows) expect(readme.replace(/ {2,}/g, '  ')).toContain(flow);
    const excerpt = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(docs)?.[1] ?? '{}') as { edges: unknown[] };
    expect(excerpt.edges[1]).toEqual(EXPECTED_JSON.edges.find((edge) => edge.from === 'orders' && edge.to === 'payments'));
  });
});

describe('durable-writes map fixtures/fulfilment', () => {
  it('prints the writes inside durable steps as durable edges, apart from the findings', () => {
    expect(runs.fulfilment.stdout).toBe(EXPECTED_FULFILMENT_TABLE);
  });

  it('--fail-on any counts the findings only', () => {
    expect(runs.fulfilment.code).toBe(1);
    expect(runs.fulfilment.stderr).toBe('durable-writes map: --fail-on any: 2 findings\n');
  });

  it('writes the durable edges to the JSON, outside the edges and the summary', () => {
    const json = JSON.parse(runs.fulfilmentJson) as {
      edges: { calls: unknown[] }[];
      durableEdges: { from: string; to: string; calls: { step: string }[] }[];
      summary: { findings: number };
    };
    expect(json.summary.findings).toBe(2);
    expect(json.edges.flatMap((edge) => edge.calls)).toHaveLength(2);
    expect(json.durableEdges.map((edge) => `${edge.from} → ${edge.to}: ${edge.calls.map((call) => call.step).join(', ')}`)).toEqual([
      'fulfilment → billing: Trigger.dev task run',
      'fulfilment → inventory: Azure Durable Functions activity',
      'fulfilment → payments: Cloudflare Workflows step.do, Inngest step.run, Restate ctx.run, Temporal activity module',
      'fulfilment → shipping: @DBOS.step(), Temporal activity module',
    ]);
  });
});

describe('--fail-on new --baseline', () => {
  it('exits 0 on the code the baseline was made from', () => {
    expect(runs.roundTrip.code).toBe(0);
    expect(runs.roundTrip.stdout).toBe(EXPECTED_MERMAID);
    expect(runs.roundTrip.stderr).toBe(`durable-writes map: no new findings (baseline ${runs.baselineFile})\n`);
  });

  it('exits 1 and names a new call added to a copy', () => {
    expect(runs.newCall.code).toBe(1);
    expect(runs.newCall.stderr).toBe(
      `durable-writes map: 1 new finding not in the baseline ${runs.baselineFile}:\n` +
        '  orders/src/refunds.ts:5:9  no-sync-critical-write  orders → payments  POST /refunds\n',
    );
  });
});

describe('bad input', () => {
  it('a folder without source files: exit 2 and a one-line error', () => {
    expect(runs.noFiles.code).toBe(2);
    expect(runs.noFiles.stdout).toBe('');
    expect(runs.noFiles.stderr).toBe(
      'durable-writes: no JavaScript or TypeScript files in . (node_modules, dist, build, coverage and hidden folders are left out)\n',
    );
  });

  it('a tsconfig that is not valid JSON: a warning that says where it breaks, and its files mapped without types', () => {
    expect(runs.brokenTsconfig.code).toBe(0);
    expect(runs.brokenTsconfig.stderr).toMatch(
      /^durable-writes map: warning: .*tsconfig\.json is not a valid tsconfig: ',' expected\. \(line 1, column 42\); the files it would type are linted without types\n$/,
    );
    expect(runs.brokenTsconfig.stdout).toContain('1 file linted: 0 with types, 1 without (broken tsconfig 1); 0 skipped');
  });

  it('a file with a syntax error is reported as skipped, and the rest is still mapped', () => {
    const map = JSON.parse(runs.syntaxError.stdout) as typeof EXPECTED_JSON;
    expect(runs.syntaxError.code).toBe(1);
    expect(runs.syntaxError.stderr).toBe(
      `durable-writes map: skipped payments/src/settlement.service.ts:${runs.brokenLine}:13: Parsing error: Variable declaration expected.\n` +
        'durable-writes map: --fail-on any: 4 findings\n',
    );
    expect(map.skipped).toEqual([{ file: 'payments/src/settlement.service.ts', line: runs.brokenLine, column: 13, message: 'Parsing error: Variable declaration expected.' }]);
    expect(map.summary.files).toEqual({ typed: 10, untyped: 0, untypedBecause: { javascript: 0, 'no-tsconfig': 0, 'not-included': 0, 'tsconfig-error': 0 } });
    expect(map.edges.flatMap((edge) => edge.calls.map((call) => `${edge.from} → ${edge.to} ${call.file}:${call.line} ${call.rule}`))).toEqual([
      'payments → RabbitMQ payments/src/chargeback.service.ts:52 no-dual-write',
      'payments → ledger payments/src/ledger.client.ts:34 no-sync-critical-write',
      'payments → ledger payments/src/ledger.client.ts:49 no-sync-critical-write',
      'payments → ledger payments/src/ledger.client.ts:68 no-sync-critical-write',
    ]);
  });

  it('--help prints the usage and exits 0', () => {
    expect(runs.help.code).toBe(0);
    expect(runs.help.stdout).toMatch(/^Usage: durable-writes map \[path\] \[options\]\n/);
    for (const flag of ['--format', '--tsconfig', '--config', '--depth', '--fail-on', '--baseline', '--help']) expect(runs.help.stdout).toContain(flag);
  });

  it('an unknown flag or format: exit 2 with the usage on stderr', () => {
    expect(runs.badFlag.code).toBe(2);
    expect(runs.badFlag.stdout).toBe('');
    expect(runs.badFlag.stderr).toMatch(/^durable-writes: Unknown option '--bogus'\n\nUsage: durable-writes map/);
    expect(runs.badFormat.code).toBe(2);
    expect(runs.badFormat.stderr).toMatch(/^durable-writes: --format must be one of table, json, mermaid, markdown, sarif \(got "xml"\)\n\nUsage:/);
  });
});

describe('--format sarif', () => {
  it('writes SARIF 2.1.0 with one result per finding, entry points as related locations, skipped files as notifications', () => {
    const sarif = JSON.parse(runs.syntaxErrorSarif) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations: { message: { text: string } }[] }[];
        invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run?.tool.driver.name).toBe('durable-writes map');
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(['no-dual-write', 'no-sync-critical-write']);
    expect(run?.results.map((result) => `${result.ruleId} ${result.locations[0]?.physicalLocation.artifactLocation.uri}:${result.locations[0]?.physicalLocation.region.startLine}`)).toEqual([
      'no-dual-write payments/src/chargeback.service.ts:52',
      'no-sync-critical-write payments/src/ledger.client.ts:34',
      'no-sync-critical-write payments/src/ledger.client.ts:49',
      'no-sync-critical-write payments/src/ledger.client.ts:68',
    ]);
    expect(run?.results[1]?.relatedLocations.map((location) => location.message.text)).toEqual(['entry point (route): POST /payments']);
    expect(run?.invocations[0]?.toolExecutionNotifications.map((notification) => notification.message.text)).toEqual([
      'skipped, could not be parsed: Parsing error: Variable declaration expected.',
    ]);
  });
});
