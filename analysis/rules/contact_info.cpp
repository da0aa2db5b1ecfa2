// contact-info: a CV gives an email address and a phone number, and for a
// technical role (the default role profile is backend-developer) a LinkedIn
// or GitHub profile. Contacts come from the model (front ends and the
// structure pass collect them from links, contact commands and header
// prose). Reported on the CV's first line, one finding per missing kind.
#include "rules/conventions_util.hpp"
#include "rules/rules.hpp"

namespace cvlint {
namespace {

class ContactInfo final : public Rule {
 public:
  std::string_view id() const override { return "contact-info"; }
  Severity defaultSeverity() const override { return Severity::Info; }
  std::string_view summary() const override { return "no email, or no phone / LinkedIn / GitHub"; }
  std::string_view explanation() const override {
    return "Put an email address and a phone number at the top, and for a technical role a LinkedIn or GitHub "
           "profile: recruiters check them, and an ATS files the CV under them.\n\nThe role comes from the "
           "`role` setting (technical by default). No fix: the details are yours to add.";
  }

  void check(const RuleContext& ctx, std::vector<Finding>& out) const override {
    const CvDocument& doc = ctx.doc;
    if (doc.blocks.empty()) return;
    bool email = false, phone = false, profile = false;
    for (const Contact& c : doc.contacts) {
      email |= c.kind == ContactKind::Email;
      phone |= c.kind == ContactKind::Phone;
      profile |= c.kind == ContactKind::LinkedIn || c.kind == ContactKind::GitHub;
    }
    // At the CV's name, else its contact line, else the top of the CV.
    auto firstOf = [&](BlockKind kind) -> const Block* {
      for (const Block& b : doc.blocks)
        if (b.kind == kind) return &b;
      return nullptr;
    };
    const Block* block = firstOf(BlockKind::Title);
    if (!block) block = firstOf(BlockKind::Contact);
    conv::DocumentAnchor at = block ? conv::DocumentAnchor{block->file, conv::firstLine(doc.source(block->file), block->range)}
                                    : conv::documentAnchor(doc);
    auto add = [&](const char* what, std::string msg) {
      Finding f = conv::makeFinding("contact-info", at.file, at.range, std::move(msg));
      f.data.push_back({"missing", std::string(what)});
      out.push_back(std::move(f));
    };
    if (!email) add("email", "No email address: put one at the top so a recruiter can reply");
    if (!phone) add("phone", "No phone number: recruiters often call before they email");
    if (!profile && conv::isTechnicalRole(ctx.config.role))
      add("profile", "No LinkedIn or GitHub profile: for a technical role recruiters look for one");
  }
};

}  // namespace

const Rule& contactInfoRule() {
  static const ContactInfo r;
  return r;
}

}  // namespace cvlint
