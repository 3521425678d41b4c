#!/usr/bin/env python3
"""Generates a realistic IngressRouteTCP corpus for the validate benchmark.

Writes N documents (default 10,000) into files of PER_FILE documents each (default 100) under
OUT_DIR: `gen_validate_corpus.py OUT_DIR [N] [PER_FILE]`.
Roughly 1 in 20 documents carries a mistake (unknown field, wrong type, HTTP matcher,
missing port) so the run exercises the finding paths too. Deterministic (fixed seed).
"""
import os
import random
import sys


def route_doc(i, rnd):
    ns = f"team-{i % 37}"
    name = f"db-{i}"
    tls = rnd.random() < 0.7
    host = f"db{i}.{ns}.example.com"
    match = f"HostSNI(`{host}`)" if tls else "HostSNI(`*`)"
    if rnd.random() < 0.2:
        match += f" && ClientIP(`10.{i % 250}.0.0/16`)"
    bad = rnd.random() < 0.05
    services = []
    for k in range(1 if rnd.random() < 0.8 else 2):
        svc = [f"        - name: pg-{i}-{k}", f"          port: {5432 + k}"]
        if rnd.random() < 0.3:
            svc.append(f"          weight: {rnd.randint(1, 10)}")
        if rnd.random() < 0.1:
            svc.append("          nativeLB: true")
        services.extend(svc)
    lines = [
        "apiVersion: traefik.io/v1alpha1",
        "kind: IngressRouteTCP",
        "metadata:",
        f"  name: {name}",
        f"  namespace: {ns}",
        "  labels:",
        "    app.kubernetes.io/name: postgres",
        f"    app.kubernetes.io/instance: {name}",
        "  annotations:",
        '    owner: "platform"',
        "spec:",
        "  entryPoints:",
        "    - postgres",
        "  routes:",
        f"    - match: {match}",
    ]
    if rnd.random() < 0.3:
        lines.append(f"      priority: {rnd.randint(1, 100)}")
    if bad:
        kind = rnd.randint(0, 3)
        if kind == 0:
            lines.append("      kind: Rule")
        elif kind == 1:
            lines[-1] = f"    - match: Host(`{host}`)"
        elif kind == 2:
            services[1] = "          port: true"
        else:
            services = [s for s in services if "port:" not in s]
    lines.append("      services:")
    lines.extend(services)
    if tls:
        lines += ["  tls:", f"    secretName: {name}-tls"]
        if rnd.random() < 0.3:
            lines += ["    options:", "      name: modern", "      namespace: traefik"]
    return "\n".join(lines) + "\n"


def write_corpus(default_out, prefix, make, seed):
    """Writes `make(i, rnd)` documents as the command line says: OUT_DIR [N] [PER_FILE]."""
    out = sys.argv[1] if len(sys.argv) > 1 else default_out
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    rnd = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for f in range(0, total, per_file):
        docs = [make(i, rnd) for i in range(f, min(total, f + per_file))]
        with open(os.path.join(out, f"{prefix}-{f // per_file:05d}.yaml"), "w") as fh:
            fh.write("---\n".join(docs))
    return out


def main():
    out = write_corpus("bench-corpus", "routes", route_doc, 42)
    with open(out + "-small.yaml", "w") as fh:
        fh.write(route_doc(1, random.Random(1)))


if __name__ == "__main__":
    main()
