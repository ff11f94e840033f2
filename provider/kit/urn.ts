// The parts of a Pulumi URN the provider shows or looks up:
// urn:pulumi:<stack>::<project>::<parent type>$<type>::<name>. A name may itself hold "::"
// only as its last part, so both are read from the end.

/** The resource's name, as the program gave it: what `pulumi import` takes. */
export function urnName(urn: string): string {
  return urn.split("::").at(-1) ?? urn;
}

/** The resource's own type token, without the types of its parents. */
export function urnType(urn: string): string {
  return urn.split("::").at(-2)?.split("$").at(-1) ?? "";
}
