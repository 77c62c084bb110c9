/**
 * The route table: one address per screen (routing/paths.ts), hash history so the same build works
 * under `app://` and the loopback server. The root route is the app's frame (header and the
 * set-up / unlock gate); the screens below it render only while the store is unlocked, and the
 * address stays put while it is locked, so unlocking returns to the same case and part.
 */
import { createHashRouter, Navigate } from 'react-router';
import { App, Unlocked } from '../App';
import type { CaseView } from '../screens/AssessmentScreen';
import { setNavigator } from '../state/session';
import { paths } from './paths';

/*
 * Each screen is its own chunk, loaded when its route is first entered: the first screen (set-up
 * or unlock) needs none of them, so the initial JavaScript is the frame alone (issue 10.10:
 * ≤ 300 KB gzipped). The router waits for the chunk before it draws the screen; the files are local.
 */
const caseRoute = (view: CaseView) => async () => {
  const { CaseRoute } = await import('./CaseRoute');
  return { element: <CaseRoute view={view} /> };
};

function NotFound() {
  return (
    <section className="panel">
      <h1>Page not found</h1>
      <p>
        This address is not a Carefile screen. <a href={`#${paths.assessments()}`}>Go to the assessments</a>.
      </p>
    </section>
  );
}

export const router = createHashRouter([
  {
    path: '/',
    element: <App />,
    children: [
      {
        element: <Unlocked />,
        children: [
          { index: true, element: <Navigate to={paths.assessments()} replace /> },
          { path: 'assessments', lazy: async () => ({ Component: (await import('../screens/AssessmentsScreen')).AssessmentsScreen }) },
          { path: 'assessments/new', lazy: async () => ({ Component: (await import('../screens/NewAssessmentScreen')).NewAssessmentScreen }) },
          { path: 'assessments/:id', lazy: caseRoute('overview') },
          { path: 'assessments/:id/parts/:part', lazy: caseRoute('part') },
          { path: 'assessments/:id/check', lazy: caseRoute('check') },
          { path: 'verify', lazy: async () => ({ Component: (await import('../screens/VerifyScreen')).VerifyScreen }) },
          { path: 'settings', lazy: async () => ({ Component: (await import('../screens/SettingsScreen')).SettingsScreen }) },
          { path: 'dashboard', lazy: async () => ({ Component: (await import('../dashboard/DashboardScreen')).DashboardScreen }) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

setNavigator((to, options) => void router.navigate(to, options));
