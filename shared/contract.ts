/**
 * The one table of channels between the renderer and the main side. The preload, the renderer's
 * client, the ipcMain binding, the loopback transport and the CLI are all derived from it.
 * Each feature keeps its channels in shared/contract/<feature>.ts and is spread in here once.
 */
// First: sets zod's jitless mode before any channel schema is built (see the module).
import './zod-config';
import type { z } from 'zod';
import { appChannels } from './contract/app';
import { storeChannels } from './contract/store';
import { assessmentChannels } from './contract/assessment';
import { recordChannels } from './contract/record';
import { attachmentChannels } from './contract/attachments';
import { adminChannels } from './contract/admin';
import { bundleChannels } from './contract/bundle';
import { qualityChannels } from './contract/quality';
import { participantChannels } from './contract/participants';
import { reassessmentChannels } from './contract/reassessment';
import { qualityReportChannels } from './contract/quality-report';
import { draftChannels } from './contract/drafts';
import { sessionChannels } from './contract/session';

export * from './contract/define';

export const contract = {
  ...appChannels,
  ...storeChannels,
  ...assessmentChannels,
  ...recordChannels,
  ...attachmentChannels,
  ...adminChannels,
  ...bundleChannels,
  ...qualityChannels,
  ...participantChannels,
  ...reassessmentChannels,
  ...qualityReportChannels,
  ...draftChannels,
  ...sessionChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<K extends ChannelName> = z.input<Contract[K]['input']>;
export type OutputOf<K extends ChannelName> = z.output<Contract[K]['output']>;

export const channelNames = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What `window.carefile` is in the app, and what the browser-mode client implements. */
export type CarefileApi = {
  [K in ChannelName]: (input: InputOf<K>) => Promise<import('./contract/define').Result<OutputOf<K>>>;
};

/** Prefix of every IPC channel, so nothing else on ipcMain can be reached from the page. */
export const IPC_PREFIX = 'carefile:';
