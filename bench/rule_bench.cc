// Benchmarks of the rule language: parsing a typical rule, picking a route among 10 and
// 10,000 routes (exact HostSNI routes go through the SNI index; the rest are scanned), and the
// route-overlap analysis of IRT123/IRT124 over 20,000 routes (indexed, and every pair).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/rule_lang/matcher.h"
#include "core/rule_lang/overlap.h"
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

// 70% exact names, 15% wildcards, 10% names under a wildcard, 5% regexps, on three entry
// points: the mix of bench/validate.sh's findings corpus.
struct OverlapInput {
  std::vector<irtcp::rule_lang::MatchExpr> exprs;
  std::vector<irtcp::rule_lang::OverlapRoute> routes;
};

const OverlapInput& Overlaps(std::size_t n) {
  static OverlapInput* input = nullptr;
  if (input != nullptr && input->routes.size() == n) {
    return *input;
  }
  delete input;
  input = new OverlapInput;
  input->exprs.reserve(n);
  const char* eps[] = {"web", "websecure", "db"};
  for (std::size_t i = 0; i < n; ++i) {
    std::string id = std::to_string(i);
    std::string match;
    switch (i % 20) {
      case 0:
        match = "HostSNIRegexp(`^q" + id + "\\.`)";
        break;
      case 1:
      case 2:
      case 3:
        match = "HostSNI(`*.z" + id + ".example.test`)";
        break;
      case 4:
      case 5:
        match = "HostSNI(`a.z" + std::to_string(i - 2) + ".example.test`)";
        break;
      default:
        match = "HostSNI(`h" + id + ".example.test`)";
    }
    Error err;
    input->exprs.push_back(*irtcp::rule_lang::Parse(match, &err));
    irtcp::rule_lang::OverlapRoute r;
    r.expr = &input->exprs.back();
    r.priority = static_cast<std::int64_t>(match.size());
    r.has_tls = true;
    r.entry_points = {eps[i % 3]};
    r.router_name = "r" + id;
    input->routes.push_back(std::move(r));
  }
  return *input;
}

void BM_FindOverlaps(benchmark::State& state) {
  const OverlapInput& in = Overlaps(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(irtcp::rule_lang::FindOverlaps(in.routes));
  }
}
BENCHMARK(BM_FindOverlaps)->Arg(3000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_FindOverlapsPairwise(benchmark::State& state) {
  const OverlapInput& in = Overlaps(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(irtcp::rule_lang::FindOverlapsPairwise(in.routes));
  }
}
BENCHMARK(BM_FindOverlapsPairwise)->Arg(3000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
