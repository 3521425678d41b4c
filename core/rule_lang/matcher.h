// Traefik's AddRoute pipeline (validation + matcher builders) and connection matching,
// rules.md §3 and §4.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule_lang/ast.h"
#include "core/rule_lang/error.h"
#include "core/rule_lang/go_regexp.h"

namespace irtcp::rule_lang {

/// What a match expression is matched against (Traefik's tcp.ConnData).
struct Connection {
  std::string server_name;        ///< SNI; "" for non-TLS connections
  std::vector<std::string> alpn;  ///< offered ALPN protocols in client order; empty = none
  std::string remote_ip;          ///< host part of the peer address, no port

  /// Production normalisation (NewConnData): SNI lower-cased and space-trimmed, remote address
  /// "host:port" / "[v6]:port" split (left empty when malformed).
  static Connection FromPeer(std::string_view sni, std::vector<std::string> alpn,
                             std::string_view remote_addr);
};

/// A validated match expression ready to match connections. Copyable and thread-compatible (const
/// use from several threads is safe).
class CompiledMatch {
 public:
  bool Matches(const Connection& conn) const;

  /// Traefik's catch-all flag (rules.md §4.4): the tree is one HostSNI leaf with the single
  /// value `*` (negation ignored).
  bool catch_all() const { return catch_all_; }
  Syntax syntax() const { return syntax_; }
  const MatchExpr& expr() const { return *expr_; }
  /// Set when the expression can only match if the SNI equals one of these hosts (lower-cased, no
  /// trailing dot): exact non-negated HostSNI leaves under `||`, or on one side of `&&`.
  /// Used to index routes by SNI (candidates are then checked with Matches()).
  const std::optional<std::vector<std::string>>& exact_hosts() const { return exact_hosts_; }
  /// The regular expressions of the HostSNIRegexp leaves, in order: such a leaf matches an SNI
  /// when one of its regexps partially matches it (callers pre-filter many with an RE2::Set).
  std::vector<const re2::RE2*> HostSniRegexps() const;

  struct Leaf;
  struct CNode {
    enum class Kind : std::uint8_t { kAnd, kOr, kLeaf } kind = Kind::kLeaf;
    bool negated = false;
    std::uint32_t leaf = 0;
    std::int32_t left = -1;
    std::int32_t right = -1;
  };

 private:
  friend std::optional<CompiledMatch> CompileMatch(MatchExpr expr, Syntax syntax, Error* err);
  friend std::optional<CompiledMatch> CompileMatcherCall(Matcher matcher,
                                                         std::vector<std::string> args,
                                                         Syntax syntax, Error* err);
  bool Eval(std::int32_t idx, const Connection& conn) const;

  std::shared_ptr<const MatchExpr> expr_;
  Syntax syntax_ = Syntax::kV3;
  std::vector<CNode> nodes_;  // nodes_[0] is the root
  std::vector<std::shared_ptr<const Leaf>> leaves_;
  bool catch_all_ = false;
  std::optional<std::vector<std::string>> exact_hosts_;
};

/// Checks a parsed match expression exactly as AddRoute does after parsing: for every leaf, left to
/// right, CheckRule (`no args`, `empty args`) then the v3 or v2 matcher builder. The first failure
/// is returned in `*err` (stage kBuild) with the byte range of the offending call or argument.
bool Validate(const MatchExpr& expr, Syntax syntax, Error* err);

/// Traefik 3.0-3.6 with the v3 syntax: HostSNI values have no `*.` wildcard (it came in v3.7.0,
/// versions.md §3.2). Call after Validate succeeds; false with the matcher's error otherwise.
bool ValidateHostSniBeforeV37(const MatchExpr& expr, Error* err);

/// Full AddRoute: parse (TCP matchers), validate, build.
std::optional<CompiledMatch> Compile(std::string_view match, Syntax syntax, Error* err);
std::optional<CompiledMatch> CompileMatch(MatchExpr expr, Syntax syntax, Error* err);

/// A matcher function called directly with an argument list (no parser, no CheckRule), as
/// Traefik's matcher unit tests do.
std::optional<CompiledMatch> CompileMatcherCall(Matcher matcher, std::vector<std::string> args,
                                                Syntax syntax, Error* err);

}  // namespace irtcp::rule_lang
