/**
 * Links the app may open in the user's browser: public guidance only. Anything else is dropped,
 * so a crafted link in stored text can never launch a file, a custom scheme or an unknown site.
 */
const ALLOWED_HOSTS = new Set(['www.gov.uk', 'www.legislation.gov.uk', 'www.adcs.org.uk', 'www.gov.scot', 'www.gov.wales']);

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && ALLOWED_HOSTS.has(url.hostname) && url.username === '' && url.password === '' && url.port === '';
  } catch {
    return false;
  }
}
