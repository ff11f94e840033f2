// PHP runtimes. The document lists php5.4 - php7.2, but the real service has
// since moved on to newer PHP and retired those (FACTS.md): a provider that only
// knows the document's list cannot serve a current account. So by default each
// server offers a current list, shows it as `available_runtimes`, and refuses
// an app runtime outside it; "document mode" (no list) accepts any phpX.Y, for
// tests of a provider against the document alone.
import { badRequest, shown } from "./serverpilot-errors";
import type { ServerRecord } from "./serverpilot-records";

export const DEFAULT_AVAILABLE_RUNTIMES: readonly string[] = ["php7.4", "php8.0", "php8.1", "php8.2", "php8.3"];

// Longer than any runtime name will be ("php10.10" is 8); checked before the pattern runs.
const MAX_RUNTIME_LENGTH = 16;
const RUNTIME_FORM = /^php\d+\.\d+$/;

/** Any request: "runtime" must at least be named like a PHP runtime. */
export function checkRuntimeForm(runtime: string): void {
  if (runtime.length > MAX_RUNTIME_LENGTH || !RUNTIME_FORM.test(runtime)) {
    throw badRequest(`"runtime" must be a PHP runtime such as "php8.2" (got ${shown(runtime)}).`);
  }
}

/** Against the server's list; a server without one (document mode) takes any runtime of the right form. */
export function checkRuntimeAvailable(runtime: string, server: ServerRecord | undefined): void {
  const available = server?.available_runtimes;
  if (!available || available.includes(runtime)) return;
  throw badRequest(`"runtime": ${runtime} is not available on server ${server!.id}; available: ${available.join(", ")}`);
}
