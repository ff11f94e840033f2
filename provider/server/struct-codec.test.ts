import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ListValue, Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { structOf } from "./struct-codec";
import { useNativeUtf8 } from "./protobuf-strings";

useNativeUtf8();

// What JSON carries: the values a Struct holds, any depth, any keys (also "__proto__" and "").
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: "binary" }),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: "binary" }), tie("value"), { maxKeys: 4 }),
  ),
}));
const object = fc.dictionary(fc.string({ unit: "binary" }), json.value, { maxKeys: 6 });

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
        fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "binary" }), withHoles.value, { maxKeys: 6 }), (values) => {
        expect(readTheUsualWay(structOf(values).serializeBinary())).toEqual(JSON.parse(JSON.stringify(values)));
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
