#include "core/lint/selection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/lint/registry.h"

namespace irtcp::lint {
namespace {

TEST(Selection, ResolveSelector) {
  struct Case {
    const char* selector;
    std::vector<std::string> must_contain;
    std::vector<std::string> must_not_contain;
    const char* error;  // "" when it resolves
  };
  const Case cases[] = {
      {"IRT104", {"IRT104"}, {"IRT101"}, ""},
      {"hostsni-without-tls", {"IRT104"}, {"IRT101"}, ""},
      {"IRT1", {"IRT101", "IRT104", "IRT124"}, {"IRT001", "IRT201"}, ""},
      {"IRT", {"IRT001", "IRT104", "IRT901"}, {}, ""},
      {"all", {"IRT001", "IRT901"}, {}, ""},
      {"IRT1040", {}, {}, "unknown rule code or name \"IRT1040\" (did you mean IRT104?)"},
      {"hostsni-without-tsl",
       {},
       {},
       "unknown rule code or name \"hostsni-without-tsl\" (did you mean hostsni-without-tls?)"},
      {"IRT8", {}, {}, "unknown rule code or name \"IRT8\" (did you mean IRT008?)"},
      {"xyzzy-plugh-frobnicate", {}, {}, "unknown rule code or name \"xyzzy-plugh-frobnicate\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.selector);
    std::string err;
    std::vector<const diag::RuleInfo*> got = ResolveSelector(c.selector, &err);
    EXPECT_EQ(err, c.error);
    EXPECT_EQ(got.empty(), *c.error != '\0');
    auto has = [&](const std::string& code) {
      for (const diag::RuleInfo* r : got) {
        if (r->code == code) {
          return true;
        }
      }
      return false;
    };
    for (const std::string& code : c.must_contain) {
      EXPECT_TRUE(has(code)) << code;
    }
    for (const std::string& code : c.must_not_contain) {
      EXPECT_FALSE(has(code)) << code;
    }
  }
}

diag::Diagnostic Finding(const char* code) {
  diag::Diagnostic d;
  d.rule = FindRule(code);
  d.severity = d.rule->default_severity;
  return d;
}

TEST(Selection, CompileAndApply) {
  using S = diag::Severity;
  struct Case {
    const char* name;
    SelectionSpec spec;
    // code -> expected severity, or nullopt when dropped
    std::vector<std::pair<const char*, std::optional<S>>> expect;
    const char* error;
  };
  const Case cases[] = {
      {"default keeps everything", {}, {{"IRT104", S::kError}, {"IRT003", S::kError}}, ""},
      {"select a prefix",
       {{"IRT1"}, {}, {}},
       {{"IRT104", S::kError}, {"IRT301", std::nullopt}, {"IRT003", std::nullopt}},
       ""},
      {"ignore wins over select",
       {{"IRT1"}, {"IRT104"}, {}},
       {{"IRT104", std::nullopt}, {"IRT101", S::kError}},
       ""},
      {"ignore applies to schema codes", {{}, {"IRT0"}, {}}, {{"IRT003", std::nullopt}}, ""},
      {"IRT001 always shows",
       {{"IRT104"}, {"IRT001", "all"}, {{"IRT001", "off"}}},
       {{"IRT001", S::kError}, {"IRT104", std::nullopt}},
       ""},
      {"severity relevels",
       {{}, {}, {{"IRT104", "warning"}, {"IRT3", "info"}}},
       {{"IRT104", S::kWarning}, {"IRT301", S::kInfo}, {"IRT101", S::kError}},
       ""},
      {"later severity wins",
       {{}, {}, {{"IRT104", "off"}, {"IRT104", "info"}}},
       {{"IRT104", std::nullopt}},
       ""},
      {"severity off", {{}, {}, {{"hostsni-without-tls", "off"}}}, {{"IRT104", std::nullopt}}, ""},
      {"unknown select",
       {{"IRT1040"}, {}, {}},
       {},
       "select: unknown rule code or name \"IRT1040\" (did you mean IRT104?)"},
      {"unknown ignore",
       {{}, {"IRT9999"}, {}},
       {},
       "ignore: unknown rule code or name \"IRT9999\""},
      {"bad level",
       {{}, {}, {{"IRT104", "fatal"}}},
       {},
       "severity: invalid level \"fatal\" for IRT104 (use error, warning, info or off)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    RuleSelection sel;
    std::string err;
    bool ok = RuleSelection::Compile(c.spec, &sel, &err);
    EXPECT_EQ(err, c.error);
    EXPECT_EQ(ok, *c.error == '\0');
    for (const auto& [code, severity] : c.expect) {
      SCOPED_TRACE(code);
      std::vector<diag::Diagnostic> findings = {Finding(code)};
      sel.Apply(findings);
      ASSERT_EQ(findings.size(), severity.has_value() ? 1U : 0U);
      EXPECT_EQ(sel.Enabled(code), severity.has_value());
      if (severity.has_value()) {
        EXPECT_EQ(findings[0].severity, *severity);
      }
    }
  }
}

TEST(Selection, PathExcluded) {
  struct Case {
    const char* path;
    std::vector<std::string> globs;
    bool excluded;
  };
  const Case cases[] = {
      {"charts/app/templates/route.yaml", {"templates"}, true},
      {"charts/app/templates/route.yaml", {"charts/**"}, true},
      {"charts/app/templates/route.yaml", {"charts/*"}, true},  // a directory: everything below
      {"charts/app/templates/route.yaml", {"charts/*.yaml"}, false},
      {"./deploy/route.tmpl.yaml", {"*.tmpl.yaml"}, true},
      {"deploy/route.yaml", {"*.tmpl.yaml"}, false},
      {"deploy/route.yaml", {"deploy/route.yaml"}, true},
      {"deploy/route.yaml", {"./deploy/"}, true},
      {"deploy/route.yaml", {"**/route.yaml"}, true},
      {"route.yaml", {"**/route.yaml"}, true},
      {"deploy/routes.yaml", {"deploy/route?.yaml"}, true},
      {"deploy/a/b.yaml", {"deploy/?/b.yaml"}, true},
      {"deployment/route.yaml", {"deploy"}, false},
      {"deploy/route.yaml", {}, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.path) + " " + (c.globs.empty() ? "" : c.globs[0]));
    EXPECT_EQ(PathExcluded(c.path, c.globs), c.excluded);
  }
}

}  // namespace
}  // namespace irtcp::lint
