import MiniSearch from 'minisearch';
import type { Template } from '../store/schema';

/**
 * Search over reply templates: title, text and tags, prefix + fuzzy, Russian-friendly
 * (lower case, `ё` = `е`). Results come by relevance, then the most used (useCount, lastUsed).
 * An empty query lists everything, most used first.
 *
 * React: build the index once per list — `const index = useMemo(() => createTemplateSearch(list), [list])`
 * — and call `index.search(query)` on every keystroke.
 */

/** The fields search needs; any Template (saved or not) fits. */
export type SearchableTemplate = Pick<Template, 'title' | 'text' | 'tags' | 'useCount' | 'lastUsed' | 'category'>;

export interface TemplateSearchOptions {
  /** Only templates of this category. */
  category?: Template['category'];
  /** At most this many results. */
  limit?: number;
}

export interface TemplateSearch<T extends SearchableTemplate> {
  search(query: string, options?: TemplateSearchOptions): T[];
}

/** Lower case, `ё` → `е`. Also used for queries. */
export function normalizeSearchText(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

/** Relevance steps: scores within 5 % of each other count as equal, then usage decides. */
const RELEVANCE_STEPS = 20;

/** Most used first: useCount, then the latest use, then title. */
export function compareByUsage(a: SearchableTemplate, b: SearchableTemplate): number {
  if (b.useCount !== a.useCount) return b.useCount - a.useCount;
  const la = a.lastUsed ?? -1;
  const lb = b.lastUsed ?? -1;
  if (lb !== la) return lb - la;
  return a.title.localeCompare(b.title, 'ru');
}

export function createTemplateSearch<T extends SearchableTemplate>(templates: readonly T[]): TemplateSearch<T> {
  const list = templates.slice();
  const mini = new MiniSearch<{ i: number; title: string; text: string; tags: string }>({
    idField: 'i',
    fields: ['title', 'text', 'tags'],
    // braces of {variables} and punctuation split words; hyphenated words are indexed whole and in parts
    tokenize: (text) => {
      const words = text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
      const out: string[] = [];
      for (const w of words) {
        const trimmed = w.replace(/^-+|-+$/g, '');
        if (!trimmed) continue;
        out.push(trimmed);
        if (trimmed.includes('-')) out.push(...trimmed.split('-').filter(Boolean));
      }
      return out;
    },
    processTerm: (term) => normalizeSearchText(term),
    searchOptions: {
      boost: { title: 3, tags: 2, text: 1 },
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      maxFuzzy: 2,
    },
  });
  mini.addAll(list.map((t, i) => ({ i, title: t.title, text: t.text, tags: t.tags.join(' ') })));

  const byUsage = (category?: Template['category']) =>
    list.filter((t) => !category || t.category === category).sort(compareByUsage);

  return {
    search(query: string, options: TemplateSearchOptions = {}): T[] {
      const { category, limit } = options;
      const q = query.trim();
      let result: T[];
      if (!q) {
        result = byUsage(category);
      } else {
        const filter = category ? (r: { id: unknown }) => list[r.id as number]?.category === category : undefined;
        let hits = mini.search(q, { combineWith: 'AND', filter });
        if (hits.length === 0) hits = mini.search(q, { combineWith: 'OR', filter });
        const top = hits[0]?.score ?? 0;
        result = hits
          .map((h) => ({ t: list[h.id as number]!, step: top > 0 ? Math.round((h.score / top) * RELEVANCE_STEPS) : 0 }))
          .sort((a, b) => b.step - a.step || compareByUsage(a.t, b.t))
          .map((x) => x.t);
      }
      return limit !== undefined ? result.slice(0, Math.max(0, limit)) : result;
    },
  };
}

/** One-off search (builds the index each call; fine for a few hundred templates). */
export function searchTemplates<T extends SearchableTemplate>(
  templates: readonly T[],
  query: string,
  options?: TemplateSearchOptions,
): T[] {
  return createTemplateSearch(templates).search(query, options);
}
