import { z } from 'zod';
import { pageContext } from '@/lib/sites/url';
import type { Network } from '@/lib/store/schema';

export type ParsedAddress =
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }
  | { kind: 'ok'; network: Network; communityId: string; address: string }
  /** A VK/OK address without a numeric id in it (a short name such as vk.com/adm_city). */
  | { kind: 'no-id'; network: Network; address: string };

export const NO_ID_HINT =
  'По этому адресу не видно номер сообщества. Введите ID вручную: это число из адреса vk.com/club123 или vk.com/public123 (раздел «Управление» сообщества), у Одноклассников — из ok.ru/group/555.';

/**
 * Reads a page address as the user typed it: `vk.com/club123`, `https://vk.ru/public123`,
 * `m.vk.com/wall-123_45`, `ok.ru/group/555/topics`… The stored address is https, without query and hash.
 */
export function parsePageAddress(input: string): ParsedAddress {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { kind: 'invalid', message: 'Это не похоже на адрес страницы. Пример: https://vk.com/club123' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { kind: 'invalid', message: 'Адрес должен начинаться с https://' };
  }
  url.protocol = 'https:';
  const ctx = pageContext(url);
  if (!ctx) {
    return {
      kind: 'invalid',
      message: 'Адрес должен вести во ВКонтакте (vk.com, vk.ru) или в Одноклассники (ok.ru).',
    };
  }
  const path = url.pathname.replace(/\/+$/, '');
  const address = `https://${ctx.host}${path}`;
  if (!ctx.communityId) return { kind: 'no-id', network: ctx.network, address };
  return { kind: 'ok', network: ctx.network, communityId: ctx.communityId, address };
}

/** A site address as typed → https URL, or null when it is not one. Empty stays empty. */
export function normalizeSite(input: string): string | null {
  const text = input.trim();
  if (!text) return '';
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const u = new URL(withScheme);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname.includes('.')) return null;
    return u.href;
  } catch {
    return null;
  }
}

/** An http(s) link for `href`, or null (an imported backup may hold anything in an address). */
export function safeHref(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export interface PageFormValues {
  network: Network;
  address: string;
  communityId: string;
  name: string;
  presetId: string;
  organization: string;
  phone: string;
  site: string;
  responsible: { name: string; post: string; phone: string; email: string };
}

export const EMPTY_PAGE_FORM = (presetId: string): PageFormValues => ({
  network: 'vk',
  address: '',
  communityId: '',
  name: '',
  presetId,
  organization: '',
  phone: '',
  site: '',
  responsible: { name: '', post: '', phone: '', email: '' },
});

export type PageField =
  | 'network'
  | 'address'
  | 'communityId'
  | 'name'
  | 'presetId'
  | 'organization'
  | 'phone'
  | 'site'
  | 'responsible.name'
  | 'responsible.post'
  | 'responsible.phone'
  | 'responsible.email';

export const PAGE_FIELD_LABEL: Record<PageField, string> = {
  network: 'Соцсеть',
  address: 'Адрес страницы',
  communityId: 'ID сообщества',
  name: 'Название',
  presetId: 'Регламент',
  organization: 'Организация',
  phone: 'Телефон организации',
  site: 'Сайт',
  'responsible.name': 'ФИО',
  'responsible.post': 'Должность',
  'responsible.phone': 'Телефон',
  'responsible.email': 'E-mail',
};

const phone = z
  .string()
  .trim()
  .max(100, 'Не длиннее 100 знаков')
  .refine((v) => v === '' || /\d/.test(v), 'Укажите номер цифрами, например +7 (47236) 3-00-00');

const formSchema = z.object({
  network: z.enum(['vk', 'ok'], { error: 'Выберите соцсеть' }),
  address: z
    .string()
    .trim()
    .min(1, 'Укажите адрес страницы, например https://vk.com/club123')
    .max(500, 'Слишком длинный адрес'),
  communityId: z
    .string()
    .trim()
    .min(1, 'Укажите ID сообщества')
    .regex(/^\d{1,20}$/, 'ID сообщества — это число, например 123 для vk.com/club123'),
  name: z.string().trim().min(1, 'Укажите название страницы').max(300, 'Не длиннее 300 знаков'),
  presetId: z.string().min(1, 'Выберите регламент').max(64),
  organization: z.string().trim().max(300, 'Не длиннее 300 знаков'),
  phone,
  site: z.string().trim().max(500, 'Слишком длинный адрес'),
  responsible: z.object({
    name: z.string().trim().max(200, 'Не длиннее 200 знаков'),
    post: z.string().trim().max(200, 'Не длиннее 200 знаков'),
    phone,
    email: z
      .string()
      .trim()
      .max(200, 'Не длиннее 200 знаков')
      .refine((v) => v === '' || z.email().safeParse(v).success, 'Проверьте e-mail, например smm@admin.ru'),
  }),
});

export type PageFormErrors = Partial<Record<PageField, string>>;

/** Checks the form and returns the values to store (address and site normalised), or Russian errors per field. */
export function validatePageForm(values: PageFormValues): { page: PageFormValues } | { errors: PageFormErrors } {
  const errors: PageFormErrors = {};
  const parsed = formSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.') as PageField;
      if (key in PAGE_FIELD_LABEL && !errors[key]) errors[key] = issue.message;
    }
  }
  const data = parsed.success ? parsed.data : values;
  let address = data.address.trim();
  if (!errors.address) {
    const a = parsePageAddress(address);
    if (a.kind === 'invalid') errors.address = a.message;
    else if (a.kind === 'ok' || a.kind === 'no-id') {
      address = a.address;
      if (a.network !== data.network) {
        errors.network = `Адрес ведёт ${a.network === 'vk' ? 'во ВКонтакте' : 'в Одноклассники'} — выберите эту соцсеть.`;
      }
      if (a.kind === 'ok' && !errors.communityId && a.communityId !== data.communityId.trim()) {
        errors.communityId = `По адресу ID сообщества — ${a.communityId}. Исправьте адрес или ID.`;
      }
    }
  }
  const site = normalizeSite(data.site);
  if (site === null && !errors.site) errors.site = 'Проверьте адрес сайта, например https://admin-city.ru';
  if (Object.keys(errors).length) return { errors };
  return { page: { ...(data as PageFormValues), address, site: site ?? '' } };
}
