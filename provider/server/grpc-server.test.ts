import { connect, constants, type ClientHttp2Session, type IncomingHttpHeaders } from "node:http2";
import { gzipSync } from "node:zlib";
import * as grpc from "@grpc/grpc-js";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { afterEach, describe, expect, it } from "vitest";
import { UnaryGrpcServer, type ServedMethod } from "./grpc-server";
import { encodeGrpcMessage, GrpcCode, GrpcFailure, grpcTimeoutMs, MAX_ERROR_MESSAGE_BYTES, truncatedUtf8 } from "./grpc-status";

// The engine's side is grpc-js's client here (another implementation than the server's), and a
// bare HTTP/2 client where a test needs to send what no gRPC client sends.

const ECHO = "/test.Echo/Echo";
const bytes = (b: Buffer) => b;
const echoMethod = { path: ECHO, requestDeserialize: bytes, responseSerialize: bytes as (value: never) => Buffer };

type Handle = (request: Buffer) => Promise<unknown>;
type Answered = (error: grpc.ServiceError | null, answer: Buffer) => void;
/** A generic client's unary method, as makeGenericClientConstructor makes it. */
type UnaryMethodOfClient = (request: Buffer, ...rest: [Answered] | [grpc.Metadata, grpc.CallOptions, Answered]) => grpc.ClientUnaryCall;

const EchoClient = grpc.makeGenericClientConstructor(
  { echo: { path: ECHO, requestStream: false, responseStream: false, requestSerialize: bytes, requestDeserialize: bytes, responseSerialize: bytes, responseDeserialize: bytes } },
  "Echo",
);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serving(handle: Handle, maxMessageBytes = 1024 * 1024): Promise<{ server: UnaryGrpcServer; port: number }> {
  const methods = new Map<string, ServedMethod>([[ECHO, { method: echoMethod, handle: handle as (request: never) => Promise<unknown> }]]);
  const server = new UnaryGrpcServer(methods, maxMessageBytes);
  const port = await server.listen();
  cleanups.push(() => server.shutdown(100));
  return { server, port };
}

function clientOf(port: number, options: grpc.ClientOptions = {}): grpc.Client & { echo: UnaryMethodOfClient } {
  const client = new EchoClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), options) as unknown as grpc.Client & { echo: UnaryMethodOfClient };
  cleanups.push(() => client.close());
  return client;
}

function echo(client: { echo: UnaryMethodOfClient }, message: Buffer, options: grpc.CallOptions = {}): Promise<{ answer?: Buffer; error?: grpc.ServiceError }> {
  return new Promise((resolve) => client.echo(message, new grpc.Metadata(), options, (error, answer) => resolve(error ? { error } : { answer })));
}

/** Sends `body` as it is on one stream and returns the answer's headers, trailers and body. */
async function rawCall(
  port: number,
  headers: Record<string, string>,
  body: Buffer,
  maxHeaderListSize?: number,
): Promise<{ headers: IncomingHttpHeaders; trailers: IncomingHttpHeaders; body: Buffer }> {
  const session: ClientHttp2Session = connect(`http://127.0.0.1:${port}`, maxHeaderListSize ? { settings: { maxHeaderListSize }, maxSessionMemory: 1000 } : {});
  cleanups.push(() => void session.destroy());
  const stream = session.request({ ":method": "POST", ":path": ECHO, "content-type": "application/grpc", te: "trailers", ...headers });
  const chunks: Buffer[] = [];
  let trailers: IncomingHttpHeaders = {};
  const answered = new Promise<IncomingHttpHeaders>((resolve) => stream.once("response", resolve));
  stream.on("trailers", (t) => (trailers = t));
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.end(body);
  await new Promise((resolve) => stream.once("close", resolve));
  return { headers: await answered, trailers, body: Buffer.concat(chunks) };
}

/** A message as gRPC frames it: the compressed flag, the length, the message. */
const framed = (message: Buffer, compressed = 0) => Buffer.concat([Buffer.from([compressed]), lengthOf(message), message]);
function lengthOf(message: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(message.length);
  return length;
}

describe("the plugin's gRPC server, called by grpc-js's client", () => {
  it("answers a unary call with the handler's message", async () => {
    const { port } = await serving(async (request) => Buffer.concat([Buffer.from("echo: "), request]));
    const { answer } = await echo(clientOf(port), Buffer.from("hello"));
    expect(answer?.toString()).toBe("echo: hello");
  });

  it("answers many calls in flight on one connection, each with its own answer", async () => {
    const { port } = await serving(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
      return request;
    });
    const client = clientOf(port);
    const answers = await Promise.all(Array.from({ length: 64 }, (_, i) => echo(client, Buffer.from(`call ${i}`))));
    expect(answers.map((a) => a.answer?.toString())).toEqual(Array.from({ length: 64 }, (_, i) => `call ${i}`));
  });

  it("answers a path it does not serve UNIMPLEMENTED, as the engine expects of optional methods", async () => {
    const { port } = await serving(async (request) => request);
    const Other = grpc.makeGenericClientConstructor(
      { handshake: { path: "/pulumirpc.ResourceProvider/Handshake", requestStream: false, responseStream: false, requestSerialize: bytes, requestDeserialize: bytes, responseSerialize: bytes, responseDeserialize: bytes } },
      "Other",
    );
    const client = new Other(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as grpc.Client & { handshake: UnaryMethodOfClient };
    cleanups.push(() => client.close());
    const error = await new Promise<grpc.ServiceError>((resolve) => client.handshake(Buffer.alloc(0), (e) => resolve(e!)));
    expect(error.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(error.details).toContain("/pulumirpc.ResourceProvider/Handshake");
  });

  it("carries a failure's code, its message with newlines and any character, and its status details", async () => {
    const status = new Status().setCode(GrpcCode.INVALID_ARGUMENT).setMessage("bad");
    const message = "name: is required\n100% wrong — ünïcödé ✓ 🚀";
    const { port } = await serving(async () => Promise.reject(new GrpcFailure(GrpcCode.INVALID_ARGUMENT, message, status.serializeBinary())));
    const { error } = await echo(clientOf(port), Buffer.from("x"));
    expect(error?.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(error?.details).toBe(message);
    const details = error?.metadata.get("grpc-status-details-bin")[0] as Buffer;
    expect(Status.deserializeBinary(details).getMessage()).toBe("bad");
  });

  it("answers a rejection that is not a GrpcFailure INTERNAL, without its text", async () => {
    const { port } = await serving(async () => Promise.reject(new Error("password=hunter2 in an unexpected error")));
    const { error } = await echo(clientOf(port), Buffer.from("x"));
    expect(error?.code).toBe(grpc.status.INTERNAL);
    expect(error?.details).not.toContain("hunter2");
  });

  it("answers a handler that throws instead of rejecting INTERNAL, and serves on", async () => {
    const { port } = await serving((request) => {
      if (request.toString() === "throw") throw new Error("thrown, not rejected");
      return Promise.resolve(request);
    });
    const client = clientOf(port);
    expect((await echo(client, Buffer.from("throw"))).error?.code).toBe(grpc.status.INTERNAL);
    expect((await echo(client, Buffer.from("next"))).answer?.toString()).toBe("next");
  });

  it("refuses a request over its size limit RESOURCE_EXHAUSTED, and serves the connection on", async () => {
    const { port } = await serving(async (request) => request, 1000);
    const client = clientOf(port);
    const { error } = await echo(client, Buffer.alloc(5000, 1));
    expect(error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect((await echo(client, Buffer.from("small"))).answer?.toString()).toBe("small");
  });

  it("refuses an answer over the size limit RESOURCE_EXHAUSTED instead of sending it", async () => {
    const { port } = await serving(async () => Buffer.alloc(5000), 1000);
    expect((await echo(clientOf(port), Buffer.from("x"))).error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
  });

  it("reads a gzip-compressed request", async () => {
    const { port } = await serving(async (request) => request);
    const client = clientOf(port, { "grpc.default_compression_algorithm": grpc.compressionAlgorithms.gzip });
    const message = Buffer.from("compressed ".repeat(200));
    expect((await echo(client, message)).answer?.equals(message)).toBe(true);
  });

  it("lets a call the client cancelled finish without answering it, and serves the next", async () => {
    let finish!: () => void;
    const { port } = await serving(async (request) => {
      if (request.toString() === "slow") await new Promise<void>((resolve) => (finish = resolve));
      return request;
    });
    const client = clientOf(port);
    const slow = new Promise<grpc.ServiceError>((resolve) => {
      const call = client.echo(Buffer.from("slow"), (error) => resolve(error!));
      setTimeout(() => call.cancel(), 50);
    });
    expect((await slow).code).toBe(grpc.status.CANCELLED);
    finish();
    expect((await echo(client, Buffer.from("next"))).answer?.toString()).toBe("next");
  });

  it("on shutdown lets the answers in flight go out, then closes", async () => {
    const { server, port } = await serving(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return request;
    });
    const client = clientOf(port);
    const inFlight = echo(client, Buffer.from("in flight"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await server.shutdown(5000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await inFlight).answer?.toString()).toBe("in flight");
  });

  it("a second shutdown (a second signal) waits for the first, without cutting the answers in flight", async () => {
    const { server, port } = await serving(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return request;
    });
    const inFlight = echo(clientOf(port), Buffer.from("in flight"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = server.shutdown(5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.shutdown(5000);
    await first;
    expect((await inFlight).answer?.toString()).toBe("in flight");
  });

  it("on shutdown cuts a call still running after the grace period", async () => {
    const { server, port } = await serving(() => new Promise(() => undefined));
    const inFlight = echo(clientOf(port), Buffer.from("never answered"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await server.shutdown(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await inFlight).error?.code).toBe(grpc.status.UNAVAILABLE);
  });
});

describe("the plugin's gRPC server, sent what no gRPC client sends", () => {
  it("answers DEADLINE_EXCEEDED when the call's grpc-timeout passes first", async () => {
    const { port } = await serving(() => new Promise(() => undefined));
    const { headers } = await rawCall(port, { "grpc-timeout": "100m" }, framed(Buffer.from("x")));
    expect(headers["grpc-status"]).toBe(String(GrpcCode.DEADLINE_EXCEEDED));
  });

  it("answers a body that is not one whole message INTERNAL, naming what is wrong", async () => {
    const { port } = await serving(async (request) => request);
    const cut = await rawCall(port, {}, framed(Buffer.from("hello")).subarray(0, 7));
    expect(cut.headers["grpc-status"]).toBe(String(GrpcCode.INTERNAL));
    expect(decodeURIComponent(String(cut.headers["grpc-message"]))).toContain("ended before its length");
    const two = await rawCall(port, {}, Buffer.concat([framed(Buffer.from("a")), framed(Buffer.from("b"))]));
    expect(decodeURIComponent(String(two.headers["grpc-message"]))).toContain("more than one request message");
    const none = await rawCall(port, {}, Buffer.alloc(0));
    expect(decodeURIComponent(String(none.headers["grpc-message"]))).toContain("without its request message");
  });

  it("sends a failure's compact status details when the whole ones would not fit the engine's header limit, and none when neither fits", async () => {
    // Node's client takes header blocks of 64 KB at most: the whole details are sent where they fit (above).
    const whole = Buffer.alloc(60_000, 1);
    const compact = Buffer.alloc(1_000, 2);
    const { port } = await serving(async (request) =>
      Promise.reject(new GrpcFailure(GrpcCode.UNKNOWN, "half created", whole, request.toString() === "fits" ? compact : Buffer.alloc(50_000, 2))),
    );
    const fits = await rawCall(port, {}, framed(Buffer.from("fits")), 40_000);
    expect(fits.headers["grpc-status"]).toBe(String(GrpcCode.UNKNOWN));
    expect(Buffer.from(String(fits.headers["grpc-status-details-bin"]), "base64").equals(compact)).toBe(true);
    const neither = await rawCall(port, {}, framed(Buffer.from("too large")), 40_000);
    expect(neither.headers["grpc-message"]).toBe("half created");
    expect(neither.headers["grpc-status-details-bin"]).toBeUndefined();
  });

  it("reads the compressed flag as grpc-go does: 1 needs a grpc-encoding, other values are refused", async () => {
    const { port } = await serving(async (request) => request);
    for (const [flag, headers] of [
      [1, {}],
      [1, { "grpc-encoding": "identity" }],
      [2, { "grpc-encoding": "gzip" }],
    ] as const) {
      const answer = await rawCall(port, headers, framed(gzipSync("x"), flag));
      expect(answer.headers["grpc-status"], `flag ${flag} ${JSON.stringify(headers)}`).toBe(String(GrpcCode.INTERNAL));
    }
    expect((await rawCall(port, { "grpc-encoding": "gzip" }, framed(gzipSync("x"), 1))).trailers["grpc-status"]).toBe("0");
  });

  it("refuses a compressed request larger than the limit once decompressed RESOURCE_EXHAUSTED", async () => {
    const { port } = await serving(async (request) => request, 1000);
    const { headers } = await rawCall(port, { "grpc-encoding": "gzip" }, framed(gzipSync(Buffer.alloc(100_000)), 1));
    expect(headers["grpc-status"]).toBe(String(GrpcCode.RESOURCE_EXHAUSTED));
  });

  it("answers a message compressed in an encoding it does not know UNIMPLEMENTED", async () => {
    const { port } = await serving(async (request) => request);
    const { headers } = await rawCall(port, { "grpc-encoding": "snappy" }, framed(gzipSync("x"), 1));
    expect(headers["grpc-status"]).toBe(String(GrpcCode.UNIMPLEMENTED));
  });

  it("answers a request that is not gRPC with the HTTP status for it", async () => {
    const { port } = await serving(async (request) => request);
    expect((await rawCall(port, { "content-type": "application/json" }, Buffer.from("{}"))).headers[":status"]).toBe(constants.HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE);
  });

  it("frames its answer as gRPC does and ends with grpc-status 0 in the trailers", async () => {
    const { port } = await serving(async () => Buffer.from("answer"));
    const { headers, trailers, body } = await rawCall(port, {}, framed(Buffer.from("x")));
    expect(headers["content-type"]).toBe("application/grpc");
    expect(trailers["grpc-status"]).toBe("0");
    expect(body.equals(framed(Buffer.from("answer")))).toBe(true);
  });
});

describe("grpc-status helpers", () => {
  it("cuts a message longer than the engine is sent on a character's boundary, and marks the cut", () => {
    expect(truncatedUtf8("short")).toBe("short");
    const long = truncatedUtf8("é".repeat(100_000));
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_BYTES);
    expect(long).toMatch(/^é+…$/);
    expect(truncatedUtf8("a".repeat(10), 6)).toBe("aaa…");
  });

  it("percent-encodes a message's bytes outside printable ASCII, and '%'", () => {
    expect(encodeGrpcMessage("a b\n100%")).toBe("a b%0A100%25");
    expect(encodeGrpcMessage("é")).toBe("%C3%A9");
    expect(decodeURIComponent(encodeGrpcMessage("line 1\nline 2 — 🚀 100%"))).toBe("line 1\nline 2 — 🚀 100%");
  });

  it("reads grpc-timeout in every unit, and nothing else", () => {
    expect(grpcTimeoutMs("2H")).toBe(7_200_000);
    expect(grpcTimeoutMs("3M")).toBe(180_000);
    expect(grpcTimeoutMs("5S")).toBe(5000);
    expect(grpcTimeoutMs("100m")).toBe(100);
    expect(grpcTimeoutMs("1500u")).toBe(1.5);
    expect(grpcTimeoutMs("1000000n")).toBe(1);
    for (const bad of [undefined, "", "5", "5s", "123456789S", "-1S", ["5S"]]) expect(grpcTimeoutMs(bad as never)).toBeUndefined();
  });
});
