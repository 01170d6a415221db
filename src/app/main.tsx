import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
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
// The words come first: this device's language, or English if that catalogue cannot load.
loadUiLanguage(storedUiLanguage())
  .catch(() => loadUiLanguage('en'))
  .finally(render);
void useAppUpdateStore.getState().register();
listenForBackgroundSync();
