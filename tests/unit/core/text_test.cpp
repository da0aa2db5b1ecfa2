// The text core: line index and byte <-> position conversions in UTF-8,
// UTF-16 and UTF-32, both ways, on ASCII, BMP and astral text, mid-surrogate,
// at line ends and past EOF, with invalid UTF-8, plus a round-trip property.
#include <catch2/catch_test_macros.hpp>
#include <random>

#include "core/text.hpp"

using namespace cvlint;

TEST_CASE("line index handles LF, CRLF and a missing final newline") {
  SourceText t("ab\r\ncd\nef");
  REQUIRE(t.lines().lineCount() == 3);
  CHECK(t.lines().lineStart(1) == 4);
  CHECK(t.lines().lineEnd(0) == 2);  // before \r\n
  CHECK(t.lines().lineEnd(2) == 9);
  CHECK(t.lineOf(3) == 0);
  CHECK(t.lineOf(4) == 1);
  CHECK(t.lineOf(100) == 2);
}

TEST_CASE("positions in ASCII are the same in every encoding") {
  SourceText t("hello\nworld\n");
  for (Encoding e : {Encoding::Utf8, Encoding::Utf16, Encoding::Utf32}) {
    CHECK(t.toPosition(8, e) == Position{1, 2});
    CHECK(t.toByte({1, 2}, e) == 8);
  }
}

TEST_CASE("BMP characters: é is 2 bytes, 1 UTF-16 unit; → is 3 bytes, 1 unit") {
  SourceText t("é→x");  // bytes: é 0-1, → 2-4, x 5
  CHECK(t.toPosition(5, Encoding::Utf8) == Position{0, 5});
  CHECK(t.toPosition(5, Encoding::Utf16) == Position{0, 2});
  CHECK(t.toPosition(5, Encoding::Utf32) == Position{0, 2});
  CHECK(t.toByte({0, 2}, Encoding::Utf16) == 5);
  CHECK(t.toByte({0, 1}, Encoding::Utf16) == 2);
  CHECK(t.toByte({0, 2}, Encoding::Utf8) == 2);
}

TEST_CASE("astral characters: 😂 is 4 bytes, 2 UTF-16 units, 1 UTF-32 unit") {
  SourceText t("a😂b");  // a 0, 😂 1-4, b 5
  CHECK(t.toPosition(5, Encoding::Utf16) == Position{0, 3});
  CHECK(t.toPosition(5, Encoding::Utf32) == Position{0, 2});
  CHECK(t.toPosition(5, Encoding::Utf8) == Position{0, 5});
  CHECK(t.toByte({0, 3}, Encoding::Utf16) == 5);
  CHECK(t.toByte({0, 2}, Encoding::Utf32) == 5);
  bool clamped = false;
  // Mid-surrogate: column 2 falls inside the emoji's pair; it maps to its start.
  CHECK(t.toByte({0, 2}, Encoding::Utf16, &clamped) == 1);
  CHECK(clamped);
  // A byte inside the emoji maps back to the emoji's start.
  CHECK(t.toPosition(3, Encoding::Utf16) == Position{0, 1});
  CHECK(t.toPosition(3, Encoding::Utf8) == Position{0, 1});
}

TEST_CASE("columns past the line end and lines past EOF clamp") {
  SourceText t("ab\ncd");
  bool clamped = false;
  CHECK(t.toByte({0, 10}, Encoding::Utf16, &clamped) == 2);
  CHECK(clamped);
  CHECK(t.toByte({7, 0}, Encoding::Utf16, &clamped) == 5);
  CHECK(clamped);
  CHECK(t.toPosition(99, Encoding::Utf16) == Position{1, 2});
  CHECK(t.toByte({0, 2}, Encoding::Utf16, &clamped) == 2);
  CHECK_FALSE(clamped);
}

TEST_CASE("invalid UTF-8 is U+FFFD, one unit per bad byte, and is found once") {
  std::string s = "a\xff\xfe" "b\xe2\x82";  // two stray bytes, then a truncated sequence
  SourceText t(s);
  CHECK(t.firstInvalidByte() == 1);
  CHECK(t.toPosition(3, Encoding::Utf16) == Position{0, 3});
  CHECK(t.toByte({0, 3}, Encoding::Utf16) == 3);
  CHECK(t.toPosition(static_cast<uint32_t>(s.size()), Encoding::Utf16) == Position{0, 6});
  char32_t cp;
  CHECK(decodeUtf8(s, 1, cp) == 1);
  CHECK(cp == 0xFFFD);
  CHECK(firstInvalidUtf8("fine é 😂") == std::string::npos);
  CHECK(firstInvalidUtf8("\xed\xa0\x80") == 0);  // an encoded surrogate is ill-formed
  CHECK(firstInvalidUtf8("\xc0\x80") == 0);      // overlong
}

TEST_CASE("round trip: byte -> position -> byte on random UTF-8") {
  std::mt19937 rng(12345);
  const char* pieces[] = {"a", "Z", " ", "\n", "\r\n", "é", "→", "😂", "\xff", "ü", "中", "\t"};
  for (int iter = 0; iter < 300; ++iter) {
    std::string s;
    int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) s += pieces[rng() % std::size(pieces)];
    SourceText t(s);
    for (uint32_t b = 0; b <= s.size(); ++b) {
      if (!isCodePointBoundary(s, b)) continue;
      // A byte between '\r' and '\n' is not a position an editor can name.
      if (b > 0 && b < s.size() && s[b - 1] == '\r' && s[b] == '\n') continue;
      for (Encoding e : {Encoding::Utf8, Encoding::Utf16, Encoding::Utf32}) {
        Position p = t.toPosition(b, e);
        INFO("text " << s << " byte " << b << " enc " << static_cast<int>(e));
        CHECK(t.toByte(p, e) == b);
      }
    }
  }
}
