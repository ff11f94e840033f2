import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "../../test/support/property-runs";
import { ListValue, Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { structOf, withStructCodec } from "./struct-codec";
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

/** google-protobuf's own reading of `bytes`, outside withStructCodec: the reference. */
const readTheUsualWay = (bytes: Uint8Array): unknown => Struct.deserializeBinary(bytes).toJavaScript();

/** As the plugin reads a request's Struct: inside withStructCodec, as CheckRequest.news (field 3). */
function readAsThePlugin(bytes: Uint8Array): Struct {
  const length: number[] = [];
  for (let n = bytes.length; ; n = Math.floor(n / 128)) {
    if (n < 128) {
      length.push(n);
      break;
    }
    length.push((n % 128) | 128);
  }
  const request = new Uint8Array([(3 << 3) | 2, ...length, ...bytes]);
  return withStructCodec(() => rpc.CheckRequest.deserializeBinary(request)).getNews()!;
}

/** As the plugin writes an answer's Struct: set into the answer, encoded inside withStructCodec. */
function writeAsThePlugin(struct: Struct): Uint8Array {
  const answer = withStructCodec(() => new rpc.CheckResponse().setInputs(struct).serializeBinary());
  return rpc.CheckResponse.deserializeBinary(answer).getInputs()!.serializeBinary();
}

describe("reading a Struct off the wire", () => {
  it("gives what google-protobuf gives, keys in the same order, for any JSON", () => {
    fc.assert(
      fc.property(object, (values) => {
        const bytes = Struct.fromJavaScript(values as never).serializeBinary();
        expect(JSON.stringify(readAsThePlugin(bytes).toJavaScript())).toBe(JSON.stringify(readTheUsualWay(bytes)));
      }),
      runs(500),
    );
  });

  it("reads the Structs of a request message, and passes one on unread as the very bytes that came in", () => {
    const news = Struct.fromJavaScript({ name: "blog", domains: ["a.example", "b.example"], port: 8080, ssl: true, note: null });
    const bytes = new rpc.CheckRequest().setUrn("urn:x").setNews(news).serializeBinary();
    const request = withStructCodec(() => rpc.CheckRequest.deserializeBinary(bytes));
    expect(request.getUrn()).toBe("urn:x");
    expect(request.getNews()!.toJavaScript()).toEqual({ name: "blog", domains: ["a.example", "b.example"], port: 8080, ssl: true, note: null });
    const answer = withStructCodec(() => new rpc.CheckResponse().setInputs(request.getNews()).serializeBinary());
    expect(Buffer.from(answer).includes(Buffer.from(news.serializeBinary()))).toBe(true);
    expect(rpc.CheckResponse.deserializeBinary(answer).getInputs()!.toJavaScript()).toEqual(news.toJavaScript());
  });

  it("is an ordinary Struct to whatever reads its fields, clones or compares its message, or changes it", () => {
    const bytes = new rpc.CheckRequest().setUrn("urn:x").setNews(Struct.fromJavaScript({ a: 1, b: { c: [true] } })).serializeBinary();
    const read = () => withStructCodec(() => rpc.CheckRequest.deserializeBinary(bytes));
    expect(read().cloneMessage().getNews()!.toJavaScript()).toEqual({ a: 1, b: { c: [true] } });
    expect(read().cloneMessage().serializeBinary()).toEqual(bytes);
    expect(rpc.CheckRequest.deserializeBinary(bytes).toObject()).toEqual(read().toObject());
    const changed = read().getNews()!;
    changed.getFieldsMap().set("d", new Value().setStringValue("four"));
    expect(readTheUsualWay(changed.serializeBinary())).toEqual({ a: 1, b: { c: [true] }, d: "four" });
    expect(readTheUsualWay(writeAsThePlugin(changed))).toEqual({ a: 1, b: { c: [true] }, d: "four" });
  });

  it("reads a property named __proto__ as a property, leaving the object's prototype alone", () => {
    // google-protobuf's own map cannot even hold that key; JSON.parse makes it an own property.
    const sent = JSON.parse('{"__proto__": {"polluted": true}, "name": "db"}') as Record<string, unknown>;
    const written = withStructCodec(() => new rpc.CheckResponse().setInputs(structOf(sent)).serializeBinary());
    const plain = withStructCodec(() => rpc.CheckResponse.deserializeBinary(written)).getInputs()!.toJavaScript() as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(["__proto__", "name"]);
    expect((plain as { polluted?: boolean }).polluted).toBeUndefined();
    expect(plain).toEqual(sent);
  });

  it("refuses what google-protobuf refuses: a value of no kind, bytes cut short, a length beyond its message", () => {
    const kindless = new Struct();
    kindless.getFieldsMap().set("k", new Value());
    expect(() => readAsThePlugin(kindless.serializeBinary()).toJavaScript()).toThrow("Unexpected struct type");
    // An entry of 4 bytes whose value claims 18: google-protobuf throws, so must this.
    const entryTooShort = Buffer.from("0a160a0012122a100a040a01621209110000000000000080", "hex");
    expect(() => readTheUsualWay(entryTooShort)).toThrow();
    expect(() => readAsThePlugin(entryTooShort).toJavaScript()).toThrow(/malformed/);
    // Entry "k" says 11 bytes, its value 30: the value would swallow the next entry.
    const swallowing = new Uint8Array([...Buffer.from("0a0b0a016b121e", "hex"), ...new Uint8Array(40).fill(0x08)]);
    expect(() => readAsThePlugin(swallowing).toJavaScript()).toThrow(/malformed/);
  });

  it("reads as google-protobuf the damage fuzzing found it reading differently", () => {
    // An entry ("", its value a Struct) whose key tag became field 5 of wire type 1: google-protobuf
    // passes over the tag of an unknown field in a map entry, and reads its payload as fields.
    const unknownInEntry = "0acb01a900" + "12c6012ac3010a120a0cf0908080f0908080f0908080120232000a90010a10f0908080f0908080f0908080f0908080127c327a0a121a10f0908080f0908080f0908080f09080800a291a27f0908080f0908080e0a080f0908080f0908080f0908080f0908080f0908080f0908080f09080800a111a0ff0908080e0a080f0908080f09080800a261a24f0908080f0908080f0908080f0908080f0908080f0908080f0908080f0908080f09080800a1a0a14f0908080f0908080f0908080f0908080f0908080120208000a110a04f090808012091100000000000000000a220a1cf0908080f0908080f0908080f0908080f0908080f0908080f090808012020800";
    // A tag of nine bytes (f1 80 80 80 f0 90 80 80 12): google-protobuf keeps its low 32 bits.
    const longTag = "0a4e0a04f090808012462a440a1a0a14f0908080f0908080f0908080f0908080f09080801202200090800a08f1808080f0908080120208000a0a0a04f1808081120220000a0a0a04f180808212020800";
    for (const hex of [unknownInEntry, longTag]) {
      const bytes = Buffer.from(hex, "hex");
      expect(JSON.stringify(readAsThePlugin(bytes).toJavaScript())).toBe(JSON.stringify(readTheUsualWay(bytes)));
    }
  });

  // Damaged bytes never come from the engine; what matters is an error, never a hang or a crash,
  // and never other values than google-protobuf reads where it reads any.
  it("reads damaged bytes with an error or as google-protobuf reads them, never hanging", () => {
    fc.assert(
      fc.property(object, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }), (values, damage) => {
        const bytes = Struct.fromJavaScript(values as never).serializeBinary();
        for (const [at, byte] of damage) if (bytes.length > 0) bytes[at % bytes.length] = byte;
        const outcome = (read: () => unknown) => {
          try {
            return JSON.stringify(read());
          } catch {
            return "refused";
          }
        };
        const ours = outcome(() => readAsThePlugin(bytes).toJavaScript());
        // Only then google-protobuf: a length that runs past the bytes, which this refuses, sends
        // it reading up to four gigabytes that are not there, for minutes.
        if (ours === "refused") return;
        const stockOutcome = outcome(() => readTheUsualWay(bytes));
        if (stockOutcome !== "refused") expect(ours).toBe(stockOutcome);
      }),
      runs(2000),
    );
  });

  it("skips fields it does not know, groups too, as google-protobuf does", () => {
    const known = Buffer.from(Struct.fromJavaScript({ k: 1 }).serializeBinary());
    // Field 7 (varint 5) and a group of field 9 holding field 1 (varint 1), before the entry.
    const withUnknown = new Uint8Array([...Buffer.from("3805" + "4b" + "0801" + "4c", "hex"), ...known]);
    expect(readTheUsualWay(withUnknown)).toEqual({ k: 1 });
    expect(readAsThePlugin(withUnknown).toJavaScript()).toEqual({ k: 1 });
  });

  it("keeps strings as they were sent: a byte order mark, astral characters, a megabyte", () => {
    const values = { bom: "\uFEFFtext", emoji: "h\u00e9llo \u{1F600}", big: "x".repeat(1024 * 1024) };
    expect(readAsThePlugin(Struct.fromJavaScript(values).serializeBinary()).toJavaScript()).toEqual(values);
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
        expect(readTheUsualWay(writeAsThePlugin(structOf(values)))).toEqual(asJson(values));
      }),
      runs(500),
    );
  });

  it("gives its fields, built the usual way, to whoever reads or changes them, also outside the plugin's encoding", () => {
    const struct = structOf({ a: [1, "x"], b: { c: true } });
    const list = struct.getFieldsMap().get("a")!.getListValue() as ListValue;
    expect(list.getValuesList().map((v) => v.toJavaScript())).toEqual([1, "x"]);
    struct.getFieldsMap().set("d", new Value().setNumberValue(4));
    expect(readTheUsualWay(struct.serializeBinary())).toEqual({ a: [1, "x"], b: { c: true }, d: 4 });
    const unread = new rpc.CreateResponse().setId("db1").setProperties(structOf({ name: "db1", size: 0, tags: [] }));
    expect(rpc.CreateResponse.deserializeBinary(unread.serializeBinary()).getProperties()!.toJavaScript()).toEqual({ name: "db1", size: 0, tags: [] });
    expect(unread.cloneMessage().getProperties()!.toJavaScript()).toEqual({ name: "db1", size: 0, tags: [] });
  });

  it("is written inside an answer message as a Struct field", () => {
    const bytes = withStructCodec(() => new rpc.CreateResponse().setId("db1").setProperties(structOf({ name: "db1", size: 0, tags: [] })).serializeBinary());
    const answer = rpc.CreateResponse.deserializeBinary(bytes);
    expect(answer.getId()).toBe("db1");
    expect(answer.getProperties()!.toJavaScript()).toEqual({ name: "db1", size: 0, tags: [] });
  });

  it("leaves google-protobuf as shipped outside withStructCodec", () => {
    const bytes = Struct.fromJavaScript({ a: 1 }).serializeBinary();
    withStructCodec(() => undefined);
    expect(Object.getPrototypeOf(Struct.deserializeBinary(bytes))).toBe(Struct.prototype);
    expect(() => withStructCodec(() => { throw new Error("inside"); })).toThrow("inside");
    expect(Object.getPrototypeOf(Struct.deserializeBinary(bytes))).toBe(Struct.prototype);
    expect(Object.getPrototypeOf(withStructCodec(() => Struct.deserializeBinary(bytes)))).not.toBe(Struct.prototype);
  });
});
