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

// True when an image's alt text or source names a photo (above) or when it
// comes before the first heading: records it as a Photo, else an Image.
void addImage(CvDocument& doc, ByteRange range, std::string_view alt, std::string_view src, bool seenHeading);

// Scans raw HTML source [range) for comments, <img>, <table> and <a href>,
// adding comments, layout facts and contacts to doc. Nothing before
// `scanned` is looked at again; returns the new scanned position. A comment
// in a block ends with the block; an inline one runs to its "-->".
uint32_t scanHtml(CvDocument& doc, std::string_view buf, ByteRange range, uint32_t scanned, bool block,
                  bool seenHeading);

// Prose edits that keep the source map exact.
void truncateProse(Prose& p, size_t n);          // keep the first n bytes
void trimProse(Prose& p);                        // drop spaces and tabs at both ends
void dropHeadingAttributes(Prose& p);            // pandoc "Title {#id .class}" -> "Title"

}  // namespace cvlint::md
