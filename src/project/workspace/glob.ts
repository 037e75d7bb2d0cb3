/**
 * The small subset of glob syntax that workspace lists and service mappings use: `*`, `**`,
 * `?`, `{a,b}` and a leading `!` for exclusions; paths relative to the root with `/`.
 */

/** Compiled globs: a repository's few globs are matched against every one of its files. */
const COMPILED = new Map<string, RegExp>();

/** A regular expression matching whole relative paths. */
export function globToRegExp(glob: string): RegExp {
  let compiled = COMPILED.get(glob);
  if (!compiled) {
    compiled = compileGlob(glob);
    COMPILED.set(glob, compiled);
  }
  return compiled;
}

function compileGlob(glob: string): RegExp {
  let source = '';
  let braces = 0;
  const pattern = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        const atSegmentStart = index === 0 || pattern[index - 1] === '/';
        const slashAfter = pattern[index + 2] === '/';
        if (atSegmentStart && slashAfter) {
          source += '(?:[^/]+/)*';
          index += 2;
        } else {
          source += '.*';
          index += 1;
        }
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      braces += 1;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (char === ',' && braces > 0) {
      source += '|';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Whether `relativePath` matches `glob`, or lies inside a folder that matches it. */
export function matchesGlobOrInside(relativePath: string, glob: string): boolean {
  const pattern = globToRegExp(glob);
  const parts = relativePath.split('/');
  for (let length = parts.length; length > 0; length -= 1) {
    if (pattern.test(parts.slice(0, length).join('/'))) return true;
  }
  return false;
}

/** The number of leading path segments without wildcards: how specific a glob is. */
export function literalDepth(glob: string): number {
  let depth = 0;
  for (const segment of glob.replace(/^\.\//, '').split('/')) {
    if (/[*?{]/.test(segment)) break;
    depth += 1;
  }
  return depth;
}
