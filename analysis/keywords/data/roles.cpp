// Role profiles as data: the keywords a UK advert for the role typically asks
// for, most important first, used when no advert is given. The first
// `essentialCount` are the role's core; names are canonical taxonomy forms (a
// unit test checks every one resolves).
#include <string>

#include "core/unicode.hpp"
#include "keywords/taxonomy.hpp"

namespace cvlint {

namespace {

constexpr const char* kBackend[] = {
    "Python", "Java", "Node.js", "Go", "PostgreSQL", "REST APIs", "Docker", "AWS", "Microservices", "CI/CD",
    "SQL", "Kubernetes", "Redis", "MongoDB", "Git", "Message queues", "Kafka", "System design", "Unit testing",
    "Agile", "Terraform", "Caching", "Distributed systems", "GraphQL", "Linux", nullptr};

constexpr const char* kFrontend[] = {
    "JavaScript", "TypeScript", "React", "HTML", "CSS", "Accessibility", "Responsive design", "Git", "Jest",
    "Next.js", "Vue.js", "Angular", "Redux", "Webpack", "Cypress", "REST APIs", "GraphQL", "Tailwind CSS",
    "Sass", "Figma", "Web Components", "CI/CD", "Agile", "Node.js", nullptr};

constexpr const char* kFullStack[] = {
    "JavaScript", "TypeScript", "React", "Node.js", "REST APIs", "PostgreSQL", "HTML", "CSS", "Docker",
    "AWS", "Git", "CI/CD", "Python", "SQL", "MongoDB", "GraphQL", "Next.js", "Express", "Jest",
    "Microservices", "Kubernetes", "Agile", "Redis", "Test-driven development", nullptr};

constexpr const char* kData[] = {
    "Python", "SQL", "Spark", "Airflow", "ETL", "Data pipelines", "Data warehousing", "AWS", "Kafka", "dbt",
    "Snowflake", "Data modelling", "BigQuery", "Databricks", "Scala", "PostgreSQL", "Docker", "Terraform",
    "Redshift", "Stream processing", "Pandas", "Git", "CI/CD", "Data quality", "Azure Data Factory", nullptr};

constexpr const char* kDevOps[] = {
    "Kubernetes", "Docker", "Terraform", "AWS", "CI/CD", "Linux", "Infrastructure as Code", "Prometheus",
    "Grafana", "Bash", "Python", "Ansible", "Helm", "GitHub Actions", "Azure", "GCP", "Go", "Observability",
    "Incident management", "Site Reliability Engineering", "Jenkins", "Networking", "Argo CD", "SLOs",
    "Git", "Monitoring", nullptr};

constexpr RoleProfile kRoles[] = {
    {"backend-developer", "backend developer", kBackend, 10},
    {"frontend-developer", "frontend developer", kFrontend, 10},
    {"full-stack-developer", "full-stack developer", kFullStack, 10},
    {"data-engineer", "data engineer", kData, 10},
    {"devops-engineer", "DevOps engineer", kDevOps, 10},
};

struct RoleAlias {
  const char* alias;
  int role;
};

// Other spellings of the role names users type in config.
constexpr RoleAlias kRoleAliases[] = {
    {"backend", 0},           {"backend-engineer", 0},     {"back-end-developer", 0},
    {"software-engineer", 0}, {"software-developer", 0},   {"frontend", 1},
    {"frontend-engineer", 1}, {"front-end-developer", 1},  {"full-stack", 2},
    {"fullstack", 2},         {"full-stack-engineer", 2},  {"fullstack-developer", 2},
    {"data", 3},              {"data-engineering", 3},     {"devops", 4},
    {"sre", 4},               {"site-reliability-engineer", 4}, {"platform-engineer", 4},
    {"devops-sre", 4},        {"devops-engineer/sre", 4},
};

}  // namespace

std::span<const RoleProfile> roleProfiles() { return {kRoles, sizeof(kRoles) / sizeof(kRoles[0])}; }

const RoleProfile* lookupRoleProfile(std::string_view name) {
  std::string n = foldCase(name);
  for (char& c : n)
    if (c == ' ' || c == '_') c = '-';
  for (const RoleProfile& r : kRoles)
    if (n == r.name) return &r;
  for (const RoleAlias& a : kRoleAliases)
    if (n == a.alias) return &kRoles[a.role];
  return nullptr;
}

const RoleProfile& findRoleProfile(std::string_view name) {
  const RoleProfile* r = lookupRoleProfile(name);
  return r ? *r : kRoles[0];
}

std::string roleNames() {
  std::string out;
  for (const RoleProfile& r : kRoles) out += (out.empty() ? "" : ", ") + std::string(r.name);
  return out;
}

}  // namespace cvlint
