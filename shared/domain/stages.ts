import { StageId as StageIdSchema, type StageId } from './model';

/** DOMAIN.md §2.1 order: the model's enum is declared in that order. */
export const stageOrder: readonly StageId[] = StageIdSchema.options;

export const stageTitles: Record<StageId, string> = {
  'initial-presentation': 'Initial presentation and reason for doubt',
  'before-you-start': 'Before you start: trafficking screen, needs, accommodation',
  planning: 'Planning: assessors, interpreter, appropriate adult, information requests',
  explaining: 'Explaining the purpose and consent',
  interviews: 'Interview sessions',
  analysis: 'Analysis',
  'minded-to': 'Minded-to: putting the adverse points',
  decision: 'Decision',
  sharing: 'Sharing the decision and afterwards',
};

export function stageIndex(stage: StageId): number {
  return stageOrder.indexOf(stage);
}
