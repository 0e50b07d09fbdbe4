// Accessibility audit of the page as it is now, with axe-core (WCAG 2.x A and AA rules and axe's best
// practices). Returns the violations a person would be hindered by: impact serious or critical.
// Usage: import { audit } from './axe.mjs'; const violations = await audit(page, 'leaderboard');
import { createRequire } from 'node:module';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** [{id, impact, help, nodes: count, targets: [CSS selectors, at most 5]}] for `name` (a label for the caller). */
export async function audit(page, name) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: axePath });
  }
  const results = await page.evaluate(async () => window.axe.run(document, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: name,
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
