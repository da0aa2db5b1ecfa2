// The status bar's page estimate and match score for the active CV. The
// server tells them in one of two ways, and both land here: a `cvlint/status`
// notification {uri, pages, limit, score}, or the titles of the code lenses
// at the top of the CV ("≈ 1.8 / 2 pages", "keyword match 78%").

export interface CvStatus {
  pages?: number; // estimated (or exact) pages
  limit?: number; // page limit
  exact?: boolean; // counted by a real compile, not estimated
  score?: number; // keyword match, 0..1
}

function finite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

// A score given either as a share (0.78) or as a percentage (78).
function share(v: unknown): number | undefined {
  const n = finite(v);
  if (n === undefined || n < 0) return undefined;
  return n > 1 ? Math.min(n / 100, 1) : n;
}

// The status carried by a `cvlint/status` notification's params. Accepts the
// flat shape and the nested one of the JSON report ({pages: {estimated, limit,
// method}, keywords: {score}}).
export function statusFromNotification(params: unknown): { uri: string; status: CvStatus } | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const p = params as Record<string, unknown>;
  if (typeof p.uri !== 'string') return undefined;
  const status: CvStatus = {};
  if (typeof p.pages === 'object' && p.pages !== null) {
    const pg = p.pages as Record<string, unknown>;
    status.pages = finite(pg.estimated) ?? finite(pg.exact) ?? finite(pg.pages);
    status.limit = finite(pg.limit);
    if (pg.method === 'exact' || pg.method === 'measured') status.exact = true;
  } else {
    status.pages = finite(p.pages);
  }
  status.limit = status.limit ?? finite(p.limit);
  if (typeof p.keywords === 'object' && p.keywords !== null) status.score = share((p.keywords as Record<string, unknown>).score);
  else status.score = share(p.score);
  if (p.exact === true) status.exact = true;
  return { uri: p.uri, status };
}

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
// "≈ 1.8 / 2 pages", "1.8 of 2 pages", "2 / 2 pages (exact)", "pages: 1.8 / 2"
const PAGES = [
  new RegExp(String.raw`${NUM}\s*(?:/|of)\s*${NUM}\s*pages?`, 'i'),
  new RegExp(String.raw`pages?\s*:?\s*${NUM}\s*(?:/|of)\s*${NUM}`, 'i'),
];
// "keyword match 78%", "match: 78 %", "78% keyword match", "ATS match 0.78"
const SCORE = [
  new RegExp(String.raw`match\w*\s*:?\s*${NUM}\s*%`, 'i'),
  new RegExp(String.raw`${NUM}\s*%\s*(?:keyword\s+)?match`, 'i'),
  new RegExp(String.raw`match\w*\s*:?\s*(0(?:[.,]\d+)?|1(?:[.,]0+)?)(?![\d%])`, 'i'),
];

function num(s: string): number {
  return Number(s.replace(',', '.'));
}

// The status read from code lens titles; fields stay undefined when no title
// carries them.
export function statusFromLensTitles(titles: readonly string[]): CvStatus {
  const status: CvStatus = {};
  for (const t of titles) {
    if (status.pages === undefined) {
      for (const re of PAGES) {
        const m = re.exec(t);
        if (m) {
          status.pages = num(m[1]);
          status.limit = num(m[2]);
          if (/exact|compiled|measured/i.test(t)) status.exact = true;
          break;
        }
      }
    }
    if (status.score === undefined) {
      for (const re of SCORE) {
        const m = re.exec(t);
        if (m) {
          status.score = share(num(m[1]) > 1 || /%/.test(m[0]) ? num(m[1]) / 100 : num(m[1]));
          break;
        }
      }
    }
  }
  return status;
}

export interface StatusView {
  text: string;
  tooltip: string;
  overLimit: boolean;
}

function fmtPages(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

// What the status bar item shows; undefined hides it (nothing known).
export function statusView(s: CvStatus | undefined): StatusView | undefined {
  if (!s || (s.pages === undefined && s.score === undefined)) return undefined;
  const parts: string[] = [];
  const tips: string[] = [];
  let overLimit = false;
  if (s.pages !== undefined) {
    const approx = s.exact ? '' : '≈';
    const limit = s.limit !== undefined ? ` / ${s.limit}` : '';
    parts.push(`$(file) ${approx}${fmtPages(s.pages)}${limit} pages`);
    overLimit = s.limit !== undefined && s.pages > s.limit;
    tips.push(
      `${s.exact ? 'Pages (compiled)' : 'Estimated pages'}: ${fmtPages(s.pages)}` +
        (s.limit !== undefined ? ` of a ${s.limit}-page limit${overLimit ? ' — over the limit' : ''}` : ''),
    );
  }
  if (s.score !== undefined) {
    const pct = Math.round(s.score * 100);
    parts.push(`$(checklist) ${pct}% match`);
    tips.push(`Keyword match with the job advert: ${pct}%`);
  }
  tips.push('Click for the keyword report');
  return { text: parts.join('  '), tooltip: tips.join('\n'), overLimit };
}
