// Byte edits on YAML text that keep the rest of the file as it is (comments, quoting, layout):
// what fixes use instead of re-emitting a document.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diag/diagnostic.h"
#include "core/yaml/tree.h"

namespace irtcp::fix {

/// A YAML flow scalar holding the string `value`: plain when `prefer_plain` and the text holds
/// nothing YAML reads specially (indicators, ": ", " #"; the caller knows the value does not look
/// like a number or boolean), double-quoted with escapes when `prefer_double` or the value has
/// control characters, single-quoted otherwise.
std::string EncodeYamlScalar(std::string_view value, bool prefer_plain, bool prefer_double);

/// The edit replacing the flow scalar `node` (plain, single- or double-quoted) with `value`,
/// keeping the node's quoting where it can hold the value. nullopt for block scalars and
/// collections.
std::optional<diag::Edit> ReplaceScalar(const yaml::Document& doc, yaml::NodeId node,
                                        std::string_view value);

/// The edit adding the entry `<key>: <value_text>` (`value_text` written as given) to the block
/// mapping `map`, on a new line after the line where the entry `after` ends, indented like that
/// entry's key; a CRLF file gets "\r\n". nullopt when `map` has no entry `after`.
std::optional<diag::Edit> InsertEntryAfter(const yaml::Document& doc, yaml::NodeId map,
                                           std::string_view after, std::string_view key,
                                           std::string_view value_text);

/// The edit deleting the whole line of the entry `key` of the block mapping `map`. nullopt when
/// `map` is a flow mapping, has no such entry with a value, or something other than indentation
/// precedes the key on its line (`- key: v` starts a sequence item: deleting it would change the
/// structure).
std::optional<diag::Edit> DeleteEntryLine(const yaml::Document& doc, yaml::NodeId map,
                                          std::string_view key);

}  // namespace irtcp::fix
