import { describe, expect, it } from 'vitest';
import { getPreset } from './presets';
import { checkPunctuation } from './punctuation';
import type { Finding, RuleContext } from './types';

const PRESET = getPreset('custom');

function ctx(text: string, extra: Partial<RuleContext> = {}): RuleContext {
  return { text, mode: 'post', preset: PRESET, userWords: new Set(), ...extra };
}

function check(text: string, extra: Partial<RuleContext> = {}): Finding[] {
  return checkPunctuation(ctx(text, extra));
}

/** [rule, exact span text, suggestions] for each finding. */
function spans(text: string, extra: Partial<RuleContext> = {}): [string, string, string[]][] {
  return check(text, extra).map((f) => [f.rule, text.slice(f.start, f.end), f.suggestions]);
}

function only(text: string, rule: string): [string, string[]][] {
  return spans(text)
    .filter(([r]) => r === rule)
    .map(([, s, sg]) => [s, sg]);
}

describe('spacing around punctuation', () => {
  it('flags spaces before ! and , in a municipal notice', () => {
    const text = 'Уважаемые жители ! Завтра , 12 мая , отключат воду.';
    expect(spans(text)).toEqual([
      ['punct.space-before-mark', ' !', ['!']],
      ['punct.space-before-comma', ' ,', [',']],
      ['punct.space-before-comma', ' ,', [',']],
    ]);
    for (const f of check(text)) {
      expect(f.category).toBe('punctuation');
      expect(f.message).toMatch(/^[А-ЯЁ].*\.$/);
    }
  });

  it('flags a missing space after a full stop and a comma', () => {
    expect(spans('Спасибо за вопрос.мы уже передали его специалистам.')).toEqual([
      ['punct.space-after', '.мы', ['. Мы', '. мы']],
    ]);
    expect(only('Привезли песок,щебень и доски.', 'punct.space-after')).toEqual([[',щебень', [', щебень']]]);
  });

  it('leaves numbers, times, ellipses and ?! alone', () => {
    expect(check('Температура 12.8 градуса, осадки 2,5 мм, начало в 9:00.')).toEqual([]);
    expect(check('Неужели?! Ждём вас... Приходите!')).toEqual([]);
    expect(check('Как вы… как вы смеете!..')).toEqual([]);
  });

  it('flags double spaces', () => {
    expect(spans('Приём  граждан по вторникам.')).toEqual([['punct.double-space', '  ', [' ']]]);
  });

  it('flags repeated and mixed marks', () => {
    expect(only('Ура, каток открыт!!!', 'punct.repeated-marks')).toEqual([['!!!', ['!']]]);
    expect(only('Вы серьёзно?!!', 'punct.mark-combination')).toEqual([['?!!', ['?!']]]);
    expect(only('Вы серьёзно!?', 'punct.mark-combination')).toEqual([['!?', ['?!']]]);
    expect(only('Это пример..', 'punct.double-period')).toEqual([['..', ['.', '…']]]);
    expect(only('Вероятно,, мы пойдём.', 'punct.double-comma')).toEqual([[',,', [',']]]);
  });
});

describe('skipped text: URLs, e-mails, mentions, hashtags, emoji', () => {
  it('does not look inside links and addresses', () => {
    const text =
      'Подробности на https://valuyki.ru/news?id=1,2,3 и на валуйки.рф/vopros,ответы. Пишите: admin@valuyki.ru.';
    expect(check(text)).toEqual([]);
  });

  it('does not look inside VK mentions and hashtags', () => {
    expect(check('[id123|анна петрова], спасибо за вопрос! #Валуйки #ЖКХ_ВАЛУЙКИ 🔥🔥')).toEqual([]);
    expect(check('Ответ подготовил @club123 (Отдел ЖКХ , тел. 2-00-00).')).toEqual([]);
  });

  it('still checks the text around them', () => {
    const text = 'Спасибо [id1|Анне] , всё исправили.';
    expect(spans(text)).toEqual([['punct.space-before-comma', ' ,', [',']]]);
  });
});

describe('dashes and hyphens', () => {
  it('turns a hyphen between words into a dash', () => {
    expect(spans('Работа МФЦ - с 8:00 до 20:00.')).toEqual([['typo.dash', '-', ['—']]]);
    expect(only('Ходить по льду опасно -- он тонкий.', 'typo.dash')).toEqual([['--', ['—']]]);
  });

  it('suggests an en dash in number ranges', () => {
    expect(only('Режим работы: 9-18, обед 13:00-14:00.', 'typo.range-dash')).toEqual([
      ['9-18', ['9–18']],
      ['13:00-14:00', ['13:00–14:00']],
    ]);
  });

  it('does not touch hyphenated words, phone numbers and list bullets', () => {
    expect(check('Кто-то из-за дождя не пришёл, позвоните по номеру 8-800-100-10-10.\n- паспорт;\n- СНИЛС.')).toEqual(
      [],
    );
  });

  it('fixes spaces around a hyphen inside a word and around a dash', () => {
    expect(only('Кое -кто оставил мусор.', 'typo.hyphen-spacing')).toEqual([['Кое -кто', ['Кое-кто']]]);
    expect(only('Наш город— это люди.', 'typo.dash-spacing')).toEqual([['—', [' —']]]);
  });
});

describe('quotes and brackets', () => {
  it('hints «ёлочки» instead of straight quotes', () => {
    const f = check('Ждём всех в Доме культуры "Юбилейный".');
    expect(f.map((x) => [x.rule, x.severity, x.suggestions])).toEqual([['typo.quotes', 'hint', ['«Юбилейный»']]]);
  });

  it('flags unpaired brackets and quotes', () => {
    expect(only('Приём ведётся по вторникам (кроме праздников.', 'punct.unpaired-bracket')).toEqual([
      ['(кроме праздников', ['(кроме праздников)']],
    ]);
    expect(only('Конкурс «Лучший двор продлится до конца лета.', 'punct.unpaired-quote')).toEqual([
      ['«Лучший двор продлится до конца лета', ['«Лучший двор продлится до конца лета»']],
    ]);
  });

  it('accepts nested quotes with a merged closing mark, smileys and list markers', () => {
    expect(check('Подрядчик — ООО «Компания «Дорстрой».')).toEqual([]);
    expect(check('Ждём всех на празднике :)')).toEqual([]);
    expect(check('Возьмите: 1) паспорт; 2) СНИЛС.')).toEqual([]);
  });

  it('moves a comma out of the quotes', () => {
    expect(only('Газета «Правда,» вышла вчера.', 'punct.quote-order')).toEqual([[',»', ['»,']]]);
  });
});

describe('casing', () => {
  it('flags a lower-case sentence start and text start', () => {
    expect(spans('Вода будет завтра. приходите за водой.')).toEqual([
      ['case.sentence-start', 'приходите', ['Приходите']],
    ]);
    expect(spans('завтра отключат воду.')).toEqual([['case.sentence-start', 'завтра', ['Завтра']]]);
  });

  it('does not treat abbreviations as sentence ends', () => {
    expect(check('Приём до 18 ч. в субботу, в т. ч. в праздники, на ул. Ленина, д. 5.')).toEqual([]);
    expect(check('Пришли 20 чел. из соседних сёл.')).toEqual([]);
  });

  it('flags CAPS LOCK words but not abbreviations', () => {
    expect(spans('ВНИМАНИЕ! Завтра отключат воду.')).toEqual([['typo.caps', 'ВНИМАНИЕ', ['Внимание']]]);
    expect(check('Обратитесь в МФЦ, ГИБДД или МБДОУ, штраф по КоАП РФ.')).toEqual([]);
    expect(only('Завтра ОТКЛЮЧЕНИЕ ВОДЫ на Мира.', 'typo.caps')).toEqual([['ОТКЛЮЧЕНИЕ ВОДЫ', ['отключение воды']]]);
  });

  it('capitalises names', () => {
    expect(only('Ответственный — иван иванович Петров.', 'case.name')).toEqual([
      ['иван', ['Иван']],
      ['иванович', ['Иванович']],
    ]);
  });
});

describe('numbers and signs', () => {
  it('hints a space before %', () => {
    expect(spans('Скидка составит 10 %.')).toEqual([['typo.percent-space', ' %', ['%']]]);
  });

  it('flags a number glued to a unit', () => {
    expect(only('Расстояние 5км, время в пути 10мин.', 'typo.unit-space')).toEqual([
      ['5км', ['5 км']],
      ['10мин', ['10 мин']],
    ]);
    expect(only('Это было в 2022г. летом.', 'typo.unit-space')).toEqual([['2022г', ['2022 г']]]);
  });

  it('fixes ordinal endings and compound numerals', () => {
    expect(only('На 2-ой неделе откроется 3-х этажная парковка.', 'typo.ordinal')).toEqual([['2-ой', ['2-й']]]);
    expect(only('На 2-ой неделе откроется 3-х этажная парковка.', 'typo.compound-number')).toEqual([
      ['3-х этажная', ['3-этажная']],
    ]);
    expect(only('Выплаты придут к 6му июня.', 'typo.ordinal')).toEqual([['6му', ['6-му']]]);
  });

  it('spaces «т.е.», initials and «№»', () => {
    expect(only('Ремонт закончат в июле, т.е. через месяц.', 'typo.abbr-space')).toEqual([['т.е.', ['т. е.']]]);
    expect(only('Глава округа А.И.Дыбов.', 'typo.abbr-space')).toEqual([['А.И.', ['А. И. ']]]);
    expect(only('Автобус №5 пойдёт в объезд.', 'typo.number-sign')).toEqual([['№5', ['№ 5']]]);
    expect(only('Стоимость 10 тыс рублей.', 'typo.abbr-dot')).toEqual([['тыс', ['тыс.']]]);
  });
});

describe('doubled words', () => {
  it('flags a repeated word', () => {
    expect(spans('Приходите в в парк.')).toEqual([['punct.double-word', 'в в', ['в']]]);
    expect(only('Мы скоро закончим, и и всё заработает.', 'punct.double-word')).toEqual([['и и', ['и']]]);
  });

  it('keeps interjections and suggests a hyphen for reduplication', () => {
    expect(check('Так так, посмотрим. Да да, всё верно.')).toEqual([]);
    expect(only('Осталось чуть чуть.', 'punct.double-word')).toEqual([['чуть чуть', ['чуть-чуть']]]);
  });
});

describe('commas', () => {
  it('before «а», «но», «чтобы», «который», «где»', () => {
    expect(only('Вода будет но только после обеда.', 'punct.comma-conj')).toEqual([['будет но', ['будет, но']]]);
    expect(only('Здесь будет не парковка а сквер.', 'punct.comma-conj')).toEqual([['парковка а', ['парковка, а']]]);
    expect(only('Приходите в парк чтобы посмотреть салют.', 'punct.comma-subord')).toEqual([
      ['парк чтобы', ['парк, чтобы']],
    ]);
    expect(only('Мы ремонтируем дорогу которая ведёт к школе.', 'punct.comma-kotoryj')).toEqual([
      ['дорогу которая', ['дорогу, которая']],
    ]);
    expect(only('Это двор в котором будет площадка.', 'punct.comma-kotoryj')).toEqual([
      ['двор в котором', ['двор, в котором']],
    ]);
    expect(only('Дорога ведёт в сквер где будет концерт.', 'punct.comma-subord')).toEqual([
      ['сквер где', ['сквер, где']],
    ]);
  });

  it('after verbs of saying and knowing', () => {
    expect(only('Напоминаем что с 1 июня начинается купальный сезон.', 'punct.comma-explain')).toEqual([
      ['Напоминаем что', ['Напоминаем, что']],
    ]);
    expect(only('Узнайте как подать заявление на субсидию.', 'punct.comma-explain')).toEqual([
      ['Узнайте как', ['Узнайте, как']],
    ]);
    expect(only('Благодарим за то что вы с нами.', 'punct.comma-to-chto')).toEqual([['то что', ['то, что']]]);
  });

  it('around parenthetical words', () => {
    expect(only('К сожалению мы не можем ответить.', 'punct.parenthetical')).toEqual([
      ['К сожалению', ['К сожалению,']],
    ]);
    expect(only('Мы конечно проверим эту информацию.', 'punct.parenthetical')).toEqual([
      ['Мы конечно', ['Мы, конечно,']],
    ]);
    expect(only('Работы, например на Садовой уже идут.', 'punct.parenthetical')).toEqual([]);
    expect(only('Пожалуйста не оставляйте мусор у подъезда.', 'punct.parenthetical')).toEqual([
      ['Пожалуйста', ['Пожалуйста,']],
    ]);
  });

  it('in complex conjunctions and pairs', () => {
    expect(only('Вода появится в пятницу так как повреждение серьёзное.', 'punct.comma-complex')).toEqual([
      ['пятницу так как', ['пятницу, так как', 'пятницу так, как']],
    ]);
    expect(only('После того, как снег растает, начнётся уборка.', 'punct.complex-conj-split')).toEqual([
      ['После того, как', ['После того как']],
    ]);
    expect(only('Если вы хотите помочь то приходите в штаб.', 'punct.comma-esli-to')).toEqual([
      ['помочь то', ['помочь, то']],
    ]);
    expect(only('Как взрослые так и дети смогут принять участие.', 'punct.comma-kak-tak-i')).toEqual([
      ['взрослые так и', ['взрослые, так и']],
    ]);
    expect(only('Весь день идёт либо снег либо дождь.', 'punct.comma-repeated-conj')).toEqual([
      ['снег либо', ['снег, либо']],
    ]);
  });

  it('removes commas that are not needed', () => {
    expect(only('В связи с этим, прошу соблюдать порядок.', 'punct.parenthetical-extra')).toEqual([
      ['В связи с этим,', ['В связи с этим']],
    ]);
    expect(only('Дождь лил, как из ведра.', 'punct.idiom-comparison')).toEqual([
      ['лил, как из ведра', ['лил как из ведра']],
    ]);
    expect(only('Он проснулся ни свет, ни заря.', 'punct.idiom-repeated')).toEqual([
      ['ни свет, ни заря', ['ни свет ни заря']],
    ]);
  });

  it('in addresses and greetings', () => {
    expect(only('Здравствуйте Анна! Спасибо за обращение.', 'punct.address')).toEqual([
      ['Здравствуйте Анна', ['Здравствуйте, Анна']],
    ]);
    expect(only('Уважаемые жители завтра отключат воду.', 'punct.address')).toEqual([
      ['жители завтра', ['жители, завтра', 'жители! Завтра']],
    ]);
    expect(only('Добрый день уважаемые жители!', 'punct.address')).toEqual([
      ['Добрый день уважаемые', ['Добрый день, уважаемые']],
    ]);
    expect(only('Зарина добрый день! Ответ будет позже.', 'punct.address')).toEqual([]);
    expect(spans('Зарина добрый день! Ответ будет позже.', { replyTo: { authorName: 'Зарина Ахмедова' } })).toEqual([
      ['punct.address', 'Зарина добрый', ['Зарина, добрый']],
    ]);
  });

  it('around participial phrases after the noun', () => {
    expect(only('Информация поступающая от жителей проверяется.', 'punct.comma-participle')).toEqual([
      ['Информация поступающая', ['Информация, поступающая']],
    ]);
  });
});

describe('misspelt phrases', () => {
  const cases: [string, string, string, string][] = [
    ['Ответим в течении недели.', 'phrase.v-techenii', 'в течении недели', 'в течение недели'],
    ['Не смотря на дождь, праздник состоялся.', 'phrase.nesmotrya', 'Не смотря на', 'Несмотря на'],
    ['В следствии аварии нет света.', 'phrase.vsledstvie', 'В следствии', 'Вследствие'],
    ['По приезду бригада начала работу.', 'phrase.po-priezde', 'По приезду', 'По приезде'],
    ['Одевайте маски в автобусе.', 'phrase.nadevat-nadevayte', 'Одевайте маски', 'Надевайте маски'],
    ['Выдадим новый полис в замен старого.', 'phrase.vzamen', 'в замен', 'взамен'],
    ['Построят навес на подобии беседки.', 'phrase.napodobie', 'на подобии', 'наподобие'],
    ['Расскажем в кратце о планах.', 'phrase.vkratce', 'в кратце', 'вкратце'],
    ['Отменили рейс по скольку нет водителя.', 'phrase.poskolku', 'по скольку', 'поскольку'],
    ['И так, итоги конкурса.', 'phrase.itak', 'И так', 'Итак'],
    ['Впринципе всё готово.', 'phrase.v-printsipe', 'Впринципе', 'В принципе'],
    ['Вообщем всё прошло хорошо.', 'phrase.v-obshchem', 'Вообщем', 'В общем'],
    ['Из за ремонта остановка перенесена.', 'phrase.iz-za', 'Из за', 'Из-за'],
    ['Кто то оставил мусор.', 'phrase.kto-to', 'Кто то', 'Кто-то'],
    ['Какой то водитель перекрыл проезд.', 'phrase.kakoy-to', 'Какой то', 'Какой-то'],
    ['Заполните заявление что бы получить выплату.', 'phrase.chtoby', 'что бы', 'чтобы'],
    ['Приходите сами, а так же берите детей.', 'phrase.takzhe', 'а так же', 'а также'],
    ['Согласно графика вывоз будет в среду.', 'phrase.soglasno-grafiku', 'Согласно графика', 'Согласно графику'],
    ['Это тоже самое.', 'phrase.to-zhe-samoe', 'тоже самое', 'то же самое'],
    ['Вывоз по окончанию работ.', 'phrase.po-okonchanii', 'по окончанию', 'по окончании'],
  ];
  for (const [text, rule, span, sugg] of cases) {
    it(`${rule}: «${span}»`, () => {
      const f = check(text).filter((x) => x.rule === rule);
      expect(f.map((x) => [text.slice(x.start, x.end), x.suggestions[0]])).toEqual([[span, sugg]]);
    });
  }

  it('is careful with ambiguous phrases', () => {
    expect(check('В течении реки много порогов.').map((f) => [f.rule, f.severity])).toEqual([
      ['phrase.v-techenii-hint', 'hint'],
    ]);
    expect(check('Делайте так же, как в прошлом году.')).toEqual([]);
    expect(check('Что бы вы хотели изменить в парке?')).toEqual([]);
    expect(check('Спасибо, мы ответим по вашему обращению.')).toEqual([]);
    expect(check('Объявление размещено на встрече с жителями.')).toEqual([]);
  });
});

const CLEAN = [
  'Уважаемые жители! Завтра, 12 мая, с 9:00 до 18:00 не будет холодной воды на улицах Ленина и Мира.',
  'Добрый день, Анна! Спасибо за обращение. Мы передали его в управление ЖКХ, ответ придёт в течение трёх рабочих дней.',
  'Здравствуйте, Сергей Петрович! Подскажите, пожалуйста, номер дома, чтобы мы могли уточнить информацию.',
  'Администрация Валуйского городского округа напоминает, что с 1 июня начинается купальный сезон.',
  'Купаться можно только в оборудованных местах, где дежурят спасатели.',
  'Если вы заметили нарушение, сообщите по телефону 8 (47236) 3-00-00 или в МФЦ.',
  'Ремонт дороги на улице Садовой завершат до конца июля, а тротуар — в августе.',
  'К сожалению, из-за дождя концерт переносится на субботу.',
  'Это не только красиво, но и безопасно: новые фонари светят ярче и потребляют меньше энергии.',
  'В связи с ремонтом теплотрассы горячей воды не будет до 15 мая.',
  'Дети, которые записались в летний лагерь, получат путёвки до 25 мая.',
  'Мы понимаем, как важно вовремя вывозить мусор, поэтому заключили новый договор с перевозчиком.',
  'Приходите на праздник всей семьёй: будут концерт, ярмарка и мастер-классы для детей.',
  'Напоминаем: за нарушение правил благоустройства предусмотрен штраф по статье 6.4 КоАП РФ.',
  'Во-первых, проверьте показания счётчика. Во-вторых, передайте их до 25-го числа.',
  'Работы проводит подрядчик, который выиграл аукцион в марте.',
  'Спасибо, что сообщили о проблеме! Бригада уже выехала.',
  'Как сообщили в управлении образования, в этом году в первый класс пойдут 540 детей.',
  'Вода появится не раньше пятницы, так как повреждение оказалось серьёзнее, чем ожидалось.',
  'Несмотря на непогоду, праздник состоялся.',
  'Анна, добрый день! Сроки ремонта пока не определены.',
  'Чтобы получить субсидию, нужно подать заявление до 1 сентября.',
  'Сбор назначен на 8:30 у здания администрации (ул. Ленина, д. 1).',
  'Это касается всех собственников, в том числе тех, кто сдаёт квартиры.',
  'Мы ждём, пока подрядчик устранит замечания.',
  'Пока идёт ремонт, пользуйтесь временной остановкой.',
  'Дорогие ветераны! Поздравляем вас с Днём Победы!',
  'Итак, голосование завершено: победил проект благоустройства набережной.',
  'Как правило, вывоз мусора проходит по графику, но из-за праздников возможны сдвиги.',
  'Мы, как и вы, хотим, чтобы во дворах было чисто.',
  'Режим работы МФЦ: пн–пт с 8:00 до 20:00, сб с 9:00 до 14:00.',
  'Подать заявление можно как лично, так и через портал Госуслуг.',
  'Ни дождь, ни ветер не помешали провести праздник.',
  'На встрече обсудили, где поставить новые фонари и когда начнут ремонт.',
  'Контакты штаба: [id123|Иван Петров], тел. 8-900-000-00-00, https://vk.com/club1.',
  'Площадь парка — 2,5 гектара, длина аллеи — 400 м.',
  'Скорее всего, работы завершат раньше срока.',
  'Конкурс «Лучший двор» продлится до конца лета.',
  'В этом году отремонтируют 12 км дорог, то есть в два раза больше, чем в прошлом.',
  'Перед тем как выйти на лёд, убедитесь, что он достаточно прочный.',
  'Для того чтобы подать заявку, нужна электронная подпись.',
  'Жильцы, проживающие в аварийных домах, получат новые квартиры.',
  'Температура воздуха опустится до −15 °C.',
  'Мы рады, что вы с нами! 🎉 Ждём вас снова #Валуйки',
  'Не знаю, когда откроют каток, но уточню у коллег.',
  'Где это находится?',
  'Ты где живёшь?',
  'Ответ будет не позднее чем через 30 дней.',
  'Это больше чем в два раза превышает норму.',
  'Пришли и взрослые, и дети, и пенсионеры.',
  'Ни свет ни заря приехали рабочие.',
  'Всё прошло так, как планировали.',
  'Так что ждём вас на празднике!',
  'При этом тариф не изменится.',
  'Тем не менее праздник состоялся.',
  'Приглашаем всех желающих на мастер-класс.',
  'Количество проживающих в доме — 120 человек.',
  'Семьи, в которых трое и более детей, получат выплату.',
  'Срок, в течение которого нужно подать документы, — 10 дней.',
  'Всё как всегда.',
  'Вполне вероятно, что работы завершат раньше.',
  'Очень кстати пришёлся этот грант.',
  'Некоторые услуги, например запись к врачу, доступны онлайн.',
  'Всегда пожалуйста!',
  'Спасибо Анне Петровне за помощь.',
  'Может быть применён штраф.',
  'Погода кажется тёплой.',
  'Анна снова победила в конкурсе.',
  'Иван готов помочь.',
  'Объявление действует до тех пор, пока не закончится набор.',
];

describe('clean texts', () => {
  it.each(CLEAN)('no findings: %s', (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws, returns valid spans and is deterministic on odd input', () => {
    const alphabet = [
      ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЖЗИЙКЛМНОПРСТУФЪЫЭЮЯabcXYZ0123456789',
      ...' \n\t\u00a0.,;:!?…-—–"«»„“()[]{}|@#*%№§°/\\\'',
      '\ud83d\udd25',
      '\ud83d',
      '\u200d',
      '\ufe0f',
      '\u0000',
      '[id1|',
      'https://',
      'котор',
      'как ',
      'чтобы ',
    ];
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let n = 0; n < 400; n++) {
      let s = '';
      const len = Math.floor(rnd() * 120);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const a = check(s);
      const b = check(s);
      expect(b).toEqual(a);
      for (const f of a) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeGreaterThan(f.start);
        expect(f.end).toBeLessThanOrEqual(s.length);
        expect(f.message.length).toBeGreaterThan(0);
      }
    }
    expect(check('')).toEqual([]);
    expect(checkPunctuation({ ...ctx(''), text: undefined as unknown as string })).toEqual([]);
  });

  it('stays linear on long runs of marks, spaces and quotes', () => {
    for (const unit of ['!', '.', ' ', '"', '(', '-', 'а ', 'слово.', '@a', '1']) {
      const text = unit.repeat(Math.ceil(40_000 / unit.length));
      const t0 = performance.now();
      check(text);
      expect(performance.now() - t0).toBeLessThan(1500);
    }
  });

  it('is fast: 2,000 and 16,000 characters', () => {
    const post = CLEAN.join(' ');
    let t2 = '';
    while (t2.length < 2000) t2 += `${post}\n\n`;
    t2 = t2.slice(0, 2000);
    let t16 = '';
    while (t16.length < 16000) t16 += `${post} Приходите в парк чтобы посмотреть салют!!! \n\n`;
    t16 = t16.slice(0, 16000);
    // V8 compiles regular expressions lazily: warm up before measuring
    for (let i = 0; i < 200; i++) check(t2);
    for (let i = 0; i < 10; i++) check(t16);
    let t0 = performance.now();
    for (let i = 0; i < 100; i++) check(t2);
    const per2 = (performance.now() - t0) / 100;
    t0 = performance.now();
    for (let i = 0; i < 20; i++) check(t16);
    const per16 = (performance.now() - t0) / 20;
    // measured ≈ 0.5 ms and ≈ 3 ms; the bounds leave room for a loaded CI machine
    expect(per2).toBeLessThan(5);
    expect(per16).toBeLessThan(40);
  });
});
