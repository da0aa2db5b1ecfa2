// Shared machinery of the achievement-language rules (weak-verb,
// unquantified, vague-quantity, first-person, buzzword, passive-voice,
// repeated-verb, long-bullet, no-action-verb): a tokenizer over a bullet's
// prose that keeps prose byte offsets, the bullet's "opening" (its verb slot
// after a leading adverb, "I" or "Was"/"Were"), a word-level phrase trie, case
// helpers, the measurement classifier, and the bridge from prose edits to
// source edits through the prose source map (never by searching the source).
//
// Everything here works on plain strings first, so the engines are testable
// without a front end; the rule files add the document plumbing.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/rule.hpp"

namespace cvlint::wording {

// A word of prose: letters/digits with inner apostrophes and hyphens
// ("team's", "Co-built", "i18n"). Offsets are prose text bytes.
struct Word {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string lower;          // NFC case-folded, curly apostrophe as '\''
  bool upperInitial = false;  // first letter is upper case
  bool allUpper = false;      // every letter upper case (and at least two letters)
  bool inUrl = false;         // part of a URL, e-mail address or path-like run
  bool hasDigit = false;
};

// Cached per thread, keyed by the text (see wording.cpp).
std::vector<Word> tokenize(std::string_view text);
// The same words, shared with the cache instead of copied: the rules ask for
// the words of each bullet many times over.
std::shared_ptr<const std::vector<Word>> tokenizeShared(std::string_view text);
// Empties this thread's tokenize cache now if clearEngineCaches() was called
// since it was filled (otherwise the next tokenize does it).
void syncTokenCache();
// While alive, this thread's token cache may hold a whole document of the
// given size (see tokenizeShared); on destruction it returns to its bound.
struct TokenCacheScope {
  explicit TokenCacheScope(size_t documentBytes) { grow(documentBytes); }
  ~TokenCacheScope();
  TokenCacheScope(const TokenCacheScope&) = delete;
  TokenCacheScope& operator=(const TokenCacheScope&) = delete;

 private:
  static void grow(size_t documentBytes);
};

// At most this many findings of one rule in one block: a pathological bullet
// (a megabyte of "many many ...") must not flood the editor or the terminal.
constexpr size_t kMaxFindingsPerBlock = 10;

// True when w is one of the listed words.
inline bool inList(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

// A prose string with its words, for the engines.
struct Text {
  std::string_view text;

 private:
  std::shared_ptr<const std::vector<Word>> owned_;  // declared before `words`, which refers to it

 public:
  const std::vector<Word>& words;
  explicit Text(std::string_view t) : text(t), owned_(tokenizeShared(t)), words(*owned_) {}
  Text(const Text& o) : text(o.text), owned_(o.owned_), words(*owned_) {}
  Text& operator=(const Text&) = delete;
  std::string_view at(size_t i) const { return text.substr(words[i].begin, words[i].end - words[i].begin); }
  // Text between the end of word i and the start of word i + 1.
  std::string_view gapAfter(size_t i) const;
};

// The opening of a bullet: `first` is the first word of the opening (a label
// such as "Payments:" is skipped), `head` the verb slot after skipping "I",
// leading adverbs ("Successfully") and "Was"/"Were". `dropped` lists the
// skipped words a rewrite removes ("I", "Was"); adverbs are kept.
struct Opening {
  bool valid = false;
  size_t first = 0;
  size_t head = 0;
  bool labelled = false;  // a "Label:" prefix came before the opening
  std::vector<size_t> dropped;
  std::vector<size_t> adverbs;
};
Opening opening(const Text& t, uint32_t labelEnd = 0);
// The opening of a block's prose, skipping a LaTeX description label
// (`\item[cvlint] Worked on ...`: the label ends where the map shows "]").
Opening openingOf(const CvDocument& doc, const Block& b, const Text& t);
bool isLeadingAdverb(std::string_view lower);

// Word-level trie of folded phrases. Longest match wins.
class PhraseTrie {
 public:
  void add(std::string_view phrase, int id);
  // Longest phrase starting at word i: {id, word count}, or {-1, 0}.
  std::pair<int, size_t> longestAt(const std::vector<Word>& words, size_t i) const;
  bool empty() const { return nodes_.size() == 1; }

 private:
  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Node {
    // word -> node index; hashed, since the root holds the first word of
    // every phrase and is asked once per word of every bullet.
    std::unordered_map<std::string, int, SvHash, std::equal_to<>> next;
    int id = -1;
  };
  std::vector<Node> nodes_{1};
  // A filter on the first word of every phrase: bit min(length, 31) of
  // rootLengths_[first byte & 63]. Most words open no phrase and are turned
  // away here without hashing.
  uint32_t rootLengths_[64] = {};
};

// Case helpers over the first letter (any script).
std::string capitaliseFirst(std::string_view s);
std::string lowerFirst(std::string_view s);
// `replacement` with the first letter's case of `original`.
std::string matchCase(std::string_view replacement, std::string_view original);

// True when the text names a measurement (40%, £2m, 12 services, a team of
// five, 3x, 120 ms, the `<N>` placeholder); years, date ranges, versions and
// product or standard names (Python 3, HTTP/2, ISO 27001, S3) do not count.
bool hasMeasurement(std::string_view text);
// True when the text names a year (1950-2039) as a whole word: with no verb
// at the opening, such a bullet is an entry header ("Acme 2020 – 2023 London").
bool mentionsYear(std::string_view text);

// Bullets whose wording is judged as achievements: in Experience/Projects
// sections, in entries of other non-education sections, or anywhere when the
// CV has no section headings.
bool isAchievementBullet(const CvDocument& doc, const Block& b);
// An achievement bullet, or a paragraph of an Experience/Projects section
// (a moderncv \cventry description, a Markdown line under a job).
bool isAchievementText(const CvDocument& doc, const Block& b);
// True when [textBegin, textEnd) of the bullet's prose may be reported: not
// code or math.
bool reportable(const Block& b, uint32_t textBegin, uint32_t textEnd);

// A replacement in prose text bytes.
struct TextEdit {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
};

// Shrinks an edit to the bytes that really change (common prefix/suffix
// removed, on code point boundaries).
TextEdit minimise(std::string_view prose, TextEdit e);

// Maps prose edits to source edits. An edit over verbatim text maps one for
// one; one crossing markup is split (new text in the first verbatim piece,
// later pieces deleted) when that leaves no markup pair empty and deletes
// only whitespace from synthetic pieces; otherwise the conversion fails and
// the caller offers no fix. Inserted text is escaped for the format.
bool toSourceEdits(const CvDocument& doc, const Block& b, const std::vector<TextEdit>& in, std::vector<Edit>& out);

// Escapes text inserted into a document's source. LaTeX: % & $ # _ get a
// backslash, and "<"/">" become \textless{}/\textgreater{} unless the
// fonts have them (T1 fontenc, fontspec); Markdown: "<" gets a backslash, so
// a `<N>` placeholder is not read as raw HTML (which renders as nothing).
std::string escapeFor(const CvDocument& doc, std::string_view s);

// A finding on prose [textBegin, textEnd) of a block.
Finding makeFinding(const Block& b, uint32_t textBegin, uint32_t textEnd, std::string message);
// Adds a fix built from prose edits; false (and nothing added) when the edits
// cannot be mapped exactly.
bool addFix(const CvDocument& doc, const Block& b, Finding& f, std::string title, std::vector<TextEdit> edits,
            bool preferred, bool safe);

// True when the folded phrase (or any phrase of words.allow it starts with)
// is allowed by config.
bool allowedByConfig(const Config& cfg, std::string_view lowerPhrase);
// The same for the prose from text byte `begin` on (folds a bounded window
// only, so a huge bullet stays linear; free when words.allow is empty).
bool allowedAt(const Config& cfg, std::string_view text, size_t begin);

// Where a "by <N>%" belongs after the verb at word `verb`: the end of its
// object, before " using"/" with"/" through"/a comma, or the end of the prose
// (before a final period). A prose text byte.
uint32_t objectEnd(const Text& t, size_t verb);
// True for a verb of change (reduced, increased, improved, cut, grew, ...),
// which "by <N>%" can follow.
bool isChangeVerb(std::string_view lower);
// Every prose-bearing bullet or paragraph outside skills, code and tables.
bool isWordingBlock(const CvDocument& doc, const Block& b);

// "Rewrite as \"...\"" with the prose after the edit, shortened.
std::string rewriteTitle(std::string_view prose, const std::vector<TextEdit>& edits);

}  // namespace cvlint::wording
