/**
 * Routes of NestJS controllers: `@Controller('payments')` (or `{ path, version }`, or a list of
 * paths) joined with the method decorator's path (`@Post(':id/refunds')`), under the
 * application's global prefix (`app.setGlobalPrefix('api')`) and, with URI versioning
 * (`app.enableVersioning({ type: VersioningType.URI })`), the version segment `v1` from
 * `@Version('1')`, the controller's `version`, or the default version.
 */
import { type ClassDeclaration, type MethodDeclaration, Node, type SourceFile } from 'ts-morph';
import {
  CONTROLLER_DECORATORS,
  getCalleeProperty,
  getDecoratorArgument,
  getPropertyValue,
  getStaticText,
  joinRoutePaths,
  NEST_ROUTE_DECORATORS,
} from '../code/static-text.js';
import type { FoundRoute } from './routers.js';

/** What `main.ts` says about all routes of the application. */
export interface NestApplication {
  readonly globalPrefix: string;
  /** `undefined` without URI versioning */
  readonly versioning: { readonly prefix: string; readonly defaultVersions: readonly string[] } | undefined;
}

/** Reads `setGlobalPrefix` and `enableVersioning` calls of the given files. */
export function readNestApplication(files: readonly SourceFile[]): NestApplication {
  let globalPrefix = '';
  let versioning: NestApplication['versioning'];
  for (const sourceFile of files) {
    const text = sourceFile.getFullText();
    if (!text.includes('setGlobalPrefix') && !text.includes('enableVersioning')) continue;
    sourceFile.forEachDescendant((node) => {
      if (!Node.isCallExpression(node)) return;
      const callee = getCalleeProperty(node);
      const [first] = node.getArguments();
      if (callee?.name === 'setGlobalPrefix') {
        globalPrefix = getStaticText(first) ?? globalPrefix;
      } else if (callee?.name === 'enableVersioning') {
        const options = Node.isObjectLiteralExpression(first) ? first : undefined;
        const type = options ? getPropertyValue(options, 'type')?.getText() : undefined;
        if (type !== undefined && !/URI$/.test(type)) return;
        const prefixValue = options ? getPropertyValue(options, 'prefix') : undefined;
        const prefix = prefixValue === undefined ? 'v' : prefixValue.getText() === 'false' ? '' : (getStaticText(prefixValue) ?? 'v');
        versioning = { prefix, defaultVersions: versionsOf(options ? getPropertyValue(options, 'defaultVersion') : undefined) };
      }
    });
  }
  return { globalPrefix, versioning };
}

function versionsOf(node: Node | undefined): string[] {
  if (!node) return [];
  if (Node.isArrayLiteralExpression(node)) return node.getElements().flatMap(versionsOf);
  const text = getStaticText(node);
  return text === undefined ? [] : [text];
}

function controllerOf(cls: ClassDeclaration): { paths: string[]; versions: string[] } | undefined {
  const decorator = cls.getDecorators().find((each) => CONTROLLER_DECORATORS.has(each.getName()));
  if (!decorator) return undefined;
  const argument = getDecoratorArgument(decorator);
  if (Node.isObjectLiteralExpression(argument)) {
    const path = getPropertyValue(argument, 'path');
    return { paths: Node.isArrayLiteralExpression(path) ? path.getElements().map((each) => getStaticText(each) ?? '') : [getStaticText(path) ?? ''], versions: versionsOf(getPropertyValue(argument, 'version')) };
  }
  if (Node.isArrayLiteralExpression(argument)) return { paths: argument.getElements().map((each) => getStaticText(each) ?? ''), versions: [] };
  return { paths: [getStaticText(argument) ?? ''], versions: [] };
}

function methodRoutes(method: MethodDeclaration): { method: string; paths: string[]; versions: string[] }[] {
  const versions = versionsOf(getDecoratorArgument(method.getDecorator('Version')));
  return method.getDecorators().flatMap((decorator) => {
    const httpMethod = NEST_ROUTE_DECORATORS[decorator.getName()];
    if (!httpMethod) return [];
    const argument = getDecoratorArgument(decorator);
    const paths = Node.isArrayLiteralExpression(argument) ? argument.getElements().map((each) => getStaticText(each) ?? '') : [getStaticText(argument) ?? ''];
    return [{ method: httpMethod, paths, versions }];
  });
}

/** The routes of the controllers in `sourceFile`. */
export function findNestRoutes(sourceFile: SourceFile, application: NestApplication): FoundRoute[] {
  if (!sourceFile.getFullText().includes('Controller')) return [];
  const routes: FoundRoute[] = [];
  for (const cls of sourceFile.getClasses()) {
    const controller = controllerOf(cls);
    if (!controller) continue;
    for (const method of cls.getMethods()) {
      for (const route of methodRoutes(method)) {
        const versions = route.versions.length > 0 ? route.versions : controller.versions.length > 0 ? controller.versions : (application.versioning?.defaultVersions ?? []);
        const versionSegments = application.versioning && versions.length > 0 ? versions.map((version) => `${application.versioning?.prefix ?? 'v'}${version}`) : [''];
        for (const versionSegment of versionSegments) {
          for (const controllerPath of controller.paths) {
            for (const path of route.paths) {
              routes.push({ method: route.method, path: joinRoutePaths(application.globalPrefix, versionSegment, controllerPath, path), node: method, handler: method });
            }
          }
        }
      }
    }
  }
  return routes;
}
