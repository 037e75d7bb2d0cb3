/** Plain-text columns: each column as wide as its widest cell, two spaces apart, no trailing spaces. */
export function renderColumns(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, [...cell].length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const padding = ' '.repeat((widths[column] ?? 0) - [...cell].length);
        if (rightAligned.has(column)) return padding + cell;
        return column === row.length - 1 ? cell : cell + padding;
      })
      .join('  ')
      .trimEnd(),
  );
}
