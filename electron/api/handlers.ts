/** The handler map: one function per contract channel. Every transport serves this same map. */
import type { HandlerMap } from './types';
import { appHandlers } from './app';
import { storeHandlers } from './store';
import { assessmentHandlers } from './assessment';
import { recordHandlers } from './record';
import { attachmentHandlers } from './attachments';
import { adminHandlers } from './admin';
import { bundleHandlers } from './bundle';
import { qualityHandlers } from './quality';
import { participantHandlers } from './participants';
import { partHandlers } from './parts';
import { reassessmentHandlers } from './reassessment';
import { qualityReportHandlers } from './quality-report';
import { draftHandlers } from './drafts';
import { sessionHandlers } from './session';

export const handlers: HandlerMap = {
  ...appHandlers,
  ...storeHandlers,
  ...assessmentHandlers,
  ...recordHandlers,
  ...attachmentHandlers,
  ...adminHandlers,
  ...bundleHandlers,
  ...qualityHandlers,
  ...participantHandlers,
  ...partHandlers,
  ...reassessmentHandlers,
  ...qualityReportHandlers,
  ...draftHandlers,
  ...sessionHandlers,
};
