import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useAppStore } from './state/app';
import { useSession } from './state/session';
import { SetupScreen } from './screens/SetupScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { paths } from './routing/paths';
import { mayReadFigures } from './dashboard/access';
import { userRoleLabels } from '../../shared/format/labels';

function Nav() {
  const { lock, status } = useSession();
  return (
    <nav className="tabs" aria-label="Main">
      <NavLink to={paths.assessments()} className="tab">
        Assessments
      </NavLink>
      {mayReadFigures(status?.user?.role) && (
        <NavLink to={paths.dashboard()} className="tab">
          Quality dashboard
        </NavLink>
      )}
      <NavLink to={paths.verify()} className="tab">
        Verify a record
      </NavLink>
      <NavLink to={paths.settings()} className="tab">
        Settings
      </NavLink>
      <span className="who">
        {status?.user ? `${status.user.displayName}, ${userRoleLabels[status.user.role].toLowerCase()}` : null}
      </span>
      <button type="button" className="secondary" onClick={() => void lock()}>
        Lock
      </button>
    </nav>
  );
}

/** The screens of an unlocked store: the main navigation and the routed screen (routing/router.tsx). */
export function Unlocked() {
  return (
    <>
      <Nav />
      <Outlet />
    </>
  );
}

/** The app's frame: header, then set-up, unlock or the routed screens, by the store's state. */
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
        {status?.state === 'unlocked' && <Outlet />}
        {!status && !error && <p aria-live="polite">Starting…</p>}
      </main>
    </div>
  );
}
