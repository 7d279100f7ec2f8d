import type { z } from 'zod';

/**
 * Errors of the storage layer. `message` is one plain Russian sentence that the UI may show as is;
 * `code` is for code that needs to branch.
 */
export type StoreErrorCode =
  | 'invalid-input'
  | 'invalid-setting'
  | 'invalid-word'
  | 'duplicate-page'
  | 'page-not-found'
  | 'storage-full'
  | 'storage-failed';

/** An error with a machine-readable `code` and a Russian `message` that can be shown as is. */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class StoreError extends CodedError<StoreErrorCode> {
  override name = 'StoreError';
}

/** `['data', 'pages', 2, 'name']` → `pages[2].name` (with `dropPrefix: ['data']`; never drops the last part). */
export function formatPath(path: readonly PropertyKey[], dropPrefix: readonly string[] = []): string {
  const parts = [...path];
  for (const p of dropPrefix) {
    if (parts[0] === p && parts.length > 1) parts.shift();
    else break;
  }
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return { found: false, value: undefined };
    if (!Object.hasOwn(cur, key as PropertyKey)) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  return { found: true, value: cur };
}

const EXPECTED: Record<string, string> = {
  string: 'ожидался текст',
  number: 'ожидалось число',
  int: 'ожидалось целое число',
  boolean: 'ожидалось true или false',
  array: 'ожидался список',
  object: 'ожидался объект',
  record: 'ожидался объект',
  null: 'ожидалось null',
  bigint: 'ожидалось число',
};

/** What is wrong with one zod issue, in Russian, without the path: «ожидался текст». */
export function describeIssue(issue: z.core.$ZodIssue, root?: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (root !== undefined && !valueAt(root, issue.path).found) return 'поле отсутствует';
      return EXPECTED[issue.expected] ?? `ожидался тип ${issue.expected}`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `слишком длинный текст (больше ${issue.maximum} символов)`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `слишком много элементов (больше ${issue.maximum})`;
      return `слишком большое значение (больше ${issue.maximum})`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'пустой текст' : `слишком короткий текст`;
      if (issue.origin === 'array' || issue.origin === 'set') return `слишком мало элементов`;
      return `слишком маленькое значение (меньше ${issue.minimum})`;
    case 'invalid_value':
      return `недопустимое значение, ожидалось одно из: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return 'неверный формат';
    case 'unrecognized_keys':
      return `лишние поля: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'значение не подходит ни под один вариант';
    case 'invalid_key':
      return 'недопустимый ключ';
    case 'not_multiple_of':
      return 'недопустимое значение';
    default:
      return issue.message || 'недопустимое значение';
  }
}

/** «pages[2].name — ожидался текст» for the first issue of a zod error. */
export function describeZodError(error: z.ZodError, root?: unknown, dropPrefix: readonly string[] = []): string {
  const issue = error.issues[0];
  if (!issue) return 'недопустимое значение';
  const where = formatPath(issue.path, dropPrefix);
  return where ? `${where} — ${describeIssue(issue, root)}` : describeIssue(issue, root);
}

function errorName(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'name' in e && typeof e.name === 'string' ? e.name : undefined;
}

/** True for IndexedDB quota errors, including Dexie's AbortError wrapping QuotaExceededError. */
export function isQuotaError(e: unknown): boolean {
  if (errorName(e) === 'QuotaExceededError') return true;
  const inner = e && typeof e === 'object' && 'inner' in e ? (e as { inner?: unknown }).inner : undefined;
  return inner !== undefined && inner !== e && isQuotaError(inner);
}

/** True for a unique-index collision (IndexedDB ConstraintError, as Dexie reports it). */
export function isConstraintError(e: unknown): boolean {
  if (errorName(e) === 'ConstraintError') return true;
  const inner = e && typeof e === 'object' && 'inner' in e ? (e as { inner?: unknown }).inner : undefined;
  return inner !== undefined && inner !== e && isConstraintError(inner);
}

/** Wraps an unknown IndexedDB/Dexie failure into a StoreError with a Russian message. */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  if (isQuotaError(e)) {
    return new StoreError(
      'storage-full',
      'Не хватает места для данных расширения: освободите место на диске или удалите старые записи.',
      { cause: e },
    );
  }
  return new StoreError('storage-failed', 'Не удалось сохранить данные расширения. Попробуйте ещё раз.', {
    cause: e,
  });
}
