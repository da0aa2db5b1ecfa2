// The rule framework: findings, fixes, the Rule interface and the context a
// rule reads. Rules are listed in one explicit registry table (registry.cpp);
// there is no static self-registration.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "config.hpp"
#include "model.hpp"

namespace cvlint {

struct KeywordReport;  // keywords/keywords.hpp
struct PageEstimate;   // length/pages.hpp

// One replacement in source bytes of a file.
struct Edit {
  uint16_t file = 0;
  ByteRange range;
  std::string newText;
};

struct Fix {
  std::string title;        // "Replace with \"Maintained\""
  std::vector<Edit> edits;  // non-overlapping
  bool preferred = false;   // the one clearly right fix
  bool safe = true;         // applied by fix-all / --fix (claims are never safe)
};

// Another place a finding points at (a repeated verb's other bullets, the
// advert line a keyword came from).
struct Related {
  std::string path;         // empty: the same document (file index below)
  uint16_t file = 0;
  ByteRange range;          // in that file (for an external path: bytes of that file)
  uint32_t line = 0;        // 0-based line, for external paths
  std::string message;
};

using DataValue = std::variant<std::string, double, bool>;

struct Finding {
  std::string rule;                 // rule id ("weak-verb")
  Severity severity = Severity::Off;  // Off = the rule's default (set by the engine)
  uint16_t file = 0;
  ByteRange range;
  std::string message;
  std::vector<Fix> fixes;
  std::vector<Related> related;
  std::vector<std::pair<std::string, DataValue>> data;  // machine-readable detail
};

// Everything a rule may read. Rules never do I/O.
struct RuleContext {
  const CvDocument& doc;
  const Config& config;
  const KeywordReport* keywords = nullptr;  // null when keyword matching did not run
  const PageEstimate* pages = nullptr;      // null when the page model did not run
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual std::string_view id() const = 0;           // stable kebab-case code
  virtual Severity defaultSeverity() const = 0;
  virtual std::string_view summary() const = 0;      // one line: what it finds
  // Markdown documentation for `cvlint explain` and hover: why it matters,
  // an example, what the fix does.
  virtual std::string_view explanation() const = 0;
  // Appends findings; severity is filled in by the engine from config.
  virtual void check(const RuleContext& ctx, std::vector<Finding>& out) const = 0;
};

// Every rule, sorted by id. Defined in registry.cpp.
std::span<const Rule* const> allRules();
const Rule* findRule(std::string_view id);

}  // namespace cvlint
