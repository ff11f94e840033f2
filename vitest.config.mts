import { defineConfig } from "vitest/config";

const timeouts = { testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // Lifecycle suites each start their own plugin, sandbox and MariaDB, and spend much of their
    // time waiting on them: three workers keep two cores busy (timing checks leave room for it).
    maxWorkers: 3,
    // One MariaDB install for the run's servers to copy; then, at the end, a scan of everything the
    // run's plugin processes, programs and sandboxes saw for secrets in plain text.
    globalSetup: ["test/global-setup.ts", "test/harness/secret-scan-setup.ts"],
    projects: [
      // Unit tests of the provider's code: each file gets fresh modules (the redactor is process-wide).
      { test: { name: "provider", include: ["provider/**/*.test.ts"], ...timeouts } },
      // Tests through the plugin process and the sandboxes share a worker's modules (gRPC, undici,
      // mysql2, the protobuf stubs load once per worker, not once per file).
      { test: { name: "plugin", include: ["test/**/*.test.ts"], isolate: false, ...timeouts } },
    ],
  },
});
