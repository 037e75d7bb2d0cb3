/**
 * Is a request a GraphQL operation? A POST whose body carries a GraphQL document (`{ query,
 * variables }`) reads when the document is a query and writes when it is a mutation; the
 * mutation's fields (`updateStock`, `updatePaymentStatus`) say what it writes, as a path would.
 */

export interface GraphqlOperation {
  readonly kind: 'query' | 'mutation' | 'subscription';
  /** the top-level fields the operation selects: `['updateStock']` */
  readonly fields: readonly string[];
}

/** A document's operation keyword, after comments and blanks; an anonymous `{ … }` is a query. */
const OPERATION = /^(?:\s|#[^\n]*\n)*(query|mutation|subscription)\b|^(?:\s|#[^\n]*\n)*\{/;

/** The document's operation and its top-level fields, or undefined when the text is no GraphQL document. */
export function parseGraphqlOperation(text: string): GraphqlOperation | undefined {
  const match = OPERATION.exec(text);
  if (!match) return undefined;
  const kind = (match[1] ?? 'query') as GraphqlOperation['kind'];
  const open = text.indexOf('{', match[0].length - (match[1] ? 0 : 1));
  if (open === -1) return undefined;
  return { kind, fields: getTopLevelFields(text.slice(open + 1)) };
}

/** The field names at the first level of a selection set: `updateStock(id: $id) { id } other` → `updateStock`, `other`. */
function getTopLevelFields(body: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let expectField = true;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (char === '{' || char === '(') depth += 1;
    else if (char === '}' || char === ')') {
      if (depth === 0) break;
      depth -= 1;
      if (depth === 0) expectField = true;
    } else if (depth === 0 && /[A-Za-z_]/.test(char) && expectField) {
      const name = /^[A-Za-z_]\w*/.exec(body.slice(index))![0];
      const rest = body.slice(index + name.length);
      // `alias: field`: the field is the name after the colon
      const aliased = /^\s*:\s*([A-Za-z_]\w*)/.exec(rest);
      fields.push(aliased ? aliased[1]! : name);
      index += name.length + (aliased ? aliased[0].length : 0) - 1;
      expectField = false;
    } else if (depth === 0 && /\s|,/.test(char)) {
      expectField = true;
    }
  }
  return fields;
}
