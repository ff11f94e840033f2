import type { FunctionSpec, PackageSchema, ResourceSpec } from "./schema";
import { doc, lowerFirst, objectFields, tsType, upperFirst } from "./sdk-nodejs-types";

// The TypeScript SDK, generated from the package schema the way `pulumi package gen-sdk` would
// (that generator lives only in the Pulumi CLI). Output classes declare their properties with
// `declare` so that field initialisers never overwrite what the engine resolved.

const HEADER = "// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.\n";

/** The imports a module file may need; `withImports` keeps those its body uses. */
const MODULE_IMPORTS: Record<string, string> = {
  pulumi: `import * as pulumi from "@pulumi/pulumi";`,
  inputs: `import * as inputs from "../types/input";`,
  outputs: `import * as outputs from "../types/output";`,
  utilities: `import * as utilities from "../utilities";`,
};

function withImports(body: string[]): string {
  const text = body.join("\n");
  // Code, not prose: "outputs." ending a sentence of a description is no use of the module.
  const used = Object.entries(MODULE_IMPORTS).filter(([name]) => new RegExp(`\\b${name}\\.\\w`).test(text)).map(([, line]) => line);
  return [HEADER, ...used, text].join("\n");
}

export function generateNodejsSdk(schema: PackageSchema): Map<string, string> {
  const files = new Map<string, string>();
  const modules = new Map<string, { resources: string[]; functions: string[] }>();
  const moduleOf = (token: string) => token.split(":")[1];
  const entry = (module: string) => {
    if (!modules.has(module)) modules.set(module, { resources: [], functions: [] });
    return modules.get(module)!;
  };

  for (const [token, spec] of Object.entries(schema.resources)) {
    const name = token.split(":")[2];
    entry(moduleOf(token)).resources.push(name);
    files.set(`${moduleOf(token)}/${lowerFirst(name)}.ts`, resourceFile(token, name, spec));
  }
  for (const [token, spec] of Object.entries(schema.functions)) {
    const name = token.split(":")[2];
    entry(moduleOf(token)).functions.push(name);
    files.set(`${moduleOf(token)}/${name}.ts`, functionFile(token, name, spec));
  }
  for (const [module, { resources, functions }] of modules) {
    const lines = [
      ...resources.map((r) => `export { ${r}, type ${r}Args } from "./${lowerFirst(r)}";`),
      ...functions.map((f) => `export { ${f}, ${f}Output, type ${upperFirst(f)}Args, type ${upperFirst(f)}Result } from "./${f}";`),
    ];
    files.set(`${module}/index.ts`, HEADER + lines.join("\n") + "\n");
  }
  files.set("types/input.ts", typesFile(schema, "input"));
  files.set("types/output.ts", typesFile(schema, "output"));
  files.set("types/index.ts", `${HEADER}import * as input from "./input";\nimport * as output from "./output";\n\nexport { input, output };\n`);
  files.set("config/vars.ts", configFile(schema));
  files.set("config/index.ts", `${HEADER}export * from "./vars";\n`);
  files.set("provider.ts", providerFile(schema));
  files.set("utilities.ts", utilitiesFile(schema));
  files.set(
    "index.ts",
    HEADER +
      [
        `export { Provider, type ProviderArgs } from "./provider";`,
        `import * as config from "./config";`,
        `import * as types from "./types";`,
        ...[...modules.keys()].map((m) => `import * as ${m} from "./${m}";`),
        "",
        `export { config, types, ${[...modules.keys()].join(", ")} };`,
      ].join("\n") +
      "\n",
  );
  files.set(
    "package.json",
    JSON.stringify(
      {
        name: (schema.language.nodejs as { packageName: string }).packageName,
        version: schema.version,
        description: schema.description,
        keywords: schema.keywords,
        license: schema.license,
        main: "index.js",
        types: "index.d.ts",
        pulumi: { resource: true, name: schema.name, version: schema.version },
        // The SDK's functions call pulumi.runtime.invokeOutput, which @pulumi/pulumi has had since
        // 3.142 (the floor `pulumi package gen-sdk` sets for the same code). A peer, so a program
        // keeps one @pulumi/pulumi: two would each hold their own runtime state.
        peerDependencies: { "@pulumi/pulumi": "^3.142.0" },
      },
      null,
      2,
    ) + "\n",
  );
  return files;
}

function resourceFile(token: string, name: string, spec: ResourceSpec): string {
  const outputsOnly = Object.keys(spec.properties).filter((k) => !(k in spec.inputProperties));
  const required = new Set(spec.requiredInputs);
  const secretOutputs = Object.entries(spec.properties).filter(([, p]) => p.secret).map(([k]) => k);
  const lines = [
    "",
    doc(spec.description, ""),
    `export class ${name} extends pulumi.CustomResource {`,
    `    /** Gets an existing ${name} by its id, without managing it. */`,
    `    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ${name} {`,
    `        return new ${name}(name, undefined as any, { ...opts, id: id });`,
    `    }`,
    "",
    `    /** @internal */`,
    `    public static readonly __pulumiType = "${token}";`,
    "",
    `    /** Whether the given object is an instance of ${name}, even across copies of this SDK. */`,
    `    public static isInstance(obj: any): obj is ${name} {`,
    `        if (obj === undefined || obj === null) return false;`,
    `        return obj["__pulumiType"] === ${name}.__pulumiType;`,
    `    }`,
    "",
    ...Object.entries(spec.properties).flatMap(([key, p]) => [
      doc(p.description, "    "),
      `    declare public readonly ${key}: pulumi.Output<${tsType(p, "output")}${spec.required?.includes(key) ? "" : " | undefined"}>;`,
    ]),
    "",
    `    constructor(name: string, args: ${name}Args, opts?: pulumi.CustomResourceOptions) {`,
    `        let resourceInputs: pulumi.Inputs = {};`,
    `        opts = opts || {};`,
    `        if (!opts.id) {`,
    ...[...required].map(
      (k) => `            if (args?.${k} === undefined && !opts.urn) throw new Error("Missing required property '${k}'");`,
    ),
    ...Object.entries(spec.inputProperties).map(([k, p]) =>
      p.secret
        ? `            resourceInputs["${k}"] = args?.${k} ? pulumi.secret(args.${k}) : undefined;`
        : `            resourceInputs["${k}"] = args?.${k};`,
    ),
    ...outputsOnly.map((k) => `            resourceInputs["${k}"] = undefined /*out*/;`),
    `        } else {`,
    ...Object.keys(spec.properties).map((k) => `            resourceInputs["${k}"] = undefined /*out*/;`),
    `        }`,
    `        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);`,
    ...(secretOutputs.length > 0
      ? [`        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ${JSON.stringify(secretOutputs)} });`]
      : []),
    `        super(${name}.__pulumiType, name, resourceInputs, opts);`,
    `    }`,
    `}`,
    "",
    `/** The arguments of a ${name}. */`,
    `export interface ${name}Args {`,
    ...Object.entries(spec.inputProperties).flatMap(([key, p]) => [
      doc(p.description, "    "),
      `    ${key}${required.has(key) ? "" : "?"}: ${tsType(p, "input")};`,
    ]),
    `}`,
    "",
  ];
  return withImports(lines);
}

function functionFile(token: string, name: string, spec: FunctionSpec): string {
  const Args = `${upperFirst(name)}Args`;
  const Result = `${upperFirst(name)}Result`;
  const OutputArgs = `${upperFirst(name)}OutputArgs`;
  const argsOptional = (spec.inputs.required ?? []).length === 0 ? "?" : "";
  return withImports([
    "",
    doc(spec.description, ""),
    `export function ${name}(args${argsOptional}: ${Args}, opts?: pulumi.InvokeOptions): Promise<${Result}> {`,
    `    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});`,
    `    return pulumi.runtime.invoke("${token}", { ...(args ?? {}) }, opts);`,
    `}`,
    "",
    doc(spec.description, ""),
    // As Pulumi's generated SDKs: each argument may be an Output (another resource's id), and is
    // passed by name, since spreading an Output would send its own fields.
    `export function ${name}Output(args${argsOptional}: ${OutputArgs}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<${Result}> {`,
    `    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});`,
    `    return pulumi.runtime.invokeOutput("${token}", {`,
    ...Object.keys(spec.inputs.properties).map((key) => `        "${key}": args${argsOptional ? "?." : "."}${key},`),
    `    }, opts);`,
    `}`,
    "",
    `export interface ${Args} {`,
    ...objectFields(spec.inputs, "plain"),
    `}`,
    "",
    `export interface ${OutputArgs} {`,
    ...objectFields(spec.inputs, "input"),
    `}`,
    "",
    `export interface ${Result} {`,
    ...objectFields(spec.outputs, "output", true),
    `}`,
    "",
  ]);
}

function typesFile(schema: PackageSchema, kind: "input" | "output"): string {
  const byModule = new Map<string, string[]>();
  for (const [token, spec] of Object.entries(schema.types)) {
    const [, module, name] = token.split(":");
    const lines = byModule.get(module) ?? [];
    lines.push(doc(spec.description, "    "), `    export interface ${name} {`, ...objectFields(spec, kind, false, "        "), `    }`);
    byModule.set(module, lines);
  }
  const body = [...byModule].map(([module, lines]) => [`export namespace ${module} {`, ...lines, `}`].join("\n"));
  const text = body.join("\n");
  // Input types wrap fields in pulumi.Input; output types are plain.
  const self = kind === "input" ? "inputs" : "outputs";
  const imports = [
    ...(text.includes("pulumi.") ? [`import * as pulumi from "@pulumi/pulumi";`] : []),
    ...(text.includes(`${self}.`) ? [`import * as ${self} from "./${kind}";`] : []),
  ];
  return [HEADER, ...imports, "", text, ""].join("\n");
}

function providerFile(schema: PackageSchema): string {
  const inputs = schema.provider.inputProperties;
  return [
    HEADER,
    `import * as pulumi from "@pulumi/pulumi";`,
    `import * as utilities from "./utilities";`,
    "",
    doc(schema.provider.description, ""),
    `export class Provider extends pulumi.ProviderResource {`,
    `    /** @internal */`,
    `    public static readonly __pulumiType = "${schema.name}";`,
    "",
    `    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {`,
    `        let resourceInputs: pulumi.Inputs = {};`,
    ...Object.entries(inputs).map(([k, p]) =>
      p.secret
        ? `        resourceInputs["${k}"] = args?.${k} ? pulumi.secret(args.${k}) : undefined;`
        : `        resourceInputs["${k}"] = args?.${k};`,
    ),
    `        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});`,
    `        super(Provider.__pulumiType, name, resourceInputs, opts);`,
    `    }`,
    `}`,
    "",
    `/** The settings of an explicit hosting provider; each falls back to its environment variable. */`,
    `export interface ProviderArgs {`,
    ...Object.entries(inputs).flatMap(([k, p]) => [doc(p.description, "    "), `    ${k}?: pulumi.Input<string>;`]),
    `}`,
    "",
  ].join("\n");
}

function configFile(schema: PackageSchema): string {
  return [
    HEADER,
    `import * as pulumi from "@pulumi/pulumi";`,
    "",
    `const __config = new pulumi.Config("${schema.name}");`,
    "",
    ...Object.entries(schema.config.variables).flatMap(([k, p]) => [
      doc(p.description, ""),
      `export declare const ${k}: string | undefined;`,
      `Object.defineProperty(exports, ${JSON.stringify(k)}, {`,
      `    get() {`,
      `        return __config.get(${JSON.stringify(k)}) ?? ${[...(p.defaultInfo?.environment ?? []).map((e) => `process.env[${JSON.stringify(e)}]`), p.default !== undefined ? JSON.stringify(p.default) : "undefined"].join(" ?? ")};`,
      `    },`,
      `    enumerable: true,`,
      `});`,
      "",
    ]),
  ].join("\n");
}

function utilitiesFile(schema: PackageSchema): string {
  return [
    HEADER,
    `/** The SDK's version, sent with every resource so the engine loads the matching plugin. */`,
    `export const version = ${JSON.stringify(schema.version)};`,
    "",
    `export function resourceOptsDefaults(): { version: string } {`,
    `    return { version };`,
    `}`,
    "",
  ].join("\n");
}
