// Traefik's runtime build errors for TCP middlewares (pkg/middlewares/tcp/ipallowlist,
// ipwhitelist; pkg/server/middleware/tcp), shared by resolve, serve and IRT412.
#include "core/provider/middleware_build.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace irtcp::provider {
namespace {

struct BuildCase {
  std::string name;
  Middleware mw;
  std::string want;           ///< "" = builds
  std::size_t bad_index = 0;  ///< checked when want is a parse error
};

void PrintTo(const BuildCase& c, std::ostream* os) { *os << c.name; }

Middleware Allow(std::vector<std::string> ranges) {
  Middleware m;
  m.ip_allow_list = SourceRange{std::move(ranges)};
  return m;
}
Middleware White(std::vector<std::string> ranges) {
  Middleware m;
  m.ip_white_list = SourceRange{std::move(ranges)};
  return m;
}

class MiddlewareBuild : public ::testing::TestWithParam<BuildCase> {};

TEST_P(MiddlewareBuild, TraefiksError) {
  const BuildCase& c = GetParam();
  std::size_t bad = 99;
  EXPECT_EQ(MiddlewareBuildError(c.mw, "apps-m@kubernetescrd", &bad), c.want);
  if (c.want.find("invalid CIDR address") != std::string::npos) {
    EXPECT_EQ(bad, c.bad_index);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, MiddlewareBuild,
    ::testing::Values(
        BuildCase{"AllowListOk", Allow({"10.0.0.0/8", "192.168.1.7", "2001:db8::/32"}), ""},
        BuildCase{"InFlightOnly",
                  [] {
                    Middleware m;
                    m.in_flight_conn = InFlightConn{5};
                    return m;
                  }(),
                  ""},
        BuildCase{"Octet", Allow({"10.0.0.0/8", "10.0.0.300/32"}),
                  "cannot parse CIDRs [10.0.0.0/8 10.0.0.300/32]: parsing CIDR trusted IPs "
                  "<nil>: invalid CIDR address: 10.0.0.300/32",
                  1},
        BuildCase{"Word", Allow({"not-an-ip"}),
                  "cannot parse CIDRs [not-an-ip]: parsing CIDR trusted IPs <nil>: invalid CIDR "
                  "address: not-an-ip",
                  0},
        BuildCase{"Space", Allow({" 10.1.0.0/16"}),
                  "cannot parse CIDRs [ 10.1.0.0/16]: parsing CIDR trusted IPs <nil>: invalid "
                  "CIDR address:  10.1.0.0/16",
                  0},
        BuildCase{"Empty", Allow({}), "sourceRange is empty, IPAllowLister not created"},
        BuildCase{"WhiteListEmpty", White({}), "sourceRange is empty, IPWhiteLister not created"},
        BuildCase{"WhiteListBad", White({"1.2.3.4/33"}),
                  "cannot parse CIDR whitelist [1.2.3.4/33]: parsing CIDR trusted IPs <nil>: "
                  "invalid CIDR address: 1.2.3.4/33",
                  0},
        BuildCase{"AllowListWinsOverWhiteList",
                  [] {
                    Middleware m = Allow({"10.0.0.0/8"});
                    m.ip_white_list = SourceRange{{"bogus"}};
                    return m;
                  }(),
                  ""},
        BuildCase{"NoType", Middleware{},
                  "invalid middleware \"apps-m@kubernetescrd\" configuration: invalid middleware "
                  "type or middleware does not exist"}),
    [](const ::testing::TestParamInfo<BuildCase>& p) { return p.param.name; });

TEST(MiddlewareBuild, EffectiveAllowList) {
  Middleware m = White({"10.0.0.0/8"});
  EXPECT_TRUE(EffectiveAllowList(m).white_list);
  m.ip_allow_list = SourceRange{{"192.168.0.0/16"}};
  EXPECT_FALSE(EffectiveAllowList(m).white_list);
  EXPECT_EQ(EffectiveAllowList(m).range, &*m.ip_allow_list);
  EXPECT_EQ(EffectiveAllowList(Middleware{}).range, nullptr);
}

}  // namespace
}  // namespace irtcp::provider
