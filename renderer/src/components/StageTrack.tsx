import { stageIndex, stageOrder, stageTitles } from '../../../shared/domain/stages';
import type { StageId } from '../../../shared/domain/model';

export function StageTrack({ current }: { current: StageId }) {
  const at = stageIndex(current);
  return (
    <ol className="stage-track" aria-label="Stages">
      {stageOrder.map((s, i) => (
        <li key={s} className={i < at ? 'done' : i === at ? 'current' : 'todo'} aria-current={i === at ? 'step' : undefined}>
          {stageTitles[s]}
        </li>
      ))}
    </ol>
  );
}
