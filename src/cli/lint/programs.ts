/**
 * The TypeScript programs the typed lint runs with, one per tsconfig, built the way
 * `parserOptions.project` builds them (the tsconfig's files, options and references), but
 * sharing the parsed declaration files (the standard library, `@types/node`, packages' types)
 * between them, as an editor's language service does. A repository with one tsconfig per
 * service would otherwise parse and bind those files once per service, which is most of the
 * cost of typed linting.
 */
import path from 'node:path';
import ts from 'typescript';
import { CliError } from '../errors.js';

/** Parsed declaration files, by file and by the options that shape the parse. */
export class DeclarationCache {
  private readonly files = new Map<string, ts.SourceFile>();

  get(fileName: string, options: ts.CompilerOptions, mode: ts.ScriptTarget | ts.CreateSourceFileOptions, read: () => ts.SourceFile | undefined): ts.SourceFile | undefined {
    const parse = typeof mode === 'object' ? mode : { languageVersion: mode };
    const key = [
      path.resolve(fileName),
      parse.languageVersion,
      parse.impliedNodeFormat ?? '',
      parse.jsDocParsingMode ?? '',
      options.moduleDetection ?? '',
      options.jsx ?? '',
    ].join('\0');
    let file = this.files.get(key);
    if (!file) {
      file = read();
      if (file) this.files.set(key, file);
    }
    return file;
  }
}

function firstMessage(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0] ?? '';
}

/** The program of `tsconfig` (absolute), its declaration files taken from `cache` when parsed before. */
export function createTsconfigProgram(tsconfig: string, cache: DeclarationCache): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new CliError(`${tsconfig} is not a valid tsconfig: ${firstMessage(diagnostic)}`);
    },
  });
  if (!parsed) throw new CliError(`${tsconfig} is not a valid tsconfig`);
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, mode, onError, fresh) =>
    fileName.endsWith('.d.ts') || fileName.endsWith('.d.mts') || fileName.endsWith('.d.cts')
      ? cache.get(fileName, options, mode, () => getSourceFile(fileName, mode, onError, fresh))
      : getSourceFile(fileName, mode, onError, fresh);
  return ts.createProgram({ rootNames: parsed.fileNames, options, projectReferences: parsed.projectReferences, host });
}
