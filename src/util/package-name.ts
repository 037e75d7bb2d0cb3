/** The package a module specifier names: `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function getPackageName(specifier: string): string {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}
