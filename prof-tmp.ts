import { existsSync } from 'node:fs';
import { StoreSession } from './electron/store/session';
import { TEST_KDF } from './electron/store/kdf';
import { generateAssessments } from './tests/fixtures/quality/generate';
import { qualityFigures } from './electron/quality/figures';
import { summaryFacts } from './shared/quality/facts';
import { Assessment } from './shared/domain/model';
const dataDir = '/tmp/qb1000/data';
const s = new StoreSession(dataDir, TEST_KDF);
if (!existsSync(dataDir)) {
  await s.init('admin', 'violet-harbour-lantern-42');
  const store = await s.unlock('admin', 'violet-harbour-lantern-42');
  const all = generateAssessments({ n: 1000, seed: 11, parse: false });
  let t = performance.now();
  for (const a of all.slice(0, 50)) Assessment.parse(a);
  console.log('parse', (performance.now() - t) / 50);
  t = performance.now();
  for (const a of all.slice(0, 50)) summaryFacts(Assessment.parse(a));
  console.log('parse+facts', (performance.now() - t) / 50);
  t = performance.now();
  store.db.transaction(() => { for (const a of all) store.assessments.put(a); })();
  console.log('put', (performance.now() - t) / 1000);
}
const store = await s.unlock('admin', 'violet-harbour-lantern-42');
const db = store.db;
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  qualityFigures(store, { given: {} });
  console.log('figures', performance.now() - t);
}
const q = (label: string, sql: string) => { const t = performance.now(); db.prepare(sql).all(); console.log(label, (performance.now() - t).toFixed(1)); };
q('main', `SELECT count(*), sum(s.outcome='adult'), sum(words) FROM assessment_summary s WHERE s.decided_day IS NOT NULL`);
q('rules', `SELECT r.rule_id, sum(r.state='met') FROM assessment_summary s JOIN summary_rule r ON r.assessment_id = s.assessment_id WHERE s.decided_day IS NOT NULL GROUP BY r.rule_id`);
q('rules-only', `SELECT r.rule_id, sum(r.state='met') FROM summary_rule r GROUP BY r.rule_id`);
q('group', `SELECT coalesce(nationality_code,'unknown') g, count(*) FROM assessment_summary s WHERE s.decided_day IS NOT NULL GROUP BY g`);
console.log(db.prepare(`EXPLAIN QUERY PLAN SELECT r.rule_id, sum(r.state='met') FROM assessment_summary s JOIN summary_rule r ON r.assessment_id = s.assessment_id WHERE s.decided_day IS NOT NULL GROUP BY r.rule_id`).all());
console.log(db.pragma('cache_size'), db.pragma('page_size'));
s.lock();
