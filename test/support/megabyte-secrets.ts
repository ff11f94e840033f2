// Secrets of about a megabyte, of the characters that have made redaction slow or wrong: a CA
// bundle or key file pasted where a password goes, emoji, regex metacharacters and quotes,
// and repetitions in which every position starts another match.

export const MEGABYTE = 1024 * 1024;

/** About a megabyte of pieces drawn from `alphabet` by a fixed pseudo-random sequence. */
export function megabyteOf(alphabet: readonly string[], seed = 7): string {
  const parts: string[] = [];
  let length = 0;
  let x = seed;
  while (length < MEGABYTE) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const part = alphabet[Math.floor((x / 2147483648) * alphabet.length)]!;
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}

export const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("");

export const MEGABYTE_SECRETS: Readonly<Record<string, string>> = {
  "random letters and digits": megabyteOf(BASE64_ALPHABET),
  "lines, like a PEM bundle": `-----BEGIN PRIVATE KEY-----\n${megabyteOf([...BASE64_ALPHABET, ...BASE64_ALPHABET, "\n", "\r\n", "\t", "  "])}\n-----END PRIVATE KEY-----\n`,
  "emoji and other non-ASCII": megabyteOf(["🔑", "😀", "é", "ß", "€", "\u00a0", "x", "Ω", "中"]),
  "regex metacharacters and quotes": megabyteOf([..."\\^$.|?*+()[]{}/-", '"', "'", "&", "<", ">", "a", "0"]),
  '"a@" repeated': "a@".repeat(MEGABYTE / 2),
  '"a." repeated': "a.".repeat(MEGABYTE / 2),
};
