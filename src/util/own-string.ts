/**
 * A string cut from a larger one, copied so that it no longer holds the larger one. V8 keeps a
 * slice of a long string (a regular-expression group, `slice`, an identifier's name read from
 * its file's text) as a view into the whole string: a cache keyed by names read from files would
 * keep the text of every file read alive for the whole run. What is kept past the file it comes
 * from goes through this.
 */
export function ownString(value: string): string {
  // V8 copies slices shorter than 13 characters; a longer one is copied by flattening a concatenation
  return value.length < 13 ? value : ` ${value}`.slice(1);
}
