#include "core/rule_lang/matcher.h"

#include <re2/re2.h>

#include "core/rule_lang/ip.h"
#include "core/rule_lang/parser.h"
#include "core/rule_lang/text_util.h"
#include "core/util/strings.h"

namespace irtcp::rule_lang {

struct CompiledMatch::Leaf {
  Matcher matcher = Matcher::kOther;
  Syntax syntax = Syntax::kV3;
  std::vector<std::string> values;  // v3: trimmed host; v2: lower-cased hosts
  bool match_all = false;           // v3 HostSNI(`*`)
  std::vector<std::shared_ptr<const re2::RE2>> regexps;
  IpChecker checker;
};

namespace {

constexpr std::string_view kAcmeTls1 = "acme-tls/1";

bool IsWordDotDashColon(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-' || c == ':';
}

// ^[[:word:].\-:]+$
bool IsHostOrIp(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (char c : s) {
    if (!IsWordDotDashColon(c)) {
      return false;
    }
  }
  return true;
}

// v3: ^(\*\.)?[[:word:].\-:]+$  (RE2 backtracks into the optional group, so "*." + rest only
// when rest is non-empty; otherwise the whole must match the class, which excludes '*').
bool IsV3Host(std::string_view s) {
  if (s.size() > 2 && s[0] == '*' && s[1] == '.') {
    return IsHostOrIp(s.substr(2));
  }
  return IsHostOrIp(s);
}

}  // namespace

namespace {

void SetError(Error* err, ErrorKind kind, std::uint32_t begin, std::uint32_t end, std::string msg) {
  if (err == nullptr) {
    return;
  }
  err->kind = kind;
  err->stage = ErrorStage::kBuild;
  err->begin = begin;
  err->end = end;
  err->message = std::move(msg);
}

// The builders of rules.md §3.1 / §3.2. `call` provides offsets (may have fewer args than
// `values` when called synthetically; then the call span is used).
std::shared_ptr<CompiledMatch::Leaf> BuildLeaf(Matcher matcher,
                                               const std::vector<std::string>& values,
                                               Syntax syntax, const Node& call, Error* err) {
  auto arg_span = [&](std::size_t i, std::uint32_t* b, std::uint32_t* e) {
    if (i < call.args.size()) {
      *b = call.args[i].begin;
      *e = call.args[i].end;
    } else {
      *b = call.begin;
      *e = call.end;
    }
  };
  std::uint32_t b = 0;
  std::uint32_t e = 0;
  auto leaf = std::make_shared<CompiledMatch::Leaf>();
  leaf->matcher = matcher;
  leaf->syntax = syntax;
  if (syntax == Syntax::kV3) {
    if (values.size() != 1) {
      arg_span(1, &b, &e);
      if (values.size() > 1 && call.args.size() == values.size()) {
        e = call.args.back().end;
      } else if (values.empty()) {
        b = call.begin;
        e = call.end;
      }
      SetError(
          err, ErrorKind::kArgCount, b, e,
          "unexpected number of parameters; got " + std::to_string(values.size()) + ", expected 1");
      return nullptr;
    }
    const std::string& v = values[0];
    arg_span(0, &b, &e);
    switch (matcher) {
      case Matcher::kHostSni:
        if (v == "*") {
          leaf->match_all = true;
          return leaf;
        }
        if (!IsV3Host(v)) {
          SetError(err, ErrorKind::kInvalidHost, b, e,
                   "invalid value for HostSNI matcher, " + GoQuote(v) + " is not a valid hostname");
          return nullptr;
        }
        leaf->values.push_back(v.back() == '.' ? v.substr(0, v.size() - 1) : v);
        return leaf;
      case Matcher::kHostSniRegexp: {
        for (char c : v) {
          if (static_cast<unsigned char>(c) > 0x7F) {
            SetError(err, ErrorKind::kNonAsciiRegexp, b, e,
                     "invalid value for HostSNIRegexp matcher, " + GoQuote(v) +
                         " is not a valid hostname");
            return nullptr;
          }
        }
        std::string go_err;
        auto re = CompileGoRegexp(v, &go_err);
        if (!re) {
          SetError(err, ErrorKind::kBadRegexp, b, e, "compiling HostSNIRegexp matcher: " + go_err);
          return nullptr;
        }
        leaf->regexps.push_back(std::move(re));
        return leaf;
      }
      case Matcher::kClientIp: {
        std::string ip_err;
        std::size_t bad = 0;
        if (!leaf->checker.Init(values, &ip_err, &bad)) {
          SetError(err, ErrorKind::kBadIp, b, e,
                   "initializing IP checker for ClientIP matcher: " + ip_err);
          return nullptr;
        }
        return leaf;
      }
      case Matcher::kAlpn:
        if (v == kAcmeTls1) {
          SetError(err, ErrorKind::kAcmeTlsAlpn, b, e,
                   "invalid protocol value for ALPN matcher, \"acme-tls/1\" is not allowed");
          return nullptr;
        }
        leaf->values.push_back(v);
        return leaf;
      case Matcher::kOther:
        break;
    }
    SetError(err, ErrorKind::kUnsupportedFunction, call.begin, call.name_end,
             "unsupported function: " + call.name);
    return nullptr;
  }

  // v2
  std::string_view mname = MatcherName(matcher);
  if (values.empty() && matcher != Matcher::kClientIp) {
    SetError(err, ErrorKind::kEmptyValue, call.begin, call.end,
             "empty value for \"" + std::string(mname) + "\" matcher is not allowed");
    return nullptr;
  }
  switch (matcher) {
    case Matcher::kHostSni:
      for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string& v = values[i];
        if (v != "*" && !IsHostOrIp(v)) {
          arg_span(i, &b, &e);
          SetError(err, ErrorKind::kInvalidHost, b, e,
                   "invalid value for \"HostSNI\" matcher, " + GoQuote(v) +
                       " is not a valid hostname or IP");
          return nullptr;
        }
        leaf->values.push_back(v == "*" ? v : AsciiLower(v));
      }
      return leaf;
    case Matcher::kHostSniRegexp:
      for (std::size_t i = 0; i < values.size(); ++i) {
        arg_span(i, &b, &e);
        std::string perr;
        auto pattern = PrepareV2Pattern(values[i], &perr);
        if (!pattern) {
          SetError(err, ErrorKind::kBadV2Template, b, e,
                   "invalid pattern value for \"HostSNIRegexp\" matcher, " + GoQuote(values[i]) +
                       " is not a valid pattern: " + perr);
          return nullptr;
        }
        std::string go_err;
        auto re = CompileGoRegexp(*pattern, &go_err);
        if (!re) {
          SetError(err, ErrorKind::kBadRegexp, b, e, go_err);
          return nullptr;
        }
        leaf->regexps.push_back(std::move(re));
      }
      return leaf;
    case Matcher::kClientIp: {
      std::string ip_err;
      std::size_t bad = 0;
      if (!leaf->checker.Init(values, &ip_err, &bad)) {
        arg_span(bad, &b, &e);
        SetError(err, ErrorKind::kBadIp, b, e,
                 "could not initialize IP Checker for \"ClientIP\" matcher: " + ip_err);
        return nullptr;
      }
      return leaf;
    }
    case Matcher::kAlpn:
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] == kAcmeTls1) {
          arg_span(i, &b, &e);
          SetError(err, ErrorKind::kAcmeTlsAlpn, b, e,
                   "invalid protocol value for \"ALPN\" matcher, \"acme-tls/1\" is not allowed");
          return nullptr;
        }
      }
      leaf->values = values;
      return leaf;
    case Matcher::kOther:
      break;
  }
  SetError(err, ErrorKind::kUnsupportedFunction, call.begin, call.name_end,
           "unsupported function: " + call.name);
  return nullptr;
}

// CheckRule + builder for one call.
std::shared_ptr<CompiledMatch::Leaf> CheckAndBuild(const Node& call, Syntax syntax, Error* err) {
  if (call.args.empty()) {
    SetError(err, ErrorKind::kNoArgs, call.begin, call.end, "no args for matcher " + call.name);
    return nullptr;
  }
  std::vector<std::string> values;
  values.reserve(call.args.size());
  for (const Arg& a : call.args) {
    values.push_back(a.value);
  }
  for (const Arg& a : call.args) {
    if (a.value.empty()) {
      SetError(err, ErrorKind::kEmptyArg, a.begin, a.end,
               "empty args for matcher " + call.name + ", " + util::GoList(values));
      return nullptr;
    }
  }
  return BuildLeaf(call.matcher, values, syntax, call, err);
}

bool LeafMatches(const CompiledMatch::Leaf& leaf, const Connection& conn) {
  const std::string& sni = conn.server_name;
  switch (leaf.matcher) {
    case Matcher::kHostSni:
      if (leaf.syntax == Syntax::kV3) {
        if (leaf.match_all) {
          return true;
        }
        if (sni.empty()) {
          return false;
        }
        const std::string& host = leaf.values[0];
        if (!host.empty() && host[0] == '*') {
          std::size_t dot = sni.find('.');
          std::string labelled = "*";
          if (dot != std::string::npos) {
            labelled.append(sni, dot, std::string::npos);
          }
          return EqualFoldAscii(host, labelled);
        }
        return host == sni || EqualFoldAscii(host, sni);
      }
      if (leaf.values[0] == "*") {
        return true;
      }
      if (sni.empty()) {
        return false;
      }
      for (const std::string& host : leaf.values) {
        if (host == "*" || host == sni) {
          return true;
        }
        if (!host.empty() && host.back() == '.' &&
            std::string_view(host).substr(0, host.size() - 1) == sni) {
          return true;
        }
      }
      return false;
    case Matcher::kHostSniRegexp:
      for (const auto& re : leaf.regexps) {
        if (re2::RE2::PartialMatch(sni, *re)) {
          return true;
        }
      }
      return false;
    case Matcher::kClientIp:
      return leaf.checker.Contains(conn.remote_ip);
    case Matcher::kAlpn:
      for (const std::string& offered : conn.alpn) {
        for (const std::string& want : leaf.values) {
          if (offered == want) {
            return true;
          }
        }
      }
      return false;
    case Matcher::kOther:
      break;
  }
  return false;
}

}  // namespace

Connection Connection::FromPeer(std::string_view sni, std::vector<std::string> alpn,
                                std::string_view remote_addr) {
  Connection c;
  std::size_t b = 0;
  std::size_t e = sni.size();
  auto is_space = [](char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
  };
  while (b < e && is_space(sni[b])) {
    ++b;
  }
  while (e > b && is_space(sni[e - 1])) {
    --e;
  }
  c.server_name = AsciiLower(sni.substr(b, e - b));
  c.alpn = std::move(alpn);
  if (auto host = SplitHost(remote_addr)) {
    c.remote_ip = *host;
  }
  return c;
}

bool CompiledMatch::Eval(std::int32_t idx, const Connection& conn) const {
  const CNode& n = nodes_[static_cast<std::size_t>(idx)];
  switch (n.kind) {
    case CNode::Kind::kAnd:
      return Eval(n.left, conn) && Eval(n.right, conn);
    case CNode::Kind::kOr:
      return Eval(n.left, conn) || Eval(n.right, conn);
    case CNode::Kind::kLeaf:
      return LeafMatches(*leaves_[n.leaf], conn) != n.negated;
  }
  return false;
}

std::vector<const re2::RE2*> CompiledMatch::HostSniRegexps() const {
  std::vector<const re2::RE2*> out;
  for (const auto& leaf : leaves_) {
    if (leaf->matcher == Matcher::kHostSniRegexp) {
      for (const auto& re : leaf->regexps) {
        out.push_back(re.get());
      }
    }
  }
  return out;
}

bool CompiledMatch::Matches(const Connection& conn) const {
  if (nodes_.empty()) {
    return false;
  }
  return Eval(0, conn);
}

bool ValidateHostSniBeforeV37(const MatchExpr& expr, Error* err) {
  bool ok = true;
  ForEachCall(*expr.root, [&](const Node& call) {
    if (!ok || call.matcher != Matcher::kHostSni || call.args.size() != 1) {
      return;
    }
    const Arg& a = call.args[0];
    if (a.value.size() > 2 && a.value[0] == '*' && a.value[1] == '.') {
      SetError(
          err, ErrorKind::kInvalidHost, a.begin, a.end,
          "invalid value for HostSNI matcher, " + GoQuote(a.value) + " is not a valid hostname");
      ok = false;
    }
  });
  return ok;
}

bool Validate(const MatchExpr& expr, Syntax syntax, Error* err) {
  bool ok = true;
  ForEachCall(*expr.root, [&](const Node& call) {
    if (!ok) {
      return;
    }
    if (!CheckAndBuild(call, syntax, err)) {
      ok = false;
    }
  });
  return ok;
}

namespace {

std::int32_t Lower(const NormNode& n, std::vector<CompiledMatch::CNode>* nodes,
                   const std::vector<std::shared_ptr<const CompiledMatch::Leaf>>& leaves,
                   const std::vector<const Node*>& calls) {
  auto idx = static_cast<std::int32_t>(nodes->size());
  nodes->emplace_back();
  CompiledMatch::CNode c;
  if (n.kind == NormNode::Kind::kLeaf) {
    c.kind = CompiledMatch::CNode::Kind::kLeaf;
    c.negated = n.negated;
    for (std::size_t i = 0; i < calls.size(); ++i) {
      if (calls[i] == n.call) {
        c.leaf = static_cast<std::uint32_t>(i);
        break;
      }
    }
  } else {
    c.kind = n.kind == NormNode::Kind::kAnd ? CompiledMatch::CNode::Kind::kAnd
                                            : CompiledMatch::CNode::Kind::kOr;
    c.left = Lower(*n.left, nodes, leaves, calls);
    c.right = Lower(*n.right, nodes, leaves, calls);
  }
  (*nodes)[static_cast<std::size_t>(idx)] = c;
  return idx;
}

// SNI index keys: hosts one of which the SNI must equal for the rule to match. `||` needs keys
// on both sides; `&&` needs them on either side; leaves are non-negated exact HostSNI values.
bool CollectExact(const NormNode& n, Syntax syntax, std::vector<std::string>* out) {
  if (n.kind == NormNode::Kind::kOr) {
    return CollectExact(*n.left, syntax, out) && CollectExact(*n.right, syntax, out);
  }
  if (n.kind == NormNode::Kind::kAnd) {
    std::vector<std::string> left;
    if (CollectExact(*n.left, syntax, &left)) {
      out->insert(out->end(), left.begin(), left.end());
      return true;
    }
    return CollectExact(*n.right, syntax, out);
  }
  if (n.kind != NormNode::Kind::kLeaf || n.negated || n.call->matcher != Matcher::kHostSni) {
    return false;
  }
  if (syntax == Syntax::kV3 && n.call->args.size() != 1) {
    return false;
  }
  for (const Arg& a : n.call->args) {
    if (a.value.empty() || a.value[0] == '*') {
      return false;
    }
    std::string key = AsciiLower(a.value);
    if (key.back() == '.') {
      key.pop_back();
    }
    out->push_back(std::move(key));
  }
  return true;
}

}  // namespace

std::optional<CompiledMatch> CompileMatch(MatchExpr expr, Syntax syntax, Error* err) {
  std::vector<std::shared_ptr<const CompiledMatch::Leaf>> leaves;
  std::vector<const Node*> calls;
  bool ok = true;
  ForEachCall(*expr.root, [&](const Node& call) {
    if (!ok) {
      return;
    }
    auto leaf = CheckAndBuild(call, syntax, err);
    if (!leaf) {
      ok = false;
      return;
    }
    leaves.push_back(std::move(leaf));
    calls.push_back(&call);
  });
  if (!ok) {
    return std::nullopt;
  }
  CompiledMatch out;
  auto shared = std::make_shared<MatchExpr>(std::move(expr));
  std::unique_ptr<NormNode> norm = Normalize(*shared->root);
  out.syntax_ = syntax;
  out.leaves_ = std::move(leaves);
  Lower(*norm, &out.nodes_, out.leaves_, calls);
  out.catch_all_ = norm->kind == NormNode::Kind::kLeaf && norm->call->name == "HostSNI" &&
                   norm->call->args.size() == 1 && norm->call->args[0].value == "*";
  std::vector<std::string> hosts;
  if (CollectExact(*norm, syntax, &hosts)) {
    out.exact_hosts_ = std::move(hosts);
  }
  out.expr_ = std::move(shared);
  return out;
}

std::optional<CompiledMatch> Compile(std::string_view match, Syntax syntax, Error* err) {
  Error local;
  if (err == nullptr) {
    err = &local;
  }
  std::optional<MatchExpr> parsed = Parse(match, err);
  if (!parsed) {
    return std::nullopt;
  }
  return CompileMatch(std::move(*parsed), syntax, err);
}

std::optional<CompiledMatch> CompileMatcherCall(Matcher matcher, std::vector<std::string> args,
                                                Syntax syntax, Error* err) {
  auto expr = std::make_shared<MatchExpr>();
  expr->root = std::make_unique<Node>();
  Node& call = *expr->root;
  call.kind = NodeKind::kCall;
  call.matcher = matcher;
  call.name = std::string(MatcherName(matcher));
  call.spelling = call.name;
  for (const std::string& a : args) {
    call.args.push_back(Arg{a, QuoteStyle::kRaw, 0, 0});
  }
  Error local;
  auto leaf = BuildLeaf(matcher, args, syntax, call, err ? err : &local);
  if (!leaf) {
    return std::nullopt;
  }
  CompiledMatch out;
  out.syntax_ = syntax;
  out.leaves_.push_back(std::move(leaf));
  out.nodes_.push_back(CompiledMatch::CNode{});
  out.catch_all_ = matcher == Matcher::kHostSni && args.size() == 1 && args[0] == "*";
  out.expr_ = std::move(expr);
  return out;
}

}  // namespace irtcp::rule_lang
