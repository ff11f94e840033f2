// What a user sees of a failed call or a whole run, and the check that no secret shows in it:
// the secrets tests of every backend share them.
import { expect } from "vitest";
import { PluginError, type PluginProcess } from "../harness/plugin";
import { plainText } from "./secrets";

/** The shortest piece of a secret that counts as showing it. */
export const SECRET_PIECE = 12;

/** Everything of a failed call the user sees: its message, its property errors, a recorded partial state. */
export function shownBy(error: unknown): string {
  expect(error).toBeInstanceOf(PluginError);
  const e = error as PluginError;
  const failures = (e.propertyErrors ?? []).map((f) => `${f.property}: ${f.reason}`);
  const init = e.initFailure ? [plainText(e.initFailure.properties), plainText(e.initFailure.inputs), ...e.initFailure.reasons] : [];
  return [e.message, ...failures, ...init].join("\n");
}

/** Every log line the engine got and the plugin's stderr, with more text to look through. */
export const visibleIn = (plugin: PluginProcess, ...more: string[]) => [...plugin.logs.map((l) => l.message), plugin.stderr, ...more].join("\n");

/** A value as a JSON string holds it, without the quotes. */
export const jsonEscaped = (value: string) => JSON.stringify(value).slice(1, -1);

/** None of the values shows in `text`, whole or as a piece, in any of the forms `formsOf` gives. */
export function expectNoneShown(text: string, values: Iterable<string>, formsOf: (value: string) => string[]): void {
  for (const value of values) {
    for (const form of new Set(formsOf(value))) {
      const size = Math.min(SECRET_PIECE, form.length);
      for (let i = 0; i + size <= form.length; i++) {
        const piece = form.slice(i, i + size);
        if (text.includes(piece)) expect.fail(`${JSON.stringify(piece)}, a piece of a secret, shows in:\n${text}`);
      }
    }
  }
}
