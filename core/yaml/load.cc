#include "core/yaml/load.h"

#include <yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/util/utf8.h"
#include "core/yaml/scalar_types.h"

namespace irtcp::yaml {

const diag::RuleInfo kYamlSyntax{"IRT001",
                                 "yaml-syntax",
                                 "the file is not valid YAML",
                                 R"md(## What it does
Reports YAML that cannot be parsed: bad indentation, tabs used for indentation, unclosed quotes
or brackets, a mapping value where none is allowed, a merge key (`<<`) whose value is not a
mapping.

## Why is this bad?
`kubectl apply` refuses the whole file, and a GitOps controller stops syncing it. Traefik never
sees any object in it.

## How to fix
Fix the YAML at the reported line and column. The message is libyaml's, the parser kubectl's own
YAML library was ported from. Indent with spaces, never tabs.

## Fix safety
No automatic fix.
)md",
                                 diag::Severity::kError,
                                 diag::FixAvailability::kNone};

const diag::RuleInfo kInvalidEncoding{"IRT002",
                                      "invalid-encoding",
                                      "the file is binary or not UTF-8",
                                      R"md(## What it does
Reports files that contain NUL bytes (binary files) or bytes that are not valid UTF-8.

## Why is this bad?
Kubernetes manifests must be UTF-8 text. kubectl rejects other encodings, and a binary file
given to a linter is almost always a mistake in a glob or a path.

## How to fix
Re-encode the file as UTF-8 (for example `iconv -f latin1 -t utf-8`), or stop passing the binary
file to irtcp.

## Fix safety
No automatic fix.
)md",
                                      diag::Severity::kError,
                                      diag::FixAvailability::kNone};

const diag::RuleInfo kDuplicateKey{"IRT004",
                                   "duplicate-key",
                                   "a mapping has the same key twice",
                                   R"md(## What it does
Reports a key that appears twice in the same YAML mapping, at its second occurrence.

## Why is this bad?
YAML says keys are unique, but kubectl silently keeps only one of the values (the last), so the
first one you wrote never reaches the cluster. Reviewers reading the first one are misled.

## How to fix
Delete one of the two entries, or merge them.

## Fix safety
No automatic fix: only you know which value was meant.
)md",
                                   diag::Severity::kError,
                                   diag::FixAvailability::kNone};

const diag::RuleInfo kYamlLimits{"IRT006",
                                 "yaml-limits",
                                 "the document is nested too deeply or aliases expand too far",
                                 R"md(## What it does
Reports documents that nest deeper than the loader's limit, or whose aliases expand to more
nodes than the limit ("billion laughs").

## Why is this bad?
No real Kubernetes object nests that deep, and such documents are used to exhaust the memory of
the tools that read them. kubectl's YAML library rejects excessive aliasing too.

## How to fix
Flatten the document, or expand the aliases by hand.

## Fix safety
No automatic fix.
)md",
                                 diag::Severity::kError,
                                 diag::FixAvailability::kNone};

namespace {

struct Chunk {
  std::uint32_t begin = 0;  // byte offset in the file
  std::uint32_t end = 0;
  std::uint32_t line0 = 0;  // 0-based line of `begin`
};

bool IsDocumentSeparator(std::string_view text, std::size_t pos) {
  if (text.compare(pos, 3, "---") != 0) {
    return false;
  }
  if (pos + 3 == text.size()) {
    return true;
  }
  char c = text[pos + 3];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Splits at lines that start with `---` (the separator line starts the next chunk).
std::vector<Chunk> SplitDocuments(std::string_view text) {
  std::vector<Chunk> chunks;
  Chunk current;
  std::uint32_t line0 = 0;
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {  // a UTF-8 byte order mark is not content
    current.begin = 3;
    pos = 3;
  }
  while (pos < text.size()) {
    if (pos != current.begin && IsDocumentSeparator(text, pos)) {
      current.end = static_cast<std::uint32_t>(pos);
      chunks.push_back(current);
      current = Chunk{static_cast<std::uint32_t>(pos), 0, line0};
    }
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      break;
    }
    pos = nl + 1;
    ++line0;
  }
  current.end = static_cast<std::uint32_t>(text.size());
  chunks.push_back(current);
  return chunks;
}

/// Builds Documents from the libyaml events of one chunk.
class Builder {
 public:
  Builder(const source::SourceFilePtr& file, const Chunk& chunk, const LoadOptions& options,
          diag::DiagnosticSink& sink, std::vector<Document>& out)
      : file_(file), chunk_(chunk), options_(options), sink_(sink), out_(out) {}

  void Run();

 private:
  struct Frame {
    NodeId id = kNoNode;
    bool is_map = false;
    std::vector<NodeId> children;
    std::string anchor;
  };

  source::Location Loc(const yaml_mark_t& mark) const {
    return file_->FromMark(chunk_.line0 + static_cast<std::uint32_t>(mark.line),
                           static_cast<std::uint32_t>(mark.column));
  }
  void ReportAt(const diag::RuleInfo& rule, const yaml_mark_t& mark, std::string message) {
    sink_.Report(rule, file_, Loc(mark), std::move(message));
  }
  bool Handle(const yaml_event_t& ev);
  void StartDocument();
  void AddToParent(NodeId id, std::uint64_t weight);
  bool OpenCollection(const yaml_event_t& ev, bool is_map);
  bool CloseCollection(const yaml_event_t& ev);
  bool FinishMapping(Frame& frame);

  const source::SourceFilePtr& file_;
  const Chunk& chunk_;
  const LoadOptions& options_;
  diag::DiagnosticSink& sink_;
  std::vector<Document>& out_;

  Document* doc_ = nullptr;
  std::vector<Frame> stack_;
  std::size_t depth_ = 0;  // frames in use (stack_ keeps allocations between documents)
  std::unordered_map<std::string, NodeId> anchors_;
  std::vector<std::uint64_t> weight_;  // expanded size per node
  std::uint64_t expanded_ = 0;
  bool abandon_ = false;
  std::vector<bool> drop_;          // scratch for FinishMapping
  std::vector<NodeId> scratch_;     // scratch for FinishMapping
  Document::BuildBuffers buffers_;  // a document's storage while it is built
};

void Builder::StartDocument() {
  out_.emplace_back(file_);
  doc_ = &out_.back();
  doc_->StartBuild(&buffers_);
  depth_ = 0;
  anchors_.clear();
  weight_.clear();
  expanded_ = 0;
  abandon_ = false;
}

void Builder::AddToParent(NodeId id, std::uint64_t weight) {
  if (depth_ == 0) {
    doc_->set_root(id);
    return;
  }
  Frame& parent = stack_[depth_ - 1];
  parent.children.push_back(id);
  (void)weight;
}

bool Builder::OpenCollection(const yaml_event_t& ev, bool is_map) {
  if (depth_ + 1 > options_.max_depth) {
    ReportAt(kYamlLimits, ev.start_mark,
             "document nests deeper than " + std::to_string(options_.max_depth) +
                 " levels; the rest of it is not checked");
    abandon_ = true;
    return false;
  }
  Node n;
  n.kind = is_map ? NodeKind::kMapping : NodeKind::kSequence;
  n.style = ScalarStyle::kNone;
  n.flow = is_map ? ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                  : ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
  n.loc = Loc(ev.start_mark);
  n.begin = n.loc.offset;
  NodeId id = doc_->AddNode(n);
  weight_.push_back(1);
  if (stack_.size() <= depth_) {
    stack_.emplace_back();
  }
  Frame& f = stack_[depth_++];
  f.id = id;
  f.is_map = is_map;
  f.children.clear();
  const yaml_char_t* anchor = is_map ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
  f.anchor = anchor != nullptr ? reinterpret_cast<const char*>(anchor) : "";
  return true;
}

bool Builder::FinishMapping(Frame& frame) {
  std::vector<NodeId>& kids = frame.children;
  const std::size_t n_pairs = kids.size() / 2;
  auto key_text = [&](NodeId k) -> std::string_view {
    return doc_->IsScalar(k) ? doc_->Text(k) : std::string_view();
  };
  // Merge keys (`<<`, plain) are rare: look for one before doing any work for them.
  bool has_merge = false;
  for (std::size_t i = 0; i < n_pairs; ++i) {
    const Node& k = doc_->node(kids[2 * i]);
    if (k.kind == NodeKind::kScalar && k.style == ScalarStyle::kPlain && k.value_length == 2 &&
        doc_->Text(kids[2 * i]) == "<<") {
      has_merge = true;
      break;
    }
  }
  // Duplicate explicit keys: report the later occurrence, keep the last value (as kubectl does).
  // Small mappings (nearly all) compare pairwise; large ones use a hash map.
  drop_.assign(n_pairs, false);
  bool any_drop = false;
  auto report_duplicate = [&](std::size_t first, std::size_t later) {
    const Node& kn = doc_->node(kids[2 * later]);
    const Node& fn = doc_->node(kids[2 * first]);
    sink_
        .Report(kDuplicateKey, file_, kn.loc,
                "duplicate key \"" + diag::Shorten(key_text(kids[2 * later])) +
                    "\" (first defined at line " + std::to_string(fn.loc.line) +
                    "); kubectl silently keeps only this last value")
        .end_offset = kn.end;
    drop_[first] = true;
    any_drop = true;
  };
  if (n_pairs <= 16) {
    for (std::size_t j = 1; j < n_pairs; ++j) {
      NodeId kj = kids[2 * j];
      if (!doc_->IsScalar(kj)) {
        continue;
      }
      std::string_view tj = doc_->Text(kj);
      for (std::size_t i = j; i-- > 0;) {
        if (!drop_[i] && doc_->IsScalar(kids[2 * i]) && doc_->Text(kids[2 * i]) == tj &&
            !(has_merge && tj == "<<")) {
          report_duplicate(i, j);
          break;
        }
      }
    }
  } else {
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(n_pairs);
    for (std::size_t p = 0; p < n_pairs; ++p) {
      NodeId k = kids[2 * p];
      if (!doc_->IsScalar(k) || (has_merge && doc_->Text(k) == "<<")) {
        continue;
      }
      auto [it, inserted] = seen.emplace(doc_->Text(k), p);
      if (!inserted) {
        report_duplicate(it->second, p);
        it->second = p;
      }
    }
  }
  if (!has_merge && !any_drop) {
    return true;
  }
  scratch_.clear();
  std::vector<NodeId> merges;
  std::unordered_set<std::string_view> present;
  for (std::size_t p = 0; p < n_pairs; ++p) {
    NodeId k = kids[2 * p];
    const Node& kn = doc_->node(k);
    if (has_merge && kn.kind == NodeKind::kScalar && kn.style == ScalarStyle::kPlain &&
        doc_->Text(k) == "<<") {
      merges.push_back(kids[2 * p + 1]);
      continue;
    }
    if (drop_[p]) {
      continue;
    }
    scratch_.push_back(k);
    scratch_.push_back(kids[2 * p + 1]);
    present.insert(key_text(k));
  }
  // Merge keys: explicit keys win; among merged maps, the earlier one wins.
  auto merge_map = [&](NodeId m) {
    for (std::uint32_t i = 0; i < doc_->Size(m); ++i) {
      NodeId k = doc_->KeyAt(m, i);
      if (present.insert(key_text(k)).second) {
        scratch_.push_back(k);
        scratch_.push_back(doc_->ValueAt(m, i));
      }
    }
  };
  for (NodeId v : merges) {
    if (doc_->IsMapping(v)) {
      merge_map(v);
    } else if (doc_->IsSequence(v)) {
      for (std::uint32_t i = 0; i < doc_->Size(v); ++i) {
        NodeId item = doc_->ItemAt(v, i);
        if (!doc_->IsMapping(item)) {
          sink_.Report(kYamlSyntax, file_, doc_->node(item).loc,
                       "map merge requires map or sequence of maps as the value");
          continue;
        }
        merge_map(item);
      }
    } else {
      sink_.Report(kYamlSyntax, file_, doc_->node(v).loc,
                   "map merge requires map or sequence of maps as the value");
    }
  }
  kids.swap(scratch_);
  return true;
}

bool Builder::CloseCollection(const yaml_event_t& ev) {
  if (depth_ == 0) {
    return false;
  }
  Frame& f = stack_[depth_ - 1];
  if (f.is_map) {
    FinishMapping(f);
  }
  std::uint64_t weight = 1;
  for (NodeId c : f.children) {
    weight += weight_[c];
  }
  weight_[f.id] = std::min<std::uint64_t>(weight, options_.max_expanded_nodes + 1);
  Node& n = doc_->mutable_node(f.id);
  n.first = doc_->AddChildren(f.children.data(), f.children.size());
  n.count = static_cast<std::uint32_t>(f.is_map ? f.children.size() / 2 : f.children.size());
  n.end = Loc(ev.end_mark).offset;
  if (!f.anchor.empty()) {
    anchors_[f.anchor] = f.id;
  }
  NodeId id = f.id;
  --depth_;
  AddToParent(id, weight);
  return true;
}

bool Builder::Handle(const yaml_event_t& ev) {
  switch (ev.type) {
    case YAML_DOCUMENT_START_EVENT:
      StartDocument();
      return true;
    case YAML_DOCUMENT_END_EVENT:
      if (doc_ != nullptr && (doc_->root() == kNoNode || doc_->IsNull(doc_->root()))) {
        out_.pop_back();  // empty document ("---" alone, comments only)
      } else if (doc_ != nullptr) {
        doc_->set_index(static_cast<std::uint32_t>(out_.size() - 1));
        doc_->FinishBuild(&buffers_);
      }
      doc_ = nullptr;
      return true;
    case YAML_SCALAR_EVENT: {
      Node n;
      n.kind = NodeKind::kScalar;
      switch (ev.data.scalar.style) {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE:
          n.style = ScalarStyle::kSingleQuoted;
          break;
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
          n.style = ScalarStyle::kDoubleQuoted;
          break;
        case YAML_LITERAL_SCALAR_STYLE:
          n.style = ScalarStyle::kLiteral;
          break;
        case YAML_FOLDED_SCALAR_STYLE:
          n.style = ScalarStyle::kFolded;
          break;
        default:
          n.style = ScalarStyle::kPlain;
          break;
      }
      std::string_view value(reinterpret_cast<const char*>(ev.data.scalar.value),
                             ev.data.scalar.length);
      n.value_offset = doc_->AddString(value);
      n.value_length = static_cast<std::uint32_t>(value.size());
      const char* tag = reinterpret_cast<const char*>(ev.data.scalar.tag);
      ResolveScalar(value, n.style == ScalarStyle::kPlain, tag != nullptr ? tag : "", n);
      n.loc = Loc(ev.start_mark);
      n.begin = n.loc.offset;
      n.end = Loc(ev.end_mark).offset;
      NodeId id = doc_->AddNode(n);
      weight_.push_back(1);
      if (ev.data.scalar.anchor != nullptr) {
        anchors_[reinterpret_cast<const char*>(ev.data.scalar.anchor)] = id;
      }
      AddToParent(id, 1);
      return true;
    }
    case YAML_ALIAS_EVENT: {
      std::string name = reinterpret_cast<const char*>(ev.data.alias.anchor);
      auto it = anchors_.find(name);
      if (it == anchors_.end()) {
        ReportAt(kYamlSyntax, ev.start_mark, "unknown anchor '" + name + "' referenced");
        abandon_ = true;
        return false;
      }
      expanded_ += weight_[it->second];
      if (expanded_ > options_.max_expanded_nodes) {
        ReportAt(kYamlLimits, ev.start_mark,
                 "document contains excessive aliasing (aliases expand to more than " +
                     std::to_string(options_.max_expanded_nodes) +
                     " nodes); the document is not checked");
        abandon_ = true;
        return false;
      }
      AddToParent(it->second, weight_[it->second]);
      return true;
    }
    case YAML_SEQUENCE_START_EVENT:
      return OpenCollection(ev, false);
    case YAML_MAPPING_START_EVENT:
      return OpenCollection(ev, true);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      return CloseCollection(ev);
    default:
      return true;
  }
}

void Builder::Run() {
  std::string_view text =
      std::string_view(file_->text()).substr(chunk_.begin, chunk_.end - chunk_.begin);
  if (std::size_t bad = util::FindInvalidUtf8(text); bad != std::string_view::npos) {
    auto off = static_cast<std::uint32_t>(chunk_.begin + bad);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    sink_.Report(kInvalidEncoding, file_, file_->LocationAt(off),
                 std::string("invalid UTF-8 byte ") + hex +
                     "; manifests must be UTF-8 text (this document is not checked)");
    return;
  }
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) {
    return;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  std::size_t docs_before = out_.size();
  for (;;) {
    yaml_event_t ev;
    if (yaml_parser_parse(&parser, &ev) == 0) {
      std::string msg = parser.problem != nullptr ? parser.problem : "unknown YAML error";
      if (parser.context != nullptr) {
        msg.insert(0, std::string(parser.context) + ": ");
      }
      // libyaml's problem mark is where it noticed the problem. When that is the end of the
      // document (an unclosed bracket or quote), the construct it was reading is more useful.
      yaml_mark_t at = parser.problem_mark;
      if (parser.context != nullptr && at.index >= source::CountChars(text) &&
          (parser.context_mark.line != 0 || parser.context_mark.column != 0 ||
           parser.context_mark.index != 0)) {
        at = parser.context_mark;
        msg += " (at the end of the document)";
      }
      if (parser.error == YAML_READER_ERROR) {
        // Reader errors (a control character, an invalid byte) carry no mark, only the byte
        // offset into the chunk: without it the finding would land at 1:1.
        if (parser.problem_value != -1) {
          char hex[16];
          std::snprintf(hex, sizeof hex, " (0x%02X)", static_cast<unsigned>(parser.problem_value));
          msg += hex;
        }
        std::size_t off = std::min<std::size_t>(parser.problem_offset, text.size());
        sink_.Report(kYamlSyntax, file_,
                     file_->LocationAt(static_cast<std::uint32_t>(chunk_.begin + off)), msg);
      } else {
        ReportAt(kYamlSyntax, at, msg);
      }
      if (doc_ != nullptr) {
        out_.pop_back();  // a half-built document is never checked
        doc_ = nullptr;
      }
      break;
    }
    bool ok = Handle(ev);
    bool done = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
    if (!ok && abandon_) {
      if (doc_ != nullptr) {
        out_.pop_back();
        doc_ = nullptr;
      }
      break;
    }
    if (done) {
      break;
    }
  }
  yaml_parser_delete(&parser);
  (void)docs_before;
}

}  // namespace

bool LooksLikeHelmTemplate(std::string_view text, std::uint32_t* offset) {
  static constexpr std::string_view kStarts[] = {
      ".",     "$",        "if ",     "end",     "range ",  "include ",  "template ", "define ",
      "with ", "else",     "toYaml ", "/*",      "tpl ",    "required ", "default ",  "printf ",
      "quote", "fromYaml", "lookup ", "toJson ", "indent ", "nindent ",  "trim",      "-"};
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    std::size_t i = pos + 2;
    if (i < text.size() && text[i] == '-') {
      ++i;
    }
    while (i < text.size() && text[i] == ' ') {
      ++i;
    }
    std::string_view rest = text.substr(i);
    for (std::string_view s : kStarts) {
      if (rest.substr(0, s.size()) == s && text.find("}}", i) != std::string_view::npos) {
        if (offset != nullptr) {
          *offset = static_cast<std::uint32_t>(pos);
        }
        return true;
      }
    }
    pos += 2;
  }
  return false;
}

std::vector<Document> ParseStream(const source::SourceFilePtr& file, const LoadOptions& options,
                                  diag::DiagnosticSink& sink) {
  std::vector<Document> docs;
  std::string_view text = file->text();
  // A UTF-16 file is full of NUL bytes; say what it is rather than "binary".
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    sink.Report(kInvalidEncoding, file, file->LocationAt(0),
                std::string("UTF-16 text (byte order mark ") +
                    (text[0] == '\xFF' ? "FF FE" : "FE FF") +
                    "); manifests must be UTF-8 text: convert the file with iconv -f UTF-16 -t "
                    "UTF-8");
    return docs;
  }
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    sink.Report(kInvalidEncoding, file, file->LocationAt(static_cast<std::uint32_t>(nul)),
                "binary file (NUL byte); manifests must be UTF-8 text");
    return docs;
  }
  for (const Chunk& chunk : SplitDocuments(text)) {
    Builder(file, chunk, options, sink, docs).Run();
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    docs[i].set_index(static_cast<std::uint32_t>(i));
  }
  return docs;
}

}  // namespace irtcp::yaml
