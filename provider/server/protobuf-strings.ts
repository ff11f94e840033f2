import { BinaryReader, BinaryWriter } from "google-protobuf";

// google-protobuf 3.21 encodes and decodes UTF-8 in JavaScript, a character at a time: about
// 50 ms per megabyte each way, on the event loop every request shares. A certificate chain or
// a pasted megabyte would stall every other call. Node's own UTF-8 codec does the same work
// natively; the bytes on the wire are identical (length-delimited UTF-8).
let installed = false;
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * UTF-8 decoded where the bytes lie, without a Buffer around them for each string. A byte order
 * mark is kept, as Buffer#toString keeps it; invalid sequences become U+FFFD either way.
 */
export const decodeUtf8 = (bytes: Uint8Array): string => utf8.decode(bytes);

export function useNativeUtf8(): void {
  if (installed) return;
  installed = true;
  BinaryReader.prototype.readString = function readString(this: BinaryReader): string {
    return decodeUtf8(this.readBytes());
  };
  BinaryWriter.prototype.writeString = function writeString(this: BinaryWriter, field: number, value?: string | null): void {
    if (value === null || value === undefined) return;
    this.writeBytes(field, Buffer.from(value, "utf8"));
  };
}
