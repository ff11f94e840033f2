// Inputs generated from a resource's or function's declaration (its zod types): values that
// fit each field's type and rules as far as they can be read from the type, and every hostile
// value a program, a stack file or a confused engine could send in their place.
import fc from "fast-check";
import type { z } from "zod";
import { unwrap } from "../../provider/kit/introspect";
import { SECRET_SIGNATURE, SIGNATURE_KEY, UNKNOWN } from "../../provider/kit/values";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const secretOf = (value: unknown) => ({ [SIGNATURE_KEY]: SECRET_SIGNATURE, value });


type Check = { check?: string; minimum?: number; maximum?: number; format?: string; pattern?: RegExp; value?: number; inclusive?: boolean };
const checksOf = (schema: z.ZodType): Check[] => {
  let current = schema as unknown as { _zod: { def: { type: string; innerType?: unknown; in?: unknown; checks?: { _zod: { def: Check } }[] } } };
  // Down to the base type, where the length, pattern and range checks sit.
  for (;;) {
    const def = current._zod.def;
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return (def.checks ?? []).map((c) => c._zod.def);
    current = inner as typeof current;
  }
};

/**
 * Strings that the usual rules of hosting APIs accept: host names above all (most refinements
 * that cannot be read from a type want one), then names, addresses, versions, passwords, keys.
 */
const COMMON_STRINGS = [
  "example.com", "www.example.com", "shop.example.be", "ns1.example.net", "ns2.example.net", "mail.example.org", "sip.example.com",
  "example.com", "www.example.com", "a.example.be", "info@example.com", "a@example.com", "*.example.com",
  "blog", "web1", "deployer", "shop", "stats", "forum", "php8.3", "8.2", "15", "192.0.2.10", "2001:db8::1", "%", "10.0.0.%",
  "_sip", "tcp", "TCP", "v=spf1 -all", "public_html/shop", "nyc1", "db-s-2vcpu-4gb", "Passw0rd12", "s3cret-Passw0rd",
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBq8aX3iSH9yC7Pp3C/cqXJmUDe0lbtxOoHfh5d3/tDO me@laptop",
  "0 issue \"letsencrypt.org\"", "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6", "@",
];

/**
 * A string that fits the declared length and pattern, or one of the common strings that the
 * field itself accepts (what a refinement wants cannot be read from the type, only tried).
 */
function validString(schema: z.ZodType, maxLength = 64): fc.Arbitrary<string> {
  const checks = checksOf(schema);
  const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
  const max = Math.min(checks.find((c) => c.check === "max_length")?.maximum ?? maxLength, maxLength);
  const pattern = checks.find((c) => c.check === "string_format" && c.pattern)?.pattern;
  const shaped = pattern
    ? // What matches without the flags (case-insensitivity) matches with them.
      fc.stringMatching(new RegExp(pattern.source)).filter((s) => s.length >= min && s.length <= max)
    : fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 24)) });
  const accepted = [...new Set(COMMON_STRINGS)].filter((s) => schema.safeParse(s).success);
  if (accepted.length === 0) return fc.oneof({ arbitrary: shaped, weight: 3 }, fc.constantFrom(...COMMON_STRINGS));
  return fc.oneof({ arbitrary: fc.constantFrom(...accepted), weight: 6 }, { arbitrary: shaped, weight: 1 }, fc.constantFrom(...COMMON_STRINGS));
}

function validNumber(schema: z.ZodType, integer: boolean): fc.Arbitrary<number> {
  const checks = checksOf(schema);
  const low = checks.find((c) => c.check === "greater_than");
  const high = checks.find((c) => c.check === "less_than");
  const min = low ? low.value! + (low.inclusive ? 0 : 1) : integer ? 0 : -1e6;
  const max = high ? high.value! - (high.inclusive ? 0 : 1) : integer ? 100_000 : 1e6;
  const common = [1, 2, 5, 60, 300, 3600, 1024, 12, 443].filter((n) => n >= min && n <= max);
  const ranged = integer ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }) : fc.double({ min, max, noNaN: true });
  return common.length > 0 ? fc.oneof(fc.constantFrom(...common), ranged) : ranged;
}

/**
 * A value of the field's type that its declared rules accept where they can be read. With
 * `mixed`, any value inside it (the whole one too) may instead be hostile, unknown or secret.
 */
export function declaredValue(schema: z.ZodType, mixed: boolean, depth = 0): fc.Arbitrary<Json> {
  const fitting = fittingNode(schema, mixed, depth);
  if (!mixed) return fitting;
  return fc.oneof(
    { arbitrary: fitting, weight: 12 },
    { arbitrary: hostileValue(depth), weight: 2 },
    { arbitrary: fc.constant(UNKNOWN), weight: 1 },
    // Secrets of ordinary size: a megabyte-long one is its own case (the redactor's).
    { arbitrary: fittingNode(schema, false, depth).map((v) => secretOf(v) as Json), weight: 1 },
  );
}

function fittingNode(schema: z.ZodType, mixed: boolean, depth: number): fc.Arbitrary<Json> {
  const { base } = unwrap(schema);
  switch (base.kind) {
    case "string":
      return base.enum ? fc.constantFrom(...base.enum) : validString(schema, base.maxLength && base.maxLength > 1000 ? 200 : 64);
    case "integer":
      return validNumber(schema, true);
    case "number":
      return validNumber(schema, false);
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(declaredValue(base.items, mixed, depth + 1), { maxLength: 3 });
    case "object":
      return objectOf(base.shape, mixed, depth + 1, true);
    case "map":
      return fc.dictionary(validString(base.keys), declaredValue(base.values, mixed, depth + 1), { maxKeys: 3 });
  }
}

/** Every required field present unless `dropRequired`; optional ones now and then. */
function objectOf(shape: Record<string, z.ZodType>, mixed: boolean, depth: number, keepRequired: boolean): fc.Arbitrary<Json> {
  const requiredKeys = keepRequired ? Object.keys(shape).filter((key) => !unwrap(shape[key]).optional) : [];
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => {
      const value = declaredValue(schema, mixed, depth);
      return [key, mixed ? fc.oneof({ arbitrary: value, weight: 15 }, { arbitrary: fc.constant(null), weight: 1 }) : value];
    }),
  );
  return fc.record(fields, { requiredKeys }) as fc.Arbitrary<Json>;
}

/** Text that breaks naive code: control characters, newlines, non-ASCII, emoji, lone surrogates, quotes. */
export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("\n", "\r", "\t", "\0", "\x7f", "\u200b", "é", "ß", "😀", "\ud800", "\udfff", "\"", "'", "\\", "${", "%", "/", ".", "*", " "), maxLength: 30 }),
  fc.constantFrom("", " ", "\n", "null", "undefined", "NaN", "__proto__", "constructor", "toString", "hasOwnProperty", UNKNOWN, SIGNATURE_KEY, "0", "-1", "1e308", "true"),
);

/** Up to 1 MB, in the shapes that make patterns backtrack. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("a", "a.", "-", " ", "😀", "é", "\n", "a@", "%", "-----BEGIN CERTIFICATE-----"), fc.constantFrom(70_000, 300_000, 1_000_000), fc.constantFrom("", "@ ", "!", "\ud800"))
  .map(([unit, length, tail]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + tail);

const oddNumber = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -1, 0.5, 1.5, 2 ** 31);

/** Anything in place of a value: wrong types, nulls, odd numbers, awkward and huge strings, arrays where objects go, deep nesting, secrets and unknowns inside. */
export function hostileValue(depth = 0): fc.Arbitrary<Json> {
  const leaf: fc.Arbitrary<Json> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    fc.integer(),
    fc.double(),
    awkwardString,
    fc.constant(UNKNOWN),
  );
  if (depth > 2) return leaf;
  const nested: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(awkwardString, tie("value"), { maxKeys: 3 }),
      tie("value").map((v) => secretOf(v) as Json),
    ),
  })).value;
  return fc.oneof(
    { arbitrary: leaf, weight: 6 },
    { arbitrary: nested, weight: 3 },
    { arbitrary: hugeString, weight: 1 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: fc.constant(secretOf(secretOf(UNKNOWN)) as Json), weight: 1 },
  );
}

/** Objects and lists nested a hundred deep (google-protobuf takes a millisecond a level to build them). */
const deepNesting: fc.Arbitrary<Json> = fc.tuple(fc.integer({ min: 20, max: 100 }), fc.boolean()).map(([levels, lists]) => {
  let value: Json = "bottom";
  for (let i = 0; i < levels; i++) value = lists && i % 2 ? [value] : { nested: value };
  return value;
});

/**
 * A resource's or function's inputs: each declared field fitting, hostile, unknown, secret,
 * null or missing, at any depth; now and then unknown fields beside them.
 */
export function declaredInputs(shape: Record<string, z.ZodType>): fc.Arbitrary<Record<string, Json>> {
  // Most keep every required field, so the rules across fields get to run.
  const declared = fc.oneof({ arbitrary: objectOf(shape, true, 0, true), weight: 3 }, { arbitrary: objectOf(shape, true, 0, false), weight: 1 });
  const extra = fc.dictionary(fc.oneof(awkwardString, fc.constantFrom("__defaults", "__unreadable", "id", "urn", "name")), hostileValue(1), { maxKeys: 2 });
  return fc
    .tuple(declared, fc.option(extra, { freq: 4 }))
    .map(([inputs, more]) => ({ ...(more ?? {}), ...(inputs as Record<string, Json>) }));
}

/** Inputs that fit the declaration as far as it can be read from the types: no hostile values, no unknowns, no secrets. */
export function fittingInputs(shape: Record<string, z.ZodType>): fc.Arbitrary<Record<string, Json>> {
  return objectOf(shape, false, 0, true) as fc.Arbitrary<Record<string, Json>>;
}
