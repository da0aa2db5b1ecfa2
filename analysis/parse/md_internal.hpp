// Helpers of the Markdown front end that do not depend on md4c: the YAML
// front matter / BOM pre-pass, HTML entity decoding and link classification.
// Internal to analysis/parse (markdown.cpp and md_text.cpp); not a public API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace cvlint::md {

// Blanks a leading UTF-8 BOM and a YAML front matter block (`---` on the first
// line up to a closing `---` or `...` line) in `buf`, replacing every byte but
// '\n' and '\r' with a space so that offsets stay exact and md4c sees blank
// lines. Returns true when front matter was found.
bool blankPreamble(std::string& buf, bool* hadBom = nullptr);

// True when the text starts with a BOM or a front matter fence, i.e. when
// blankPreamble could change anything (so the caller only copies then).
bool mayHavePreamble(std::string_view text);

// Pandoc definition lists ("Term\n:   definition", the body indented by
// four spaces): the offsets of the ':' / '~' markers, outside fenced code.
// The caller turns each into a '-' in its copy, so md4c reads the definition
// as a list item that holds the indented body (instead of an indented code
// block), and joins the item's own text to its term.
std::vector<uint32_t> findDefinitionMarkers(std::string_view text);

// Decodes an HTML entity as md4c reports it ("&amp;", "&#233;", "&#x1F600;").
// Returns nothing for a named entity this table does not know (the caller then
// keeps the source text as it is, which is what a browser shows).
std::optional<std::string> decodeEntity(std::string_view entity);

// What a link target says about the candidate: mailto: -> Email, tel: ->
// Phone, linkedin.com -> LinkedIn, github.com -> GitHub, other http(s) or
// www. -> Website. `value` gets the address (no scheme for mail and phone).
std::optional<ContactKind> classifyLink(std::string_view href, std::string& value);

// True when an image's alt text or source names a photo of the candidate
// (photo, headshot, profile, avatar, or the word "me").
bool looksLikePhoto(std::string_view alt, std::string_view src);

}  // namespace cvlint::md
