/**
 * `--format sarif`: SARIF 2.1.0 for code scanning, written directly. One result per finding,
 * at the reported call, with the map's facts in `properties` and the entry points that reach
 * the call and the handlers that receive it as `relatedLocations`. URIs are relative to the mapped root (`%SRCROOT%`), so run
 * the command from the repository root for code scanning.
 */
import plugin from '../../index.js';
import { REPOSITORY_URL } from '../../util/create-rule.js';
import { allCalls } from '../model/queries.js';
import { type CouplingMap, type MapCall, requestLabel, type RouteHandler } from '../model/types.js';
import { describeGuards, describeHandler, describeUnmatched } from './flows.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function ruleDescriptor(rule: string) {
  const meta = plugin.rules[rule]?.meta;
  const docs = meta?.docs;
  return {
    id: rule,
    name: rule,
    shortDescription: { text: docs?.description ?? rule },
    ...(docs?.url ? { helpUri: docs.url } : {}),
    defaultConfiguration: { level: 'warning' },
  };
}

function physicalLocation(file: string, line: number, column?: number) {
  return {
    artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
    region: column === undefined ? { startLine: line } : { startLine: line, startColumn: column },
  };
}

function receivingHandlers(call: MapCall): readonly RouteHandler[] {
  return call.receiver?.status === 'matched' ? call.receiver.handlers : [];
}

function toResult(call: MapCall, ruleIndex: number) {
  return {
    ruleId: call.rule,
    ruleIndex,
    level: 'warning',
    message: { text: call.message },
    locations: [{ physicalLocation: physicalLocation(call.file, call.line, call.column) }],
    relatedLocations: [
      ...call.entryPoints.map((entry) => ({ message: { text: `entry point (${entry.kind}): ${entry.label}` }, physicalLocation: physicalLocation(entry.file, entry.line) })),
      ...receivingHandlers(call).map((handler) => ({
        message: { text: `receiving handler: ${describeHandler(handler)}, ${describeGuards(handler)}` },
        physicalLocation: physicalLocation(handler.file, handler.line),
      })),
    ].map((location, index) => ({ id: index + 1, ...location })),
    partialFingerprints: { durableWritesKey: [call.rule, call.file, call.from, call.target.name, requestLabel(call)].join('|') },
    properties: {
      from: call.from,
      to: call.target.name,
      toKind: call.target.kind,
      request: requestLabel(call),
      ...(call.receiver ? { receiver: call.receiver.status === 'matched' ? receivingHandlers(call).map(describeHandler).join(', ') : describeUnmatched(call.receiver, call) } : {}),
    },
  };
}

export function formatSarif(map: CouplingMap): string {
  const calls = allCalls(map);
  const rules = [...new Set([...Object.keys(plugin.rules), ...calls.map((call) => call.rule)])].sort();
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'durable-writes map',
            version: plugin.meta.version,
            informationUri: `${REPOSITORY_URL}/blob/main/docs/map.md`,
            rules: rules.map(ruleDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: calls.map((call) => toResult(call, rules.indexOf(call.rule))),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: map.skipped.map((skipped) => ({
              level: 'error',
              message: { text: `skipped, could not be parsed: ${skipped.message}` },
              locations: [{ physicalLocation: physicalLocation(skipped.file, Math.max(skipped.line, 1), skipped.column > 0 ? skipped.column : undefined) }],
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
