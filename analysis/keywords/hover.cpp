// The keyword editor helpers (see hover.hpp).
#include "keywords/hover.hpp"

#include <cmath>

namespace cvlint {

namespace {

std::string percent(double score) { return std::to_string(static_cast<int>(std::lround(score * 100))) + "%"; }

std::string sourceName(const KeywordReport& r) {
  if (r.fromAdvert) {
    size_t slash = r.source.find_last_of('/');
    return slash == std::string::npos ? r.source : r.source.substr(slash + 1);
  }
  return "the " + r.role + " profile";
}

// Backticks inside the quoted advert line would end the code span.
std::string quoteLine(const std::string& s) {
  std::string out;
  for (char c : s) out.push_back(c == '`' ? '\'' : c);
  return out;
}

std::string joined(const std::vector<std::string>& xs) {
  std::string out;
  for (size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + xs[i];
  return out.empty() ? "none" : out;
}

}  // namespace

std::string keywordSummaryMarkdown(const KeywordReport& r) {
  if (!r.problem.empty()) return "**Keywords:** not checked: " + r.problem;
  std::vector<std::string> matched, missing, variants;
  size_t present = 0;
  for (const KeywordMatch& m : r.matches) {
    if (m.status == KeywordStatus::Missing) {
      missing.push_back(m.keyword + (m.essential ? "" : " (desirable)"));
      continue;
    }
    ++present;
    matched.push_back(m.keyword);
    if (m.status == KeywordStatus::Variant && !m.hits.empty())
      variants.push_back(m.keyword + " (CV says " + m.hits.front().found + ")");
  }
  std::string md = "**Keyword match " + percent(r.score) + "** against " + sourceName(r) + ": " +
                   std::to_string(present) + " of " + std::to_string(r.matches.size()) + " keywords\n\n";
  md += "- Matched: " + joined(matched) + "\n";
  md += "- Missing: " + joined(missing) + "\n";
  md += "- Variants: " + joined(variants) + "\n";
  return md;
}

std::string keywordLensTitle(const KeywordReport& r) {
  if (!r.problem.empty()) return "keywords not checked";
  size_t present = 0;
  for (const KeywordMatch& m : r.matches) present += m.status != KeywordStatus::Missing;
  return "keyword match " + percent(r.score) + " (" + std::to_string(present) + "/" + std::to_string(r.matches.size()) +
         ") against " + sourceName(r);
}

std::optional<std::string> keywordHover(const CvDocument& doc, const KeywordReport& r, uint16_t file,
                                        uint32_t srcByte) {
  for (const KeywordMatch& m : r.matches)
    for (const KeywordHit& h : m.hits) {
      if (h.file != file || srcByte < h.range.begin || srcByte > h.range.end) continue;
      std::string md = "**" + m.keyword + "**";
      if (r.fromAdvert) {
        md += " — asked for by the advert (" + std::string(m.essential ? "essential" : "desirable") + "), line " +
              std::to_string(m.advertLine + 1) + ": `" + quoteLine(m.advertLineText) + "`";
      } else {
        md += " — a " + std::string(m.essential ? "core" : "common") + " keyword of the " + r.role + " profile";
      }
      if (!h.exact) md += "\n\nThe CV says \"" + h.found + "\"; the advert's form is \"" + m.keyword + "\".";
      return md;
    }
  KeywordAnchor a = keywordAnchor(doc);
  if (a.skillsSection >= 0 && a.file == file && srcByte >= a.range.begin && srcByte <= a.range.end &&
      !r.matches.empty())
    return keywordSummaryMarkdown(r);
  if (!r.problem.empty() && a.file == file && srcByte >= a.range.begin && srcByte <= a.range.end)
    return keywordSummaryMarkdown(r);
  return std::nullopt;
}

std::vector<KeywordCompletion> keywordCompletions(const CvDocument& doc, const KeywordReport& r, uint16_t file,
                                                  uint32_t srcByte, bool anywhere) {
  std::vector<KeywordCompletion> out;
  if (!anywhere) {
    int32_t si = doc.findSection(SectionKind::Skills);
    if (si < 0) return out;
    const Section& s = doc.sections[static_cast<size_t>(si)];
    if (s.file != file || srcByte < s.range.begin || srcByte > s.range.end) return out;
  }
  int rank = 0;
  for (int pass = 0; pass < 2; ++pass)
    for (const KeywordMatch& m : r.matches) {
      if (m.status != KeywordStatus::Missing || m.essential != (pass == 0)) continue;
      KeywordCompletion c;
      c.label = m.keyword;
      c.essential = m.essential;
      c.detail = std::string(m.essential ? "essential" : "desirable") +
                 (r.fromAdvert ? " \xC2\xB7 advert line " + std::to_string(m.advertLine + 1) : " \xC2\xB7 " + r.role);
      c.sortRank = rank++;
      out.push_back(std::move(c));
    }
  return out;
}

std::vector<AdvertHint> advertHints(const KeywordReport& r) {
  std::vector<AdvertHint> out;
  if (!r.fromAdvert || !r.problem.empty()) return out;
  for (const KeywordMatch& m : r.matches) {
    if (m.status != KeywordStatus::Missing) continue;
    out.push_back({m.advertRange, m.advertLine, m.keyword, m.essential,
                   "The CV never mentions " + m.keyword + (m.essential ? " (essential)" : " (desirable)")});
  }
  return out;
}

}  // namespace cvlint
