// Entry point: styles, the interface language, then the app.
import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, initialLanguage } from './i18n/index.ts';
import { App } from './app/App.tsx';

await initI18n(initialLanguage());
createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
