import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "../../test/support/property-runs";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { toJs, toStruct } from "./wire";

describe("toStruct", () => {
  it("carries any plain value as JSON would: undefined properties left out, undefined in lists and non-finite numbers as null", () => {
    const plain = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        // JSON, the reference here, makes -0 a 0; a protobuf double keeps it.
        fc.double().filter((n) => !Object.is(n, -0)),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), plain.value, { maxKeys: 6 }), (values) => {
        expect(toStruct(values).toObject()).toEqual(Struct.fromJavaScript(JSON.parse(JSON.stringify(values))).toObject());
      }),
      runs(300),
    );
  });

  it("keeps large integers and fractions as numbers, and lists' holes as null", () => {
    expect(toJs(toStruct({ a: 2 ** 53, b: -1.5, c: [1, undefined, Infinity] }))).toEqual({ a: 2 ** 53, b: -1.5, c: [1, null, null] });
  });
});
