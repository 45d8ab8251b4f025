// Entry point: styles, the interface language, then the app.
import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setNonce } from 'get-nonce';
import { initI18n, initialLanguage } from './i18n/index.ts';
import { App } from './app/App.tsx';

// The CSP allows <style> tags only with this page's nonce; Mantine's modals lock scrolling with
// one written by react-remove-scroll, which takes its nonce from here.
setNonce(document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '');
await initI18n(initialLanguage());
createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
