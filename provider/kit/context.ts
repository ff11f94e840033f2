import type { OperationContext } from "../http/client";
import type { ProviderConfig } from "../config";

/** What a resource's create/read/update/delete is handed: config, deadline, cancel, progress. */
export interface ResourceContext extends OperationContext {
  /** The resource's URN ("" for import and invoke). */
  urn: string;
  config: ProviderConfig;
  /** A progress line for the user, tied to this resource. */
  log(message: string): void;
  /** A warning for the user, tied to this resource. */
  warn(message: string): void;
}
