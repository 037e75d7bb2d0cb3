// Runs every rule of the plugin over real third-party code (node_modules by default) with
// ESLint's `Linter`, and checks that no rule crashes and that every fix and suggestion
// produces code that still parses. Lists every report so a human can review each one.
//
//   npm run check:corpus                      # all of node_modules
//   npm run check:corpus -- some/dir          # another directory
//   npm run check:corpus -- --limit 500       # the first 500 files (sorted by path)
//   npm run check:corpus -- --json reports/corpus.json
//   npm run check:corpus -- --no-stress       # skip the second, stress profile
//
// Each file is parsed once and linted with two option profiles (see PROFILES): `all` is
// what users of `configs.all` see, and its reports are the list to review; `stress` turns on
// every option that makes the rules report more and rewrite more (autofix with a configured
// publisher, outbox import), so fixes and suggestions are exercised on code the default
// options never report. `stress` findings are counted and checked but not listed.
//
// Exit code: 0 when nothing crashed and every fix/suggestion output parses; 1 otherwise
// (a fix or suggestion offered again after being applied is a warning only); 2 on bad
// arguments.
import { Linter } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import plugin from '../dist/index.js';
import {
  buildConfig,
  collectSourceFiles,
  formatMB,
  isParseError,
  NODE_MODULES,
  parseArgs,
  parseVariants,
  positiveInt,
  verifyOptions,
} from './lib/corpus.js';

/** @typedef {import('eslint').Linter.Config} Config */
/** @typedef {import('eslint').Linter.LintMessage} LintMessage */
/** @typedef {import('eslint').Rule.Fix} Fix */
/** @typedef {import('eslint').SourceCode} SourceCode */
/** @typedef {import('./lib/corpus.js').ParseVariant} ParseVariant */

/**
 * @typedef {object} ProfileDefinition
 * @property {string} name
 * @property {string} description
 * @property {boolean} listReports whether its reports are the ones printed for review
 * @property {Record<string, unknown>} options merged into each rule's options where the rule has the option
 */

/** @type {ProfileDefinition[]} */
const PROFILES = [
  {
    name: 'all',
    description: 'plugin.configs.all, plus options that widen which files are looked at',
    listReports: true,
    options: { checkTestFiles: true, checkBrowserCode: true },
  },
  {
    name: 'stress',
    description: 'every option that makes rules report and rewrite more; checked for crashes and fix validity only',
    listReports: false,
    options: {
      checkTestFiles: true,
      checkBrowserCode: true,
      criticality: 'all',
      unknownMethod: 'write',
      relativeUrls: 'internal',
      fix: true,
      publisher: { call: 'corpusEvents.publish', import: { from: 'corpus-events', name: 'corpusEvents' } },
      outbox: { call: 'corpusOutbox.enqueue', import: { from: './corpus-outbox.js', name: 'corpusOutbox', default: true } },
    },
  },
];

const PROGRESS_EVERY = 500;
const namespace = plugin.meta.namespace;

/**
 * @typedef {object} Profile
 * @property {ProfileDefinition} definition
 * @property {Config} config
 * @property {Map<string, { full: Config[], bare: Config[] }>} configs per parse variant label
 */

/**
 * The option names a rule accepts: the keys of its default options and of its schema.
 * @param {import('eslint').Rule.RuleModule | undefined} rule
 * @returns {Set<string>}
 */
function optionNames(rule) {
  const names = new Set();
  const defaults = /** @type {unknown} */ (rule?.meta?.defaultOptions?.[0]);
  if (defaults && typeof defaults === 'object') for (const key of Object.keys(defaults)) names.add(key);
  const schema = /** @type {unknown} */ (rule?.meta?.schema);
  const first = /** @type {{ properties?: Record<string, unknown> } | undefined} */ (Array.isArray(schema) ? schema[0] : undefined);
  for (const key of Object.keys(first?.properties ?? {})) names.add(key);
  return names;
}

/**
 * `plugin.configs.all` with `options` merged into the options of each rule that has them, so
 * rules added later are covered automatically.
 * @param {Record<string, unknown>} options
 * @returns {Config}
 */
function profileConfig(options) {
  const all = plugin.configs.all;
  /** @type {import('eslint').Linter.RulesRecord} */
  const rules = {};
  for (const [ruleId, entry] of Object.entries(all.rules ?? {})) {
    if (entry === undefined) continue;
    const severity = Array.isArray(entry) ? entry[0] : entry;
    const ruleOptions = Array.isArray(entry) ? entry.slice(1) : [];
    const accepted = optionNames(plugin.rules[ruleId.slice(namespace.length + 1)]);
    const applicable = Object.entries(options).filter(([key]) => accepted.has(key));
    if (applicable.length === 0) {
      rules[ruleId] = entry;
      continue;
    }
    const first = /** @type {Record<string, unknown> | undefined} */ (ruleOptions[0]);
    rules[ruleId] = [severity, { ...first, ...Object.fromEntries(applicable) }, ...ruleOptions.slice(1)];
  }
  return { ...all, rules };
}

/**
 * @param {Profile} profile
 * @param {ParseVariant} variant
 */
function configsFor(profile, variant) {
  let configs = profile.configs.get(variant.label);
  if (!configs) {
    configs = { full: buildConfig(variant, [profile.config]), bare: buildConfig(variant, []) };
    profile.configs.set(variant.label, configs);
  }
  return configs;
}

/**
 * @param {string} text
 * @param {Fix} fix
 * @returns {string}
 */
function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/**
 * @param {Fix | undefined} a
 * @param {Fix} b
 * @returns {boolean}
 */
function sameFix(a, b) {
  return !!a && a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/**
 * @param {string} text
 * @param {number} line 1-based
 * @returns {string}
 */
function lineAt(text, line) {
  return (text.split('\n')[line - 1] ?? '').trim().slice(0, 200);
}

/** @param {unknown} error */
function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return `${error.message}\n${frames.slice(0, 5).join('\n')}`;
}

/** @param {unknown} error */
function ruleIdOf(error) {
  const ruleId = error && typeof error === 'object' ? /** @type {{ ruleId?: unknown }} */ (error).ruleId : undefined;
  return typeof ruleId === 'string' ? ruleId : null;
}

/**
 * @typedef {object} Report
 * @property {string} profile
 * @property {string} path relative to the scanned root
 * @property {number} line
 * @property {number} column
 * @property {string} ruleId
 * @property {string} message
 * @property {string} source the reported line, trimmed
 * @property {boolean} hasFix
 * @property {number} suggestions
 */

/**
 * @typedef {object} Crash
 * @property {string} profile
 * @property {string} path
 * @property {string | null} ruleId
 * @property {string} phase `lint`, or `relint-fix`/`relint-suggestion` for a fixed output
 * @property {string} error
 */

/**
 * @typedef {object} OutputProblem
 * @property {string} profile
 * @property {string} path
 * @property {number} line
 * @property {number} column
 * @property {string} ruleId
 * @property {'fix' | 'suggestion'} kind
 * @property {string} [desc] the suggestion's description
 * @property {Fix} fix
 * @property {string} problem the parse error, or what reappeared
 * @property {string} [outputLine] the line of the output the parse error points at
 */

function main() {
  const { flags, switches, positional } = parseArgs(process.argv.slice(2), ['--limit', '--json'], ['--no-stress']);
  if (positional.length > 1) throw new Error('give at most one directory to scan');
  const root = path.resolve(positional[0] ?? NODE_MODULES);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`not a directory: ${root}`);
  const limit = positiveInt(flags.get('--limit'), '--limit');
  const jsonFile = flags.get('--json');

  const started = process.hrtime.bigint();
  const collected = collectSourceFiles(root);
  const files = limit ? collected.files.slice(0, limit) : collected.files;
  /** @type {Profile[]} */
  const profiles = PROFILES.filter((definition) => !(switches.has('--no-stress') && definition.name === 'stress')).map(
    (definition) => ({ definition, config: profileConfig(definition.options), configs: new Map() }),
  );
  const ruleIds = Object.keys(plugin.configs.all.rules ?? {});
  const linter = new Linter({ cwd: root });

  /** @type {Report[]} */
  const reports = [];
  /** @type {Crash[]} */
  const crashes = [];
  /** @type {OutputProblem[]} */
  const invalidOutputs = [];
  /** @type {OutputProblem[]} */
  const reappearing = [];
  /** @type {{ path: string, reason: string }[]} */
  const unparseable = [];
  /** @type {Map<string, number>} */
  const variantsUsed = new Map();
  /** @type {Map<string, number>} */
  const otherMessages = new Map();
  /** @type {Record<string, { fix: number, suggestion: number }>} */
  const checked = Object.fromEntries(profiles.map((profile) => [profile.definition.name, { fix: 0, suggestion: 0 }]));
  let scanned = 0;
  let scannedBytes = 0;

  /**
   * Applies one fix or suggestion, re-lints the output with the same parser and config, and
   * records an output that no longer parses or that offers the identical change again.
   * @param {{ profile: Profile, text: string, file: string, rel: string, variant: ParseVariant, message: LintMessage, kind: 'fix' | 'suggestion', fix: Fix, desc?: string }} item
   */
  const checkOutput = ({ profile, text, file, rel, variant, message, kind, fix, desc }) => {
    const name = profile.definition.name;
    /** @type {{ fix: number, suggestion: number }} */ (checked[name])[kind] += 1;
    const ruleId = /** @type {string} */ (message.ruleId);
    const output = applyFix(text, fix);
    /** @type {OutputProblem} */
    const base = { profile: name, path: rel, line: message.line, column: message.column, ruleId, kind, fix, problem: '' };
    if (desc !== undefined) base.desc = desc;
    /** @type {LintMessage[]} */
    let after;
    try {
      after = linter.verify(output, configsFor(profile, variant).full, verifyOptions(file));
    } catch (error) {
      crashes.push({ profile: name, path: rel, ruleId: ruleIdOf(error), phase: `relint-${kind}`, error: describeError(error) });
      return;
    }
    const parseError = after.find(isParseError);
    if (parseError) {
      invalidOutputs.push({
        ...base,
        problem: `${parseError.message} at ${parseError.line}:${parseError.column}`,
        outputLine: lineAt(output, parseError.line),
      });
      return;
    }
    const again = after.some(
      (next) =>
        next.ruleId === ruleId &&
        (kind === 'fix'
          ? sameFix(next.fix, fix)
          : (next.suggestions ?? []).some((suggestion) => suggestion.desc === desc && sameFix(suggestion.fix, fix))),
    );
    if (again) reappearing.push({ ...base, problem: `the identical ${kind} is offered again at the same range` });
  };

  /**
   * Records the messages of one profile for one file and checks their fixes and suggestions.
   * @param {Profile} profile
   * @param {LintMessage[]} messages
   * @param {{ text: string, file: string, rel: string, variant: ParseVariant }} source
   */
  const handleMessages = (profile, messages, source) => {
    const name = profile.definition.name;
    for (const message of messages) {
      if (message.fatal) {
        crashes.push({ profile: name, path: source.rel, ruleId: message.ruleId, phase: 'lint', error: `fatal message: ${message.message}` });
        continue;
      }
      if (!message.ruleId?.startsWith(`${namespace}/`)) {
        const key = message.ruleId ?? '(no rule)';
        otherMessages.set(key, (otherMessages.get(key) ?? 0) + 1);
        continue;
      }
      reports.push({
        profile: name,
        path: source.rel,
        line: message.line,
        column: message.column,
        ruleId: message.ruleId,
        message: message.message,
        source: lineAt(source.text, message.line),
        hasFix: !!message.fix,
        suggestions: message.suggestions?.length ?? 0,
      });
      if (message.fix) checkOutput({ profile, ...source, message, kind: 'fix', fix: message.fix });
      for (const suggestion of message.suggestions ?? []) {
        checkOutput({ profile, ...source, message, kind: 'suggestion', fix: suggestion.fix, desc: suggestion.desc });
      }
    }
  };

  const [firstProfile, ...otherProfiles] = profiles;
  if (!firstProfile) throw new Error('no profile to run');

  for (const [index, { file, rel, size }] of files.entries()) {
    if (index > 0 && index % PROGRESS_EVERY === 0) {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stderr.write(
        `[check-corpus] ${index}/${files.length} files, ${reports.length} reports, ${crashes.length} crashes, ${seconds.toFixed(1)}s\n`,
      );
    }
    // ESLint lints (and places fixes in) the text without its byte order mark
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');

    // Parse (and lint with the first profile) with each parse variant until one parses.
    /** @type {{ variant: ParseVariant, messages: LintMessage[], sourceCode: SourceCode } | undefined} */
    let linted;
    /** @type {string | undefined} */
    let failure;
    for (const variant of parseVariants(file)) {
      try {
        const messages = linter.verify(text, configsFor(firstProfile, variant).full, verifyOptions(file));
        const parseError = messages.find(isParseError);
        if (parseError) {
          failure ??= `${variant.label}: ${parseError.message} at ${parseError.line}:${parseError.column}`;
          continue;
        }
        linted = { variant, messages, sourceCode: linter.getSourceCode() };
      } catch (error) {
        // Blame the plugin only if the same file lints without its rules.
        try {
          linter.verify(text, configsFor(firstProfile, variant).bare, verifyOptions(file));
          failure = undefined;
          scanned += 1;
          scannedBytes += size;
          crashes.push({ profile: firstProfile.definition.name, path: rel, ruleId: ruleIdOf(error), phase: 'lint', error: describeError(error) });
        } catch (bareError) {
          const detail = bareError instanceof Error ? bareError.message : String(bareError);
          failure = `${variant.label}: ESLint fails even without rules: ${detail.split('\n')[0] ?? ''}`;
        }
      }
      break;
    }
    if (!linted) {
      if (failure) unparseable.push({ path: rel, reason: failure });
      continue;
    }

    const { variant, sourceCode } = linted;
    scanned += 1;
    scannedBytes += size;
    variantsUsed.set(variant.label, (variantsUsed.get(variant.label) ?? 0) + 1);
    const source = { text, file, rel, variant };
    handleMessages(firstProfile, linted.messages, source);
    // Later profiles reuse the parsed SourceCode (and its scope analysis): no second parse.
    for (const profile of otherProfiles) {
      /** @type {LintMessage[]} */
      let messages;
      try {
        messages = linter.verify(sourceCode, configsFor(profile, variant).full, verifyOptions(file));
      } catch (error) {
        crashes.push({ profile: profile.definition.name, path: rel, ruleId: ruleIdOf(error), phase: 'lint', error: describeError(error) });
        continue;
      }
      handleMessages(profile, messages, source);
    }
  }

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  /** @type {Record<string, Record<string, number>>} */
  const perRule = Object.fromEntries(
    profiles.map((profile) => [profile.definition.name, Object.fromEntries(ruleIds.map((id) => [id, 0]))]),
  );
  for (const report of reports) {
    const counts = /** @type {Record<string, number>} */ (perRule[report.profile]);
    counts[report.ruleId] = (counts[report.ruleId] ?? 0) + 1;
  }
  const listed = reports.filter((report) => profiles.find((p) => p.definition.name === report.profile)?.definition.listReports);

  const out = [];
  out.push(`check-corpus: ${root}`);
  for (const profile of profiles) {
    out.push(`profile ${profile.definition.name}: ${profile.definition.description}`);
    for (const [id, entry] of Object.entries(profile.config.rules ?? {})) out.push(`  ${id} ${JSON.stringify(entry)}`);
  }
  out.push(
    `files scanned:               ${scanned} (${formatMB(scannedBytes)}) of ${files.length} selected` +
      `${limit ? ` (--limit ${limit} of ${collected.files.length})` : ''}; ${collected.tooLarge.length} over 1 MB left out`,
  );
  out.push(`files skipped (unparseable): ${unparseable.length}`);
  out.push(`parsers used:                ${[...variantsUsed].map(([label, count]) => `${label} ${count}`).join(', ')}`);
  out.push('reports per rule:');
  for (const [name, counts] of Object.entries(perRule)) {
    for (const [id, count] of Object.entries(counts)) out.push(`  [${name}] ${id}: ${count}`);
  }
  if (otherMessages.size > 0) out.push(`other messages (not from the plugin): ${[...otherMessages].map(([id, n]) => `${id} ${n}`).join(', ')}`);
  out.push(`crashes:                     ${crashes.length}`);
  for (const [name, counts] of Object.entries(checked)) {
    out.push(`${`outputs checked [${name}]:`.padEnd(29)}${counts.fix} fixes, ${counts.suggestion} suggestions`);
  }
  out.push(`invalid fix/suggestion outputs: ${invalidOutputs.length}`);
  out.push(`fixes/suggestions offered again after applying (warnings): ${reappearing.length}`);
  out.push(`wall time:                   ${seconds.toFixed(1)}s`);

  if (crashes.length > 0) {
    out.push('', `CRASHES (${crashes.length}):`);
    for (const crash of crashes) {
      out.push(`${crash.path} [${crash.profile}, ${crash.phase}] ${crash.ruleId ?? '(no rule id)'}\n  ${crash.error.replace(/\n/g, '\n  ')}`);
    }
  }
  /** @param {OutputProblem} item */
  const describeOutput = (item) =>
    `${item.path}:${item.line}:${item.column} ${item.ruleId} [${item.profile}] ${item.kind}${item.desc ? ` "${item.desc}"` : ''}: ${item.problem}`;
  if (invalidOutputs.length > 0) {
    out.push('', `INVALID OUTPUTS (${invalidOutputs.length}):`);
    for (const item of invalidOutputs) {
      out.push(
        `${describeOutput(item)}\n  replaced [${item.fix.range[0]}, ${item.fix.range[1]}) with ${JSON.stringify(item.fix.text)}` +
          `\n  output line: ${item.outputLine ?? ''}`,
      );
    }
  }
  if (reappearing.length > 0) out.push('');
  for (const item of reappearing) out.push(`warning: ${describeOutput(item)}`);
  if (unparseable.length > 0) {
    out.push('', `UNPARSEABLE, SKIPPED (${unparseable.length}):`);
    for (const item of unparseable) out.push(`${item.path}: ${item.reason}`);
  }
  out.push('', `REPORTS (${listed.length}, profile ${profiles.filter((p) => p.definition.listReports).map((p) => p.definition.name).join(', ')}):`);
  for (const report of listed) out.push(`${report.path}:${report.line}:${report.column} ${report.ruleId} ${report.message}`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (jsonFile) {
    const summary = {
      root,
      profiles: profiles.map((profile) => ({ ...profile.definition, rules: profile.config.rules })),
      filesSelected: files.length,
      filesScanned: scanned,
      bytesScanned: scannedBytes,
      filesUnparseable: unparseable.length,
      filesOverSizeLimit: collected.tooLarge.length,
      parsersUsed: Object.fromEntries(variantsUsed),
      reportsPerRule: perRule,
      crashes: crashes.length,
      outputsChecked: checked,
      invalidOutputs: invalidOutputs.length,
      reappearing: reappearing.length,
      wallTimeSeconds: Number(seconds.toFixed(2)),
    };
    fs.mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true });
    fs.writeFileSync(jsonFile, `${JSON.stringify({ summary, crashes, invalidOutputs, reappearing, unparseable, reports }, null, 2)}\n`);
    process.stderr.write(`[check-corpus] wrote ${jsonFile}\n`);
  }

  return crashes.length > 0 || invalidOutputs.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`check-corpus: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
