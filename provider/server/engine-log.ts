import type * as grpc from "@grpc/grpc-js";
import type { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import { userText } from "./user-text";

export type Severity = "debug" | "info" | "warning" | "error";

const severities: Record<Severity, LogSeverity> = {
  debug: LogSeverity.DEBUG,
  info: LogSeverity.INFO,
  warning: LogSeverity.WARNING,
  error: LogSeverity.ERROR,
};

/**
 * User-visible messages go to the engine's Log service, tied to the resource's URN, because the
 * plugin's own stdout and stderr are hidden at normal verbosity. Every message is scrubbed.
 */
export class EngineLog {
  private client: EngineClient | undefined;
  private grpc: typeof grpc | undefined;

  constructor(private readonly engineAddress: string | undefined) {}

  /** Resolves when the engine has the message, so an operation's logs arrive before its result. */
  send(severity: Severity, message: string, urn = "", ephemeral = false): Promise<void> {
    const text = userText(message);
    if (!this.engineAddress) {
      process.stderr.write(`[${severity}] ${urn ? `${urn}: ` : ""}${text}\n`);
      return Promise.resolve();
    }
    const client = this.connect();
    const request = new LogRequest();
    request.setSeverity(severities[severity]);
    request.setMessage(text);
    request.setUrn(urn);
    request.setEphemeral(ephemeral);
    return new Promise((resolve) => {
      // A lost log line must never fail the operation it describes.
      client.log(request, new this.grpc!.Metadata(), { deadline: Date.now() + 5000 }, () => resolve());
    });
  }

  /**
   * The client for the engine's Log service, made on the first message. grpc-js loads only then:
   * loading it took 30 ms, and the engine waits for the plugin's port before its first call.
   */
  private connect(): EngineClient {
    if (this.client) return this.client;
    this.grpc = require("@grpc/grpc-js") as typeof grpc;
    const { EngineClient: Client } = require("@pulumi/pulumi/proto/engine_grpc_pb") as typeof import("@pulumi/pulumi/proto/engine_grpc_pb");
    this.client = new Client(this.engineAddress!, this.grpc.credentials.createInsecure());
    return this.client;
  }

  close(): void {
    this.client?.close();
  }
}
