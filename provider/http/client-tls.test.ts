import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, testClient } from "../../test/support/http-client-fixtures";
import { sendJson, startServer, type TestServer } from "../../test/support/http-test-server";
import { makeTestCertificates, type TestCertificates } from "../../test/support/test-ca";

// A panel with a self-signed certificate: the client is given its CA and keeps checking.
let panel: TestCertificates;
let server: TestServer;

beforeAll(async () => {
  panel = makeTestCertificates();
  server = await startServer((_req, res) => sendJson(res, 200, { ok: true }), panel);
});

afterAll(async () => {
  await server?.close();
});

describe("caCertificates", () => {
  it("trusts a server whose certificate the given CA signed", async () => {
    const client = testClient(server, { caCertificates: panel.ca });
    try {
      expect((await client.get("/databases")).body).toEqual({ ok: true });
    } finally {
      await client.close();
    }
  });

  it("still refuses that server without the CA, and with another CA, saying where to give it one", async () => {
    for (const ca of [undefined, makeTestCertificates("Another CA").ca]) {
      const client = testClient(server, { caCertificates: ca, certificateHint: "give the client the panel's CA" });
      try {
        const error = await failure(client.get("/databases"));
        expect(error.message).toMatch(/^ServerPilot API GET \/v1\/databases could not be sent: the server's TLS certificate is not trusted \(.+\); give the client the panel's CA$/);
      } finally {
        await client.close();
      }
    }
  });
});
