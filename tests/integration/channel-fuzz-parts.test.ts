/**
 * Channel fuzz (issue 12.6), one of three files so the groups run in parallel: the part saves (assessments.save*).
 * How the cases are made and weighted, and why: tests/integration/channel-fuzz/fuzz.ts.
 */
import { expect, it } from 'vitest';
import { channelsOf, fuzzChannels } from './channel-fuzz/fuzz';

const names = channelsOf('parts');
it('the group is not empty', () => expect(names.length).toBeGreaterThan(0));
fuzzChannels('parts', names);
