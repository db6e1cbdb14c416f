// Runs Lighthouse (the npm package pinned in package-lock.json) on each URL in
// turn, in one headless Chromium, and prints one JSON line per URL with what
// tests/lighthouse_runner.py reads: category scores, metrics, failing audits.
//
//   node tests/lighthouse_runner.mjs '{"urls": [...], "categories": [...], "desktop": false}'
//
// CHROME_PATH names the browser (Debian's /usr/bin/chromium here).
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";

const { urls, categories, desktop } = JSON.parse(process.argv[2]);
const METRICS = [
  "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
  "interactive", "speed-index", "cumulative-layout-shift", "total-byte-weight",
];

function failing(lhr) {
  // Audits that count towards a category's score and did not pass.
  const counted = new Set();
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) if (ref.weight > 0) counted.add(ref.id);
  }
  return Object.values(lhr.audits)
    .filter((audit) => counted.has(audit.id) && audit.score !== null && audit.score < 1)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      items: (audit.details?.items ?? []).slice(0, 5).map((item) =>
        item.node?.snippet ?? item.node?.selector ?? item.source?.url ?? item.url ?? JSON.stringify(item)),
    }));
}

async function audit(url) {
  // No full-page screenshot: nothing here reads it, and it costs a second a page.
  // Up to two minutes for a page to load: the Pyodide build takes that on a busy machine.
  const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories,
    disableFullPageScreenshot: true, maxWaitForLoad: 120000 };
  const { lhr } = await lighthouse(url, flags, desktop ? desktopConfig : undefined);
  const metrics = {};
  for (const id of METRICS) if (lhr.audits[id]) metrics[id] = lhr.audits[id].numericValue ?? null;
  const scores = {};
  for (const [id, category] of Object.entries(lhr.categories)) scores[id] = category.score;
  return { url, error: lhr.runtimeError?.message ?? null, scores, metrics, failing: failing(lhr) };
}

const chrome = await chromeLauncher.launch({
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const url of urls) {
    try {
      console.log(JSON.stringify(await audit(url)));
    } catch (error) {
      // A page that hangs the browser (Pyodide's start on a busy machine) fails alone.
      const message = error.friendlyMessage ?? error.message;
      console.log(JSON.stringify({ url, error: message, scores: {}, metrics: {}, failing: [] }));
    }
  }
} finally {
  await chrome.kill();
}
