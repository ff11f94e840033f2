import type { Adopted } from "./adopted";

// The file `pulumi import --file <file>` takes: each resource by its type token, its name in the
// stack and the id its Read takes. References between them are the program's business (the
// import reads every resource by its id alone), so no parent or name table is needed.

export interface ImportFile {
  resources: { type: string; name: string; id: string }[];
}

export function importFile(resources: readonly Adopted[]): ImportFile {
  return { resources: resources.map((r) => ({ type: r.resource.token, name: r.name, id: r.id })) };
}
