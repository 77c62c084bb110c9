// First: zod's jitless mode, before any schema is built, so zod never probes `new Function` (our CSP forbids it).
import '../../shared/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './routing/router';
import './styles.css';
import { keepFieldsOutOfAutofill } from './state/no-autofill';

const root = document.getElementById('root');
if (root) {
  keepFieldsOutOfAutofill(root);
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
