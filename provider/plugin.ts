// The plugin process: `bin/pulumi-resource-hosting` and the Node language host's `run-plugin`
// (PulumiPlugin.yaml, package.json "main") both load this file, which reads its command line
// and starts serving at once. --help and --version answer without loading gRPC.
import { isIP } from "node:net";
import { packageVersion } from "./version";

const NAME = "pulumi-resource-hosting";

/** Exit code for a command line the plugin does not understand, as getopt-style tools use. */
const USAGE_ERROR = 2;

type Command = { run: "serve"; engineAddress?: string; verbosity: number } | { run: "help" } | { run: "version" } | { run: "refuse"; reason: string };

function usage(): string {
  return `Usage: ${NAME} [--logtostderr] [-v=N] [--tracing <address>] <engine address>

The hosting resource provider for Pulumi. The Pulumi engine starts it when a program uses
the hosting package: it passes the address of its own gRPC service (host:port) and reads the
port this plugin serves on from the first line of stdout. You normally never run it by hand:
install the package and run \`pulumi preview\` or \`pulumi up\`.

Options the engine passes on (the plugin's messages go to the engine either way):
  --logtostderr          the engine logs to stderr
  -v=N                   the engine's log verbosity: from 5 on, each HTTP request to an API is
                         logged on stderr (method, URL, status, duration, request id), from 9
                         on with its bodies; credentials and secrets masked
  --tracing <address>    the engine's tracing endpoint

  --help                 print this text and exit
  --version              print the version (${packageVersion()}) and exit

Without an engine address it serves all the same, and its log messages go to stderr.
PULUMI_HOSTING_DEBUG=1 in its environment logs the requests and bodies as debug messages on
the engine's log, next to the resource they are for (shown by \`pulumi up --debug\`).
`;
}

/** host:port with a hostname, an IPv4 address or a bracketed IPv6 address, port 1-65535. */
function isEngineAddress(arg: string): boolean {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(arg);
  if (!match) return false;
  const [, ipv6, host, port] = match;
  const portNumber = Number(port);
  if (portNumber < 1 || portNumber > 65535) return false;
  if (ipv6 !== undefined) return isIP(ipv6) === 6;
  return isIP(host) === 4 || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(host);
}

/**
 * Exactly the forms the Pulumi CLI passes (buildPluginArguments in its plugin package):
 * `--logtostderr`, `-v=N`, `--tracing X` as two arguments, then the engine address.
 */
export function parseCommandLine(argv: string[]): Command {
  let engineAddress: string | undefined;
  let verbosity = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { run: "help" };
    if (arg === "--version") return { run: "version" };
    if (arg === "--logtostderr") continue;
    if (arg.startsWith("-v=")) {
      if (!/^\d+$/.test(arg.slice(3))) return { run: "refuse", reason: `${JSON.stringify(arg)}: the level must be a whole number, as in -v=9` };
      verbosity = Number(arg.slice(3));
      continue;
    }
    if (arg === "--tracing") {
      const endpoint = argv[i + 1];
      if (endpoint === undefined || endpoint === "" || endpoint.startsWith("-")) {
        return { run: "refuse", reason: "--tracing needs the tracing endpoint after it, as in --tracing 127.0.0.1:4318" };
      }
      i++;
      continue;
    }
    if (arg === "-v") return { run: "refuse", reason: 'unknown flag "-v": the verbosity is written -v=N' };
    if (arg.startsWith("-")) return { run: "refuse", reason: `unknown flag ${JSON.stringify(arg)}` };
    if (!isEngineAddress(arg)) {
      return { run: "refuse", reason: `${JSON.stringify(arg)} is not an engine address (host:port, as in 127.0.0.1:50051 or [::1]:50051)` };
    }
    if (engineAddress !== undefined) return { run: "refuse", reason: `unexpected second engine address ${JSON.stringify(arg)}` };
    engineAddress = arg;
  }
  return { run: "serve", engineAddress, verbosity };
}

const command = parseCommandLine(process.argv.slice(2));
switch (command.run) {
  case "help":
    process.stdout.write(usage());
    break;
  case "version":
    process.stdout.write(`${packageVersion()}\n`);
    break;
  case "refuse":
    process.stderr.write(`${NAME}: ${command.reason}\nRun '${NAME} --help' for how the Pulumi engine starts it.\n`);
    process.exitCode = USAGE_ERROR;
    break;
  case "serve": {
    const { serve } = require("./main") as typeof import("./main");
    serve(command.engineAddress, command.verbosity).catch((err: unknown) => {
      process.stderr.write(`${NAME}: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
  }
}
