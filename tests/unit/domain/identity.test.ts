/** Normalised identity (issue #9, deliverable 3): codes from the lists, words kept, old bundles mapped. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../../../shared/bundle';
import { Assessment } from '../../../shared/domain/model';
import { withGregorian } from '../../../shared/domain/calendars';
import {
  compareLanguageCodes,
  countryCodeFromPicker,
  countryCodeFromWords,
  countryOptions,
  languageCodeFromPicker,
  languageCodeFromWords,
  languageLabel,
  languageOptions,
} from '../../../shared/domain/identity';
import { bundlesDir } from '../safeguards/fixtures';

describe('code lists', () => {
  it('hold ISO 3166-1 alpha-2 countries and living ISO 639-3 languages', () => {
    expect(countryOptions.length).toBeGreaterThan(240);
    expect(countryOptions.every((o) => /^[A-Z]{2}$/.test(o.code))).toBe(true);
    expect(languageOptions.length).toBeGreaterThan(6500);
    expect(languageOptions.every((o) => /^[a-z]{3}$/.test(o.code))).toBe(true);
  });
  it('map the words people say', () => {
    expect(['Afghan', 'Afghanistan', 'afghan ', 'AF'].map(countryCodeFromWords)).toEqual(['AF', 'AF', 'AF', 'AF']);
    expect(['Eritrean', 'Sudanese', 'Kosovan', 'Iranian', "Côte d'Ivoire"].map(countryCodeFromWords)).toEqual(['ER', 'SD', 'XK', 'IR', 'CI']);
    expect(countryCodeFromWords('Kurdish')).toBeUndefined();
    expect(['Pashto', 'Pashtu', 'Dari', 'Tigrinya', 'Farsi', 'Hazaragi', 'Sorani', 'Kurmanji', 'Sudanese Arabic', 'English', 'prs'].map(languageCodeFromWords)).toEqual(
      ['pus', 'pus', 'prs', 'tir', 'pes', 'haz', 'ckb', 'kmr', 'apd', 'eng', 'prs'],
    );
    expect(languageCodeFromWords('Asmara (Hamasien)')).toBeUndefined();
  });
  it('read a picker\'s text back', () => {
    expect(languageCodeFromPicker(languageLabel('prs'))).toBe('prs');
    expect(languageCodeFromPicker('Dari (prs)')).toBe('prs');
    expect(languageCodeFromPicker('Klingon')).toBeUndefined();
    expect(countryCodeFromPicker('Eritrea (ER)')).toBe('ER');
  });
  it('relate macrolanguages and their members', () => {
    expect(compareLanguageCodes('ara', 'apd')).toBe('broader');
    expect(compareLanguageCodes('prs', 'pes')).toBe('different');
    expect(compareLanguageCodes('tir', 'tir')).toBe('same');
  });
  it('the model refuses a code that is not in the list', () => {
    const base = { id: 'y', nameLatin: 'A' };
    expect(Assessment.shape.youngPerson.safeParse({ ...base, nationalityCode: 'QQ' }).success).toBe(false);
    expect(Assessment.shape.youngPerson.safeParse({ ...base, nationalityCode: 'ER', languages: [{ language: 'Tigrinya', code: 'tir' }] }).success).toBe(true);
    expect(Assessment.shape.youngPerson.safeParse({ ...base, languages: [{ language: 'Tigrinya', code: 'zzz' }] }).success).toBe(false);
  });
});

const legacyDir = `${bundlesDir}legacy/`;

describe('old bundles (tests/fixtures/bundles/legacy, written before codes and ranges) still import, mapped where they can be', () => {
  const names = ['compliant.json', 'minimal.json', 'same-day-interview.json', 'mature-features.json', 'adverse-points-not-put.json', 'documents-ignored.json', 'burden-of-proof.json'];
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(`${legacyDir}${name}`, 'utf8');
      expect(text).not.toMatch(/nationalityCode|gregorianFrom/); // written in the old form
      const r = parseBundle(text);
      expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
    });
  }
  it('an old bundle imports to exactly the committed current-form fixture', () => {
    for (const name of names) {
      const old = parseBundle(readFileSync(`${legacyDir}${name}`, 'utf8'));
      const now = parseBundle(readFileSync(`${bundlesDir}${name}`, 'utf8'));
      expect(old.ok && now.ok && old.bundle.assessment, name).toEqual(now.ok && now.bundle.assessment);
    }
  });
  it('free-text identity gets codes beside the words; unmapped words stay words', () => {
    const r = parseBundle(readFileSync(`${legacyDir}compliant.json`, 'utf8'));
    if (!r.ok) throw new Error('not ok');
    const yp = r.bundle.assessment.youngPerson;
    expect(yp).toMatchObject({ nationality: 'Eritrean', nationalityCode: 'ER' });
    expect(yp.languages[0]).toMatchObject({ language: 'Tigrinya', code: 'tir', dialect: 'Asmara (Hamasien)' });
    expect(yp.languages[0]!.dialectCode).toBeUndefined();
    expect(r.bundle.assessment.participants.find((p) => p.role === 'interpreter')).toMatchObject({ language: 'Tigrinya', languageCode: 'tir' });
    const m = parseBundle(readFileSync(`${legacyDir}minimal.json`, 'utf8'));
    if (!m.ok) throw new Error('not ok');
    expect(m.bundle.assessment.youngPerson).toMatchObject({ nationality: 'Afghan', nationalityCode: 'AF' });
    expect(m.bundle.assessment.youngPerson.languages[0]).toMatchObject({ language: 'Dari', code: 'prs', dialect: 'Herati' });
  });
  it('a date told to the month becomes its range; a full date keeps its day', () => {
    const r = parseBundle(readFileSync(`${legacyDir}compliant.json`, 'utf8'));
    if (!r.ok) throw new Error('not ok');
    const [birth, school] = r.bundle.assessment.timeline;
    expect(birth!.date).toMatchObject({ gregorian: '2010-01-18', gregorianFrom: '2010-01-18', gregorianTo: '2010-01-18' });
    expect(school!.date.gregorian).toBeUndefined();
    expect(school!.date).toMatchObject({ gregorianFrom: '2016-09-11', gregorianTo: '2016-10-10' });
  });
  it('withGregorian keeps a month as a range and never pins it to a day', () => {
    expect(withGregorian({ calendar: 'persian', year: 1389, month: 1 })).toEqual({ calendar: 'persian', year: 1389, month: 1, gregorianFrom: '2010-03-21', gregorianTo: '2010-04-20' });
  });
});
