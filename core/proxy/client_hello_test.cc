#include "core/proxy/client_hello.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/proxy/proxy_header.h"

namespace irtcp::proxy {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes Hex(std::string_view hex) {
  Bytes out;
  std::string digits;
  for (char c : hex) {
    if (c != ' ') {
      digits += c;
    }
  }
  for (std::size_t i = 0; i + 1 < digits.size(); i += 2) {
    out.push_back(static_cast<std::uint8_t>(std::stoi(digits.substr(i, 2), nullptr, 16)));
  }
  return out;
}

Bytes Str(std::string_view s) { return Bytes(s.begin(), s.end()); }

TEST(ClientHello, Table) {
  struct Case {
    const char* name;
    Bytes input;
    HelloStatus status;
    std::string sni;
    std::vector<std::string> alpn;
  };
  const Bytes full = BuildClientHello("db.example.com", {"postgresql", "h2"});
  const Bytes split = BuildClientHello("foo.example.com", {}, 7);  // clienthello.yml: 2+ records
  const Bytes tiny_records = BuildClientHello("a.b", {"x"}, 1);    // one byte per record
  const Case cases[] = {
      {"empty", {}, HelloStatus::kNeedMoreData, "", {}},
      {"plain text", Str("GET / HTTP/1.1\r\n"), HelloStatus::kNotTls, "", {}},
      {"postgres ssl request is not tls",
       Bytes(kPostgresSslRequest, kPostgresSslRequest + 8),
       HelloStatus::kNotTls,
       "",
       {}},
      {"record header only", Hex("16 03 01 00 50"), HelloStatus::kNeedMoreData, "", {}},
      {"full", full, HelloStatus::kTls, "db.example.com", {"postgresql", "h2"}},
      {"no sni", BuildClientHello("", {}), HelloStatus::kTls, "", {}},
      {"split over records", split, HelloStatus::kTls, "foo.example.com", {}},
      {"one byte records", tiny_records, HelloStatus::kTls, "a.b", {"x"}},
      {"half a hello", Bytes(full.begin(), full.begin() + 40), HelloStatus::kNeedMoreData, "", {}},
      {"sslv2", Hex("80 2e 01 00 02"), HelloStatus::kTls, "", {}},
      // clienthello.yml oversizedRecordLength: fail without waiting for the payload.
      {"record 0xffff", Hex("16 03 03 ff ff"), HelloStatus::kInvalid, "", {}},
      {"record 18433", Hex("16 03 03 48 01"), HelloStatus::kInvalid, "", {}},
      {"record 18432 waits", Hex("16 03 03 48 00"), HelloStatus::kNeedMoreData, "", {}},
      {"not a client hello", Hex("16 03 01 00 04 02 00 00 00"), HelloStatus::kInvalid, "", {}},
      {"bad record version", Hex("16 02 01 00 04 01 00 00 00"), HelloStatus::kInvalid, "", {}},
      {"alert record in the middle",
       Hex("16 03 01 00 02 01 00 15 03 01 00 02 02 28"),
       HelloStatus::kInvalid,
       "",
       {}},
      {"hello too large", Hex("16 03 01 00 04 01 01 00 01"), HelloStatus::kTooLarge, "", {}},
      {"hello of 64 KiB waits",
       Hex("16 03 01 00 04 01 01 00 00"),
       HelloStatus::kNeedMoreData,
       "",
       {}},
      {"truncated body", Hex("16 03 01 00 06 01 00 00 02 03 03"), HelloStatus::kInvalid, "", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ClientHello h = ParseClientHello(c.input);
    EXPECT_EQ(HelloStatusName(h.status), HelloStatusName(c.status)) << h.error;
    EXPECT_EQ(h.sni, c.sni);
    EXPECT_EQ(h.alpn, c.alpn);
  }
}

// Every prefix of a valid ClientHello asks for more data; the whole one parses.
TEST(ClientHello, EveryPrefixNeedsMoreData) {
  for (std::size_t record : {16384u, 100u, 7u, 1u}) {
    Bytes hello = BuildClientHello("x.example.com", {"h2"}, record);
    for (std::size_t n = 0; n < hello.size(); ++n) {
      ClientHello h = ParseClientHello(std::span<const std::uint8_t>(hello).first(n));
      ASSERT_EQ(h.status, HelloStatus::kNeedMoreData) << "record " << record << " prefix " << n;
    }
    EXPECT_EQ(ParseClientHello(hello).sni, "x.example.com");
  }
}

// Bytes after the ClientHello (the client's next records) do not matter.
TEST(ClientHello, TrailingBytesIgnored) {
  Bytes hello = BuildClientHello("a.example.com", {});
  hello.insert(hello.end(), {0x17, 0x03, 0x03, 0x00, 0x01, 0x00});
  EXPECT_EQ(ParseClientHello(hello).sni, "a.example.com");
}

// Malformed extensions, as Go's clientHelloMsg.unmarshal rejects them.
TEST(ClientHello, MalformedExtensions) {
  auto with_ext = [](const Bytes& ext) {
    Bytes body = {0x03, 0x03};
    body.resize(2 + 32, 0);
    body.insert(body.end(), {0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00});
    body.push_back(static_cast<std::uint8_t>(ext.size() >> 8));
    body.push_back(static_cast<std::uint8_t>(ext.size() & 0xff));
    body.insert(body.end(), ext.begin(), ext.end());
    Bytes msg = {0x01, 0x00, static_cast<std::uint8_t>(body.size() >> 8),
                 static_cast<std::uint8_t>(body.size() & 0xff)};
    msg.insert(msg.end(), body.begin(), body.end());
    Bytes rec = {0x16, 0x03, 0x01, static_cast<std::uint8_t>(msg.size() >> 8),
                 static_cast<std::uint8_t>(msg.size() & 0xff)};
    rec.insert(rec.end(), msg.begin(), msg.end());
    return rec;
  };
  struct Case {
    const char* name;
    Bytes ext;
    HelloStatus status;
    std::string sni;
  };
  const Case cases[] = {
      {"sni ok", Hex("0000 0008 0006 00 0003 612e62"), HelloStatus::kTls, "a.b"},
      {"sni empty list", Hex("0000 0002 0000"), HelloStatus::kInvalid, ""},
      {"sni empty name", Hex("0000 0005 0003 00 0000"), HelloStatus::kInvalid, ""},
      {"sni trailing dot", Hex("0000 0009 0007 00 0004 612e622e"), HelloStatus::kInvalid, ""},
      {"sni two host names", Hex("0000 000c 000a 00 0002 6161 00 0002 6262"), HelloStatus::kInvalid,
       ""},
      {"sni other name type skipped", Hex("0000 000c 000a 01 0002 6161 00 0002 6262"),
       HelloStatus::kTls, "bb"},
      {"sni length past extension", Hex("0000 0005 0009 00 0003 612e62"), HelloStatus::kInvalid,
       ""},
      {"alpn empty protocol", Hex("0010 0003 0001 00"), HelloStatus::kInvalid, ""},
      {"alpn empty list", Hex("0010 0002 0000"), HelloStatus::kInvalid, ""},
      {"duplicate extension", Hex("0017 0000 0017 0000"), HelloStatus::kInvalid, ""},
      {"extension length past end", Hex("0017 0005 00"), HelloStatus::kInvalid, ""},
      {"unknown extension ignored", Hex("abcd 0001 ff"), HelloStatus::kTls, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ClientHello h = ParseClientHello(with_ext(c.ext));
    EXPECT_EQ(HelloStatusName(h.status), HelloStatusName(c.status)) << h.error;
    EXPECT_EQ(h.sni, c.sni);
  }
}

TEST(ClientHello, PostgresSslRequest) {
  Bytes req(kPostgresSslRequest, kPostgresSslRequest + 8);
  EXPECT_EQ(DetectPostgresSslRequest({}), PostgresStatus::kNeedMoreData);
  EXPECT_EQ(DetectPostgresSslRequest(std::span<const std::uint8_t>(req).first(3)),
            PostgresStatus::kNeedMoreData);
  EXPECT_EQ(DetectPostgresSslRequest(req), PostgresStatus::kYes);
  EXPECT_EQ(DetectPostgresSslRequest(Hex("00 00 00 09")), PostgresStatus::kNo);
  EXPECT_EQ(DetectPostgresSslRequest(Hex("16 03 01")), PostgresStatus::kNo);
}

TEST(ProxyHeader, Table) {
  struct Case {
    const char* name;
    Bytes input;
    ProxyHeaderStatus status;
    std::string source;
    std::string destination;
    std::size_t length;
    bool local;
  };
  const std::string v1 = "PROXY TCP4 192.0.2.1 198.51.100.2 56324 443\r\n";
  const std::string v1_6 = "PROXY TCP6 2001:db8::1 ::1 1 65535\r\n";
  Bytes v2 = BuildProxyHeader(2, "10.1.2.3:4000", "127.0.0.1:8443");
  Bytes v2_6 = BuildProxyHeader(2, "[2001:db8::7]:9", "[::1]:80");
  Bytes v2_local = Hex("0d0a0d0a000d0a515549540a 20 00 0000");
  Bytes v2_tlv = Hex("0d0a0d0a000d0a515549540a 21 11 0010 0a000001 7f000001 0050 01bb 04 0001 00");
  const Case cases[] = {
      {"empty", {}, ProxyHeaderStatus::kNeedMoreData, "", "", 0, false},
      {"no header", Str("GET /"), ProxyHeaderStatus::kNone, "", "", 0, false},
      {"tls no header", Hex("16 03 01"), ProxyHeaderStatus::kNone, "", "", 0, false},
      {"v1 prefix", Str("PRO"), ProxyHeaderStatus::kNeedMoreData, "", "", 0, false},
      {"v1 partial", Str("PROXY TCP4 1.2.3.4"), ProxyHeaderStatus::kNeedMoreData, "", "", 0, false},
      {"v1", Str(v1 + "hello"), ProxyHeaderStatus::kHeader, "192.0.2.1:56324", "198.51.100.2:443",
       v1.size(), false},
      {"v1 tcp6", Str(v1_6), ProxyHeaderStatus::kHeader, "[2001:db8::1]:1", "[::1]:65535",
       v1_6.size(), false},
      {"v1 unknown", Str("PROXY UNKNOWN\r\n"), ProxyHeaderStatus::kHeader, "", "", 15, true},
      {"v1 bad ip", Str("PROXY TCP4 1.2.3 1.2.3.4 1 2\r\n"), ProxyHeaderStatus::kInvalid, "", "", 0,
       false},
      {"v1 v6 in tcp4", Str("PROXY TCP4 ::1 ::1 1 2\r\n"), ProxyHeaderStatus::kInvalid, "", "", 0,
       false},
      {"v1 bad port", Str("PROXY TCP4 1.2.3.4 1.2.3.4 65536 2\r\n"), ProxyHeaderStatus::kInvalid,
       "", "", 0, false},
      {"v1 leading zero port", Str("PROXY TCP4 1.2.3.4 1.2.3.4 01 2\r\n"),
       ProxyHeaderStatus::kInvalid, "", "", 0, false},
      {"v1 missing field", Str("PROXY TCP4 1.2.3.4 1.2.3.4 1\r\n"), ProxyHeaderStatus::kInvalid, "",
       "", 0, false},
      {"v1 too long", Str("PROXY " + std::string(120, 'x')), ProxyHeaderStatus::kInvalid, "", "", 0,
       false},
      {"v2", v2, ProxyHeaderStatus::kHeader, "10.1.2.3:4000", "127.0.0.1:8443", 28, false},
      {"v2 v6", v2_6, ProxyHeaderStatus::kHeader, "[2001:db8::7]:9", "[::1]:80", 52, false},
      {"v2 local", v2_local, ProxyHeaderStatus::kHeader, "", "", 16, true},
      {"v2 with tlv", v2_tlv, ProxyHeaderStatus::kHeader, "10.0.0.1:80", "127.0.0.1:443", 32,
       false},
      {"v2 signature prefix", Hex("0d0a0d0a00"), ProxyHeaderStatus::kNeedMoreData, "", "", 0,
       false},
      {"v2 partial", Bytes(v2.begin(), v2.begin() + 20), ProxyHeaderStatus::kNeedMoreData, "", "",
       0, false},
      {"v2 version 3", Hex("0d0a0d0a000d0a515549540a 31 11 0000"), ProxyHeaderStatus::kInvalid, "",
       "", 0, false},
      {"v2 command 2", Hex("0d0a0d0a000d0a515549540a 22 11 0000"), ProxyHeaderStatus::kInvalid, "",
       "", 0, false},
      {"v2 short ipv4 block", Hex("0d0a0d0a000d0a515549540a 21 11 0004 01020304"),
       ProxyHeaderStatus::kInvalid, "", "", 0, false},
      {"v2 too long", Hex("0d0a0d0a000d0a515549540a 21 11 ffff"), ProxyHeaderStatus::kInvalid, "",
       "", 0, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ProxyHeader h = ParseProxyHeader(c.input);
    EXPECT_EQ(static_cast<int>(h.status), static_cast<int>(c.status)) << h.error;
    EXPECT_EQ(h.source, c.source);
    EXPECT_EQ(h.destination, c.destination);
    if (c.status == ProxyHeaderStatus::kHeader) {
      EXPECT_EQ(h.length, c.length);
      EXPECT_EQ(h.local, c.local);
    }
  }
}

TEST(ProxyHeader, BuildRoundTrips) {
  for (int version : {1, 2}) {
    for (auto [src, dst] : std::vector<std::pair<std::string, std::string>>{
             {"127.0.0.7:5000", "127.0.0.1:443"}, {"[::1]:1", "[2001:db8::2]:65535"}}) {
      SCOPED_TRACE(std::to_string(version) + " " + src);
      Bytes h = BuildProxyHeader(version, src, dst);
      ProxyHeader p = ParseProxyHeader(h);
      EXPECT_EQ(p.status, ProxyHeaderStatus::kHeader);
      EXPECT_EQ(p.version, version);
      EXPECT_EQ(p.source, src);
      EXPECT_EQ(p.destination, dst);
      EXPECT_EQ(p.length, h.size());
    }
  }
  EXPECT_TRUE(BuildProxyHeader(2, "127.0.0.1:1", "[::1]:2").empty());  // mixed families
  EXPECT_TRUE(BuildProxyHeader(1, "host:1", "127.0.0.1:2").empty());
}

}  // namespace
}  // namespace irtcp::proxy
