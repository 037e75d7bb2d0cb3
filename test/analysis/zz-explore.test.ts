import { it } from 'vitest';
import { parse } from './parse.js';
import { evaluateTemplate } from '../../src/analysis/template.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
it('explore', () => {
  const p = parse('const id = 1; const u = `${process.env.PAYMENTS_URL}/payments/${id}`;');
  const t = p.node(AST_NODE_TYPES.TemplateLiteral);
  console.log(JSON.stringify(evaluateTemplate(t, p.file)));
  const q = parse('function f(id) { return `${process.env.PAYMENTS_URL}/payments/${id}`; }', { filename: 'x.js' });
  console.log(JSON.stringify(evaluateTemplate(q.node(AST_NODE_TYPES.TemplateLiteral), q.file)));
});
