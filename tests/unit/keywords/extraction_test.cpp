// Advert extraction: tech-shaped names kept whole, multi-word skills, aliases
// folded into one keyword, the traps (JavaScript is not Java, the verb "go"
// is not Go), and essential/desirable weighting from headings and phrases.
#include <catch2/catch_test_macros.hpp>

#include "keywords/matcher.hpp"
#include "keywords/taxonomy.hpp"
#include "kw_support.hpp"

using namespace cvlint;
using namespace cvlint::kwtest;

TEST_CASE("extraction: tech-shaped names are kept whole") {
  auto f = forms("- C++, C#, .NET, Node.js, gRPC, CI/CD, F#, ASP.NET and Vue.js\n");
  CHECK(f == std::vector<std::string>{"C++", "C#", ".NET", "Node.js", "gRPC", "CI/CD", "F#", "ASP.NET", "Vue.js"});
}

TEST_CASE("extraction: multi-word skills and certifications") {
  auto f = forms("## Essential\n\n- Message queues and system design\n- Building REST APIs\n"
                 "- AWS Certified Solutions Architect\n- Infrastructure as Code\n");
  CHECK(f == std::vector<std::string>{"Message queues", "System design", "REST APIs", "AWS Certified Solutions Architect",
                                      "Infrastructure as Code"});
}

TEST_CASE("extraction: aliases of one skill make one keyword in the advert's first form") {
  auto ks = kw::extractAdvertKeywords("- Postgres (PostgreSQL) and k8s / Kubernetes\n- Golang\n");
  REQUIRE(ks.size() == 3);
  CHECK(ks[0].form == "Postgres");
  CHECK(ks[0].aliases.size() == 2);
  CHECK(ks[1].form == "k8s");
  CHECK(ks[2].form == "Golang");
}

TEST_CASE("extraction: an all-lower-case mention takes the taxonomy's casing") {
  CHECK(forms("- docker and postgresql\n") == std::vector<std::string>{"Docker", "PostgreSQL"});
}

TEST_CASE("extraction: JavaScript is not Java, Next.js is not Node.js") {
  auto f = forms("- JavaScript and Next.js\n");
  CHECK(f == std::vector<std::string>{"JavaScript", "Next.js"});
  CHECK_FALSE(has(f, "Java"));
  CHECK_FALSE(has(f, "Node.js"));
  CHECK(forms("- Java and JavaScript\n") == std::vector<std::string>{"Java", "JavaScript"});
}

TEST_CASE("extraction: the verb go is not Go") {
  CHECK(forms("You will go on to lead the team. Go-getters welcome. Go to our site to apply.\n").empty());
  CHECK(forms("- Go\n") == std::vector<std::string>{"Go"});
  CHECK(forms("- Python, Go or Rust\n") == std::vector<std::string>{"Python", "Go", "Rust"});
  CHECK(forms("Our services are written in Go.\n") == std::vector<std::string>{"Go"});
  CHECK(forms("- Experience building Go services\n") == std::vector<std::string>{"Go"});
  CHECK(forms("- Golang\n") == std::vector<std::string>{"Golang"});
}

TEST_CASE("extraction: C only when clearly listed") {
  CHECK(forms("- Languages: C, C++ and Python\n") == std::vector<std::string>{"C", "C++", "Python"});
  CHECK(forms("- C programming for embedded devices\n") == std::vector<std::string>{"C programming"});
  CHECK(forms("We have a plan C. Grade C or above in GCSE Maths. Our C-suite.\n").empty());
  CHECK(forms("- Objective-C\n") == std::vector<std::string>{"Objective-C"});
}

TEST_CASE("extraction: Rust, Swift, Spring and React in prose") {
  CHECK(forms("Pipes that rust are replaced. A swift response. React quickly to incidents.\n").empty());
  CHECK(forms("Start date: Spring 2025.\n").empty());
  CHECK(forms("- Java with Spring and Hibernate\n") == std::vector<std::string>{"Java", "Spring", "Hibernate"});
  CHECK(forms("- Swift and SwiftUI for iOS\n") == std::vector<std::string>{"Swift", "SwiftUI", "iOS"});
  CHECK(forms("- React and Redux\n") == std::vector<std::string>{"React", "Redux"});
}

TEST_CASE("extraction: links and e-mail addresses name nothing") {
  CHECK(forms("Apply at https://careers.example.com/react-jobs or jobs@python.example\n").empty());
  CHECK(forms("- [Kafka](https://kafka.apache.org) streams\n") == std::vector<std::string>{"Kafka"});
}

TEST_CASE("extraction: weight from headings") {
  const char* advert =
      "# Backend Engineer\n"        // 0
      "\n"                          // 1
      "## Requirements\n"           // 2
      "- Python\n"                  // 3
      "## Nice to have\n"           // 4
      "- Kafka\n"                   // 5
      "## What we're looking for\n" // 6
      "- Docker\n"                  // 7
      "**Bonus**\n"                 // 8
      "- Terraform\n"               // 9
      "Must have:\n"                // 10
      "- Kubernetes\n"              // 11
      "Desirable\n"                 // 12
      "- Redis\n"                   // 13
      "You will have:\n"            // 14
      "- SQL\n"                     // 15
      "Plus\n"                      // 16
      "- GraphQL\n"                 // 17
      "Preferred:\n"                // 18
      "- Scala\n";                  // 19
  auto ks = kw::extractAdvertKeywords(advert);
  auto essential = [&](const char* f) {
    const kw::AdvertKeyword* k = keyword(ks, f);
    REQUIRE(k);
    return k->essential;
  };
  CHECK(essential("Python"));
  CHECK_FALSE(essential("Kafka"));
  CHECK(essential("Docker"));
  CHECK_FALSE(essential("Terraform"));
  CHECK(essential("Kubernetes"));
  CHECK_FALSE(essential("Redis"));
  CHECK(essential("SQL"));
  CHECK_FALSE(essential("GraphQL"));
  CHECK_FALSE(essential("Scala"));
  CHECK(keyword(ks, "Kafka")->line == 5);
  CHECK(keyword(ks, "Kafka")->lineText == "- Kafka");
  CHECK(keyword(ks, "Scala")->line == 19);
}

TEST_CASE("extraction: weight from phrases in the line") {
  auto ks = kw::extractAdvertKeywords(
      "## Requirements\n"
      "- Strong Python required; Kafka is a plus\n"
      "- Experience with RabbitMQ or SQS would be a bonus\n"
      "- Docker (essential), Terraform (desirable)\n"
      "- AWS, ideally with Lambda\n"
      "- Nice to have: GraphQL, gRPC\n");
  auto essential = [&](const char* f) {
    const kw::AdvertKeyword* k = keyword(ks, f);
    REQUIRE(k);
    return k->essential;
  };
  CHECK(essential("Python"));
  CHECK_FALSE(essential("Kafka"));
  CHECK_FALSE(essential("RabbitMQ"));
  CHECK_FALSE(essential("SQS"));
  CHECK(essential("Docker"));
  CHECK_FALSE(essential("Terraform"));
  CHECK(essential("AWS"));
  CHECK_FALSE(essential("Lambda"));
  CHECK_FALSE(essential("GraphQL"));
  CHECK_FALSE(essential("gRPC"));
}

TEST_CASE("extraction: essential wins when a keyword appears under both weights") {
  auto ks = kw::extractAdvertKeywords("## Nice to have\n- Kafka\n## Essential\n- Kafka and Docker\n");
  const kw::AdvertKeyword* k = keyword(ks, "Kafka");
  REQUIRE(k);
  CHECK(k->essential);
  CHECK(k->line == 3);
}

TEST_CASE("extraction: desirable-section markers in a company blurb and benefits") {
  auto ks = kw::extractAdvertKeywords("## About us\nWe run on AWS.\n## Benefits\n- Free Python courses\n");
  REQUIRE(ks.size() == 2);
  CHECK_FALSE(ks[0].essential);
  CHECK_FALSE(ks[1].essential);
}

TEST_CASE("extraction: tech-shaped names the taxonomy does not know, from requirement lists") {
  auto ks = kw::extractAdvertKeywords("## Essential\n- Experience with ClickHouse and Temporal.io, or Hono.js\n");
  CHECK(keyword(ks, "ClickHouse"));
  CHECK(keyword(ks, "Hono.js"));
  // Not from the company's blurb.
  CHECK(kw::extractAdvertKeywords("BrightLedger is hiring.\n").empty());
}

TEST_CASE("extraction: plain-text advert with colon headings and CRLF") {
  auto ks = kw::extractAdvertKeywords("Senior Engineer\r\n\r\nWhat you'll need:\r\n- Java\r\n\r\nNice to have:\r\n- Kotlin\r\n");
  REQUIRE(keyword(ks, "Java"));
  CHECK(keyword(ks, "Java")->essential);
  CHECK(keyword(ks, "Java")->lineText == "- Java");
  REQUIRE(keyword(ks, "Kotlin"));
  CHECK_FALSE(keyword(ks, "Kotlin")->essential);
}

TEST_CASE("extraction: heading classification") {
  using kw::AdvertSection;
  CHECK(kw::classifyAdvertHeading("What we\xE2\x80\x99re looking for") == AdvertSection::Essential);
  CHECK(kw::classifyAdvertHeading("You will have") == AdvertSection::Essential);
  CHECK(kw::classifyAdvertHeading("Must have") == AdvertSection::Essential);
  CHECK(kw::classifyAdvertHeading("Desirable (but not essential)") == AdvertSection::Desirable);
  CHECK(kw::classifyAdvertHeading("It would be a bonus if") == AdvertSection::Desirable);
  CHECK(kw::classifyAdvertHeading("About us") == AdvertSection::Company);
  CHECK(kw::classifyAdvertHeading("About you") == AdvertSection::Essential);
  CHECK(kw::classifyAdvertHeading("What we offer") == AdvertSection::Benefits);
  CHECK(kw::classifyAdvertHeading("The role") == AdvertSection::Neutral);
}

TEST_CASE("taxonomy: a few hundred skills, no key shared by two skills, profiles resolve") {
  CHECK(skillTable().size() >= 300);
  auto collisions = kw::taxonomy().collisions();
  for (auto [a, b] : collisions) {
    INFO(kw::taxonomy().alias(a).form << " / " << kw::taxonomy().alias(b).form);
    CHECK(false);
  }
  for (const RoleProfile& r : roleProfiles())
    for (int i = 0; r.skills[i]; ++i) {
      INFO(r.name << ": " << r.skills[i]);
      CHECK(kw::findSkill(r.skills[i]) >= 0);
    }
  CHECK(std::string(findRoleProfile("sre").name) == "devops-engineer");
  CHECK(std::string(findRoleProfile("no-such-role").name) == "backend-developer");
}

TEST_CASE("extraction: a name inside a longer one is dropped, overlapping names both stay") {
  CHECK(forms("- AWS Lambda and React Native\n") == std::vector<std::string>{"AWS Lambda", "React Native"});
  auto f = forms("- Build streaming data pipelines\n");
  CHECK(has(f, "Data pipelines"));
  CHECK(has(f, "streaming data"));
}

TEST_CASE("extraction: weights from a table's columns or cells") {
  auto ks = kw::extractAdvertKeywords(
      "| Essential | Desirable |\n|---|---|\n| Python | Kafka |\n| PostgreSQL | Terraform |\n\n"
      "| Skill | Level |\n|---|---|\n| Docker | essential |\n| Redis | nice to have |\n");
  auto essential = [&](const char* f) {
    const kw::AdvertKeyword* k = keyword(ks, f);
    REQUIRE(k);
    return k->essential;
  };
  CHECK(essential("Python"));
  CHECK(essential("PostgreSQL"));
  CHECK_FALSE(essential("Kafka"));
  CHECK_FALSE(essential("Terraform"));
  CHECK(essential("Docker"));
  CHECK_FALSE(essential("Redis"));
}
