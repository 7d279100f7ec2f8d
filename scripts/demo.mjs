// `npm run demo`: builds the extension and opens Chromium with it on the bundled VK/OK page copies,
// served at their real addresses (no VK/OK account needed, nothing leaves the machine).
// Without a display it runs headless and saves screenshots to .output/demo/ instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { requireChromium } from './chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const exe = requireChromium();
if (!process.argv.includes('--no-build')) {
  console.log('Сборка расширения…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}
const ext = path.join(root, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const fixtures = path.join(root, 'test', 'fixtures');
const pages = [
  ['https://vk.com/club123', 'vk-club-new-composer.html'],
  ['https://vk.ru/club123', 'vk-club-legacy-composer.html'],
  ['https://vk.com/wall-123_456', 'vk-wall-post-comments-new.html'],
  ['https://vk.com/wall-123_457', 'vk-wall-comments-legacy.html'],
  ['https://vk.com/gim123?sel=456', 'vk-gim-legacy.html'],
  ['https://vk.com/gim123/convo/456', 'vk-gim-new.html'],
  ['https://ok.ru/group/555/topics', 'ok-group-topics.html'],
  ['https://ok.ru/group/555/topic/777', 'ok-topic-comments.html'],
  ['https://ok.ru/messages/999', 'ok-messages.html'],
];
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
if (headless && !process.argv.includes('--headless')) {
  console.log('Нет дисплея (DISPLAY не задан): запускаю без окна и сохраняю снимки экрана в .output/demo/.');
  console.log('Чтобы открыть окно на сервере без дисплея: xvfb-run -a npm run demo');
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gph-demo-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: exe,
  headless,
  locale: 'ru-RU',
  viewport: headless ? { width: 1280, height: 860 } : null,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
  ],
});
await ctx.route('**/*', (route) => {
  const req = route.request();
  if (/^(chrome-extension|data|blob):/.test(req.url())) return route.continue();
  const u = new URL(req.url());
  const hit = pages.find(([p]) => {
    const pu = new URL(p);
    return pu.pathname === u.pathname && pu.host.replace('vk.ru', 'vk.com') === u.host.replace('vk.ru', 'vk.com');
  });
  if (hit && req.resourceType() === 'document')
    return route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: fs.readFileSync(path.join(fixtures, hit[1])),
    });
  return route.abort('blockedbyclient');
});
const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
const extId = new URL(sw.url()).host;
const SAMPLE =
  'В рамках программы благоустройства в настоящее время осуществляется замена асфальта на улице Ленина. ' +
  'Обьявление о перекрытии висит у администрации. Основание: ст. 12.8 КоАП РФ, Федеральный закон № 131-ФЗ ' +
  'и постановление администрации от 12.03.2023 № 45-п.';
for (const [url] of pages) await (await ctx.newPage()).goto(url);
// a sample draft in the VK post composer, so the checking is visible right away
const first = ctx.pages().find((p) => p.url() === pages[0][0]);
if (first) {
  const box = first.locator('[data-testid="posting_base_screen_input_message"]');
  await first
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="posting_base_screen_input_message"]')?.hasAttribute('data-gph-tracked'),
      undefined,
      { timeout: 10_000 },
    )
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
