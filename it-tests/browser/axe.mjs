// Accessibility audit of the page as it is now, with axe-core (WCAG 2.x A and AA rules and axe's best
// practices). Returns the violations a person would be hindered by: impact serious or critical.
// Usage: import { audit } from './axe.mjs'; const violations = await audit(page, 'leaderboard');
// Each violation says where its elements are: `scope` "page" when they are all in the page's content
// (<main> or an open dialog), else "chrome" (Keycloak's header and menu around it).
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** [{page: name, id, impact, help, scope, nodes: count, targets: [CSS selectors, at most 5]}]. */
export async function audit(page, name) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: axePath });
  }
  const results = await page.evaluate(async () => {
    const found = await window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    const inPage = (target) => {
      const element = target.length === 1 ? document.querySelector(target[0]) : null;
      return Boolean(element && element.closest('main, [role="dialog"]'));
    };
    return found.violations.map((v) => ({ ...v, scope: v.nodes.every((n) => inPage(n.target)) ? 'page' : 'chrome' }));
  });
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: name,
      id: v.id,
      impact: v.impact,
      help: v.help,
      scope: v.scope,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
