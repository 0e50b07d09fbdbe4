// A member edits their community bio in Keycloak's real Account Console, in the system Chromium.
// Usage: node account-console.mjs <baseUrl> <realm> <username> <password> <newBio> <screenshotDir>
// Prints one JSON line: {"sectionVisible": true, "saved": true, "screenshots": [...]}.
import { chromium } from 'playwright-core';

const [baseUrl, realm, username, password, newBio, screenshotDir, topicLabel] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const result = { sectionVisible: false, saved: false, screenshots: [] };
try {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 1400 } });
  page.setDefaultTimeout(60000);
  await page.goto(`${baseUrl}/realms/${realm}/account/`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');

  const header = page.getByText('Community profile', { exact: true }).first();
  await header.waitFor();
  result.sectionVisible = await header.isVisible();
  const bio = page.locator('#bio');
  await bio.waitFor();
  await page.screenshot({ path: `${screenshotDir}/account-console-before.png`, fullPage: true });
  result.screenshots.push('account-console-before.png');

  await bio.fill(newBio);
  // the topic's checkbox shows its name (the realm's text for the topic), the value saved is its id
  await page.getByLabel(topicLabel, { exact: true }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Your account has been updated').first().waitFor();
  result.saved = true;
  await page.screenshot({ path: `${screenshotDir}/account-console-saved.png`, fullPage: true });
  result.screenshots.push('account-console-saved.png');
} catch (e) {
  result.error = String(e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
