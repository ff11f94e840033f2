/**
 * A text reversed by UTF-16 code units, as the redactor reads texts and secrets to find the
 * end of a secret as the start of its reversed form; literals and text alike, so surrogate
 * pairs still match each other.
 */
export function reversed(text: string): string {
  // Native and linear: the code units' bytes reversed, then each unit's two bytes swapped back.
  const bytes = Buffer.from(text, "utf16le");
  bytes.reverse();
  bytes.swap16();
  return bytes.toString("utf16le");
}
