import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCompiledTwin } from '../../src/project/workspace/compiled-output.js';
import { writeProject } from './helpers.js';

/** Put together here: written whole at a line's start, tools would take it for this file's own source-map link. */
const MAP_LINK = (file: string): string => `${['//#', `sourceMappingURL=${file}.map`].join(' ')}\n`;
const INTEROP = '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n';
const AWAITER = 'var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {};\n';
const DECORATE = 'var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {};\n';

describe('isCompiledTwin', () => {
  const root = writeProject({
    'src/pay.ts': 'export const pay = 1;\n',
    'src/pay.d.ts': 'export declare const pay = 1;\n',
    'src/only-types.d.ts': 'export declare const x = 1;\n',
    'src/view.tsx': 'export const View = () => null;\n',
    'src/esm.mts': 'export const x = 1;\n',
    'src/cjs.cts': 'export const x = 1;\n',
  });
  const file = (name: string): string => path.join(root, 'src', name);

  it.each([
    ['a source-map link', 'pay.js', `export const pay = 1;\n${MAP_LINK('pay.js')}`],
    ['the CommonJS interop flag', 'pay.js', `${INTEROP}exports.pay = 1;\n`],
    ["TypeScript's async helper", 'pay.js', `${AWAITER}exports.pay = 1;\n`],
    ["TypeScript's decorator helper", 'pay.js', `${DECORATE}exports.pay = 1;\n`],
    ['.jsx from .tsx', 'view.jsx', `export const View = () => null;\n${MAP_LINK('view.jsx')}`],
    ['.mjs from .mts', 'esm.mjs', `export const x = 1;\n${MAP_LINK('esm.mjs')}`],
    ['.cjs from .cts', 'cjs.cjs', `${INTEROP}exports.x = 1;\n`],
  ])('%s beside its TypeScript source is compiled output', (_mark, name, text) => {
    expect(isCompiledTwin(file(name), text)).toBe(true);
  });

  it.each([
    ['no compiler mark (written by a person)', 'pay.js', 'export const pay = 1;\n'],
    ['a mark but no source beside it', 'other.js', `${INTEROP}exports.other = 1;\n`],
    ['a declaration file is no source', 'only-types.js', `${INTEROP}exports.x = 1;\n`],
    ['a link mentioned inside a line', 'pay.js', `const note = "${['//#', 'sourceMappingURL=x'].join(' ')}";\n`],
    ['a TypeScript file', 'pay.ts', `${INTEROP}exports.pay = 1;\n`],
    ['.js from .mts is no pair', 'esm.js', `${INTEROP}exports.x = 1;\n`],
  ])('%s is not', (_case, name, text) => {
    expect(isCompiledTwin(file(name), text)).toBe(false);
  });
});
