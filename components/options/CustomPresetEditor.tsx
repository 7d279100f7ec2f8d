import { type FormEvent, useState } from 'react';
import { PRESET_IDS, PRESETS } from '@/lib/checks/presets';
import type { Severity } from '@/lib/checks/types';
import { resetSetting, setSetting } from '@/lib/store/queries';
import {
  CLAUSE_FIELDS,
  type CustomPresetForm,
  DEFAULT_CUSTOM_FORM,
  FIELD_LABEL,
  type FormErrors,
  type FormField,
  presetToForm,
  validateCustomPreset,
} from './custom-preset';
import { useAction, useDB } from './db';
import { Field } from './Field';
import { ErrorNote, OkNote } from './Notice';
import { SEVERITY_OPTIONS } from './presets-view';

const BASES = PRESET_IDS.filter((id) => id !== 'custom');

/** Editor of «Свой профиль»: every field of a preset, validated with zod, Russian messages next to each field. */
export function CustomPresetEditor({
  initial,
  isDefault,
  onMakeDefault,
}: {
  initial: CustomPresetForm;
  isDefault: boolean;
  onMakeDefault: () => void;
}) {
  const db = useDB();
  const action = useAction();
  const [form, setForm] = useState<CustomPresetForm>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [base, setBase] = useState<string>(BASES[0] ?? 'valuyki');

  const set = <K extends keyof CustomPresetForm>(key: K, value: CustomPresetForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(null);
    if (errors[key as FormField]) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const setClause = (key: keyof CustomPresetForm['clauses'], value: string) => {
    setForm((f) => ({ ...f, clauses: { ...f.clauses, [key]: value } }));
    setSaved(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateCustomPreset(form);
    if ('errors' in result) {
      setErrors(result.errors);
      setSaved(null);
      return;
    }
    setErrors({});
    const ok = await action.run(() => setSetting(db, 'customPreset', result.preset));
    if (ok) setSaved('Свой профиль сохранён.');
  };

  const reset = async () => {
    const ok = await action.run(async () => {
      await resetSetting(db, 'customPreset');
      return true;
    });
    if (ok) {
      setForm(DEFAULT_CUSTOM_FORM());
      setErrors({});
      setSaved('Свой профиль сброшен к значениям по умолчанию.');
    }
  };

  const fillFrom = () => {
    const p = PRESETS[base as keyof typeof PRESETS];
    if (!p) return;
    setForm(presetToForm(p, { name: `Свой профиль (на основе: ${p.name})` }));
    setErrors({});
    setSaved(`Поля заполнены по регламенту «${p.name}». Измените нужное и сохраните.`);
  };

  const errorList = (Object.entries(errors) as [FormField, string | undefined][]).filter(([, m]) => m);

  const numberField = (key: Exclude<FormField, `clauses.${string}`>, step = '1', hint?: string) => (
    <Field label={FIELD_LABEL[key]} error={errors[key]} hint={hint}>
      {(p) => (
        <input
          {...p}
          type="number"
          inputMode="decimal"
          step={step}
          min={0}
          className="opt-input-number"
          value={form[key] as string}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );
  const severityField = (key: 'kantselyaritSeverity' | 'pressReleaseSeverity') => (
    <Field label={FIELD_LABEL[key]} error={errors[key]}>
      {(p) => (
        <select {...p} value={form[key]} onChange={(e) => set(key, e.target.value as Severity)}>
          {SEVERITY_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form
      className="opt-subcard"
      onSubmit={submit}
      noValidate
      aria-label="Свой профиль"
      data-testid="custom-preset-form"
    >
      <h3>Свой профиль</h3>
      <p className="muted small">
        Если вашего регламента нет в списке, задайте значения сами. Их можно взять за основу из похожего регламента.
      </p>
      <div className="opt-row">
        <label className="opt-inline">
          <span>Взять за основу</span>
          <select value={base} onChange={(e) => setBase(e.target.value)}>
            {BASES.map((id) => (
              <option key={id} value={id}>
                {PRESETS[id].name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={fillFrom}>
          Заполнить
        </button>
      </div>
      {errorList.length > 0 && (
        <p className="opt-note opt-note-error" role="alert">
          Проверьте поля: {errorList.map(([k]) => FIELD_LABEL[k]).join('; ')}.
        </p>
      )}
      <div className="opt-grid">
        <Field label={FIELD_LABEL.name} error={errors.name}>
          {(p) => <input {...p} type="text" value={form.name} onChange={(e) => set('name', e.target.value)} />}
        </Field>
        <Field label={FIELD_LABEL.municipality} error={errors.municipality}>
          {(p) => (
            <input {...p} type="text" value={form.municipality} onChange={(e) => set('municipality', e.target.value)} />
          )}
        </Field>
        {numberField('weeklyQuota')}
        {numberField('citationLimit')}
        {numberField('replyDeadlineHours', 'any')}
        {numberField('urgentReplyDeadlineHours', 'any')}
        {numberField('finalReplyWorkingDays')}
        {severityField('kantselyaritSeverity')}
        {severityField('pressReleaseSeverity')}
      </div>
      <label className="opt-check">
        <input
          type="checkbox"
          checked={form.greetingRequired}
          onChange={(e) => set('greetingRequired', e.target.checked)}
        />
        <span>{FIELD_LABEL.greetingRequired}</span>
      </label>
      <details className="opt-details">
        <summary>Пункты вашего регламента (необязательно)</summary>
        <p className="muted small">
          Например: «Порядок п. 2.1: не менее 8 публикаций в неделю». Пункт виден в описании профиля; если пункт о
          ссылках на НПА указан, превышение отмечается как ошибка, а не замечание.
        </p>
        <div className="opt-grid">
          {CLAUSE_FIELDS.map(([k, label]) => (
            <Field key={k} label={label} error={errors[`clauses.${k}`]}>
              {(p) => (
                <input {...p} type="text" value={form.clauses[k]} onChange={(e) => setClause(k, e.target.value)} />
              )}
            </Field>
          ))}
        </div>
      </details>
      <div className="opt-actions">
        <button type="submit" className="opt-primary" disabled={action.busy}>
          Сохранить свой профиль
        </button>
        <button type="button" onClick={reset} disabled={action.busy}>
          Сбросить к значениям по умолчанию
        </button>
      </div>
      <ErrorNote message={action.error} />
      {saved && (
        <OkNote>
          {saved}
          {!isDefault && saved.startsWith('Свой профиль сохранён') && (
            <>
              {' '}
              <button type="button" className="opt-link" onClick={onMakeDefault}>
                Сделать регламентом по умолчанию
              </button>
            </>
          )}
        </OkNote>
      )}
    </form>
  );
}
