// In-process timing of the prose linters a user might pick instead of cvlint,
// on the same files: harper.js (Harper's engine, WebAssembly), write-good,
// textlint with textlint-rule-write-good, and alex. Prints one JSON line per
// (tool, file): {tool, file, median_ms, p99_ms, runs, findings}.
// Usage: node peers.mjs RUNS FILE...
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg) || 50;

function stats(times) {
  const t = [...times].sort((a, b) => a - b);
  return { median_ms: t[Math.floor(t.length / 2)], p99_ms: t[Math.min(t.length - 1, Math.floor(t.length * 0.99))] };
}

async function timeTool(tool, fn, file, text) {
  let findings = 0;
  for (let i = 0; i < 3; i++) findings = await fn(text, file); // warm up (JIT, caches)
  const times = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    await fn(text, file);
    times.push(performance.now() - a);
  }
  console.log(JSON.stringify({ tool, file: path.basename(path.dirname(file)) + '/' + path.basename(file), runs, findings, ...stats(times) }));
}

const tools = [];
try {
  const { LocalLinter } = await import('harper.js');
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const linter = new LocalLinter({ binary: binaryInlined });
  await linter.setup();
  tools.push(['harper.js', async (text, file) =>
    (await linter.lint(text, { language: file.endsWith('.md') ? 'markdown' : 'plaintext' })).length]);
} catch (e) { console.error('harper.js unavailable:', e.message); }
try {
  const writeGood = (await import('write-good')).default;
  tools.push(['write-good', async (text) => writeGood(text).length]);
} catch (e) { console.error('write-good unavailable:', e.message); }
try {
  const { createLinter } = await import('textlint');
  const { TextlintKernelDescriptor } = await import('@textlint/kernel');
  const rule = (await import('textlint-rule-write-good')).default;
  const md = (await import('@textlint/textlint-plugin-markdown')).default;
  const txt = (await import('@textlint/textlint-plugin-text')).default;
  const descriptor = new TextlintKernelDescriptor({
    rules: [{ ruleId: 'write-good', rule: rule.default || rule }],
    plugins: [{ pluginId: 'markdown', plugin: md.default || md }, { pluginId: 'text', plugin: txt.default || txt }],
    filterRules: [],
  });
  const linter = createLinter({ descriptor });
  tools.push(['textlint+write-good', async (text, file) =>
    (await linter.lintText(text, file.endsWith('.md') ? file : file + '.txt')).messages.length]);
} catch (e) { console.error('textlint unavailable:', e.message); }
try {
  const { markdown, text: plain } = await import('alex');
  tools.push(['alex', async (text, file) => (file.endsWith('.md') ? markdown(text) : plain(text)).messages.length]);
} catch (e) { console.error('alex unavailable:', e.message); }

for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  for (const [name, fn] of tools) await timeTool(name, fn, file, text);
}
