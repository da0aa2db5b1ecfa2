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
  }
}

}  // namespace

// A pure function of the text and the font (a static table row and a size):
// remembered per thread, since a keystroke changes one paragraph of many.
void measureWords(std::string_view text, const Font& font, std::vector<Word>& out) {
  if (text.size() > 4096 || !memosOn()) return measureText(text, font, out);
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

void breakLines(const std::vector<Word>& words, const ParShape& shape, std::vector<uint32_t>& starts) {
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
