#include "core/lint/support/provider_rules.h"
#include "core/lint/support/provider_view.h"
#include "core/provider/middleware_build.h"
#include "core/rule_lang/ip.h"

namespace irtcp::lint {

const diag::RuleInfo kInvalidSourceRange{"IRT412",
                                         "invalid-source-range",
                                         "an ipAllowList/ipWhiteList sourceRange entry Traefik's "
                                         "IP checker rejects, or an empty sourceRange",
                                         R"md(## What it does
Reports each `sourceRange` entry of a MiddlewareTCP's `ipAllowList` (or `ipWhiteList`) that is
neither an IP address nor a CIDR as Traefik parses them (`10.0.0.300/32`, `not-an-ip`,
`" 10.1.0.0/16"` with a space, `10.0.0.1/33`, `010.0.0.1`, `fe80::1%eth0`), and an empty
`sourceRange`. Only the list Traefik uses is checked: `ipAllowList` when both are set.

## Why is this bad?
The provider copies the list verbatim, but when Traefik builds the middleware its IP checker
rejects the whole list (`cannot parse CIDRs [..]: parsing CIDR trusted IPs <nil>: invalid CIDR
address: ..`, or `sourceRange is empty, IPAllowLister not created`). The middleware cannot be
built, so Traefik drops **every router that uses it**: their connections go to the next matching
route, or nowhere. `irtcp resolve` shows those routers as rejected and `irtcp serve` does not
route to them.

## How to fix
Write each entry as an IPv4 or IPv6 address or CIDR, with no surrounding spaces, no zone and no
leading zeros: `10.0.0.0/8`, `192.168.1.7`, `2001:db8::/32`.

## Fix safety
No automatic fix.
)md",
                                         diag::Severity::kError,
                                         diag::FixAvailability::kNone};

void CheckInvalidSourceRange(const RuleContext& ctx, diag::DiagnosticSink& sink) {
  const ProviderView& env = ctx.Shared<ProviderView>();
  // ipAllowList exists from v2.11; Traefik 2.10 drops the field and uses ipWhiteList.
  const bool allow_list_known = ctx.options.traefik_version.AtLeast(2, 11);
  for (const model::MiddlewareTCP& mw : env.catalog().middleware_tcps()) {
    const bool use_allow = mw.ip_allow_list.present && allow_list_known;
    const model::Field<model::SourceRangeSpec>& list =
        use_allow ? mw.ip_allow_list : mw.ip_white_list;
    if (!list.present) {
      continue;
    }
    const std::string key = use_allow ? "ipAllowList" : "ipWhiteList";
    const model::Field<std::vector<std::string>>& ranges = list.value.source_range;
    const yaml::Document& doc = *mw.object->doc;
    const std::string path = mw.object->path_prefix + "/spec/" + key + "/sourceRange";
    provider::Middleware built;
    (use_allow ? built.ip_allow_list : built.ip_white_list) = provider::SourceRange{ranges.Or({})};
    const std::string traefik_error = provider::MiddlewareBuildError(built, mw.object->name);
    if (traefik_error.empty()) {
      continue;
    }
    if (ranges.Or({}).empty()) {
      if (ranges.invalid) {
        continue;  // not a list of strings: the schema reports it
      }
      std::string message = key;
      message += " has no sourceRange entry: Traefik cannot build this middleware (";
      message += traefik_error;
      message += ") and drops every router that uses it";
      ReportAt(sink, kInvalidSourceRange, *mw.object, ranges.node,
               ranges.node != yaml::kNoNode ? ranges.loc : list.loc,
               ranges.node != yaml::kNoNode ? path : path.substr(0, path.rfind('/')), message)
          .help = "list the addresses or CIDRs to allow, e.g. sourceRange: [10.0.0.0/8]";
      continue;
    }
    for (std::uint32_t i = 0; i < doc.Size(ranges.node); ++i) {
      yaml::NodeId item = doc.ItemAt(ranges.node, i);
      if (!doc.IsString(item)) {
        continue;  // the schema reports non-string entries
      }
      const std::string value(doc.Text(item));
      rule_lang::IpChecker one;
      std::string why;
      std::size_t bad = 0;
      if (one.Init({value}, &why, &bad)) {
        continue;
      }
      diag::Diagnostic& d =
          ReportAt(sink, kInvalidSourceRange, *mw.object, item, doc.node(item).loc,
                   path + "/" + std::to_string(i),
                   "sourceRange entry \"" + diag::Shorten(value) +
                       "\" is not an IP address or CIDR: Traefik cannot build this middleware (" +
                       why + ") and drops every router that uses it");
      const bool spaces = !value.empty() && (value.front() == ' ' || value.back() == ' ' ||
                                             value.front() == '\t' || value.back() == '\t');
      d.help = spaces ? "remove the surrounding spaces"
                      : "write an IPv4 or IPv6 address or CIDR such as 10.0.0.0/8 (no zone, no "
                        "leading zeros)";
    }
  }
}

}  // namespace irtcp::lint
