import { useId } from 'react';
import {
  preferencesStore,
  usePreferences,
  type TextSize,
  type ThemeChoice,
} from '../lib/preferences';

/** Theme and text size: a classroom projector wants large text, and often the light theme. */
export function PreferencesControls() {
  const preferences = usePreferences();
  const id = useId();
  return (
    <div className="preferences">
      <label htmlFor={`${id}-theme`}>Theme</label>
      <select
        id={`${id}-theme`}
        value={preferences.theme}
        onChange={(event) =>
          preferencesStore.set((previous) => ({
            ...previous,
            theme: event.target.value as ThemeChoice,
          }))
        }
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <label htmlFor={`${id}-size`}>Text</label>
      <select
        id={`${id}-size`}
        value={preferences.textSize}
        onChange={(event) =>
          preferencesStore.set((previous) => ({
            ...previous,
            textSize: event.target.value as TextSize,
          }))
        }
      >
        <option value="normal">Normal</option>
        <option value="large">Large (projector)</option>
      </select>
    </div>
  );
}
