// The dashboard in a real browser (playwright-core driving Debian's chromium):
// the map shows points, a country filter narrows the events, clicking an event
// opens its article right-to-left with the trigger highlighted.  Prints TAP
// lines ("ok N - ..."), as tests/run_all.sh counts them.
//   node web/tests/dashboard.mjs http://127.0.0.1:PORT SCREENSHOT.png
import { chromium } from "playwright-core";

const [base, screenshot] = process.argv.slice(2);
let n = 0, failed = 0;
const check = (what, ok) => { n++; if (!ok) failed++; console.log(`${ok ? "ok" : "not ok"} ${n} - ${what}`); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const errors = [];
  page.on("pageerror", e => errors.push(e.message));
  await page.goto(base + "/");
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  check("the page is right-to-left Arabic", await page.evaluate(() => document.documentElement.dir === "rtl"));
  check("the map has country shapes", (await page.locator("#countries path.country").count()) > 100);
  const points = await page.locator("#points circle.point").count();
  check(`the map shows points (${points})`, points > 0);
  const bars = await page.locator("#timeline rect.bar").count();
  check(`the timeline has bars (${bars})`, bars > 0);

  const country = await page.evaluate(() => document.querySelector("#countries option").value);
  const expected = await page.evaluate(async c => (await (await fetch(`/api/stats?country=${c}`)).json()).events, country);
  await page.fill("#filters input[name=country]", country);
  await page.click("#filters button[type=submit]");
  await page.waitForSelector('body[data-ready="1"]');
  const rows = await page.locator("#events tbody tr").count();
  check(`filtering by ${country} shows its ${expected} events`, rows === Math.min(expected, 500) && rows > 0);

  const row = page.locator("#events tbody tr").first();
  const id = await row.getAttribute("data-id");
  const trigger = (await row.locator("td").nth(6).textContent()).trim();
  await row.click();
  const mark = page.locator(`#article-text mark.trigger.selected`);
  await mark.first().waitFor({ timeout: 10000 });
  const marked = (await mark.allTextContents()).join("").trim();
  check(`the article opens with the trigger «${trigger}» highlighted`, marked === trigger);
  check("the article text is right-to-left", await page.evaluate(() =>
    getComputedStyle(document.querySelector("#article-text")).direction === "rtl"));
  check("the coded event is shown beside it", (await page.locator(`#article-events .coded.selected`).count()) === 1);
  check(`event ${id} has entities highlighted too`, (await page.locator("#article-text .ent").count()) > 0);

  // brushing the timeline picks a period: the date filters are set and the table follows
  await page.fill("#filters input[name=country]", "");
  await page.click("#filters button[type=submit]");
  await page.waitForSelector('body[data-ready="1"]');
  const box = await page.locator("#timeline").boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.body.dataset.ready === "1" && document.querySelector("#filters input[name=since]").value);
  const [since, until] = await page.evaluate(() => ["since", "until"].map(n => document.querySelector(`#filters input[name=${n}]`).value));
  const dates = (await page.locator("#events tbody tr td:first-child").allTextContents()).map(d => d.trim());
  check(`brushing the timeline filters to ${since} – ${until}`,
        since < until && dates.length > 0 && dates.every(d => d >= since && d <= until));

  // the search box finds articles and opens one
  await page.fill("#search", "الحكومة");
  await page.press("#search", "Enter");
  await page.locator("#search-results li").first().waitFor({ timeout: 10000 });
  check("search lists articles with the word marked", (await page.locator("#search-results li b").count()) > 0);
  const hitTitle = (await page.locator("#search-results li strong").first().textContent()).trim();
  await page.locator("#search-results li").first().click();
  await page.waitForFunction(t => document.querySelector("#article-title").textContent.trim() === t, hitTitle, { timeout: 10000 });
  check("a search hit opens its article", (await page.textContent("#article-text")).includes("حكوم"));

  await page.click("#language");
  check("English interface", (await page.textContent("#filters button[type=submit]")).trim() === "Apply");
  await page.click("#language");
  await page.screenshot({ path: screenshot, fullPage: true });
  check("no script errors", errors.length === 0 || (console.log(errors.join("\n")), false));
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
