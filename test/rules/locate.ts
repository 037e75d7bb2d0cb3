/**
 * Positions in test code, for the rule tests' expected errors: they are computed from the
 * code itself (the text the report covers), so a case states text, not line numbers.
 */

/** Line and column (1-based, ESLint style) of a character offset. */
export function position(code: string, offset: number): { line: number; column: number } {
  const before = code.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** Offset of the `nth` (1-based) occurrence of `text`; throws when the code lacks it. */
export function indexOf(code: string, text: string, nth: number): number {
  let index = -1;
  for (let seen = 0; seen < nth; seen += 1) {
    index = code.indexOf(text, index + 1);
    if (index === -1) throw new Error(`expected text ${JSON.stringify(text)} (occurrence ${nth}) is not in the test code`);
  }
  return index;
}

export interface Located {
  /** the text the report covers */
  readonly at: string;
  /** a longer text around it that is unique in the code: `at` is its first match inside it */
  readonly within?: string;
  /** which occurrence of `within` (or of `at` without it), 1-based */
  readonly nth?: number;
}

/** The range a report on `at` covers, ESLint style. */
export function locate(code: string, expected: Located): { line: number; column: number; endLine: number; endColumn: number } {
  const nth = expected.nth ?? 1;
  let index: number;
  if (expected.within === undefined) {
    index = indexOf(code, expected.at, nth);
  } else {
    const offset = expected.within.indexOf(expected.at);
    if (offset === -1) throw new Error(`${JSON.stringify(expected.at)} is not inside ${JSON.stringify(expected.within)}`);
    index = indexOf(code, expected.within, nth) + offset;
  }
  const start = position(code, index);
  const end = position(code, index + expected.at.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
