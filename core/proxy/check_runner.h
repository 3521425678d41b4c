// `serve --check FILE`: smoke checks sent through the running proxy over real connections, and
// their report (text table, json, junit).
//
//   checks:
//     - name: postgres over TLS passthrough
//       entryPoint: websecure
//       sni: db.example.com        # send a ClientHello with this SNI (omit: plain TCP)
//       alpn: [postgresql]
//       clientIP: 127.0.0.7        # 127.0.0.0/8 is bound; others go in a PROXY v2 header
//       send: "PING\r\n"
//       expect: {service: apps/db, server: 10.42.0.7:5432, tls: passthrough, refused: false}
#pragma once

#include <chrono>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/proxy/server.h"

namespace irtcp::proxy {

struct CheckSpec {
  std::string name;
  std::string entry_point;
  std::string sni;
  std::vector<std::string> alpn;
  std::string client_ip;
  std::string send;
  std::optional<std::string> expect_service;
  std::optional<std::string> expect_server;
  std::optional<std::string> expect_tls;  ///< passthrough | terminate | none
  std::optional<bool> expect_refused;
  std::string location;  ///< "file:line:col" of the check
};

/// Reads a check file strictly: unknown keys, wrong types and bad values are errors
/// ("file:line:col: message"), like every other input.
bool LoadChecks(const std::string& path, std::vector<CheckSpec>* out, std::string* err);
/// The same on text in memory (`display_path` names it in errors).
bool ParseChecks(const std::string& display_path, std::string text, std::vector<CheckSpec>* out,
                 std::string* err);

/// What one connection observed.
struct CheckObservation {
  bool refused = false;  ///< closed (or timed out) without reaching a backend
  std::string service;
  std::string server;
  std::string tls;      ///< passthrough | terminate | none
  std::string cert;     ///< terminate: the presented certificate's names
  bool cert_ok = true;  ///< terminate: valid for the SNI
  std::string detail;
};

struct CheckResult {
  const CheckSpec* spec = nullptr;
  bool pass = false;
  std::string expected;
  std::string got;
  std::string error;  ///< the check could not run as written (a failure)
  double seconds = 0;
};

struct CheckRunOptions {
  std::chrono::milliseconds timeout{5'000};  ///< per check, connect to verdict
};

/// Runs every check against the listening entry points (`bound`: name -> "host:port"; `listen`
/// says which trust PROXY headers from loopback).
std::vector<CheckResult> RunChecks(const std::vector<CheckSpec>& checks,
                                   const std::vector<std::pair<std::string, std::string>>& bound,
                                   const std::vector<ListenSpec>& listen,
                                   const CheckRunOptions& options);

/// The report: `text` (a table), `json` or `junit`.
void WriteCheckReport(const std::vector<CheckResult>& results, std::string_view format,
                      std::ostream& out);

}  // namespace irtcp::proxy
