/**
 * Whether a file belongs to a front-end package: the nearest package.json depends on a UI
 * framework and on no server framework. A browser app calling its own back end is the user's
 * request itself, not one service calling another. In meta-frameworks (Next.js, Nuxt,
 * SvelteKit, Remix, Astro) route handlers, API folders and server modules are server code.
 */
import path from 'node:path';
import { isRecord, readPackageJson } from './workspaces.js';

const UI_PACKAGES = [
  'react-dom', 'react-native', 'vue', '@angular/core', 'svelte', 'solid-js', 'preact', 'expo', '@ionic/core', '@ionic/react',
  '@ionic/angular', 'lit', 'alpinejs', 'ember-source', 'next', 'nuxt', '@sveltejs/kit', '@remix-run/react', 'astro', 'gatsby',
];
const SERVER_PACKAGES = ['express', 'fastify', 'koa', '@nestjs/core', '@hapi/hapi', 'hapi', 'hono', 'restify', 'polka', '@adonisjs/core', 'moleculer'];

/** Server code inside a meta-framework app: API routes, route handlers, server folders and modules. */
const SERVER_PATH =
  /(?:^|[\\/])(?:pages[\\/]api|server|api)[\\/]|(?:^|[\\/])route\.[cm]?[jt]sx?$|\.server\.[cm]?[jt]sx?$|(?:^|[\\/])middleware\.[cm]?[jt]s$|(?:^|[\\/])app[\\/](?:.+[\\/])?actions?[\\/.]/;
const USE_SERVER = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/;

interface PackageKind {
  readonly folder: string;
  readonly frontEnd: boolean;
}

const kinds = new Map<string, PackageKind | null>();

export function isFrontEndPackageFile(fileName: string, text: string): boolean {
  if (!path.isAbsolute(fileName)) return false;
  const kind = findPackageKind(path.dirname(fileName));
  if (!kind?.frontEnd) return false;
  const inPackage = path.relative(kind.folder, fileName);
  return !SERVER_PATH.test(inPackage) && !USE_SERVER.test(text);
}

function findPackageKind(folder: string): PackageKind | undefined {
  const cached = kinds.get(folder);
  if (cached !== undefined) return cached ?? undefined;
  const manifest = readPackageJson(folder);
  let kind: PackageKind | undefined;
  if (manifest) {
    const dependencies = { ...asRecord(manifest.dependencies), ...asRecord(manifest.devDependencies), ...asRecord(manifest.peerDependencies) };
    const has = (names: readonly string[]): boolean => names.some((name) => name in dependencies);
    kind = { folder, frontEnd: has(UI_PACKAGES) && !has(SERVER_PACKAGES) };
  } else {
    const parent = path.dirname(folder);
    kind = parent === folder ? undefined : findPackageKind(parent);
  }
  kinds.set(folder, kind ?? null);
  return kind;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** A gateway or back end for front ends: it relays requests to the services behind it. */
const GATEWAY = /(?:^|[-_@/.])(?:api-?gateway|gateway|gw|bff|backend-for-frontend|edge-?api|proxy)(?:[-_./]|$)/i;

const gateways = new Map<string, boolean>();

/**
 * Whether a file belongs to a gateway: its package (or, in a package holding several services,
 * a folder of it) is named like one (`api-gateway`, `gateway-service`, `web-bff`).
 */
export function isGatewayFile(fileName: string): boolean {
  if (!path.isAbsolute(fileName)) return false;
  const folder = path.dirname(fileName);
  let cached = gateways.get(folder);
  if (cached === undefined) {
    const kind = findPackageKind(folder);
    const manifestName = kind ? readPackageJson(kind.folder)?.name : undefined;
    const own = kind ? [path.basename(kind.folder), typeof manifestName === 'string' ? manifestName : ''] : [];
    const inner = kind ? path.relative(kind.folder, folder).split(path.sep) : [];
    cached = [...own, ...inner].some((name) => GATEWAY.test(name));
    gateways.set(folder, cached);
  }
  return cached;
}
