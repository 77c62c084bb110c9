import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../electron/security/external-links';

describe('external link allow-list', () => {
  it('allows public guidance over https', () => {
    expect(isAllowedExternalUrl('https://www.gov.uk/government/publications/age-assessment')).toBe(true);
    expect(isAllowedExternalUrl('https://www.legislation.gov.uk/ukpga/2015/30/section/51')).toBe(true);
  });
  it.each([
    'http://www.gov.uk/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'https://www.gov.uk.evil.example/',
    'https://user:pw@www.gov.uk/',
    'https://www.gov.uk:8443/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
