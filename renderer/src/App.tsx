import { useEffect } from 'react';
import { useAppStore } from './state/app';
import { WelcomeScreen } from './screens/WelcomeScreen';

export function App() {
  const { info, loadError, loadInfo } = useAppStore();
  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Carefile</span>
        <span className="marking" aria-label="Protective marking">OFFICIAL-SENSITIVE</span>
        {info && <span className="mode">{info.mode === 'browser' ? 'Browser mode' : 'Desktop'} · v{info.version}</span>}
      </header>
      <main className="app-main" id="main">
        {loadError && (
          <div role="alert" className="error-box">
            {loadError.message}
          </div>
        )}
        {info && <WelcomeScreen info={info} />}
        {!info && !loadError && <p aria-live="polite">Starting…</p>}
      </main>
    </div>
  );
}
