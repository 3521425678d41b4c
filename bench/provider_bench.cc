// Provider engine + render throughput on a generated input (bench/gen_provider_corpus.py makes
// the full-size corpus for end-to-end `irtcp render` timing; this measures the stages alone).
#include <benchmark/benchmark.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "core/diag/diagnostic.h"
#include "core/model/catalog.h"
#include "core/model/object.h"
#include "core/provider/engine.h"
#include "core/render/render.h"

namespace {

std::string MakeCorpus(int routes) {
  std::string out;
  for (int i = 0; i < routes; ++i) {
    std::string ns = "team-" + std::to_string(i % 20);
    std::string svc = "svc-" + std::to_string(i);
    std::string port = std::to_string(5000 + i % 1000);
    auto add = [&out](std::initializer_list<std::string_view> parts) {
      for (std::string_view part : parts) {
        out += part;
      }
    };
    std::string index = std::to_string(i);
    add({"apiVersion: v1\nkind: Service\nmetadata:\n  name: ", svc, "\n  namespace: ", ns,
         "\nspec:\n  ports:\n    - name: tcp\n      port: ", port, "\n---\n"});
    add({"apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ", svc,
         "-x\n  namespace: ", ns, "\n  labels:\n    kubernetes.io/service-name: ", svc,
         "\nports:\n  - name: tcp\n    port: ", port,
         "\nendpoints:\n  - addresses: [10.0.0.1, 10.0.0.2]\n    conditions:\n      ready: ",
         "true\n---\n"});
    add({"apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r-", index,
         "\n  namespace: ", ns, "\nspec:\n  entryPoints: [tcp]\n  routes:\n    - match: HostSNI(`a",
         index, ".example.com`)\n      services:\n        - name: ", svc,
         "\n          port: ", port, "\n  tls:\n    passthrough: true\n---\n"});
  }
  return out;
}

}  // namespace

static void BM_LoadBuildRender(benchmark::State& state) {
  std::string text = MakeCorpus(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    irtcp::diag::DiagnosticSink sink;
    irtcp::model::InputSet input;
    input.AddSource(std::make_shared<irtcp::source::SourceFile>("bench.yaml", text), {}, sink);
    irtcp::model::Catalog catalog(input);
    irtcp::provider::Result result = irtcp::provider::Build(catalog, {});
    std::string out = irtcp::render::Render(result.config, irtcp::render::Format::kYaml, {});
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LoadBuildRender)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

static void BM_BuildOnly(benchmark::State& state) {
  std::string text = MakeCorpus(static_cast<int>(state.range(0)));
  irtcp::diag::DiagnosticSink sink;
  irtcp::model::InputSet input;
  input.AddSource(std::make_shared<irtcp::source::SourceFile>("bench.yaml", text), {}, sink);
  irtcp::model::Catalog catalog(input);
  for (auto _ : state) {
    irtcp::provider::Result result = irtcp::provider::Build(catalog, {});
    benchmark::DoNotOptimize(result.config.tcp.routers.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BuildOnly)->Arg(5000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
