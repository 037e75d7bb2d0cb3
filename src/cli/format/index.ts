import type { Format } from '../args/parse.js';
import type { CouplingMap } from '../model/types.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatMermaid } from './mermaid.js';
import { formatSarif } from './sarif.js';
import { formatTable } from './table.js';

export const FORMATTERS: Readonly<Record<Format, (map: CouplingMap) => string>> = {
  table: formatTable,
  json: formatJson,
  mermaid: formatMermaid,
  markdown: formatMarkdown,
  sarif: formatSarif,
};
