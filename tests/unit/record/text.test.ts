/** Bidi and script runs: what pdf-lib is handed for each mixed line. */
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontSet } from '../../../electron/record/fonts';
import { fontkitReverses, TextEngine } from '../../../electron/record/text';

let engine: TextEngine;
const style = { size: 10 };

beforeAll(async () => {
  const doc = await PDFDocument.create();
  engine = new TextEngine(await FontSet.create(doc, 'عربي ግዕዝ'));
});

const runs = (text: string): Array<[string, string]> => {
  const line = engine.layout(text, style, 1000)[0];
  return line ? engine.visualRuns(line, style).map((r) => [r.font, r.text]) : [];
};

describe('visual runs', () => {
  it('keeps plain Latin text as one Noto Sans run', () => {
    expect(runs('Yousif Abdalla, 16')).toEqual([['sans', 'Yousif Abdalla, 16']]);
  });

  it('hands a pure Arabic name to fontkit in logical order, in Naskh (fontkit shapes and reverses it)', () => {
    expect(runs('يوسف عبد الله')).toEqual([['naskh', 'يوسف عبد الله']]);
  });

  it('keeps digits inside Arabic in reading order, left of the words before them', () => {
    // Read right to left: بطاقة رقم 4471 من Khartoum. Drawn left to right: Khartoum, من, 4471, بطاقة رقم.
    expect(runs('بطاقة رقم 4471 من Khartoum')).toEqual([
      ['sans', 'Khartoum'],
      ['naskh', ' من '],
      ['naskh', '4471'],
      ['naskh', 'بطاقة رقم '],
    ]);
  });

  it('mirrors brackets inside right-to-left text and draws Latin letters with Noto Sans, not Naskh', () => {
    const r = runs('محمد (2009) A12 علي');
    // Each Naskh run is logical (fontkit reverses it), so the space after محمد lands on its left.
    expect(r.map(([, t]) => t).join('')).toBe('علي A12 (2009)محمد ');
    expect(r.find(([, t]) => t === 'A12')?.[0]).toBe('sans');
    expect(r.find(([, t]) => t === '(')?.[0]).toBe('sans');
  });

  it('draws Ge\u2019ez with Noto Sans Ethiopic and the digits beside it with Noto Sans (Ethiopic has none)', () => {
    expect(runs('ኣማኑኤል ተስፋይ 16')).toEqual([
      ['ethiopic', 'ኣማኑኤል ተስፋይ '],
      ['sans', '16'],
    ]);
  });

  it('resolves levels over the whole paragraph, so a number wrapped onto the next line keeps its Arabic context', () => {
    const lines = engine.layout('Identity card (بطاقة رقم 4471 من Khartoum)', style, 110);
    expect(lines.length).toBeGreaterThan(1);
    const second = lines.find((l) => l.text.includes('4471'));
    expect(second?.levels?.[second.text.indexOf('4471')]).toBe(2); // an Arabic number (AN) inside RTL, not a European one at level 0
  });
});

describe('Persian digits and brackets (what fontkit is handed)', () => {
  it('hands Persian digits inside right-to-left text reversed, because fontkit reverses any Arabic-script run', () => {
    // Chromium draws "(۱ حمل ۱۳۹۱)" (dir=auto) left to right as: ( ۱۳۹۱ لمح ۱ ), brackets mirrored.
    const r = runs('(۱ حمل ۱۳۹۱)');
    expect(r.map(([, t]) => t)).toEqual(['(', '۱۹۳۱', ' حمل ', '۱', ')']);
    expect(fontkitReverses('۱۹۳۱')).toBe(true);
    expect(fontkitReverses('(')).toBe(false);
    expect(fontkitReverses('Khartoum 12')).toBe(false);
  });

  it('keeps Persian digits in a left-to-right paragraph in reading order on the page', () => {
    expect(runs('Born ۱۳۹۱').map(([, t]) => t)).toEqual(['Born ', '۱۹۳۱']);
  });
});

describe('wrap', () => {
  it('never exceeds the width and loses no word; long words break', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Z0-9]{1,40}$/), { minLength: 1, maxLength: 30 }), fc.integer({ min: 40, max: 300 }), (words, width) => {
        const text = words.join(' ');
        const lines = engine.layout(text, style, width);
        for (const l of lines) expect(engine.width(l.text, style)).toBeLessThanOrEqual(width + 0.001);
        expect(lines.map((l) => l.text).join('').replace(/ /g, '')).toBe(words.join(''));
      }),
      { numRuns: 60 },
    );
  });
});
