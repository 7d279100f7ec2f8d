import { type FormEvent, useId, useState } from 'react';
import type { Preset } from '@/lib/checks/types';
import type { Network } from '@/lib/store/schema';
import { NETWORK_LABEL } from '../labels';
import { Field } from './Field';
import { ErrorNote } from './Notice';
import {
  PAGE_FIELD_LABEL as L,
  NO_ID_HINT,
  type PageField,
  type PageFormErrors,
  type PageFormValues,
  parsePageAddress,
  validatePageForm,
} from './page-form';

/**
 * Add / edit form of an official page. The community id is read from the address as it is typed; on a
 * storage error the form keeps everything the user entered.
 */
export function PageForm({
  initial,
  presets,
  title,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: PageFormValues;
  presets: Preset[];
  /** Accessible name of the form: «Новая страница», «Изменить страницу «…»». */
  title: string;
  submitLabel: string;
  /** Stores the page; resolves to a Russian error message, or null on success. */
  onSave: (values: PageFormValues) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const [v, setV] = useState<PageFormValues>(initial);
  const [errors, setErrors] = useState<PageFormErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const responsibleId = useId();
  const parsed = parsePageAddress(v.address);

  const clear = (...keys: PageField[]) => {
    if (keys.some((k) => errors[k]))
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k as PageField))));
  };
  const set = (key: Exclude<keyof PageFormValues, 'responsible'>, value: string) => {
    setV((f) => ({ ...f, [key]: value }));
    clear(key);
  };
  const setResp = (key: keyof PageFormValues['responsible'], value: string) => {
    setV((f) => ({ ...f, responsible: { ...f.responsible, [key]: value } }));
    clear(`responsible.${key}`);
  };
  const setAddress = (value: string) => {
    const a = parsePageAddress(value);
    setV((f) => {
      if (a.kind === 'ok') return { ...f, address: value, network: a.network, communityId: a.communityId };
      if (a.kind === 'no-id') return { ...f, address: value, network: a.network };
      return { ...f, address: value };
    });
    clear('address', 'network', 'communityId');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaveError(null);
    const result = validatePageForm(v);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const error = await onSave(result.page);
      if (error) setSaveError(error);
    } finally {
      setBusy(false);
    }
  };

  const errorKeys = Object.keys(errors) as PageField[];
  const text = (
    key: Exclude<keyof PageFormValues, 'responsible' | 'network'>,
    props: { placeholder?: string; type?: string; autoComplete?: string } = {},
  ) => (
    <Field label={L[key]} error={errors[key]}>
      {(p) => (
        <input
          {...p}
          type={props.type ?? 'text'}
          placeholder={props.placeholder}
          autoComplete={props.autoComplete ?? 'off'}
          value={v[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );
  const resp = (
    key: keyof PageFormValues['responsible'],
    props: { type?: string; autoComplete?: string; placeholder?: string } = {},
  ) => (
    <Field label={L[`responsible.${key}`]} error={errors[`responsible.${key}`]}>
      {(p) => (
        <input
          {...p}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete ?? 'off'}
          placeholder={props.placeholder}
          value={v.responsible[key]}
          onChange={(e) => setResp(key, e.target.value)}
        />
      )}
    </Field>
  );

  let addressHint: string | undefined;
  if (parsed.kind === 'ok') addressHint = `${NETWORK_LABEL[parsed.network]}, сообщество ${parsed.communityId}`;
  else if (parsed.kind === 'no-id') addressHint = NO_ID_HINT;
  else if (parsed.kind === 'empty') addressHint = 'Например: vk.com/club123, vk.com/public123, ok.ru/group/555';

  return (
    <form className="opt-subcard" onSubmit={submit} noValidate aria-label={title} data-testid="page-form">
      {errorKeys.length > 0 && (
        <p className="opt-note opt-note-error" role="alert">
          Проверьте поля: {errorKeys.map((k) => L[k]).join('; ')}.
        </p>
      )}
      <div className="opt-grid">
        <Field label={L.address} error={errors.address} hint={addressHint} className="opt-span-2">
          {(p) => (
            <input
              {...p}
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://vk.com/club123"
              value={v.address}
              onChange={(e) => setAddress(e.target.value)}
            />
          )}
        </Field>
        <Field label={L.network} error={errors.network}>
          {(p) => (
            <select {...p} value={v.network} onChange={(e) => set('network', e.target.value as Network)}>
              <option value="vk">{NETWORK_LABEL.vk}</option>
              <option value="ok">{NETWORK_LABEL.ok}</option>
            </select>
          )}
        </Field>
        {text('communityId', { placeholder: '123' })}
        {text('name', { placeholder: 'Администрация города' })}
        <Field label={L.presetId} error={errors.presetId}>
          {(p) => (
            <select {...p} value={v.presetId} onChange={(e) => set('presetId', e.target.value)}>
              {!presets.some((x) => x.id === v.presetId) && <option value={v.presetId}>{v.presetId || '—'}</option>}
              {presets.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('organization', { placeholder: 'Администрация Валуйского городского округа' })}
        {text('phone', { type: 'tel' })}
        {text('site', { placeholder: 'https://admin-city.ru' })}
      </div>
      <fieldset className="opt-fieldset" aria-describedby={responsibleId}>
        <legend>Ответственный за страницу</legend>
        <p id={responsibleId} className="muted small">
          Для реестра официальных страниц: кто ведёт страницу и как с ним связаться.
        </p>
        <div className="opt-grid">
          {resp('name', { placeholder: 'Иванова Анна Сергеевна' })}
          {resp('post', { placeholder: 'Главный специалист' })}
          {resp('phone', { type: 'tel' })}
          {resp('email', { type: 'email', placeholder: 'smm@admin.ru' })}
        </div>
      </fieldset>
      <div className="opt-actions">
        <button type="submit" className="opt-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            Отмена
          </button>
        )}
      </div>
      <ErrorNote message={saveError} />
    </form>
  );
}
