import type { Resource } from "./resource";

// The `pulumi import` command a resource's docs show: its id's shape in placeholders, then a
// whole command with an id as the API shows one and the name the docs' example program uses,
// so that what the docs import is what the example declares.

/** The name the resource's example program gives it (`new hosting.wispanel.Database("forum", ...)`). */
export function exampleName(resource: Resource): string {
  const [, module, name] = /^hosting:([^:]+):(.+)$/.exec(resource.token) ?? [];
  const declared = resource.example && new RegExp(`new hosting\\.${module}\\.${name}\\(\\s*"([^"]+)"`).exec(resource.example);
  return declared ? declared[1]! : "example";
}

/** The lines that say how to import one: the id's shape and a command to copy. */
export function importLines(resource: Resource): string[] {
  return [
    `The id is \`${resource.importId}\`, such as \`${resource.importExample}\`:`,
    "",
    "```sh",
    `pulumi import ${resource.token} ${exampleName(resource)} ${resource.importExample}`,
    "```",
  ];
}
