// The measurement classifier on plain prose: what measures and what does not.
#include <catch2/catch_test_macros.hpp>

#include "rules/wording.hpp"

using cvlint::wording::hasMeasurement;

TEST_CASE("measurements count", "[unquantified]") {
  for (const char* s : {"Reduced costs by 40%", "Cut latency 40% with caching", "Saved £2m a year", "Raised $40k",
                        "Won a €500 grant", "Migrated 12 services", "Served 200k users", "Led a team of five",
                        "Made the build 3x faster", "Made it 3× faster", "Brought p99 to 120 ms", "Cut build time to 4 hours",
                        "Handles 10k req/s", "Mentored 3 engineers", "Grew revenue by 1.5bn", "Scaled to 1M+ users",
                        "Ran two squads", "Halved deploy times", "Deployed 2-3 times a day", "Built a 5-person team",
                        "Onboarded 40 B2B clients", "Served 2000 users", "Cut costs by 30 per cent",
                        "Reduced errors (from 120 to 15)", "Processed 1,200 orders an hour", "Sped up tests by <N>%",
                        "Cut storage by 10GB", "Ranked in the top 5 of 300 teams", "Made CI x3 faster", "Cut build time in half",
                        "Saved £2 million", "Raised $1.2M", "Served 2,000+ users", "Cut cloud spend 40 %"}) {
    INFO(s);
    CHECK(hasMeasurement(s));
  }
}

TEST_CASE("years, versions and names do not count", "[unquantified]") {
  for (const char* s : {"Built the platform in 2021", "Worked there 2019–2021", "Worked there 2019-21",
                        "Upgraded to Python 3", "Moved services to Java 17", "Enabled HTTP/2 on the edge",
                        "Implemented OAuth 2.0 login", "Upgraded from Vue 2 to Vue 3", "Achieved ISO 27001 certification",
                        "Stored assets in S3", "Rolled out Microsoft 365", "Resolved P1 incidents",
                        "Provisioned EC2 hosts", "Wrote C++17 services", "Used IPv6 everywhere", "Built a Web3 app",
                        "Shipped iOS 16 widgets", "Ran Level 3 support", "Added 2FA to the portal",
                        "Deployed v1.2.3 of the SDK", "Provided 24/7 support", "Held 1:1s with the team",
                        "See https://example.com/2021/40-percent", "Jan 2020 – Mar 2021", "Added i18n for the app",
                        "Built two-factor login", "Joined in Q3 2022", "Won 1st place"}) {
    INFO(s);
    CHECK_FALSE(hasMeasurement(s));
  }
}
