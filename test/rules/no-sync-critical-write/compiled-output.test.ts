/**
 * JavaScript a compiler wrote beside its TypeScript source (`pay.js` next to `pay.ts`, from `tsc`
 * without an `outDir`) is not checked: the write is reported once, in the source. A JavaScript file
 * beside a TypeScript one of the same name that a person wrote is checked like any other.
 */
import path from 'node:path';
import { writeProject } from '../../project/helpers.js';
import { js, jsTester, PAY, PAY_REPORT, RULE_NAME, rule } from './helpers.js';

/**
 * tsc's output for ES modules: the source less its types, with a link to its source map (the
 * comment is put together here: written whole, tools would take it for this test file's own link).
 */
const PAY_EMITTED = `${PAY}${['//#', 'sourceMappingURL=pay.js.map'].join(' ')}\n`;

/** tsc's output for CommonJS. */
const PAY_COMMONJS = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pay = pay;
const axios = require("axios");
async function pay(orderId, amount) {
  await axios.post('http://localhost:3005/api/payments/process', { orderId, amount });
}
`;

const SOURCE = `import axios from 'axios';

export async function pay(orderId: string, amount: number): Promise<void> {
  await axios.post('http://localhost:3005/api/payments/process', { orderId, amount });
}
`;

/** `src/pay.js` of a temporary project holding `files` beside it. */
function payFile(files: Readonly<Record<string, string>>): string {
  return path.join(writeProject({ 'package.json': { name: 'orders', private: true }, ...files }), 'src', 'pay.js');
}

jsTester.run(RULE_NAME, rule, {
  valid: [
    js.valid(PAY_EMITTED, { filename: payFile({ 'src/pay.ts': SOURCE }), name: "tsc's ES module output beside its source" }),
    js.valid(PAY_COMMONJS, { filename: payFile({ 'src/pay.ts': SOURCE }), name: "tsc's CommonJS output beside its source" }),
  ],
  invalid: [
    js.invalid(PAY_EMITTED, PAY_REPORT, { filename: payFile({}), name: 'compiled output whose source is not beside it (the only copy linted)' }),
    js.invalid(PAY_COMMONJS, PAY_REPORT, { filename: payFile({ 'src/pay.d.ts': 'export declare function pay(orderId: string, amount: number): Promise<void>;\n' }), name: 'a declaration file beside it is no source' }),
    js.invalid(PAY, PAY_REPORT, { filename: payFile({ 'src/pay.ts': SOURCE }), name: 'hand-written JavaScript beside a TypeScript file of the same name' }),
  ],
});
