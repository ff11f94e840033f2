import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "provider/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Lifecycle suites each start their own plugin, sandbox and MariaDB; two cores.
    maxWorkers: 2,
    // Scans everything the run's plugin processes, programs and sandboxes saw for secrets in plain text.
    globalSetup: ["test/harness/secret-scan-setup.ts"],
  },
});
