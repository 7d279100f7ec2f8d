// `npm run demo`: builds the extension and opens Chromium with it on the bundled VK/OK page copies,
// served at their real addresses by the same routing as the e2e tests (no VK/OK account needed, nothing
// leaves the machine). Without a display it runs headless and saves screenshots to .output/demo/ instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { requireChromium } from './chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
process.env.CHROMIUM_PATH = requireChromium();
if (!process.argv.includes('--no-build')) {
  console.log('Сборка расширения…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
if (headless && !process.argv.includes('--headless')) {
  console.log('Нет дисплея (DISPLAY не задан): запускаю без окна и сохраняю снимки экрана в .output/demo/.');
  console.log('Чтобы открыть окно на сервере без дисплея: xvfb-run -a npm run demo');
}
if (!headless) process.env.HEADED = '1';
// the harness reads CHROMIUM_PATH and HEADED when it loads
const { getExtensionId, installNetwork, launchWithExtension, PAGES, tempProfile } = await import(
  '../test/e2e/harness.ts'
);

const ctx = await launchWithExtension(
  path.join(root, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3'),
  tempProfile(),
);
await installNetwork(ctx);
const extId = await getExtensionId(ctx);
for (const p of Object.values(PAGES)) await (await ctx.newPage()).goto(p.url);

// a sample draft in the VK post composer, so the checking is visible right away
const SAMPLE =
  'В рамках программы благоустройства в настоящее время осуществляется замена асфальта на улице Ленина. ' +
  'Обьявление о перекрытии висит у администрации. Основание: ст. 12.8 КоАП РФ, Федеральный закон № 131-ФЗ ' +
  'и постановление администрации от 12.03.2023 № 45-п.';
const first = ctx.pages().find((p) => p.url() === PAGES.vkNewComposer.url);
if (first) {
  const box = first.locator('[data-testid="posting_base_screen_input_message"]');
  await box
    .and(first.locator('[data-gph-tracked]'))
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  await box.click().catch(() => {});
  await first.keyboard.insertText(SAMPLE).catch(() => {});
}
const popup = await ctx.newPage();
await popup.goto(`chrome-extension://${extId}/popup.html`);

if (headless) {
  const out = path.join(root, '.output', 'demo');
  fs.mkdirSync(out, { recursive: true });
  for (const [i, p] of ctx.pages().entries()) {
    if (p.url() === 'about:blank') continue;
    await p.waitForTimeout(800);
    await p.screenshot({ path: path.join(out, `${String(i).padStart(2, '0')}.png`) });
  }
  console.log(`Снимки: ${out}`);
  await ctx.close();
} else {
  console.log('Chromium открыт с расширением на копиях страниц VK и OK. Закройте окно, чтобы выйти.');
  await new Promise((resolve) => ctx.on('close', resolve));
}
