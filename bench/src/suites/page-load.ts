import { existsSync } from 'node:fs';
import { chromium, errors } from 'playwright-core';
import { median } from '../report/stats.js';
import { serveDirectory } from './static-server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A page that has painted no content by then is recorded without a first-contentful-paint. */
const FCP_TIMEOUT_MS = 5_000;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PageTiming {
  /** Milliseconds from navigation start. */
  firstContentfulPaint: number;
  domContentLoaded: number;
  load: number;
}

export interface PageLoadResult {
  runs: Record<string, PageTiming[]>;
  medians: Record<string, PageTiming>;
}

/**
 * Cold loads (a fresh browser context each time: empty cache) of each site, interleaved, in
 * headless Chromium; timings from the page's own Navigation Timing and Paint Timing entries.
 */
export async function measurePageLoads(
  sites: Record<string, string>,
  loads: number,
): Promise<PageLoadResult | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const servers = await Promise.all(
    Object.entries(sites).map(async ([name, dir]) => [name, await serveDirectory(dir)] as const),
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const runs: Record<string, PageTiming[]> = Object.fromEntries(
    servers.map(([name]) => [name, []]),
  );
  try {
    for (let index = 0; index < loads + 1; index += 1) {
      for (const [name, server] of servers) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.origin}/`, { waitUntil: 'load' });
        await page.waitForFunction(
          () =>
            (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
              .loadEventEnd > 0,
        );
        // Headless Chromium often paints for the first time after the load event: wait for that
        // paint too, or a fast page would be read before it and have no first-contentful-paint.
        await page
          .waitForFunction(
            () => performance.getEntriesByName('first-contentful-paint').length > 0,
            undefined,
            { timeout: FCP_TIMEOUT_MS },
          )
          .catch((error: unknown) => {
            if (!(error instanceof errors.TimeoutError)) throw error;
          });
        const timing = await page.evaluate((): PageTiming => {
          const navigation = performance.getEntriesByType(
            'navigation',
          )[0] as PerformanceNavigationTiming;
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          return {
            firstContentfulPaint: paint?.startTime ?? Number.NaN,
            domContentLoaded: navigation.domContentLoadedEventEnd,
            load: navigation.loadEventEnd,
          };
        });
        await context.close();
        // The first round starts the browser's own caches and processes: not counted.
        if (index > 0) runs[name]!.push(timing);
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map(([, server]) => server.close()));
  }
  const medianOf = (timings: PageTiming[]): PageTiming => ({
    // Only the loads that painted; if none did, the median is NaN and the table shows "—".
    firstContentfulPaint: median(
      timings.map((timing) => timing.firstContentfulPaint).filter(Number.isFinite),
    ),
    domContentLoaded: median(timings.map((timing) => timing.domContentLoaded)),
    load: median(timings.map((timing) => timing.load)),
  });
  return {
    runs,
    medians: Object.fromEntries(
      Object.entries(runs).map(([name, timings]) => [name, medianOf(timings)]),
    ),
  };
}
