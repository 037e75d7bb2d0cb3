/** The ts-morph project of the mapped repository: the tsconfig's program, and the projects it references. */
import { Project } from 'ts-morph';
import { CliError } from './errors.js';
import type { TsconfigSet } from './tsconfig.js';

export function loadProject(tsconfigs: TsconfigSet): Project {
  try {
    const project = new Project({ tsConfigFilePath: tsconfigs.main, skipAddingFilesFromTsConfig: false });
    for (const reference of tsconfigs.all.slice(1)) project.addSourceFilesFromTsConfig(reference);
    return project;
  } catch (error) {
    throw new CliError(`ts-morph could not load ${tsconfigs.main}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
