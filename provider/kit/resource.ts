import { z } from "zod";
import type { Api } from "./api";
import type { CreateContext, ResourceContext, UpdateContext } from "./context";
import type { Changes } from "./diff";
import type { CheckFailure } from "./errors";
import type { Listing } from "./listing";

type Shape = Record<string, z.ZodType>;
export type Infer<S extends Shape> = z.infer<z.ZodObject<S>>;

/** Inputs as the API reports them: write-only values (passwords) are missing. */
export type ObservedInputs<T> = T extends unknown[] ? T : T extends object ? { [K in keyof T]?: ObservedInputs<T[K]> } : T;

/** What the API says a resource looks like now: its inputs (as a program would write them) and outputs. */
export interface Observed<I, O> {
  inputs: I;
  outputs: O;
  /**
   * The resource's real id, when it is recorded under a provisional one (a provisioning job's,
   * while the job ran): a refresh records it under this id from then on.
   */
  realId?: string;
  /**
   * Why it is not there yet ("provisioning job 42 has not finished"): the recorded state stands
   * as it is, still marked unfinished, so the next `up` finishes it.
   */
  pending?: string;
}

/** Seconds; Pulumi's customTimeouts override them. */
export interface DefaultTimeouts {
  create?: number;
  update?: number;
  delete?: number;
}

/**
 * A resource, declared once. Check, Diff, Read-for-import, the package schema, the SDK and the
 * docs are all derived from this declaration.
 */
export interface ResourceDeclaration<IS extends Shape, OS extends Shape, C> {
  /** "hosting:<module>:<Name>". */
  token: string;
  /** Markdown, shown in the schema, SDK and docs. */
  description: string;
  /** The API this resource talks to: its credentials and its client. */
  api: Api<C>;
  /** Properties the user sets. */
  inputs: IS;
  /** Properties only the API sets. */
  outputs: OS;
  /**
   * The id `pulumi import` takes, in the placeholders the docs show: "<serverId>/<databaseId>",
   * "<domainName>". Every id the resource is recorded under has this shape.
   */
  importId: string;
  /** An id of that shape as the API shows one, for the docs' import command: "john_forum", "example.com/12345". */
  importExample: string;
  /**
   * What `pulumi destroy` does, in words, when that is more or less than deleting it (an API
   * that cannot delete one, a delete that takes other things with it). Shown in the docs.
   */
  destroy?: string;
  /**
   * A TypeScript program using the resource, for the docs: statements after `import * as
   * pulumi`, `import * as hosting` and `const config = new pulumi.Config()`. Without it the docs
   * derive one from the required inputs. It must type-check against the SDK (a test compiles it).
   */
  example?: string;
  /** How long create, update and delete may take unless the program says otherwise. */
  timeouts?: DefaultTimeouts;
  /**
   * Values that must be unique among live resources (names). When a replacement keeps any of
   * them, the old resource must go first, so Diff asks for delete-before-replace.
   */
  uniqueKeys?: (inputs: Infer<IS>) => string[];
  /**
   * Defaults that depend on other inputs (a DNS record's priority only for the types that have
   * one), filled in at Check for the properties left unset, once every input is known and
   * before the rules run. Zod defaults cover the rest.
   */
  defaults?: (inputs: Infer<IS>) => Partial<Infer<IS>>;
  /**
   * The resource is the settings of something that exists anyway (a hosting): an input the
   * program leaves unset is left as it is, not managed, and one it stops setting is no change.
   * Refresh then reports only the inputs, and the keys of map inputs, that the last applied
   * inputs have; an import reports every readable one, and a program that sets fewer still
   * matches it.
   */
  managesOnlySetInputs?: boolean;
  /** Rules across properties, and rules that depend on the previous inputs. */
  rules?: (inputs: Infer<IS>, olds: Infer<IS> | undefined) => CheckFailure[];
  /** Outputs already known in preview (the rest show as "known after apply"). */
  previewOutputs?: (inputs: Infer<IS>) => Partial<Infer<OS>>;
  /**
   * The steps an update will take, in words, logged at preview when they are not obvious.
   * `news` may hold values not known yet (see isUnknown / containsUnknown).
   */
  describeUpdate?: (olds: Infer<IS>, news: Infer<IS>, changes: Changes) => string[];
  /**
   * What a replacement means, in words, when it costs more than the preview's "replace" says
   * (the data of a database): warned at Diff, so preview and up both show it.
   */
  describeReplace?: (olds: Infer<IS>, news: Infer<IS>, changes: Changes) => string[];
  /**
   * A recorded state no update can finish (a database whose provisioning failed): Diff then
   * replaces the resource whatever the inputs, showing the output that says so and why.
   */
  replaceWhen?: (recorded: Partial<Infer<OS>>) => { output: keyof OS & string; reason: string } | undefined;

  create(ctx: CreateContext<C>, inputs: Infer<IS>): Promise<{ id: string; outputs: Infer<OS> }>;
  /** undefined when the resource no longer exists. */
  read(ctx: ResourceContext<C>, id: string): Promise<Observed<ObservedInputs<Infer<IS>>, Infer<OS>> | undefined>;
  /** Absent when every input is replace-on-change. `changes` is the diff the engine was shown. */
  update?(
    ctx: UpdateContext<C>,
    id: string,
    olds: Observed<Infer<IS>, Infer<OS>>,
    news: Infer<IS>,
    changes: Changes,
  ): Promise<Infer<OS>>;
  /** Returns once the resource is gone; a resource already gone is not an error. */
  delete(ctx: ResourceContext<C>, id: string, olds: Observed<Infer<IS>, Infer<OS>>): Promise<void>;
}

export interface Resource<IS extends Shape = Shape, OS extends Shape = Shape, C = any> extends ResourceDeclaration<IS, OS, C> {
  kind: "resource";
}

export function defineResource<IS extends Shape, OS extends Shape, C>(
  declaration: ResourceDeclaration<IS, OS, C>,
): Resource<IS, OS, C> {
  return { ...declaration, kind: "resource" };
}

/** A provider function (`pulumi` invoke), declared once like a resource. */
export interface FunctionDeclaration<IS extends Shape, OS extends Shape, C> {
  token: string;
  description: string;
  api: Api<C>;
  inputs: IS;
  outputs: OS;
  invoke(ctx: ResourceContext<C>, inputs: Infer<IS>): Promise<Infer<OS>>;
}

export interface ProviderFunction<IS extends Shape = Shape, OS extends Shape = Shape, C = any> extends FunctionDeclaration<IS, OS, C> {
  kind: "function";
  /** A list function's way to every resource of its kind (see defineListFunction). */
  listing?: Listing<C>;
}

export function defineFunction<IS extends Shape, OS extends Shape, C>(
  declaration: FunctionDeclaration<IS, OS, C>,
): ProviderFunction<IS, OS, C> {
  return { ...declaration, kind: "function" };
}

/** One API's part of the provider: its API and what it serves. The registry lists them. */
export interface Backend {
  api: Api<any>;
  resources: Resource<any, any, any>[];
  functions: ProviderFunction<any, any, any>[];
  /** How the kinds without a list function are found, each by its ids (see Listing). */
  listings?: Listing<any>[];
}

/** "hosting:serverpilot:App" -> { module: "serverpilot", name: "App" } */
export function splitToken(token: string): { module: string; name: string } {
  const [, module, name] = token.split(":");
  return { module, name };
}
