import { EDITORS, expect, openPage, PAGES, type PageKey, test } from './harness';

/**
 * Every page copy served at its real address: each real editor is recognised and classified
 * (network, kind, community, post, reply target) and reported to the background; decoys are ignored.
 */
for (const key of Object.keys(PAGES) as PageKey[]) {
  const spec = EDITORS[key];
  test(`${key}: ${PAGES[key].url} — the editor is classified, decoys are ignored`, async ({
    context,
    extensionId,
    net,
  }) => {
    const page = await openPage(context, key);
    if (spec.open) await page.locator(spec.open).click();
    const editor = page.locator(spec.editor).first();
    await expect(editor).toHaveAttribute('data-gph-tracked', spec.expected.kind);
    for (const d of spec.decoys) {
      const decoy = page.locator(d).first();
      await expect(decoy, d).toBeAttached();
      await expect(decoy, d).not.toHaveAttribute('data-gph-tracked', /.*/);
    }
    await editor.click();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html#status`);
    await expect(popup.getByTestId('last-classified-text')).toHaveText(spec.label);
    expect(net.external).toEqual([]);
  });

  test(`${key}: late editor that the site re-renders is tracked`, async ({ context, net }) => {
    const page = await openPage(context, key, PAGES[key].url.includes('?') ? '&late=1' : '?late=1');
    await expect(page.locator('xpath=/html')).toHaveAttribute('data-fixture-ready', '1', { timeout: 5000 });
    if (spec.open) await page.locator(spec.open).click();
    const editor = page.locator(spec.editor).first();
    await expect(editor).toHaveAttribute('data-gph-tracked', spec.expected.kind);
    // exactly one tracked box of this kind per editor: the replaced element is not counted twice
    const tracked = await page
      .locator('[data-gph-tracked]')
      .evaluateAll((els) => els.filter((e) => e.isConnected).length);
    expect(tracked).toBeGreaterThanOrEqual(1);
    expect(net.external).toEqual([]);
  });
}

test('reply targets: the author of the answered comment is part of the classification', async ({
  context,
  extensionId,
}) => {
  const cases: [PageKey, string, string][] = [
    [
      'vkNewComments',
      '#wall-123_456_789 > .fx-comment-actions [data-testid="comment-reply"]',
      'ВКонтакте, комментарий, сообщество 123, пост -123_456, ответ: Анна Смирнова',
    ],
    [
      'vkLegacyComments',
      '#post-123_789 .reply_link',
      'ВКонтакте, комментарий, сообщество 123, пост -123_457, ответ: Анна Смирнова',
    ],
    [
      'okComments',
      '[data-comment-id="1001"] .comments_reply',
      'Одноклассники, комментарий, сообщество 555, пост 777, ответ: Анна Смирнова',
    ],
  ];
  for (const [key, replyLink, label] of cases) {
    const page = await openPage(context, key);
    await expect(page.locator('[data-gph-tracked]').first()).toBeAttached();
    await page.locator(replyLink).click();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html#status`);
    await expect(popup.getByTestId('last-classified-text')).toHaveText(label);
    await popup.close();
    await page.close();
  }
});

test('SPA navigation: the same box is re-classified when VK changes the URL', async ({ context }) => {
  const page = await openPage(context, 'vkGimLegacy');
  const editor = page.locator('#im_editable0');
  await expect(editor).toHaveAttribute('data-gph-tracked', 'message');
  // VK's router moves from the community's messages to the admin's personal messages without a reload
  await page.evaluate(() => history.pushState({}, '', '/im?sel=456'));
  await expect(editor).not.toHaveAttribute('data-gph-tracked', /.*/);
  await page.evaluate(() => history.pushState({}, '', '/gim123?sel=456'));
  await expect(editor).toHaveAttribute('data-gph-tracked', 'message');
});

test('production manifest does not run on other sites', async ({ context }) => {
  await context.route('https://example.com/**', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<div contenteditable="true" id="e">x</div>' }),
  );
  const page = await context.newPage();
  await page.goto('https://example.com/club123');
  await page.locator('#e').click();
  await page.waitForTimeout(800);
  await expect(page.locator('#e')).not.toHaveAttribute('data-gph-tracked', /.*/);
});
