/**
 * Recovers the data of a reported message from its text. ESLint's `LintMessage` carries the
 * interpolated message but not the `data` it was built from; the rule's own template
 * (`meta.messages[messageId]`) says where each value sits, so the text is matched against a
 * regular expression built from that template rather than against hand-written patterns.
 */

/** ESLint's placeholder syntax, `{{name}}` or `{{ name }}`. */
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

export interface MessageTemplate {
  readonly template: string;
  /** anchored; one capture group per distinct placeholder, repeats as backreferences */
  readonly pattern: RegExp;
  /** placeholder names, in the order of their groups */
  readonly names: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const compiled = new Map<string, MessageTemplate>();

/**
 * Builds the regular expression of a message template: literal text escaped, each placeholder a
 * lazy named group (`p0`, `p1`, … since placeholder names need not be identifiers), a placeholder
 * seen before a backreference to its group.
 */
export function compileMessageTemplate(template: string): MessageTemplate {
  const cached = compiled.get(template);
  if (cached) return cached;
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(template.slice(last, match.index));
    const name = match[1] ?? '';
    const index = names.indexOf(name);
    if (index === -1) {
      source += `(?<p${names.length}>[\\s\\S]*?)`;
      names.push(name);
    } else {
      source += `\\k<p${index}>`;
    }
    last = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(last));
  const result = { template, pattern: new RegExp(`^${source}$`), names };
  compiled.set(template, result);
  return result;
}

/** The placeholder values that turn `template` into `message`, or `undefined` when it does not fit. */
export function parseMessage(template: string, message: string): Record<string, string> | undefined {
  const { pattern, names } = compileMessageTemplate(template);
  const match = pattern.exec(message);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, match.groups?.[`p${index}`] ?? '']));
}
