import type { Page } from 'playwright-core';

/**
 * What sticks out at this width: the page itself wider than the viewport, and any element
 * that reaches past the viewport or past the panel it sits in. Content inside its own
 * scrolling frame (a wide table in an overflow-x: auto box) is the frame's business: only the
 * frame is measured. Visually hidden text (1 px, clipped) is skipped.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  // Runs in the page: plain DOM, no imports.
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis;
    const root = document.documentElement;
    const viewportWidth = root.clientWidth;
    const problems: string[] = [];
    if (root.scrollWidth > viewportWidth)
      problems.push(`the page is ${root.scrollWidth} px wide in a ${viewportWidth} px viewport`);

    const describe = (element: Element): string => {
      const classes = [...element.classList].map((name) => `.${name}`).join('');
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${element.tagName.toLowerCase()}${classes}> "${text}"`;
    };
    const isHidden = (element: Element): boolean => {
      const style = getComputedStyle(element);
      return style.clipPath !== 'none' || element.classList.contains('visually-hidden');
    };
    const scrolls = (element: Element): boolean => {
      const { overflowX } = getComputedStyle(element);
      return overflowX === 'auto' || overflowX === 'scroll';
    };

    const slack = 1;
    // Only the outermost element that sticks out is named: its children stick out with it.
    const reported = new Set<Element>();
    for (const element of document.body.querySelectorAll('*')) {
      if (element.parentElement && reported.has(element.parentElement)) {
        reported.add(element);
        continue;
      }
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let skip = false;
      let panel: Element | null = null;
      for (let ancestor: Element | null = element; ancestor; ancestor = ancestor.parentElement) {
        if (isHidden(ancestor) || (ancestor !== element && scrolls(ancestor))) {
          skip = true;
          break;
        }
        if (!panel && ancestor !== element && ancestor.classList.contains('panel'))
          panel = ancestor;
      }
      if (skip) continue;
      const left = rect.left + globalThis.scrollX;
      const right = rect.right + globalThis.scrollX;
      if (left < -slack || right > viewportWidth + slack) {
        problems.push(
          `${describe(element)} spans ${Math.round(left)}–${Math.round(right)} px, outside the ${viewportWidth} px viewport`,
        );
        reported.add(element);
        continue;
      }
      if (panel) {
        const frame = panel.getBoundingClientRect();
        if (rect.left < frame.left - slack || rect.right > frame.right + slack) {
          problems.push(
            `${describe(element)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px, outside its panel (${Math.round(frame.left)}–${Math.round(frame.right)} px)`,
          );
          reported.add(element);
        }
      }
    }
    return problems;
  });
}
