// The verb lexicon behind the wording rules (data in data/verbs.inc): base,
// past, gerund and noun forms, en-GB/en-US spellings chosen by locale, "Co-"
// forms, synonym groups, and the object classes that pick verbs fitting a
// noun phrase. lexicon.hpp is its small public face for the server.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"

namespace cvlint::lexicon {

struct Verb {
  std::string_view base, past, gerund, noun, flags, group;
  bool has(char f) const { return flags.find(f) != std::string_view::npos; }
  bool strong() const { return has('S') && !has('B') && !has('W'); }
  bool weak() const { return has('W'); }
  bool banned() const { return has('B'); }
  bool coable() const { return has('C'); }
};

// Lookups by a folded form in either spelling; null when unknown. Two-word
// forms ("setting up") are keyed with one space.
const Verb* byGerund(std::string_view lower);
const Verb* byBase(std::string_view lower);
const Verb* byNoun(std::string_view lower);
const Verb* byPast(std::string_view lower);
// Any form: base, third person, past, gerund.
const Verb* byAnyForm(std::string_view lower);

// A form spelled for the locale ("optimised" / "optimized"), lower case.
std::string spell(std::string_view gbForm, const Verb& v, Locale locale);
std::string pastOf(const Verb& v, Locale locale);
std::string nounOf(const Verb& v, Locale locale);

// The past tense of a verb phrase from the data tables: "build" -> "built",
// "co-lead" -> "co-led", "compete in" -> "competed in". Empty when unknown.
std::string pastPhrase(std::string_view basePhrase, Locale locale);

// True when a folded word reads as a verb form (lexicon, irregular pasts,
// -ed/-ised/-ing shapes, "co-"/"re-" prefixes).
// Memoised per thread.
bool looksLikeVerb(std::string_view lower);
// Empties this thread's looksLikeVerb memo now if clearEngineCaches() was
// called since it was filled (otherwise the next call does it).
void syncVerbCache();

// Strong verbs of the same group, excluding v itself.
std::vector<const Verb*> synonyms(const Verb& v);

// Every verb, in data order.
const std::vector<Verb>& allVerbs();

// Verbs (base phrases) fitting a noun phrase, by the object classes.
enum class ObjectRole { Duty, Helper, Handled };
// Words of the noun phrase, folded; returns empty when no class matches.
std::vector<std::string_view> verbsForObject(const std::vector<std::string_view>& nounPhrase, ObjectRole role);

}  // namespace cvlint::lexicon
