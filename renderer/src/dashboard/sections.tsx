/**
 * The dashboard's sections, each a chart (with its words) and its data table, or a table alone.
 * Every count that stands for assessments opens them (drill-down); every table exports as CSV.
 */
import { useCallback, useMemo } from 'react';
import { Chart } from './Chart';
import { DataTable, type Column, type DrillRequest } from './DataTable';
import { palette, Plot } from './plot';
import type { QualityFigures, FigureKey } from '../../../shared/contract/quality';

type Drill = (req: DrillRequest) => void;
type DisparityRow = QualityFigures['disparity']['nationality'][number];
type Group = Extract<DisparityRow, { label?: string }>;

export const pct = (x: number) => `${Math.round(x * 100)}%`;
const interval = ([lo, hi]: readonly [number, number]) => `${Math.round(lo * 100)}–${Math.round(hi * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface CountRow {
  key: string;
  label: string;
  n: number | null;
  figure?: FigureKey;
  note?: string;
}

const countColumns = (what: string): Column<CountRow>[] => [
  { header: what, value: (r) => r.label },
  { header: 'Number', value: (r) => r.n, numeric: true, drill: (r) => (r.figure ? { figure: r.figure, label: r.label } : undefined) },
];

function CountTable({ caption, rows, csvName, onDrill, what = 'Figure' }: { caption: string; rows: CountRow[]; csvName: string; onDrill: Drill; what?: string }) {
  return <DataTable caption={caption} columns={countColumns(what)} rows={rows} csvName={csvName} onDrill={onDrill} rowKey={(r) => r.key} />;
}

export function OverviewSection({ f, onDrill }: { f: QualityFigures; onDrill: Drill }) {
  const rows: CountRow[] = [
    { key: 'decided', label: 'Assessments decided in the period', n: f.assessments, figure: 'assessments' },
    { key: 'undecided', label: 'Not yet decided (not counted elsewhere)', n: f.undecided, figure: 'undecided' },
    { key: 'median', label: 'Median days from referral to decision', n: f.medianDaysToDecision },
    { key: 'p90', label: '90th percentile of days to decision', n: f.p90DaysToDecision },
    { key: 'over', label: `Decided after more than ${f.overDecisionThreshold.thresholdDays} days (AA-29)`, n: f.overDecisionThreshold.n, figure: 'decision.overThreshold' },
  ];
  return (
    <section className="panel" aria-labelledby="dash-overview">
      <h2 id="dash-overview">Overview and timeliness</h2>
      <CountTable caption="Overview and timeliness" rows={rows} csvName="overview.csv" onDrill={onDrill} />
    </section>
  );
}

export function OutcomesSection({ f, onDrill }: { f: QualityFigures; onDrill: Drill }) {
  const d = f.outcomeDetail;
  const rows = useMemo<CountRow[]>(
    () => [
      { key: 'accepted', label: 'Stated age accepted', n: d.statedAgeAccepted, figure: 'outcome.statedAgeAccepted' },
      { key: 'older', label: 'Older than stated, but a child', n: d.olderButChild, figure: 'outcome.olderButChild' },
      { key: 'adult', label: 'Found an adult', n: d.adult, figure: 'outcome.adult' },
    ],
    [d],
  );
  const total = f.assessments;
  const share = (n: number) => (total > 0 ? ` (${pct(n / total)})` : '');
  const alt =
    total === 0
      ? 'No assessment was decided in this period.'
      : `Of ${plural(total, 'decided assessment')}, ${d.statedAgeAccepted}${share(d.statedAgeAccepted)} accepted the stated age, ${d.olderButChild}${share(d.olderButChild)} found the young person older than stated but a child, and ${d.adult}${share(d.adult)} found an adult.`;
  const plot = useCallback(
    () => ({
      height: 120,
      marginLeft: 190,
      x: { label: 'Assessments', grid: true },
      y: { label: null },
      marks: [
        Plot.barX(rows, { x: 'n', y: 'label', fill: (r: CountRow) => (r.key === 'adult' ? palette.adult : palette.child), sort: null }),
        Plot.text(rows, { x: 'n', y: 'label', text: (r: CountRow) => String(r.n), dx: 10, textAnchor: 'start' }),
        Plot.ruleX([0]),
      ],
    }),
    [rows],
  );
  return (
    <section className="panel" aria-labelledby="dash-outcomes">
      <h2 id="dash-outcomes">Outcomes</h2>
      <Chart title="Outcomes of the decided assessments" alt={alt} plot={plot}>
        <CountTable caption="Outcomes" rows={rows} csvName="outcomes.csv" onDrill={onDrill} what="Outcome" />
      </Chart>
    </section>
  );
}

type SafeguardRow = QualityFigures['safeguards'][number];
const states = ['met', 'departed', 'missing'] as const;
const stateWords = { met: 'met', departed: 'departed from, with a reason', missing: 'missing' } as const;

export function SafeguardsSection({ f, onDrill }: { f: QualityFigures; onDrill: Drill }) {
  const rows = f.safeguards;
  const missed = [...rows].filter((r) => r.missing > 0).sort((a, b) => b.missing - a.missing);
  const alt =
    rows.length === 0
      ? 'No safeguard applied to the assessments in this period.'
      : missed.length === 0
        ? `Every one of the ${rows.length} safeguards was met or departed from with a reason in every assessment it applied to.`
        : `${plural(missed.length, 'safeguard')} of ${rows.length} were missing in at least one assessment. Most often missing: ${missed
            .slice(0, 3)
            .map((r) => `${r.ruleId} ${r.title} (${r.missing})`)
            .join('; ')}.`;
  const plot = useCallback(() => {
    const long = rows.flatMap((r) => states.map((s) => ({ rule: r.ruleId, state: s, n: r[s] })));
    return {
      height: 30 + rows.length * 20,
      marginLeft: 60,
      x: { label: 'Assessments', grid: true },
      y: { label: null },
      color: { domain: [...states], range: [palette.met, palette.departed, palette.missing] },
      marks: [Plot.barX(long, { x: 'n', y: 'rule', fill: 'state', sort: null }), Plot.ruleX([0])],
    };
  }, [rows]);
  const drillOf = (state: (typeof states)[number]) => (r: SafeguardRow) => ({ figure: `safeguard.${state}` as FigureKey, ruleId: r.ruleId, label: `${r.ruleId} ${stateWords[state]}` });
  const columns: Column<SafeguardRow>[] = [
    { header: 'Safeguard', value: (r) => `${r.ruleId} ${r.title}` },
    { header: 'Met', value: (r) => r.met, numeric: true, drill: drillOf('met') },
    { header: 'Departed from, with a reason', value: (r) => r.departed, numeric: true, drill: drillOf('departed') },
    { header: 'Missing', value: (r) => r.missing, numeric: true, drill: drillOf('missing') },
  ];
  return (
    <section className="panel" aria-labelledby="dash-safeguards">
      <h2 id="dash-safeguards">Safeguards</h2>
      <Chart title="Each safeguard: met, departed from with a reason, or missing" alt={alt} plot={plot}>
        <ul className="legend" aria-hidden="true">
          {states.map((s) => (
            <li key={s}>
              <span className={`swatch swatch-${s}`} /> {stateWords[s]}
            </li>
          ))}
        </ul>
        <DataTable caption="Safeguards" columns={columns} rows={rows} csvName="safeguards.csv" onDrill={onDrill} rowKey={(r) => r.ruleId} />
      </Chart>
    </section>
  );
}

export function PracticeSection({ f, onDrill }: { f: QualityFigures; onDrill: Drill }) {
  const rows: CountRow[] = [
    { key: 'mt-held', label: 'Minded-to meeting held (AA-22)', n: f.mindedTo.held, figure: 'mindedTo.held' },
    { key: 'mt-reason', label: 'Minded-to meeting not held, with a reason', n: f.mindedTo.notHeldWithReason, figure: 'mindedTo.notHeldWithReason' },
    { key: 'mt-none', label: 'Minded-to meeting not recorded', n: f.mindedTo.notRecorded, figure: 'mindedTo.notRecorded' },
    { key: 'interp', label: 'Interpreter present', n: f.interpreterPresent, figure: 'interpreter.present' },
    { key: 'aa', label: 'Appropriate adult present', n: f.appropriateAdultPresent, figure: 'appropriateAdult.present' },
    { key: 'wording', label: 'Wording findings (AA-24, AA-32, AA-33)', n: f.wording.findings, figure: 'wording.findings' },
    { key: 'per1000', label: 'Wording findings per 1,000 words', n: f.wording.per1000Words === null ? null : Math.round(f.wording.per1000Words * 100) / 100 },
    { key: 'traff', label: 'Trafficking indicators recorded', n: f.trafficking.withIndicators, figure: 'trafficking.indicators' },
    { key: 'nrm', label: 'NRM referrals', n: f.trafficking.nrmReferrals, figure: 'trafficking.nrmReferral' },
  ];
  return (
    <section className="panel" aria-labelledby="dash-practice">
      <h2 id="dash-practice">Practice</h2>
      <CountTable caption="Practice" rows={rows} csvName="practice.csv" onDrill={onDrill} />
    </section>
  );
}

export function LearningSection({ f, onDrill }: { f: QualityFigures; onDrill: Drill }) {
  const r = f.reassessment;
  const rows: CountRow[] = [
    { key: 'reassessed', label: 'Reassessed on new information (AA-37)', n: r.reassessed, figure: 'reassessed' },
    { key: 'overturned', label: 'Overturned by a court, tribunal or review (AA-43)', n: r.overturned, figure: 'overturned' },
  ];
  const reasons = r.reasons.map((x, i) => ({ key: `${i}`, label: `${x.kind === 'reassessed' ? 'Reassessed' : 'Overturned'}: ${x.reason}`, n: x.n }));
  return (
    <section className="panel" aria-labelledby="dash-learning">
      <h2 id="dash-learning">Learning from reassessed and overturned decisions</h2>
      <CountTable caption="Reassessed and overturned" rows={rows} csvName="reassessed-overturned.csv" onDrill={onDrill} />
      {reasons.length > 0 ? <CountTable caption="Why" rows={reasons} csvName="reassessed-overturned-reasons.csv" onDrill={onDrill} what="Reason" /> : <p>No decision was reassessed or overturned in this period.</p>}
    </section>
  );
}

const isGroup = (r: DisparityRow): r is Group => r.group !== 'suppressed';
const dimensionWords = { nationality: 'nationality', firstLanguage: 'first language' } as const;

function DisparityTable({ dimension, rows, onDrill }: { dimension: 'nationality' | 'firstLanguage'; rows: DisparityRow[]; onDrill: Drill }) {
  const groupName = (r: DisparityRow) => (isGroup(r) ? (r.label ? `${r.label} (${r.group})` : r.group) : `Groups under 5 (${plural(r.groups, 'group')}, not shown)`);
  const drill = (suffix: '' | '.adult' | '.missing') => (r: DisparityRow) => ({
    figure: `disparity.${dimension}${suffix}` as FigureKey,
    group: r.group,
    label: `${dimensionWords[dimension]} ${groupName(r)}${suffix === '.adult' ? ', found adult' : suffix === '.missing' ? ', a safeguard missing' : ''}`,
  });
  const columns: Column<DisparityRow>[] = [
    { header: 'Group', value: groupName },
    { header: 'Assessments (n)', value: (r) => r.n, numeric: true, drill: drill('') },
    { header: 'Found adult', value: (r) => (isGroup(r) ? r.adult : 'suppressed'), numeric: true, drill: (r) => (isGroup(r) ? drill('.adult')(r) : undefined) },
    { header: 'Adult share', value: (r) => (isGroup(r) ? pct(r.adultShare) : ''), numeric: true },
    { header: '95% interval (Wilson)', value: (r) => (isGroup(r) ? interval(r.ci95) : ''), numeric: true },
    { header: 'A safeguard missing', value: (r) => (isGroup(r) ? r.withMissingSafeguard : 'suppressed'), numeric: true, drill: (r) => (isGroup(r) ? drill('.missing')(r) : undefined) },
    { header: 'Missing share (95% interval)', value: (r) => (isGroup(r) ? `${pct(r.missingShare)} (${interval(r.missingCi95)})` : ''), numeric: true },
  ];
  return <DataTable caption={`Outcomes by ${dimensionWords[dimension]}`} columns={columns} rows={rows} csvName={`disparity-${dimension}.csv`} onDrill={onDrill} rowKey={(r) => r.group} />;
}

function DisparityChart({ dimension, rows, notes, onDrill }: { dimension: 'nationality' | 'firstLanguage'; rows: DisparityRow[]; notes: QualityFigures['disparity']['notes']; onDrill: Drill }) {
  const groups = rows.filter(isGroup);
  const suppressed = rows.find((r) => !isGroup(r));
  const own = notes.filter((n) => n.dimension === dimension);
  const alt =
    groups.length === 0
      ? `No ${dimensionWords[dimension]} group has 5 or more decided assessments in this period${suppressed ? ` (${suppressed.n} assessments in smaller groups are not shown)` : ''}.`
      : `Share found adult, with its 95% interval, for ${plural(groups.length, 'group')}: ${groups.map((g) => `${g.label ?? g.group} ${pct(g.adultShare)} of ${g.n} (${interval(g.ci95)})`).join('; ')}.` +
        (suppressed ? ` ${suppressed.n} assessments in groups under 5 are counted together and not shown.` : '') +
        (own.length === 0 ? ' No group differs from the rest beyond the intervals.' : '');
  const plot = useCallback(
    () => ({
      height: 40 + groups.length * 26,
      marginLeft: 140,
      // percent: true scales values by 100, so the domain is in per cent.
      x: { domain: [0, 100], label: 'Share found adult (%)', percent: true, grid: true },
      y: { label: null },
      marks: [
        Plot.ruleY(groups, { y: (g: Group) => g.label ?? g.group, x1: (g: Group) => g.ci95[0], x2: (g: Group) => g.ci95[1], stroke: palette.neutral, strokeWidth: 2 }),
        Plot.dot(groups, { y: (g: Group) => g.label ?? g.group, x: 'adultShare', fill: palette.adult, r: 4, sort: null }),
      ],
    }),
    [groups],
  );
  return (
    <>
      <h3>By {dimensionWords[dimension]}</h3>
      {own.length > 0 ? (
        <ul className="disparity-notes">
          {own.map((n) => (
            <li key={n.group}>{n.text}</li>
          ))}
        </ul>
      ) : null}
      <Chart title={`Share found adult by ${dimensionWords[dimension]}, with 95% intervals`} alt={alt} plot={plot}>
        <DisparityTable dimension={dimension} rows={rows} onDrill={onDrill} />
      </Chart>
    </>
  );
}

export function DisparitySection({ f, onDrill }: { f: QualityFigures; onDrill: Drill }) {
  return (
    <section className="panel" aria-labelledby="dash-disparity">
      <h2 id="dash-disparity">Disparity: who is found an adult</h2>
      <p className="hint">
        Groups by normalised code (ISO 3166 nationality, ISO 639-3 first language). Groups with fewer than 5 assessments are counted together and not shown, as official
        statistics do. A note appears when a group&apos;s share found adult differs from everyone else&apos;s beyond both 95% intervals: a prompt to look at those
        assessments, not a finding about them.
      </p>
      <DisparityChart dimension="nationality" rows={f.disparity.nationality} notes={f.disparity.notes} onDrill={onDrill} />
      <DisparityChart dimension="firstLanguage" rows={f.disparity.firstLanguage} notes={f.disparity.notes} onDrill={onDrill} />
    </section>
  );
}
