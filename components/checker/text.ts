import type { Category, Finding, Summary } from '@/lib/checks/types';

export const CATEGORY_LABEL: Record<Category, string> = {
  spelling: 'Орфография',
  style: 'Стиль',
  tone: 'Тон',
  citations: 'Ссылки на НПА',
  greeting: 'Приветствие',
  punctuation: 'Пунктуация',
};

export const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  error: 'ошибка',
  warning: 'замечание',
  hint: 'совет',
};

/** Whole-text verdicts that have no single span, for the badge and the panel. */
export function verdicts(s: Summary, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  // the tone is reported only where the engine raised it (posts, not one-line replies)
  if (findings.some((f) => f.category === 'tone')) out.push('Похоже на пресс-релиз');
  if (s.citations.count > s.citations.limit) out.push(`Ссылок на НПА: ${s.citations.count} из ${s.citations.limit}`);
  if (s.greeting.required && !s.greeting.present) out.push('Нет приветствия');
  return out;
}

/** «3 замечания», «1 ошибка» — Russian plural forms. */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return `${n} ${one}`;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
}
