import { defineConfig } from '@playwright/test';

/** End-to-end tests: the built extension in Debian's Chromium, page copies served at their real addresses. */
export default defineConfig<{ extDir: string }>({
  testDir: './test/e2e',
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  workers: process.env.PW_WORKERS ? Number(process.env.PW_WORKERS) : 1,
  retries: 0,
  projects: [
    { name: 'chromium-prod', testIgnore: /\.bench\.ts$/, use: { extDir: process.env.EXT_DIR ?? '.output/chrome-mv3' } },
  ],
});
