// Font lookup and word measurement over the generated TFM tables.
#include "length/metrics.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

#include "core/text.hpp"

namespace cvlint::pages {

namespace {

// The generated file has two parts, selected by macro: the kern tables, then
// the rows that point at them.
#define CVLINT_KERN_TABLES
#include "length/metrics_fonts.inc"
#undef CVLINT_KERN_TABLES
#define CVLINT_FONT_ROWS
const FontRow kRows[] = {
#include "length/metrics_fonts.inc"
};
#undef CVLINT_FONT_ROWS

constexpr size_t kRowCount = sizeof kRows / sizeof kRows[0];

// A row's kern pairs as a flat index: per first character a bitmap of the
// second characters it kerns with and where its values start, so a lookup is
// a bit test and a popcount instead of a binary search (the search was the
// largest single cost of the page model). Built once per row on first use;
// the first pair wins when a table repeats one, as the search found it.
struct KernIndex {
  uint64_t mask[128][2] = {};
  uint32_t start[128] = {};
  std::vector<float> values;
};

KernIndex* buildKernIndex(const FontRow& r) {
  auto* k = new KernIndex;
  auto has = [&](unsigned a, unsigned b) { return (k->mask[a][b >> 6] >> (b & 63)) & 1; };
  for (int i = 0; i < r.kernCount; ++i) {
    unsigned a = r.kerns[i].first, b = r.kerns[i].second;
    if (a < 128 && b < 128) k->mask[a][b >> 6] |= uint64_t{1} << (b & 63);
  }
  uint32_t at = 0;
  for (unsigned a = 0; a < 128; ++a) {
    k->start[a] = at;
    at += static_cast<uint32_t>(std::popcount(k->mask[a][0]) + std::popcount(k->mask[a][1]));
  }
  k->values.assign(at, 0.0f);
  std::vector<bool> set(at, false);
  for (int i = 0; i < r.kernCount; ++i) {
    unsigned a = r.kerns[i].first, b = r.kerns[i].second;
    if (a >= 128 || b >= 128 || !has(a, b)) continue;
    uint64_t bit = uint64_t{1} << (b & 63);
    uint32_t idx = k->start[a] + (b >= 64 ? std::popcount(k->mask[a][0]) : 0) +
                   std::popcount(k->mask[a][b >> 6] & (bit - 1));
    if (!set[idx]) k->values[idx] = r.kerns[i].kern, set[idx] = true;
  }
  return k;
}

std::atomic<KernIndex*> gKernIndex[kRowCount];

const KernIndex& kernIndex(const FontRow& r) {
  std::atomic<KernIndex*>& slot = gKernIndex[&r - kRows];
  KernIndex* k = slot.load(std::memory_order_acquire);
  if (k) return *k;
  KernIndex* fresh = buildKernIndex(r);
  if (slot.compare_exchange_strong(k, fresh, std::memory_order_acq_rel)) return *fresh;
  delete fresh;  // another thread built it first
  return *k;
}

// The kern between two characters (0 when none): a, b < 0x7F only.
inline double kernAt(const KernIndex& k, char32_t a, char32_t b) {
  uint64_t m = k.mask[a][b >> 6];
  uint64_t bit = uint64_t{1} << (b & 63);
  if (!(m & bit)) return 0;
  return k.values[k.start[a] + (b >= 64 ? std::popcount(k.mask[a][0]) : 0) + std::popcount(m & (bit - 1))];
}

// Base letter of a Latin accented letter (for fonts without Latin-1 glyphs).
char32_t baseLetter(char32_t cp) {
  static const char* kBase =
      "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYPsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
  if (cp >= 0xC0 && cp <= 0xFF) return static_cast<unsigned char>(kBase[cp - 0xC0]);
  return 0;
}

double rowWidth(const FontRow& r, char32_t cp) {
  if (cp >= 0x20 && cp <= 0x7E) {
    double w = r.ascii[cp - 0x20];
    if (w >= 0) return w;
    return r.ascii['o' - 0x20];
  }
  switch (cp) {
    case 0x2013: return r.extras[0];
    case 0x2014: return r.extras[1];
    case 0x2018: return r.extras[2];
    case 0x2019: return r.extras[3];
    case 0x201C: return r.extras[4];
    case 0x201D: return r.extras[5];
    case 0x2022: case 0x00B7: case 0x2219: return r.ascii['o' - 0x20] * 0.9;  // bullets: about a half em
    case 0x00A0: return r.space;
    case 0x2026: return 3 * r.ascii['.' - 0x20];
    case 0x2122: return 0.9833;  // the trade mark sign, which the tables lack: pdfLaTeX sets it from textcomp (TS1) at 0.983 em
    default: break;
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    double w = r.latin1[cp - 0xC0];
    if (w >= 0) return w;
    if (char32_t b = baseLetter(cp)) return rowWidth(r, b);
  }
  if (cp >= 0x0100 && cp < 0x0250) return r.ascii['o' - 0x20];  // Latin Extended: about a letter
  if (cp >= 0x2E80) return r.quad;                                // CJK: one em
  return r.ascii['o' - 0x20];
}

}  // namespace

namespace {

// The rows grouped by family and variant, built once: a lookup compares a
// few dozen names instead of two C strings per row of the table.
struct FontGroup {
  std::string_view family, variant;
  std::vector<const FontRow*> rows;  // in table order
};

const std::vector<FontGroup>& fontGroups() {
  static const std::vector<FontGroup> groups = [] {
    std::vector<FontGroup> g;
    for (const FontRow& r : kRows) {
      std::string_view f = r.family, v = r.variant;
      auto it = std::find_if(g.begin(), g.end(), [&](const FontGroup& x) { return x.family == f && x.variant == v; });
      if (it == g.end()) it = g.insert(g.end(), FontGroup{f, v, {}});
      it->rows.push_back(&r);
    }
    return g;
  }();
  return groups;
}

}  // namespace

const FontRow* findFontRow(std::string_view family, std::string_view variant, double sizePt) {
  const FontRow* best = nullptr;
  double bestDist = 1e9;
  for (const FontGroup& g : fontGroups()) {
    if (g.family != family || g.variant != variant) continue;
    for (const FontRow* r : g.rows) {
      double d = std::fabs(r->designPt - sizePt);
      // Prefer the smaller design size on a tie, as LaTeX's font substitution does.
      if (d < bestDist - 1e-9) {
        best = r;
        bestDist = d;
      }
    }
    break;
  }
  if (best) return best;
  if (variant == "sfbf") return findFontRow(family, "bf", sizePt);
  if (variant != "rm") return findFontRow(family, "rm", sizePt);
  if (family != "cm") return findFontRow("cm", "rm", sizePt);
  return &kRows[0];
}

Font makeFont(std::string_view family, std::string_view variant, double sizePt) {
  return Font{findFontRow(family, variant, sizePt), sizePt};
}

double charWidth(const Font& font, char32_t cp) { return rowWidth(*font.row, cp) * font.sizePt; }

double wordWidth(const Font& font, std::string_view s) {
  const FontRow& r = *font.row;
  const KernIndex* ki = r.kernCount > 0 ? &kernIndex(r) : nullptr;
  // Adding a zero kern leaves the sum unchanged, so pairs without one are skipped.
  auto kern = [&](char32_t a, char32_t b) -> double {
    return ki && a <= 0x7E && b <= 0x7E ? kernAt(*ki, a, b) : 0.0;
  };
  double em = 0;
  char32_t prev = 0;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    char32_t cp = static_cast<unsigned char>(s[i]);
    int len = 1;
    if (cp >= 0x80) {
      len = decodeUtf8(s, i, cp);
      if (len <= 0) len = 1;
    }
    // Ligatures: ff, fi, fl, ffi, ffl replace their letters when the font has them.
    if (cp == 'f' && i + 1 < n) {
      char c1 = s[i + 1], c2 = i + 2 < n ? s[i + 2] : '\0';
      int lig = -1, ligLen = 0;
      if (c1 == 'f' && c2 == 'i') lig = 3, ligLen = 3;
      else if (c1 == 'f' && c2 == 'l') lig = 4, ligLen = 3;
      else if (c1 == 'f') lig = 0, ligLen = 2;
      else if (c1 == 'i') lig = 1, ligLen = 2;
      else if (c1 == 'l') lig = 2, ligLen = 2;
      if (lig >= 0 && r.ligs[lig] > 0) {
        em += kern(prev, 'f') + r.ligs[lig];
        prev = 0;
        i += ligLen;
        continue;
      }
    }
    if (prev) em += kern(prev, cp);
    double w = cp >= 0x20 && cp <= 0x7E ? r.ascii[cp - 0x20] : -1;
    em += w >= 0 ? w : rowWidth(r, cp);
    prev = cp;
    i += len;
  }
  return em * font.sizePt;
}

}  // namespace cvlint::pages
