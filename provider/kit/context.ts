import type { OperationContext } from "../http/client";
import type { PropertyMap } from "./values";

/** What a resource's read/update/delete and a function are handed: its API's client, deadline, cancel, progress. */
export interface ResourceContext<C = unknown> extends OperationContext {
  /** The resource's URN ("" for import and invoke). */
  urn: string;
  /** The API's client for the provider's configuration. */
  client: C;
  /** A progress line for the user, tied to this resource. */
  log(message: string): void;
  /** A warning for the user, tied to this resource. */
  warn(message: string): void;
}

/** An update's context also records which changes the API has taken. */
export interface UpdateContext<C = unknown> extends ResourceContext<C> {
  /**
   * Call once the API has taken these write-only inputs (a password set, a rotation done): a
   * failure from here on records the program's values for them, not the old ones, so the next
   * `up` does not apply them a second time.
   */
  applied(properties: string[]): void;
}

/** A create's context also records the moment the API accepted the create. */
export interface CreateContext<C = unknown> extends UpdateContext<C> {
  /**
   * Call as soon as the API has answered the create with an id. From then on the resource
   * exists: whatever fails later (a wait, a read-back, a setting applied afterwards, a timeout,
   * Cancel) still records it with this id and its observed state, so nothing is leaked.
   */
  created(id: string, knownOutputs?: PropertyMap): void;
  /**
   * The write-only inputs (top-level properties) not applied yet, for a resource that sets them
   * one call at a time after it exists: a failure from here on records them as unknown rather
   * than as the program's values, so the next `up` applies them. Each call replaces the last;
   * `[]` once they are all applied.
   */
  notYetApplied(properties: string[]): void;
}
