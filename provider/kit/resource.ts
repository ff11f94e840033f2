import { z } from "zod";
import type { ResourceContext } from "./context";
import type { CheckFailure } from "./errors";
import type { ApiBinding } from "./api";

type Shape = Record<string, z.ZodType>;
export type Infer<S extends Shape> = z.infer<z.ZodObject<S>>;

/** Inputs as the API reports them: write-only values (passwords) are missing. */
export type ObservedInputs<T> = T extends unknown[] ? T : T extends object ? { [K in keyof T]?: ObservedInputs<T[K]> } : T;

/** What the API says a resource looks like now: its inputs (as a program would write them) and outputs. */
export interface Observed<I, O> {
  inputs: I;
  outputs: O;
}

/**
 * A resource, declared once. Check, Diff, Read-for-import, the package schema, the SDK and the
 * docs are all derived from this declaration.
 */
export interface ResourceDeclaration<IS extends Shape, OS extends Shape> {
  /** "hosting:<module>:<Name>". */
  token: string;
  /** Markdown, shown in the schema, SDK and docs. */
  description: string;
  /** The API this resource talks to: which credentials it needs. */
  api: ApiBinding;
  /** Properties the user sets. */
  inputs: IS;
  /** Properties only the API sets. */
  outputs: OS;
  /**
   * Values that must be unique among live resources (names). When a replacement keeps any of
   * them, the old resource must go first, so Diff asks for delete-before-replace.
   */
  uniqueKeys?: (inputs: Infer<IS>) => string[];
  /** Rules across properties, and rules that depend on the previous inputs. */
  rules?: (inputs: Infer<IS>, olds: Infer<IS> | undefined) => CheckFailure[];
  /** Outputs already known in preview (the rest show as "known after apply"). */
  previewOutputs?: (inputs: Infer<IS>) => Partial<Infer<OS>>;
  /** The steps an update will take, in words, logged at preview when they are not obvious. */
  describeUpdate?: (olds: Infer<IS>, news: Infer<IS>) => string[];

  create(ctx: ResourceContext, inputs: Infer<IS>): Promise<{ id: string; outputs: Infer<OS> }>;
  /** undefined when the resource no longer exists. */
  read(ctx: ResourceContext, id: string): Promise<Observed<ObservedInputs<Infer<IS>>, Infer<OS>> | undefined>;
  /** Absent when every input is replace-on-change. */
  update?(
    ctx: ResourceContext,
    id: string,
    olds: Observed<Infer<IS>, Infer<OS>>,
    news: Infer<IS>,
  ): Promise<Infer<OS>>;
  /** Returns once the resource is gone; a resource already gone is not an error. */
  delete(ctx: ResourceContext, id: string, olds: Observed<Infer<IS>, Infer<OS>>): Promise<void>;
}

export interface Resource<IS extends Shape = Shape, OS extends Shape = Shape> extends ResourceDeclaration<IS, OS> {
  kind: "resource";
  inputSchema: z.ZodObject<IS>;
  outputSchema: z.ZodObject<OS>;
}

export function defineResource<IS extends Shape, OS extends Shape>(
  declaration: ResourceDeclaration<IS, OS>,
): Resource<IS, OS> {
  return {
    ...declaration,
    kind: "resource",
    inputSchema: z.object(declaration.inputs),
    outputSchema: z.object(declaration.outputs),
  };
}

/** A provider function (`pulumi` invoke), declared once like a resource. */
export interface FunctionDeclaration<IS extends Shape, OS extends Shape> {
  token: string;
  description: string;
  api: ApiBinding;
  inputs: IS;
  outputs: OS;
  invoke(ctx: ResourceContext, inputs: Infer<IS>): Promise<Infer<OS>>;
}

export interface ProviderFunction<IS extends Shape = Shape, OS extends Shape = Shape> extends FunctionDeclaration<IS, OS> {
  kind: "function";
  inputSchema: z.ZodObject<IS>;
}

export function defineFunction<IS extends Shape, OS extends Shape>(
  declaration: FunctionDeclaration<IS, OS>,
): ProviderFunction<IS, OS> {
  return { ...declaration, kind: "function", inputSchema: z.object(declaration.inputs) };
}

/** "hosting:serverpilot:App" -> { module: "serverpilot", name: "App" } */
export function splitToken(token: string): { module: string; name: string } {
  const [, module, name] = token.split(":");
  return { module, name };
}
