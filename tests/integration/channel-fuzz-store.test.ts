/**
 * Channel fuzz (issue 12.6), one of three files so the groups run in parallel: everything outside assessments.*: the store, people, settings, the audit check, records, attachments, bundles, quality figures and drafts.
 * How the cases are made and weighted, and why: tests/integration/channel-fuzz/fuzz.ts.
 */
import { expect, it } from 'vitest';
import { channelsOf, fuzzChannels } from './channel-fuzz/fuzz';

const names = channelsOf('store');
it('the group is not empty', () => expect(names.length).toBeGreaterThan(0));
fuzzChannels('store', names);
