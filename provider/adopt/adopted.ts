import type { Resource } from "../kit/resource";
import type { PropertyMap } from "../kit/values";
import type { ConfigInput } from "./secret-inputs";

/** A resource found in the account, as Read sees it, before it is named. */
export interface Found {
  resource: Resource;
  /** "serverpilot", from the token. */
  module: string;
  /** "Server", from the token. */
  kind: string;
  id: string;
  /** The inputs Read returned, without the values a program must not hold in plain text. */
  inputs: PropertyMap;
  /** Inputs ("user.password") the program takes from its config. */
  configInputs: ConfigInput[];
}

/** Another adopted resource an input refers to: `serverId: server.id` instead of the id itself. */
export interface Reference {
  /** The top-level input that holds it. */
  key: string;
  target: Adopted;
  /** The target's property the input takes ("id", "domainName"). */
  property: string;
  /** The input is a number while the property is a string id (`account.id.apply(Number)`). */
  numeric: boolean;
}

/** A found resource with its Pulumi name, its variable in the program and how it refers to others. */
export interface Adopted extends Found {
  name: string;
  variable: string;
  references: Reference[];
  /** Path -> the stack config key the program reads it from. */
  configKeys: Map<string, string>;
}
