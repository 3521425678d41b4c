#include "core/config/static_config.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/config/traefik_config.h"

namespace irtcp::config {
namespace {

TEST(StaticConfigVersion, FlagThenImageThenDefault) {
  StaticConfigSource source;
  TraefikConfig file;
  file.image = "docker.io/traefik:v2.11.3";
  file.image_origin = "deploy.yaml:20:18";
  version::TraefikVersion v;
  std::vector<std::string> notes;
  std::string err;
  ASSERT_TRUE(ResolveTraefikVersion(source, nullptr, &v, &notes, &err)) << err;
  EXPECT_EQ(v.Line(), "3.7");
  EXPECT_TRUE(notes.empty());

  ASSERT_TRUE(ResolveTraefikVersion(source, &file, &v, &notes, &err)) << err;
  EXPECT_EQ(v.Display(), "v2.11.3");
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_NE(notes[0].find("predates v2.11.7"), std::string::npos) << notes[0];

  notes.clear();
  source.traefik_version = "3.1";
  ASSERT_TRUE(ResolveTraefikVersion(source, &file, &v, &notes, &err)) << err;
  EXPECT_EQ(v.Line(), "3.1");  // the flag wins over the image
  EXPECT_TRUE(notes.empty());
}

TEST(StaticConfigVersion, UnknownVersionAndImage) {
  StaticConfigSource source;
  source.traefik_version = "4.2";
  source.traefik_version_origin = ".irtcp.yaml:3:18";
  version::TraefikVersion v;
  std::vector<std::string> notes;
  std::string err;
  EXPECT_FALSE(ResolveTraefikVersion(source, nullptr, &v, &notes, &err));
  EXPECT_EQ(err.rfind(".irtcp.yaml:3:18: unsupported Traefik version \"4.2\"", 0), 0U) << err;

  source.traefik_version.reset();
  TraefikConfig file;
  file.image = "registry.local/edge-proxy:2024.1";
  file.image_origin = "deploy.yaml:20:18";
  ASSERT_TRUE(ResolveTraefikVersion(source, &file, &v, &notes, &err));
  EXPECT_EQ(v.Line(), "3.7");
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_NE(notes[0].find("deploy.yaml:20:18: the Traefik version of image"), std::string::npos)
      << notes[0];
}

TEST(StaticConfigVersion, OptionsTheVersionDoesNotHaveAreDropped) {
  StaticConfigSource source;
  source.traefik_version = "2.11";
  source.native_lb_by_default = true;
  source.disable_cluster_scope_resources = true;
  source.default_rule_syntax = "v3";
  provider::StaticConfig config;
  std::vector<std::string> notes;
  std::string err;
  ASSERT_TRUE(BuildStaticConfig(source, &config, &notes, &err)) << err;
  EXPECT_FALSE(config.provider.native_lb_by_default);
  EXPECT_FALSE(config.provider.disable_cluster_scope_resources);
  EXPECT_EQ(config.default_rule_syntax, "v2");
  ASSERT_EQ(notes.size(), 2U);
  EXPECT_EQ(notes[0],
            "providers.kubernetesCRD.nativeLBByDefault is not an option of Traefik v2.11.53; "
            "ignored");

  source.traefik_version = "3.5";
  source.cross_provider_namespaces = std::vector<std::string>{"apps"};
  notes.clear();
  ASSERT_TRUE(BuildStaticConfig(source, &config, &notes, &err)) << err;
  EXPECT_TRUE(config.provider.native_lb_by_default);
  EXPECT_FALSE(config.provider.cross_provider_namespaces.has_value());
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_NE(notes[0].find("crossProviderNamespaces is not an option of Traefik v3.5.6"),
            std::string::npos);
}

}  // namespace
}  // namespace irtcp::config
