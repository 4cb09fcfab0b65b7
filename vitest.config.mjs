import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["js/**/*.test.js"],
    environment: "node",
    testTimeout: 20000,
  },
});
