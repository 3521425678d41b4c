// Benchmarks of the rule language: parsing a typical rule and picking a route among 10 and
// 10,000 routes (exact HostSNI routes go through the SNI index; the rest are scanned).
#include <benchmark/benchmark.h>

#include <string>

#include "core/rule_lang/matcher.h"
#include "core/rule_lang/parser.h"
#include "core/rule_lang/route_table.h"

namespace {

using irtcp::rule_lang::Connection;
using irtcp::rule_lang::Error;
using irtcp::rule_lang::RouteSpec;
using irtcp::rule_lang::RouteTable;

constexpr const char* kTypicalRule =
    "HostSNI(`api.example.com`) && (ALPN(`h2`) || !ClientIP(`10.0.0.0/8`))";

void BM_ParseTypicalRule(benchmark::State& state) {
  for (auto _ : state) {
    Error err;
    auto rule = irtcp::rule_lang::Parse(kTypicalRule, &err);
    benchmark::DoNotOptimize(rule);
  }
}
BENCHMARK(BM_ParseTypicalRule);

void BM_CompileTypicalRule(benchmark::State& state) {
  for (auto _ : state) {
    Error err;
    auto rule = irtcp::rule_lang::Compile(kTypicalRule, irtcp::rule_lang::Syntax::kV3, &err);
    benchmark::DoNotOptimize(rule);
  }
}
BENCHMARK(BM_CompileTypicalRule);

// n routes: mostly exact HostSNI, plus a few scanned ones (regexp, ClientIP) and a catch-all.
RouteTable MakeTable(int n) {
  RouteTable table;
  for (int i = 0; i < n; ++i) {
    RouteSpec spec;
    spec.id = std::to_string(i);
    if (i % 100 == 7) {
      spec.match = "HostSNIRegexp(`^svc" + std::to_string(i) + "\\.internal$`)";
    } else if (i % 100 == 9) {
      spec.match = "HostSNI(`h" + std::to_string(i) + ".example.com`) && ClientIP(`10.0.0.0/8`)";
    } else {
      spec.match = "HostSNI(`h" + std::to_string(i) + ".example.com`)";
    }
    Error err;
    table.Add(spec, &err);
  }
  RouteSpec all;
  all.id = "catch-all";
  all.match = "HostSNI(`*`)";
  Error err;
  table.Add(all, &err);
  table.Build();
  return table;
}

void BM_PickExact(benchmark::State& state) {
  auto n = static_cast<int>(state.range(0));
  RouteTable table = MakeTable(n);
  Connection conn;
  conn.server_name = std::string("h").append(std::to_string(n / 2 + 1)).append(".example.com");
  conn.remote_ip = "10.1.2.3";
  for (auto _ : state) {
    benchmark::DoNotOptimize(table.Pick(conn));
  }
}
BENCHMARK(BM_PickExact)->Arg(10)->Arg(10000);

// Only exact-HostSNI routes (plus the catch-all): no scanning at all.
void BM_PickExactOnlyIndexed(benchmark::State& state) {
  auto n = static_cast<int>(state.range(0));
  RouteTable table;
  for (int i = 0; i < n; ++i) {
    RouteSpec spec;
    spec.id = std::to_string(i);
    spec.match = std::string("HostSNI(`h").append(std::to_string(i)).append(".example.com`)");
    Error err;
    table.Add(spec, &err);
  }
  table.Build();
  Connection conn;
  conn.server_name = std::string("h").append(std::to_string(n / 2 + 1)).append(".example.com");
  for (auto _ : state) {
    benchmark::DoNotOptimize(table.Pick(conn));
  }
}
BENCHMARK(BM_PickExactOnlyIndexed)->Arg(10)->Arg(10000);

void BM_PickMiss(benchmark::State& state) {
  auto n = static_cast<int>(state.range(0));
  RouteTable table = MakeTable(n);
  Connection conn;
  conn.server_name = "unknown.example.org";
  conn.remote_ip = "10.1.2.3";
  for (auto _ : state) {
    benchmark::DoNotOptimize(table.Pick(conn));
  }
}
BENCHMARK(BM_PickMiss)->Arg(10)->Arg(10000);

void BM_PickLinearExact(benchmark::State& state) {
  auto n = static_cast<int>(state.range(0));
  RouteTable table = MakeTable(n);
  Connection conn;
  conn.server_name = std::string("h").append(std::to_string(n / 2 + 1)).append(".example.com");
  for (auto _ : state) {
    benchmark::DoNotOptimize(table.PickLinear(conn));
  }
}
BENCHMARK(BM_PickLinearExact)->Arg(10)->Arg(10000);

}  // namespace

BENCHMARK_MAIN();
