import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_SECONDS, timeoutOf } from "./operation";

describe("timeoutOf", () => {
  const slow = { timeouts: { create: 3600, delete: 1800 } };

  it("takes the program's customTimeouts first", () => {
    expect(timeoutOf(30, slow, "create")).toBe(30);
  });

  it("then the resource's own default, so a database instance may take longer than a DNS record", () => {
    expect(timeoutOf(0, slow, "create")).toBe(3600);
    expect(timeoutOf(0, slow, "delete")).toBe(1800);
  });

  it("then the provider's", () => {
    expect(timeoutOf(0, slow, "update")).toBe(DEFAULT_TIMEOUT_SECONDS.update);
    expect(timeoutOf(0, {}, "create")).toBe(DEFAULT_TIMEOUT_SECONDS.create);
  });
});
