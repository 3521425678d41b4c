// A match expression in plain words: `HostSNI(`a`) && !ClientIP(`10.0.0.0/8`)` becomes
// "the server name (SNI) is a and the client address is not in 10.0.0.0/8".
#pragma once

#include <string>

#include "core/rule_lang/ast.h"

namespace irtcp::explain {

/// The condition a match expression puts on a connection, in words, following the tree as
/// written (`!`, `&&`, `||` and parentheses; operators of different kinds are bracketed).
std::string DescribeMatch(const rule_lang::Node& root, rule_lang::Syntax syntax);

}  // namespace irtcp::explain
