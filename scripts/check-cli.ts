// `npm run check -- [--mode post|reply|message] [--preset ID] [--format text|json] [--author NAME] [FILE]`
// `npm run check -- --jsonl FILE` — one JSON object per line in, one result per line out.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { type CheckResult, check, type Finding } from '../lib/checks/index.ts';
import { DEFAULT_PRESET_ID, PRESETS } from '../lib/checks/presets.ts';
import { loadNodeSpeller } from '../lib/checks/spelling-node.ts';
import type { Mode } from '../lib/checks/types.ts';

const USAGE = `Использование:
  npm run check -- [--mode post|reply|message] [--preset ${Object.keys(PRESETS).join('|')}]
                   [--format text|json] [--author ИМЯ] [--suggest] [ФАЙЛ]
  npm run check -- --jsonl ФАЙЛ       (строки {"id", "text", "mode"?, "author"?})
Без ФАЙЛА текст читается со стандартного ввода (UTF-8).`;

function die(msg: string): never {
  process.stderr.write(`${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'post' },
      preset: { type: 'string', default: DEFAULT_PRESET_ID },
      format: { type: 'string', default: 'text' },
      author: { type: 'string' },
      jsonl: { type: 'string' },
      suggest: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  args = parse();
} catch (e) {
  die(`Ошибка в аргументах: ${(e as Error).message}`);
}
const { values, positionals } = args;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const MODES = ['post', 'reply', 'message'];
if (!MODES.includes(values.mode!)) die(`Неизвестный режим «${values.mode}»: нужен post, reply или message.`);
if (!(values.preset! in PRESETS)) die(`Неизвестный пресет «${values.preset}».`);
if (!['text', 'json'].includes(values.format!)) die(`Неизвестный формат «${values.format}»: нужен text или json.`);
if (positionals.length > 1) die('Укажите не больше одного файла.');

function readInput(file: string | undefined): string {
  try {
    const buf = file && file !== '-' ? fs.readFileSync(file) : fs.readFileSync(0);
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') die(`Файл не найден: ${file}`);
    if (err instanceof TypeError) die(`Файл ${file ?? '(stdin)'} не в кодировке UTF-8.`);
    die(`Не удалось прочитать ${file ?? 'стандартный ввод'}: ${err.message}`);
  }
}

const LABEL: Record<Finding['category'], string> = {
  spelling: 'орфография',
  style: 'стиль',
  tone: 'тон',
  citations: 'ссылки на НПА',
  greeting: 'приветствие',
  punctuation: 'пунктуация',
};
const SEV: Record<Finding['severity'], string> = { error: 'ошибка', warning: 'замечание', hint: 'совет' };

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      last = i;
    }
  }
  return `${line}:${offset - last}`;
}

function report(text: string, r: CheckResult): string {
  const out: string[] = [];
  for (const f of r.findings) {
    const words = text.slice(f.start, f.end).replace(/\s+/g, ' ');
    const fix = f.suggestions.length
      ? ` → ${f.suggestions
          .slice(0, 3)
          .map((s) => `«${s}»`)
          .join(', ')}`
      : '';
    out.push(`${lineCol(text, f.start)}\t${SEV[f.severity]}, ${LABEL[f.category]}: «${words}» — ${f.message}${fix}`);
  }
  const s = r.summary;
  out.push('');
  out.push(`Оценка: ${s.score.toFixed(1)} из 10`);
  out.push(
    `Тон: ${s.tone.verdict === 'press-release' ? 'похоже на пресс-релиз' : s.tone.verdict === 'mixed' ? 'местами как пресс-релиз' : 'разговорный'} (${Math.round(s.tone.pressRelease * 100)} %)${s.tone.reasons.length ? `: ${s.tone.reasons.map((r) => r.replace(/\.$/, '')).join('; ')}` : ''}`,
  );
  out.push(`Ссылок на НПА: ${s.citations.count} из ${s.citations.limit}`);
  if (s.greeting.required) out.push(`Приветствие: ${s.greeting.present ? 'есть' : 'нет'}`);
  out.push(
    `Замечаний: ${r.findings.length} (${
      Object.entries(s.counts)
        .filter(([, n]) => n > 0)
        .map(([c, n]) => `${LABEL[c as Finding['category']]} ${n}`)
        .join(', ') || 'нет'
    })`,
  );
  return out.join('\n');
}

const speller = await loadNodeSpeller();

if (values.jsonl !== undefined) {
  const lines = readInput(values.jsonl).split('\n');
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let row: { id?: unknown; text?: unknown; mode?: unknown; author?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      die(`Строка ${i + 1}: не JSON.`);
    }
    if (typeof row.text !== 'string') die(`Строка ${i + 1}: нет поля "text".`);
    const mode = typeof row.mode === 'string' && MODES.includes(row.mode) ? (row.mode as Mode) : (values.mode as Mode);
    const author = typeof row.author === 'string' ? row.author : values.author;
    const r = check(
      row.text,
      {
        mode,
        preset: values.preset as never,
        replyTo: author ? { authorName: author } : undefined,
        suggest: values.suggest,
      },
      speller,
    );
    out.push(JSON.stringify({ id: row.id ?? i + 1, ...r }));
  }
  process.stdout.write(`${out.join('\n')}\n`);
} else {
  const text = readInput(positionals[0]);
  const r = check(
    text,
    {
      mode: values.mode as Mode,
      preset: values.preset as never,
      replyTo: values.author ? { authorName: values.author } : undefined,
      suggest: values.format === 'text' || values.suggest,
    },
    speller,
  );
  process.stdout.write(`${values.format === 'json' ? JSON.stringify(r, null, 2) : report(text, r)}\n`);
}
