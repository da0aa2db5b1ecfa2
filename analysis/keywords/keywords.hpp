// Keyword matching between a CV and a job advert (or a role profile when there
// is no advert): which advert keywords the CV names exactly, only by a variant,
// or not at all, and the weighted match score.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "model.hpp"
#include "rules/rule.hpp"

namespace cvlint {

struct KeywordHit {
  uint16_t file = 0;
  ByteRange range;      // source bytes of the mention in the CV
  std::string found;    // the text as written ("Postgres")
  bool exact = false;   // the advert's own form
  int32_t block = -1;   // CvDocument::blocks index of the prose it is in
  uint32_t textBegin = 0, textEnd = 0;  // prose bytes of the mention
  bool editable = false;  // maps one for one onto source: a rewrite is exact
  bool code = false;      // inside inline code / math: matched, never rewritten
  std::string replacement;  // the advert's form fitted to this mention ("RESTful API" for "a REST API")
};

enum class KeywordStatus : uint8_t { Exact, Variant, Missing };

struct KeywordMatch {
  std::string keyword;          // canonical form as the advert writes it ("PostgreSQL")
  bool essential = true;
  KeywordStatus status = KeywordStatus::Missing;
  std::vector<KeywordHit> hits;
  uint32_t advertLine = 0;      // 0-based line in the advert it came from
  std::string advertLineText;   // that line, for hover and related information
  ByteRange advertRange;        // advert bytes of the mention (hints on an open advert)
  int32_t skill = -1;           // taxonomy skill id (past the table: a name it does not know)
  std::string category;         // "language", "database", ... ("skill" when unknown)
};

struct KeywordReport {
  std::string source;           // advert path as given, or "role:backend-developer"
  bool fromAdvert = false;
  double score = 0;             // weighted share of keywords present (exact or variant)
  std::vector<KeywordMatch> matches;
  std::string problem;          // non-empty: the advert could not be read (message)
  std::string role;             // the role profile used when there is no advert
};

// Where keyword findings and the score sit in a CV: the skills section
// heading, or, when there is none, where every finding about the whole CV
// goes (conv::documentAnchor).
struct KeywordAnchor {
  uint16_t file = 0;
  ByteRange range;
  int32_t skillsSection = -1;  // CvDocument::sections index, -1 when none
};
KeywordAnchor keywordAnchor(const CvDocument& doc);

// The edit that appends `item` to the CV's skills list in the document's own
// syntax (a `- X` bullet, `, X` after a comma list, `\item X`); false when
// the CV has no skills section to add to. `category` (taxonomy name, may be
// empty) picks the list line with the most skills of the same kind.
bool skillsListEdit(const CvDocument& doc, const std::string& item, const std::string& category, Edit& out);

// The same for many items (one per missing keyword): the skills section's
// lines, separators and skills are read once, not once per item.
class SkillsLists {
 public:
  explicit SkillsLists(const CvDocument& doc);
  bool edit(const std::string& item, const std::string& category, Edit& out) const;

 private:
  struct Line {
    const Block* block;
    bool list;                    // has a list separator
    std::vector<uint32_t> skills; // skills named on it (list lines only)
  };
  const CvDocument& doc_;
  int32_t section_ = -1;
  std::vector<Line> lines_;
};

// advertText: the advert's contents when one was found and read; nullopt
// when none is configured (the role profile is used instead). advertError:
// set by the caller when an advert was configured but could not be read.
std::shared_ptr<KeywordReport> analyzeKeywords(const CvDocument& doc, const Config& config,
                                               const std::optional<std::string>& advertText,
                                               const std::string& advertPath,
                                               const std::string& advertError);

}  // namespace cvlint
