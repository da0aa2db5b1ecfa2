// The structure pass's fast path: text made of ASCII and case-less symbols is
// folded by ASCII lower-casing instead of utf8proc. These tests hold the
// symbol table to foldCase exhaustively and check that headings and contacts
// come out as the full folding gives them.
#include <catch2/catch_test_macros.hpp>

#include "core/unicode.hpp"
#include "md_support.hpp"
#include "parse/fold_ascii.hpp"
#include "parse/parse.hpp"

using namespace cvlint;
using namespace cvlint::mdtest;

namespace {

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 63));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 63));
    s += static_cast<char>(0x80 | (c & 63));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 63));
    s += static_cast<char>(0x80 | ((c >> 6) & 63));
    s += static_cast<char>(0x80 | (c & 63));
  }
  return s;
}

}  // namespace

TEST_CASE("fold fast path: every case-less symbol folds to itself next to any ASCII character") {
  size_t checked = 0, bad = 0;
  for (char32_t c = 0x80; c <= 0x1FFFF; ++c) {
    if (!isCaselessSymbol(c)) continue;
    std::string s = utf8(c);
    REQUIRE(foldsAsAscii(s));
    if (foldCase(s) != s) ++bad;
    for (int a = 1; a < 128; ++a) {
      std::string x(1, static_cast<char>(a));
      std::string lx = asciiLower(x);
      if (foldCase(x + s + "Z" + x) != lx + s + "z" + lx) ++bad;
    }
    ++checked;
  }
  CHECK(checked > 3000);
  CHECK(bad == 0);
}

TEST_CASE("fold fast path: letters, µ, combining marks and bad UTF-8 take the full folding") {
  CHECK(foldsAsAscii("Work Experience"));
  CHECK(foldsAsAscii("Engineer \xE2\x80\x94 Acme \xC2\xB7 2020 \xE2\x80\x93 Present"));
  CHECK_FALSE(foldsAsAscii("\xC3\x89" "ducation"));  // É
  CHECK_FALSE(foldsAsAscii("\xC2\xB5s"));             // µ folds to μ
  CHECK_FALSE(foldsAsAscii("e\xCC\x81"));             // e + combining acute composes
  CHECK_FALSE(foldsAsAscii("\xE2\x84\xAA"));          // KELVIN SIGN folds to k
  CHECK_FALSE(foldsAsAscii("\xC5\xBFkills"));         // long s folds to s
  CHECK_FALSE(foldsAsAscii("\xC0\xAF"));              // overlong
  CHECK_FALSE(foldsAsAscii("\xED\xA0\x80"));          // surrogate
  CHECK_FALSE(foldsAsAscii("\xE2\x80"));              // truncated
  CHECK_FALSE(foldsAsAscii("\xFF"));
}

TEST_CASE("classifyHeading: symbols split nothing, full folding still applies to letters") {
  CHECK(classifyHeading("Experience \xE2\x80\x94 Selected") == SectionKind::Experience);
  CHECK(classifyHeading("Skills \xC2\xB7 Tools") == SectionKind::Skills);
  // A symbol between letters is part of the word, as after foldCase: no match.
  CHECK(classifyHeading("Work\xE2\x80\x94" "Experience") == SectionKind::Other);
  CHECK(classifyHeading("PROJECT EXPERIENCE") == SectionKind::Projects);
  CHECK(classifyHeading("Professional Summary") == SectionKind::Summary);
  CHECK(classifyHeading("\xC5\xBFkills") == SectionKind::Skills);  // ſkills folds to skills
  CHECK(classifyHeading("\xC3\x89" "ducation") == SectionKind::Other);
  CHECK(classifyHeading("Internationalisation") == SectionKind::Other);  // longer than any table word
  CHECK(classifyHeading("") == SectionKind::Other);
  CHECK(classifyHeading(" \xE2\x80\x94 ") == SectionKind::Other);
}

TEST_CASE("contacts: a host in any case is found beside symbols, at its own bytes") {
  auto doc = parse("# Jo Bloggs\n\nLeeds \xC2\xB7 LinkedIn.com/in/jo \xC2\xB7 GITHUB.COM/jo\n\n## Experience\n\n- Led 3 things\n");
  std::vector<std::string> got;
  for (const Contact& c : doc->contacts) got.push_back(slice(*doc, c.range));
  CHECK(got == std::vector<std::string>{"LinkedIn.com/in/jo", "GITHUB.COM/jo"});
}
