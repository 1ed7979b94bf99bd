// How often React drew an element again, read through the hook React calls after every commit (the one
// React DevTools installs; production builds call it too). An element counts as drawn again when its fiber
// holds another props object than at the last commit: its parent rendered. A parent that bailed out leaves
// the same one. (Comparing with the fiber's alternate is not enough: a subtree no commit touched keeps an
// alternate from two renders ago.)

import { expect, type Page } from "@playwright/test";

declare global {
  interface Window {
    __rendersOf?: (selector: string) => number;
  }
}

/** Installs the hook before the page's scripts run; call before page.goto. */
export async function countRenders(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Fiber {
      stateNode: unknown;
      memoizedProps: unknown;
      child: Fiber | null;
      sibling: Fiber | null;
    }
    const drawn = new WeakMap<object, number>();
    const lastProps = new WeakMap<object, unknown>();
    const walk = (fiber: Fiber | null) => {
      for (let each = fiber; each; each = each.sibling) {
        const element = each.stateNode;
        if (element instanceof Element && lastProps.get(element) !== each.memoizedProps) {
          lastProps.set(element, each.memoizedProps);
          drawn.set(element, (drawn.get(element) ?? 0) + 1);
        }
        walk(each.child);
      }
    };
    let renderers = 0;
    Object.defineProperty(window, "__REACT_DEVTOOLS_GLOBAL_HOOK__", {
      value: {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => ++renderers,
        checkDCE: () => undefined,
        onScheduleFiberRoot: () => undefined,
        onCommitFiberRoot: (_id: number, root: { current: Fiber }) => walk(root.current),
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
      },
    });
    window.__rendersOf = (selector) => {
      const element = document.querySelector(selector);
      return element ? (drawn.get(element) ?? 0) : -1;
    };
  });
}

/** Commits that drew the element `selector` names again since it was mounted; -1 when there is none. */
export function rendersOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => window.__rendersOf?.(s) ?? -1, selector);
}

/**
 * Draws of the element `selector` names before and after two ticks of the page's clock, told by its
 * "updated … N s ago" (data-testid "updated"): what a tick costs the page around its times.
 */
export async function drawsOverTwoTicks(
  page: Page,
  selector: string,
): Promise<{ before: number; after: number }> {
  const updated = page.getByTestId("updated");
  const secondsAgo = async () => Number((await updated.textContent())?.match(/(\d+) s ago$/)?.[1]);
  await expect.poll(secondsAgo).toBeGreaterThanOrEqual(0);
  const from = await secondsAgo();
  const before = await rendersOf(page, selector);
  await expect.poll(secondsAgo, { timeout: 10_000 }).toBeGreaterThanOrEqual(from + 2);
  return { before, after: await rendersOf(page, selector) };
}
