// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSupportedHost, pageContext, pageUrl, watchUrl } from './url';

describe('isSupportedHost', () => {
  it.each([
    ['https://vk.com/club123', true],
    ['https://vk.ru/club123', true],
    ['https://m.vk.com/wall-1_2', true],
    ['https://www.vk.com/feed', true],
    ['https://ok.ru/group/555', true],
    ['https://m.ok.ru/group/555', true],
    ['http://vk.com/club123', false],
    ['https://vk.com.evil.example/club123', false],
    ['https://evilvk.com/', false],
    ['https://localhost/club123', false],
    ['not a url', false],
  ])('%s → %s', (url, want) => {
    expect(isSupportedHost(url)).toBe(want);
  });
});

describe('pageContext', () => {
  it.each([
    ['https://vk.com/club123', { network: 'vk', page: 'community', communityId: '123' }],
    ['https://vk.ru/public123', { network: 'vk', page: 'community', communityId: '123' }],
    ['https://vk.com/event77', { network: 'vk', page: 'community', communityId: '77' }],
    ['https://vk.com/wall-123', { network: 'vk', page: 'community', communityId: '123' }],
    ['https://vk.com/wall-123_456', { network: 'vk', page: 'wall-post', communityId: '123', postId: '-123_456' }],
    [
      'https://m.vk.com/wall-123_456?reply=789',
      { network: 'vk', page: 'wall-post', communityId: '123', postId: '-123_456' },
    ],
    ['https://vk.com/wall5_6', { network: 'vk', page: 'wall-post', communityId: '', postId: '5_6' }],
    [
      'https://vk.com/club123?w=wall-123_456',
      { network: 'vk', page: 'wall-post', communityId: '123', postId: '-123_456' },
    ],
    ['https://vk.com/gim123', { network: 'vk', page: 'community-messages', communityId: '123' }],
    ['https://vk.com/gim123?sel=456', { network: 'vk', page: 'community-messages', communityId: '123', peerId: '456' }],
    [
      'https://vk.com/gim123/convo/456',
      { network: 'vk', page: 'community-messages', communityId: '123', peerId: '456' },
    ],
    [
      'https://vk.com/gim123/convo/-456',
      { network: 'vk', page: 'community-messages', communityId: '123', peerId: '-456' },
    ],
    ['https://vk.com/im?sel=456', { network: 'vk', page: 'personal-messages', communityId: '', peerId: '456' }],
    ['https://vk.com/im/convo/456', { network: 'vk', page: 'personal-messages', communityId: '', peerId: '456' }],
    ['https://vk.com/adm_ensk', { network: 'vk', page: 'other', communityId: '' }],
    ['https://vk.com/feed', { network: 'vk', page: 'other', communityId: '' }],
    ['https://ok.ru/group/555', { network: 'ok', page: 'community', communityId: '555' }],
    ['https://ok.ru/group/555/topics', { network: 'ok', page: 'group-topics', communityId: '555' }],
    ['https://ok.ru/group/555/topic/777', { network: 'ok', page: 'topic', communityId: '555', postId: '777' }],
    ['https://m.ok.ru/group/555/topic/777', { network: 'ok', page: 'topic', communityId: '555', postId: '777' }],
    ['https://ok.ru/group555', { network: 'ok', page: 'community', communityId: '555' }],
    ['https://ok.ru/messages', { network: 'ok', page: 'messages', communityId: '' }],
    ['https://ok.ru/messages/999', { network: 'ok', page: 'messages', communityId: '', peerId: '999' }],
    ['https://ok.ru/feed', { network: 'ok', page: 'other', communityId: '' }],
  ])('%s', (url, want) => {
    expect(pageContext(url)).toMatchObject(want);
    expect(pageContext(new URL(url))).toMatchObject(want);
  });

  it('is null for other hosts and bad input', () => {
    expect(pageContext('https://example.org/club123')).toBeNull();
    expect(pageContext('::')).toBeNull();
  });

  it('does not invent post ids', () => {
    expect(pageContext('https://vk.com/club123')?.postId).toBeUndefined();
    expect(pageContext('https://ok.ru/group/555/topics')?.postId).toBeUndefined();
  });
});

describe('pageUrl', () => {
  const windows: Window[] = [];
  afterEach(async () => {
    for (const w of windows.splice(0)) await w.happyDOM.close();
  });
  const make = (url: string, meta?: string) => {
    const w = new Window({ url });
    windows.push(w);
    if (meta) w.document.head.innerHTML = `<meta name="gph-fixture-url" content="${meta}">`;
    return w as unknown as globalThis.Window;
  };

  it('uses the fixture address only on localhost and only when allowed', () => {
    const local = make('http://localhost:4173/vk-club-new-composer.html?late=1', 'https://vk.com/club123');
    expect(pageUrl(local)).toBe('http://localhost:4173/vk-club-new-composer.html?late=1');
    expect(pageUrl(local, true)).toBe('https://vk.com/club123?late=1');
    const real = make('https://vk.com/feed', 'https://vk.com/club999');
    expect(pageUrl(real, true)).toBe('https://vk.com/feed');
    expect(pageUrl(make('http://127.0.0.1:9/x.html'), true)).toBe('http://127.0.0.1:9/x.html');
  });
});

describe('watchUrl', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports pushState navigation through the <title> observer', async () => {
    history.replaceState(null, '', '/club123');
    document.head.innerHTML = '<title>Администрация</title>';
    const seen: [string, string][] = [];
    const stop = watchUrl((u, prev) => seen.push([u, prev]), { pollMs: 60_000 });
    history.pushState(null, '', '/wall-123_456');
    document.title = 'Запись';
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([[location.href, location.href.replace('/wall-123_456', '/club123')]]);
    stop();
    history.pushState(null, '', '/gim123');
    document.title = 'Сообщения';
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(1);
  });

  it('reports popstate / hashchange and falls back to polling', async () => {
    vi.useFakeTimers();
    let url = 'https://vk.com/club123';
    const seen: string[] = [];
    const stop = watchUrl((u) => seen.push(u), { getUrl: () => url, pollMs: 500 });
    url = 'https://vk.com/club123#photos';
    window.dispatchEvent(new Event('hashchange'));
    expect(seen).toEqual(['https://vk.com/club123#photos']);
    url = 'https://vk.com/gim123';
    vi.advanceTimersByTime(499);
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['https://vk.com/club123#photos', 'https://vk.com/gim123']);
    url = 'https://vk.com/gim123?sel=456';
    window.dispatchEvent(new Event('popstate'));
    expect(seen).toHaveLength(3);
    // no change, no call
    vi.advanceTimersByTime(2000);
    expect(seen).toHaveLength(3);
    stop();
    url = 'https://vk.com/feed';
    vi.advanceTimersByTime(2000);
    window.dispatchEvent(new Event('popstate'));
    expect(seen).toHaveLength(3);
  });
});

describe('pageContext with a malformed escape', () => {
  it('does not throw', () => {
    expect(pageContext('https://vk.com/%E0%A4%A')).toMatchObject({ network: 'vk', page: 'other' });
  });
});
