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

namespace irtcp::version {
namespace {

TEST(TraefikVersion, PatchesWithinALine) {
  TraefikVersion v = *FindByTag("v2.11.53");
  EXPECT_EQ(v.EffectivePatch(), 53);
  EXPECT_TRUE(v.AtLeastPatch(2, 11, 46));
  v.patch = 3;
  EXPECT_EQ(v.Display(), "v2.11.3");
  EXPECT_FALSE(v.AtLeastPatch(2, 11, 7));
  EXPECT_TRUE(v.AtLeastPatch(2, 10, 99));  // a later line is always at or after
  EXPECT_FALSE(v.AtLeastPatch(3, 0, 0));
  EXPECT_EQ(FindByTag("v9.9.9"), nullptr);
  EXPECT_EQ(LineIndex(*FindByTag("v2.10.7")), 0U);
  EXPECT_EQ(LineIndex(DefaultVersion()), SupportedVersions().size() - 1);
}

TEST(TraefikVersion, ResolveReferenceLandedInPatches) {
  struct Case {
    const char* text;
    bool has;
  };
  const Case cases[] = {{"2.10", false},    {"2.11", true},     {"v2.11.45", false},
                        {"v2.11.46", true}, {"3.0", false},     {"3.5", false},
                        {"3.6", true},      {"v3.6.16", false}, {"v3.7.0", false},
                        {"v3.7.1", true},   {"3.7", true}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    TraefikVersion v;
    std::string note;
    std::string err;
    ASSERT_TRUE(ParseTraefikVersion(c.text, &v, &note, &err)) << err;
    EXPECT_EQ(HasResolveReference(v), c.has);
  }
}

}  // namespace
}  // namespace irtcp::version
