// Schema validation speed: microseconds per IngressRouteTCP document, parsing excluded and
// included. Run: ./build/bench/irtcp_schema_bench (add --benchmark_min_time=2 for stabler
// figures). "us_per_doc" is the figure to compare with the ~20 us/doc budget.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "core/diag/diagnostic.h"
#include "core/model/object.h"
#include "core/schema/bundled.h"
#include "core/schema/compiled.h"
#include "core/schema/schema_set.h"

namespace {

using irtcp::schema::SchemaSet;

constexpr int kDocs = 100;  // one file of 100 documents, like the corpus

/// A realistic IngressRouteTCP; every seventh one has a schema error when `with_errors`.
std::string Document(int i, bool with_errors) {
  std::string n = std::to_string(i);
  std::string doc =
      "apiVersion: traefik.io/v1alpha1\n"
      "kind: IngressRouteTCP\n"
      "metadata:\n"
      "  name: route-" +
      n +
      "\n"
      "  namespace: team-" +
      std::to_string(i % 7) +
      "\n"
      "  labels:\n"
      "    app.kubernetes.io/name: db-" +
      n +
      "\n"
      "    app.kubernetes.io/part-of: platform\n"
      "  annotations:\n"
      "    example.com/owner: team-" +
      std::to_string(i % 7) +
      "\n"
      "spec:\n"
      "  entryPoints:\n"
      "    - websecure\n"
      "  routes:\n"
      "  - match: HostSNI(`db-" +
      n + ".example.com`) || HostSNI(`db-" + n +
      ".example.org`)\n"
      "    priority: " +
      std::to_string(10 + i % 5) +
      "\n"
      "    middlewares:\n"
      "    - name: allow-office\n"
      "    services:\n"
      "    - name: db-" +
      n +
      "\n"
      "      port: " +
      (i % 3 == 0 ? std::string("\"postgres\"") : std::to_string(5432)) +
      "\n"
      "      weight: 10\n"
      "    - name: db-" +
      n +
      "-replica\n"
      "      port: 5433\n"
      "      weight: 1\n"
      "      proxyProtocol:\n"
      "        version: 2\n"
      "  - match: HostSNI(`admin-" +
      n +
      ".example.com`)\n"
      "    services:\n"
      "    - name: admin-" +
      n +
      "\n"
      "      port: 8443\n"
      "  tls:\n"
      "    secretName: db-" +
      n +
      "-tls\n"
      "    options:\n"
      "      name: modern\n"
      "      namespace: default\n";
  if (with_errors && i % 7 == 0) {
    doc += "  entrypoints: [web]\n";  // unknown field
  }
  if (with_errors && i % 7 == 3) {
    doc += "  ingressClassName: yes\n";  // wrong type
  }
  return doc;
}

std::string Corpus(bool with_errors) {
  std::string text;
  for (int i = 0; i < kDocs; ++i) {
    text += "---\n" + Document(i, with_errors);
  }
  return text;
}

void ValidateOnly(benchmark::State& state, bool with_errors) {
  const SchemaSet& set = SchemaSet::Bundled();
  auto file = std::make_shared<const irtcp::source::SourceFile>("bench.yaml", Corpus(with_errors));
  irtcp::model::InputSet input;
  irtcp::diag::DiagnosticSink load_sink;
  input.AddSource(file, irtcp::yaml::LoadOptions{}, load_sink);
  std::size_t findings = 0;
  for (auto _ : state) {
    irtcp::diag::DiagnosticSink sink;
    for (const irtcp::model::Object& obj : input.objects()) {
      set.Validate(obj, sink);
    }
    findings = sink.diagnostics().size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["us_per_doc"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kDocs,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::kIs1000);
}

void BM_ValidateValid(benchmark::State& state) { ValidateOnly(state, false); }
void BM_ValidateWithErrors(benchmark::State& state) { ValidateOnly(state, true); }

void BM_ParseAndValidate(benchmark::State& state) {
  const SchemaSet& set = SchemaSet::Bundled();
  std::string text = Corpus(true);
  for (auto _ : state) {
    auto file = std::make_shared<const irtcp::source::SourceFile>("bench.yaml", text);
    irtcp::model::InputSet input;
    irtcp::diag::DiagnosticSink sink;
    input.AddSource(file, irtcp::yaml::LoadOptions{}, sink);
    for (const irtcp::model::Object& obj : input.objects()) {
      set.Validate(obj, sink);
    }
    benchmark::DoNotOptimize(sink.diagnostics().size());
  }
  state.counters["us_per_doc"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kDocs,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::kIs1000);
}

/// valijson over the tree adapter on the same documents: the engine irtcp uses for
/// non-structural --crd schemas, and the reason the bundled ones use the compiled validator.
void BM_ValijsonValid(benchmark::State& state) {
  const SchemaSet& set = SchemaSet::Bundled();
  auto file = std::make_shared<const irtcp::source::SourceFile>("bench.yaml", Corpus(false));
  irtcp::model::InputSet input;
  irtcp::diag::DiagnosticSink load_sink;
  input.AddSource(file, irtcp::yaml::LoadOptions{}, load_sink);
  const irtcp::schema::CompiledSchema* schema =
      set.FindForTest("traefik.io/v1alpha1", "IngressRouteTCP");
  schema->Valijson();  // built outside the timing
  for (auto _ : state) {
    int valid = 0;
    for (const irtcp::model::Object& obj : input.objects()) {
      valid += irtcp::schema::ValijsonAccepts(*schema, *obj.doc, obj.node) ? 1 : 0;
    }
    benchmark::DoNotOptimize(valid);
  }
  state.counters["us_per_doc"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kDocs,
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::kIs1000);
}

/// What the first SchemaSet::Bundled() call costs: compiling the 9 embedded schemas.
void BM_CompileBundled(benchmark::State& state) {
  for (auto _ : state) {
    for (const irtcp::schema::BundledSchema& b : irtcp::schema::BundledSchemas()) {
      std::string err;
      benchmark::DoNotOptimize(
          irtcp::schema::CompileSchema(b.group, b.version, b.kind, b.source, b.schema_json, &err));
    }
  }
}

}  // namespace

BENCHMARK(BM_ValidateValid);
BENCHMARK(BM_ValidateWithErrors);
BENCHMARK(BM_ParseAndValidate);
BENCHMARK(BM_ValijsonValid);
BENCHMARK(BM_CompileBundled);

BENCHMARK_MAIN();
