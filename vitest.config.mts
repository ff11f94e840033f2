import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "provider/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Lifecycle suites each start their own plugin, sandbox and MariaDB; two cores.
    maxWorkers: 2,
    // One MariaDB install for the run's servers to copy; then, at the end, a scan of everything the
    // run's plugin processes, programs and sandboxes saw for secrets in plain text.
    globalSetup: ["test/global-setup.ts", "test/harness/secret-scan-setup.ts"],
  },
});
