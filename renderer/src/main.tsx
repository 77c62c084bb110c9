// First: zod's jitless mode, before any schema is built, so zod never probes `new Function` (our CSP forbids it).
import '../../shared/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './routing/router';
import './styles.css';
import { keepFieldsOutOfAutofill } from './state/no-autofill';

// The Ge'ez fallback font (styles.css) is fetched now, while the sign-in screen shows, not when the
// first name is drawn: Chromium does not always redraw text it first drew as boxes while waiting.
void document.fonts?.load('16px "Carefile Ethiopic"', 'ሰ').catch(() => undefined);

const root = document.getElementById('root');
if (root) {
  keepFieldsOutOfAutofill(root);
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
