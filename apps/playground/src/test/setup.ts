import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetDemoTokens } from '../lib/demo-tokens';
import { sessionStore } from '../lib/session-store';

afterEach(() => {
  // Testing Library only cleans up by itself when test globals are on; they are off here.
  cleanup();
  sessionStore.set(null);
  forgetDemoTokens();
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; max-age=0; path=/`;
  }
  window.location.hash = '';
  localStorage.clear();
});
