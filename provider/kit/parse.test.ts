import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseAnswer } from "./parse";

describe("parseAnswer", () => {
  const Server = z.object({ id: z.string() });

  it("names the field an answer gets wrong", () => {
    expect(() => parseAnswer(Server, { id: 7 }, "GET /servers/1")).toThrow(
      "GET /servers/1 answered in a shape the provider does not understand (id: Invalid input: expected string, received number); nothing was recorded from it",
    );
  });

  it("says an answer is not JSON, rather than that it is not an object", () => {
    expect(() => parseAnswer(Server, "{ truncated", "GET /servers/1")).toThrow(
      "GET /servers/1 answered in a shape the provider does not understand ((the body): not JSON but 11 characters of text); nothing was recorded from it",
    );
  });
});
