import { BinaryReader, type BinaryWriter } from "google-protobuf";
import { ListValue, NullValue, Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import { decodeUtf8 } from "./protobuf-strings";

// google.protobuf.Struct, the type of every property map on the wire, read and written without
// google-protobuf's object model. Decoding builds a Map and a Value object per property and
// sorts each map twice (once to attach it to its message, once to read it back) before any
// plain value comes out; encoding builds the same objects to write them. Check and Diff carry
// two or three Structs each: that was a third of the plugin's garbage, and every young-generation
// collection it caused paused all the calls in flight.
//
// So a Struct read off the wire keeps its bytes and is decoded straight to plain values, and one
// made from plain values (structOf) writes them straight out. Both stay ordinary Struct
// messages: whatever asks for their fields gets them, built the usual way on first use, and one
// passed on unread (CheckConfig's inputs) goes out as the very bytes that came in.

const BYTES = Symbol("wire bytes");
const PLAIN = Symbol("plain values");
type Backed = Struct & { [BYTES]?: Uint8Array; [PLAIN]?: Record<string, unknown> };

type FieldsMap = ReturnType<Struct["getFieldsMap"]>;
type JavaScriptObject = ReturnType<Struct["toJavaScript"]>;

const original = {
  deserialize: Struct.deserializeBinaryFromReader,
  serialize: Struct.serializeBinaryToWriter,
  // Typed without the optional argument the generated code takes.
  getFieldsMap: Struct.prototype.getFieldsMap as (this: Struct, noLazyCreate?: boolean) => FieldsMap,
  toJavaScript: Struct.prototype.toJavaScript,
};

// Installed on import: a Struct made by structOf must never meet a writer that does not know it.
Struct.deserializeBinaryFromReader = (message, reader) => {
  const start = reader.getCursor();
  while (reader.nextField() && !reader.isEndGroup()) reader.skipField();
  (message as Backed)[BYTES] = reader.getBuffer().subarray(start, reader.getCursor());
  return message;
};
Struct.serializeBinaryToWriter = (message, writer) => {
  const { [BYTES]: bytes, [PLAIN]: plain } = message as Backed;
  if (bytes) writer.writeSerializedMessage(bytes, 0, bytes.length);
  else if (plain) writeFields(plain, writer);
  else original.serialize(message, writer);
};
Struct.prototype.getFieldsMap = function getFieldsMap(this: Backed, noLazyCreate?: boolean) {
  materialize(this);
  return original.getFieldsMap.call(this, noLazyCreate);
};
Struct.prototype.toJavaScript = function toJavaScript(this: Backed): JavaScriptObject {
  const bytes = this[BYTES];
  if (bytes) return readFields(new Reader(bytes), bytes.length) as JavaScriptObject;
  return original.toJavaScript.call(this);
};

/**
 * A Struct of plain values as JSON would carry them: undefined properties (and functions) are
 * left out, and undefined in a list, like a number that is not finite, becomes null.
 */
export function structOf(values: Record<string, unknown>): Struct {
  const struct = new Struct() as Backed;
  struct[PLAIN] = values;
  return struct;
}

/** Gives a backed Struct its fields the usual way, once, before anything reads or changes them. */
function materialize(struct: Backed): void {
  const { [BYTES]: bytes, [PLAIN]: plain } = struct;
  delete struct[BYTES];
  delete struct[PLAIN];
  if (bytes) original.deserialize(struct, new BinaryReader(bytes));
  if (plain) {
    const fields = original.getFieldsMap.call(struct, false);
    for (const key of Object.keys(plain)) if (isEncoded(plain[key])) fields.set(key, toValue(plain[key]));
  }
}

const isEncoded = (value: unknown) => value !== undefined && typeof value !== "function" && typeof value !== "symbol";

function toValue(value: unknown): Value {
  const out = new Value();
  if (typeof value === "string") return out.setStringValue(value);
  if (typeof value === "boolean") return out.setBoolValue(value);
  if (typeof value === "number" && Number.isFinite(value)) return out.setNumberValue(value);
  if (Array.isArray(value)) return out.setListValue(new ListValue().setValuesList(value.map(toValue)));
  if (value !== null && typeof value === "object") return out.setStructValue(structOf(value as Record<string, unknown>));
  return out.setNullValue(NullValue.NULL_VALUE);
}

// The tags of struct.proto's fields: field number << 3 | wire type (0 varint, 1 64-bit, 2 length-delimited).
const TAG = {
  /** Struct.fields, a map: each entry a message of key = 1 and value = 2; ListValue.values is 1 too. */
  entry: (1 << 3) | 2,
  entryKey: (1 << 3) | 2,
  entryValue: (2 << 3) | 2,
  nullValue: (1 << 3) | 0,
  numberValue: (2 << 3) | 1,
  stringValue: (3 << 3) | 2,
  boolValue: (4 << 3) | 0,
  structValue: (5 << 3) | 2,
  listValue: (6 << 3) | 2,
};

function writeFields(values: Record<string, unknown>, writer: BinaryWriter): void {
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (!isEncoded(value)) continue;
    // The key is what writeMessage is handed: it leaves out a message that is null, and the value may be.
    writer.writeMessage(1, key, (entryKey: string, w: BinaryWriter) => {
      w.writeString(1, entryKey);
      writeValueField(w, 2, value);
    });
  }
}

/** A Value of null, encoded: its null_value field (1, varint) set to NULL_VALUE (0). */
const NULL_VALUE_MESSAGE = new Uint8Array([(1 << 3) | 0, NullValue.NULL_VALUE]);

/** writeMessage leaves out a null message; a null Value must still be there. */
function writeValueField(writer: BinaryWriter, field: number, value: unknown): void {
  if (value === null || value === undefined) writer.writeBytes(field, NULL_VALUE_MESSAGE);
  else writer.writeMessage(field, value, writeValue);
}

function writeValue(value: unknown, writer: BinaryWriter): void {
  if (typeof value === "string") writer.writeString(3, value);
  else if (typeof value === "boolean") writer.writeBool(4, value);
  else if (typeof value === "number" && Number.isFinite(value)) writer.writeDouble(2, value);
  else if (Array.isArray(value)) writer.writeMessage(6, value, writeList);
  else if (value !== null && typeof value === "object") writer.writeMessage(5, value, writeFields);
  else writer.writeEnum(1, NullValue.NULL_VALUE);
}

function writeList(values: unknown[], writer: BinaryWriter): void {
  for (const value of values) writeValueField(writer, 1, value);
}

/** A cursor over protobuf bytes: the few wire types struct.proto uses, and skipping the rest. */
class Reader {
  pos = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  varint(): number {
    let result = 0;
    for (let shift = 1; ; shift *= 128) {
      if (this.pos >= this.bytes.length) throw new Error("malformed Struct: a varint runs past the end");
      const byte = this.bytes[this.pos++]!;
      result += (byte & 0x7f) * shift;
      if (byte < 0x80) return result;
    }
  }

  /** The end of a length-delimited field that starts here. */
  end(): number {
    const length = this.varint();
    const end = this.pos + length;
    if (end > this.bytes.length) throw new Error("malformed Struct: a field runs past the end");
    return end;
  }

  double(): number {
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  string(): string {
    const end = this.end();
    const text = decodeUtf8(this.bytes.subarray(this.pos, end));
    this.pos = end;
    return text;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.pos = this.end();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`malformed Struct: wire type ${wireType}`);
  }
}

/** Keys in the order Struct#toJavaScript gives them (sorted, as its map iterates), each an own property. */
function readFields(reader: Reader, end: number): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  while (reader.pos < end) {
    const tag = reader.varint();
    if (tag !== TAG.entry) {
      reader.skip(tag & 7);
      continue;
    }
    const entryEnd = reader.end();
    let key = "";
    let value: unknown;
    let hasValue = false;
    while (reader.pos < entryEnd) {
      const entryTag = reader.varint();
      if (entryTag === TAG.entryKey) key = reader.string();
      else if (entryTag === TAG.entryValue) {
        value = readValue(reader, reader.end());
        hasValue = true;
      } else reader.skip(entryTag & 7);
    }
    // As google-protobuf: an entry without a value holds an empty Value, which has no kind.
    if (!hasValue) throw new Error("Unexpected struct type");
    entries.push([key, value]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    // Assigned, "__proto__" would set the object's prototype instead of naming a property.
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

function readValue(reader: Reader, end: number): unknown {
  let value: unknown;
  let hasKind = false;
  while (reader.pos < end) {
    const tag = reader.varint();
    switch (tag) {
      case TAG.nullValue:
        reader.varint();
        value = null;
        break;
      case TAG.numberValue:
        value = reader.double();
        break;
      case TAG.stringValue:
        value = reader.string();
        break;
      case TAG.boolValue:
        value = reader.varint() !== 0;
        break;
      case TAG.structValue:
        value = readFields(reader, reader.end());
        break;
      case TAG.listValue:
        value = readList(reader, reader.end());
        break;
      default:
        reader.skip(tag & 7);
        continue;
    }
    // A oneof: the last kind on the wire counts.
    hasKind = true;
  }
  if (reader.pos !== end) throw new Error("malformed Struct: a value runs past its end");
  if (!hasKind) throw new Error("Unexpected struct type");
  return value;
}

function readList(reader: Reader, end: number): unknown[] {
  const out: unknown[] = [];
  while (reader.pos < end) {
    const tag = reader.varint();
    if (tag === TAG.entry) out.push(readValue(reader, reader.end()));
    else reader.skip(tag & 7);
  }
  return out;
}
