import type { BinaryWriter } from "google-protobuf";
import { NullValue } from "google-protobuf/google/protobuf/struct_pb";
import { decodeUtf8 } from "./protobuf-strings";

// struct.proto's messages (Struct, Value, ListValue) in their wire form, read into plain values
// and written from them, as google-protobuf's generated code would, without its objects. Bytes
// that google-protobuf would refuse are refused here too: every length is checked against the
// message it lies in.

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

/** Whether JSON would carry a property of this value (undefined, functions and symbols it leaves out). */
export const isEncoded = (value: unknown) => value !== undefined && typeof value !== "function" && typeof value !== "symbol";

/** Writes the fields of a Struct of plain values as JSON would carry them (see structOf). */
export function writeFields(values: Record<string, unknown>, writer: BinaryWriter): void {
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

/** A cursor over protobuf bytes: the wire types struct.proto uses, and skipping the others. */
class Reader {
  pos = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Moves past `count` bytes, which must lie before `limit`. */
  private advance(count: number, limit: number): number {
    const at = this.pos;
    if (at + count > limit) throw new Error("malformed Struct: a field runs past the message it is in");
    this.pos = at + count;
    return at;
  }

  /**
   * A varint as google-protobuf reads one (readUnsignedVarint32): its low 32 bits, unsigned, from
   * at most 10 bytes. A tag, a length or a bool is read so everywhere, so this must be too.
   */
  varint(limit: number): number {
    let low32 = 0;
    for (let index = 0; ; index++) {
      const byte = this.bytes[this.advance(1, limit)]!;
      if (index < 4) low32 |= (byte & 0x7f) << (7 * index);
      else if (index === 4) low32 |= (byte & 0x0f) << 28;
      if (byte < 0x80) return low32 >>> 0;
      if (index === 9) throw new Error("malformed Struct: a varint longer than 10 bytes");
    }
  }

  /** The end of the length-delimited field that starts here, inside `limit`. */
  end(limit: number): number {
    const length = this.varint(limit);
    const start = this.advance(length, limit);
    this.pos = start;
    return start + length;
  }

  double(limit: number): number {
    return this.view.getFloat64(this.advance(8, limit), true);
  }

  string(limit: number): string {
    const end = this.end(limit);
    const text = decodeUtf8(this.bytes.subarray(this.pos, end));
    this.pos = end;
    return text;
  }

  /** Skips a field of an unknown number, as google-protobuf does, groups included. */
  skip(tag: number, limit: number): void {
    const wireType = tag & 7;
    if (wireType === 0) this.varint(limit);
    else if (wireType === 1) this.advance(8, limit);
    else if (wireType === 2) this.pos = this.end(limit);
    else if (wireType === 5) this.advance(4, limit);
    else if (wireType === 3) {
      const endGroup = (tag & ~7) | 4;
      for (let inner = this.varint(limit); inner !== endGroup; inner = this.varint(limit)) this.skip(inner, limit);
    } else throw new Error(`malformed Struct: wire type ${wireType}`);
  }

  /** After the fields of a message that ends at `end`: they must have filled it exactly. */
  finish(end: number): void {
    if (this.pos !== end) throw new Error("malformed Struct: a field runs past the message it is in");
  }
}

/** The plain values of a Struct message's bytes: what Struct#toJavaScript gives for them. */
export function readStruct(bytes: Uint8Array): Record<string, unknown> {
  return readFields(new Reader(bytes), bytes.length);
}

/** Keys in the order Struct#toJavaScript gives them (sorted, as its map iterates), each an own property. */
function readFields(reader: Reader, end: number): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  while (reader.pos < end) {
    const tag = reader.varint(end);
    if (tag !== TAG.entry) {
      reader.skip(tag, end);
      continue;
    }
    const entryEnd = reader.end(end);
    let key = "";
    let value: unknown;
    let hasValue = false;
    while (reader.pos < entryEnd) {
      const entryTag = reader.varint(entryEnd);
      if (entryTag === TAG.entryKey) key = reader.string(entryEnd);
      else if (entryTag === TAG.entryValue) {
        value = readValue(reader, reader.end(entryEnd));
        hasValue = true;
      } else if (!passOverInEntry(entryTag, reader, entryEnd)) break;
    }
    reader.finish(entryEnd);
    // As google-protobuf: an entry without a value holds an empty Value, which has no kind.
    if (!hasValue) throw new Error("Unexpected struct type");
    entries.push([key, value]);
  }
  reader.finish(end);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    // Assigned, "__proto__" would set the object's prototype instead of naming a property.
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

/**
 * What google-protobuf's map reading does with a field of an entry other than its key and value
 * (never on the engine's wire; bytes damaged on the way): it passes over the tag but not the
 * payload, which it reads as more fields, and an end-group tag ends the entry. So does this, so
 * that a Struct reads the same whether it is read here or the usual way when first changed.
 * Whether to go on reading the entry.
 */
function passOverInEntry(tag: number, reader: Reader, entryEnd: number): boolean {
  const wireType = tag & 7;
  // A key or value of the wrong wire type, or no wire type at all: google-protobuf refuses it.
  if (tag >>> 3 === 1 || tag >>> 3 === 2 || wireType > 5) throw new Error("malformed Struct: a map entry's field of the wrong wire type");
  if (wireType !== 4) return true;
  reader.pos = entryEnd;
  return false;
}

function readValue(reader: Reader, end: number): unknown {
  let value: unknown;
  let hasKind = false;
  while (reader.pos < end) {
    const tag = reader.varint(end);
    switch (tag) {
      case TAG.nullValue:
        reader.varint(end);
        value = null;
        break;
      case TAG.numberValue:
        value = reader.double(end);
        break;
      case TAG.stringValue:
        value = reader.string(end);
        break;
      case TAG.boolValue:
        value = reader.varint(end) !== 0;
        break;
      case TAG.structValue:
        value = readFields(reader, reader.end(end));
        break;
      case TAG.listValue:
        value = readList(reader, reader.end(end));
        break;
      default:
        reader.skip(tag, end);
        continue;
    }
    // A oneof: the last kind on the wire counts.
    hasKind = true;
  }
  reader.finish(end);
  if (!hasKind) throw new Error("Unexpected struct type");
  return value;
}

function readList(reader: Reader, end: number): unknown[] {
  const out: unknown[] = [];
  while (reader.pos < end) {
    const tag = reader.varint(end);
    if (tag === TAG.entry) out.push(readValue(reader, reader.end(end)));
    else reader.skip(tag, end);
  }
  reader.finish(end);
  return out;
}
