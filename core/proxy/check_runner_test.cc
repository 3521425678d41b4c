#include "core/proxy/check_runner.h"

#include <gtest/gtest.h>

#include <sstream>

namespace irtcp::proxy {
namespace {

TEST(CheckFile, ParsesEveryKey) {
  std::vector<CheckSpec> checks;
  std::string err;
  ASSERT_TRUE(ParseChecks("c.yaml", R"(checks:
  - name: db
    entryPoint: websecure
    sni: db.example.com
    alpn: [postgresql, h2]
    clientIP: 10.1.2.3
    send: "PING\r\n"
    expect:
      service: apps/db
      server: 10.42.0.7:5432
      tls: passthrough
      refused: false
)",
                          &checks, &err))
      << err;
  ASSERT_EQ(checks.size(), 1u);
  const CheckSpec& c = checks[0];
  EXPECT_EQ(c.location, "c.yaml:2:5");
  EXPECT_EQ(c.alpn, (std::vector<std::string>{"postgresql", "h2"}));
  EXPECT_EQ(c.send, "PING\r\n");
  EXPECT_EQ(*c.expect_server, "10.42.0.7:5432");
  EXPECT_EQ(*c.expect_refused, false);
}

// Strict: every bad input is an error with its position (exit 2 in the CLI).
TEST(CheckFile, ErrorsHavePositions) {
  struct Case {
    const char* text;
    const char* err;
  };
  const Case cases[] = {
      {"checks: [{name: a, entryPoint: e, expect: {refused: true}, snii: x}]\n",
       "c.yaml:1:60: unknown key \"snii\" (expected name, entryPoint, sni, alpn, clientIP, send, "
       "expect)"},
      {"checks:\n  - name: a\n    entryPoint: e\n    expect: {tls: yes-please}\n",
       "c.yaml:4:19: tls: expected passthrough, terminate or none, got \"yes-please\""},
      {"checks:\n  - name: a\n    entryPoint: e\n    expect: {refused: maybe}\n",
       "c.yaml:4:23: refused: expected true or false"},
      {"checks:\n  - name: a\n    entryPoint: e\n    clientIP: 10.0.0.300\n    expect: {refused: "
       "true}\n",
       "c.yaml:4:15: clientIP: \"10.0.0.300\" is not an IP address"},
      {"checks:\n  - name: a\n    entryPoint: e\n    expect: {service: db}\n",
       "c.yaml:4:23: service: expected NAMESPACE/NAME, got \"db\""},
      {"checks:\n  - name: a\n    entryPoint: e\n    expect: {server: db}\n",
       "c.yaml:4:22: server: expected HOST:PORT, got \"db\""},
      {"checks:\n  - name: a\n    entryPoint: e\n", "c.yaml:2:5: check \"a\" needs expect"},
      {"checks:\n  - name: a\n    expect: {refused: true}\n",
       "c.yaml:2:5: check \"a\" needs an entryPoint"},
      {"checks:\n  - {name: a, entryPoint: e, alpn: h2, expect: {refused: true}}\n",
       "c.yaml:2:36: alpn: expected a list of protocols"},
      {"checks:\n  - {name: a, entryPoint: e, expect: {refused: true}}\n  - {name: a, "
       "entryPoint: e, expect: {refused: true}}\n",
       "c.yaml:3:12: duplicate check name \"a\""},
      {"check: []\n", "c.yaml:1:1: unknown key \"check\" (expected checks)"},
      {"checks: {}\n", "c.yaml:1:9: checks: expected a list of checks"},
      {"checks: []\n", "c.yaml:1:1: no checks"},
      {"checks: [\n", "c.yaml:1:11: while parsing a flow node"},
      {"checks:\n  - name: [a]\n", "c.yaml:2:11: name: expected a string"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<CheckSpec> checks;
    std::string err;
    EXPECT_FALSE(ParseChecks("c.yaml", c.text, &checks, &err));
    EXPECT_TRUE(err.starts_with(c.err)) << err;
  }
}

TEST(CheckReport, Formats) {
  CheckSpec spec;
  spec.name = "db <tls>";
  spec.entry_point = "websecure";
  spec.location = "c.yaml:2:5";
  std::vector<CheckResult> results(2);
  results[0].spec = &spec;
  results[0].pass = true;
  results[0].expected = "apps/db tls=passthrough";
  results[0].got = "apps/db tls=passthrough";
  results[1].spec = &spec;
  results[1].expected = "refused";
  results[1].got = "apps/web tls=none";
  std::ostringstream text;
  WriteCheckReport(results, "text", text);
  EXPECT_EQ(text.str(),
            "CHECK     EXPECTED                 GOT                      RESULT\n"
            "db <tls>  apps/db tls=passthrough  apps/db tls=passthrough  pass\n"
            "db <tls>  refused                  apps/web tls=none        FAIL\n"
            "2 checks, 1 passed, 1 failed\n");
  std::ostringstream junit;
  WriteCheckReport(results, "junit", junit);
  EXPECT_NE(junit.str().find("<testcase name=\"db &lt;tls&gt;\""), std::string::npos);
  EXPECT_NE(junit.str().find("failures=\"1\""), std::string::npos);
  std::ostringstream json;
  WriteCheckReport(results, "json", json);
  EXPECT_NE(json.str().find("\"summary\":{\"checks\":2,\"passed\":1,\"failed\":1}"),
            std::string::npos);
}

}  // namespace
}  // namespace irtcp::proxy
