import { createStore, useStore } from './create-store';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type TextSize = 'normal' | 'large';

export interface Preferences {
  theme: ThemeChoice;
  textSize: TextSize;
}

const STORAGE_KEY = 'authlab.preferences';

function load(): Preferences {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Preferences>;
    return {
      theme: stored.theme === 'light' || stored.theme === 'dark' ? stored.theme : 'system',
      textSize: stored.textSize === 'large' ? 'large' : 'normal',
    };
  } catch {
    return { theme: 'system', textSize: 'normal' };
  }
}

export const preferencesStore = createStore<Preferences>(load());

/** Applies the preferences to <html>, where the CSS reads them, and keeps them for the next visit. */
export function applyPreferences(preferences: Preferences): void {
  const root = document.documentElement;
  if (preferences.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = preferences.theme;
  root.dataset.textSize = preferences.textSize;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Not kept when storage is off; the page still works.
  }
}

preferencesStore.subscribe(() => applyPreferences(preferencesStore.get()));

export function usePreferences(): Preferences {
  return useStore(preferencesStore);
}
