import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ListValue, Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { structOf } from "./struct-codec";
import { useNativeUtf8 } from "./protobuf-strings";

useNativeUtf8();

// What JSON carries: the values a Struct holds, any depth, any keys but "__proto__", which
// google-protobuf's own reading turns into a prototype (that one has a test of its own).
const key = fc.string({ unit: "binary" }).filter((k) => k !== "__proto__");
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: "binary" }),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
}));
const object = fc.dictionary(key, json.value, { maxKeys: 6 });

/** What JSON.stringify makes of a value, but -0, which a protobuf double keeps. */
function asJson(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : asJson(item)));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === undefined ? [] : [[key, asJson(item)]])));
  }
  return value;
}

/** google-protobuf's own reading of `bytes`: the fields built (materialized), then its toJavaScript. */
function readTheUsualWay(bytes: Uint8Array): unknown {
  const struct = Struct.deserializeBinary(bytes);
  struct.getFieldsMap();
  return struct.toJavaScript();
}

describe("reading a Struct off the wire", () => {
  it("gives what google-protobuf gives, keys in the same order, for any JSON", () => {
    fc.assert(
      fc.property(object, (values) => {
        const bytes = Struct.fromJavaScript(values as never).serializeBinary();
        expect(JSON.stringify(Struct.deserializeBinary(bytes).toJavaScript())).toBe(JSON.stringify(readTheUsualWay(bytes)));
      }),
      { numRuns: 500 },
    );
  });

  it("reads the Structs of a request message, and passes one on unread as the very bytes that came in", () => {
    const news = Struct.fromJavaScript({ name: "blog", domains: ["a.example", "b.example"], port: 8080, ssl: true, note: null });
    const request = rpc.CheckRequest.deserializeBinary(new rpc.CheckRequest().setUrn("urn:x").setNews(news).serializeBinary());
    expect(request.getUrn()).toBe("urn:x");
    expect(request.getNews()!.toJavaScript()).toEqual({ name: "blog", domains: ["a.example", "b.example"], port: 8080, ssl: true, note: null });
    const newsBytes = news.serializeBinary();
    const answer = new rpc.CheckResponse().setInputs(request.getNews()).serializeBinary();
    expect(Buffer.from(answer).includes(Buffer.from(newsBytes))).toBe(true);
    expect(rpc.CheckResponse.deserializeBinary(answer).getInputs()!.toJavaScript()).toEqual(news.toJavaScript());
  });

  it("builds the fields of a Struct read off the wire for whoever changes them", () => {
    const struct = Struct.deserializeBinary(Struct.fromJavaScript({ a: 1 }).serializeBinary());
    struct.getFieldsMap().set("b", new Value().setStringValue("two"));
    expect(readTheUsualWay(struct.serializeBinary())).toEqual({ a: 1, b: "two" });
  });

  it("reads a property named __proto__ as a property, leaving the object's prototype alone", () => {
    // google-protobuf's own map cannot even hold that key; JSON.parse makes it an own property.
    const sent = JSON.parse('{"__proto__": {"polluted": true}, "name": "db"}') as Record<string, unknown>;
    const plain = Struct.deserializeBinary(structOf(sent).serializeBinary()).toJavaScript() as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(["__proto__", "name"]);
    expect((plain as { polluted?: boolean }).polluted).toBeUndefined();
    expect(plain).toEqual(sent);
  });

  it("fails as google-protobuf does on a value of no kind, and on bytes cut short", () => {
    const kindless = new Struct();
    kindless.getFieldsMap().set("k", new Value());
    expect(() => Struct.deserializeBinary(kindless.serializeBinary()).toJavaScript()).toThrow("Unexpected struct type");
    const bytes = Struct.fromJavaScript({ key: "a value long enough to cut" }).serializeBinary();
    expect(() => Struct.deserializeBinary(bytes.subarray(0, bytes.length - 5)).toJavaScript()).toThrow();
  });

  it("keeps strings as they were sent: a byte order mark, astral characters, a megabyte", () => {
    const values = { bom: "\uFEFFtext", emoji: "h\u00e9llo \u{1F600}", big: "x".repeat(1024 * 1024) };
    expect(Struct.deserializeBinary(Struct.fromJavaScript(values).serializeBinary()).toJavaScript()).toEqual(values);
  });
});

describe("writing a Struct of plain values", () => {
  it("writes what google-protobuf reads back as the JSON of those values", () => {
    const withHoles = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        json.value,
        fc.constant(undefined),
        fc.constantFrom(Infinity, -Infinity, NaN),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, withHoles.value, { maxKeys: 6 }), (values) => {
        expect(readTheUsualWay(structOf(values).serializeBinary())).toEqual(asJson(values));
      }),
      { numRuns: 500 },
    );
  });

  it("gives its fields, built the usual way, to whoever reads or changes them", () => {
    const struct = structOf({ a: [1, "x"], b: { c: true } });
    const list = struct.getFieldsMap().get("a")!.getListValue() as ListValue;
    expect(list.getValuesList().map((v) => v.toJavaScript())).toEqual([1, "x"]);
    struct.getFieldsMap().set("d", new Value().setNumberValue(4));
    expect(readTheUsualWay(struct.serializeBinary())).toEqual({ a: [1, "x"], b: { c: true }, d: 4 });
  });

  it("is written inside an answer message as a Struct field", () => {
    const answer = rpc.CreateResponse.deserializeBinary(new rpc.CreateResponse().setId("db1").setProperties(structOf({ name: "db1", size: 0, tags: [] })).serializeBinary());
    expect(answer.getId()).toBe("db1");
    expect(answer.getProperties()!.toJavaScript()).toEqual({ name: "db1", size: 0, tags: [] });
  });
});
