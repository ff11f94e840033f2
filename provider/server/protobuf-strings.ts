import { BinaryReader, BinaryWriter } from "google-protobuf";

// google-protobuf 3.21 encodes and decodes UTF-8 in JavaScript, a character at a time: about
// 50 ms per megabyte each way, on the event loop every request shares. A certificate chain or
// a pasted megabyte would stall every other call. Node's own UTF-8 codec does the same work
// natively; the bytes on the wire are identical (length-delimited UTF-8).
let installed = false;

export function useNativeUtf8(): void {
  if (installed) return;
  installed = true;
  BinaryReader.prototype.readString = function readString(this: BinaryReader): string {
    const bytes = this.readBytes();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  };
  BinaryWriter.prototype.writeString = function writeString(this: BinaryWriter, field: number, value?: string | null): void {
    if (value === null || value === undefined) return;
    this.writeBytes(field, Buffer.from(value, "utf8"));
  };
}
