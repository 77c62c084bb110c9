import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { resourcePath } from '../resources';

/** The embedded families: Noto Sans for Latin/Greek/Cyrillic, Naskh for Arabic script, Sans Ethiopic for Ge'ez. */
export type FontKey = 'sans' | 'sansBold' | 'naskh' | 'ethiopic';

const FILES: Record<FontKey, string> = {
  sans: 'NotoSans-Regular.ttf',
  sansBold: 'NotoSans-Bold.ttf',
  naskh: 'NotoNaskhArabic-Regular.ttf',
  ethiopic: 'NotoSansEthiopic-Regular.ttf',
};

/** resources/fonts at the app's root, from source, the bundled main process or the asar (electron/resources.ts). */
export function defaultFontDir(): string {
  return resourcePath('fonts');
}

const POSTSCRIPT: Record<FontKey, string> = {
  sans: 'NotoSans-Regular',
  sansBold: 'NotoSans-Bold',
  naskh: 'NotoNaskhArabic-Regular',
  ethiopic: 'NotoSansEthiopic-Regular',
};

function subsetTag(key: FontKey): string {
  const digest = createHash('sha256').update(key).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string, features?: unknown): unknown;
}

const byteCache = new Map<string, Uint8Array>();

/** Distinct (font, features, string) shapings kept per process; beyond it the cache starts again (bounded memory). */
const MAX_SHAPED = 50_000;

/**
 * fontkit as pdf-lib gets it, with two savings (issue 13, item 4):
 * - each font file is parsed once per process (fontkit.create on the same bytes returns the same
 *   face), not once per document: Naskh and Ethiopic are large;
 * - each string is shaped once per face and feature set. pdf-lib shapes a string to measure it
 *   (`widthOfTextAtSize`) and again to draw it (`encodeText`); with the face's `layout` memoised,
 *   the glyph run the layout measured is the very one drawn. A glyph run is only read by pdf-lib
 *   (glyph ids and advance widths), so sharing it is safe.
 */
const parsedFaces = new Map<Uint8Array, FontkitFont>();
const shapedCaches: Array<Map<string, unknown>> = [];

/** Forgets every shaped string (the parsed faces stay): for benchmarks that must not reuse one record's shaping for the next. */
export function forgetShapedText(): void {
  for (const c of shapedCaches) c.clear();
}
const shapingFontkit = {
  create(data: Uint8Array, postscriptName?: string): FontkitFont {
    let face = parsedFaces.get(data);
    if (!face) {
      face = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength), postscriptName) as unknown as FontkitFont;
      const shape = face.layout.bind(face);
      const shaped = new Map<string, unknown>();
      shapedCaches.push(shaped);
      const featureKeys = new WeakMap<object, string>();
      face.layout = (text: string, features?: unknown): unknown => {
        let fk = '';
        if (features && typeof features === 'object') {
          fk = featureKeys.get(features) ?? JSON.stringify(features);
          featureKeys.set(features, fk);
        }
        const key = `${fk}\u0000${text}`;
        let run = shaped.get(key);
        if (run === undefined) {
          if (shaped.size >= MAX_SHAPED) shaped.clear();
          run = shape(text, features);
          shaped.set(key, run);
        }
        return run;
      };
      parsedFaces.set(data, face);
    }
    return face;
  },
};

function fontBytes(dir: string, key: FontKey): Uint8Array {
  const file = path.join(dir, FILES[key]);
  let bytes = byteCache.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(file));
    byteCache.set(file, bytes);
  }
  return bytes;
}

/**
 * Fonts for one document. Noto Sans (regular, bold) is always embedded; Naskh and Ethiopic only when
 * some text needs them (`prepare` scans the text first), so a record with no Ge'ez carries no Ethiopic
 * font. All are subset. Coverage queries use a parsed fontkit face, cached per process.
 */
export class FontSet {
  private readonly embedded = new Map<FontKey, PDFFont>();

  private constructor(private readonly dir: string) {}

  static async create(doc: PDFDocument, allText: string, dir: string = defaultFontDir()): Promise<FontSet> {
    doc.registerFontkit(shapingFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
    const set = new FontSet(dir);
    const keys: FontKey[] = ['sans', 'sansBold'];
    if (/\p{Script_Extensions=Arabic}/u.test(allText)) keys.push('naskh');
    if (/\p{Script_Extensions=Ethiopic}/u.test(allText)) keys.push('ethiopic');
    for (const key of keys) {
      // A subset's BaseFont carries a six-letter tag (ISO 32000 9.6.4), which is how readers and pdffonts know it is a subset.
      const customName = `${subsetTag(key)}+${POSTSCRIPT[key]}`;
      // No optional ligatures in Naskh: a glyph standing for several letters (the Allah ligature)
      // comes out of RTL text extraction (poppler, pdfminer) with its letters reversed.
      const features = key === 'naskh' ? { liga: false, dlig: false, clig: false } : undefined;
      set.embedded.set(key, await doc.embedFont(fontBytes(dir, key), { subset: true, customName, features }));
    }
    return set;
  }

  get(key: FontKey): PDFFont {
    const font = this.embedded.get(key) ?? this.embedded.get('sans');
    if (!font) throw new Error(`font ${key} not prepared`);
    return font;
  }

  isEmbedded(key: FontKey): boolean {
    return this.embedded.has(key);
  }

  has(key: FontKey, codePoint: number): boolean {
    if (!this.embedded.has(key)) return false;
    return shapingFontkit.create(fontBytes(this.dir, key)).hasGlyphForCodePoint(codePoint);
  }
}
