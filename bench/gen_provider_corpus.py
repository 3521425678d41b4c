#!/usr/bin/env python3
"""Generates a realistic large input for `irtcp render` / `irtcp resolve` benchmarks.

Default: 10,000 IngressRouteTCP, 15,000 Services and 15,000 EndpointSlices spread over 50
namespaces, written as one multi-document YAML file per namespace (like `kubectl get -A -o yaml`
split per namespace). Half of the routes use two weighted services, a tenth use TLS passthrough,
some use named ports, middlewares, nativeLB or a missing Service (so the provider drops things).

    bench/gen_provider_corpus.py OUT_DIR [--routes N] [--services N] [--namespaces N]
"""
import argparse
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--routes", type=int, default=10000)
    ap.add_argument("--services", type=int, default=15000)
    ap.add_argument("--namespaces", type=int, default=50)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    per_ns = [[] for _ in range(args.namespaces)]

    services = []  # (ns, name, port, port_name)
    for i in range(args.services):
        ns = f"team-{i % args.namespaces:03d}"
        name = f"svc-{i:05d}"
        port = 5000 + (i % 1000)
        pname = "tcp" if i % 3 else "db"
        services.append((ns, name, port, pname))
        nodes = rnd.randint(1, 4)
        ips = [f"10.{(i >> 8) & 255}.{i & 255}.{k + 1}" for k in range(nodes)]
        per_ns[i % args.namespaces].append(f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: {ns}
  labels:
    app: {name}
spec:
  type: ClusterIP
  clusterIP: 172.20.{(i >> 8) & 255}.{i & 255}
  selector:
    app: {name}
  ports:
    - name: {pname}
      port: {port}
      targetPort: {port + 1}
      protocol: TCP
""")
        eps = "\n".join(
            f"""  - addresses:
      - {ip}
    conditions:
      ready: {'true' if k or rnd.random() > 0.05 else 'false'}
    nodeName: node-{k}""" for k, ip in enumerate(ips))
        per_ns[i % args.namespaces].append(f"""apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: {name}-abcde
  namespace: {ns}
  creationTimestamp: "2024-05-01T10:00:00Z"
  labels:
    kubernetes.io/service-name: {name}
    endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
addressType: IPv4
ports:
  - name: {pname}
    port: {port + 1}
    protocol: TCP
endpoints:
{eps}
""")

    by_ns = {}
    for s in services:
        by_ns.setdefault(s[0], []).append(s)
    for i in range(args.routes):
        nsi = i % args.namespaces
        ns = f"team-{nsi:03d}"
        pool = by_ns[ns]
        refs = []
        count = 2 if i % 2 else 1
        for k in range(count):
            s = pool[(i // args.namespaces + k * 7) % len(pool)]
            port = f'"{s[3]}"' if (i + k) % 5 == 0 else str(s[2])
            if port.startswith('"'):
                port = s[3]
            ref = f"""        - name: {s[1] if i % 97 else 'missing-' + s[1]}
          port: {port}"""
            if count > 1:
                ref += f"\n          weight: {rnd.randint(0, 5)}"
            if i % 13 == 0:
                ref += "\n          nativeLB: true"
            refs.append(ref)
        tls = ""
        if i % 10 == 0:
            tls = "  tls:\n    passthrough: true\n"
        elif i % 10 == 1:
            tls = f"  tls:\n    secretName: tls-{i:05d}\n"
        mws = ""
        if i % 4 == 0:
            mws = "      middlewares:\n        - name: allow-internal\n"
        per_ns[nsi].append(f"""apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata:
  name: route-{i:05d}
  namespace: {ns}
spec:
  entryPoints:
    - tcp-{i % 4}
  routes:
    - match: HostSNI(`app-{i}.{ns}.example.com`)
      priority: {i % 50}
{mws}      services:
{chr(10).join(refs)}
{tls}""")
    for nsi in range(args.namespaces):
        ns = f"team-{nsi:03d}"
        per_ns[nsi].append(f"""apiVersion: traefik.io/v1alpha1
kind: MiddlewareTCP
metadata:
  name: allow-internal
  namespace: {ns}
spec:
  ipAllowList:
    sourceRange:
      - 10.0.0.0/8
""")
        with open(os.path.join(args.out, f"{ns}.yaml"), "w") as f:
            f.write("---\n".join(per_ns[nsi]))


if __name__ == "__main__":
    main()
