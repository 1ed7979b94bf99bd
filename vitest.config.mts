import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside a React server bundle; unit tests run server modules directly.
      "server-only": fileURLToPath(new URL("./lib/test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "app/**/*.test.ts",
    ],
    environment: "node",
    pool: "threads",
    // A timeout here catches a hang, never slowness: machines of our kind differ twofold in speed and CI
    // machines are never idle, so vitest's 5 s default made tests that start simulators and servers fail
    // on a busy core. Fixtures are sized to what they check; speed is measured by `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
