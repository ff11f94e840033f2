import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "provider/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["test/global-setup.ts"],
    // Lifecycle suites each start their own plugin, sandbox and MariaDB; two cores.
    maxWorkers: 2,
  },
});
