// The keyword report: the `keywords` and `pages` objects of one file of the
// JSON report (`cvlint check --format json`, PRODUCT.md), rendered as
// Markdown for a preview. The same shape may come from the server when it
// offers a `cvlint.keywordReport` command.

export interface KeywordVariant {
  keyword: string;
  found: string;
}

export interface FileReport {
  path?: string;
  pages?: { estimated?: number; limit?: number; method?: string } | null;
  keywords?: {
    job?: string | null;
    role?: string | null;
    score?: number;
    matched?: string[];
    missing?: (string | { keyword: string; importance?: string })[];
    variants?: KeywordVariant[];
  } | null;
  diagnostics?: { rule?: string }[];
}

// The entry for one file of a whole JSON report ({version, files: [...]}).
export function pickFile(report: unknown, file?: string): FileReport | undefined {
  if (typeof report !== 'object' || report === null) return undefined;
  const r = report as Record<string, unknown>;
  // The server's `cvlint.keywordReport` answers the keywords object alone.
  if (!Array.isArray(r.files) && !('keywords' in r) && ('matched' in r || 'missing' in r))
    return { keywords: r } as unknown as FileReport;
  if (!Array.isArray(r.files)) return r as FileReport;
  const files = r.files as FileReport[];
  if (file) {
    const hit = files.find(f => f.path === file || (f.path && file.endsWith('/' + f.path)));
    if (hit) return hit;
  }
  return files[0];
}

function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+!|<>-])/g, '\\$1');
}

function missingName(m: string | { keyword: string; importance?: string }): { name: string; importance?: string } {
  return typeof m === 'string' ? { name: m } : { name: m.keyword, importance: m.importance };
}

export function renderKeywordReport(f: FileReport | undefined, title = 'cvlint keyword report'): string {
  const out: string[] = [`# ${esc(title)}`, ''];
  if (!f) {
    out.push('The server gave no report for this file.');
    return out.join('\n') + '\n';
  }
  if (f.path) out.push(`CV: \`${f.path}\``, '');
  if (f.pages && typeof f.pages.estimated === 'number') {
    const exact = f.pages.method === 'exact' || f.pages.method === 'measured';
    const limit = typeof f.pages.limit === 'number' ? ` of ${f.pages.limit}` : '';
    const over = typeof f.pages.limit === 'number' && f.pages.estimated > f.pages.limit ? ' — **over the limit**' : '';
    out.push(`**Pages:** ${exact ? '' : '≈ '}${f.pages.estimated.toFixed(1)}${limit}${over}`, '');
  }
  const k = f.keywords;
  if (!k) {
    out.push('No job advert and no role profile: there are no keywords to match.',
      'Set `cvlint.job`, add a `<!-- cvlint: job=advert.md -->` directive, or put `<cv-name>.job.md` beside the CV.');
    return out.join('\n') + '\n';
  }
  const source = k.job ? `job advert \`${k.job}\`` : k.role ? `role profile \`${k.role}\`` : 'role profile';
  if (typeof k.score === 'number') out.push(`**Keyword match:** ${Math.round(k.score * 100)}% against the ${source}`, '');
  else out.push(`Keywords from the ${source}.`, '');
  const missing = (k.missing ?? []).map(missingName);
  if (missing.length) {
    out.push(`## Missing (${missing.length})`, '', 'Name these where they are true of you — an ATS looks for the advert\'s exact words.', '');
    for (const m of missing) out.push(`- ${esc(m.name)}${m.importance ? ` (${m.importance})` : ''}`);
    out.push('');
  }
  const variants = k.variants ?? [];
  if (variants.length) {
    out.push(`## Named differently (${variants.length})`, '', 'Mirror the advert\'s phrasing:', '');
    for (const v of variants) out.push(`- ${esc(v.found)} → ${esc(v.keyword)}`);
    out.push('');
  }
  const matched = k.matched ?? [];
  out.push(`## Matched (${matched.length})`, '');
  out.push(matched.length ? matched.map(esc).join(', ') : 'None yet.');
  return out.join('\n') + '\n';
}
