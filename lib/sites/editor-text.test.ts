// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findEditable } from './dom';
import { editorText, rangeToTextOffsets, selectionTextOffsets, textModel, textOffsetsToRange } from './editor-text';

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<div id="ed" contenteditable="true">${html}</div>`;
  return document.getElementById('ed') as HTMLElement;
}

const SMILE = '<img class="emoji" alt="😀" src="data:,">';

describe('editorText', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['plain', 'Добрый день', 'Добрый день'],
    ['emoji alt', `Спасибо ${SMILE}!`, 'Спасибо 😀!'],
    ['br inside line', 'а<br>б', 'а\nб'],
    ['trailing br is a placeholder', 'а<br>', 'а'],
    ['shift+enter at end', 'а<br><br>', 'а\n'],
    ['lone placeholder', '<br>', ''],
    ['empty', '', ''],
    ['blocks', '<div>а</div><div>б</div>', 'а\nб'],
    ['first line as text, then blocks (Chrome)', 'а<div>б</div><div>в</div>', 'а\nб\nв'],
    ['empty line block', '<div>а</div><div><br></div><div>б</div>', 'а\n\nб'],
    ['leading empty line', '<div><br></div><div>а</div>', '\nа'],
    ['trailing empty line', '<p>а</p><p><br></p>', 'а\n'],
    ['br before block', 'а<br><div>б</div>', 'а\nб'],
    ['nested blocks', '<div><p>а</p><p>б</p></div><div>в</div>', 'а\nб\nв'],
    ['inline markup', '<b>Жир</b>ный <span>текст</span>', 'Жирный текст'],
    ['nbsp kept', 'а&nbsp;б', 'а\u00a0б'],
    ['hidden and script skipped', 'а<span hidden>x</span><script>1</script>б', 'аб'],
    ['emoji at line start', `<div>а</div><div>${SMILE} б</div>`, 'а\n😀 б'],
    ['formatting whitespace between blocks', '\n  <div>а</div>\n  <div>б</div>\n', 'а\nб'],
    ['empty block between', 'а<div></div>б', 'а\nб'],
    ['trailing empty div', 'а<div></div>', 'а'],
  ])('%s', (_name, html, want) => {
    expect(editorText(editor(html))).toBe(want);
  });

  it('pre-wrap editors keep typed line feeds (Chrome inserts "\\n" text there)', () => {
    document.body.innerHTML =
      '<div id="ed" contenteditable="true" style="white-space: pre-wrap">раз\nдва<div>три\n</div></div>';
    const el = document.getElementById('ed') as HTMLElement;
    expect(editorText(el)).toBe('раз\nдва\nтри\n');
    document.body.innerHTML = '<span id="ed" contenteditable="true" style="white-space: pre-wrap">\n</span>';
    expect(editorText(document.getElementById('ed') as HTMLElement)).toBe('\n');
  });

  it('normal white-space: a line feed inside text is a space, split text nodes keep it', () => {
    const el = editor('раз\nдва');
    expect(editorText(el)).toBe('раз два');
    el.append(document.createTextNode('\n'), document.createTextNode('три'));
    expect(editorText(el)).toBe('раз два три');
  });

  it('reads textarea value', () => {
    document.body.innerHTML = '<textarea id="t">строка 1\nстрока 2</textarea>';
    expect(editorText(document.getElementById('t') as HTMLElement)).toBe('строка 1\nстрока 2');
  });
});

describe('offsets ↔ Range', () => {
  const cases: [string, string][] = [
    ['plain', 'Уважаемая Анна, здравствуйте'],
    ['emoji', `Спасибо ${SMILE} за ${SMILE}${SMILE} вопрос`],
    ['lines', '<div>Первая</div><div><br></div><div>Третья <b>строка</b></div>'],
    ['br', `Раз<br>два ${SMILE}<br><br>`],
    ['split text nodes', '<span>Адми</span><span>нистрация</span> района'],
    ['empty lines', '<div><br></div><div>а</div><div><br></div><div><br></div><div>б</div>'],
    ['only a placeholder', '<br>'],
    ['text then blocks', `Раз<div>${SMILE}</div><div>три<br>четыре</div>`],
  ];

  it.each(cases)('round trip for every pair of offsets: %s', (_n, html) => {
    const el = editor(html);
    const m = textModel(el);
    const n = m.text.length;
    // offsets that split a surrogate pair or an emoji snap outward; compare with the snapped values
    const atoms = m.segments.filter((s) => s.kind === 'atom');
    const snapStart = (o: number) => atoms.find((a) => a.start < o && o < a.end)?.start ?? o;
    const snapEnd = (o: number) => atoms.find((a) => a.start < o && o < a.end)?.end ?? o;
    for (let s = 0; s <= n; s++)
      for (let e = s; e <= n; e++) {
        const r = textOffsetsToRange(el, s, e);
        expect(r, `${s}-${e}`).not.toBeNull();
        const back = rangeToTextOffsets(el, r as Range);
        if (s === e) {
          expect(back, `caret ${s}`).toEqual({ start: snapStart(s), end: snapStart(s) });
        } else {
          expect(back, `${s}-${e}`).toEqual({ start: snapStart(s), end: snapEnd(e) });
        }
      }
  });

  it('range text equals the slice (emoji included whole)', () => {
    const el = editor(`Спасибо ${SMILE} за вопрос`);
    const t = editorText(el);
    const i = t.indexOf('😀');
    const r = textOffsetsToRange(el, i, i + 2) as Range;
    const frag = r.cloneContents();
    expect(frag.querySelector('img')?.getAttribute('alt')).toBe('😀');
    // half an emoji still covers the whole image
    const half = textOffsetsToRange(el, i + 1, i + 2) as Range;
    expect(half.cloneContents().querySelector('img')).not.toBeNull();
    const word = textOffsetsToRange(el, t.indexOf('вопрос'), t.length) as Range;
    expect(word.toString()).toBe('вопрос');
  });

  it('a range across a line break spans both blocks', () => {
    const el = editor('<div>раз</div><div>два</div>');
    const r = textOffsetsToRange(el, 1, 5) as Range;
    expect(r.startContainer.textContent).toBe('раз');
    expect(r.startOffset).toBe(1);
    expect(r.endContainer.textContent).toBe('два');
    expect(r.endOffset).toBe(1);
  });

  it('element-level DOM points map to line ends and starts', () => {
    const el = editor('<div>раз</div><div>два</div>');
    const [d1, d2] = [...el.children] as HTMLElement[];
    const point = (node: Node, offset: number) =>
      rangeToTextOffsets(el, { startContainer: node, startOffset: offset, endContainer: node, endOffset: offset })
        ?.start;
    expect(point(d1 as Node, 1)).toBe(3); // end of "раз"
    expect(point(el, 1)).toBe(3); // between the blocks: end of the first line
    expect(point(d2 as Node, 0)).toBe(4); // start of "два"
    expect(point(el, 2)).toBe(7);
    expect(point(el, 0)).toBe(0);
  });

  it('rejects bad offsets and text fields', () => {
    const el = editor('абв');
    expect(textOffsetsToRange(el, -1, 1)).toBeNull();
    expect(textOffsetsToRange(el, 2, 1)).toBeNull();
    expect(textOffsetsToRange(el, 0, 4)).toBeNull();
    expect(textOffsetsToRange(el, 3, 3)).not.toBeNull();
    document.body.innerHTML = '<textarea id="t">x</textarea>';
    expect(textOffsetsToRange(document.getElementById('t') as Element, 0, 1)).toBeNull();
  });

  it('empty editor: caret at 0', () => {
    const el = editor('');
    const r = textOffsetsToRange(el, 0, 0) as Range;
    expect(r.startContainer).toBe(el);
    expect(rangeToTextOffsets(el, r)).toEqual({ start: 0, end: 0 });
  });

  it('points outside the editor clamp', () => {
    document.body.innerHTML = '<p id="before">x</p><div id="ed" contenteditable="true">абв</div><p id="after">y</p>';
    const el = document.getElementById('ed') as HTMLElement;
    const r = document.createRange();
    r.setStart(document.getElementById('before') as Node, 0);
    r.setEnd(document.getElementById('after') as Node, 1);
    expect(rangeToTextOffsets(el, r)).toEqual({ start: 0, end: 3 });
  });

  it('selectionTextOffsets reads the caret', () => {
    const el = editor(`Раз ${SMILE} два`);
    const r = textOffsetsToRange(el, 7, 7) as Range;
    const sel = document.getSelection() as Selection;
    sel.removeAllRanges();
    sel.addRange(r);
    expect(selectionTextOffsets(el)).toEqual({ start: 7, end: 7 });
  });
});

describe('findEditable', () => {
  it('walks up to the contenteditable root', () => {
    document.body.innerHTML =
      '<div id="root" contenteditable="true"><div><b id="b">x</b><span contenteditable="false" id="chip">@Анна</span></div></div>';
    const root = document.getElementById('root');
    expect(findEditable(document.getElementById('b'))).toBe(root);
    expect(findEditable(document.getElementById('b')?.firstChild ?? null)).toBe(root);
    expect(findEditable(document.getElementById('chip'))).toBe(root);
    expect(findEditable(root)).toBe(root);
  });

  it('textarea, text inputs; not buttons, read-only or plain divs', () => {
    document.body.innerHTML = `<textarea id="t"></textarea><input id="s" type="search"><input id="c" type="checkbox">
      <textarea id="ro" readonly></textarea><div id="d">x</div><div contenteditable="false"><span id="in">y</span></div>`;
    const $ = (id: string) => document.getElementById(id);
    expect(findEditable($('t'))).toBe($('t'));
    expect(findEditable($('s'))).toBe($('s'));
    expect(findEditable($('c'))).toBeNull();
    expect(findEditable($('ro'))).toBeNull();
    expect(findEditable($('d'))).toBeNull();
    expect(findEditable($('in'))).toBeNull();
    expect(findEditable(null)).toBeNull();
    expect(findEditable(window)).toBeNull();
  });

  it('an editable nested in a contenteditable=false island of another editor is its own root', () => {
    document.body.innerHTML =
      '<div id="outer" contenteditable="true"><div contenteditable="false"><div id="inner" contenteditable="true"><i id="i">x</i></div></div></div>';
    expect(findEditable(document.getElementById('i'))).toBe(document.getElementById('inner'));
  });
});
