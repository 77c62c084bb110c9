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
}

const byteCache = new Map<string, Uint8Array>();
const coverageCache = new Map<string, FontkitFont>();

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
    doc.registerFontkit(fontkit);
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
    const file = path.join(this.dir, FILES[key]);
    let face = coverageCache.get(file);
    if (!face) {
      face = fontkit.create(Buffer.from(fontBytes(this.dir, key))) as unknown as FontkitFont;
      coverageCache.set(file, face);
    }
    return face.hasGlyphForCodePoint(codePoint);
  }
}
