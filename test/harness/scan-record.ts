// What the secret scan reads (test/harness/secret-scan.ts): everything the engine stand-in, the
// runner of programs and the sandboxes see, appended to text files under $HOSTING_SECRET_SCAN_DIR
// (one per plugin process, run or sandbox), and every secret value they learn, named by where it
// came from. With the variable unset (a quickstart run by hand) nothing is written.
//
// Files are written synchronously as things happen, so a process that is killed mid-test still
// leaves what it saw.
import { randomBytes } from "node:crypto";
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { isSecret, plainText } from "../support/secrets";

export const SCAN_DIR_VARIABLE = "HOSTING_SECRET_SCAN_DIR";
export const TEXT_SUFFIX = ".seen.txt";
export const SECRETS_SUFFIX = ".secrets.jsonl";
/** Shorter values (a secret "true", a two-digit port) occur everywhere by chance. */
export const MIN_SECRET_LENGTH = 4;

/**
 * One line of a secrets file. A value is a secret when something declares it one: a secret config
 * variable, a sandbox's key or generated password, a property the provider declares secret. A
 * value found only inside a secret wrapper is `weak`: secretness spreads to whole objects and to
 * whatever is computed from a secret (a list a secret id filtered), so such a value is a secret
 * only until it is also seen `public`, in plain text where it is no secret (the program's plain
 * inputs, the API's plain answers, outside the paths declared secret). A value `configured` in
 * plain (a non-secret config variable, its endpoint's host) reveals nothing wherever it shows:
 * the sandboxes all listen on the endpoints' loopback host, which the DBaaS also gives as its
 * databases' (secret) host.
 */
export interface RecordedSecret {
  /** Where the value came from, e.g. "Configure hosting:config:serverpilotApiKey". Shown in findings instead of the value. */
  origin: string;
  value: string;
  weak?: true;
  public?: true;
  configured?: true;
}

const scanDirectory = () => process.env[SCAN_DIR_VARIABLE] || undefined;
const uniqueName = (kind: string, suffix: string) => `${kind.replace(/[^\w.-]+/g, "_")}-${process.pid}-${randomBytes(4).toString("hex")}${suffix}`;

let secretsFile: number | undefined;
const recorded = new Set<string>();

function record(entry: RecordedSecret): void {
  const dir = scanDirectory();
  const kind = entry.configured ? "configured" : entry.public ? "public" : entry.weak ? "weak" : "secret";
  if (!dir || entry.value.length < MIN_SECRET_LENGTH || recorded.has(`${kind}:${entry.value}`)) return;
  recorded.add(`${kind}:${entry.value}`);
  secretsFile ??= openSync(join(dir, uniqueName("secrets", SECRETS_SUFFIX)), "a", 0o600);
  writeSync(secretsFile, `${JSON.stringify(entry)}\n`);
}

/** A value the scan must never find in plain text. Only strings: numbers (ports) are not credentials. */
export function recordSecret(origin: string, value: unknown): void {
  if (typeof value === "string") record({ origin, value });
}

/** Longer plain values (a test's megabyte input) are not what a wrapper spread to, and cost time to record. */
const MAX_PUBLIC_LENGTH = 4096;

/** Every string of `value` outside secret wrappers, but those in `declared`: what was shown in plain text where it is no secret. */
export function recordPublicValues(value: unknown, declared: ReadonlySet<string> = new Set()): void {
  if (isSecret(value)) return;
  if (typeof value === "string") return declared.has(value) || value.length > MAX_PUBLIC_LENGTH ? undefined : record({ origin: "", value, public: true });
  if (Array.isArray(value)) value.forEach((v) => recordPublicValues(v, declared));
  else if (value !== null && typeof value === "object") Object.values(value).forEach((v) => recordPublicValues(v, declared));
}

/** A plain config value: no secret wherever it shows. */
export function recordConfiguredValue(value: string): void {
  record({ origin: "", value, configured: true });
}

/** `value`, recorded as a secret: for a sandbox's generated passwords and keys. */
export function recordedSecret(origin: string, value: string): string {
  recordSecret(origin, value);
  return value;
}

/** Every string inside a secret wrapper, at any depth of `value`, as a secret named `origin` and its path. */
export function recordWrappedSecrets(origin: string, value: unknown, path = ""): void {
  if (isSecret(value)) return recordAll(`${origin} ${path || "(value)"} (secret)`, (value as { value: unknown }).value);
  if (Array.isArray(value)) value.forEach((v, i) => recordWrappedSecrets(origin, v, `${path}[${i}]`));
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) recordWrappedSecrets(origin, v, path ? `${path}.${key}` : key);
  }
}

function recordAll(origin: string, value: unknown): void {
  if (isSecret(value)) return recordAll(origin, (value as { value: unknown }).value);
  if (typeof value === "string") return record({ origin, value, weak: true });
  if (Array.isArray(value)) value.forEach((v) => recordAll(origin, v));
  else if (value !== null && typeof value === "object") Object.values(value).forEach((v) => recordAll(origin, v));
}

/** One text file of what a plugin process, a run or a sandbox saw, line by line with where each line came from. */
export class ScanRecord {
  private constructor(private fd: number | undefined) {}

  /** A new file; a record that writes nothing when no scan directory is set. */
  static open(kind: string): ScanRecord {
    const dir = scanDirectory();
    return new ScanRecord(dir ? openSync(join(dir, uniqueName(kind, TEXT_SUFFIX)), "a", 0o600) : undefined);
  }

  /** False when no scan directory is set: then nothing needs to be looked at to be recorded. */
  get recording(): boolean {
    return this.fd !== undefined;
  }

  /** Text a user or a CI log could see: each of its lines as `origin<TAB>line`. */
  text(origin: string, text: string): void {
    if (this.fd === undefined || text === "") return;
    writeSync(this.fd, text.split("\n").map((line) => `${origin}\t${line}\n`).join(""));
  }

  /**
   * Properties as a plain-text state shows them: the secrets they hold are recorded, and left out
   * of the text. `declared`: the strings at the paths the provider declares secret.
   */
  props(origin: string, value: unknown, declared: ReadonlySet<string> = new Set()): void {
    if (this.fd === undefined) return;
    recordWrappedSecrets(origin, value);
    recordPublicValues(value, declared);
    this.text(origin, plainText(value));
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
