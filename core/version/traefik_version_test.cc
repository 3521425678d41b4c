#include "core/version/traefik_version.h"

#include <gtest/gtest.h>

#include <string>

namespace irtcp::version {
namespace {

TEST(TraefikVersion, SupportedLinesOldestFirstAndTheDefault) {
  EXPECT_EQ(SupportedList(), "2.10, 2.11, 3.0, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7");
  EXPECT_EQ(DefaultVersion().Line(), "3.7");
  EXPECT_EQ(DefaultVersion().Tag(), "v3.7.9");
  EXPECT_TRUE(DefaultVersion().AtLeast(3, 1));
  EXPECT_FALSE(SupportedVersions().front().AtLeast(2, 11));
}

TEST(TraefikVersion, Parse) {
  struct Case {
    const char* text;
    const char* line;  ///< nullptr: an error
    const char* tag;
    int patch;              ///< -1: none
    const char* note_part;  ///< "" : no note
  };
  const Case cases[] = {
      {"3.7", "3.7", "v3.7.9", -1, ""},
      {"v2.11", "2.11", "v2.11.53", -1, ""},
      {"2.10.7", "2.10", "v2.10.7", 7, ""},
      {"v3.1.1", "3.1", "v3.1.7", 1, "v3.1.1 predates v3.1.2: the disableClusterScopeResources"},
      {"traefik:v2.11.3", "2.11", "v2.11.53", 3, "v2.11.3 predates v2.11.7"},
      {"docker.io/library/traefik:3.6", "3.6", "v3.6.24", -1, ""},
      {"ghcr.io/x/traefik:v3.2.5-alpine", "3.2", "v3.2.5", 5, ""},
      {"latest", "3.7", "v3.7.9", -1, "\"latest\" is not a version"},
      {"traefik:latest", "3.7", "v3.7.9", -1, "\"latest\" is not a version"},
      {"traefik", "3.7", "v3.7.9", -1, "has no tag"},
      {"traefik@sha256:0123abcd", "3.7", "v3.7.9", -1, "pinned by digest"},
      {"4.0", nullptr, nullptr, -1, ""},
      {"2.9", nullptr, nullptr, -1, ""},
      {"3", nullptr, nullptr, -1, ""},
      {"3.x", nullptr, nullptr, -1, ""},
      {"3.7.", nullptr, nullptr, -1, ""},
      {"", nullptr, nullptr, -1, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    TraefikVersion v;
    std::string note;
    std::string err;
    bool ok = ParseTraefikVersion(c.text, &v, &note, &err);
    if (c.line == nullptr) {
      EXPECT_FALSE(ok);
      EXPECT_NE(err.find("supported: 2.10, 2.11, 3.0"), std::string::npos) << err;
      continue;
    }
    ASSERT_TRUE(ok) << err;
    EXPECT_EQ(v.Line(), c.line);
    EXPECT_EQ(v.Tag(), c.tag);
    EXPECT_EQ(v.patch.value_or(-1), c.patch);
    if (std::string(c.note_part).empty()) {
      EXPECT_EQ(note, "");
    } else {
      EXPECT_NE(note.find(c.note_part), std::string::npos) << note;
    }
  }
}

TEST(TraefikVersion, PredatedChangesOnlyForANamedOlderPatch) {
  TraefikVersion v = SupportedVersions()[1];  // 2.11
  EXPECT_TRUE(PredatedChanges(v).empty());
  v.patch = 0;
  EXPECT_EQ(PredatedChanges(v).size(), 5U);
  v.patch = 53;
  EXPECT_TRUE(PredatedChanges(v).empty());
}

}  // namespace
}  // namespace irtcp::version
