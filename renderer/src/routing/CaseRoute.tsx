import { useParams } from 'react-router';
import { AssessmentScreen, type CaseView } from '../screens/AssessmentScreen';

/** A case's screens (overview, one part, check your answers), from the address. */
export function CaseRoute({ view }: { view: CaseView }) {
  const { id = '', part } = useParams();
  // Keyed by case so nothing from one young person's case lingers on another's.
  return <AssessmentScreen key={`${id}-${view}-${part ?? ''}`} id={id} part={part} view={view} />;
}
