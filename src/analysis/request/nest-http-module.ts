/**
 * The options NestJS gives an injected `HttpService`: those of `HttpModule.register({ baseURL })`
 * or of the object `HttpModule.registerAsync({ useFactory: (config) => ({ baseURL: … }) })`
 * returns, in the imports of the `@Module` whose providers list the class. A service written as
 * `this.httpService.post('/', dto)` sends to that base. The modules are found through the
 * project layer: those that import the class's file (and mention `HttpModule`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getClassName, getPropertyName, getThisClass, isFunctionNode, skipTransparent } from '../code/ast.js';
import { type ClassNode, EMPTY_ENV, type FileContext } from '../code/file-context.js';
import { getObjectProperty, type LocatedObject, resolveObject } from '../code/objects.js';
import { getSingleReturnedExpression } from '../code/template.js';
import { remember } from '../../util/remember.js';

const registrations = new WeakMap<ClassNode, LocatedObject | null>();

/** The `HttpModule` options of the module that provides the class whose `this.<field>` makes the call. */
export function findHttpModuleOptions(call: TSESTree.CallExpression, file: FileContext): LocatedObject | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const instance = skipTransparent(callee.object);
  if (instance.type !== AST_NODE_TYPES.MemberExpression || skipTransparent(instance.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const cls = getThisClass(call);
  return cls && remember(registrations, cls, () => findRegistration(cls, file.fileOf(cls)));
}

function findRegistration(cls: ClassNode, file: FileContext): LocatedObject | undefined {
  const name = getClassName(cls);
  if (name === undefined || file.fileName === undefined || !file.resolver) return undefined;
  for (const use of file.resolver.findExportUses(file.fileName, name, 'HttpModule') ?? []) {
    const options = getModuleHttpOptions(use.node, use.file);
    if (options) return options;
  }
  return undefined;
}

/** `providers: [WalletService]` of `@Module({ imports: [HttpModule.register…(…)], providers: […] })`: the HttpModule's options. */
function getModuleHttpOptions(reference: TSESTree.Node, file: FileContext): LocatedObject | undefined {
  const list = reference.parent;
  const property = list?.type === AST_NODE_TYPES.ArrayExpression ? list.parent : undefined;
  if (property?.type !== AST_NODE_TYPES.Property || getPropertyName(property) !== 'providers') return undefined;
  const metadata = property.parent;
  const decorator = metadata?.parent;
  if (metadata?.type !== AST_NODE_TYPES.ObjectExpression || decorator?.type !== AST_NODE_TYPES.CallExpression || decorator.parent?.type !== AST_NODE_TYPES.Decorator) {
    return undefined;
  }
  const imports = getObjectProperty(metadata, 'imports', file, EMPTY_ENV);
  const modules = imports && skipTransparent(imports.node);
  if (modules?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  for (const element of modules.elements) {
    const registration = element && skipTransparent(element);
    if (registration?.type !== AST_NODE_TYPES.CallExpression) continue;
    const registered = skipTransparent(registration.callee);
    if (registered.type !== AST_NODE_TYPES.MemberExpression) continue;
    const module = skipTransparent(registered.object);
    if (module.type !== AST_NODE_TYPES.Identifier || module.name !== 'HttpModule') continue;
    const method = getPropertyName(registered);
    const argument = registration.arguments[0];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const options = resolveObject(argument, file, EMPTY_ENV);
    if (method === 'register') return options;
    if (method !== 'registerAsync' || !options) continue;
    // `useFactory: async (config: ConfigService) => ({ baseURL: … })`
    const factory = getObjectProperty(options.node, 'useFactory', file, options.env);
    const fn = factory && skipTransparent(factory.node);
    const returned = fn && isFunctionNode(fn) ? getSingleReturnedExpression(fn) : undefined;
    return returned ? resolveObject(returned, file, options.env) : undefined;
  }
  return undefined;
}
