#!/usr/bin/env bash
# Regenerates the test PKI for serve's TLS tests (core/proxy/conformance_test.cc: transport.yml's
# dialer_test/TestTLS and friends, priority.yml's TLS routers): a CA, a server certificate for
# example.com and 127.0.0.1, a client certificate and a certificate for foo.bar, all EC P-256,
# valid for 100 years. Test data only: no secret here.
set -euo pipefail
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.crt \
  -days "$days" -subj "/CN=irtcp test CA" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
issue() {  # name subject extensions
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.csr" \
    -subj "$2" 2>/dev/null
  printf '%s\n' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$1.crt" \
    -days "$days" -extfile "$1.ext" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
issue server "/CN=example.com" "subjectAltName=DNS:example.com,DNS:*.example.com,IP:127.0.0.1
extendedKeyUsage=serverAuth"
issue client "/CN=irtcp test client" "extendedKeyUsage=clientAuth"
# priority.yml's "one certificate for foo.bar" (the TLS-terminating router fixtures)
issue foobar "/CN=foo.bar" "subjectAltName=DNS:foo.bar
extendedKeyUsage=serverAuth"
rm -f ca.srl ca.key
