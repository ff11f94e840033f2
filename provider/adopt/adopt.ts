import type { ProviderConfiguration } from "../kit/config";
import type { Adopted } from "./adopted";
import { importFile, type ImportFile } from "./import-file";
import { distinct, nameAll } from "./names";
import { programText, type ProgramOptions } from "./program";
import { dependencyOrder, referenceFinder } from "./references";
import { scan, type ScanProgress } from "./scan";

export interface Adoption {
  /** In dependency order: each after what it refers to. */
  resources: Adopted[];
  importFile: ImportFile;
  /** The stack config keys the program reads, with the resource and input each is for. */
  config: { key: string; secret: boolean; resource: Adopted; path: string }[];
  program(options: ProgramOptions): string;
}

/** Scans one API's account and names, links and orders what it finds. */
export async function adopt(module: string, configuration: ProviderConfiguration, report: ScanProgress, signal?: AbortSignal): Promise<Adoption> {
  const found = await scan(module, configuration, report, signal);
  const names = nameAll(found);
  const keys = distinct(found.flatMap((f, i) => f.configInputs.map(({ path }) => `${names[i].variable}${path.split(".").map(capitalized).join("")}`)));
  let key = 0;
  const adopted: Adopted[] = found.map((f, i) => ({
    ...f,
    ...names[i],
    references: [],
    configKeys: new Map(f.configInputs.map(({ path }) => [path, keys[key++]])),
  }));
  const findReferences = referenceFinder(adopted);
  for (const resource of adopted) resource.references = findReferences(resource);
  const resources = dependencyOrder(adopted);
  return {
    resources,
    importFile: importFile(resources),
    config: resources.flatMap((resource) =>
      resource.configInputs.map(({ path, secret }) => ({ key: resource.configKeys.get(path)!, secret, resource, path })),
    ),
    program: (options) => programText(resources, options),
  };
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
