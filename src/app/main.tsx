import './schema-checks';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadOwnLanguageNames } from './components/languages';
import { loadUiLanguage, storedUiLanguage } from './i18n/i18n';
import { useAppUpdateStore } from './stores/app-update-store';
import { listenForBackgroundSync } from './stores/background-sync';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The words come first: this device's language, or English if that catalogue cannot load;
// and languages' own names, which some browsers lack (without them, names are the browser's).
void Promise.allSettled([loadUiLanguage(storedUiLanguage()).catch(() => loadUiLanguage('en')), loadOwnLanguageNames()]).finally(render);
void useAppUpdateStore.getState().register();
listenForBackgroundSync();
