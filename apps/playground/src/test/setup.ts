import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearBaseline } from '../features/lessons/lib/baselines';
import { progressStore } from '../features/lessons/lib/progress';
import { chosenTokenStore } from '../lib/current-token';
import { forgetDemoTokens } from '../lib/demo-tokens';
import { sessionStore } from '../lib/session-store';
import { verifiedSignatureStore } from '../lib/signature-verification';

// jsdom's Blob has no text() (browsers have had it since 2019): read it with FileReader instead.
if (typeof Blob !== 'undefined' && typeof Blob.prototype.text !== 'function') {
  Blob.prototype.text = function text(this: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
      reader.readAsText(this);
    });
  };
}

afterEach(() => {
  // Testing Library only cleans up by itself when test globals are on; they are off here.
  cleanup();
  sessionStore.set(null);
  chosenTokenStore.set(null);
  verifiedSignatureStore.set(null);
  progressStore.set({});
  forgetDemoTokens();
  // The lesson-file tests run in Node, without a DOM.
  if (typeof document === 'undefined') return;
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; max-age=0; path=/`;
  }
  window.location.hash = '';
  clearBaseline();
  localStorage.clear();
});
