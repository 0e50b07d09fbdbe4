// A member's journey through Keycloak's real login pages and Account Console, in the system Chromium.
// Usage: node community-journey.mjs '<json>' with
//   {baseUrl, realm, username, password, locale, screenshots, prefix, step: "vote" | "results",
//    handle, election, first: [handles], second: [handles], nominate: {election, statement} (optional)}
// "vote": log in, accept the code of conduct, choose a handle, open Community, rank `first`, change the
// ballot to `second` (with the change key the page kept), verify the receipt, and stand in `nominate.election` if given. "results": log in
// again and read the certified election. "unavailable": open Community in a realm without a community
// and wait for the text `expect`.
// Selectors never depend on the language; the test asserts on the texts this script returns.
// Prints one JSON line: {texts: {page: visible text}, receipt, changeKey, changeKeyInForm, statuses: {...}, bio, pwned,
// injectedImages}.
import { chromium } from 'playwright-core';

const config = JSON.parse(process.argv[2]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const result = { texts: {}, statuses: {}, screenshots: [], errors: [] };
let page;

async function keep(name) {
  result.texts[name] = await page.innerText('body');
  const file = `${config.prefix}-${Object.keys(result.texts).length}-${name}.png`;
  await page.screenshot({ path: `${config.screenshots}/${file}`, fullPage: true });
  result.screenshots.push(file);
}

async function ballot(response) {
  const answer = await response;
  result.statuses[`ballot-${Object.keys(result.statuses).length}`] = answer.status();
  return answer.json();
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

async function openCommunity() {
  await page.locator('[data-testid="community"]').first().click();
  await page.locator('[data-testid="community-points"]').waitFor();
  await page.locator('[data-testid="community-profile"]').waitFor();
  await page.locator('[data-testid="community-history"] tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
}

try {
  page = await browser.newPage({ locale: config.locale, viewport: { width: 1280, height: 1400 } });
  page.setDefaultTimeout(60000);
  page.on('pageerror', (error) => result.errors.push(error.message));
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

    await rank(config.first);
    const cast = ballotResponse();
    await page.click('[data-testid="community-cast"]');
    await ballot(cast);
    await page.locator('[data-testid="community-receipt"] input').waitFor();
    result.receipt = await page.inputValue('[data-testid="community-receipt"] input');
    result.changeKey = await page.inputValue('[data-testid="community-change-key"] input');
    result.changeKeyInForm = await page.inputValue('[data-testid="community-change-key-input"]');
    await keep('ballot-cast');

    await rank(config.second);
    const change = ballotResponse();
    await page.click('[data-testid="community-cast"]');
    await ballot(change);
    await page.click('[data-testid="community-verify"]');
    await page.locator('[data-testid="community-verified"]').waitFor();
    await keep('receipt-verified');

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
