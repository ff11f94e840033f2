import { describe, expect, it } from "vitest";
import { validateCaCertificate } from "./ca-certificate";

describe("validateCaCertificate", () => {
  it("refuses a text without a whole certificate block, and names a block that does not parse", () => {
    expect(validateCaCertificate("my CA")).toMatch(/^must be a PEM certificate/);
    expect(validateCaCertificate("-----BEGIN CERTIFICATE-----\nMIIB\n")).toMatch(/^must be a PEM certificate/);
    expect(validateCaCertificate("x\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")).toBe("certificate 1 of 1 is not a valid X.509 certificate");
  });

  it("answers in time proportional to the text for a paste of BEGIN lines without their END", () => {
    // A lazy pattern scans to the end once per BEGIN line: 250 KB of them took 1.7 s.
    const timed = (lines: number) => {
      const text = "-----BEGIN CERTIFICATE-----\n".repeat(lines);
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        expect(validateCaCertificate(text)).toMatch(/^must be a PEM certificate/);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = timed(900);
    const large = timed(9000);
    // Ten times the text: linear is about 10 times the time, quadratic 100 times.
    expect(large / Math.max(small, 0.05)).toBeLessThan(40);
  });
});
