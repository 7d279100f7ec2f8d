import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.{ts,tsx}',
      'components/**/*.test.{ts,tsx}',
      'entrypoints/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 30_000,
  },
});
