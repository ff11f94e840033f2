import type { ResourceContext } from "./context";
import type { Resource } from "./resource";

/**
 * How every resource of one kind an account has is found, with GET requests only: the ids its
 * Read takes. A list function declares one for its resource; a kind without a list function (a
 * hosting's settings, SSH keys, subsites) declares its own in its backend's `listings`.
 * Adoption (`hosting-adopt`) walks them, so a new resource with either is adopted too.
 */
export interface Listing<C = any> {
  resource: Resource<any, any, C>;
  ids(ctx: ResourceContext<C>): Promise<string[]>;
}

export function defineListing<C>(listing: Listing<C>): Listing<C> {
  return listing;
}
