import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { messageSource } from '@/components/templates/source';
import { TemplatePicker } from '@/components/templates/TemplatePicker';
import { send } from '@/lib/messaging/client';
import type { TabState } from '@/lib/store/schema';

/** Copies text in an extension page: the Clipboard API, else a hidden textarea and `copy`. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    /* fall back below */
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.append(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('Не удалось скопировать текст: браузер не дал доступ к буферу обмена.');
}

/**
 * «Шаблоны» in the popup: the same picker as in the page, but there is no reply box here, so the filled
 * text is copied to the clipboard. The context (community, author being answered) is the last reply box
 * the extension saw in the active tab, when there is one. Data through `templates-*` background messages,
 * like the page.
 */
export function TemplatesTab({ activeTabId }: { activeTabId: number | null }) {
  const [tab, setTab] = useState<TabState | null | undefined>(undefined);
  useEffect(() => {
    if (activeTabId === null) {
      setTab(null);
      return;
    }
    send<TabState | null>({ type: 'get-tab-state', tabId: activeTabId }).then(setTab, () => setTab(null));
  }, [activeTabId]);

  const c = tab?.classification;
  const reply = c && c.kind !== 'post' ? c : undefined;
  const network = c?.network;
  const communityId = c?.communityId;
  const mode = reply?.kind === 'message' ? 'message' : 'reply';
  const authorName = reply?.replyTo?.authorName;
  const loaded = tab !== undefined;
  const source = useMemo(
    () => (loaded ? messageSource({ network, communityId, mode, authorName }) : null),
    [loaded, network, communityId, mode, authorName],
  );

  const openEditor = () => {
    browser.tabs.create({ url: browser.runtime.getURL('/templates.html') }).catch(() => {});
  };

  return (
    <section className="templates-tab" data-testid="templates-tab">
      <p className="muted small">
        {authorName
          ? `Ответ для: ${authorName} (последнее поле ответа на этой вкладке). Текст скопируется в буфер обмена.`
          : 'Выберите шаблон: текст скопируется в буфер обмена, вставьте его в поле ответа (Ctrl+V).'}
      </p>
      {source && (
        <TemplatePicker
          source={source}
          authorName={authorName}
          confirmLabel="Скопировать"
          onConfirm={async (text) => {
            await copyText(text);
            return 'Скопировано. Вставьте текст в поле ответа сочетанием Ctrl+V и проверьте перед отправкой.';
          }}
          onClose={() => window.close()}
        />
      )}
      <p className="small">
        <button type="button" className="link" data-testid="open-templates-editor" onClick={openEditor}>
          Редактор шаблонов
        </button>
      </p>
    </section>
  );
}
