import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { useAppUpdateStore } from './stores/app-update-store';
import { listenForBackgroundSync } from './stores/background-sync';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void useAppUpdateStore.getState().register();
listenForBackgroundSync();
