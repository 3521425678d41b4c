// Hostile inputs for the two readers of untrusted files: the manifest loader (and the whole
// validate pipeline behind it) and the Traefik static configuration reader (YAML, TOML, a
// Deployment's args). Each input must end as a finding or an error with a position, never a
// signal, a hang or unbounded memory. The inputs are generated here (nothing large is committed).
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/traefik_config.h"
#include "core/yaml/load.h"
#include "tests/golden.h"

#if defined(__SANITIZE_ADDRESS__)
#define IRTCP_HOSTILE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IRTCP_HOSTILE_ASAN 1
#endif
#endif

namespace irtcp {
namespace {

// The sizes the issue names. libyaml scans a plain scalar at about 25 MB/s, so the 50 MB scalar
// is read once, by the loader; the other readers get an 8 MB one (the same code paths). Under
// AddressSanitizer the big inputs are scaled down: every byte costs several times more there.
#ifdef IRTCP_HOSTILE_ASAN
constexpr std::size_t kHugeScalar = 8U << 20;
constexpr std::size_t kBigScalar = 2U << 20;
constexpr std::size_t kLongLine = 2U << 20;
constexpr bool kCheckMemory = false;
#else
constexpr std::size_t kHugeScalar = 50U << 20;
constexpr std::size_t kBigScalar = 8U << 20;
constexpr std::size_t kLongLine = 10U << 20;
constexpr bool kCheckMemory = true;
#endif
constexpr std::size_t kCliLine = 2U << 20;
constexpr std::size_t kDeep = 20'000;
constexpr std::size_t kManyKeys = 100'000;

std::string Repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

std::string RandomBytes(std::size_t n) {
  std::mt19937 rng(20261207);  // fixed seed: the same bytes on every run
  std::string out(n, '\0');
  for (char& c : out) {
    c = static_cast<char>(rng() & 0xFFU);
  }
  return out;
}

std::string BillionLaughs() {
  std::string s = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    s += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) {
      s += (j > 0 ? ", " : "") + prev;
    }
    s += "]\n";
  }
  return s;
}

std::string ManyKeysYaml() {
  std::string s = "m:\n";
  for (std::size_t i = 0; i < kManyKeys; ++i) {
    s += "  k" + std::to_string(i) + ": v\n";
  }
  return s;
}

std::string Utf16Le(std::string_view ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string Utf16Be(std::string_view ascii) {
  std::string out = "\xFE\xFF";
  for (char c : ascii) {
    out += '\0';
    out += c;
  }
  return out;
}

/// One hostile manifest: the text, and the finding the loader must report (code "" = none,
/// then the document must load) at line:col (0 = any position).
struct LoaderCase {
  const char* name;
  std::function<std::string()> make;
  const char* code;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::size_t docs = 0;  ///< documents loaded
};

std::vector<LoaderCase> LoaderCases() {
  return {
      {"billion laughs", BillionLaughs, "IRT006", 7, 0, 0},
      {"block nesting", [] { return Repeat("- ", kDeep) + "x\n"; }, "IRT006", 1, 1025, 0},
      {"flow nesting", [] { return Repeat("[", kDeep) + Repeat("]", kDeep) + "\n"; }, "IRT006", 1,
       513, 0},
      {"flow mapping nesting", [] { return Repeat("{a: ", kDeep) + "b" + Repeat("}", kDeep); },
       "IRT006", 1, 0, 0},
      {"50 MB scalar", [] { return "v: " + std::string(kHugeScalar, 'a') + "\n"; }, "", 0, 0, 1},
      {"8 MB quoted scalar", [] { return "v: \"" + Repeat("ab\\t", kBigScalar / 4) + "\"\n"; }, "",
       0, 0, 1},
      {"random bytes", [] { return RandomBytes(1U << 20); }, "IRT002", 0, 0, 0},
      {"invalid UTF-8", [] { return std::string("a: b\nc: caf\xE9\n"); }, "IRT002", 2, 7, 0},
      {"overlong UTF-8", [] { return std::string("a: \xC0\xAF\n"); }, "IRT002", 1, 4, 0},
      {"UTF-16 LE with BOM", [] { return Utf16Le("a: b\n"); }, "IRT002", 1, 1, 0},
      {"UTF-16 BE with BOM", [] { return Utf16Be("a: b\n"); }, "IRT002", 1, 1, 0},
      {"NUL bytes", [] { return std::string("a: b\nc: d\0\0e\n", 13); }, "IRT002", 2, 5, 0},
      {"control byte on line 6",
       [] { return std::string("a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: x\x01y\n"); }, "IRT001", 6, 5, 0},
      {"ESC byte", [] { return std::string("a: \x1b]0;pwned\x07\n"); }, "IRT001", 1, 4, 0},
      {"100,000 keys", ManyKeysYaml, "", 0, 0, 1},
      {"100,000 duplicate keys", [] { return "m:\n" + Repeat("  k: v\n", kManyKeys); }, "IRT004", 3,
       3, 1},
      {"10 MB comment line", [] { return "a: b # " + std::string(kLongLine, 'c') + "\n"; }, "", 0,
       0, 1},
      {"10 MB flow line",
       [] { return "a: [" + Repeat(std::string(97, 'x') + ", ", kLongLine / 100) + "x]\n"; }, "", 0,
       0, 1},
      {"control byte at the end of a 10 MB line",
       [] { return "a: " + std::string(kLongLine, 'x') + "\x02\n"; }, "IRT001", 1, 0, 0},
      {"unclosed quote over 10 MB", [] { return "a: \"" + std::string(kLongLine, 'x'); }, "IRT001",
       1, 4, 0},
  };
}

TEST(HostileInput, Loader) {
  for (const LoaderCase& c : LoaderCases()) {
    SCOPED_TRACE(c.name);
    auto file = std::make_shared<source::SourceFile>("input.yaml", c.make());
    diag::DiagnosticSink sink;
    std::vector<yaml::Document> docs = yaml::ParseStream(file, yaml::LoadOptions{}, sink);
    EXPECT_EQ(docs.size(), c.docs);
    if (std::string_view(c.code).empty()) {
      for (const diag::Diagnostic& d : sink.diagnostics()) {
        ADD_FAILURE() << "unexpected " << d.code() << " at " << d.location.line << ":"
                      << d.location.column << ": " << d.message.substr(0, 200);
      }
      continue;
    }
    ASSERT_FALSE(sink.diagnostics().empty());
    const diag::Diagnostic& d = sink.diagnostics().front();
    EXPECT_EQ(d.code(), c.code) << d.message.substr(0, 200);
    EXPECT_TRUE(d.location.valid());
    if (c.line != 0) {
      EXPECT_EQ(d.location.line, c.line) << d.message.substr(0, 200);
    }
    if (c.column != 0) {
      EXPECT_EQ(d.location.column, c.column) << d.message.substr(0, 200);
    }
  }
}

/// A Traefik static configuration: the file name (its extension picks the format) and the text.
struct ConfigCase {
  const char* name;
  const char* file;
  std::function<std::string()> make;
  bool ok;  ///< read without error; otherwise *err names file:line:col
};

std::string DeploymentWithArgs(const std::string& args_items) {
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: traefik}\nspec:\n  template:\n"
         "    spec:\n      containers:\n      - name: traefik\n        image: traefik:v3.1\n"
         "        args:\n" +
         args_items;
}

std::vector<ConfigCase> ConfigCases() {
  return {
      {"yaml billion laughs", "t.yaml", BillionLaughs, false},
      {"yaml block nesting", "t.yaml", [] { return Repeat("- ", kDeep) + "x\n"; }, false},
      {"yaml flow nesting", "t.yaml", [] { return Repeat("[", kDeep) + Repeat("]", kDeep); },
       false},
      {"yaml map nesting", "t.yaml",
       [] {
         std::string s;
         for (std::size_t i = 0; i < 600; ++i) {
           s += std::string(i, ' ') + "a:\n";
         }
         return s;
       },
       false},
      {"yaml 8 MB scalar", "t.yaml",
       [] { return "log:\n  level: " + std::string(kBigScalar, 'a') + "\n"; }, true},
      {"yaml random bytes", "t.yaml", [] { return RandomBytes(1U << 20); }, false},
      {"yaml invalid UTF-8", "t.yaml", [] { return std::string("log:\n  level: caf\xE9\n"); },
       false},
      {"yaml UTF-16 with BOM", "t.yaml", [] { return Utf16Le("log:\n  level: INFO\n"); }, false},
      {"yaml NUL bytes", "t.yaml", [] { return std::string("log:\n  level: a\0b\n", 18); }, false},
      {"yaml 100,000 keys", "t.yaml",
       [] {
         std::string s = "entryPoints:\n";
         for (std::size_t i = 0; i < kManyKeys; ++i) {
           s += "  e" + std::to_string(i) + ": {address: \":" + std::to_string(1000 + i % 60000) +
                "\"}\n";
         }
         return s;
       },
       true},
      {"yaml 10 MB line", "t.yaml",
       [] { return "log:\n  level: INFO # " + std::string(kLongLine, 'c') + "\n"; }, true},
      {"toml nested arrays", "t.toml",
       [] { return "a = " + Repeat("[", kDeep) + Repeat("]", kDeep) + "\n"; }, false},
      {"toml nested inline tables", "t.toml",
       [] { return "a = " + Repeat("{b = ", kDeep) + "1" + Repeat("}", kDeep) + "\n"; }, false},
      {"toml deep dotted table", "t.toml", [] { return "[a" + Repeat(".a", kDeep) + "]\n"; },
       false},
      {"toml deep dotted key", "t.toml", [] { return "a" + Repeat(".a", kDeep) + " = 1\n"; },
       false},
      {"toml 8 MB string", "t.toml",
       [] { return "[log]\nlevel = \"" + std::string(kBigScalar, 'a') + "\"\n"; }, true},
      {"toml random bytes", "t.toml", [] { return RandomBytes(1U << 20); }, false},
      {"toml invalid UTF-8", "t.toml", [] { return std::string("[log]\nlevel = \"caf\xE9\"\n"); },
       false},
      {"toml UTF-16 with BOM", "t.toml", [] { return Utf16Le("[log]\nlevel = \"INFO\"\n"); },
       false},
      {"toml NUL bytes", "t.toml", [] { return std::string("[log]\nlevel = \"a\0b\"\n", 20); },
       false},
      {"toml 100,000 keys", "t.toml",
       [] {
         std::string s = "[entryPoints]\n";
         for (std::size_t i = 0; i < kManyKeys; ++i) {
           s += "  [entryPoints.e" + std::to_string(i) +
                "]\n    address = \":" + std::to_string(1000 + i % 60000) + "\"\n";
         }
         return s;
       },
       true},
      {"toml 10 MB line", "t.toml",
       [] { return "[log]\nlevel = \"INFO\" # " + std::string(kLongLine, 'c') + "\n"; }, true},
      {"deployment 100,000 args", "d.yaml",
       [] {
         std::string items;
         for (std::size_t i = 0; i < kManyKeys; ++i) {
           items += "        - --entrypoints.e" + std::to_string(i) +
                    ".address=:" + std::to_string(1000 + i % 60000) + "\n";
         }
         return DeploymentWithArgs(items);
       },
       true},
      {"deployment 10 MB arg", "d.yaml",
       [] {
         return DeploymentWithArgs("        - --log.level=" + std::string(kLongLine, 'a') + "\n");
       },
       true},
      // Options irtcp does not model are left to Traefik.
      {"deployment deep arg key", "d.yaml",
       [] { return DeploymentWithArgs("        - --a" + Repeat(".a", kDeep) + "=1\n"); }, true},
      {"deployment control bytes in an unmodelled arg", "d.yaml",
       [] { return DeploymentWithArgs("        - \"--log.level=\\e]0;x\\a\\0\"\n"); }, true},
      {"deployment control bytes in a boolean arg", "d.yaml",
       [] {
         return DeploymentWithArgs(
             "        - \"--providers.kubernetescrd.allowCrossNamespace=\\e]0;x\\a\\0\"\n");
       },
       false},
  };
}

/// "t.yaml:12:3: ..." (or t.toml, d.yaml): the message starts with a position.
bool Positioned(std::string_view err) {
  std::size_t colon = err.find(':');
  std::string_view file = err.substr(0, colon);
  if (colon == std::string_view::npos ||
      (file != "t.yaml" && file != "t.toml" && file != "d.yaml")) {
    return false;
  }
  std::size_t i = colon + 1;
  for (int field = 0; field < 2; ++field) {
    std::size_t digits = i;
    while (i < err.size() && err[i] >= '0' && err[i] <= '9') {
      ++i;
    }
    if (i == digits || i >= err.size() || err[i] != ':') {
      return false;
    }
    ++i;
  }
  return i < err.size() && err[i] == ' ';
}

TEST(HostileInput, TraefikConfig) {
  for (const ConfigCase& c : ConfigCases()) {
    SCOPED_TRACE(c.name);
    std::string err;
    std::optional<config::TraefikConfig> cfg =
        config::ParseTraefikConfig(c.file, c.make(), config::ConfigFormat::kAuto, &err);
    EXPECT_EQ(cfg.has_value(), c.ok) << err.substr(0, 300);
    if (!c.ok) {
      EXPECT_TRUE(Positioned(err)) << err.substr(0, 300);
      EXPECT_LT(err.size(), 1000U) << "an error message quotes the input at length";
    }
  }
}

/// Whole runs of the real binary: `irtcp validate` on the hostile manifest, the payload in an
/// IngressRouteTCP where the checks read it. Exit 1 (a finding) or 2, never a signal.
struct CliCase {
  const char* name;
  std::function<std::string()> make;
  int exit_code;
  const char* stdout_has;
};

std::string Route(const std::string& match) {
  return "apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: r\n"
         "spec:\n  entryPoints: [websecure]\n  routes:\n  - match: " +
         match + "\n    services:\n    - name: s\n      port: 80\n";
}

std::vector<CliCase> CliCases() {
  return {
      {"billion laughs", BillionLaughs, 1, "[IRT006 yaml-limits]"},
      {"block nesting", [] { return Repeat("- ", kDeep) + "x\n"; }, 1, "[IRT006 yaml-limits]"},
      {"flow nesting", [] { return Repeat("[", kDeep) + Repeat("]", kDeep) + "\n"; }, 1,
       "[IRT006 yaml-limits]"},
      // validate maps each finding in a `match` back to the file (still about 0.3 s per MB of
      // match): the whole pipeline gets 2 MB; the loader alone reads the big scalars above.
      {"2 MB match", [] { return Route("HostSNI(`" + std::string(kCliLine, 'a') + "`)"); }, 1,
       "error: "},
      {"random bytes", [] { return RandomBytes(1U << 20); }, 1, "[IRT002 invalid-encoding]"},
      {"UTF-16 with BOM", [] { return Utf16Le(Route("HostSNI(`a.example.com`)")); }, 1,
       "[IRT002 invalid-encoding]"},
      {"NUL bytes", [] { return Route(std::string("HostSNI(`a\0`)", 13)); }, 1,
       "[IRT002 invalid-encoding]"},
      {"100,000 labels",
       [] {
         std::string labels;
         for (std::size_t i = 0; i < kManyKeys; ++i) {
           labels += "    l" + std::to_string(i) + ": v\n";
         }
         std::string r = Route("HostSNI(`*`) && ClientIP(`300.0.0.1`)");
         return r.insert(r.find("spec:"), "  labels:\n" + labels);
       },
       1, "[IRT1"},
      {"2 MB match line",
       [] {
         return Route("HostSNI(`a.example.com`)" + Repeat(" || HostSNI(`b.example.com`)", 1) +
                      std::string(kCliLine, ' ') + "&&");
       },
       1, "[IRT101 rule-syntax-error]"},
      {"escape sequences in values",
       [] { return Route("\"HostSNI(`\\e]0;pwned\\a`) \\r\\n\\0\""); }, 1, "illegal character NUL"},
  };
}

long MaxChildRssKb() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return usage.ru_maxrss;
}

TEST(HostileInput, ValidateCli) {
  for (const CliCase& c : CliCases()) {
    SCOPED_TRACE(c.name);
    irtcp::testing::RunResult r = irtcp::testing::RunIrtcp(
        {"validate", "--color", "never", "--stdin-filename", "input.yaml", "-"},
        irtcp::testing::SourceDir(), c.make());
    EXPECT_EQ(r.exit_code, c.exit_code) << r.err.substr(0, 500);
    EXPECT_NE(r.out.find(c.stdout_has), std::string::npos) << r.out.substr(0, 1000);
    for (char ch : r.out + r.err) {
      auto u = static_cast<unsigned char>(ch);
      if ((u < 0x20 && ch != '\n') || u == 0x7F) {
        ADD_FAILURE() << "control byte " << static_cast<int>(u) << " on the terminal";
        break;
      }
    }
  }
  if (kCheckMemory) {
    // The largest child (the 50 MB input): a bounded multiple of its size.
    EXPECT_LT(MaxChildRssKb(), 600L * 1024) << "peak RSS of one run, KiB";
  }
}

}  // namespace
}  // namespace irtcp
