import { BackupSection } from '@/components/options/BackupSection';
import { ChecksSection } from '@/components/options/ChecksSection';
import { DictionarySection } from '@/components/options/DictionarySection';
import { DBProvider } from '@/components/options/db';
import { PagesSection } from '@/components/options/PagesSection';
import { PresetSection } from '@/components/options/PresetSection';
import { Section } from '@/components/options/Section';
import { TimeSection } from '@/components/options/TimeSection';
import { type AppDB, getDB } from '@/lib/store/db';

export const SECTIONS = [
  { id: 'reglament', title: 'Регламент' },
  { id: 'pages', title: 'Официальные страницы' },
  { id: 'checks', title: 'Проверка' },
  { id: 'dictionary', title: 'Мой словарь' },
  { id: 'backup', title: 'Резервная копия' },
  { id: 'time', title: 'Часовой пояс' },
] as const;

export interface OptionsProps {
  /** The database to work with; tests pass their own `new AppDB(name)`. */
  db?: AppDB;
  /** `navigator.storage.persist()` wrapper, called once on load. */
  requestPersistent?: () => Promise<boolean>;
  /** Saves the backup file (default: Blob + object URL + `<a download>`). */
  download?: (fileName: string, text: string) => void;
}

/** The options page: one page of anchored sections. Talks to IndexedDB directly (extension origin). */
export function Options({ db, requestPersistent, download }: OptionsProps) {
  const database = db ?? getDB();
  return (
    <DBProvider db={database}>
      <div className="opt-layout">
        <header className="opt-header">
          <h1>Настройки — Помощник госпаблика</h1>
          <p className="muted">
            Расширение работает только в вашем браузере: тексты и данные никуда не отправляются. Изменения сохраняются
            сразу.
          </p>
        </header>
        <nav className="opt-nav" aria-label="Разделы настроек">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
            <li>
              {/* the reply-template library has its own page */}
              <a href="/templates.html" data-testid="options-templates-link">
                Шаблоны ответов →
              </a>
            </li>
          </ul>
        </nav>
        <main className="opt-main">
          <Section id="reglament" title="Регламент">
            <PresetSection />
          </Section>
          <Section id="pages" title="Официальные страницы">
            <PagesSection />
          </Section>
          <Section id="checks" title="Проверка">
            <ChecksSection />
          </Section>
          <Section id="dictionary" title="Мой словарь">
            <DictionarySection />
          </Section>
          <Section id="backup" title="Резервная копия">
            <BackupSection requestPersistent={requestPersistent} download={download} />
          </Section>
          <Section id="time" title="Часовой пояс">
            <TimeSection />
          </Section>
        </main>
      </div>
    </DBProvider>
  );
}
