/** AA-43: `carefile outcomes` over a real encrypted store, read back as CSV a spreadsheet would. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { CliIO } from '../../electron/cli/io';

const dir = mkdtempSync(path.join(tmpdir(), 'carefile-outcomes-'));
const bundles = path.resolve(import.meta.dirname, '..', 'fixtures', 'bundles');
const env = { CAREFILE_DATA_DIR: path.join(dir, 'store'), CAREFILE_SCRYPT_N: '1024', CAREFILE_USER: 'admin', CAREFILE_PASSPHRASE: 'amber kestrel lantern 42' };

function io(): CliIO & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (t) => out_.push(t), err: (t) => err_.push(t), readStdin: async () => '', env, interactive: false };
}
const run = (args: string[], c = io()) => main(['node', 'carefile', ...args], c);

/** A small RFC 4180 reader, enough to prove the file parses back into the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

beforeAll(async () => {
  expect(await run(['init'])).toBe(0);
  const bundle = JSON.parse(readFileSync(path.join(bundles, 'compliant.json'), 'utf8'));
  // A reference with a comma and a quote, to prove the CSV quoting.
  bundle.assessment.reference = 'AA-2026-0147, "Kent"';
  writeFileSync(path.join(dir, 'quoted.json'), JSON.stringify(bundle));
  expect(await run(['import', path.join(dir, 'quoted.json'), path.join(bundles, 'mature-features.json')])).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('carefile outcomes', () => {
  it('writes one CSV row per assessment with its outcome, days to decision and findings', async () => {
    const out = path.join(dir, 'outcomes.csv');
    expect(await run(['outcomes', '--out', out])).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    const [header, ...data] = rows;
    expect(header).toContain('daysToDecision');
    expect(data).toHaveLength(2);
    const get = (r: string[], col: string) => r[header!.indexOf(col)];
    const compliant = data.find((r) => get(r, 'reference') === 'AA-2026-0147, "Kent"')!;
    expect(get(compliant, 'outcome')).toBe('child');
    expect(get(compliant, 'ageRange')).toBe('16-17');
    expect(get(compliant, 'blocking')).toBe('0');
    expect(Number(get(compliant, 'daysToDecision'))).toBeGreaterThan(0);
    const mature = data.find((r) => get(r, 'reference') === 'SCN-MATURE')!;
    expect(get(mature, 'outcome')).toBe('adult');
    expect(Number(get(mature, 'blocking'))).toBeGreaterThan(0);
  });

  it('--json gives the same rows; a wrong passphrase is exit 3 and writes nothing', async () => {
    const c = io();
    expect(await run(['outcomes', '--json'], c)).toBe(0);
    expect(JSON.parse(c.out_.join(''))).toHaveLength(2);
    const bad = io();
    bad.env = { ...env, CAREFILE_PASSPHRASE: 'not the passphrase at all' };
    expect(await run(['outcomes', '--out', path.join(dir, 'never.csv')], bad)).toBe(3);
    expect(() => readFileSync(path.join(dir, 'never.csv'))).toThrow();
  });
});

describe('carefile audit', () => {
  it('prints the quality figures as text, or the JSON shape other tools read', async () => {
    const json = io();
    expect(await run(['audit', '--json', '--since', '2026-01-01', '--until', '2026-12-31'], json)).toBe(0);
    const f = JSON.parse(json.out_.join(''));
    expect(f).toMatchObject({ period: { since: '2026-01-01', until: '2026-12-31' }, assessments: expect.any(Number), outcomes: { child: expect.any(Number), adult: expect.any(Number) } });
    expect(f.assessments).toBe(f.outcomes.child + f.outcomes.adult);
    expect(f.safeguards[0]).toEqual({ ruleId: expect.stringMatching(/^AA-\d{2}$/), title: expect.any(String), met: expect.any(Number), departed: expect.any(Number), missing: expect.any(Number) });
    expect(f.disparity).toMatchObject({ nationality: expect.any(Array), firstLanguage: expect.any(Array) });
    const text = io();
    expect(await run(['audit', '--assessor', 'Ruth Adeyemi', '--assessor', 'nobody'], text)).toBe(0);
    const out = text.out_.join('');
    expect(out).toMatch(/^Quality figures: decisions from all time, by Ruth Adeyemi, nobody/);
    expect(out).toMatch(/Safeguards \(met \/ departed with a reason \/ missing\):/);
    expect(out).toMatch(/By nationality:/);
  });

  it('refuses a date that is not YYYY-MM-DD (exit 2)', async () => {
    const c = io();
    expect(await run(['audit', '--since', '1 May'], c)).toBe(2);
    expect(c.err_.join('')).toMatch(/--since takes a date as YYYY-MM-DD/);
  });
});
