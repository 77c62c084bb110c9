import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshStore, MARKER, sampleAssessment, tempDir } from '../../unit/store/helpers';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function containing(files: string[], needle: string): string[] {
  const n = Buffer.from(needle, 'utf8');
  const n16 = Buffer.from(needle, 'utf16le');
  return files.filter((f) => {
    const b = readFileSync(f);
    return b.includes(n) || b.includes(n16);
  });
}

describe('no plaintext on disk', () => {
  it('the marker appears in no database, WAL, journal, key, backup or temp file', async () => {
    const sqliteTmp = tempDir('carefile-sqlite-tmp-');
    const prevTmp = process.env.SQLITE_TMPDIR;
    process.env.SQLITE_TMPDIR = sqliteTmp;
    try {
      const { dataDir, store } = await freshStore();
      for (let i = 0; i < 50; i++) store.assessments.put(sampleAssessment(`a-${i}`, { analysis: `${MARKER} ${'x'.repeat(i * 50)}` }));
      store.attachments.put(new TextEncoder().encode(`Letter: ${MARKER}\n`), 'letter.txt');
      // a sort big enough to want a temp file
      store.db.prepare('SELECT data FROM evidence_item ORDER BY data DESC').all();
      const backups = join(dataDir, 'backups');
      mkdirSync(backups);
      store.backup(join(backups, 'b.carefile'));
      const whileOpen = filesUnder(dataDir);
      expect(whileOpen.some((f) => f.endsWith('-wal'))).toBe(true);
      expect(containing([...whileOpen, ...filesUnder(sqliteTmp)], MARKER)).toEqual([]);
      // sanity: the scan does find the marker where it is in clear
      expect(store.assessments.get('a-1')!.analysis).toContain(MARKER);
      store.close();
      expect(containing([...filesUnder(dataDir), ...filesUnder(sqliteTmp)], MARKER)).toEqual([]);
      expect(containing([...filesUnder(dataDir)], 'SQLite format 3')).toEqual([]);
    } finally {
      if (prevTmp === undefined) delete process.env.SQLITE_TMPDIR;
      else process.env.SQLITE_TMPDIR = prevTmp;
    }
  });

  it('the scan itself finds a marker written in clear (so the test can fail)', () => {
    const d = tempDir();
    const f = join(d, 'plain.txt');
    writeFileSync(f, `hello ${MARKER}`);
    expect(containing([f], MARKER)).toEqual([f]);
  });
});
