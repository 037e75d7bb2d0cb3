const OPTIONS_LIST = /(<!-- begin auto-generated rule options list -->)([\s\S]*?)(<!-- end auto-generated rule options list -->)/;

/**
 * The generator lists every nested option it meets in the schema, so the options shared by
 * `publisher` and `outbox` (`call`, `import` and its `from`, `name`, `default`) would appear
 * twice; their descriptions name their parents, and each is listed once.
 * @param {string} content
 */
function listNestedOptionsOnce(content) {
  return content.replace(OPTIONS_LIST, (/** @type {string} */ _match, /** @type {string} */ begin, /** @type {string} */ table, /** @type {string} */ end) => {
    const seen = new Set();
    const rows = table.split('\n').filter((line) => {
      if (!line.startsWith('| `')) return true;
      if (seen.has(line)) return false;
      seen.add(line);
      return true;
    });
    return `${begin}${rows.join('\n')}${end}`;
  });
}

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  postprocess: listNestedOptionsOnce,
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-type-checked', '☑️'],
    ['strict', '🔒'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionOptions: true,
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'configsOff', 'fixable', 'hasSuggestions', 'requiresTypeChecking'],
};

export default config;
