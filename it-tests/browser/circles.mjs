// The Account Console's Circles page, one step of a circle's life per run, in the system Chromium.
// Usage: node circles.mjs '<json>' with {baseUrl, realm, username, password, locale, screenshots, phone (390x844),
//   step, slug, name, description, badSlug, search}. Steps:
// "found": open Circles through the menu, found a circle with `badSlug` (refused at the field), then `slug`
//   with `name` and `description`, join policy "request"; read the circle's page it lands on.
// "ask": search the list for `search`, ask to join `slug`, read the member's standing in the row.
// "approve": open `slug`'s page, approve the one request, read the members.
// "member": read My circles and `slug`'s page as a member; open the leave question and cancel it.
// Selectors never depend on the language; the test compares with the REST API and the bundles.
// Prints one JSON line: {seen: {...}, audits, violations, screenshots, errors, pwned, injectedImages, scrollWidth}.
import { chromium } from 'playwright-core';
import { audit } from './axe.mjs';

const config = JSON.parse(process.argv[2]);
const size = config.phone ? { name: 'phone', width: 390, height: 844 } : { name: 'desktop', width: 1280, height: 900 };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const result = { seen: {}, audits: [], violations: [], screenshots: [], errors: [], pwned: false, injectedImages: 0 };
const account = `${config.baseUrl}/realms/${config.realm}/account`;
const row = (slug) => `[data-testid="circles-row"][data-slug="${slug}"]`;
let page;

// member-typed HTML must never run nor become elements: checked on every page kept
async function keep(name) {
  result.pwned = result.pwned || await page.evaluate(() => window.__pwned === 1);
  result.injectedImages = Math.max(result.injectedImages, await page.locator('img[src="x"]').count());
  result.audits.push(`${size.name} ${config.step} ${name}`);
  result.violations.push(...await audit(page, `${size.name} ${config.step} ${name}`));
  const file = `circles-${config.step}-${size.name}-${name}.png`;
  await page.screenshot({ path: `${config.screenshots}/${file}`, fullPage: true });
  result.screenshots.push(file);
}

async function settled(selector) {
  await page.locator(selector).first().waitFor();
  await page.waitForLoadState('networkidle');
}

async function circlePage() {
  await settled('[data-testid="circle-page"][data-state="ok"][data-members="ok"]');
  return page.evaluate(() => ({
    heading: document.querySelector('[data-testid="page-heading"]').textContent,
    headingHtml: document.querySelector('[data-testid="page-heading"]').innerHTML,
    description: document.querySelector('[data-testid="circle-description"]')?.textContent ?? null,
    facts: document.querySelector('[data-testid="circle-facts"]').innerText,
    memberCount: Number(document.querySelector('[data-testid="circle-member-count"]').textContent),
    standing: document.querySelector('[data-testid="circle-facts"] [data-testid="circles-standing"]').dataset,
    members: [...document.querySelectorAll('[data-testid="circle-member"]')].map((r) => ({
      userId: r.dataset.user, role: r.dataset.role, text: r.innerText,
      labels: [...r.querySelectorAll('td')].map((td) => td.dataset.label), width: r.getBoundingClientRect().width,
    })),
    requests: [...document.querySelectorAll('[data-testid="circle-requested-row"]')].map((r) => r.dataset.user),
    moderation: Boolean(document.querySelector('[data-testid="circle-moderation"]')),
    text: document.querySelector('main').innerText,
  }));
}

async function openCircles() {
  if (size.name === 'desktop') await page.locator('[data-testid="community/circles"]').first().click();
  else await page.goto(`${account}/community/circles`);
  await settled('[data-testid="circles-page"][data-state="ok"][data-mine="ok"]');
}

const steps = {
  async found() {
    await openCircles();
    result.seen.listText = await page.innerText('main');
    await keep('list');
    await page.click('[data-testid="circles-found-open"]');
    await page.fill('[data-testid="circle-form-name"]', config.name);
    await page.fill('[data-testid="circle-form-slug"]', config.badSlug);
    await page.fill('[data-testid="circle-form-description"]', config.description);
    await page.selectOption('[data-testid="circle-form-joinPolicy"]', 'request');
    await page.click('[data-testid="circle-form-submit"]');
    await settled('[data-testid="circle-slug-help-error"]');
    result.seen.slugError = await page.innerText('[data-testid="circle-slug-help-error"]');
    result.seen.formText = await page.innerText('[role="dialog"]');
    await keep('form-refused');
    await page.fill('[data-testid="circle-form-slug"]', config.slug);
    await page.click('[data-testid="circle-form-submit"]');
    await page.waitForURL(`**/community/circles/${config.slug}`);
    result.seen.circle = await circlePage();
    await keep('founded');
  },
  async ask() {
    await openCircles();
    const answer = page.waitForResponse((r) => r.url().includes(`/circles?search=${encodeURIComponent(config.search)}`));
    await page.fill('[data-testid="circles-search"]', config.search);
    await answer;
    await settled('[data-testid="circles-page"][data-state="ok"]');
    result.seen.found = await page.locator('[data-testid="circles-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.slug));
    result.seen.before = await page.innerText(row(config.slug));
    await page.click(`${row(config.slug)} [data-testid="circles-ask"]`);
    await settled(`${row(config.slug)} [data-testid="circles-standing"][data-status="requested"]`);
    result.seen.after = await page.innerText(row(config.slug));
    result.seen.alert = await page.locator('.pf-v5-c-alert').first().innerText().catch(() => null);
    result.seen.labels = await page.locator(`${row(config.slug)} td`).evaluateAll((tds) => tds.map((td) => td.dataset.label));
    await keep('requested');
  },
  async approve() {
    await page.goto(`${account}/community/circles/${config.slug}`);
    result.seen.before = await circlePage();
    await page.click('[data-testid="circle-requested-row"] [data-testid="circle-approve"]');
    await page.locator('[data-testid="circle-requested-row"]').waitFor({ state: 'detached' });
    await settled('[data-testid="circle-page"][data-members="ok"]');
    result.seen.after = await circlePage();
    await keep('approved');
  },
  async member() {
    await openCircles();
    result.seen.mine = await page.locator('[data-testid="circles-mine-row"]').evaluateAll((rows) => rows.map((r) => {
      const standing = r.querySelector('[data-testid="circles-standing"]');
      return { slug: r.dataset.slug, status: standing.dataset.status, role: standing.dataset.role ?? null, text: r.innerText };
    }));
    await keep('mine');
    await page.click(`[data-testid="circles-mine-row"][data-slug="${config.slug}"] [data-testid="circles-open"]`);
    result.seen.circle = await circlePage();
    await keep('circle');
    await page.click('[data-testid="circle-facts"] ~ div [data-testid="circles-leave"]');
    await settled('[data-testid="circles-leave-confirm"]');
    result.seen.leave = await page.innerText('[role="dialog"]');
    await keep('leave-question');
    await page.click('[data-testid="circles-leave-cancel"]');
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
  },
};

try {
  const context = await browser.newContext({ locale: config.locale, viewport: { width: size.width, height: size.height } });
  page = await context.newPage();
  page.setDefaultTimeout(60000);
  page.on('pageerror', (error) => result.errors.push(error.message));
  page.on('dialog', (dialog) => { result.pwned = true; dialog.dismiss(); });
  await page.goto(`${account}/`);
  await page.fill('#username', config.username);
  await page.fill('#password', config.password);
  await page.click('#kc-login');
  await settled('[data-testid="page-heading"]');
  await steps[config.step]();
  result.scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  result.pwned = result.pwned || await page.evaluate(() => window.__pwned === 1);
} catch (error) {
  result.failure = String(error);
  if (page) {
    await page.screenshot({ path: `${config.screenshots}/circles-${config.step}-failure.png`, fullPage: true }).catch(() => {});
    result.failurePage = await page.innerText('body').catch(() => '');
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
