import { describe, expect, it } from 'vitest';
import { compileMessageTemplate, parseMessage } from '../../src/cli/lint/messages.js';

describe('parseMessage', () => {
  it('recovers each placeholder from the interpolated text', () => {
    expect(parseMessage('Synchronous {{request}} to {{service}}.', 'Synchronous POST /payments to payments.')).toEqual({
      request: 'POST /payments',
      service: 'payments',
    });
  });

  it('matches a repeated placeholder as a backreference', () => {
    const template = "to the '{{service}}' service. If '{{service}}' is down";
    expect(compileMessageTemplate(template).pattern.source).toContain('\\k<p0>');
    expect(parseMessage(template, "to the 'ledger' service. If 'ledger' is down")).toEqual({ service: 'ledger' });
    expect(parseMessage(template, "to the 'ledger' service. If 'billing' is down")).toBeUndefined();
  });

  it('escapes the literal text, so regular-expression characters match only themselves', () => {
    const template = '{{a}} (line {{line}}) [x]+? $ ^ | \\ / {{b}}.';
    expect(parseMessage(template, '`repo.save` (line 12) [x]+? $ ^ | \\ / done.')).toEqual({ a: '`repo.save`', line: '12', b: 'done' });
    expect(parseMessage(template, '`repo.save` (line 12) xx $ ^ | \\ / done.')).toBeUndefined();
  });

  it('accepts spaces inside the braces, empty values, and placeholder names that are not identifiers', () => {
    expect(parseMessage('{{ first }}-{{second.part}}!{{note}}', 'a-b!')).toEqual({ first: 'a', 'second.part': 'b', note: '' });
  });

  it('is anchored at both ends', () => {
    expect(parseMessage('x {{a}} y', 'prefix x 1 y')).toBeUndefined();
    expect(parseMessage('x {{a}} y', 'x 1 y suffix')).toBeUndefined();
  });

  it('reads values that contain the text after them, as far as the template allows', () => {
    expect(parseMessage("write ({{evidence}}). If '{{service}}'", `write (path "/a/{f()}/b"). If 'x'`)).toEqual({
      evidence: 'path "/a/{f()}/b"',
      service: 'x',
    });
  });
});
