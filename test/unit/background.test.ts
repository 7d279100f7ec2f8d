import { describe, expect, it } from 'vitest';
import { handleMessage } from '@/lib/messaging/background-handler';
import { AppDB } from '@/lib/store/db';

const vkComment = {
  network: 'vk' as const,
  kind: 'comment' as const,
  communityId: '123',
  postId: '-123_456',
  replyTo: { authorName: 'Анна Смирнова', commentId: '789' },
};

describe('background message handler', () => {
  it('stores the last classified box per tab and answers the popup', async () => {
    const db = new AppDB(`t-${Math.random()}`);
    const r1 = await handleMessage(
      db,
      { type: 'editor-classified', url: 'https://vk.com/wall-123_456', classification: vkComment },
      { tabId: 7 },
    );
    expect(r1.ok).toBe(true);
    const r2 = await handleMessage(db, { type: 'get-tab-state', tabId: 7 }, {});
    expect(r2).toMatchObject({ ok: true, data: { tabId: 7, classification: vkComment } });
    const r3 = await handleMessage(db, { type: 'get-status' }, {});
    expect(r3).toMatchObject({ ok: true, data: { trackedTabs: 1, version: 1, lastClassified: { tabId: 7 } } });
  });

  it('rejects malformed messages with a Russian error and writes nothing', async () => {
    const db = new AppDB(`t-${Math.random()}`);
    const bad = [
      null,
      'hello',
      { type: 'editor-classified', url: 'https://vk.com/', classification: { network: 'fb', kind: 'post' } },
      { type: 'drop-database' },
    ];
    for (const m of bad) {
      const r = await handleMessage(db, m, { tabId: 1 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/Неизвестное сообщение/);
    }
    expect(await db.tabState.count()).toBe(0);
  });

  it('refuses a classification that does not come from a tab', async () => {
    const db = new AppDB(`t-${Math.random()}`);
    const r = await handleMessage(
      db,
      { type: 'editor-classified', url: 'https://vk.com/club1', classification: vkComment },
      {},
    );
    expect(r).toEqual({ ok: false, error: 'Сообщение пришло не со вкладки.' });
  });
});

describe('background check', () => {
  it("checks with the page's preset, the user's dictionary and disabled rules", async () => {
    const { loadNodeSpeller } = await import('@/lib/checks/spelling-node');
    const { addPage, addWord, setSetting } = await import('@/lib/store/queries');
    const speller = await loadNodeSpeller();
    const db = new AppDB(`t-${Math.random()}`);
    await addPage(db, {
      network: 'vk',
      communityId: '123',
      address: 'https://vk.com/club123',
      name: 'Администрация Пластуновского сельского поселения',
      presetId: 'plastunovskaya',
    });
    const msg = {
      type: 'check',
      text: 'Спасибо, данный вопрос решим, Шмурдяков обещал хакатонщикам.',
      mode: 'reply',
      url: 'https://vk.com/wall-123_456',
      network: 'vk',
      communityId: '123',
      authorName: 'Анна Смирнова',
    };
    const run = async () => {
      const r = await handleMessage(db, msg, { tabId: 3 }, { speller: async () => speller });
      if (!r.ok) throw new Error(r.error);
      return r.data as import('@/lib/checks/types').CheckResult;
    };
    const first = await run();
    // Пластуновское СП requires a greeting and rejects канцелярит as an error
    expect(first.summary.greeting).toEqual({ required: true, present: false });
    expect(first.findings.find((f) => f.rule === 'greeting.missing')?.suggestions[0]).toBe('Здравствуйте, Анна! ');
    const kants = first.findings.find((f) => msg.text.slice(f.start, f.end) === 'данный');
    expect(kants?.severity).toBe('error');
    expect(
      first.findings.some((f) => f.category === 'spelling' && msg.text.slice(f.start, f.end) === 'Шмурдяков'),
    ).toBe(false);

    const unknown = (r: typeof first) =>
      r.findings.filter((f) => f.category === 'spelling').map((f) => msg.text.slice(f.start, f.end));
    expect(unknown(first)).toEqual(['хакатонщикам']);

    await addWord(db, 'хакатонщикам');
    await setSetting(db, 'disabledRules', ['greeting']);
    const second = await run();
    expect(unknown(second)).toEqual([]);
    expect(second.findings.some((f) => f.rule === 'greeting.missing')).toBe(false);
    speller.dispose();
  });
});
