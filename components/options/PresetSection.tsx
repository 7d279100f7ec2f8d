import { useEffect, useState } from 'react';
import { PRESET_IDS } from '@/lib/checks/presets';
import { getSettings, setSetting } from '@/lib/store/queries';
import { CustomPresetEditor } from './CustomPresetEditor';
import { presetToForm } from './custom-preset';
import { useAction, useDB, useLive } from './db';
import { ErrorNote, Loading, OkNote } from './Notice';
import { PresetSummary } from './PresetSummary';
import { resolvePreset, shortSummary } from './presets-view';

/** «(Белгородская область)» when the municipality repeats the name, else «— город-курорт Пятигорск (…)». */
function municipalityNote(p: { name: string; municipality: string }): string {
  const m = p.municipality.trim();
  if (!m) return '';
  if (m.toLocaleLowerCase('ru-RU').startsWith(p.name.toLocaleLowerCase('ru-RU'))) return m.slice(p.name.length).trim();
  return `— ${m}`;
}

/** «Регламент»: the default preset with a summary and the clauses of each, and the «Свой профиль» editor. */
export function PresetSection() {
  const db = useDB();
  const settings = useLive(getSettings);
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);
  /** The radio the user just clicked, shown checked until the stored value catches up (or the write fails). */
  const [choosing, setChoosing] = useState<string | null>(null);
  const stored = settings.status === 'ready' ? settings.data.defaultPresetId : undefined;
  useEffect(() => {
    if (choosing !== null && stored === choosing) setChoosing(null);
  }, [choosing, stored]);

  if (settings.status === 'loading') return <Loading />;
  if (settings.status === 'error') return <ErrorNote message={settings.message} />;
  const s = settings.data;
  const selected = choosing ?? s.defaultPresetId;

  const choose = async (id: string) => {
    setSaved(null);
    setChoosing(id);
    const ok = await action.run(() => setSetting(db, 'defaultPresetId', id));
    if (!ok) setChoosing(null);
    else setSaved(`Регламент по умолчанию: «${resolvePreset(id, s).name}».`);
  };

  return (
    <>
      <p className="muted">
        От регламента зависят квота постов в неделю, лимит ссылок на НПА, обязательное приветствие в ответах и то,
        насколько строго отмечаются канцелярит и тон пресс-релиза. Для отдельной страницы регламент можно поменять в
        разделе «Официальные страницы».
      </p>
      {selected === null && (
        <p className="opt-note opt-note-info" data-testid="preset-not-chosen">
          Регламент ещё не выбран: пока проверка работает по «Своему профилю» со значениями по умолчанию.
        </p>
      )}
      <fieldset className="opt-presets" disabled={action.busy}>
        <legend>Регламент по умолчанию</legend>
        {PRESET_IDS.map((id) => {
          const preset = resolvePreset(id, s);
          const checked = selected === id;
          return (
            <div key={id} className={`opt-preset${checked ? ' opt-preset-selected' : ''}`}>
              <label className="opt-preset-head">
                <input type="radio" name="default-preset" value={id} checked={checked} onChange={() => choose(id)} />
                <span>
                  <strong>{preset.name}</strong>
                  {municipalityNote(preset) && <span className="muted"> {municipalityNote(preset)}</span>}
                  <span className="opt-preset-short">{shortSummary(preset)}</span>
                </span>
              </label>
              <details className="opt-details" open={checked}>
                <summary>Значения и пункты регламента</summary>
                <PresetSummary preset={preset} />
              </details>
              {id === 'custom' && !checked && (
                <button
                  type="button"
                  className="opt-link"
                  aria-expanded={editorOpen}
                  onClick={() => setEditorOpen((o) => !o)}
                >
                  {editorOpen ? 'Скрыть настройку своего профиля' : 'Настроить свой профиль'}
                </button>
              )}
            </div>
          );
        })}
      </fieldset>
      <ErrorNote message={action.error} />
      {saved && <OkNote testId="preset-saved">{saved}</OkNote>}
      {(selected === 'custom' || editorOpen) && (
        <CustomPresetEditor
          initial={presetToForm(resolvePreset('custom', s))}
          isDefault={selected === 'custom'}
          onMakeDefault={() => choose('custom')}
        />
      )}
    </>
  );
}
