// Request bodies: read with a size limit, and the default JSON reading. The
// limit keeps a runaway client (or a provider bug that sends a file) from
// filling the test process's memory, and it is why validators may assume no
// string in a body is longer than the limit.
import type { IncomingMessage } from "node:http";
import { EmulatorError } from "./base-error";
import type { EmulatorRequest } from "./base-definition";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(limit: number): EmulatorError {
  // Connection: close, because the rest of the body is not wanted and the client
  // may still be sending it.
  return new EmulatorError(413, `Request body is too large (limit ${limit} bytes).`, { headers: { Connection: "close" } });
}

/**
 * The whole body, or a 413 as soon as it passes `limit`. What comes after that
 * is drained and dropped instead of destroying the socket, so the client still
 * reads the 413.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      request.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    let ended = false;
    request.on("end", () => {
      ended = true;
      if (!refused) resolve(Buffer.concat(chunks));
    });
    request.on("error", reject);
    request.on("close", () => {
      if (!ended) reject(new EmulatorError(400, "The connection closed before the request body was complete."));
    });
  });
}

/**
 * The default parseBody: JSON whatever the Content-Type says, undefined for an
 * empty body, 400 for malformed JSON. An API with other rules (form bodies,
 * 422s, a required content type) supplies its own hook, and may call this one.
 */
export function parseJsonBody(request: EmulatorRequest): unknown {
  const text = request.body.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EmulatorError(400, `Malformed JSON in request body: ${(error as Error).message}`);
  }
}
