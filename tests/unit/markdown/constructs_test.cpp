// The Markdown front end, one construct per test: what becomes a block, its
// kind, level and ranges, the prose the rules read and its source map.
#include <catch2/catch_test_macros.hpp>

#include "md_support.hpp"

using namespace cvlint;
using namespace cvlint::mdtest;

TEST_CASE("ATX headings: level, marker and range") {
  auto doc = parse("# Zoë Smith\n\n## Work Experience ##\n\n### Acme *Ltd*\n");
  auto hs = blocksOf(*doc, BlockKind::Heading);
  auto titles = blocksOf(*doc, BlockKind::Title);  // "# Zoë Smith" becomes the title
  REQUIRE(titles.size() == 1);
  REQUIRE(hs.size() == 2);
  CHECK(titles[0]->prose.text == "Zoë Smith");
  CHECK(slice(*doc, titles[0]->markerRange) == "# ");
  CHECK(hs[0]->level == 2);
  CHECK(hs[0]->prose.text == "Work Experience");
  CHECK(slice(*doc, hs[0]->range) == "## Work Experience ##");
  CHECK(slice(*doc, hs[0]->markerRange) == "## ");
  CHECK(hs[0]->line == 2);
  CHECK(hs[1]->level == 3);
  CHECK(hs[1]->prose.text == "Acme Ltd");
  CHECK(slice(*doc, hs[1]->range) == "### Acme *Ltd*");
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("setext headings: level from the underline, range includes it") {
  auto doc = parse("Jane Doe\n========\n\nExperience\n----------\n\n- Built things\n");
  auto title = blocksOf(*doc, BlockKind::Title);  // the lone level-1 heading
  auto hs = blocksOf(*doc, BlockKind::Heading);
  REQUIRE(title.size() == 1);
  REQUIRE(hs.size() == 1);
  CHECK(title[0]->level == 1);
  CHECK(slice(*doc, title[0]->range) == "Jane Doe\n========");
  CHECK(hs[0]->level == 2);
  CHECK(hs[0]->prose.text == "Experience");
  CHECK(slice(*doc, hs[0]->range) == "Experience\n----------");
  CHECK(hs[0]->line == 3);
  CHECK(hs[0]->markerRange.empty());
}

TEST_CASE("bullets: -, *, + and numbered markers, ordered flag and marker range") {
  auto doc = parse("- dash\n* star\n+ plus\n\n1. one\n2) two\n10. ten\n");
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 6);
  const char* markers[] = {"- ", "* ", "+ ", "1. ", "2) ", "10. "};
  const char* texts[] = {"dash", "star", "plus", "one", "two", "ten"};
  for (size_t i = 0; i < 6; ++i) {
    CAPTURE(i);
    CHECK(bs[i]->prose.text == texts[i]);
    CHECK(slice(*doc, bs[i]->markerRange) == markers[i]);
    CHECK(slice(*doc, bs[i]->range) == std::string(markers[i]) + texts[i]);
    CHECK(bs[i]->level == 1);
    CHECK(bs[i]->ordered == (i >= 3));
  }
  CHECK(bs[4]->line == 5);
}

TEST_CASE("a bullet wrapped over several lines is one bullet, soft breaks are synthetic spaces") {
  std::string src = "- Migrated the billing service\n  to Java 17 and cut\n  latency by 40%\n- Next\n";
  auto doc = parse(src);
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 2);
  const Block& b = *bs[0];
  CHECK(b.prose.text == "Migrated the billing service to Java 17 and cut latency by 40%");
  CHECK(slice(*doc, b.range) == "- Migrated the billing service\n  to Java 17 and cut\n  latency by 40%");
  // The space standing for the first line break is synthetic, the words around it verbatim.
  uint32_t sp = static_cast<uint32_t>(b.prose.text.find(" to Java"));
  CHECK_FALSE(b.prose.isVerbatim(sp, sp + 1));
  CHECK(b.prose.isVerbatim(sp + 1, sp + 3));
  CHECK(slice(*doc, b.prose.toSource(sp + 1, sp + 3)) == "to");
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("hard breaks (two spaces, backslash) become synthetic spaces") {
  auto doc = parse("Line one  \nline two\\\nline three\n");
  auto ps = blocksOf(*doc, BlockKind::Paragraph);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0]->prose.text == "Line one line two line three");
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("emphasis, strong and strikethrough markers are removed; link text stays, URL does not") {
  auto doc = parse("- **Led** a _team_ of ~~five~~ six at [Acme Ltd](https://acme.example/about)\n");
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 1);
  const Block& b = *bs[0];
  CHECK(b.prose.text == "Led a team of five six at Acme Ltd");
  CHECK(b.prose.text.find("http") == std::string::npos);
  uint32_t at = static_cast<uint32_t>(b.prose.text.find("Acme"));
  CHECK(slice(*doc, b.prose.toSource(at, at + 8)) == "Acme Ltd");
  CHECK(slice(*doc, b.range) == "- **Led** a _team_ of ~~five~~ six at [Acme Ltd](https://acme.example/about)");
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("entities and backslash escapes are decoded into synthetic segments") {
  auto doc = parse("R&amp;D at Caf&eacute; &#8211; 5\\* rating &#x1F600; &bogus;\n");
  auto ps = blocksOf(*doc, BlockKind::Paragraph);
  REQUIRE(ps.size() == 1);
  const Prose& p = ps[0]->prose;
  CHECK(p.text == "R&D at Café \xE2\x80\x93 5* rating \xF0\x9F\x98\x80 &bogus;");
  uint32_t amp = 1;
  CHECK_FALSE(p.isVerbatim(amp, amp + 1));
  CHECK(slice(*doc, p.toSource(amp, amp + 1)) == "&amp;");
  uint32_t star = static_cast<uint32_t>(p.text.find('*'));
  CHECK(slice(*doc, p.toSource(star, star + 1)) == "\\*");
  // An unknown entity is shown as written, so it stays verbatim.
  uint32_t bogus = static_cast<uint32_t>(p.text.find("&bogus;"));
  CHECK(p.isVerbatim(bogus, bogus + 7));
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("inline code is in the prose but flagged as code") {
  auto doc = parse("- Wrote `kubectl apply` scripts\n");
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 1);
  const Prose& p = bs[0]->prose;
  CHECK(p.text == "Wrote kubectl apply scripts");
  uint32_t k = static_cast<uint32_t>(p.text.find("kubectl"));
  CHECK(p.overlapsCode(k, k + 7));
  CHECK_FALSE(p.overlapsCode(0, 5));
  CHECK(slice(*doc, p.toSource(k, k + 13)) == "kubectl apply");
}

TEST_CASE("fenced and indented code blocks are Code blocks without prose") {
  std::string src = "Intro text.\n\n```bash\nmake deploy\n  --prod\n```\n\n    indented code\n    more\n\nAfter.\n";
  auto doc = parse(src);
  auto cs = blocksOf(*doc, BlockKind::Code);
  REQUIRE(cs.size() == 2);
  CHECK(cs[0]->prose.text.empty());
  CHECK(slice(*doc, cs[0]->range) == "```bash\nmake deploy\n  --prod\n```");
  CHECK(cs[0]->line == 2);
  CHECK(slice(*doc, cs[1]->range) == "    indented code\n    more");
  auto ps = blocksOf(*doc, BlockKind::Paragraph);
  REQUIRE(ps.size() == 2);
  CHECK(ps[1]->prose.text == "After.");
}

TEST_CASE("a pipe table is one Table block with cells joined by ' | ' and a layout fact") {
  std::string src = "## Skills\n\n| Area | Tools |\n|------|-------|\n| Backend | Go, *Java* |\n| Cloud | |\n\nText\n";
  auto doc = parse(src);
  auto ts = blocksOf(*doc, BlockKind::Table);
  REQUIRE(ts.size() == 1);
  CHECK(ts[0]->prose.text == "Area | Tools | Backend | Go, Java | Cloud");
  CHECK(slice(*doc, ts[0]->range) == "| Area | Tools |\n|------|-------|\n| Backend | Go, *Java* |\n| Cloud | |");
  REQUIRE(doc->layout.size() == 1);
  CHECK(doc->layout[0].kind == LayoutKind::Table);
  CHECK(doc->layout[0].construct == "pipe table");
  CHECK(doc->layout[0].line == 2);
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("images are layout facts; their alt text is not prose; photos are recognised") {
  std::string src =
      "![Jane](jane.jpg)\n\n# Jane Smith\n\n## Projects\n\n- Built a dashboard ![chart](chart.png) for ops\n"
      "- ![](img/headshot.png) Me again\n- Logo ![me](x.png)\n";
  auto doc = parse(src);
  REQUIRE(doc->layout.size() == 4);
  CHECK(doc->layout[0].kind == LayoutKind::Photo);  // before the first heading
  CHECK(doc->layout[0].construct == "photo");
  CHECK(slice(*doc, doc->layout[0].range) == "![Jane](jane.jpg)");
  CHECK(doc->layout[1].kind == LayoutKind::Image);
  CHECK(doc->layout[1].construct == "image");
  CHECK(slice(*doc, doc->layout[1].range) == "![chart](chart.png)");
  CHECK(doc->layout[2].kind == LayoutKind::Photo);  // "headshot" in the source
  CHECK(slice(*doc, doc->layout[2].range) == "![](img/headshot.png)");
  CHECK(doc->layout[3].kind == LayoutKind::Photo);  // alt "me"
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 3);
  CHECK(bs[0]->prose.text == "Built a dashboard  for ops");
  CHECK(bs[1]->prose.text == "Me again");  // trimmed where the image was
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("nested lists: the outer item's own text is its prose, nested items are their own blocks") {
  std::string src =
      "- Senior Engineer at Acme\n  wrapped line\n  - Cut costs by 20%\n    - Deeper detail\n  - Hired 4 engineers\n"
      "- Second top item\n";
  auto doc = parse(src);
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 5);
  CHECK(bs[0]->prose.text == "Senior Engineer at Acme wrapped line");
  CHECK(bs[0]->level == 1);
  CHECK(slice(*doc, bs[0]->range) == "- Senior Engineer at Acme\n  wrapped line");
  CHECK(bs[1]->prose.text == "Cut costs by 20%");
  CHECK(bs[1]->level == 2);
  CHECK(slice(*doc, bs[1]->markerRange) == "- ");
  CHECK(bs[2]->level == 3);
  CHECK(bs[2]->line == 3);
  CHECK(bs[3]->level == 2);
  CHECK(bs[4]->level == 1);
  CHECK(bs[4]->prose.text == "Second top item");
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("a loose list item's paragraphs are joined; an item starting on the next line finds its marker") {
  auto doc = parse("1. First para\n\n   second para\n\n2. Next\n\n-\n  late start\n");
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 3);
  CHECK(bs[0]->prose.text == "First para second para");
  CHECK(slice(*doc, bs[0]->range) == "1. First para\n\n   second para");
  CHECK(bs[1]->ordered);
  CHECK(bs[2]->prose.text == "late start");
  CHECK(slice(*doc, bs[2]->markerRange) == "-\n  ");
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("link targets become contacts with the link's source range") {
  std::string src =
      "# Jane\n\n[jane@example.co.uk](mailto:jane@example.co.uk?subject=CV) | [07700 900123](tel:+447700900123) | "
      "[LinkedIn](https://uk.linkedin.com/in/jane) | <https://github.com/jane> | www.jane.dev | [rel](cv.pdf)\n";
  auto doc = parse(src);
  // buildStructure may also find contacts in prose; look for the link-made ones by range.
  auto find = [&](ContactKind k, const std::string& range) {
    for (const Contact& c : doc->contacts)
      if (c.kind == k && slice(*doc, c.range) == range) return &c;
    return static_cast<const Contact*>(nullptr);
  };
  const Contact* mail = find(ContactKind::Email, "[jane@example.co.uk](mailto:jane@example.co.uk?subject=CV)");
  REQUIRE(mail);
  CHECK(mail->value == "jane@example.co.uk");
  const Contact* tel = find(ContactKind::Phone, "[07700 900123](tel:+447700900123)");
  REQUIRE(tel);
  CHECK(tel->value == "+447700900123");
  CHECK(find(ContactKind::LinkedIn, "[LinkedIn](https://uk.linkedin.com/in/jane)"));
  CHECK(find(ContactKind::GitHub, "<https://github.com/jane>"));
  CHECK(find(ContactKind::Website, "www.jane.dev"));
  for (const Contact& c : doc->contacts) CHECK(c.value != "cv.pdf");
}

TEST_CASE("HTML comments (block and inline, multi-line) are comments; directives suppress lines") {
  std::string src =
      "<!-- cvlint-disable-next-line weak-verb -->\n- Responsible for the API\n\nText <!-- inline\nnote --> more\n\n"
      "- item <!-- cvlint-disable-line -->\n";
  auto doc = parse(src);
  REQUIRE(doc->comments.size() == 3);
  CHECK(doc->comments[0].text == " cvlint-disable-next-line weak-verb ");
  CHECK(doc->comments[0].line == 0);
  CHECK(doc->comments[0].endLine == 0);
  CHECK(slice(*doc, doc->comments[0].range) == "<!-- cvlint-disable-next-line weak-verb -->");
  CHECK(doc->comments[1].text == " inline\nnote ");
  CHECK(doc->comments[1].line == 3);
  CHECK(doc->comments[1].endLine == 4);
  CHECK(doc->comments[2].line == 6);
  REQUIRE(doc->suppressions.size() == 2);
  CHECK(doc->suppressions[0].rule == "weak-verb");
  CHECK(doc->suppressions[0].firstLine == 1);
  auto ps = blocksOf(*doc, BlockKind::Paragraph);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0]->prose.text == "Text  more");
  CHECK(blocksOf(*doc, BlockKind::Bullet)[1]->prose.text == "item");
}

TEST_CASE("other HTML blocks are not prose, but <img> and <table> in them are layout") {
  std::string src = "<div align=\"center\">\n<img src=\"me.png\" width=100>\n<p>Hidden words</p>\n</div>\n\nVisible\n";
  auto doc = parse(src);
  REQUIRE(doc->blocks.size() == 1);
  CHECK(doc->blocks[0].prose.text == "Visible");
  REQUIRE(doc->layout.size() == 1);
  CHECK(doc->layout[0].kind == LayoutKind::Photo);
  CHECK(slice(*doc, doc->layout[0].range) == "<img src=\"me.png\" width=100>");
}

TEST_CASE("YAML front matter is skipped and offsets after it stay exact") {
  std::string src = "---\ntitle: CV\nauthor: Jane\n---\n# Jane Smith\n\nSummary text\n";
  auto doc = parse(src);
  CHECK(doc->hasFrontMatter);
  REQUIRE(doc->blocks.size() == 2);
  CHECK(doc->blocks[0].prose.text == "Jane Smith");
  CHECK(doc->blocks[0].line == 4);
  CHECK(slice(*doc, doc->blocks[0].range) == "# Jane Smith");
  CHECK(checkSourceMaps(*doc) == 0);
  // Without a closing fence it is not front matter: "title: CV" stays text.
  auto open = parse("---\ntitle: CV\n\nText\n");
  CHECK_FALSE(open->hasFrontMatter);
  bool sawTitle = false;
  for (const Block& b : open->blocks) sawTitle |= b.prose.text.find("title: CV") != std::string::npos;
  CHECK(sawTitle);
}

TEST_CASE("a UTF-8 byte order mark does not hide the first heading") {
  auto doc = parse("\xEF\xBB\xBF# Jane\n\n## Skills\n\n- Go\n");
  REQUIRE(doc->blocks.size() >= 2);
  CHECK(doc->blocks[0].prose.text == "Jane");
  CHECK(slice(*doc, doc->blocks[0].range) == "# Jane");
}

TEST_CASE("CRLF line endings: lines and ranges exclude the carriage return") {
  auto doc = parse("## Skills\r\n\r\n- Go and\r\n  Rust\r\n- C++\r\n");
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 2);
  CHECK(bs[0]->prose.text == "Go and Rust");
  CHECK(slice(*doc, bs[0]->range) == "- Go and\r\n  Rust");
  CHECK(bs[1]->line == 4);
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("block quotes hold ordinary paragraphs and bullets") {
  auto doc = parse("> Quoted *summary*\n> - quoted bullet\n");
  REQUIRE(doc->blocks.size() == 2);
  CHECK(doc->blocks[0].prose.text == "Quoted summary");
  CHECK(slice(*doc, doc->blocks[0].range) == "Quoted *summary*");
  CHECK(slice(*doc, doc->blocks[1].range) == "- quoted bullet");
  CHECK(checkSourceMaps(*doc) == 0);
}

TEST_CASE("contacts in HTML anchors and bare-address link targets") {
  std::string src =
      "# Isaac\n\n<div>\n<a href=\"isaac@example.org\">mail</a> | <a href='https://www.linkedin.com/in/isaac'>in</a>\n"
      "</div>\n\nInline <a href=\"tel:+441632960001\">call</a> or [isaac@example.org](isaac@example.org)\n";
  auto doc = parse(src);
  auto has = [&](ContactKind k, const std::string& value, const std::string& range) {
    for (const Contact& c : doc->contacts)
      if (c.kind == k && c.value == value && slice(*doc, c.range) == range) return true;
    return false;
  };
  CHECK(has(ContactKind::Email, "isaac@example.org", "<a href=\"isaac@example.org\">"));
  CHECK(has(ContactKind::LinkedIn, "https://www.linkedin.com/in/isaac", "<a href='https://www.linkedin.com/in/isaac'>"));
  CHECK(has(ContactKind::Phone, "+441632960001", "<a href=\"tel:+441632960001\">"));
  // The same address again is one contact (the structure pass merges them):
  // a link target without mailto: is still an email when it stands alone.
  int emails = 0;
  for (const Contact& c : doc->contacts) emails += c.kind == ContactKind::Email;
  CHECK(emails == 1);
  auto alone = parse("# Isaac\n\n[isaac@example.org](isaac@example.org)\n");
  bool linked = false;
  for (const Contact& c : alone->contacts)
    linked = linked || (c.kind == ContactKind::Email && c.value == "isaac@example.org" &&
                        slice(*alone, c.range) == "[isaac@example.org](isaac@example.org)");
  CHECK(linked);
  // The anchor's text is markup, not prose; the Markdown link's text is.
  auto ps = blocksOf(*doc, BlockKind::Paragraph);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0]->prose.text == "Inline call or isaac@example.org");
}

TEST_CASE("pandoc definition lists: the definition joins its term, its indented body is not code") {
  std::string src =
      "## Experience\n\nJan 2019 - Present\n:   **Senior Developer**, Northwind Ltd\n\n    - Rebuilt billing\n"
      "    - Cut errors by 70%\n\n* Go\n  : Five years\n";
  auto doc = parse(src);
  CHECK(blocksOf(*doc, BlockKind::Code).empty());
  auto bs = blocksOf(*doc, BlockKind::Bullet);
  REQUIRE(bs.size() == 3);
  CHECK(bs[0]->prose.text == "Rebuilt billing");
  CHECK(bs[0]->level == 1);  // the definition is no nesting level
  CHECK(slice(*doc, bs[0]->markerRange) == "- ");
  CHECK(bs[2]->prose.text == "Go: Five years");
  CHECK(slice(*doc, bs[2]->range) == "* Go\n  : Five years");
  // The term and its definition are one entry header; ':' is synthetic.
  auto hs = blocksOf(*doc, BlockKind::EntryHeader);
  REQUIRE(hs.size() == 1);
  CHECK(hs[0]->prose.text == "Jan 2019 - Present: Senior Developer, Northwind Ltd");
  CHECK(slice(*doc, hs[0]->range) == "Jan 2019 - Present\n:   **Senior Developer**, Northwind Ltd");
  CHECK(checkSourceMaps(*doc) == 0);
  // A ':' line inside fenced code is left alone.
  auto code = parse("Term\n\n```\nx\n: not a definition\n```\n");
  REQUIRE(blocksOf(*code, BlockKind::Code).size() == 1);
  CHECK(slice(*code, blocksOf(*code, BlockKind::Code)[0]->range) == "```\nx\n: not a definition\n```");
}

TEST_CASE("pandoc heading attributes are not heading text") {
  auto doc = parse("# Name\n\n## Skills {#skills .wide}\n\n## Odd {braces}\n");
  auto hs = blocksOf(*doc, BlockKind::Heading);
  REQUIRE(hs.size() == 2);
  CHECK(hs[0]->prose.text == "Skills");
  CHECK(slice(*doc, hs[0]->range) == "## Skills {#skills .wide}");
  CHECK(hs[1]->prose.text == "Odd {braces}");
  CHECK(checkSourceMaps(*doc) == 0);
}
