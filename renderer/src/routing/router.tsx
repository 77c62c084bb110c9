/**
 * The route table: one address per screen (routing/paths.ts), hash history so the same build works
 * under `app://` and the loopback server. The root route is the app's frame (header and the
 * set-up / unlock gate); the screens below it render only while the store is unlocked, and the
 * address stays put while it is locked, so unlocking returns to the same case and part.
 */
import { createHashRouter, Navigate, useParams } from 'react-router';
import { App, Unlocked } from '../App';
import { AssessmentsScreen } from '../screens/AssessmentsScreen';
import { AssessmentScreen, type CaseView } from '../screens/AssessmentScreen';
import { NewAssessmentScreen } from '../screens/NewAssessmentScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { VerifyScreen } from '../screens/VerifyScreen';
import { DashboardScreen } from '../dashboard/DashboardScreen';
import { setNavigator } from '../state/session';
import { paths } from './paths';

function CaseRoute({ view }: { view: CaseView }) {
  const { id = '', part } = useParams();
  // Keyed by case so nothing from one young person's case lingers on another's.
  return <AssessmentScreen key={`${id}-${view}-${part ?? ''}`} id={id} part={part} view={view} />;
}

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
          { path: 'assessments', element: <AssessmentsScreen /> },
          { path: 'assessments/new', element: <NewAssessmentScreen /> },
          { path: 'assessments/:id', element: <CaseRoute view="overview" /> },
          { path: 'assessments/:id/parts/:part', element: <CaseRoute view="part" /> },
          { path: 'assessments/:id/check', element: <CaseRoute view="check" /> },
          { path: 'verify', element: <VerifyScreen /> },
          { path: 'settings', element: <SettingsScreen /> },
          { path: 'dashboard', element: <DashboardScreen /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

setNavigator((to, options) => void router.navigate(to, options));
