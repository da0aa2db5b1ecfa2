// Raw HTML column layouts in Markdown CVs: a flex/grid/multi-column container
// is a Columns layout fact (ats-layout reports it), a <table> a Table fact;
// plain wrappers (<div>, align, a child's own flex size) are not layout.
#include <catch2/catch_test_macros.hpp>

#include "md_support.hpp"
#include "testing.hpp"

using namespace cvlint;
using namespace cvlint::mdtest;

namespace {

std::vector<const LayoutFact*> factsOf(const CvDocument& d, LayoutKind k) {
  std::vector<const LayoutFact*> out;
  for (const LayoutFact& l : d.layout)
    if (l.kind == k) out.push_back(&l);
  return out;
}

const std::string kTwoColumns =
    "# Jo Smith\n\njo@example.com\n\n"
    "<div style=\"display: flex; gap: 2em\">\n<div style=\"flex: 1\">\n\n"
    "## Skills\n\n- Go\n- SQL\n\n"
    "</div>\n<div style=\"flex:1\">\n\n"
    "## Experience\n\n- Led a team of 4\n\n"
    "</div>\n</div>\n";

}  // namespace

TEST_CASE("HTML blocks: a flex container is one Columns fact on its tag; its children are not") {
  auto doc = parse(kTwoColumns);
  auto cols = factsOf(*doc, LayoutKind::Columns);
  REQUIRE(cols.size() == 1);
  CHECK(slice(*doc, cols[0]->range) == "<div style=\"display: flex; gap: 2em\">");
  CHECK(cols[0]->construct == "<div> display:flex");
  CHECK(cols[0]->line == 4);
  // The Markdown between the HTML blocks is still read.
  CHECK(doc->findSection(SectionKind::Skills) >= 0);
  CHECK(doc->findSection(SectionKind::Experience) >= 0);

  auto ats = test::findings(test::lint(kTwoColumns, Format::Markdown), "ats-layout");
  REQUIRE(ats.size() == 1);
  CHECK(ats[0].message.find("Multi-column layout") != std::string::npos);
  CHECK(ats[0].range.begin == cols[0]->range.begin);
}

TEST_CASE("HTML blocks: grid, inline-flex and CSS columns are layouts; case and spacing do not matter") {
  for (const char* tag : {"<div style=\"display:grid;grid-template-columns:1fr 2fr\">", "<SECTION STYLE='Display : Inline-Flex'>",
                          "<div class=\"x\" style=\"column-count: 2\">", "<aside style=\"columns: 2 200px\">"}) {
    auto doc = parse(std::string("# Jo\n\n") + tag + "\nLeft\n</div>\n\n## Skills\n\n- Go\n");
    auto cols = factsOf(*doc, LayoutKind::Columns);
    INFO(tag);
    REQUIRE(cols.size() == 1);
    CHECK(slice(*doc, cols[0]->range) == tag);
  }
}

TEST_CASE("HTML blocks: wrappers without a layout style, and child sizes, are not layout") {
  for (const char* html : {"<div>\nText\n</div>", "<div align=\"center\">\n<p>Jo</p>\n</div>",
                           "<div style=\"flex: 1; text-align: center\">\nA\n</div>",
                           "<div style=\"display:block\">\nA\n</div>", "<divider style=\"display:flex\">\nA\n</divider>",
                           "<div data-note=\"display:flex\">\nA\n</div>"}) {
    std::string src = std::string("# Jo\n\n") + html + "\n\n## Skills\n\n- Go\n";
    auto doc = parse(src);
    INFO(html);
    CHECK(factsOf(*doc, LayoutKind::Columns).empty());
    CHECK(test::findings(test::lint(src, Format::Markdown), "ats-layout").empty());
  }
}

TEST_CASE("HTML tables in Markdown are Table facts that ats-layout reports") {
  std::string src = "# Jo\n\n## Skills\n\n<table>\n<tr><td>Go</td><td>SQL</td></tr>\n</table>\n";
  auto doc = parse(src);
  auto tables = factsOf(*doc, LayoutKind::Table);
  REQUIRE(tables.size() == 1);
  CHECK(slice(*doc, tables[0]->range) == "<table>");
  auto ats = test::findings(test::lint(src, Format::Markdown), "ats-layout");
  REQUIRE(ats.size() == 1);
  CHECK(ats[0].message.find("Table") != std::string::npos);
}
