// SSH on a Linux hosting: the SSH switch, and public keys attached to the
// hosting. A key is named by its fingerprint, computed as OpenSSH's legacy MD5
// fingerprint of the key blob (`ssh-keygen -l -E md5` without its "MD5:"
// prefix: 16 lowercase hex pairs joined by colons), which is path-safe for
// DELETE /ssh/keys/{fingerprint}; the OpenAPI only says "fingerprint of public
// key". Creating a key answers 201 with a Location (the OpenAPI's code), not a job.
import { createHash } from "node:crypto";
import { reply } from "./base";
import { invalid, notFound, shown } from "./combell-errors";
import { Fields } from "./combell-fields";
import { paged } from "./combell-paging";
import { hostingByName, lower, noContent, type CombellState, type Route } from "./combell-state";
import { sshKeyView } from "./combell-store";

const KEY_TYPES = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"];
const PUBLIC_KEY = /^(\S{1,64}) ([A-Za-z0-9+/]{20,8192}={0,2})(?: [^\r\n]{0,512})?$/;
const FINGERPRINT = /^[0-9a-f]{2}(?::[0-9a-f]{2}){15}$/;

/** The key's type and MD5 fingerprint, or what is wrong with it. */
export function parsePublicKey(text: string): { type: string; fingerprint: string } | { problem: string } {
  const match = PUBLIC_KEY.exec(text.trim());
  if (!match) return { problem: `must be an OpenSSH public key, "<type> <base64> [comment]" on one line (got ${shown(text)}).` };
  const [, type, base64] = match;
  if (!KEY_TYPES.includes(type)) return { problem: `has key type "${type.slice(0, 64)}"; accepted are ${KEY_TYPES.join(", ")}.` };
  const blob = Buffer.from(base64, "base64");
  const nameLength = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (nameLength !== type.length || blob.subarray(4, 4 + nameLength).toString("latin1") !== type || blob.length <= 4 + nameLength + 4) {
    return { problem: `is not a valid ${type} key: its data does not start with its own type.` };
  }
  if (type === "ssh-ed25519" && (blob.length !== 4 + type.length + 4 + 32 || blob.readUInt32BE(4 + type.length) !== 32)) {
    return { problem: "is not a valid ssh-ed25519 key: it must hold 32 key bytes." };
  }
  return { type, fingerprint: md5Fingerprint(blob) };
}

export function md5Fingerprint(blob: Buffer): string {
  return createHash("md5").update(blob).digest("hex").match(/../g)!.join(":");
}

export function sshRoutes(state: CombellState): Route[] {
  const { store } = state;
  return [
    {
      method: "PUT",
      pattern: /^\/linuxhostings\/([^/]+)\/ssh\/configuration$/,
      handle: ({ params: [domain], body }) => {
        const hosting = hostingByName(state, domain);
        const f = new Fields(body, ["enabled"]);
        const enabled = f.boolean("enabled", true);
        f.done();
        hosting.ssh_enabled = enabled!;
        return noContent();
      },
    },
    {
      method: "GET",
      pattern: /^\/linuxhostings\/([^/]+)\/ssh\/keys$/,
      handle: ({ params: [domain], query }) => paged(hostingByName(state, domain).ssh_keys, query, state.paging, sshKeyView),
    },
    {
      method: "POST",
      pattern: /^\/linuxhostings\/([^/]+)\/ssh\/keys$/,
      handle: ({ params: [domain], body }) => {
        const hosting = hostingByName(state, domain);
        const f = new Fields(body, ["public_key"]);
        const publicKey = f.string("public_key", { required: true, max: 16384 });
        f.done();
        const parsed = parsePublicKey(publicKey!);
        if ("problem" in parsed) throw invalid("public_key", "invalid_value", parsed.problem);
        if (hosting.ssh_keys.some((k) => k.fingerprint === parsed.fingerprint)) {
          throw invalid("public_key", "already_exists", `is already attached to ${hosting.domain_name} (fingerprint ${parsed.fingerprint}).`);
        }
        hosting.ssh_keys.push({ fingerprint: parsed.fingerprint, public_key: publicKey!.trim() });
        return reply(201, undefined, { location: `/v2/linuxhostings/${hosting.domain_name}/ssh/keys` });
      },
    },
    {
      method: "DELETE",
      pattern: /^\/linuxhostings\/([^/]+)\/ssh\/keys\/([^/]+)$/,
      handle: ({ params: [domain, fingerprint] }) => {
        const hosting = hostingByName(state, domain);
        if (!FINGERPRINT.test(fingerprint)) {
          throw invalid("fingerprint", "invalid_value", `must be a fingerprint as GET .../ssh/keys lists it, 16 lowercase hex pairs joined by ":" (got ${shown(fingerprint)}).`);
        }
        const index = hosting.ssh_keys.findIndex((k) => k.fingerprint === fingerprint);
        if (index < 0) throw notFound(`No SSH key with fingerprint ${fingerprint} on ${hosting.domain_name}.`);
        hosting.ssh_keys.splice(index, 1);
        return noContent();
      },
    },
    {
      method: "GET",
      pattern: /^\/ssh$/,
      handle: ({ query }) => {
        const byFingerprint = new Map<string, { fingerprint: string; public_key: string; linux_hostings: string[] }>();
        for (const hosting of store.linuxHostings.values()) {
          for (const key of hosting.ssh_keys) {
            const entry = byFingerprint.get(key.fingerprint) ?? { ...sshKeyView(key), linux_hostings: [] };
            entry.linux_hostings.push(lower(hosting.domain_name));
            byFingerprint.set(key.fingerprint, entry);
          }
        }
        return paged([...byFingerprint.values()], query, state.paging, (k) => k);
      },
    },
  ];
}
