#include "core/lint/support/route_matches.h"

#include <algorithm>
#include <utility>

#include "core/config/traefik_config.h"
#include "core/provider/engine.h"
#include "core/provider/naming.h"
#include "core/rule_lang/matcher.h"
#include "core/rule_lang/parser.h"
#include "core/rule_lang/priority.h"
#include "core/yaml/scalar_map.h"

namespace irtcp::lint {

namespace rl = rule_lang;

int ErrorCode(const rl::Error& error, std::string_view match) {
  switch (error.kind) {
    case rl::ErrorKind::kNone:
      return 0;
    case rl::ErrorKind::kUnsupportedFunction:
      return 102;
    case rl::ErrorKind::kNoArgs:
    case rl::ErrorKind::kArgCount:
      return 103;
    case rl::ErrorKind::kUnexpectedNewline: {
      // Only a real line break in the expression is the semicolon trap; "found newline" at the very
      // end (`(HostSNI(`a`)`) is an ordinary syntax error.
      std::size_t nl = match.find('\n');
      return nl != std::string_view::npos && nl < error.begin ? 105 : 101;
    }
    case rl::ErrorKind::kNonAsciiRegexp:
    case rl::ErrorKind::kBadRegexp:
    case rl::ErrorKind::kBadV2Template:
      return 106;
    case rl::ErrorKind::kBadIp:
      return 107;
    case rl::ErrorKind::kAcmeTlsAlpn:
      return 108;
    case rl::ErrorKind::kInvalidHost: {
      std::uint32_t end =
          std::min<std::uint32_t>(error.end, static_cast<std::uint32_t>(match.size()));
      for (std::uint32_t i = error.begin; i < end; ++i) {
        if (static_cast<unsigned char>(match[i]) >= 0x80) {
          return 113;
        }
      }
      return 112;
    }
    case rl::ErrorKind::kEmptyArg:
    case rl::ErrorKind::kEmptyValue:
      return 114;
    default:
      return 101;
  }
}

RuleLangEnv::RuleLangEnv(const RuleContext& ctx) : env_(ctx.Shared<ProviderView>()) {
  for (const provider::IngressResult& ing : env_.result().ingresses) {
    const model::IngressRouteTCP* irt = ing.irtcp;
    for (const model::Route& route : irt->routes) {
      RouteMatch r;
      r.irt = irt;
      r.route = &route;
      r.processed = ing.processed;
      r.match_path = route.path + "/match";
      r.has_tls = irt->tls.present;
      r.passthrough = r.has_tls && irt->tls.value.passthrough.Or(false);
      r.syntax = provider::RouteSyntax(route, ctx.options.default_rule_syntax,
                                       ctx.options.traefik_version);
      r.empty = !route.match.present || route.match.value.empty();
      if (!r.empty) {
        r.text = route.match.value;
        r.priority = route.priority.present && route.priority.value != 0
                         ? route.priority.value
                         : rl::DefaultPriority(r.text);
        r.parsed = rl::Parse(r.text, &r.parse_error);
        if (r.parsed && rl::Validate(*r.parsed, r.syntax, &r.build_error) &&
            r.syntax == rl::Syntax::kV3 && !ctx.options.traefik_version.AtLeast(3, 7)) {
          rl::ValidateHostSniBeforeV37(*r.parsed, &r.build_error);
        }
      }
      routes_.push_back(std::move(r));
    }
  }
}

namespace {

std::uint32_t MapOffset(const RouteMatch& r, std::uint32_t offset) {
  const yaml::Document& doc = *r.irt->object->doc;
  const yaml::Node& n = doc.node(r.route->match.node);
  return yaml::MapScalarOffset(doc.file().text(), n.begin, n.end, n.style, offset);
}

}  // namespace

diag::Diagnostic& RuleLangEnv::ReportInMatch(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                                             const RouteMatch& r, std::uint32_t begin,
                                             std::uint32_t end, std::string message) const {
  const yaml::Document& doc = *r.irt->object->doc;
  std::uint32_t file_begin = MapOffset(r, begin);
  std::uint32_t file_end = end > begin ? MapOffset(r, end) : file_begin;
  diag::Diagnostic& d =
      sink.Report(rule, doc.file_ptr(), doc.file().LocationAt(file_begin), std::move(message));
  d.end_offset = std::max(file_end, file_begin);
  d.json_path = r.match_path;
  return d;
}

diag::Diagnostic& RuleLangEnv::ReportAtMatch(diag::DiagnosticSink& sink, const diag::RuleInfo& rule,
                                             const RouteMatch& r, std::string message) const {
  if (r.route->match.node != yaml::kNoNode) {
    return ReportAt(sink, rule, *r.irt->object, r.route->match.node, r.route->match.loc,
                    r.match_path, std::move(message));
  }
  return ReportAt(sink, rule, *r.irt->object, r.route->node, r.route->loc, r.route->path,
                  std::move(message));
}

std::vector<std::string> RuleLangEnv::EntryPointsOf(const RouteMatch& r) const {
  if (r.irt->entry_points.present && !r.irt->entry_points.value.empty()) {
    return r.irt->entry_points.value;
  }
  if (!env_.config().entry_points_known) {
    return {""};
  }
  return config::DefaultEntryPoints(env_.config());
}

const rl::Arg* ArgAt(const rl::Node& root, std::uint32_t offset, const rl::Node** call) {
  const rl::Arg* found = nullptr;
  rl::ForEachCall(root, [&](const rl::Node& c) {
    for (const rl::Arg& a : c.args) {
      if (found == nullptr && offset >= a.begin && offset < a.end) {
        found = &a;
        if (call != nullptr) {
          *call = &c;
        }
      }
    }
  });
  return found;
}

std::string RouterName(const RouteMatch& r) {
  return provider::MakeId(r.object().namespace_, provider::RouteKey(r.irt->IngressName(), r.text));
}

std::string DescribeRoute(const RouteMatch& r) {
  return r.irt->object->namespace_ + "/" + r.irt->IngressName() + " routes[" +
         std::to_string(r.route->index) + "] (" + diag::Shorten(r.text, 60) + ")";
}

}  // namespace irtcp::lint
