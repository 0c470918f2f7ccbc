// Opens the IDE as a user would after pasting a token into its Headers tab (or with none), runs the
// query it opens with, and prints the result pane's text. Exits 1 if the result does not appear.
import { chromium } from 'playwright-core';

const [url, token, executablePath, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const headers = token ? JSON.stringify({ Authorization: `Bearer ${token}` }) : '{}';
  await page.addInitScript((h) => localStorage.setItem('graphiql:headers', h), headers);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.graphiql-response');
  await result.getByText('"totalCount"').first().waitFor({ timeout: 30000 });
  if (screenshot) await page.screenshot({ path: screenshot });
  console.log(await result.innerText());
} catch (error) {
  console.error(String(error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
