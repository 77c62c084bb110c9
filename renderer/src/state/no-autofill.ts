/**
 * No field of Carefile feeds the browser's autofill. Chromium keeps what is typed into text
 * fields in its own autofill database, in plain text, outside Carefile's encrypted store and
 * beyond its lock and its retention (issue 10.2): a young person's name, dates and story would
 * outlive the case on the machine. Every input, textarea and select gets autocomplete="off"
 * (and every form too) the moment it appears, whichever screen made it, unless it names its
 * purpose as a sign-in field (username, current-password, new-password), which holds no case
 * data. tests/e2e/session.spec.ts checks every field on the screens it visits.
 */
const SIGN_IN_PURPOSES = new Set(['username', 'current-password', 'new-password', 'one-time-code']);

function seal(el: Element): void {
  if (el instanceof HTMLFormElement) {
    // Only when not already so: setting it again would fire the observer again, for ever.
    if (el.getAttribute('autocomplete') !== 'off') el.setAttribute('autocomplete', 'off');
    return;
  }
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) return;
  const purpose = el.getAttribute('autocomplete');
  if (purpose && SIGN_IN_PURPOSES.has(purpose)) return;
  if (purpose !== 'off') el.setAttribute('autocomplete', 'off');
}

function sealTree(root: ParentNode): void {
  if (root instanceof Element) seal(root);
  root.querySelectorAll('input, textarea, select, form').forEach(seal);
}

/** Seals what is there and everything added later. */
export function keepFieldsOutOfAutofill(root: HTMLElement = document.body): MutationObserver {
  sealTree(root);
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes' && m.target instanceof Element) seal(m.target);
      m.addedNodes.forEach((n) => {
        if (n instanceof Element) sealTree(n);
      });
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['autocomplete'] });
  return observer;
}
