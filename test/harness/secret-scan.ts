// One scan over everything a test run saw (the files test/harness/scan-record.ts writes): no
// secret value it learnt may occur in plain text anywhere, whole, JSON-escaped or URL-encoded.
// A finding names the file, the line, where the line came from and which secret, never the value.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MIN_SECRET_LENGTH, SECRETS_SUFFIX, TEXT_SUFFIX, type RecordedSecret } from "./scan-record";

export interface Finding {
  file: string;
  line: number;
  /** Where the line came from, e.g. "engine log warning urn:pulumi:...". */
  seenIn: string;
  /** Where the secret came from, e.g. "Configure hosting:config:serverpilotApiKey". */
  secret: string;
}

export interface ScanResult {
  findings: Finding[];
  files: number;
  bytes: number;
  secrets: number;
}

interface Form {
  text: string;
  origin: string;
}

/** The forms a value takes in the captured text: as is, inside a JSON string, in a URL. */
function formsOf(value: string): string[] {
  return [...new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])];
}

/** The engine's sentinel for an unknown value: a protocol constant, even inside a secret. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The secrets to look for, each by its first origin, as RecordedSecret says which values count. */
export function secretsToFind(entries: RecordedSecret[]): Map<string, string> {
  const declared = new Map<string, string>();
  const weak = new Map<string, string>();
  const shown = new Set<string>();
  const configured = new Set<string>();
  for (const entry of entries) {
    if (entry.configured) configured.add(entry.value);
    else if (entry.public) shown.add(entry.value);
    else if (entry.weak) weak.set(entry.value, weak.get(entry.value) ?? entry.origin);
    else declared.set(entry.value, declared.get(entry.value) ?? entry.origin);
  }
  const secrets = new Map<string, string>();
  for (const [value, origin] of weak) if (!shown.has(value)) secrets.set(value, origin);
  for (const [value, origin] of declared) secrets.set(value, origin);
  for (const value of [...configured, UNKNOWN]) secrets.delete(value);
  for (const value of [...secrets.keys()]) if (value.length < MIN_SECRET_LENGTH) secrets.delete(value);
  return secrets;
}

export function readRecordedSecrets(dir: string): RecordedSecret[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(SECRETS_SUFFIX))
    .flatMap((name) =>
      readFileSync(join(dir, name), "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as RecordedSecret),
    );
}

export function scanForSecrets(dir: string): ScanResult {
  const secrets = secretsToFind(readRecordedSecrets(dir));
  // Every form by its first characters: one look-up per position of the text, however many secrets.
  const byPrefix = new Map<string, Form[]>();
  for (const [value, origin] of secrets) {
    for (const text of formsOf(value)) {
      const prefix = text.slice(0, MIN_SECRET_LENGTH);
      const forms = byPrefix.get(prefix) ?? [];
      forms.push({ text, origin });
      byPrefix.set(prefix, forms);
    }
  }
  const findings: Finding[] = [];
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(TEXT_SUFFIX)).sort()) {
    const text = readFileSync(join(dir, name), "utf8");
    files++;
    bytes += text.length;
    if (byPrefix.size === 0) continue;
    text.split("\n").forEach((line, index) => {
      const tab = line.indexOf("\t");
      const content = line.slice(tab + 1);
      const shown = new Set<string>();
      for (let i = 0; i + MIN_SECRET_LENGTH <= content.length; i++) {
        for (const form of byPrefix.get(content.slice(i, i + MIN_SECRET_LENGTH)) ?? []) {
          if (!shown.has(form.origin) && content.startsWith(form.text, i)) shown.add(form.origin);
        }
      }
      for (const secret of shown) findings.push({ file: name, line: index + 1, seenIn: line.slice(0, Math.max(tab, 0)), secret });
    });
  }
  return { findings, files, bytes, secrets: secrets.size };
}

export function describeFindings(dir: string, findings: Finding[]): string {
  const shown = findings.slice(0, 50).map((f) => `  ${join(dir, f.file)}:${f.line} (${f.seenIn}): the secret from ${f.secret}`);
  const more = findings.length > shown.length ? [`  ... and ${findings.length - shown.length} more`] : [];
  return [`secret scan: ${findings.length} secret value(s) in plain text:`, ...shown, ...more].join("\n");
}
