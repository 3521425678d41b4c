// JUnit XML as Jenkins, GitLab and Azure DevOps ingest it (kubeconform's mapping): one testsuite
// per file, one testcase per object, a <failure> per finding, and files that could not be loaded
// as <error>s.
#include <map>
#include <string>
#include <vector>

#include "core/report/formatter.h"

namespace irtcp::report {

namespace {

/// Escapes text for XML attributes and character data; drops characters XML 1.0 cannot carry.
std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        if (u >= 0x20) {
          out += c;
        }
    }
  }
  return out;
}

/// Findings that mean the file (or a document of it) could not be loaded: YAML syntax, encoding,
/// parser limits, size limit.
bool IsLoadError(const diag::Diagnostic& d) {
  std::string_view code = d.code();
  return code == "IRT001" || code == "IRT002" || code == "IRT006" || code == "IRT008";
}

constexpr std::string_view kFileCase = "(file)";

struct TestCase {
  std::string name;
  std::vector<const diag::Diagnostic*> findings;
  std::vector<std::string> tool_errors;
};

struct Suite {
  std::string name;
  std::vector<TestCase> cases;
  std::map<std::string, std::size_t> by_name;

  TestCase& Case(const std::string& case_name) {
    auto [it, inserted] = by_name.emplace(case_name, cases.size());
    if (inserted) {
      cases.push_back(TestCase{case_name, {}, {}});
    }
    return cases[it->second];
  }
};

class JunitFormatter : public Formatter {
 public:
  explicit JunitFormatter(std::ostream& out) : out_(out) {}

  void Write(const std::vector<diag::Diagnostic>& diagnostics, const Summary& summary) override {
    std::vector<Suite> suites;
    std::map<std::string, std::size_t> by_path;
    auto suite = [&](const std::string& path) -> Suite& {
      auto [it, inserted] = by_path.emplace(path, suites.size());
      if (inserted) {
        suites.push_back(Suite{path, {}, {}});
      }
      return suites[it->second];
    };
    for (const Summary::FileObjects& f : summary.inventory) {
      Suite& s = suite(f.path);
      for (const std::string& obj : f.objects) {
        s.Case(obj);
      }
    }
    for (const diag::Diagnostic& d : diagnostics) {
      Suite& s = suite(d.file ? d.file->path() : std::string("irtcp"));
      s.Case(d.object.empty() ? std::string(kFileCase) : d.object).findings.push_back(&d);
    }
    for (const std::string& e : summary.errors) {
      // "path: reason": the path is the suite.
      std::size_t colon = e.find(": ");
      std::string path = colon == std::string::npos ? e : e.substr(0, colon);
      suite(path).Case(std::string(kFileCase)).tool_errors.push_back(e);
    }
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::size_t errors = 0;
    std::string body;
    for (const Suite& s : suites) {
      std::size_t suite_failures = 0;
      std::size_t suite_errors = 0;
      std::string cases;
      for (const TestCase& c : s.cases) {
        cases += "    <testcase name=\"" + XmlEscape(c.name) + "\" classname=\"" +
                 XmlEscape(s.name) + "\"";
        if (c.findings.empty() && c.tool_errors.empty()) {
          cases += "/>\n";
          continue;
        }
        cases += ">\n";
        for (const diag::Diagnostic* d : c.findings) {
          bool load_error = IsLoadError(*d);
          (load_error ? suite_errors : suite_failures)++;
          std::string where = s.name;
          if (d->location.valid()) {
            where +=
                ":" + std::to_string(d->location.line) + ":" + std::to_string(d->location.column);
          }
          std::string code(d->code());
          std::string label = code.empty() ? "" : " [" + code + " " + std::string(d->name()) + "]";
          std::string element = load_error ? "error" : "failure";
          std::string text = where;
          text += ": ";
          text += diag::SeverityName(d->severity);
          text += ": ";
          text += d->message;
          text += label;
          cases += "      <";
          cases += element;
          cases += " message=\"";
          cases += XmlEscape(d->message);
          cases += "\" type=\"";
          cases += XmlEscape(code);
          cases += "\">";
          cases += XmlEscape(text);
          cases += "</";
          cases += element;
          cases += ">\n";
        }
        for (const std::string& e : c.tool_errors) {
          ++suite_errors;
          cases += "      <error message=\"" + XmlEscape(e) + "\" type=\"io\">" + XmlEscape(e) +
                   "</error>\n";
        }
        cases += "    </testcase>\n";
      }
      tests += s.cases.size();
      failures += suite_failures;
      errors += suite_errors;
      body += "  <testsuite name=\"" + XmlEscape(s.name) + "\" tests=\"" +
              std::to_string(s.cases.size()) + "\" failures=\"" + std::to_string(suite_failures) +
              "\" errors=\"" + std::to_string(suite_errors) + "\" skipped=\"0\" time=\"0\"" +
              (s.cases.empty() ? "/>\n" : ">\n" + cases + "  </testsuite>\n");
    }
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<testsuites name=\"irtcp\" tests=\"" << tests << "\" failures=\"" << failures
         << "\" errors=\"" << errors << "\" time=\"0\">\n"
         << body << "</testsuites>\n";
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> MakeJunitFormatter(std::ostream& out) {
  return std::make_unique<JunitFormatter>(out);
}

}  // namespace irtcp::report
