import { useState } from 'react';
import { OK_HOSTS } from '@/lib/sites/ok-selectors';
import { VK_HOSTS } from '@/lib/sites/vk-selectors';
import { getSettings, resetSetting, setSetting } from '@/lib/store/queries';
import { updateSetting, useAction, useDB, useLive } from './db';
import { ErrorNote, Loading, OkNote } from './Notice';
import { describeRule, RULE_GROUPS, TOGGLE_IDS } from './rules';

const SITES: ReadonlyArray<{ host: string; label: string }> = [
  ...VK_HOSTS.map((host) => ({ host, label: host === 'm.vk.com' ? 'm.vk.com (мобильная версия)' : host })),
  ...OK_HOSTS.map((host) => ({ host, label: host === 'm.ok.ru' ? 'm.ok.ru (мобильная версия)' : host })),
];

/** «Проверка»: the pre-publish warning, the sites where the checker works, and the rules. */
export function ChecksSection() {
  const db = useDB();
  const settings = useLive(getSettings);
  const action = useAction();
  const [message, setMessage] = useState<string | null>(null);

  if (settings.status === 'loading') return <Loading />;
  if (settings.status === 'error') return <ErrorNote message={settings.message} />;
  const s = settings.data;
  const disabled = new Set(s.disabledRules);
  const disabledSites = new Set(s.disabledSites);
  const extra = s.disabledRules.filter((id) => !TOGGLE_IDS.has(id));

  const save = async (fn: () => Promise<unknown>, ok: string) => {
    setMessage(null);
    if ((await action.run(fn)) !== undefined) setMessage(ok);
  };
  const setRule = (id: string, enabled: boolean) =>
    save(
      () =>
        updateSetting(db, 'disabledRules', (list) =>
          enabled ? list.filter((x) => x !== id) : list.includes(id) ? list : [...list, id],
        ),
      enabled ? `Правило «${describeRule(id).label}» включено.` : `Правило «${describeRule(id).label}» отключено.`,
    );
  const setSite = (host: string, enabled: boolean) =>
    save(
      () =>
        updateSetting(db, 'disabledSites', (list) =>
          enabled ? list.filter((x) => x !== host) : list.includes(host) ? list : [...list, host],
        ),
      enabled ? `Проверка на ${host} включена.` : `Проверка на ${host} отключена.`,
    );

  return (
    <>
      <label className="opt-check opt-check-main">
        <input
          type="checkbox"
          checked={s.prePublishWarning}
          disabled={action.busy}
          onChange={(e) => {
            const on = e.target.checked;
            void save(
              () => setSetting(db, 'prePublishWarning', on),
              on ? 'Предупреждение перед публикацией включено.' : 'Предупреждение перед публикацией отключено.',
            );
          }}
        />
        <span>
          Предупреждать перед публикацией, если в тексте есть ошибки
          <span className="opt-hint">
            Перед отправкой поста или ответа с ошибками расширение покажет их и спросит, публиковать ли.
          </span>
        </span>
      </label>

      <fieldset className="opt-fieldset" disabled={action.busy}>
        <legend>Проверять тексты на сайтах</legend>
        <div className="opt-sites">
          {SITES.map(({ host, label }) => (
            <label key={host} className="opt-check">
              <input
                type="checkbox"
                checked={!disabledSites.has(host)}
                onChange={(e) => setSite(host, e.target.checked)}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <h3>Правила</h3>
      <p className="muted small">
        Снимите галочку, чтобы расширение перестало отмечать такие ошибки. Правила внутри группы работают, только когда
        включена сама группа.
      </p>
      <div className="opt-rule-groups">
        {RULE_GROUPS.map((g) => {
          const groupOn = !disabled.has(g.toggleId) && !disabled.has(g.category);
          return (
            <fieldset key={g.category} className="opt-rule-group" disabled={action.busy}>
              <legend>
                <label className="opt-check">
                  <input
                    type="checkbox"
                    checked={groupOn}
                    onChange={(e) => {
                      const on = e.target.checked;
                      void save(
                        () =>
                          updateSetting(db, 'disabledRules', (list) =>
                            on
                              ? list.filter((x) => x !== g.toggleId && x !== g.category)
                              : list.includes(g.toggleId)
                                ? list
                                : [...list, g.toggleId],
                          ),
                        on ? `Группа «${g.label}» включена.` : `Группа «${g.label}» отключена.`,
                      );
                    }}
                  />
                  <strong>{g.label}</strong>
                </label>
              </legend>
              <p className="opt-hint">{g.hint}</p>
              {g.items.length > 0 && (
                <ul className="opt-rules">
                  {g.items.map((item) => (
                    <li key={item.id}>
                      <label className="opt-check">
                        <input
                          type="checkbox"
                          checked={groupOn && !disabled.has(item.id) && !disabled.has(item.id.split('.')[0] ?? '')}
                          disabled={!groupOn || (item.id.includes('.') && disabled.has(item.id.split('.')[0] ?? ''))}
                          onChange={(e) => setRule(item.id, e.target.checked)}
                        />
                        <span>
                          {item.label}
                          {item.hint && <span className="muted small"> — {item.hint}</span>}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          );
        })}
      </div>

      <h3>Отключённые вами правила</h3>
      {extra.length === 0 ? (
        <p className="muted small" data-testid="disabled-rules-empty">
          Нет отдельно отключённых правил. Правило можно отключить из подсказки на странице VK или OK — оно появится
          здесь.
        </p>
      ) : (
        <ul className="opt-list" aria-label="Отключённые вами правила" data-testid="disabled-rules">
          {extra.map((id) => {
            const d = describeRule(id);
            return (
              <li key={id} className="opt-list-item">
                <span>
                  {d.label}
                  {d.hint && <span className="muted small"> — {d.hint}</span>}
                </span>
                <button type="button" onClick={() => setRule(id, true)} aria-label={`Включить снова: ${d.label}`}>
                  Включить снова
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {s.disabledRules.length > 0 && (
        <button
          type="button"
          onClick={() => save(() => resetSetting(db, 'disabledRules').then(() => true), 'Все правила снова включены.')}
          disabled={action.busy}
        >
          Включить все правила
        </button>
      )}
      <ErrorNote message={action.error} />
      {message && <OkNote testId="checks-message">{message}</OkNote>}
    </>
  );
}
