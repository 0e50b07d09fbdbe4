// A member's journey through Keycloak's real login pages and Account Console, in the system Chromium.
// Usage: node community-journey.mjs '<json>' with
//   {baseUrl, realm, username, password, locale, screenshots, prefix, step: "vote" | "results",
//    handle, election, first: [handles], second: [handles], nominate: {election, statement} (optional),
//    phone: true for a 390x844 viewport (optional), leave: true to open and cancel the leave dialog (optional),
//    keyboard: true to reach the ballot, rank and cast with the keyboard alone (optional)}
// "vote": log in, accept the code of conduct, choose a handle, open Community, rank `first`, save the codes
// as a file, change the ballot to `second` (with the change key the page kept), verify the receipt, reload,
// try a change with the receipt instead of the change key, and stand in `nominate.election` if given.
// "results": log in again, read the certified election and download its ballots. "unavailable": open
// Community in a realm without a community and wait for the text `expect`.
// Selectors never depend on the language; the test asserts on the texts this script returns.
// Prints one JSON line: {texts: {page: visible text}, receipt, changeKey, changeKeyInForm, statuses: {...}, bio, pwned,
// injectedImages}.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { audit } from './axe.mjs';

const config = JSON.parse(process.argv[2]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const result = { texts: {}, statuses: {}, screenshots: [], errors: [], audits: [], violations: [] };
// the pages of ours whose accessibility is audited (axe-core, serious and critical violations)
const AUDITED = ['community', 'ballot-cast', 'reloaded', 'change-refused', 'leave-confirm', 'results', 'unavailable'];
let page;

async function keep(name) {
  result.texts[name] = await page.innerText('body');
  if (AUDITED.includes(name)) {
    result.audits.push(name);
    result.violations.push(...await audit(page, `${config.phone ? 'phone' : 'desktop'} ${name}`));
  }
  const file = `${config.prefix}-${Object.keys(result.texts).length}-${name}.png`;
  await page.screenshot({ path: `${config.screenshots}/${file}`, fullPage: true });
  result.screenshots.push(file);
}

async function ballot(response) {
  const answer = await response;
  result.statuses[`ballot-${Object.keys(result.statuses).length}`] = answer.status();
  return answer.json();
}

// whether leaving the page now would ask first (the page cancels beforeunload)
function warnsOnLeaving() {
  return page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

function ballotResponse() {
  return page.waitForResponse((r) => r.url().endsWith('/ballot') && r.request().method() === 'PUT');
}

async function rank(handles) {
  for (const select of await page.locator('select[data-handle]').all()) {
    await select.selectOption('');
  }
  for (const [i, handle] of handles.entries()) {
    await page.selectOption(`select[data-handle="${handle}"]`, String(i + 1));
  }
}

const sidebarOpen = () => page.locator('#page-sidebar.pf-m-expanded').isVisible();

// Keyboard only: "Vote now" at the top moves the focus to the ballot's first rank; each rank is typed, Tab
// goes to the next candidate, and Enter on the cast button casts.
async function rankAndCastByKeyboard(handles) {
  await page.locator('[data-testid="community-next-step"] .pf-v5-c-alert__action-group button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('select[data-handle]'));
  const order = await page.locator('select[data-handle]').evaluateAll((all) => all.map((s) => s.dataset.handle));
  for (const handle of order) {
    const rank = handles.indexOf(handle);
    await page.keyboard.press(rank < 0 ? '-' : String(rank + 1));
    await page.keyboard.press('Tab');
  }
  result.focusedAfterRanks = await page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
  await page.keyboard.press('Enter');
}

async function openCommunity() {
  if (config.phone) {
    result.menu = { openOnArrival: await sidebarOpen() };
    await page.click('#nav-toggle');
    await page.locator('#page-sidebar.pf-m-expanded').waitFor();
    result.menu.openAfterToggle = await sidebarOpen();
  }
  await page.locator('[data-testid="community"]').first().click();
  if (config.phone) {
    await page.locator('#page-sidebar.pf-m-collapsed').waitFor({ state: 'attached' });
    result.menu.openAfterChoosing = await sidebarOpen();
  }
  await page.locator('[data-testid="community-points"]').waitFor();
  await page.locator('[data-testid="community-profile"]').waitFor();
  await page.locator('[data-testid="community-history"] tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
}

try {
  const viewport = config.phone ? { width: 390, height: 844 } : { width: 1280, height: 1400 };
  page = await browser.newPage({ locale: config.locale, viewport, isMobile: !!config.phone, hasTouch: !!config.phone });
  page.setDefaultTimeout(60000);
  page.on('pageerror', (error) => result.errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && (result.consoleErrors ??= []).push(message.text()));
  await page.goto(`${config.baseUrl}/realms/${config.realm}/account/`);
  await page.fill('#username', config.username);
  await page.fill('#password', config.password);
  await page.click('#kc-login');

  if (config.step === 'vote') {
    await page.locator('#community-coc-accept').waitFor();
    await keep('code-of-conduct');
    await page.click('#community-coc-accept');

    await page.locator('#kc-community-profile-form').waitFor();
    await keep('complete-profile');
    await page.fill('#handle', config.handle);
    await page.click('#kc-community-profile-form input[type=submit]');

    await page.locator('#bio').waitFor();
    await page.waitForLoadState('networkidle');
    result.bio = await page.inputValue('#bio');
    result.injectedImagesInPersonalInfo = await page.locator('img[src="x"]').count();
    await keep('personal-info');

    await openCommunity();
    await page.locator(`select[data-handle="${config.first[0]}"]`).waitFor();
    await keep('community');

    const cast = ballotResponse();
    if (config.keyboard) {
      await rankAndCastByKeyboard(config.first);
    } else {
      await rank(config.first);
      await page.click('[data-testid="community-cast"]');
    }
    await ballot(cast);
    await page.locator('[data-testid="community-receipt"] input').waitFor();
    result.receipt = await page.inputValue('[data-testid="community-receipt"] input');
    result.changeKey = await page.inputValue('[data-testid="community-change-key"] input');
    result.changeKeyInForm = await page.inputValue('[data-testid="community-change-key-input"]');
    result.warnsBeforeSaving = await warnsOnLeaving();
    await keep('ballot-cast');
    const saving = page.waitForEvent('download');
    await page.click('[data-testid="community-download-secrets"]');
    result.secretsFile = readFileSync(await (await saving).path(), 'utf8');
    result.warnsAfterSaving = await warnsOnLeaving();

    await rank(config.second);
    const change = ballotResponse();
    await page.click('[data-testid="community-cast"]');
    await ballot(change);
    await page.click('[data-testid="community-verify"]');
    await page.locator('[data-testid="community-verified"]').waitFor();
    await keep('receipt-verified');

    await page.reload();
    await page.locator('[data-testid="community-already-voted"]').waitFor();
    await page.waitForLoadState('networkidle');
    await keep('reloaded');
    await rank(config.second);
    await page.fill('[data-testid="community-change-key-input"]', result.receipt);
    const refused = ballotResponse();
    await page.click('[data-testid="community-cast"]');
    result.statuses.changeWithReceipt = (await refused).status();
    await page.locator('[data-testid="community-change-refused"]').waitFor();
    await page.locator('.pf-v5-c-alert.pf-m-danger').first().waitFor();
    result.refusedAlert = await page.locator('.pf-v5-c-alert.pf-m-danger').first().innerText();
    await keep('change-refused');
    // after the reload, the change key the member saved (here: the downloaded file's) changes the ballot
    await rank(config.second);
    await page.fill('[data-testid="community-change-key-input"]', result.secretsFile.split('\n')[5].split(': ').pop());
    const changedAfterReload = ballotResponse();
    await page.click('[data-testid="community-cast"]');
    result.statuses.changeAfterReload = (await changedAfterReload).status();

    if (config.leave) {
      await page.click('[data-testid="community-leave"]');
      await page.locator('[data-testid="community-leave-confirm"]').waitFor();
      await keep('leave-confirm');
      await page.click('[data-testid="community-leave-cancel"]');
      await page.locator('[data-testid="community-leave-confirm"]').waitFor({ state: 'detached' });
    }

    if (config.nominate) {
      const section = page.locator(`[data-testid="election-${config.nominate.election}"]`);
      await section.locator('textarea').fill(config.nominate.statement);
      const nominated = page.waitForResponse((r) => r.url().endsWith('/candidates') && r.request().method() === 'POST');
      await section.locator('button[type=submit]').click();
      result.statuses.nominate = (await nominated).status();
      await section.locator('[data-testid="candidate-statement"]', { hasText: config.nominate.statement }).waitFor();
      await keep('nominated');
    }
  } else if (config.step === 'unavailable') {
    await page.locator('[data-testid="community"]').first().click();
    await page.getByText(config.expect).waitFor();
    await keep('unavailable');
  } else {
    await page.locator('#bio').waitFor();
    await openCommunity();
    const election = page.locator(`[data-testid="election-${config.election}"]`);
    await election.getByText(config.election).first().click();
    await election.locator('[data-testid="community-results"] table').waitFor();
    await keep('results');
    result.roundRows = await election.locator('[data-testid="community-rounds"] tbody tr').count();
    const downloading = page.waitForEvent('download');
    await election.locator('[data-testid="community-download-ballots"]').click();
    result.ballotsFile = readFileSync(await (await downloading).path(), 'utf8');
  }
  result.pwned = await page.evaluate(() => window.__pwned === 1);
  result.injectedImages = await page.locator('img[src="x"]').count();
} catch (error) {
  result.failure = String(error);
  if (page) {
    await page.screenshot({ path: `${config.screenshots}/${config.prefix}-failure.png`, fullPage: true }).catch(() => {});
    result.failurePage = await page.innerText('body').catch(() => '');
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
