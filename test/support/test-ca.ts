// A certificate authority made for one test run, and a server certificate it signs for the
// loopback names (127.0.0.1, ::1, localhost): what a control panel with a self-signed
// certificate looks like to a client that is given the CA and keeps checking certificates.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestCertificates {
  /** The CA's certificate (PEM): what a client is told to trust. */
  ca: string;
  /** The server's key and certificate (PEM), signed by the CA. */
  key: string;
  cert: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
}

/** A fresh CA and loopback server certificate (EC P-256, valid for a day), made with openssl. */
export function makeTestCertificates(commonName = "Test Panel CA"): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), "test-ca-"));
  try {
    const curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    openssl(dir, ["req", "-x509", ...curve, "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", `/CN=${commonName}`]);
    openssl(dir, ["req", ...curve, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"]);
    writeFileSync(join(dir, "ext.cnf"), "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    openssl(dir, ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "1", "-extfile", "ext.cnf"]);
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    return { ca: read("ca.pem"), key: read("server.key"), cert: read("server.pem") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
