// Job advert parsing: the advert (Markdown or plain text) read line by line
// -- headings (`#`, setext, bold lines, "Requirements:"), bullets and
// "label: list" lines -- into the keywords it asks for, each weighted
// essential or desirable from its section heading and the phrases around it
// ("Must have", "would be a bonus", "(desirable)"), with the advert line it
// came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace cvlint::kw {

struct AdvertKeyword {
  // Taxonomy skill id; ids at or past skillTable().size() are tech-shaped
  // names the taxonomy does not know ("ClickHouse"-like), matched by their key.
  int32_t skill = -1;
  std::string form;                // as the advert writes it ("PostgreSQL")
  std::vector<uint32_t> aliases;   // taxonomy alias ids the advert uses for it
  bool essential = true;
  uint32_t line = 0;               // 0-based advert line of the mention that set its weight
  std::string lineText;            // that line, trimmed
  ByteRange range;                 // advert bytes of that mention
};

// What a heading (or a label before ':') says about the lines under it.
enum class AdvertSection : uint8_t { Neutral, Essential, Desirable, Company, Benefits };

AdvertSection classifyAdvertHeading(std::string_view text);

// The keywords of an advert in order of first mention, one per skill.
std::vector<AdvertKeyword> extractAdvertKeywords(std::string_view advert);

}  // namespace cvlint::kw
