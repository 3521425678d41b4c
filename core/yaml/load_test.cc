#include "core/yaml/load.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace irtcp::yaml {
namespace {

struct Parsed {
  std::vector<Document> docs;
  diag::DiagnosticSink sink;
};

std::unique_ptr<Parsed> Parse(const std::string& text, LoadOptions options = {}) {
  auto p = std::make_unique<Parsed>();
  auto file = std::make_shared<source::SourceFile>("input", text);
  p->docs = ParseStream(file, options, p->sink);
  return p;
}

struct TypingCase {
  const char* name;
  const char* yaml;
  ScalarType type;
  const char* text;
};

// go-yaml v2 (what kubectl uses) resolution of the value of `v:`.
constexpr TypingCase kTypingCases[] = {
    {"plain int", "v: 8080", ScalarType::kInt, "8080"},
    {"quoted int is a string", "v: \"8080\"", ScalarType::kString, "8080"},
    {"single-quoted", "v: '8080'", ScalarType::kString, "8080"},
    {"hex", "v: 0x1F", ScalarType::kInt, "0x1F"},
    {"octal", "v: 017", ScalarType::kInt, "017"},
    {"0o octal", "v: 0o17", ScalarType::kInt, "0o17"},
    {"binary", "v: 0b101", ScalarType::kInt, "0b101"},
    {"underscores", "v: 1_000", ScalarType::kInt, "1_000"},
    {"negative", "v: -5", ScalarType::kInt, "-5"},
    {"y is bool", "v: y", ScalarType::kBool, "y"},
    {"Y is bool", "v: Y", ScalarType::kBool, "Y"},
    {"yes is bool", "v: yes", ScalarType::kBool, "yes"},
    {"no is bool", "v: no", ScalarType::kBool, "no"},
    {"on is bool", "v: on", ScalarType::kBool, "on"},
    {"OFF is bool", "v: OFF", ScalarType::kBool, "OFF"},
    {"True is bool", "v: True", ScalarType::kBool, "True"},
    {"tRUE is a string", "v: tRUE", ScalarType::kString, "tRUE"},
    {"null word", "v: null", ScalarType::kNull, "null"},
    {"tilde", "v: ~", ScalarType::kNull, "~"},
    {"empty", "v:", ScalarType::kNull, ""},
    {"float", "v: 1.5", ScalarType::kFloat, "1.5"},
    {"exponent", "v: 1e3", ScalarType::kFloat, "1e3"},
    {"inf", "v: .inf", ScalarType::kFloat, ".inf"},
    {"08 is a float", "v: 08", ScalarType::kFloat, "08"},
    {"int overflow", "v: 99999999999999999999", ScalarType::kFloat, "99999999999999999999"},
    {"version string", "v: 1.2.3", ScalarType::kString, "1.2.3"},
    {"word", "v: HostSNI(`*`)", ScalarType::kString, "HostSNI(`*`)"},
    {"tagged str", "v: !!str 8080", ScalarType::kString, "8080"},
    {"tagged int", "v: !!int \"42\"", ScalarType::kInt, "42"},
    {"literal block", "v: |\n  8080\n", ScalarType::kString, "8080\n"},
    {"timestamp stays string", "v: 2024-01-01", ScalarType::kString, "2024-01-01"},
};

TEST(YamlLoad, ScalarTypingFollowsGoYamlV2) {
  for (const TypingCase& c : kTypingCases) {
    SCOPED_TRACE(c.name);
    auto p = Parse(c.yaml);
    ASSERT_TRUE(p->sink.empty()) << p->sink.diagnostics()[0].message;
    ASSERT_EQ(p->docs.size(), 1U);
    const Document& d = p->docs[0];
    NodeId v = d.ValueAt(d.root(), 0);
    EXPECT_EQ(d.node(v).type, c.type);
    EXPECT_EQ(d.Text(v), c.text);
  }
}

TEST(YamlLoad, IntegerValues) {
  auto p = Parse("a: 0x1F\nb: -9223372036854775808\nc: 017\n");
  const Document& d = p->docs[0];
  EXPECT_EQ(d.node(d.Get(d.root(), "a")).num.i, 31);
  EXPECT_EQ(d.node(d.Get(d.root(), "b")).num.i, INT64_MIN);
  EXPECT_EQ(d.node(d.Get(d.root(), "c")).num.i, 15);
}

TEST(YamlLoad, PositionsAreOneBasedAndCountCharacters) {
  auto p = Parse("metadata:\n  name: café\n  labels: {é: x, b: y}\n");
  const Document& d = p->docs[0];
  NodeId meta = d.Get(d.root(), "metadata");
  NodeId name = d.Get(meta, "name");
  EXPECT_EQ(d.node(name).loc.line, 2U);
  EXPECT_EQ(d.node(name).loc.column, 9U);
  EXPECT_EQ(d.node(name).loc.offset, 18U);
  NodeId labels = d.Get(meta, "labels");
  NodeId b = d.GetKey(labels, "b");
  // "  labels: {é: x, b: y}" -> `b` is the 18th character but the 19th byte.
  EXPECT_EQ(d.node(b).loc.column, 18U);
  EXPECT_EQ(d.node(b).loc.offset - d.file().LineStart(3), 18U);
  EXPECT_EQ(d.file().text().substr(d.node(b).loc.offset, 1), "b");
}

TEST(YamlLoad, SplitsAtDocumentSeparatorsSoErrorsDoNotHideLaterDocuments) {
  auto p = Parse("a: [1\n---\nb: 2\n---\n---\nc: 3\n");
  ASSERT_EQ(p->sink.diagnostics().size(), 1U);
  EXPECT_EQ(p->sink.diagnostics()[0].rule, &kYamlSyntax);
  EXPECT_EQ(p->sink.diagnostics()[0].location.line, 1U);
  ASSERT_EQ(p->docs.size(), 2U);
  EXPECT_EQ(p->docs[0].node(p->docs[0].root()).loc.line, 3U);
  EXPECT_EQ(p->docs[1].node(p->docs[1].root()).loc.line, 6U);
}

TEST(YamlLoad, MergeKeysAreMergedAndExplicitKeysWin) {
  auto p = Parse("base: &b {port: 1, weight: 2}\nsvc:\n  <<: *b\n  port: 3\n");
  ASSERT_TRUE(p->sink.empty());
  const Document& d = p->docs[0];
  NodeId svc = d.Get(d.root(), "svc");
  EXPECT_EQ(d.Size(svc), 2U);
  EXPECT_EQ(d.node(d.Get(svc, "port")).num.i, 3);
  EXPECT_EQ(d.node(d.Get(svc, "weight")).num.i, 2);
  EXPECT_EQ(d.GetKey(svc, "<<"), kNoNode);
}

TEST(YamlLoad, MergeFromSequenceEarlierWins) {
  auto p = Parse("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n");
  const Document& d = p->docs[0];
  NodeId c = d.Get(d.root(), "c");
  EXPECT_EQ(d.node(d.Get(c, "x")).num.i, 1);
  EXPECT_EQ(d.node(d.Get(c, "y")).num.i, 2);
}

TEST(YamlLoad, BadMergeValueIsAFinding) {
  auto p = Parse("a:\n  <<: 5\n");
  ASSERT_EQ(p->sink.diagnostics().size(), 1U);
  EXPECT_EQ(p->sink.diagnostics()[0].rule, &kYamlSyntax);
  EXPECT_EQ(p->sink.diagnostics()[0].location.line, 2U);
}

TEST(YamlLoad, DuplicateKeyReportedAtSecondKeepsLast) {
  auto p = Parse("a: 1\nb: 2\na: 3\n");
  ASSERT_EQ(p->sink.diagnostics().size(), 1U);
  const diag::Diagnostic& d = p->sink.diagnostics()[0];
  EXPECT_EQ(d.rule, &kDuplicateKey);
  EXPECT_EQ(d.location.line, 3U);
  EXPECT_EQ(d.location.column, 1U);
  const Document& doc = p->docs[0];
  EXPECT_EQ(doc.Size(doc.root()), 2U);
  EXPECT_EQ(doc.node(doc.Get(doc.root(), "a")).num.i, 3);
}

TEST(YamlLoad, NullValuesReadAsAbsent) {
  auto p = Parse("a: null\nb: ~\nc: x\n");
  const Document& d = p->docs[0];
  EXPECT_EQ(d.Get(d.root(), "a"), kNoNode);
  EXPECT_EQ(d.Get(d.root(), "b"), kNoNode);
  EXPECT_NE(d.GetKey(d.root(), "a"), kNoNode);
  EXPECT_EQ(d.GetString(d.root(), "c"), "x");
}

TEST(YamlLoad, DeepNestingIsCappedWithoutRecursion) {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  auto p = Parse("a: " + deep + "\n---\nb: 1\n");
  ASSERT_GE(p->sink.diagnostics().size(), 1U);
  EXPECT_EQ(p->sink.diagnostics()[0].rule, &kYamlLimits);
  ASSERT_EQ(p->docs.size(), 1U);  // the next document is still loaded
  EXPECT_EQ(p->docs[0].GetKey(p->docs[0].root(), "b") != kNoNode, true);
}

TEST(YamlLoad, AliasBombIsRejected) {
  std::string text = "a: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) {
      text += (k != 0 ? ", *a" : "*a") + std::to_string(i - 1);
    }
    text += "]\n";
  }
  auto p = Parse(text);
  ASSERT_EQ(p->sink.diagnostics().size(), 1U);
  EXPECT_EQ(p->sink.diagnostics()[0].rule, &kYamlLimits);
  EXPECT_TRUE(p->docs.empty());
}

TEST(YamlLoad, InvalidUtf8AndBinary) {
  auto bad = Parse("a: caf\xe9\n---\nb: ok\n");
  ASSERT_EQ(bad->sink.diagnostics().size(), 1U);
  EXPECT_EQ(bad->sink.diagnostics()[0].rule, &kInvalidEncoding);
  EXPECT_EQ(bad->sink.diagnostics()[0].location.line, 1U);
  EXPECT_EQ(bad->sink.diagnostics()[0].location.column, 7U);
  EXPECT_EQ(bad->docs.size(), 1U);
  auto bin = Parse(std::string("a: b\0c", 6));
  ASSERT_EQ(bin->sink.diagnostics().size(), 1U);
  EXPECT_EQ(bin->sink.diagnostics()[0].rule, &kInvalidEncoding);
}

TEST(YamlLoad, ByteOrderMarkIsNotAColumn) {
  auto p = Parse(
      "\xEF\xBB\xBF"
      "a: 1\nb: [\n");
  ASSERT_EQ(p->sink.diagnostics().size(), 1U);
  auto q = Parse(
      "\xEF\xBB\xBF"
      "key: value\n");
  ASSERT_TRUE(q->sink.empty());
  const Document& d = q->docs[0];
  NodeId k = d.KeyAt(d.root(), 0);
  EXPECT_EQ(d.node(k).loc.column, 1U);
  EXPECT_EQ(d.node(k).loc.offset, 3U);
}

TEST(YamlLoad, TabIndentationIsASyntaxErrorWithPosition) {
  auto p = Parse("a:\n\tb: 1\n");
  ASSERT_EQ(p->sink.diagnostics().size(), 1U);
  EXPECT_EQ(p->sink.diagnostics()[0].rule, &kYamlSyntax);
  EXPECT_EQ(p->sink.diagnostics()[0].location.line, 2U);
}

TEST(YamlLoad, EmptyAndCommentOnlyStreamsHaveNoDocuments) {
  EXPECT_TRUE(Parse("")->docs.empty());
  EXPECT_TRUE(Parse("# nothing\n---\n# still nothing\n")->docs.empty());
}

TEST(YamlLoad, HelmTemplateDetection) {
  EXPECT_TRUE(LooksLikeHelmTemplate("name: {{ .Values.x }}", nullptr));
  EXPECT_TRUE(LooksLikeHelmTemplate("{{- if .Values.enabled }}\n", nullptr));
  EXPECT_FALSE(LooksLikeHelmTemplate("description: \"use {{ and }} in Go templates\"", nullptr));
}

}  // namespace
}  // namespace irtcp::yaml
