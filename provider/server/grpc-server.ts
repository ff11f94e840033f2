// The plugin's gRPC server: unary calls over node:http2, as grpc/doc/PROTOCOL-HTTP2.md describes
// them, and nothing else the ResourceProvider service does not use (no streams, no metadata in,
// no interceptors). grpc-js's server, on the same HTTP/2 stack, spent about half a millisecond
// more per call with 16 resources in flight, on call objects, metadata and status machinery;
// each Check of a `pulumi up` waits that long in the engine's one registration loop.
import { createServer as createHttp2Server, type Http2Server, type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from "node:http2";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from "node:net";
import { gunzipSync, inflateSync } from "node:zlib";
import { encodeGrpcMessage, GrpcCode, GrpcFailure, grpcTimeoutMs } from "./grpc-status";

/** A method as a generated service definition (provider_grpc_pb) describes it. */
export interface UnaryMethod {
  path: string;
  requestDeserialize(bytes: Buffer): unknown;
  responseSerialize(value: never): Buffer;
}

/** Answers a request, or rejects; a rejection other than a GrpcFailure is answered without its text. */
export type UnaryHandler = (request: never) => Promise<unknown>;

export interface ServedMethod {
  method: UnaryMethod;
  handle: UnaryHandler;
}

/** gRPC's frame in front of each message: a compressed flag and the message's length. */
const FRAME_HEADER_BYTES = 5;
// grpc-go's client reads header blocks up to this (defaultClientMaxHeaderListSize) without saying so
// in its SETTINGS; the margin is for what the HTTP/2 layer adds.
const GRPC_GO_MAX_HEADER_LIST_BYTES = 16 * 1024 * 1024;
const HEADER_LIST_MARGIN_BYTES = 1024;
// Longer timeouts than a timer can hold are no deadline at all (setTimeout's limit, 24.8 days).
const LONGEST_DEADLINE_MS = 2 ** 31 - 1;

export class UnaryGrpcServer {
  private readonly http2: Http2Server;
  private readonly listener: TcpServer;
  private readonly sessions = new Set<ServerHttp2Session>();
  private stopping: Promise<void> | undefined;

  /** `methods` by path (/package.Service/Method); any other path is answered UNIMPLEMENTED. */
  constructor(
    private readonly methods: ReadonlyMap<string, ServedMethod>,
    private readonly maxMessageBytes: number,
  ) {
    // An answer's trailers may carry a half-created resource's whole state: Node's 64 KB limit on
    // headers sent does not apply; the limit is the engine's (UnaryCall.fail).
    this.http2 = createHttp2Server({ maxSessionMemory: Number.MAX_SAFE_INTEGER, maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER });
    this.http2.on("session", (session) => {
      this.sessions.add(session);
      session.on("close", () => this.sessions.delete(session));
      // A connection the engine broke: its calls are gone, the plugin serves on.
      session.on("error", () => undefined);
    });
    this.http2.on("stream", (stream, headers) => this.serve(stream, headers));
    // Nagle's algorithm off, as Go (the engine's language) sets every TCP connection: an answer
    // written while the previous one is not yet acknowledged would otherwise wait for that.
    this.listener = createTcpServer({ noDelay: true }, (socket) => this.http2.emit("connection", socket));
  }

  /** Listens on a free loopback port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.listener.once("error", reject);
      this.listener.listen(0, "127.0.0.1", () => {
        this.listener.off("error", reject);
        // A connection that fails to be accepted (out of file descriptors) must not end the plugin.
        this.listener.on("error", (error) => process.stderr.write(`hosting provider: accepting a connection failed: ${error.message}\n`));
        resolve((this.listener.address() as AddressInfo).port);
      });
    });
  }

  /**
   * Takes no more connections or calls; answers in flight go out. Resolves when every connection
   * has closed, or after `graceMs`, when the ones still open are cut. Called again (a second
   * signal), it waits for the first call's end: the grace period is not cut short.
   */
  shutdown(graceMs: number): Promise<void> {
    this.stopping ??= this.drain(graceMs);
    return this.stopping;
  }

  private async drain(graceMs: number): Promise<void> {
    this.listener.close();
    const closed = [...this.sessions].map((session) => new Promise<void>((resolve) => (session.destroyed ? resolve() : (session.once("close", () => resolve()), session.close()))));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closed), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    for (const session of this.sessions) session.destroy();
  }

  private serve(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
    // A stream the engine reset has nothing left to answer.
    stream.on("error", () => undefined);
    if (headers[":method"] !== "POST") return void respondPlain(stream, 405);
    const contentType = headers["content-type"];
    if (typeof contentType !== "string" || !/^application\/grpc(?:$|[+;])/.test(contentType)) return void respondPlain(stream, 415);
    const call = new UnaryCall(stream);
    const served = this.methods.get(headers[":path"] ?? "");
    if (!served) {
      stream.resume();
      return call.fail(new GrpcFailure(GrpcCode.UNIMPLEMENTED, `the hosting provider does not implement ${headers[":path"]}`));
    }
    const timeoutMs = grpcTimeoutMs(headers["grpc-timeout"]);
    if (timeoutMs !== undefined && timeoutMs <= LONGEST_DEADLINE_MS) call.expireAfter(timeoutMs);

    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= FRAME_HEADER_BYTES + this.maxMessageBytes) return void chunks.push(chunk);
      stream.off("data", onData);
      stream.resume();
      call.fail(new GrpcFailure(GrpcCode.RESOURCE_EXHAUSTED, `the request is larger than the ${this.maxMessageBytes} bytes the hosting provider accepts`));
    };
    stream.on("data", onData);
    stream.on("end", () => {
      if (call.answered) return;
      let request: unknown;
      try {
        request = served.method.requestDeserialize(this.messageOf(Buffer.concat(chunks, received), headers["grpc-encoding"]));
      } catch (error) {
        return call.fail(error instanceof GrpcFailure ? error : new GrpcFailure(GrpcCode.INTERNAL, "the request could not be decoded as the method's message"));
      }
      let answered: Promise<unknown>;
      try {
        answered = served.handle(request as never);
      } catch (error) {
        // A handler that throws instead of rejecting is answered the same way, not a crash of the plugin.
        answered = Promise.reject(error);
      }
      answered.then(
        (response) => {
          let bytes: Buffer;
          try {
            bytes = served.method.responseSerialize(response as never);
          } catch {
            return call.fail(new GrpcFailure(GrpcCode.INTERNAL, "the hosting provider could not encode its answer"));
          }
          if (bytes.length > this.maxMessageBytes) {
            return call.fail(new GrpcFailure(GrpcCode.RESOURCE_EXHAUSTED, `the answer is larger than the ${this.maxMessageBytes} bytes a message may have`));
          }
          call.answer(bytes);
        },
        (error: unknown) => call.fail(error instanceof GrpcFailure ? error : new GrpcFailure(GrpcCode.INTERNAL, "the hosting provider failed without an error it could report")),
      );
    });
  }

  /** The one message of a unary request's body, decompressed if it was sent compressed. */
  private messageOf(body: Buffer, encoding: string | string[] | undefined): Buffer {
    if (body.length < FRAME_HEADER_BYTES) throw new GrpcFailure(GrpcCode.INTERNAL, "the call ended without its request message");
    const length = body.readUInt32BE(1);
    if (body.length < FRAME_HEADER_BYTES + length) throw new GrpcFailure(GrpcCode.INTERNAL, "the request message ended before its length");
    if (body.length > FRAME_HEADER_BYTES + length) throw new GrpcFailure(GrpcCode.INTERNAL, "a unary call was sent more than one request message");
    const message = body.subarray(FRAME_HEADER_BYTES);
    // As grpc-go reads a payload (checkRecvPayload): flag 0 plain, 1 compressed with grpc-encoding.
    if (body[0] === 0) return message;
    if (body[0] !== 1) throw new GrpcFailure(GrpcCode.INTERNAL, `the request message's compressed flag is ${body[0]}, neither 0 nor 1`);
    if (encoding === undefined || encoding === "identity") throw new GrpcFailure(GrpcCode.INTERNAL, "the request message is marked compressed, but no grpc-encoding says how");
    if (encoding !== "gzip" && encoding !== "deflate") {
      throw new GrpcFailure(GrpcCode.UNIMPLEMENTED, `the request message is compressed with ${JSON.stringify(encoding)}; the hosting provider takes gzip, deflate or none`);
    }
    try {
      const limit = { maxOutputLength: this.maxMessageBytes };
      return encoding === "gzip" ? gunzipSync(message, limit) : inflateSync(message, limit);
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw new GrpcFailure(GrpcCode.RESOURCE_EXHAUSTED, `the request is larger than the ${this.maxMessageBytes} bytes the hosting provider accepts, once decompressed`);
      }
      throw new GrpcFailure(GrpcCode.INTERNAL, `the request message could not be decompressed (${encoding})`);
    }
  }
}

/** One call's answer: given once, and not at all to a call the engine has cancelled. */
class UnaryCall {
  answered = false;
  private deadline: NodeJS.Timeout | undefined;

  constructor(private readonly stream: ServerHttp2Stream) {
    stream.once("close", () => this.settle());
  }

  expireAfter(ms: number): void {
    this.deadline = setTimeout(() => this.fail(new GrpcFailure(GrpcCode.DEADLINE_EXCEEDED, "the call's deadline passed before the hosting provider answered")), ms);
    this.deadline.unref();
  }

  answer(message: Buffer): void {
    if (!this.settle()) return;
    const framed = Buffer.allocUnsafe(FRAME_HEADER_BYTES + message.length);
    framed[0] = 0;
    framed.writeUInt32BE(message.length, 1);
    message.copy(framed, FRAME_HEADER_BYTES);
    this.stream.respond({ ":status": 200, "content-type": "application/grpc", "grpc-accept-encoding": "identity,deflate,gzip" }, { waitForTrailers: true });
    this.stream.once("wantTrailers", () => this.stream.sendTrailers({ "grpc-status": String(GrpcCode.OK) }));
    this.stream.end(framed);
  }

  /**
   * A trailers-only answer: the status in the one header block. Status details that would take
   * the block over what the engine reads go in their compact form, or not at all: grpc-go's
   * client breaks the whole connection on a longer one, and every call in flight with it.
   */
  fail(failure: GrpcFailure): void {
    if (!this.settle()) return;
    const headers = { ":status": "200", "content-type": "application/grpc", "grpc-status": String(failure.code), "grpc-message": encodeGrpcMessage(failure.message) };
    const budget = Math.min(this.stream.session?.remoteSettings.maxHeaderListSize ?? Infinity, GRPC_GO_MAX_HEADER_LIST_BYTES) - HEADER_LIST_MARGIN_BYTES;
    const details = [failure.statusDetails, failure.compactStatusDetails]
      .filter((d): d is Uint8Array => d !== undefined)
      .map((d) => Buffer.from(d).toString("base64"))
      .find((encoded) => headerListBytes({ ...headers, "grpc-status-details-bin": encoded }) <= budget);
    this.stream.respond({ ...headers, ...(details === undefined ? {} : { "grpc-status-details-bin": details }) }, { endStream: true });
  }

  /** True the first time, while the stream can still carry an answer. */
  private settle(): boolean {
    clearTimeout(this.deadline);
    const first = !this.answered;
    this.answered = true;
    return first && !this.stream.destroyed && !this.stream.closed;
  }
}

/** A header block's size as HTTP/2 counts it against SETTINGS_MAX_HEADER_LIST_SIZE: each field's name and value, and 32. */
function headerListBytes(headers: Record<string, string>): number {
  return Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length + 32, 0);
}

function respondPlain(stream: ServerHttp2Stream, status: number): void {
  stream.resume();
  stream.respond({ ":status": status }, { endStream: true });
}
