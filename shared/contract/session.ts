/**
 * The signed-in session: the store's settings an administrator chooses (idle lock, backups kept)
 * and the renderer's activity report that keeps the idle lock from firing while someone works.
 */
import { z } from 'zod';
import { channel } from './define';

export const StoreSettingsSchema = z.object({
  /** Minutes without activity before the store locks itself. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** How many backups the store's backups folder keeps (the newest). */
  backupKeep: z.number().int().min(1).max(100),
});

export const sessionChannels = {
  'settings.get': channel({
    summary: "The store's settings: idle lock minutes and backups kept.",
    input: z.object({}).strict(),
    output: StoreSettingsSchema,
    errors: ['NOT_UNLOCKED'],
  }),
  'settings.set': channel({
    summary: "Change the store's settings (administrators only; audited).",
    input: StoreSettingsSchema.partial().strict(),
    output: StoreSettingsSchema,
    errors: ['NOT_UNLOCKED', 'FORBIDDEN'],
  }),
  'session.activity': channel({
    summary: 'The person is working (keys, pointer): the idle lock starts counting again. Sent at most every few seconds.',
    input: z.object({}).strict(),
    output: z.object({ idleLockMs: z.number().int().min(0) }),
    errors: ['NOT_UNLOCKED'],
  }),
};
