// analyzeKeywords: the advert's keywords (or the role profile's) matched
// against every prose block of the CV through the same lexicon, so a CV
// "names" a keyword exactly when the advert's own form (any case, any
// optional punctuation) appears, by a variant when only another alias does,
// and not at all otherwise. Positions come from the prose source map.
#include "keywords/keywords.hpp"

#include <algorithm>
#include <unordered_map>

#include "keywords/advert.hpp"
#include "keywords/matcher.hpp"
#include "keywords/taxonomy.hpp"
#include "rules/conventions_util.hpp"

namespace cvlint {

using kw::Lexicon;
using kw::Mention;

namespace {

constexpr double kEssentialWeight = 2.0;
constexpr double kDesirableWeight = 1.0;

// Every block counts for matching, contact lines (github.com/...) and code
// too: an ATS reads them. Code is never rewritten.
bool scannable(const Block&) { return true; }

// A role profile's keywords, most important first: a pure function of the
// profile (a row of a static table), so built once per thread.
const std::vector<kw::AdvertKeyword>& profileKeywords(const RoleProfile& profile) {
  thread_local std::unordered_map<const RoleProfile*, std::vector<kw::AdvertKeyword>> built;
  auto [it, fresh] = built.try_emplace(&profile);
  if (!fresh) return it->second;
  const Lexicon& lex = kw::taxonomy();
  for (int i = 0; profile.skills[i]; ++i) {
    int32_t skill = kw::findSkill(profile.skills[i]);
    if (skill < 0) continue;
    kw::AdvertKeyword k;
    k.skill = skill;
    k.aliases.push_back(kw::canonicalAlias(static_cast<uint32_t>(skill)));
    k.form = lex.alias(k.aliases.front()).form;
    k.essential = i < profile.essentialCount;
    it->second.push_back(std::move(k));
  }
  return it->second;
}

}  // namespace

KeywordAnchor keywordAnchor(const CvDocument& doc) {
  KeywordAnchor a;
  a.skillsSection = doc.findSection(SectionKind::Skills);
  if (a.skillsSection >= 0) {
    const Section& s = doc.sections[static_cast<size_t>(a.skillsSection)];
    if (s.headingBlock >= 0 && static_cast<size_t>(s.headingBlock) < doc.blocks.size()) {
      const Block& h = doc.blocks[static_cast<size_t>(s.headingBlock)];
      a.file = h.file;
      a.range = h.range;
      // A heading block may run to its line break: keep to its first line.
      const SourceText& src = doc.source(h.file);
      uint32_t lineEnd = src.lines().lineEnd(src.lineOf(h.range.begin));
      if (a.range.end > lineEnd && lineEnd > a.range.begin) a.range.end = lineEnd;
      return a;
    }
  }
  conv::DocumentAnchor d = conv::documentAnchor(doc);
  a.file = d.file;
  a.range = d.range;
  return a;
}

std::shared_ptr<KeywordReport> analyzeKeywords(const CvDocument& doc, const Config& config,
                                               const std::optional<std::string>& advertText,
                                               const std::string& advertPath,
                                               const std::string& advertError) {
  auto r = std::make_shared<KeywordReport>();
  const RoleProfile& profile = findRoleProfile(config.role);
  r->role = profile.name;
  r->problem = advertError;
  r->fromAdvert = advertText.has_value() || !advertError.empty();
  r->source = r->fromAdvert ? advertPath : std::string("role:") + profile.name;
  if (!advertError.empty()) return r;

  const Lexicon& lex = kw::taxonomy();
  const auto tableSize = static_cast<int32_t>(skillTable().size());

  // The keywords: the advert's, or the profile's most important first.
  std::vector<kw::AdvertKeyword> advertKeywords;
  if (advertText) advertKeywords = kw::extractAdvertKeywords(*advertText);
  const std::vector<kw::AdvertKeyword>& wanted = advertText ? advertKeywords : profileKeywords(profile);
  // Names outside the taxonomy get a lexicon of their own.
  Lexicon extras;
  for (const kw::AdvertKeyword& k : wanted)
    if (k.skill >= tableSize) extras.add(static_cast<uint32_t>(k.skill), k.form, 0);

  r->matches.reserve(wanted.size());
  std::vector<int32_t> indexOfSkill;  // skill id -> index in r->matches
  for (const kw::AdvertKeyword& k : wanted) {
    KeywordMatch m;
    m.keyword = k.form;
    m.essential = k.essential;
    m.advertLine = k.line;
    m.advertLineText = k.lineText;
    m.advertRange = k.range;
    m.skill = k.skill;
    m.category = k.skill >= 0 && k.skill < tableSize ? skillCategoryName(skillTable()[static_cast<size_t>(k.skill)].category) : "skill";
    if (k.skill >= 0) {
      if (indexOfSkill.size() <= static_cast<size_t>(k.skill)) indexOfSkill.resize(static_cast<size_t>(k.skill) + 1, -1);
      indexOfSkill[static_cast<size_t>(k.skill)] = static_cast<int32_t>(r->matches.size());
    }
    r->matches.push_back(std::move(m));
  }
  // Two names of a skill that differ only by a plural "s" (REST API / REST
  // APIs) are the same wording.
  auto sameWording = [&](size_t wi, uint32_t alias) {
    const std::string& c = lex.alias(alias).key;
    for (uint32_t a : wanted[wi].aliases) {
      if (a == alias) return true;
      const std::string& k = lex.alias(a).key;
      if (c == k + "s" || k == c + "s") return true;
    }
    return false;
  };
  auto advertUsesRelated = [&](size_t wi) {
    for (uint32_t a : wanted[wi].aliases)
      if (lex.alias(a).flags & kw::kRelated) return true;
    return false;
  };

  // Every mention in the CV, grouped by (keyword, position): a position is an
  // exact hit when any name found there is one the advert uses.
  for (size_t bi = 0; bi < doc.blocks.size(); ++bi) {
    const Block& b = doc.blocks[bi];
    if (!scannable(b) || b.prose.text.empty()) continue;
    bool list = b.section >= 0 && static_cast<size_t>(b.section) < doc.sections.size() &&
                doc.sections[static_cast<size_t>(b.section)].kind == SectionKind::Skills;
    // Names the advert asks for are looked for leniently: a CV that writes
    // "in R" or "Go" must not be told it lacks them.
    auto mode = list ? Lexicon::Context::List : Lexicon::Context::Lenient;
    std::vector<Mention> ms = lex.scan(b.prose.text, mode);
    if (extras.aliasCount()) {
      std::vector<Mention> more = extras.scan(b.prose.text, mode);
      ms.insert(ms.end(), more.begin(), more.end());
    }
    for (size_t i = 0; i < ms.size(); ++i) {
      const Mention& m = ms[i];
      if (m.skill >= indexOfSkill.size() || indexOfSkill[m.skill] < 0) continue;
      auto wi = static_cast<size_t>(indexOfSkill[m.skill]);
      KeywordMatch& km = r->matches[wi];
      bool extra = static_cast<int32_t>(m.skill) >= tableSize;
      bool exact = extra || sameWording(wi, m.alias) ||
                   (lex.alias(m.alias).flags & kw::kRelated) || advertUsesRelated(wi);
      // Same keyword at the same place (Node and Node.js in "Node.js"): one hit.
      KeywordHit* same = nullptr;
      for (KeywordHit& h : km.hits)
        if (h.block == static_cast<int32_t>(bi) && h.textBegin == m.begin) same = &h;
      if (same) {
        if (exact && !same->exact) same->exact = true, same->textEnd = m.end;
        else if (!same->exact && m.end > same->textEnd) same->textEnd = m.end;
        else continue;
      } else {
        km.hits.push_back({});
        same = &km.hits.back();
        same->block = static_cast<int32_t>(bi);
        same->textBegin = m.begin;
        same->textEnd = m.end;
        same->exact = exact;
      }
      same->file = b.file;
      same->range = b.prose.toSource(same->textBegin, same->textEnd);
      same->found = b.prose.text.substr(same->textBegin, same->textEnd - same->textBegin);
      same->code = b.kind == BlockKind::Code || b.prose.overlapsCode(same->textBegin, same->textEnd);
      same->editable = !same->code && b.prose.isVerbatim(same->textBegin, same->textEnd);
    }
  }

  // The advert's form for a rewrite, singular where the CV's mention is
  // ("Developed a REST API" -> "a RESTful API", not "a RESTful APIs").
  for (KeywordMatch& m : r->matches)
    for (KeywordHit& h : m.hits) {
      h.replacement = m.keyword;
      if (h.exact || m.keyword.size() < 2 || m.keyword.back() != 's' || h.found.empty()) continue;
      char last = h.found.back();
      if (last == 's' || last == 'S') continue;
      std::string singular = m.keyword.substr(0, m.keyword.size() - 1);
      int64_t a = lex.lookup(Lexicon::keyOf(singular));
      if (a >= 0 && static_cast<int32_t>(lex.alias(static_cast<uint32_t>(a)).skill) == m.skill) h.replacement = singular;
    }

  double total = 0, present = 0;
  for (KeywordMatch& m : r->matches) {
    bool anyExact = std::any_of(m.hits.begin(), m.hits.end(), [](const KeywordHit& h) { return h.exact; });
    m.status = anyExact ? KeywordStatus::Exact : m.hits.empty() ? KeywordStatus::Missing : KeywordStatus::Variant;
    double w = m.essential ? kEssentialWeight : kDesirableWeight;
    total += w;
    if (m.status != KeywordStatus::Missing) present += w;
  }
  r->score = total > 0 ? present / total : 0;
  return r;
}

}  // namespace cvlint
