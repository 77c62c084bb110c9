/**
 * Every verb registers itself here, one module per family, so features add verbs without touching
 * main.ts. A family is loaded only when one of its verbs runs (or for the whole --help): each
 * family's module and what it imports stay unread for every other verb, so `carefile --version`
 * loads no store, record or safeguard code (issue 13.5). `verbs` names the top-level verbs a
 * family registers; tests/integration/cli-authority.test.ts checks the names against what it registers.
 */
import type { RegisterCommands } from './types';

export type { RegisterCommands } from './types';

export interface CommandFamily {
  /** The top-level verbs the family registers. */
  readonly verbs: readonly string[];
  readonly load: () => Promise<RegisterCommands>;
}

export const commandFamilies: CommandFamily[] = [
  { verbs: ['init', 'key', 'backup', 'restore', 'audit-log', 'doctor', 'user'], load: async () => (await import('./store')).registerStoreCommands },
  { verbs: ['check', 'lint-text', 'export'], load: async () => (await import('./assessment')).registerAssessmentCommands },
  { verbs: ['import', 'bundle'], load: async () => (await import('./bundle')).registerBundleCommands },
  {
    verbs: ['assessment'],
    load: async () => {
      const [workflow, reassessment] = await Promise.all([import('./assessment-workflow'), import('./assessment-reassessment')]);
      // reopen and overturned hang under the workflow's `assessment` verb, so they register after it.
      return (program, io) => {
        workflow.registerWorkflowCommands(program, io);
        reassessment.registerReassessmentCommands(program, io);
      };
    },
  },
  { verbs: ['verify', 'pdf', 'record'], load: async () => (await import('./record')).register },
  { verbs: ['outcomes', 'audit'], load: async () => (await import('./quality')).registerQualityCommands },
  { verbs: ['call'], load: async () => (await import('./call')).registerCallCommand },
];

/** A bare `carefile --help` (or `-h`): the top-level help, listed from ./help-index.ts with no family loaded. */
export function isTopLevelHelp(args: readonly string[]): boolean {
  return args.length > 0 && args.every((a) => a === '--help' || a === '-h');
}

/**
 * The families a command line needs: the one owning its verb; none for a bare --version or a bare
 * --help (./help-index.ts lists the verbs); all of them otherwise (no verb, or an unknown verb, so
 * commander can list or suggest verbs).
 */
export function familiesFor(args: readonly string[]): CommandFamily[] {
  const verb = args.find((a) => !a.startsWith('-'));
  if (verb === undefined && args.length > 0 && args.every((a) => a === '--version' || a === '-V')) return [];
  if (isTopLevelHelp(args)) return [];
  const owner = verb === undefined ? undefined : commandFamilies.find((f) => f.verbs.includes(verb));
  return owner ? [owner] : commandFamilies;
}
