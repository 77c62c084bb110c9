import { useEffect } from 'react';
import { useAppStore } from './state/app';
import { useSession } from './state/session';
import { SetupScreen } from './screens/SetupScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { AssessmentsScreen } from './screens/AssessmentsScreen';
import { AssessmentScreen } from './screens/AssessmentScreen';
import { NewAssessmentScreen } from './screens/NewAssessmentScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { VerifyScreen } from './screens/VerifyScreen';
import { DashboardScreen, mayReadFigures } from './dashboard/DashboardScreen';

function Nav() {
  const { screen, go, lock, status } = useSession();
  const tab = (name: 'assessments' | 'verify' | 'settings' | 'dashboard', label: string) => (
    <button type="button" aria-current={screen.name === name || (name === 'assessments' && screen.name.includes('assessment')) ? 'page' : undefined} onClick={() => go({ name })}>
      {label}
    </button>
  );
  return (
    <nav className="tabs" aria-label="Main">
      {tab('assessments', 'Assessments')}
      {mayReadFigures(status?.user?.role) && tab('dashboard', 'Quality dashboard')}
      {tab('verify', 'Verify a record')}
      {tab('settings', 'Settings')}
      <span className="who">
        {status?.user?.displayName} ({status?.user?.role})
      </span>
      <button type="button" className="secondary" onClick={() => void lock()}>
        Lock
      </button>
    </nav>
  );
}

function Unlocked() {
  const screen = useSession((s) => s.screen);
  return (
    <>
      <Nav />
      {screen.name === 'assessments' && <AssessmentsScreen />}
      {screen.name === 'new-assessment' && <NewAssessmentScreen />}
      {screen.name === 'assessment' && <AssessmentScreen id={screen.id} />}
      {screen.name === 'verify' && <VerifyScreen />}
      {screen.name === 'settings' && <SettingsScreen />}
      {screen.name === 'dashboard' && <DashboardScreen />}
    </>
  );
}

export function App() {
  const { info, loadError, loadInfo } = useAppStore();
  const { status, error: statusError, refresh } = useSession();
  useEffect(() => {
    void loadInfo();
    void refresh();
  }, [loadInfo, refresh]);
  const error = loadError ?? statusError;

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Carefile</span>
        <span className="marking" aria-label="Protective marking">
          OFFICIAL-SENSITIVE
        </span>
        {info && (
          <span className="mode">
            {info.mode === 'browser' ? 'Browser mode' : 'Desktop'} · v{info.version}
          </span>
        )}
      </header>
      <main className="app-main" id="main">
        {error && (
          <div role="alert" className="error-box">
            {error.message}
          </div>
        )}
        {status?.state === 'uninitialised' && <SetupScreen />}
        {status?.state === 'locked' && <UnlockScreen />}
        {status?.state === 'unlocked' && <Unlocked />}
        {!status && !error && <p aria-live="polite">Starting…</p>}
      </main>
    </div>
  );
}
