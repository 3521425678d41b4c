#include "core/yaml/scalar_map.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace irtcp::yaml {
namespace {

struct Case {
  const char* name;
  std::string doc;
  std::string key;    // top-level key (or "-" for the first item of a top-level sequence)
  std::string token;  // first characters of the scalar token, to find node_begin
  ScalarStyle style;
  std::string value;          // expected decoded value
  std::string probe;          // a substring of the value whose first byte we map back
  std::string probe_in_file;  // where that byte is in the file (first occurrence after begin)
};

std::uint32_t U(std::size_t v) { return static_cast<std::uint32_t>(v); }

TEST(RuleScalarMap, Table) {
  const Case cases[] = {
      {"plain", "k: hello world\n", "k", "hello", ScalarStyle::kPlain, "hello world", "world",
       "world"},
      {"plain folded", "k: a\n  b\n\n  c\n", "k", "a", ScalarStyle::kPlain, "a b\nc", "c", "c"},
      {"single", "k: 'it''s x'\n", "k", "'", ScalarStyle::kSingleQuoted, "it's x", "s x", "s x"},
      {"single folded", "k: 'a\n   b'\n", "k", "'", ScalarStyle::kSingleQuoted, "a b", "b", "b"},
      {"double escapes", "k: \"a\\tb\\u00e9c\"\n", "k", "\"", ScalarStyle::kDoubleQuoted,
       "a\tb\xC3\xA9"
       "c",
       "c", "c\""},
      {"double escape maps to backslash", "k: \"x\\u00e9y\"\n", "k", "\"",
       ScalarStyle::kDoubleQuoted, "x\xC3\xA9y", "\xC3\xA9", "\\u00e9"},
      {"double escaped newline", "k: \"ab\\\n   cd\"\n", "k", "\"", ScalarStyle::kDoubleQuoted,
       "abcd", "cd", "cd"},
      {"double fold", "k: \"ab\n\n  cd\"\n", "k", "\"", ScalarStyle::kDoubleQuoted, "ab\ncd", "cd",
       "cd"},
      {"literal", "k: |\n  line1\n   more\n  line3\n", "k", "|", ScalarStyle::kLiteral,
       "line1\n more\nline3\n", "line3", "line3"},
      {"literal strip", "k: |-\n  a\n\n", "k", "|", ScalarStyle::kLiteral, "a", "a", "a\n"},
      {"literal keep", "k: |+\n  a\n\n", "k", "|", ScalarStyle::kLiteral, "a\n\n", "a", "a\n"},
      {"folded", "k: >\n  a\n  b\n\n  c\n   d\n  e\n", "k", ">", ScalarStyle::kFolded,
       "a b\nc\n d\ne\n", "e", "e\n"},
      {"indent indicator", "k: |2\n    a\n  b\n", "k", "|", ScalarStyle::kLiteral, "  a\nb\n", "b",
       "b\n"},
      {"indicator and chomp", "k: >-2\n   x\n  y\n", "k", ">", ScalarStyle::kFolded, " x\ny", "y",
       "y\n"},
      {"crlf", "k: |\r\n  a\r\n  b\r\n", "k", "|", ScalarStyle::kLiteral, "a\nb\n", "b", "b\r"},
      {"rule in folded scalar", "match: >-\n  HostSNI(`a`) &&\n  ALPN(`h2`)\n", "match", ">",
       ScalarStyle::kFolded, "HostSNI(`a`) && ALPN(`h2`)", "ALPN", "ALPN"},
      {"block comment header", "k: | # note\n  v\n", "k", "|", ScalarStyle::kLiteral, "v\n", "v",
       "v\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::size_t key_pos = c.doc.find(c.key + ":");
    ASSERT_NE(key_pos, std::string::npos);
    std::size_t begin = c.doc.find(c.token, key_pos + c.key.size() + 1);
    ASSERT_NE(begin, std::string::npos);
    // End of the token: block scalars run to the end of the document here; flow scalars end at
    // the closing quote or the last non-blank character before the final newline.
    std::size_t end = c.doc.size();
    if (c.style == ScalarStyle::kPlain) {
      end = c.doc.find_last_not_of(" \n") + 1;
    } else if (c.style == ScalarStyle::kSingleQuoted || c.style == ScalarStyle::kDoubleQuoted) {
      end = c.doc.rfind(c.token[0]) + 1;
    }
    std::string got = DecodeScalar(c.doc, U(begin), U(end), c.style, nullptr);
    EXPECT_EQ(got, c.value);
    // Cross-check with an independent YAML implementation.
    EXPECT_EQ(YAML::Load(c.doc)[c.key].as<std::string>(), c.value);
    std::size_t value_off = c.value.find(c.probe);
    ASSERT_NE(value_off, std::string::npos);
    std::size_t want = c.doc.find(c.probe_in_file, begin);
    EXPECT_EQ(MapScalarOffset(c.doc, U(begin), U(end), c.style, U(value_off)), want);
  }
}

TEST(RuleScalarMap, EndAndSequenceParent) {
  std::string doc = "- k: >-\n    x\n    y\n- z\n";
  std::size_t begin = doc.find('>');
  std::string v = DecodeScalar(doc, U(begin), U(doc.size()), ScalarStyle::kFolded, nullptr);
  EXPECT_EQ(v, "x y");
  EXPECT_EQ(MapScalarOffset(doc, U(begin), U(doc.size()), ScalarStyle::kFolded, 3),
            doc.find("y\n") + 1);
  std::string top = "- |1\n  a\n";
  EXPECT_EQ(DecodeScalar(top, 2, U(top.size()), ScalarStyle::kLiteral, nullptr), " a\n");
}

}  // namespace
}  // namespace irtcp::yaml
