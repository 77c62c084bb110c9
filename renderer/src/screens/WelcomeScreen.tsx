import type { OutputOf } from '../../../shared/contract';

export function WelcomeScreen({ info }: { info: OutputOf<'app.info'> }) {
  return (
    <section aria-labelledby="welcome-title" className="panel">
      <h1 id="welcome-title">Age assessments, done lawfully</h1>
      <p>
        A young person who says they are a child is treated as their stated age until a lawful assessment
        decides otherwise. Carefile walks two assessors through each stage, keeps the evidence encrypted on
        this computer, and produces a signed record that a legal reviewer can verify.
      </p>
      <dl className="facts">
        <dt>Evidence store</dt>
        <dd>{info.storeState === 'uninitialised' ? 'Not set up yet' : info.storeState === 'locked' ? 'Locked' : 'Unlocked'}</dd>
        <dt>Record format</dt>
        <dd>Schema version {info.schemaVersion}</dd>
      </dl>
    </section>
  );
}
