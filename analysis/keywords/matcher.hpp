// The keyword matcher: a trie over normalised skill names (case folded, with
// '.', '-', '_' and spaces inside a name optional) that finds every mention
// of a known skill in a piece of prose, at word boundaries, keeping
// tech-shaped names whole (C++ is not C, JavaScript is not Java, Next.js is
// not Node.js) and applying the context rules for ambiguous names (the verb
// "go" is not Go). Used on advert lines and on the CV's prose alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cvlint::kw {

enum AliasFlag : uint8_t {
  kCaseSensitive = 1,  // '!': the case must match ("React", not "react to")
  kNeedsContext = 2,   // '?': only in a skill-ish context
  kListOnly = 4,       // '%': only next to other skills or before "language"
  kRelated = 8,        // '~': a related form; counts as present, never rewritten
};

struct AliasInfo {
  uint32_t skill = 0;
  std::string form;   // as written in the table, flags and "(s)" removed
  uint8_t flags = 0;
  std::string key;    // keyOf(form)
};

// One mention of a skill in a text: bytes [begin, end) of that text.
struct Mention {
  uint32_t skill = 0;
  uint32_t alias = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  uint8_t flags = 0;
};

class Lexicon {
 public:
  Lexicon();
  // Adds one alias (already split, flags parsed) and returns its id. A key
  // that is already present for the same skill reuses that alias's id.
  uint32_t add(uint32_t skill, std::string_view form, uint8_t flags);
  // Adds an alias written in the taxonomy's alias language ("!React",
  // "REST API(s)"); returns its id.
  uint32_t addSpec(uint32_t skill, std::string_view spec);

  // How much context an ambiguous name ("Go", "C") needs in a text.
  enum class Context : uint8_t {
    Prose,    // an advert line: a list, "in Go", "Go services" (the strict rules)
    List,     // a list of skills (a CV skills section): none
    Lenient,  // CV prose checked for names the advert asks for: anything but
              // clear prose ("Go to market", "Spring 2021", "Go-live")
  };
  // Every accepted mention in text (nested ones included: "Spring Boot"
  // gives Spring Boot and Spring), sorted by begin then longest first.
  // The taxonomy's lexicon (built once, never changed after) remembers the
  // mentions of recent texts per thread (core/memo.hpp).
  std::vector<Mention> scan(std::string_view text, Context context = Context::Prose) const;

  // Declares the lexicon final and alive until the process exits (the
  // taxonomy's): from then on scan() answers from a per-thread memo.
  void freeze() { memoized_ = true; }

  const AliasInfo& alias(uint32_t id) const { return aliases_[id]; }
  // The alias whose key is exactly this one (any flags); -1 when none.
  int64_t lookup(std::string_view key) const;
  size_t aliasCount() const { return aliases_.size(); }
  // The normalised key of a name, as the trie stores it.
  static std::string keyOf(std::string_view form);
  // Ids of aliases whose key is shared by two different skills (for tests).
  std::vector<std::pair<uint32_t, uint32_t>> collisions() const { return collisions_; }

 private:
  struct Terminal {
    uint32_t alias;
    std::string exact;  // case-sensitive aliases: the non-optional characters as written
  };
  struct Node {
    std::vector<std::pair<char32_t, uint32_t>> next;
    std::vector<Terminal> terms;
  };
  std::vector<Mention> scanText(std::string_view text, Context context) const;
  uint32_t child(uint32_t node, char32_t c) const;
  uint32_t insertKey(std::string_view form, uint32_t aliasId, uint8_t flags);

  std::vector<Node> nodes_;
  uint32_t rootAscii_[128] = {};  // the root's children by ASCII character (most lookups)
  std::vector<AliasInfo> aliases_;
  std::vector<std::pair<uint32_t, uint32_t>> collisions_;
  bool memoized_ = false;  // scan() memoised: set once the taxonomy is built
};

// The taxonomy's lexicon, built once. Skill ids are indexes into skillTable();
// canonicalAlias(skill) is the alias id of its canonical form.
const Lexicon& taxonomy();
uint32_t canonicalAlias(uint32_t skill);
// The skill whose canonical form (or any alias) has this key; -1 when none.
int32_t findSkill(std::string_view name);

// The mentions not inside a longer one (for adverts, where "AWS Lambda" is
// one keyword, not two), in order.
std::vector<Mention> longestMentions(const std::vector<Mention>& all);

// True when c is optional inside a name ('.', '-', '_', spaces).
bool isSoftChar(char32_t c);

}  // namespace cvlint::kw
