import { BinaryReader, Message, type BinaryWriter } from "google-protobuf";
import { ListValue, NullValue, Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import { isEncoded, readStruct, writeFields } from "./struct-wire";

// google.protobuf.Struct, the type of every property map on the wire, without google-protobuf's
// object model where the plugin reads its requests and writes its answers. Decoding builds a Map
// and a Value object per property and sorts each map twice (to attach it to its message, and to
// read it back) before a plain value comes out; encoding builds the same objects to write them.
// Check and Diff carry two or three Structs each: that was a third of the plugin's garbage, and
// every young-generation collection it caused paused all the calls in flight.
//
// So, inside withStructCodec (the plugin's own request decoding and answer encoding), a Struct is
// read as its bytes, decoded straight to plain values when asked for them, and one made by
// structOf is written straight from its values. Either is an ordinary Struct to everything
// else: whatever asks for its fields, its array (clone, equals) or its object gets them, built
// the usual way on first use; an unread one passed on (CheckConfig's inputs) goes out as the very
// bytes that came in. Outside that scope google-protobuf works as shipped.

interface Backing {
  bytes?: Uint8Array;
  plain?: Record<string, unknown>;
  /** Not yet in a message: the next toArray is the parent message attaching it, which needs no fields. */
  attaching?: boolean;
}

type FieldsMap = ReturnType<Struct["getFieldsMap"]>;
type JavaScriptObject = ReturnType<Struct["toJavaScript"]>;

const stock = {
  deserialize: Struct.deserializeBinaryFromReader,
  serialize: Struct.serializeBinaryToWriter,
  // Typed without the optional argument the generated code passes.
  getFieldsMap: Struct.prototype.getFieldsMap as (this: Struct, noLazyCreate?: boolean) => FieldsMap,
  toJavaScript: Struct.prototype.toJavaScript,
  toArray: Struct.prototype.toArray,
};

const BACKING = Symbol("backing");

/** A Struct backed by bytes or plain values; every method that looks at its fields builds them first. */
class BackedStruct extends Struct {
  [BACKING]: Backing | undefined;

  override getFieldsMap(noLazyCreate?: boolean): FieldsMap {
    materialize(this);
    return stock.getFieldsMap.call(this, noLazyCreate);
  }

  override toJavaScript(): JavaScriptObject {
    const bytes = this[BACKING]?.bytes;
    if (bytes) return readStruct(bytes) as JavaScriptObject;
    materialize(this);
    return stock.toJavaScript.call(this);
  }
}

// google-protobuf calls toArray under a minified name of its own too (to attach a message to its
// parent, to clone or compare one): a backed Struct answers to every name it has.
for (const name of Object.getOwnPropertyNames(Message.prototype)) {
  if ((Message.prototype as unknown as Record<string, unknown>)[name] === Message.prototype.toArray) {
    Object.defineProperty(BackedStruct.prototype, name, { value: backedToArray, writable: true, configurable: true });
  }
}

function backedToArray(this: BackedStruct): ReturnType<Struct["toArray"]> {
  const backing = this[BACKING];
  if (backing?.attaching) backing.attaching = false;
  else materialize(this);
  return stock.toArray.call(this);
}

let depth = 0;

// Put in place once and for all: swapped at every call, they would throw away the optimised code
// of every generated message that calls them. Outside withStructCodec they are google-protobuf's.
Struct.deserializeBinaryFromReader = (message, reader) => (depth > 0 ? readAsBytes(message, reader) : stock.deserialize(message, reader));
Struct.serializeBinaryToWriter = (message, writer) => (depth > 0 ? writeBacked(message, writer) : stock.serialize(message, writer));

/** Runs `work`, a message's decoding or encoding, with Structs read as bytes and written from their values. */
export function withStructCodec<T>(work: () => T): T {
  depth++;
  try {
    return work();
  } finally {
    depth--;
  }
}

/** A gRPC service definition whose requests are decoded, and answers encoded, withStructCodec. */
export function serviceWithStructCodec<S extends Record<string, { requestDeserialize: (bytes: Buffer) => unknown; responseSerialize: (value: never) => Buffer }>>(definition: S): S {
  const methods = Object.entries(definition).map(([name, method]) => [
    name,
    {
      ...method,
      requestDeserialize: (bytes: Buffer) => withStructCodec(() => method.requestDeserialize(bytes)),
      responseSerialize: (value: never) => withStructCodec(() => method.responseSerialize(value)),
    },
  ]);
  return Object.fromEntries(methods) as S;
}

/**
 * A Struct of plain values as JSON would carry them: undefined properties (and functions) are
 * left out, and undefined in a list, like a number that is not finite, becomes null. The values
 * are read when the Struct is written or looked at, not copied: not to be changed meanwhile. Made
 * to be set into a message (an answer): that first toArray, the attaching, builds no fields.
 */
export function structOf(values: Record<string, unknown>): Struct {
  const struct = new BackedStruct();
  struct[BACKING] = { plain: values, attaching: true };
  return struct;
}

function readAsBytes(message: Struct, reader: BinaryReader): Struct {
  const start = reader.getCursor();
  let end = start;
  // A group's end tag, should one close this message, is not part of it.
  while (reader.nextField() && !reader.isEndGroup()) {
    reader.skipField();
    end = reader.getCursor();
  }
  // The message is the generated code's own new Struct: it becomes a backed one.
  const backed = Object.setPrototypeOf(message, BackedStruct.prototype) as BackedStruct;
  backed[BACKING] = { bytes: reader.getBuffer().subarray(start, end), attaching: true };
  return backed;
}

function writeBacked(message: Struct, writer: BinaryWriter): void {
  const backing = (message as BackedStruct)[BACKING];
  if (backing?.bytes) writer.writeSerializedMessage(backing.bytes, 0, backing.bytes.length);
  else if (backing?.plain) writeFields(backing.plain, writer);
  else stock.serialize(message, writer);
}

/** Gives a backed Struct its fields the usual way, once, before anything reads or changes them. */
function materialize(struct: BackedStruct): void {
  const backing = struct[BACKING];
  if (!backing) return;
  struct[BACKING] = undefined;
  if (backing.bytes) stock.deserialize(struct, new BinaryReader(backing.bytes));
  if (backing.plain) {
    const fields = stock.getFieldsMap.call(struct, false);
    for (const key of Object.keys(backing.plain)) if (isEncoded(backing.plain[key])) fields.set(key, toValue(backing.plain[key]));
  }
}

function toValue(value: unknown): Value {
  const out = new Value();
  if (typeof value === "string") return out.setStringValue(value);
  if (typeof value === "boolean") return out.setBoolValue(value);
  if (typeof value === "number" && Number.isFinite(value)) return out.setNumberValue(value);
  if (Array.isArray(value)) return out.setListValue(new ListValue().setValuesList(value.map(toValue)));
  if (value !== null && typeof value === "object") return out.setStructValue(structOf(value as Record<string, unknown>));
  return out.setNullValue(NullValue.NULL_VALUE);
}
