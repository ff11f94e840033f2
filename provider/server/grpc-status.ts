// What a gRPC call ends with, as the protocol carries it (grpc/doc/PROTOCOL-HTTP2.md): a status
// code and message in the trailers, and for the engine's rich errors a google.rpc.Status in
// grpc-status-details-bin. Kept apart from the server so that errors are made without it.

/** The status codes the plugin answers with (google.rpc.Code). */
export const GrpcCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAUTHENTICATED: 16,
} as const;

export type GrpcCode = (typeof GrpcCode)[keyof typeof GrpcCode];

/**
 * A call that failed, as the engine is told: the code, the message, and the serialized
 * google.rpc.Status with details. `compactStatusDetails`, when given, is a smaller form of them
 * for an answer the whole ones would make too large (a half-created resource's id without its state).
 */
export class GrpcFailure extends Error {
  constructor(
    readonly code: GrpcCode,
    message: string,
    readonly statusDetails?: Uint8Array,
    readonly compactStatusDetails?: Uint8Array,
  ) {
    super(message);
  }
}

/** The most of an error message the engine is sent, in UTF-8 bytes: it prints all of it. */
export const MAX_ERROR_MESSAGE_BYTES = 64 * 1024;

/** `text` cut to at most `maxBytes` of UTF-8 on a character's boundary, marked where it was cut. */
export function truncatedUtf8(text: string, maxBytes = MAX_ERROR_MESSAGE_BYTES): string {
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const cut = Buffer.from(text, "utf8").subarray(0, maxBytes - 3).toString("utf8").replace(/\uFFFD$/, "");
  return `${cut}…`;
}

/**
 * grpc-message is percent-encoded UTF-8: every byte outside printable ASCII, and '%' itself.
 * An error message may hold newlines and any other character.
 */
export function encodeGrpcMessage(message: string): string {
  let out = "";
  for (const byte of Buffer.from(message, "utf8")) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

const TIMEOUT_UNIT_MS: Record<string, number> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 1e-3, n: 1e-6 };

/** The call's deadline from its grpc-timeout header ("100m", "5S"), in ms from now; undefined when it has none or one that does not parse. */
export function grpcTimeoutMs(header: string | string[] | undefined): number | undefined {
  const match = typeof header === "string" ? /^(\d{1,8})([HMSmun])$/.exec(header) : null;
  return match ? Number(match[1]) * TIMEOUT_UNIT_MS[match[2]!]! : undefined;
}
