import './app/zod-setup'; // first: before any schema is built
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { activateLocale } from './i18n';

// The browser's language until Teams says which one the person uses (a moment later, before any page).
activateLocale(navigator.language || 'en-US');

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <Suspense fallback={null}>
      <App />
    </Suspense>
  </StrictMode>,
);
