// A resource's progress messages come out under its line, although they arrive before it.
import { describe, expect, it } from "vitest";
import { ResourceLog } from "./resource-log";

const blog = "urn:pulumi:dev::quickstart::hosting:serverpilot:App::blog";
const web = "urn:pulumi:dev::quickstart::hosting:serverpilot:Server::web";

function recorder() {
  const lines: string[] = [];
  return { lines, log: new ResourceLog((line) => lines.push(line)) };
}

describe("resource log", () => {
  it("holds a resource's messages until its line is out, then prints them indented under it", () => {
    const { lines, log } = recorder();
    log.add({ severity: "info", message: "enable AutoSSL", urn: blog });
    log.add({ severity: "warning", message: "AutoSSL is not available yet", urn: blog });
    expect(lines).toEqual([]);
    lines.push("+  hosting:serverpilot:App blog create");
    log.showUnder(blog);
    expect(lines).toEqual(["+  hosting:serverpilot:App blog create", "    enable AutoSSL", "    warning: AutoSSL is not available yet"]);
  });

  it("prints messages without a resource at once", () => {
    const { lines, log } = recorder();
    log.add({ severity: "warning", message: "the endpoint is plain http", urn: "" });
    expect(lines).toEqual(["warning: the endpoint is plain http"]);
  });

  it("keeps resources apart, and names a message that comes after its resource's line", () => {
    const { lines, log } = recorder();
    log.add({ severity: "info", message: "for web", urn: web });
    log.add({ severity: "info", message: "for blog", urn: blog });
    log.showUnder(blog);
    log.add({ severity: "info", message: "late for blog", urn: blog });
    expect(lines).toEqual(["    for blog", "    blog: late for blog"]);
  });

  it("flushes, named, the messages of a resource that never got a line", () => {
    const { lines, log } = recorder();
    log.add({ severity: "info", message: "creating", urn: blog });
    log.add({ severity: "error", message: "half done", urn: web });
    log.flush(blog);
    expect(lines).toEqual(["    blog: creating"]);
    log.flush();
    expect(lines).toEqual(["    blog: creating", "    web: error: half done"]);
  });
});
