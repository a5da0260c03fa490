import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyPreferences, preferencesStore } from './lib/preferences';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

applyPreferences(preferencesStore.get());

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
