// A gRPC client as thin as the engine's: unary calls over one HTTP/2 connection, each message
// framed as gRPC frames it (a compression flag, a 4-byte length, the message), the status read
// from the trailers. The engine is written in Go; grpc-js's client, with its channel, interceptors
// and call objects, spends more CPU per call than the plugin's whole Check, and on a two-core
// machine that CPU is taken from the plugin being measured. The plugin is still started and
// configured by the engine stand-in (test/harness/plugin.ts); only the timed calls come this way.
import { connect, type ClientHttp2Session, type IncomingHttpHeaders } from "node:http2";
import { connect as connectTcp } from "node:net";

/** A call that ended with a gRPC status other than OK, as the engine would report it. */
export class GrpcStatusError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    detail: string,
  ) {
    super(`${method}: gRPC status ${code}: ${detail}`);
  }
}

export class UnaryGrpcClient {
  private readonly session: ClientHttp2Session;

  constructor(
    address: string,
    private readonly service = "pulumirpc.ResourceProvider",
  ) {
    const [host, port] = [address.slice(0, address.lastIndexOf(":")), Number(address.slice(address.lastIndexOf(":") + 1))];
    // Go, the engine's language, turns Nagle's algorithm off on every TCP connection.
    this.session = connect(`http://${address}`, { createConnection: () => connectTcp({ host, port, noDelay: true }) });
    // A broken connection fails each call on its stream; the session's own error event must not crash the benchmark.
    this.session.on("error", () => undefined);
  }

  /** The answer's message bytes to `method` called with `message`, or a GrpcStatusError. */
  call(method: string, message: Uint8Array): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const stream = this.session.request({
        ":method": "POST",
        ":path": `/${this.service}/${method}`,
        "content-type": "application/grpc",
        te: "trailers",
      });
      const chunks: Buffer[] = [];
      let status: IncomingHttpHeaders | undefined;
      // A trailers-only answer (an error before any message) carries its status in the headers.
      stream.on("response", (headers) => {
        if (headers["grpc-status"] !== undefined) status = headers;
      });
      stream.on("trailers", (trailers) => (status = trailers));
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", reject);
      stream.on("end", () => {
        const code = Number(status?.["grpc-status"] ?? 2);
        if (code !== 0) return reject(new GrpcStatusError(method, code, decodeURIComponent(String(status?.["grpc-message"] ?? "no status"))));
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        if (body.length < 5) return reject(new GrpcStatusError(method, 13, "OK without a message"));
        resolve(body.subarray(5, 5 + body.readUInt32BE(1)));
      });
      const frame = Buffer.allocUnsafe(5 + message.length);
      frame[0] = 0;
      frame.writeUInt32BE(message.length, 1);
      frame.set(message, 5);
      stream.end(frame);
    });
  }

  close(): void {
    this.session.close();
  }
}
