// Entry point: styles, the interface language, then the app.
import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setNonce } from 'get-nonce';
import { initI18n, initialLanguage } from './i18n/index.ts';
import { App } from './app/App.tsx';
import { createAppRouter } from './app/router.tsx';
import { refreshOnPageStart } from './api/client.ts';

// The CSP allows <style> tags only with this page's nonce; Mantine's modals lock scrolling with
// one written by react-remove-scroll, which takes its nonce from here.
setNonce(document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '');
// Started before the catalogues load, not one network round trip after them (a phone on a slow
// network sees the first screen that much sooner): the silent refresh, and the router, which
// starts loading the chunks of the screen asked for as soon as it is made.
refreshOnPageStart().catch(() => undefined); // the session provider handles the answer
const router = createAppRouter();
await initI18n(initialLanguage());
createRoot(document.getElementById('root')!).render(<StrictMode><App router={router} /></StrictMode>);
