/**
 * Channel fuzz (issue 12.6), one of three files so the groups run in parallel: the assessment's workflow (assessments.* but the part saves).
 * How the cases are made and weighted, and why: tests/integration/channel-fuzz/fuzz.ts.
 */
import { expect, it } from 'vitest';
import { channelsOf, fuzzChannels } from './channel-fuzz/fuzz';

const names = channelsOf('workflow');
it('the group is not empty', () => expect(names.length).toBeGreaterThan(0));
fuzzChannels('workflow', names);
