/**
 * A callee as messages print it: on one line, and when long, with the longer argument lists
 * of its chain elided (`ds.createQueryBuilder().update('orders').set(…).where(…).execute`).
 */
const MAX_LENGTH = 60;
const MAX_ARGUMENTS = 16;

export function formatCalleeLabel(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, '');
  if (oneLine.length <= MAX_LENGTH) return oneLine;
  let result = '';
  let depth = 0;
  let groupStart = -1;
  for (const char of oneLine) {
    if (char === '(') {
      depth += 1;
      if (depth === 1) {
        result += char;
        groupStart = result.length;
        continue;
      }
    } else if (char === ')' && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        if (result.length - groupStart > MAX_ARGUMENTS) result = `${result.slice(0, groupStart)}…`;
        result += char;
        continue;
      }
    }
    result += char;
  }
  return result;
}
