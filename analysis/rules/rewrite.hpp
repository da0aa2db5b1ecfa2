// The weak-verb rewrite engine: finds a weak opener (duty phrase, helper
// phrase, "Handled", "Utilised", ...) at a bullet's opening and rewrites the
// opening around a strong past-tense verb, keeping the rest of the bullet
// byte for byte. Works on plain prose; weak_verb.cpp maps it to source.
//
//   Responsible for maintaining the payments API -> Maintained the payments API
//   Helped to build X                            -> Built X / Co-built X
//   Worked on the search service                 -> Built / Developed / Maintained the search service
//   Involved in the migration of X to Y          -> Migrated X to Y
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/wording.hpp"

namespace cvlint::wording {

enum class WeakKind : uint8_t { Duty, Helper, Beneficiary, Handled, Utilise, Part, Collab };

struct WeakPhrase {
  std::string_view phrase;
  WeakKind kind;
};

// An example row of the phrase data: the preferred fix (or, when
// `preferred` is false, some fix) turns `before` into `after`; an empty
// `after` means no finding at all.
struct WeakExample {
  std::string_view phrase;
  std::string_view before;
  std::string_view after;
  bool preferred = true;
};

std::span<const WeakPhrase> weakPhrases();
std::span<const WeakExample> weakExamples();

struct WeakMatch {
  size_t head = 0;       // first word of the phrase
  size_t end = 0;        // word after the phrase
  WeakKind kind = WeakKind::Duty;
  uint32_t rangeBegin = 0;  // text bytes the finding covers ("Was responsible for")
  uint32_t rangeEnd = 0;
  std::string written;      // the phrase as written ("Responsible for")
  bool label = false;       // a "Responsibilities:" label before the opening
};

// The weak opener of a bullet, if any; `extra` are config phrases (words.weak).
std::optional<WeakMatch> findWeakOpening(const Text& t, const Opening& o, const std::vector<std::string>& extra = {});

struct Rewrite {
  std::vector<TextEdit> edits;
  std::string title;
  bool safe = false;
};

// Rewrites, best first (possibly none).
std::vector<Rewrite> rewriteWeak(const Text& t, const Opening& o, const WeakMatch& m, Locale locale);

// Applies prose edits (sorted, non-overlapping) to a string, for tests and titles.
std::string applyTextEdits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace cvlint::wording
