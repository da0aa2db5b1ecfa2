// Line breaking and page breaking (see typeset.hpp). The page builder follows
// TeX: The Program §§980-1028 (least cost over feasible breaks, badness from
// the page's stretch or shrink, a page fired at the first overfull break).
#include "length/typeset.hpp"

#include <algorithm>
#include <cmath>

#include "core/memo.hpp"
#include "core/text.hpp"
#include "core/unicode.hpp"

namespace cvlint::pages {

namespace {

constexpr int kInfBad = 10000;
constexpr int kAwfulBad = 0x3FFFFFFF;
constexpr int kDeplorable = 100000;
constexpr double kFil = 1e6;  // stretch at or above this is infinite (\vfil)

int badness(double t, double s) {
  if (t <= 0) return 0;
  if (s <= 0) return kInfBad;
  double r = t / s;
  if (r > 4.65) return kInfBad;  // 100 * 4.65^3 > 10000
  return static_cast<int>(100 * r * r * r + 0.5);
}

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Space factor of a word's last character (TeX's \sfcode under \nonfrenchspacing).
int spaceFactor(std::string_view w) {
  size_t i = w.size();
  // Closing brackets and quotes are transparent to the space factor.
  while (i > 0 && (w[i - 1] == ')' || w[i - 1] == ']' || w[i - 1] == '"' || w[i - 1] == '\'')) --i;
  if (i == 0) return 1000;
  char c = w[i - 1];
  bool afterUpper = i >= 2 && w[i - 2] >= 'A' && w[i - 2] <= 'Z';
  switch (c) {
    case '.': case '?': case '!': return afterUpper ? 1000 : 3000;
    case ':': return 2000;
    case ';': return 1500;
    case ',': return 1250;
    default: return 1000;
  }
}

}  // namespace

namespace {

// Protrusion of microtype's cmr set (mt-cmr.cfg, which lmodern uses), as a
// fraction of the glyph's width: how far it may hang into the right margin
// at a line's end, and into the left at a line's start.
double hangFactor(char c) {
  switch (c) {
    case '.': return 0.7;
    case ',': case ':': case ';': case '-': return 0.5;
    case ')': case '*': case '/': return 0.3;
    case '+': return 0.25;
    case '?': case '1': return 0.2;
    case '!': case '7': return 0.1;
    case 't': case 'y': case '4': return 0.07;
    case 'k': case 'r': case 'v': case 'w': case 'x': case 'L': case 'K': case 'F': case 'A': case 'T': case 'V':
    case 'W': case 'X': case 'Y': case '0': case '2': case '3': case '5': case '6': case '8': case '9': case '@':
    case '%': return 0.05;
    default: return 0;
  }
}
double leftHangFactor(char c) {
  switch (c) {
    case '-': return 0.4;
    case '(': case '*': return 0.3;
    case '+': return 0.25;
    case '/': return 0.2;
    case '1': return 0.1;
    case '4': return 0.07;
    case 'A': case 'J': case 'T': case 'V': case 'W': case 'X': case 'Y': case 'v': case 'w': case 'x': case 'y':
    case '2': case '3': case '7': case '@': case '%': return 0.05;
    default: return 0;
  }
}

// A word's first or last code point when it is one of the punctuation marks
// of U+2013..U+201D that protrude (dashes, quotes), else 0.
char32_t edgeMark(std::string_view w, bool last) {
  if (w.size() < 3) return 0;
  size_t at = last ? w.size() - 3 : 0;
  if (static_cast<unsigned char>(w[at]) != 0xE2 || static_cast<unsigned char>(w[at + 1]) != 0x80) return 0;
  unsigned char c = static_cast<unsigned char>(w[at + 2]);
  return c >= 0x93 && c <= 0x9D ? 0x2000 + (c - 0x80) : 0;
}

double hangRight(const Font& font, std::string_view w) {
  switch (edgeMark(w, true)) {
    case 0x2013: return 0.3 * charWidth(font, 0x2013);
    case 0x2014: return 0.2 * charWidth(font, 0x2014);
    case 0x2019: return 0.6 * charWidth(font, 0x2019);
    case 0x201D: return 0.4 * charWidth(font, 0x201D);  // lmr's T1 value
    default: break;
  }
  double f = hangFactor(w.back());
  return f > 0 ? f * charWidth(font, static_cast<unsigned char>(w.back())) : 0;
}

double hangLeft(const Font& font, std::string_view w) {
  switch (edgeMark(w, false)) {
    case 0x2013: return 0.4 * charWidth(font, 0x2013);
    case 0x2014: return 0.3 * charWidth(font, 0x2014);
    case 0x2018: return 0.5 * charWidth(font, 0x2018);
    case 0x201C: return 0.3 * charWidth(font, 0x201C);  // lmr's T1 value
    default: break;
  }
  double f = leftHangFactor(w.front());
  return f > 0 ? f * charWidth(font, static_cast<unsigned char>(w.front())) : 0;
}

void measureText(std::string_view text, const Font& font, std::vector<Word>& out) {
  out.clear();
  // The interword glue for each space factor, computed once per paragraph.
  const double space = font.space(), stretch = font.stretch(), shrink = font.shrink(), extra = font.extraSpace();
  auto glueFor = [&](int sf) {
    Glue g{space, stretch * sf / 1000.0, shrink * 1000.0 / sf};
    if (sf >= 2000) g.w += extra;
    return g;
  };
  const Glue g1000 = glueFor(1000);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    while (i < n && isSpace(text[i])) ++i;
    if (i >= n) break;
    size_t b = i;
    int letters = 0;
    bool alpha = true;
    // One pass finds the word's end and counts its letters.
    while (i < n && !isSpace(text[i])) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++letters;
        else if (c != '-' && c != ',' && c != '.' && c != ';' && c != ':' && c != ')' && c != '(') alpha = false;
        ++i;
        continue;
      }
      char32_t cp;
      int len = decodeUtf8(text, i, cp);
      if (len <= 0) len = 1;
      if (isLetter(cp)) ++letters;
      else alpha = false;
      i += static_cast<size_t>(len);  // a valid sequence holds no space byte
    }
    std::string_view w = text.substr(b, i - b);
    Word& word = out.emplace_back();
    word.textBegin = static_cast<uint32_t>(b);
    word.textEnd = static_cast<uint32_t>(i);
    word.width = wordWidth(font, w);
    word.letters = static_cast<uint16_t>(letters);
    word.hyphenable = alpha && letters >= 6;
    int sf = spaceFactor(w);
    word.after = sf == 1000 ? g1000 : glueFor(sf);
    word.hangRight = static_cast<float>(hangRight(font, w));
    word.hangLeft = static_cast<float>(hangLeft(font, w));
  }
}

}  // namespace

// A pure function of the text and the font (a static table row and a size):
// remembered per thread, since a keystroke changes one paragraph of many.
void measureWords(std::string_view text, const Font& font, std::vector<Word>& out) {
  if (!memoizable(text)) return measureText(text, font, out);
  thread_local TextMemo<std::vector<Word>> memo;
  thread_local std::string key;
  key.clear();
  appendKeyBytes(key, font.row);
  appendKeyBytes(key, font.sizePt);
  key.append(text);
  if (const auto* hit = memo.find(key)) {
    out.assign(hit->begin(), hit->end());
    return;
  }
  measureText(text, font, out);
  memo.put(key, out);
}

std::vector<Word> measureWords(std::string_view text, const Font& font) {
  std::vector<Word> out;
  measureWords(text, font, out);
  return out;
}

std::vector<uint32_t> breakLines(const std::vector<Word>& words, const ParShape& shape) {
  std::vector<uint32_t> starts;
  breakLines(words, shape, starts);
  return starts;
}

namespace {

// TeX's line-breaking parameters (plain TeX and LaTeX defaults).
constexpr int kPretolerance = 100, kTolerance = 200;
constexpr int kLinePenalty = 10, kHyphenPenalty = 50;
constexpr double kAdjDemerits = 10000, kDoubleHyphenDemerits = 10000, kFinalHyphenDemerits = 5000;
constexpr double kNoPath = 1e300;

// A feasible breakpoint of the optimum-fit breaker: the line after it starts
// at word `w`, of which `cut` (a hyphenated prefix) was set on the line before.
struct Brk {
  uint32_t w = 0;
  float cut = 0;
  bool hyphen = false;  // a discretionary inside word w: the line before ends with "prefix-"
  bool forced = false;  // \\ before word w, or the paragraph's end (w == size): fil glue fills the line
};

struct KpScratch {
  std::vector<double> cw, cst, csh, cch;  // prefix sums over words: width+glue, stretch, shrink, letters' width
  std::vector<Brk> brks;
  std::vector<double> dem;     // per breakpoint and fitness class: least total demerits
  std::vector<int32_t> prev;   // the breakpoint*4+class it came from
};

// One pass of the optimum-fit breaker over the breakpoints in s.brks:
// false when no sequence of lines all within `threshold` badness exists.
bool kpPass(const std::vector<Word>& words, const ParShape& shape, KpScratch& s, int threshold,
            std::vector<uint32_t>& starts) {
  const size_t nb = s.brks.size();
  s.dem.assign(nb * 4, kNoPath);
  s.prev.assign(nb * 4, -1);
  s.dem[0 * 4 + 2] = 0;  // the paragraph starts "decent"
  const double exp = shape.expansion;
  size_t floor = 0;      // lines never reach back past a forced break
  for (size_t b = 1; b < nb; ++b) {
    const Brk& B = s.brks[b];
    const uint32_t e = B.w;
    for (size_t a = b; a-- > floor;) {
      const Brk& A = s.brks[a];
      const uint32_t st0 = A.w;
      if (!B.hyphen && e <= st0) continue;
      if (B.hyphen && (e < st0 || (e == st0 && B.cut <= A.cut))) continue;
      double nat, stretch, shrink, letters;
      if (B.hyphen) {
        nat = s.cw[e] - s.cw[st0] - A.cut + B.cut + shape.hyphenWidth;
        stretch = s.cst[e] - s.cst[st0];
        shrink = s.csh[e] - s.csh[st0];
        letters = s.cch[e] - s.cch[st0] - A.cut + B.cut;
      } else {
        nat = s.cw[e] - s.cw[st0] - words[e - 1].after.w - A.cut;
        stretch = s.cst[e - 1] - s.cst[st0];
        shrink = s.csh[e - 1] - s.csh[st0];
        letters = s.cch[e] - s.cch[st0] - A.cut;
      }
      if (a == 0) nat += shape.indent + shape.firstLineUsed;
      const double font = exp * letters;  // the glyphs' stretch and shrink
      // Lines only get longer as the start moves back: stop once overfull
      // beyond what protrusion could save.
      if (nat - shrink - font > shape.hsize + 6) break;
      if (shape.protrusion) {
        nat -= B.hyphen ? 0.5 * shape.hyphenWidth : words[e - 1].hangRight;
        if (a != 0 && A.cut == 0) nat -= words[st0].hangLeft;
      }
      // pdfTeX (\pdfadjustspacing 2) lets font expansion take up the
      // shortfall first; only what is left stretches or shrinks the glue,
      // and the badness is that of the glue alone.
      double shortfall = shape.hsize - nat;
      if (shortfall > 0) shortfall = std::max(0.0, shortfall - font);
      else if (shortfall < 0) shortfall = std::min(0.0, shortfall + font);
      int bad, fit;
      if (shortfall >= 0) {
        bad = B.forced ? 0 : badness(shortfall, stretch);
        fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
      } else {
        if (-shortfall > shrink + 1e-6) continue;  // overfull
        bad = badness(-shortfall, shrink);
        fit = bad > 12 ? 3 : 2;
      }
      if (bad > threshold) continue;
      double d = kLinePenalty + bad;
      d *= d;
      if (B.hyphen) d += double(kHyphenPenalty) * kHyphenPenalty;
      if (A.hyphen && B.hyphen) d += kDoubleHyphenDemerits;
      if (A.hyphen && B.forced && e == words.size()) d += kFinalHyphenDemerits;
      for (int c = 0; c < 4; ++c) {
        double base = s.dem[a * 4 + c];
        if (base >= kNoPath) continue;
        double t = base + d + (std::abs(c - fit) > 1 ? kAdjDemerits : 0);
        if (t < s.dem[b * 4 + fit]) {
          s.dem[b * 4 + fit] = t;
          s.prev[b * 4 + fit] = static_cast<int32_t>(a * 4 + c);
        }
      }
    }
    if (B.forced) {
      bool reached = false;
      for (int c = 0; c < 4; ++c) reached |= s.dem[b * 4 + c] < kNoPath;
      if (!reached) return false;
      floor = b;
    }
  }
  int best = -1;
  for (int c = 0; c < 4; ++c)
    if (s.dem[(nb - 1) * 4 + c] < kNoPath && (best < 0 || s.dem[(nb - 1) * 4 + c] < s.dem[(nb - 1) * 4 + best])) best = c;
  if (best < 0) return false;
  starts.clear();
  for (int32_t at = static_cast<int32_t>((nb - 1) * 4 + best); at >= 0; at = s.prev[at]) {
    size_t k = static_cast<size_t>(at) / 4;
    if (k == 0) break;
    // the line ending at breakpoint k starts at the breakpoint before it
    int32_t p = s.prev[at];
    starts.push_back(s.brks[static_cast<size_t>(p) / 4].w);
  }
  std::reverse(starts.begin(), starts.end());
  return !starts.empty() && starts.front() == 0;
}

}  // namespace

namespace {

void firstFit(const std::vector<Word>& words, const ParShape& shape, std::vector<uint32_t>& starts) {
  starts.clear();
  if (words.empty()) return;
  starts.push_back(0);
  double w = shape.indent + shape.firstLineUsed + words[0].width;
  double stretch = 0, shrink = 0;
  for (size_t i = 1; i < words.size(); ++i) {
    const Glue& g = words[i - 1].after;
    double nw = w + g.w + words[i].width;
    if (words[i].breakBefore) {
      starts.push_back(static_cast<uint32_t>(i));
      w = words[i].width;
      stretch = shrink = 0;
      continue;
    }
    if (nw - (shrink + g.shrink) <= shape.hsize + 1e-6) {
      w = nw;
      stretch += g.stretch;
      shrink += g.shrink;
      continue;
    }
    // The word does not fit. TeX hyphenates when the line would otherwise be
    // looser than \pretolerance (badness 100), and only long words with
    // enough letters on both sides (\lefthyphenmin 2, \righthyphenmin 3).
    double carry = words[i].width;
    const Word& word = words[i];
    int bad = shape.ragged ? 0 : badness(shape.hsize - w, stretch);
    if (!shape.ragged && bad > 100 && word.hyphenable && word.letters > 0) {
      double perLetter = word.width / word.letters;
      // Patterns do not allow every split point: assume the best one is a
      // letter short of the room there is.
      for (int k = word.letters - 4; k >= 2; --k) {
        double pre = perLetter * k + shape.hyphenWidth;
        if (w + g.w + pre - (shrink + g.shrink) <= shape.hsize) {
          carry = word.width - perLetter * k;
          break;
        }
      }
    }
    starts.push_back(static_cast<uint32_t>(i));
    w = carry;
    stretch = shrink = 0;
  }
}

// Hyphenation points of the second pass, without TeX's patterns: every
// kHyphenStep letters of a hyphenable word, \lefthyphenmin 2 and
// \righthyphenmin 3 letters from its ends, each letter of the word's mean width.
constexpr int kHyphenStep = 2;

void addBreaks(const std::vector<Word>& words, std::vector<Brk>& brks, bool hyphenate) {
  brks.clear();
  brks.push_back({0, 0, false, false});
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    const Word& wd = words[i];
    if (hyphenate && wd.hyphenable && wd.letters >= 5) {
      double perLetter = wd.width / wd.letters;
      for (int k = 2; k <= wd.letters - 3; k += kHyphenStep)
        brks.push_back({static_cast<uint32_t>(i), static_cast<float>(perLetter * k), true, false});
    }
    if (i + 1 == n) brks.push_back({static_cast<uint32_t>(n), 0, false, true});
    else brks.push_back({static_cast<uint32_t>(i + 1), 0, false, words[i + 1].breakBefore});
  }
}

void optimumFit(const std::vector<Word>& words, const ParShape& shape, std::vector<uint32_t>& starts) {
  starts.clear();
  const size_t n = words.size();
  if (n == 0) return;
  thread_local KpScratch s;
  s.cw.resize(n + 1);
  s.cst.resize(n + 1);
  s.csh.resize(n + 1);
  s.cch.resize(n + 1);
  s.cw[0] = s.cst[0] = s.csh[0] = s.cch[0] = 0;
  bool forced = false;
  for (size_t i = 0; i < n; ++i) {
    const Word& wd = words[i];
    s.cw[i + 1] = s.cw[i] + wd.width + wd.after.w;
    s.cst[i + 1] = s.cst[i] + wd.after.stretch;
    s.csh[i + 1] = s.csh[i] + wd.after.shrink;
    s.cch[i + 1] = s.cch[i] + wd.width;
    forced |= i > 0 && wd.breakBefore;
  }
  // A paragraph that fits on one line at its natural width is one line.
  if (!forced && shape.indent + shape.firstLineUsed + s.cw[n] - words[n - 1].after.w <= shape.hsize) {
    starts.push_back(0);
    return;
  }
  addBreaks(words, s.brks, false);
  if (kpPass(words, shape, s, kPretolerance, starts)) return;
  addBreaks(words, s.brks, true);
  if (kpPass(words, shape, s, kTolerance, starts)) return;
  // No way within \tolerance (a word wider than the line): TeX then sets
  // an overfull or underfull line; first fit does much the same.
  firstFit(words, shape, starts);
}

}  // namespace

void breakLines(const std::vector<Word>& words, const ParShape& shape, std::vector<uint32_t>& starts) {
  if (!shape.optimum || shape.ragged) return firstFit(words, shape, starts);
  // Most paragraphs of a CV (bullets, contact lines) fit on one line at
  // their natural width: one line, found before any key is built.
  if (!words.empty()) {
    double w = shape.indent + shape.firstLineUsed - words.back().after.w;
    bool forced = false;
    for (size_t i = 0; i < words.size() && w <= shape.hsize; ++i) {
      w += words[i].width + words[i].after.w;
      forced |= i > 0 && words[i].breakBefore;
    }
    if (!forced && w <= shape.hsize) {
      starts.assign(1, 0);
      return;
    }
  }
  if (words.size() > 512 || !memosOn()) return optimumFit(words, shape, starts);
  // A pure function of the words and the shape: remembered per thread. The
  // key holds every field the breakers read, exactly: per word its width,
  // its glue (an index into the paragraph's few distinct glues, listed at the
  // end), flags, and the letters and protrusion only where they are read.
  thread_local TextMemo<std::vector<uint32_t>> memo;
  thread_local std::string key;
  thread_local std::vector<Glue> glues;
  key.clear();
  glues.clear();
  for (double v : {shape.hsize, shape.indent, shape.firstLineUsed, shape.hyphenWidth, shape.charWidth, shape.expansion})
    appendKeyBytes(key, v);
  key.push_back(static_cast<char>(shape.ragged | shape.optimum << 1 | shape.protrusion << 2));
  appendKeyBytes(key, static_cast<uint32_t>(words.size()));
  for (const Word& wd : words) {
    size_t g = 0;
    while (g < glues.size() && !(glues[g].w == wd.after.w && glues[g].stretch == wd.after.stretch &&
                                 glues[g].shrink == wd.after.shrink))
      ++g;
    if (g == glues.size()) {
      if (g == 255) return optimumFit(words, shape, starts);
      glues.push_back(wd.after);
    }
    const bool hang = shape.protrusion && (wd.hangRight != 0 || wd.hangLeft != 0);
    appendKeyBytes(key, wd.width);
    key.push_back(static_cast<char>(g));
    key.push_back(static_cast<char>(wd.hyphenable | wd.breakBefore << 1 | hang << 2));
    if (wd.hyphenable) appendKeyBytes(key, wd.letters);
    if (hang) {
      appendKeyBytes(key, wd.hangRight);
      appendKeyBytes(key, wd.hangLeft);
    }
  }
  for (const Glue& g : glues) {
    appendKeyBytes(key, g.w);
    appendKeyBytes(key, g.stretch);
    appendKeyBytes(key, g.shrink);
  }
  if (const auto* hit = memo.find(key)) {
    starts.assign(hit->begin(), hit->end());
    return;
  }
  optimumFit(words, shape, starts);
  memo.put(key, starts);
}

PageBreakResult breakPages(const std::vector<VItem>& items, double goal, double topskip) {
  PageBreakResult res;
  size_t i = 0;
  const size_t n = items.size();
  while (i < n) {
    // Glue and penalties at the top of a page are discarded.
    while (i < n && items[i].kind != VItem::Box) ++i;
    if (i >= n) break;
    size_t pageStart = i;
    double t = 0, s = 0, k = 0;
    bool fil = false;
    bool first = true;
    int least = kAwfulBad;
    size_t best = n;
    double bestT = 0;
    bool fired = false;
    for (size_t j = i; j < n; ++j) {
      const VItem& it = items[j];
      bool breakable = false;
      int pi = 0;
      if (it.kind == VItem::Penalty) {
        breakable = it.penalty < 10000;
        pi = it.penalty;
      } else if (it.kind == VItem::Space) {
        breakable = j > pageStart && items[j - 1].kind == VItem::Box;
      }
      if (breakable && !first) {
        int b;
        if (t < goal) b = fil ? 0 : badness(goal - t, s);
        else if (t - k > goal + 1e-6) b = kAwfulBad;
        else b = badness(t - goal, k);
        int c;
        if (b < kAwfulBad) {
          if (pi <= -10000) c = pi;
          else if (b < kInfBad) c = b + pi;
          else c = kDeplorable;
        } else {
          c = b;
        }
        if (c <= least) {
          least = c;
          best = j;
          bestT = t;
        }
        if (c == kAwfulBad || pi <= -10000) {
          fired = true;
          break;
        }
      }
      if (it.kind == VItem::Box) {
        t += first ? std::max(topskip, it.top) : it.height;
        first = false;
      } else if (it.kind == VItem::Space && !first) {
        t += it.glue.w;
        if (it.glue.stretch >= kFil) fil = true;
        else s += it.glue.stretch;
        k += it.glue.shrink;
      }
    }
    ++res.pages;
    if (!fired || best >= n) {
      res.lastPageFill = std::clamp(t / goal, 0.0, 1.0);
      break;
    }
    size_t next = best;
    if (next <= pageStart) next = pageStart + 1;  // always make progress
    // The next page starts at the first box after the break.
    size_t nb = next;
    while (nb < n && items[nb].kind != VItem::Box) ++nb;
    if (nb >= n) {
      res.lastPageFill = std::clamp(bestT / goal, 0.0, 1.0);
      break;
    }
    res.pageStarts.push_back(nb);
    i = nb;
  }
  return res;
}

}  // namespace cvlint::pages
