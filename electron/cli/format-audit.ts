/**
 * `carefile audit` as readable text: the same figures as `--json` (quality.figures), laid out for a
 * terminal or a printed page. Plain functions of the answer, so a test can read what a person reads.
 */
import type { OutputOf } from '../../shared/contract';

type Figures = OutputOf<'quality.figures'>;

const pct = (k: number, n: number) => (n === 0 ? '–' : `${Math.round((k / n) * 100)}%`);
const share = (x: number) => `${Math.round(x * 100)}%`;
const pad = (s: string | number, w: number) => String(s).padEnd(w);
const lpad = (s: string | number, w: number) => String(s).padStart(w);

function disparityTable(title: string, rows: Figures['disparity']['nationality']): string[] {
  const out = [title, `  ${pad('group', 28)}${lpad('n', 6)}${lpad('adult', 7)}${lpad('share', 7)}  95% interval   ${lpad('missed', 7)}`];
  for (const r of rows) {
    if (r.group === 'suppressed') {
      out.push(`  ${pad(`${'groups' in r ? r.groups : ''} groups under 5 (not shown)`, 28)}${lpad(r.n, 6)}`);
      continue;
    }
    if (!('adult' in r)) continue;
    const name = r.label ? `${r.label} (${r.group})` : r.group;
    out.push(
      `  ${pad(name.slice(0, 27), 28)}${lpad(r.n, 6)}${lpad(r.adult, 7)}${lpad(share(r.adultShare), 7)}  ${pad(`${share(r.ci95[0])}–${share(r.ci95[1])}`, 13)}${lpad(r.withMissingSafeguard, 7)}`,
    );
  }
  if (rows.length === 0) out.push('  (no decisions)');
  return out;
}

export function formatAudit(f: Figures): string {
  const n = f.assessments;
  const period = f.period.since || f.period.until ? `${f.period.since ?? 'the start'} to ${f.period.until ?? 'today'}` : 'all time';
  const who = f.assessors.length > 0 ? f.assessors.join(', ') : 'every assessor';
  const lines = [
    `Quality figures: decisions from ${period}, by ${who}`,
    '',
    `Assessments decided: ${n} (not yet decided: ${f.undecided})`,
    `Outcomes: stated age accepted ${f.outcomeDetail.statedAgeAccepted}, older but a child ${f.outcomeDetail.olderButChild}, adult ${f.outcomeDetail.adult} (${pct(f.outcomes.adult, n)} found adult)`,
    `Days from first contact to decision (AA-29): median ${f.medianDaysToDecision ?? '–'}, 90th percentile ${f.p90DaysToDecision ?? '–'}; over ${f.overDecisionThreshold.thresholdDays} days: ${f.overDecisionThreshold.n}`,
    `Minded-to meeting (AA-22): held ${f.mindedTo.held}, not held with a reason ${f.mindedTo.notHeldWithReason}, not recorded ${f.mindedTo.notRecorded}`,
    `Interpreter present: ${f.interpreterPresent} (${pct(f.interpreterPresent, n)}); appropriate adult present: ${f.appropriateAdultPresent} (${pct(f.appropriateAdultPresent, n)})`,
    `Wording findings: ${f.wording.findings} in ${f.wording.words} words (${f.wording.per1000Words ?? '–'} per 1,000 words)`,
    `Trafficking indicators: ${f.trafficking.withIndicators}; NRM referrals: ${f.trafficking.nrmReferrals}`,
    `Reassessed: ${f.reassessment.reassessed}; overturned: ${f.reassessment.overturned}`,
    ...f.reassessment.reasons.map((r) => `  ${r.kind}: ${r.reason} (${r.n})`),
    '',
    'Safeguards (met / departed with a reason / missing):',
    ...f.safeguards.map((s) => `  ${pad(s.ruleId, 6)} ${lpad(s.met, 5)} ${lpad(s.departed, 5)} ${lpad(s.missing, 5)}  ${s.title}`),
    '',
    ...disparityTable('By nationality:', f.disparity.nationality),
    '',
    ...disparityTable('By first language:', f.disparity.firstLanguage),
  ];
  if (f.disparity.notes.length > 0) lines.push('', 'Look more closely:', ...f.disparity.notes.map((x) => `  ${x.text}`));
  return `${lines.join('\n')}\n`;
}
