#!/usr/bin/env python3
"""Generates the findings-heavy corpus of the validate benchmark (bench/validate.sh).

`gen_findings_corpus.py OUT_DIR [N] [PER_FILE]` writes N IngressRouteTCP (default 10,000) into
files of PER_FILE documents (default 100), and nothing else: no Service, Secret or Middleware, so
every reference is left unresolved or dangling. Each document has 1-4 routes mixing every matcher
(HostSNI with names, wildcards and `*`, HostSNIRegexp, ClientIP, ALPN, || and !) and TLS shape
(none, passthrough, secretName, certResolver, options and store), 10% of the documents carry one
schema error, middlewares and services are referenced in other namespaces, and services use the
deprecated options (terminationDelay, proxyProtocol) as well as nativeLB and weights. A run
prints about two findings per document. Deterministic (fixed seed).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_validate_corpus import write_corpus  # noqa: E402  (the bench directory is no package)

# (weight, matcher): mostly names, a few catch-alls and mistakes.
MATCHERS = [
    (30, lambda i, r: f"HostSNI(`db{i}-{r}.team{i % 37}.example.com`)"),
    (6, lambda i, r: f"HostSNI(`*.team{i}.example.com`)"),
    (1, lambda i, r: "HostSNI(`*`)"),
    (8, lambda i, r: f"HostSNIRegexp(`^db{i}-{r}-[0-9]+\\.example\\.com$`)"),
    (2, lambda i, r: f"HostSNIRegexp(`db{i}-{r}.example.com`)"),  # unanchored
    (4, lambda i, r: f"HostSNI(`*`) && ClientIP(`10.{i % 250}.{r}.0/24`)"),
    (8, lambda i, r: f"HostSNI(`a{i}-{r}.example.com`) && ALPN(`postgresql`)"),
    (8, lambda i, r: f"HostSNI(`a{i}-{r}.example.com`) || HostSNI(`b{i}-{r}.example.com`)"),
    (4, lambda i, r: f"HostSNI(`c{i}-{r}.example.com`) && !ClientIP(`192.168.0.0/16`)"),
    (1, lambda i, r: f"Host(`web{i}.example.com`)"),  # an HTTP matcher in a TCP route
]

# (where, line): a line that replaces the one with the same key there, or is added (no
# duplicate keys: the YAML stays loadable by every parser).
SCHEMA_ERRORS = [
    ("route", "      kind: Rule"),
    ("route", "      priority: high"),
    ("service", "          port: true"),
    ("service", "          weight: -1"),
    ("spec", "  entrypoints:\n    - postgres"),
    ("tls", "    passthru: true"),
]


def put(lines, start, line):
    """Sets `line` among lines[start:] of its indentation: replaces the same key, else appends."""
    key = line.split(":")[0]
    for n in range(len(lines) - 1, start - 1, -1):
        if lines[n].split(":")[0] == key:
            lines[n] = line
            return
    lines.append(line)


def route(i, r, rnd, error):
    m = rnd.choices([f for _, f in MATCHERS], weights=[w for w, _ in MATCHERS])[0](i, r)
    lines = [f"    - match: {m}"]
    if rnd.random() < 0.3 and "`*`" not in m:  # catch-alls keep their low default priority
        lines.append(f"      priority: {rnd.randint(1, 100)}")
    if error and error[0] == "route":
        put(lines, 0, error[1])
    if rnd.random() < 0.3:
        lines += ["      middlewares:", f"        - name: allow-{i % 11}"]
        if rnd.random() < 0.1:
            lines.append(f"          namespace: shared-{i % 5}")
    lines.append("      services:")
    for k in range(rnd.randint(1, 3)):
        first = len(lines)
        lines += [f"        - name: pg-{i}-{r}-{k}", f"          port: {5432 + k}"]
        if rnd.random() < 0.05:
            lines.append(f"          namespace: data-{i % 7}")
        if rnd.random() < 0.3:
            lines.append(f"          weight: {rnd.randint(0, 10)}")
        roll = rnd.random()
        if roll < 0.04:
            lines.append("          terminationDelay: 400")
        elif roll < 0.08:
            lines += ["          proxyProtocol:", "            version: 2"]
        elif roll < 0.2:
            lines.append("          nativeLB: true")
        if error and error[0] == "service" and k == 0:
            put(lines, first, error[1])
            error = None
    return lines


def document(i, rnd):
    ns = f"team-{i % 37}"
    error = SCHEMA_ERRORS[rnd.randrange(len(SCHEMA_ERRORS))] if rnd.random() < 0.1 else None
    lines = [
        "apiVersion: traefik.io/v1alpha1" if rnd.random() < 0.9
        else "apiVersion: traefik.containo.us/v1alpha1",
        "kind: IngressRouteTCP",
        "metadata:",
        f"  name: route-{i}",
        f"  namespace: {ns}",
        "  labels:",
        f"    app.kubernetes.io/instance: route-{i}",
        "spec:",
        "  entryPoints:",
        "    - postgres" if rnd.random() < 0.7 else "    - websecure",
    ]
    if error and error[0] == "spec":
        lines.append(error[1])
    lines.append("  routes:")
    for r in range(rnd.randint(1, 4)):
        lines += route(i, r, rnd, error if error and error[0] in ("route", "service") else None)
        if error and error[0] in ("route", "service"):
            error = None
    shape = rnd.randrange(5)
    if shape == 1:
        lines += ["  tls:", "    passthrough: true"]
    elif shape == 2:
        lines += ["  tls:", f"    secretName: route-{i}-tls"]
    elif shape == 3:
        lines += ["  tls:", "    certResolver: letsencrypt", "    domains:",
                  f"      - main: db{i}.example.com"]
    elif shape == 4:
        lines += ["  tls:", f"    secretName: route-{i}-tls", "    options:", "      name: modern"]
        if rnd.random() < 0.2:
            lines.append("      namespace: traefik")
        lines += ["    store:", "      name: default"]
    if error and error[0] == "tls":
        if shape == 0:
            lines.append("  tls:")
        lines.append(error[1])
    return "\n".join(lines) + "\n"


def main():
    write_corpus("findings-corpus", "irt", document, 7)


if __name__ == "__main__":
    main()
