/**
 * Writes docs/licenses.md from what ships: the installed production packages (`npm ls --omit=dev`:
 * name, version, licence as its package.json declares it), the fonts in resources/fonts (their
 * names and versions read from the font files, their licence from OFL.txt) and the other shipped
 * data files. The approved licences are written by people in the doc itself, between the
 * `approved` markers; this script keeps them and rewrites only the tables.
 *
 *   npm run licenses            rewrite docs/licenses.md
 *   npm run licenses -- --check exit 1 if the doc is out of date or a licence is not approved
 *
 * tests/unit/licenses.test.ts runs the same checks in `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';

const root = path.resolve(import.meta.dirname, '..');
export const docPath = path.join(root, 'docs', 'licenses.md');

export interface Shipped {
  name: string;
  version: string;
  /** An SPDX expression, or '' when the package declares none. */
  license: string;
  kind: 'package' | 'font' | 'data';
}

/** The licence field of a package.json in its old or new forms, as one SPDX expression. */
function licenseOf(pkg: { license?: unknown; licenses?: unknown }): string {
  const one = (l: unknown): string => (typeof l === 'string' ? l : l && typeof l === 'object' && 'type' in l ? String((l as { type: unknown }).type) : '');
  if (pkg.license !== undefined) return one(pkg.license);
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map(one).filter(Boolean).join(' OR ');
  return '';
}

/** Every installed production package, once per name and version, sorted. */
export function productionPackages(dir = root): Shipped[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: dir, encoding: 'utf8' });
  const seen = new Map<string, Shipped>();
  for (const line of out.split('\n').map((l) => l.trim())) {
    if (!line || path.resolve(line) === path.resolve(dir)) continue;
    const pkg = JSON.parse(readFileSync(path.join(line, 'package.json'), 'utf8')) as { name: string; version: string; license?: unknown; licenses?: unknown };
    seen.set(`${pkg.name}@${pkg.version}`, { name: pkg.name, version: pkg.version, license: licenseOf(pkg), kind: 'package' });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The fonts in resources/fonts: family and version from each file's name table; OFL 1.1 if OFL.txt says so. */
export function shippedFonts(dir = root): Shipped[] {
  const fontsDir = path.join(dir, 'resources', 'fonts');
  const ofl = /SIL Open Font License,?\s+Version 1\.1/i.test(readFileSync(path.join(fontsDir, 'OFL.txt'), 'utf8'));
  return readdirSync(fontsDir)
    .filter((f) => /\.(ttf|otf)$/i.test(f))
    .sort()
    .map((file) => {
      const font = fontkit.create(readFileSync(path.join(fontsDir, file))) as unknown as { fullName: string; version: string };
      return { name: `${font.fullName} (resources/fonts/${file})`, version: String(font.version).replace(/^Version\s*/i, '').split(';')[0]!, license: ofl ? 'OFL-1.1' : '', kind: 'font' };
    });
}

/** Shipped data files that are not code (each named in electron/resources.ts). */
export function shippedData(): Shipped[] {
  return [{ name: 'sRGB ICC profile (resources/color/sRGB.icc, Debian icc-profiles-free)', version: '2.0', license: 'Zlib', kind: 'data' }];
}

export const APPROVED_START = '<!-- approved:start -->';
export const APPROVED_END = '<!-- approved:end -->';

/** The approved SPDX identifiers, one per list item between the markers of the doc. */
export function approvedFrom(doc: string): Set<string> {
  const start = doc.indexOf(APPROVED_START);
  const end = doc.indexOf(APPROVED_END);
  if (start < 0 || end < start) throw new Error('docs/licenses.md has no approved-licence list between its markers');
  return new Set(
    doc
      .slice(start + APPROVED_START.length, end)
      .split('\n')
      .map((l) => /^\s*-\s*`([^`]+)`/.exec(l)?.[1])
      .filter((x): x is string => Boolean(x)),
  );
}

/**
 * Whether an SPDX expression is acceptable: every AND-ed part approved, at least one choice of an
 * OR approved ("(MIT OR Apache-2.0)": either will do; the project takes the approved one).
 */
export function expressionApproved(expr: string, approved: ReadonlySet<string>): boolean {
  const e = expr.trim().replace(/^\((.*)\)$/, '$1').trim();
  if (!e) return false;
  if (/\s+OR\s+/.test(e) && !/\(/.test(e)) return e.split(/\s+OR\s+/).some((x) => expressionApproved(x, approved));
  if (/\s+AND\s+/.test(e) && !/\(/.test(e)) return e.split(/\s+AND\s+/).every((x) => expressionApproved(x, approved));
  return approved.has(e);
}

/** What is wrong with the shipped set against the approved list: no licence, or one not approved. */
export function licenceProblems(items: readonly Shipped[], approved: ReadonlySet<string>): string[] {
  return items.flatMap((i) =>
    !i.license ? [`${i.name}@${i.version} declares no licence`] : expressionApproved(i.license, approved) ? [] : [`${i.name}@${i.version}: ${i.license} is not on the approved list`],
  );
}

const row = (i: Shipped) => `| ${i.name} | ${i.version} | ${i.license || '(none)'} |`;

/** The whole doc: the human-written part kept (intro and approved list), the tables regenerated. */
export function renderDoc(existing: string, items: readonly Shipped[]): string {
  const end = existing.indexOf(APPROVED_END);
  const head = end >= 0 ? existing.slice(0, end + APPROVED_END.length) : existing.trimEnd();
  const table = (kind: Shipped['kind']) => ['| name | version | licence |', '|---|---|---|', ...items.filter((i) => i.kind === kind).map(row)].join('\n');
  return `${head}

## Production packages (\`npm ls --omit=dev\`)

Generated by \`npm run licenses\` (scripts/gen-licenses.ts) from the installed tree; do not edit by hand.

${table('package')}

## Fonts (embedded in every PDF record)

${table('font')}

## Data files

${table('data')}
`;
}

export function shippedItems(): Shipped[] {
  return [...productionPackages(), ...shippedFonts(), ...shippedData()];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const existing = readFileSync(docPath, 'utf8');
  const items = shippedItems();
  const next = renderDoc(existing, items);
  const problems = licenceProblems(items, approvedFrom(existing));
  if (process.argv.includes('--check')) {
    if (next !== existing) problems.unshift('docs/licenses.md is out of date: run `npm run licenses`');
  } else {
    writeFileSync(docPath, next);
    process.stdout.write(`wrote ${path.relative(root, docPath)}: ${items.length} entries\n`);
  }
  for (const p of problems) process.stderr.write(`licences: ${p}\n`);
  process.exit(problems.length ? 1 : 0);
}
