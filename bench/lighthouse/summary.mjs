// Reads Lighthouse JSON reports (two or more runs per page) and prints the median run of each page:
// performance, LCP, accessibility, best practices, SEO, and what failed in the last three.
// Usage: node summary.mjs DIR   (DIR holds NAME.RUN.json files)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const pages = new Map();
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const url = new URL(report.finalDisplayedUrl ?? report.finalUrl);
  const key = url.pathname + url.search;
  if (!pages.has(key)) pages.set(key, []);
  pages.get(key).push(report);
}

const score = (r, c) => Math.round((r.categories[c]?.score ?? 0) * 100);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

console.log("page                      perf   LCP s   FCP s   TBT ms  CLS    a11y  best  SEO   (median of runs; perf of each run)");
const failures = [];
for (const [page, runs] of pages) {
  // The median run by performance score, so its LCP and other figures belong together.
  const byPerf = [...runs].sort((a, b) => score(a, "performance") - score(b, "performance"));
  const r = byPerf[Math.floor((byPerf.length - 1) / 2)];
  const audit = (id) => r.audits[id]?.numericValue ?? NaN;
  console.log(
    `${page.padEnd(25)} ${String(score(r, "performance")).padStart(4)} ${(audit("largest-contentful-paint") / 1000).toFixed(1).padStart(7)}` +
      ` ${(audit("first-contentful-paint") / 1000).toFixed(1).padStart(7)} ${audit("total-blocking-time").toFixed(0).padStart(8)}` +
      ` ${audit("cumulative-layout-shift").toFixed(3).padStart(6)} ${String(median(runs.map((x) => score(x, "accessibility")))).padStart(6)}` +
      ` ${String(median(runs.map((x) => score(x, "best-practices")))).padStart(5)} ${String(median(runs.map((x) => score(x, "seo")))).padStart(5)}` +
      `   (${runs.map((x) => score(x, "performance")).join(", ")})`,
  );
  for (const category of ["accessibility", "best-practices", "seo"]) {
    for (const ref of r.categories[category]?.auditRefs ?? []) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) failures.push(`${page} ${category}: ${a.id} (${a.title})`);
    }
  }
  const opportunities = Object.values(r.audits)
    .filter((a) => a.details?.type === "opportunity" && (a.details.overallSavingsMs ?? 0) >= 100)
    .sort((a, b) => b.details.overallSavingsMs - a.details.overallSavingsMs)
    .slice(0, 3)
    .map((a) => `${a.id} ~${Math.round(a.details.overallSavingsMs)} ms`);
  if (opportunities.length > 0) failures.push(`${page} performance opportunities: ${opportunities.join(", ")}`);
}

if (failures.length > 0) {
  console.log("\nnot passing (median run):");
  for (const line of failures) console.log(`  ${line}`);
}
