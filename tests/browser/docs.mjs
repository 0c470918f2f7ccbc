// Opens the IDE with the given credentials (none for anonymous), before running anything opens its
// Docs explorer, follows the Query root type, and prints the fields it lists. Exits 1 if the schema
// does not load (GraphiQL then shows "Error fetching schema").
import { chromium } from 'playwright-core';

const [url, token, executablePath, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const headers = token ? JSON.stringify({ Authorization: `Bearer ${token}` }) : '{}';
  await page.addInitScript((h) => localStorage.setItem('graphiql:headers', h), headers);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Query', { exact: true }).first().click({ timeout: 30000 });
  await docs.locator('.graphiql-doc-explorer-field-name').first().waitFor({ timeout: 30000 });
  if (screenshot) await page.screenshot({ path: screenshot });
  const fields = await docs.locator('.graphiql-doc-explorer-field-name').allInnerTexts();
  console.log(fields.join('\n'));
} catch (error) {
  console.error(String(error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
