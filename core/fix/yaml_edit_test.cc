#include "core/fix/yaml_edit.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/yaml/load.h"

namespace irtcp::fix {
namespace {

// Parses `text` (one document) and applies `edit` to it; "<none>" when there is no edit.
std::string Apply(const std::string& text,
                  std::optional<diag::Edit> (*make)(const yaml::Document&, yaml::NodeId)) {
  auto file = std::make_shared<const source::SourceFile>("t.yaml", text);
  diag::DiagnosticSink sink;
  std::vector<yaml::Document> docs = yaml::ParseStream(file, yaml::LoadOptions{}, sink);
  EXPECT_EQ(docs.size(), 1u);
  if (docs.empty()) {
    return "<no document>";
  }
  std::optional<diag::Edit> edit = make(docs[0], docs[0].root());
  if (!edit) {
    return "<none>";
  }
  std::string out = text;
  out.replace(edit->begin, edit->end - edit->begin, edit->replacement);
  return out;
}

TEST(YamlEdit, EncodeYamlScalarKeepsYamlValid) {
  struct Case {
    std::string value;
    bool prefer_plain;
    bool prefer_double;
    std::string want;
  };
  const Case cases[] = {
      {"HostSNI(`a`) || HostSNI(`b`)", true, false, "HostSNI(`a`) || HostSNI(`b`)"},
      {"!HostSNI(`a`)", true, false, "'!HostSNI(`a`)'"},
      {"HostSNI(`a`) # x", true, false, "'HostSNI(`a`) # x'"},
      {"a: b", true, false, "'a: b'"},
      {"", true, false, "''"},
      {"HostSNI('a')", false, false, "'HostSNI(''a'')'"},
      {"HostSNI(\"a\\\\b\")", false, true, "\"HostSNI(\\\"a\\\\\\\\b\\\")\""},
      {"a\x01", true, false, "\"a\\x01\""},
      {"a\tb", false, false, "\"a\\tb\""},
      {"a\x01", false, false, "\"a\\x01\""},
      {"a\x7f", true, false, "\"a\\x7F\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(EncodeYamlScalar(c.value, c.prefer_plain, c.prefer_double), c.want);
  }
}

TEST(YamlEdit, ReplaceScalarKeepsTheStyle) {
  struct Case {
    std::string text;
    std::string want;
  };
  const Case cases[] = {
      {"k: old # c\n", "k: new value # c\n"},
      {"k: 'old'\n", "k: 'new value'\n"},
      {"k: \"old\"\n", "k: \"new value\"\n"},
      {"k: |\n  old\n", "<none>"},
      {"k: [old]\n", "<none>"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Apply(c.text,
                    [](const yaml::Document& d, yaml::NodeId root) {
                      return ReplaceScalar(d, d.Get(root, "k"), "new value");
                    }),
              c.want);
  }
}

TEST(YamlEdit, InsertEntryAfterLinesUpWithTheKey) {
  struct Case {
    std::string text;
    std::string want;
  };
  const Case cases[] = {
      {"a: 1\nm: x\nz: 2\n", "a: 1\nm: x\np: 9\nz: 2\n"},
      {"m: x", "m: x\np: 9"},
      {"m: x # c\r\nz: 2\r\n", "m: x # c\r\np: 9\r\nz: 2\r\n"},
      {"m: \"multi\n  line\"\nz: 2\n", "m: \"multi\n  line\"\np: 9\nz: 2\n"},
      {"a: 1\n", "<none>"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(
        Apply(c.text, [](const yaml::Document& d,
                         yaml::NodeId root) { return InsertEntryAfter(d, root, "m", "p", "9"); }),
        c.want);
  }
  // In a sequence item the "- " counts as indentation.
  EXPECT_EQ(Apply("l:\n  - m: x\n    z: 2\n",
                  [](const yaml::Document& d, yaml::NodeId root) {
                    return InsertEntryAfter(d, d.ItemAt(d.Get(root, "l"), 0), "m", "p", "9");
                  }),
            "l:\n  - m: x\n    p: 9\n    z: 2\n");
}

TEST(YamlEdit, DeleteEntryLineOnlyWhenAloneOnItsLine) {
  struct Case {
    std::string text;
    std::string want;
  };
  const Case cases[] = {
      {"a: 1\ns: v2\nz: 2\n", "a: 1\nz: 2\n"},
      {"a: 1\ns: v2", "a: 1\n"},
      {"{a: 1, s: v2}\n", "<none>"},
      {"a: 1\n", "<none>"},
      {"s:\na: 1\n", "<none>"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Apply(c.text, [](const yaml::Document& d,
                               yaml::NodeId root) { return DeleteEntryLine(d, root, "s"); }),
              c.want);
  }
  EXPECT_EQ(Apply("l:\n  - s: v2\n    z: 2\n",
                  [](const yaml::Document& d, yaml::NodeId root) {
                    return DeleteEntryLine(d, d.ItemAt(d.Get(root, "l"), 0), "s");
                  }),
            "<none>");
}

}  // namespace
}  // namespace irtcp::fix
