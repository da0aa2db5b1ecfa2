// spelling-variant: en-GB and en-US spellings mixed in one CV (optimised in
// one bullet, optimize in the next). When both appear, every spelling that
// is not the locale's (config `locale`, en-GB by default) is reported with a
// fix to the locale's form, case preserved. The pairs are data
// (data/spelling_variants.inc, generated from Debian's word lists by
// data/gen_spelling.py). Two pairs need context: "license" is right in en-GB
// as a verb (only the noun is "licence"), and "program" is right in en-GB for
// a computer program (only a graduate/training/degree programme is not).
// Names and titles stay: capitalised words inside a run of capitalised words
// ("Center for Disease Control", "Visual Studio Color Theme"), words in
// quotes, in inline code, or in a URL or file name.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

struct Pair {
  const char* gb;
  const char* us;
  int flags;  // 0 always; 1 US form flagged in en-GB only as a noun; 2 only outside computing
};

constexpr Pair kPairs[] = {
#include "rules/data/spelling_variants.inc"
};

// One table for both spellings (a word that is some pair's en-GB form is
// read as en-GB first, as before), behind a cheap filter on the first two
// letters and the length: most words of a CV are in no pair and never reach
// the hash.
struct Entry {
  const Pair* pair;
  bool isGb;
};
struct Lookup {
  std::unordered_map<std::string_view, Entry> words;
  uint32_t firstTwo[26] = {};  // bit b of firstTwo[a]: some key starts with 'a'+a, 'a'+b
  size_t minLen = SIZE_MAX, maxLen = 0;
  Lookup() {
    auto add = [&](std::string_view w, const Pair* p, bool isGb) {
      words.emplace(w, Entry{p, isGb});
      minLen = std::min(minLen, w.size());
      maxLen = std::max(maxLen, w.size());
      if (w.size() >= 2 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z')
        firstTwo[w[0] - 'a'] |= 1u << (w[1] - 'a');
      else
        anyOther = true;
    };
    for (const Pair& p : kPairs) add(p.gb, &p, true);
    for (const Pair& p : kPairs) add(p.us, &p, false);
  }
  bool anyOther = false;  // a key the letter filter cannot describe
  static char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  // False when no key, nor the word less a final "s", can equal the word
  // lowercased: checked on the word as written, before lowercasing it.
  bool mayHold(std::string_view w) const {
    if (w.size() > maxLen + 1 || w.size() > 64 || w.size() < minLen) return false;
    if (anyOther || w.size() < 2) return true;
    char a = lowerAscii(w[0]), b = lowerAscii(w[1]);
    return a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && (firstTwo[a - 'a'] >> (b - 'a') & 1u);
  }
  const Entry* find(std::string_view w) const {
    if (w.size() < minLen || w.size() > maxLen) return nullptr;
    auto it = words.find(w);
    return it == words.end() ? nullptr : &it->second;
  }
};

const Lookup& lookup() {
  static const Lookup l;
  return l;
}

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

// "a licence", "driving licence", "licence holder": the noun.
bool nounContext(std::string_view prev, std::string_view next) {
  return in(prev, {"a", "an", "the", "driving", "full", "clean", "software", "source", "mit", "apache", "gpl", "bsd",
                   "uk", "commercial", "premises", "pilot", "provisional", "my", "our", "their", "his", "her", "your",
                   "this", "that", "valid", "current", "personal", "business", "enterprise", "user", "site", "volume",
                   "practising", "teaching", "security", "sia", "forklift", "hgv", "firearms"}) ||
         in(next, {"holder", "holders", "number", "key", "keys", "fee", "fees", "agreement", "agreements", "compliance",
                   "management", "server", "renewal", "plate", "audit", "audits"});
}

// "graduate programme", "training programme", "programme manager": not a computer program.
bool nonComputerContext(std::string_view prev, std::string_view next) {
  return in(prev, {"graduate", "training", "degree", "exchange", "mentoring", "mentorship", "apprenticeship",
                   "leadership", "rotation", "rotational", "internship", "research", "outreach", "volunteer",
                   "volunteering", "accelerator", "fellowship", "scholarship", "study", "masters", "phd", "doctoral",
                   "undergraduate", "postgraduate", "transformation", "change", "tv", "television", "radio",
                   "government", "funding", "community", "wellbeing", "diversity", "inclusion", "ambassador",
                   "partner", "partnership", "trainee", "school", "youth", "erasmus", "bootcamp", "award", "honours",
                   "exercise", "fitness", "modernisation", "modernization", "academy"}) ||
         in(next, {"manager", "managers", "management", "director", "coordinator", "co", "officer", "board", "office"});
}

bool upperInitial(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

struct Hit {
  const Block* block;
  conv::Word word;
  const Pair* pair;
  bool isGb;
  bool plural;  // matched by stripping a final "s"
};

class SpellingVariant final : public Rule {
 public:
  std::string_view id() const override { return "spelling-variant"; }
  Severity defaultSeverity() const override { return Severity::Hint; }
  std::string_view summary() const override { return "en-GB and en-US spellings mixed (optimise/optimize)"; }
  std::string_view explanation() const override {
    return "Mixing British and American spelling (optimised here, optimize there) reads as careless. cvlint "
           "follows the `locale` setting (en-GB by default).\n\n    - Optimized the build     <- spelling-variant "
           "(en-GB: Optimised)\n\nThe fix switches to the locale's spelling. Names and quoted titles are left "
           "alone (\"Center for Disease Control\").";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    const bool gbLocale = ctx.config.locale == Locale::EnGB;
    std::vector<Hit> hits;
    for (const Block& b : doc.blocks) {
      if (b.kind == BlockKind::Code || b.kind == BlockKind::Table) continue;
      collect(ctx, b, gbLocale, hits);
    }
    const Hit* localeExample = nullptr;
    for (const Hit& h : hits)
      if (h.isGb == gbLocale) {
        localeExample = &h;
        break;
      }
    if (!localeExample) return;
    std::string exampleText = localeExample->block->prose.text.substr(
        localeExample->word.begin, localeExample->word.end - localeExample->word.begin);
    for (const Hit& h : hits) {
      if (h.isGb == gbLocale) continue;
      const Prose& p = h.block->prose;
      std::string written = p.text.substr(h.word.begin, h.word.end - h.word.begin);
      std::string target = std::string(gbLocale ? h.pair->gb : h.pair->us) + (h.plural ? "s" : "");
      target = conv::matchCase(written, target);
      Finding f = conv::makeFinding(
          "spelling-variant", h.block->file, p.toSource(h.word.begin, h.word.end),
          "\"" + written + "\" is " + (gbLocale ? "en-US" : "en-GB") + " spelling, but this CV also uses " +
              localeName(ctx.config.locale) + " spelling (\"" + exampleText + "\"): write \"" + target + "\"");
      Related rel;
      rel.file = localeExample->block->file;
      rel.range = localeExample->block->prose.toSource(localeExample->word.begin, localeExample->word.end);
      rel.message = localeName(ctx.config.locale) + std::string(" spelling here");
      f.related.push_back(std::move(rel));
      f.data.push_back({"replacement", target});
      if (p.isVerbatim(h.word.begin, h.word.end)) {
        Fix fix;
        fix.title = "Replace with \"" + target + "\"";
        fix.edits.push_back({h.block->file, p.toSource(h.word.begin, h.word.end), target});
        fix.preferred = true;
        f.fixes.push_back(std::move(fix));
      }
      out.push_back(std::move(f));
    }
  }

 private:
  static void collect(const RuleContext& ctx, const Block& b, bool gbLocale, std::vector<Hit>& hits) {
    const std::string& t = b.prose.text;
    auto ws = conv::words(t);
    auto text = [&](size_t i) { return std::string_view(t).substr(ws[i].begin, ws[i].end - ws[i].begin); };
    auto lowerAt = [&](size_t i) { return i < ws.size() ? conv::lower(text(i)) : std::string(); };
    // Quote state at a word: inside "..." or “...”, from the bytes before it.
    // Read forward only as far as the last word in a pair (words in no pair
    // never ask).
    bool straight = false, curly = false;
    size_t scanned = 0;
    auto quotedAt = [&](size_t wi) {
      for (; scanned < ws[wi].begin; ++scanned) {
        size_t i = scanned;
        if (t[i] == '"') straight = !straight;
        else if (t[i] != '\xE2') continue;
        else if (t.compare(i, 3, "\xE2\x80\x9C") == 0) curly = true;
        else if (t.compare(i, 3, "\xE2\x80\x9D") == 0) curly = false;
      }
      return straight || curly;
    };
    const Lookup& lk = lookup();
    char buf[64];
    for (size_t i = 0; i < ws.size(); ++i) {
      std::string_view w = text(i);
      if (!lk.mayHold(w)) continue;
      // Lowercased into a buffer: no allocation per word.
      for (size_t k = 0; k < w.size(); ++k) {
        char c = w[k];
        buf[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      }
      std::string_view lw(buf, w.size());
      bool plural = false;
      const Pair* pair = nullptr;
      bool isGb = false;
      const Entry* e = lk.find(lw);
      if (!e && lw.size() > 4 && lw.back() == 's') {
        e = lk.find(lw.substr(0, lw.size() - 1));
        plural = e != nullptr;
      }
      if (e) pair = e->pair, isGb = e->isGb;
      if (!pair || quotedAt(i) || b.prose.overlapsCode(ws[i].begin, ws[i].end)) continue;
      if (technicalToken(t, ws[i]) || allowed(ctx, text(i))) continue;
      if (isName(t, ws, i)) continue;
      std::string prev = i > 0 ? lowerAt(i - 1) : std::string(), next = lowerAt(i + 1);
      if (!isGb && gbLocale && pair->flags == 1 && !nounContext(prev, next)) continue;
      if (!isGb && gbLocale && pair->flags == 2 && !nonComputerContext(prev, next)) continue;
      // The GB noun "licence"/"programme" in an en-US CV is always US "license"/"program";
      // an en-US "license" verb or computer "program" in en-GB text counts as neither.
      if (!isGb && !gbLocale && pair->flags != 0 && !(pair->flags == 1 ? nounContext(prev, next) : nonComputerContext(prev, next)))
        continue;
      hits.push_back({&b, ws[i], pair, isGb, plural});
    }
  }

  // Part of an identifier, URL, path or file name: color.js, src/colour, my_colour.
  static bool technicalToken(const std::string& t, conv::Word w) {
    auto at = [&](size_t i) { return i < t.size() ? t[i] : ' '; };
    char before = w.begin > 0 ? t[w.begin - 1] : ' ', after = at(w.end);
    if (before == '/' || before == '_' || before == '@' || before == '#' || before == '\\' || after == '/' ||
        after == '_' || after == '@' || after == '(')
      return true;
    if (after == '.' && std::isalnum(static_cast<unsigned char>(at(w.end + 1)))) return true;
    if (before == '.' && w.begin >= 2 && std::isalnum(static_cast<unsigned char>(t[w.begin - 2]))) return true;
    return false;
  }

  static bool allowed(const RuleContext& ctx, std::string_view w) {
    std::string lw = conv::lower(w);
    for (const std::string& a : ctx.config.allowWords)
      if (conv::lower(a) == lw) return true;
    return false;
  }

  // A capitalised word next to other capitalised words (through "for", "of",
  // "and", "the", "&"): part of a name or title. A sentence's first word
  // only when a connector or a capitalised noun-like word follows it.
  static bool isName(const std::string& t, const std::vector<conv::Word>& ws, size_t i) {
    auto text = [&](size_t k) { return std::string_view(t).substr(ws[k].begin, ws[k].end - ws[k].begin); };
    if (!upperInitial(text(i))) return false;
    auto connector = [&](size_t k) {
      std::string_view w = text(k);
      return w == "for" || w == "of" || w == "and" || w == "the" || w == "de";
    };
    auto gapIsSpace = [&](size_t a, size_t b) {  // only spaces/&/- between words a and b
      for (uint32_t k = ws[a].end; k < ws[b].begin; ++k)
        if (t[k] != ' ' && t[k] != '&' && t[k] != '-') return false;
      return true;
    };
    bool sentenceStart = true;
    if (i > 0) {
      sentenceStart = false;
      for (uint32_t k = ws[i - 1].end; k < ws[i].begin; ++k)
        if (t[k] == '.' || t[k] == ':' || t[k] == '!' || t[k] == '?' || t[k] == '(' || t[k] == ',' || t[k] == ';')
          sentenceStart = true;
    }
    // Next capitalised word, through connectors.
    bool capNext = false, viaConnector = false;
    for (size_t k = i + 1; k < ws.size() && gapIsSpace(k - 1, k); ++k) {
      if (connector(k)) {
        viaConnector = true;
        continue;
      }
      capNext = upperInitial(text(k));
      break;
    }
    bool capPrev = !sentenceStart && i > 0 && gapIsSpace(i - 1, i) && upperInitial(text(i - 1));
    if (!sentenceStart) return capPrev || capNext;
    std::string lw = conv::lower(text(i));
    auto ends = [&](std::string_view s) { return lw.size() > s.size() && lw.compare(lw.size() - s.size(), s.size(), s) == 0; };
    bool verbLike = ends("ed") || ends("ing") || ends("ise") || ends("ize") || ends("yse") || ends("yze");
    return capNext && (viaConnector || !verbLike);
  }
};

}  // namespace

const Rule& spellingVariantRule() {
  static const SpellingVariant r;
  return r;
}

}  // namespace cvlint
