#include <algorithm>
#include <string>

#include "core/report/formatter.h"
#include "core/source/source_file.h"
#include "core/util/terminal.h"

namespace irtcp::report {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kBlue = "\x1b[1;34m";
constexpr std::string_view kReset = "\x1b[0m";

constexpr std::uint32_t kMaxSnippetChars = 160;

std::string Paint(bool on, std::string_view color, std::string_view text) {
  if (!on) {
    return std::string(text);
  }
  return std::string(color) + std::string(text) + std::string(kReset);
}

std::string_view SeverityColor(diag::Severity s) {
  switch (s) {
    case diag::Severity::kError:
      return kRed;
    case diag::Severity::kWarning:
      return kYellow;
    case diag::Severity::kInfo:
      return kCyan;
  }
  return kRed;
}

/// Appends the source line and a caret line under the finding's span.
void AppendSnippet(const diag::Diagnostic& d, const FormatOptions& options, std::string& out) {
  const source::SourceFile& file = *d.file;
  std::string_view line = file.LineText(d.location.line);
  std::uint32_t line_start = file.LineStart(d.location.line);
  // Byte range of the finding within the line.
  std::uint32_t begin = d.location.offset >= line_start ? d.location.offset - line_start : 0;
  begin = std::min<std::uint32_t>(begin, static_cast<std::uint32_t>(line.size()));
  std::uint32_t end = d.end_offset > d.location.offset ? d.end_offset - line_start : begin;
  end = std::clamp<std::uint32_t>(end, begin, static_cast<std::uint32_t>(line.size()));
  // Very long lines (a 50 MB scalar) show a window around the column.
  std::string_view shown = line;
  std::string prefix_mark;
  std::uint32_t col_chars = source::CountChars(line.substr(0, begin));
  if (source::CountChars(line) > kMaxSnippetChars) {
    std::uint32_t skip_chars = col_chars > 40 ? col_chars - 40 : 0;
    std::uint32_t skip = source::BytesForChars(line, skip_chars);
    shown = line.substr(skip);
    shown = shown.substr(0, source::BytesForChars(shown, kMaxSnippetChars));
    begin -= skip;
    end = std::min<std::uint32_t>(end - skip, static_cast<std::uint32_t>(shown.size()));
    if (skip > 0) {
      prefix_mark = "…";
    }
  }
  std::string number = std::to_string(d.location.line);
  std::string gutter(number.size() + 1, ' ');
  std::string pad(prefix_mark.empty() ? 0 : 1, ' ');
  // Control bytes show as escapes (util::AppendTerminalSafe), so the caret is placed by the
  // width of the escaped text before the finding, and the tildes span its escaped width.
  out += Paint(options.color, kBlue, " " + number + " |") + " " + prefix_mark +
         util::TerminalSafe(shown);
  if (shown.data() + shown.size() < line.data() + line.size()) {
    out += "…";
  }
  out += '\n';
  std::string caret(util::TerminalSafeWidth(shown.substr(0, begin)), ' ');
  caret += '^';
  std::size_t span_chars = util::TerminalSafeWidth(shown.substr(begin, end - begin));
  if (span_chars > 1) {
    caret.append(span_chars - 1, '~');
  }
  out += Paint(options.color, kBlue, gutter + " |") + " " + pad +
         Paint(options.color, SeverityColor(d.severity), caret) + '\n';
}

}  // namespace

std::string FormatText(const diag::Diagnostic& d, const FormatOptions& options) {
  std::string out;
  std::string where;
  if (d.file) {
    where = util::TerminalSafe(d.file->path());
    if (d.location.valid()) {
      where += ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column);
    }
    where += ": ";
  }
  out += Paint(options.color, kBold, where);
  out += Paint(options.color, SeverityColor(d.severity),
               std::string(diag::SeverityName(d.severity)) + ":");
  out += " ";
  util::AppendTerminalSafe(d.message, &out);  // a message never spans lines
  if (d.rule != nullptr) {
    out += " [" + std::string(d.rule->code) + " " + std::string(d.rule->name) + "]";
  }
  out += '\n';
  if (options.snippets && d.file && d.location.valid() && d.location.line <= d.file->line_count()) {
    AppendSnippet(d, options, out);
  }
  if (!d.help.empty()) {
    std::string gutter(
        d.file && d.location.valid() ? std::to_string(d.location.line).size() + 1 : 1, ' ');
    out += gutter + " = " + Paint(options.color, kBold, "help:") + " " +
           util::TerminalSafe(d.help) + '\n';
  }
  if (d.fix.has_value()) {
    std::string gutter(
        d.file && d.location.valid() ? std::to_string(d.location.line).size() + 1 : 1, ' ');
    out += gutter + " = " + Paint(options.color, kBold, "fix:") + " " +
           util::TerminalSafe(d.fix->description) +
           (d.fix->applicability == diag::Applicability::kSafe ? " (--fix)"
                                                               : " (--fix --unsafe-fixes)") +
           '\n';
  }
  return out;
}

namespace {

class TextFormatter : public Formatter {
 public:
  TextFormatter(std::ostream& out, const FormatOptions& options) : out_(out), options_(options) {}

  void Write(const std::vector<diag::Diagnostic>& diagnostics, const Summary& summary) override {
    (void)summary;
    for (const diag::Diagnostic& d : diagnostics) {
      out_ << FormatText(d, options_);
    }
  }

 private:
  std::ostream& out_;
  FormatOptions options_;
};

class GithubFormatter : public Formatter {
 public:
  explicit GithubFormatter(std::ostream& out) : out_(out) {}

  // GitHub workflow commands: ::error file=F,line=L,col=C,title=T::message
  void Write(const std::vector<diag::Diagnostic>& diagnostics, const Summary& summary) override {
    (void)summary;
    for (const diag::Diagnostic& d : diagnostics) {
      std::string_view level = d.severity == diag::Severity::kError     ? "error"
                               : d.severity == diag::Severity::kWarning ? "warning"
                                                                        : "notice";
      out_ << "::" << level;
      std::string props;
      if (d.file) {
        props += " file=" + Escape(d.file->path(), true);
        if (d.location.valid()) {
          props += ",line=" + std::to_string(d.location.line) +
                   ",col=" + std::to_string(d.location.column);
        }
      }
      if (d.rule != nullptr) {
        props += std::string(props.empty() ? " " : ",") + "title=" +
                 Escape(std::string(d.rule->code) + " " + std::string(d.rule->name), true);
      }
      out_ << props << "::" << Escape(d.message, false) << '\n';
    }
  }

 private:
  // The workflow-command encoding GitHub decodes (%, CR, LF; `:` and `,` in properties), after
  // every other byte a log viewer would act on (ESC sequences, NUL, bidi controls) is made a
  // visible escape as in text output: GitHub's log renders ANSI sequences.
  static std::string Escape(const std::string& raw, bool property) {
    std::string s;
    util::AppendTerminalSafeKeeping(raw, "\r\n", &s);
    std::string out;
    for (char c : s) {
      switch (c) {
        case '%':
          out += "%25";
          break;
        case '\r':
          out += "%0D";
          break;
        case '\n':
          out += "%0A";
          break;
        case ':':
          out += property ? "%3A" : ":";
          break;
        case ',':
          out += property ? "%2C" : ",";
          break;
        default:
          out += c;
      }
    }
    return out;
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Formatter> MakeTextFormatter(std::ostream& out, const FormatOptions& options) {
  return std::make_unique<TextFormatter>(out, options);
}

std::unique_ptr<Formatter> MakeGithubFormatter(std::ostream& out) {
  return std::make_unique<GithubFormatter>(out);
}

}  // namespace irtcp::report
