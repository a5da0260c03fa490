import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import { createFakeApi, type FakeApiOptions } from './fake-api';

/** Renders `ui` with a fresh query client and the fake API standing in for fetch. */
export function renderWithApi(
  ui: ReactElement,
  options: FakeApiOptions = {},
  api = createFakeApi(options),
) {
  vi.stubGlobal('fetch', api.fetch);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const view = render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
  return { api, view, queryClient };
}
