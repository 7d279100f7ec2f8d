// Speller cost in Node: cold load (ms) and RSS delta, check() on a 2,000-character post (warm
// median), suggest() median/p95 over typical typos. Run: node --expose-gc --import tsx scripts/bench-spelling.ts
import { percentile, spellingContext } from '../lib/checks/eval-spelling';
import { loadNodeSpeller } from '../lib/checks/spelling-node';

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const speller = await loadNodeSpeller();
const loadMs = performance.now() - t0;
gc?.();
const rssDelta = (process.memoryUsage().rss - rss0) / 2 ** 20;

const para =
  'Уважаемые жители! Администрация Валуйского городского округа сообщает, что с 1 по 5 июля в связи с ' +
  'плановым ремонтом водовода будет отключено холодное водоснабжение на улицах Никольской, Степана Разина ' +
  'и в переулке Школьном. Подвоз воды организуют ресурсоснабжающие организации. Обьявление о графике ' +
  'подвоза опубликуем в соцсетях. Вопросы можно задать в МФЦ или на Госуслугах, учавствовать в опросе — ' +
  'по ссылке https://vk.com/valuyki. ';
let text = '';
while (text.length < 2000) text += para;
text = text.slice(0, 2000);
const cold = performance.now();
speller.check(spellingContext(text));
const coldCheckMs = performance.now() - cold;
const checkMs: number[] = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  speller.check(spellingContext(text));
  checkMs.push(performance.now() - t);
}
const typos =
  'приемущество учавствовать обьявление агенство колектив оффициальный тимпература ремнот информацыя подьезд ' +
  'неоходимо Уважамые администрацыя расписанеи электроэнергя водоснабженние благоустроиство отопительый ' +
  'жителй граждан поздравлям мероприятя празднование учереждение';
const sugMs: number[] = [];
for (const w of typos.split(/\s+/)) {
  const t = performance.now();
  speller.suggest(w);
  sugMs.push(performance.now() - t);
}
console.log(
  JSON.stringify({
    loadMs: Math.round(loadMs),
    rssDeltaMB: Math.round(rssDelta * 10) / 10,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    check2000: { coldMs: +coldCheckMs.toFixed(2), warmMedianMs: +percentile(checkMs, 50).toFixed(3) },
    suggest: { n: sugMs.length, medianMs: +percentile(sugMs, 50).toFixed(1), p95Ms: +percentile(sugMs, 95).toFixed(1) },
  }),
);
speller.dispose();
