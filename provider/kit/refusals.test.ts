import { describe, expect, it } from "vitest";
import { BadRequestError, ConflictError, ServerError } from "../http/errors";
import { InputError } from "./errors";
import { refusalAsInputError } from "./refusals";

const refusal = (Kind: typeof BadRequestError, status: number, apiMessage: string) =>
  new Kind({ apiName: "Example", status, method: "POST", path: "/things", apiMessage });

const byWord = { inputsOf: (line: string) => (/name/.test(line) ? "name" : /size/.test(line) ? ["size", "plan"] : undefined) };

describe("refusalAsInputError", () => {
  it("puts each explanation on the inputs it names, and keeps one that names none", () => {
    const error = refusalAsInputError(refusal(BadRequestError, 400, "name is taken; size too big; try later"), byWord) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.failures).toEqual([
      { property: "name", reason: "Example refused it: name is taken" },
      { property: "size", reason: "Example refused it: size too big" },
      { property: "plan", reason: "Example refused it: size too big" },
      { property: "", reason: "Example refused it: try later" },
    ]);
  });

  it("leaves alone a refusal naming no input, an error it does not count, and what is not an API error", () => {
    const unnamed = refusal(BadRequestError, 400, "try later");
    expect(refusalAsInputError(unnamed, byWord)).toBe(unnamed);
    const conflict = refusal(ConflictError, 409, "name is taken");
    expect(refusalAsInputError(conflict, byWord)).toBe(conflict);
    const server = refusal(ServerError, 500, "name broke");
    expect(refusalAsInputError(server, { ...byWord, refuses: () => true })).toBeInstanceOf(InputError);
    expect(refusalAsInputError(server, byWord)).toBe(server);
    const plain = new Error("name");
    expect(refusalAsInputError(plain, byWord)).toBe(plain);
  });

  it("leaves out a summing-up explanation once another names an input, where the API sums up that way", () => {
    const error = refusalAsInputError(refusal(BadRequestError, 422, "The given data was invalid.; name: too long"), { ...byWord, unnamedSumUp: true }) as InputError;
    expect(error.failures).toEqual([{ property: "name", reason: "Example refused it: name: too long" }]);
  });

  it("shows the status for APIs that refuse with several", () => {
    const error = refusalAsInputError(refusal(ConflictError, 409, "name is taken"), { ...byWord, refuses: () => true, showStatus: true }) as InputError;
    expect(error.message).toBe("name: Example refused it (409): name is taken");
  });
});
