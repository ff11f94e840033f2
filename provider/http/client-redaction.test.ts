import { describe, expect, it } from "vitest";
import { ApiError, CancelledError, DeadlineExceededError, NetworkError } from "./errors";
import { secrets } from "./redact";
import { bearer, failure, useTestServers } from "../../test/support/http-client-fixtures";
import { sendJson, type Handler } from "../../test/support/http-test-server";
import { waitFor } from "./wait";
import { MEGABYTE_SECRETS } from "../../test/support/megabyte-secrets";

// Secrets an API echoes back must not survive into messages, whatever shape they come back in.

const { serve, clientFor } = useTestServers({ apiName: "WisPanel", basePath: "/api", authorize: bearer("wsp_test_token_0123456789") });

/** The body's `password`, echoed back in a 400 the way `echo` shapes it. */
function echoPassword(echo: (password: string, rawBody: string) => unknown): Handler {
  return (req, res) => {
    const password = (JSON.parse(req.body) as { password: string }).password;
    sendJson(res, 400, echo(password, req.body));
  };
}

describe("secrets echoed in error bodies", () => {
  it("masks a secret with a newline, a tab and a double space", async () => {
    const secret = "line one\nline\ttwo  and three-XYZ";
    secrets.add(secret);
    const server = await serve(echoPassword((password) => ({ message: `password "${password}" is too weak` })));
    const err = (await failure(clientFor(server).post("/users", { password: secret }))) as ApiError;
    expect(err.message).toBe('WisPanel API POST /api/users failed with 400 Bad Request: password "***" is too weak');
    expect(err.apiMessage).toBe('password "***" is too weak');
    for (const piece of ["line one", "line two", "two and three"]) expect(err.message).not.toContain(piece);
  });

  it("masks a PEM key in an HTML error page", async () => {
    const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw\nggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----";
    secrets.add(pem);
    const server = await serve((req, res) => {
      res.writeHead(400, { "content-type": "text/html" });
      res.end(`<html><body><h1>Bad key</h1><pre>${(JSON.parse(req.body) as { key: string }).key}</pre></body></html>`);
    });
    const err = await failure(clientFor(server).put("/certificates/1", { key: pem }));
    expect(err.message).toBe("WisPanel API PUT /api/certificates/1 failed with 400 Bad Request: Bad key ***");
    expect(err.message).not.toContain("MIIEvQ");
  });

  it("masks a 600-character secret although the message is cut at 500", async () => {
    const secret = Array.from({ length: 60 }, (_, i) => `k${String(i).padStart(3, "0")}-abcde`).join("");
    expect(secret).toHaveLength(600);
    secrets.add(secret);
    const server = await serve(echoPassword((password) => ({ message: `rejected: ${password} (too long)` })));
    const err = await failure(clientFor(server).post("/users", { password: secret }));
    expect(err.message).toBe("WisPanel API POST /api/users failed with 400 Bad Request: rejected: *** (too long)");
  });

  it("masks a secret the API echoes JSON-escaped inside its message", async () => {
    const secret = 'multi\nline\t"quoted" secret';
    secrets.add(secret);
    const server = await serve(echoPassword((_password, rawBody) => ({ message: `could not parse ${rawBody}` })));
    const err = await failure(clientFor(server).post("/users", { password: secret }));
    expect(err.message).toBe('WisPanel API POST /api/users failed with 400 Bad Request: could not parse {"password":"***"}');
  });

  it("masks a secret the API cut with '...' after its first 20 characters", async () => {
    const secret = "Zx9-truncated-by-the-api-0123456789";
    secrets.add(secret);
    const server = await serve(echoPassword((password) => ({ message: `invalid value ${password.slice(0, 20)}... for password` })));
    const err = await failure(clientFor(server).post("/users", { password: secret }));
    expect(err.message).toBe("WisPanel API POST /api/users failed with 400 Bad Request: invalid value ***... for password");
    expect(err.message).not.toContain(secret.slice(0, 8));
  });

  it("masks the per-request auth header when the API cuts it", async () => {
    const server = await serve((req, res) => sendJson(res, 401, { message: `token ${String(req.headers.authorization).slice(7, 22)}…` }));
    const err = await failure(clientFor(server).get("/me"));
    expect(err.message).toBe("WisPanel API GET /api/me failed with 401 Unauthorized: token ***…");
  });
});

describe("secrets echoed in shapes other than the one sent", () => {
  it("masks a PEM key echoed with its line breaks dropped", async () => {
    const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcw\nggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n";
    secrets.add(pem);
    const server = await serve((req, res) => {
      const key = (JSON.parse(req.body) as { key: string }).key;
      sendJson(res, 422, { message: `unparseable key ${key.replace(/\s+/g, "")}` });
    });
    const err = await failure(clientFor(server).put("/certificates/2", { key: pem }));
    expect(err.message).toBe("WisPanel API PUT /api/certificates/2 failed with 422 Unprocessable Entity: unparseable key ***");
    expect(err.message).not.toContain("MIIEvQ");
  });

  it("masks a secret HTML-escaped in a proxy's error page", async () => {
    const secret = `Pa<ss>&"wo'rd-0123`;
    secrets.add(secret);
    const escape = (text: string) =>
      text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
    const server = await serve((req, res) => {
      const password = (JSON.parse(req.body) as { password: string }).password;
      res.writeHead(502, { "content-type": "text/html" });
      res.end(`<html><body><h1>Bad Gateway</h1><p>upstream rejected password &quot;${escape(password)}&quot;</p></body></html>`);
    });
    const err = await failure(clientFor(server).post("/users", { password: secret }));
    expect(err.message).toBe("WisPanel API POST /api/users failed with 502 Bad Gateway: Bad Gateway upstream rejected password &quot;***&quot;");
    expect(err.message).not.toContain("wo&#x27;rd");
  });

  it("masks a secret the API lowercased", async () => {
    const secret = "Ops.Admin@Example-Corp.COM";
    secrets.add(secret);
    const server = await serve((req, res) => {
      const email = (JSON.parse(req.body) as { email: string }).email;
      sendJson(res, 409, { message: `mailbox ${email.toLowerCase()} already exists` });
    });
    const err = await failure(clientFor(server).post("/mailboxes", { email: secret }));
    expect(err.message).toBe("WisPanel API POST /api/mailboxes failed with 409 Conflict: mailbox *** already exists");
  });

  it("masks a secret the API cut without an ellipsis", async () => {
    const secret = "Correct-Horse-Battery-Staple";
    secrets.add(secret);
    const server = await serve((req, res, i) => {
      const password = (JSON.parse(req.body) as { password: string }).password;
      const message = i === 0 ? `"${password.slice(0, 24)}" (truncated)` : `value '${password.slice(0, 17)}' too long`;
      sendJson(res, 400, { message });
    });
    const first = await failure(clientFor(server).post("/users", { password: secret }));
    expect(first.message).toBe('WisPanel API POST /api/users failed with 400 Bad Request: "***" (truncated)');
    const second = await failure(clientFor(server).post("/users", { password: secret }));
    expect(second.message).toBe("WisPanel API POST /api/users failed with 400 Bad Request: value '***' too long");
  });

  it("leaves a message alone that merely starts like a secret", async () => {
    secrets.add("Correct-Horse-Battery-Staple");
    const server = await serve((_req, res) => sendJson(res, 400, { message: "Correct answer, but the horse is lame" }));
    const err = await failure(clientFor(server).post("/users", {}));
    expect(err.message).toBe("WisPanel API POST /api/users failed with 400 Bad Request: Correct answer, but the horse is lame");
  });
});

describe("secrets in other messages", () => {
  const secret = "cause\n  with   spaces-and-a-secret";

  it("masks them in network error causes, cancel reasons and deadline statuses", () => {
    secrets.add(secret);
    const network = new NetworkError({ apiName: "A", method: "GET", path: "/", cause: new Error(`connect failed: ${secret}`) });
    expect(network.message).toBe("A API GET / failed: connect failed: ***");
    expect(new CancelledError("job 1", `user said ${secret}`).message).toBe("Job 1 was cancelled: user said ***");
    const deadline = new DeadlineExceededError({ what: "job 1", elapsedMs: 5, lastStatus: `status ${secret}`, lastError: `error ${secret}` });
    expect(deadline.message).toBe("Timed out waiting for job 1: gave up after 5ms when the deadline passed; last status: status ***; last error: error ***");
    expect(deadline.lastStatus).toBe("status ***");
  });

  it("masks them in waitFor's progress lines", async () => {
    const cutSecret = "progress-secret-0123456789";
    secrets.add(secret);
    secrets.add(cutSecret);
    const logs: string[] = [];
    let polls = 0;
    await waitFor(
      {
        what: "job 2",
        initialDelayMs: 10,
        maxDelayMs: 10,
        progressEveryMs: 20,
        poll: async () =>
          ++polls > 5 ? { done: true, value: 1 } : { done: false, status: `working on ${secret}, then ${cutSecret.slice(0, 10)}…` },
      },
      { log: (m) => logs.push(m) },
    );
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).toMatch(/^still waiting for job 2: working on \*\*\*, then \*\*\*…, \d+ms elapsed$/);
  });
});

describe("secrets of a megabyte echoed in error bodies, which are read to their first 64 KiB", () => {
  const prefix = 'WisPanel API POST /api/users failed with 400 Bad Request: {"message":"password ***';

  for (const kind of ["lines, like a PEM bundle", "emoji and other non-ASCII", "regex metacharacters and quotes"]) {
    it(`shows nothing of one of ${kind} echoed whole, JSON-escaped and cut at 64 KiB`, async () => {
      const secret = MEGABYTE_SECRETS[kind]!;
      secrets.add(secret);
      const server = await serve(echoPassword((password) => ({ message: `password ${password} is too long` })));
      const started = performance.now();
      const err = (await failure(clientFor(server).post("/users", { password: secret }))) as ApiError;
      // Cut inside a character, the body ends in U+FFFD for its bytes: all that shows after the mask.
      expect(err.message.startsWith(prefix), err.message.slice(0, 200)).toBe(true);
      expect(err.message.slice(prefix.length)).toMatch(/^\uFFFD*$/);
      expect(err.apiMessage).toMatch(/^\{"message":"password \*\*\*\uFFFD*$/);
      expect(performance.now() - started).toBeLessThan(5000);
    });
  }

  it("shows nothing of one echoed URL-encoded in a form body and cut at 64 KiB", async () => {
    const secret = MEGABYTE_SECRETS["emoji and other non-ASCII"]!;
    secrets.add(secret);
    const server = await serve((req, res) => {
      const password = (JSON.parse(req.body) as { password: string }).password;
      res.writeHead(400, { "content-type": "text/plain" });
      res.end(`could not parse user=x&password=${encodeURIComponent(password)}`);
    });
    const err = await failure(clientFor(server).post("/users", { password: secret }));
    expect(err.message).toBe("WisPanel API POST /api/users failed with 400 Bad Request: could not parse user=x&password=***");
  });
});
