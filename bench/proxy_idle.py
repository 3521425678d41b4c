#!/usr/bin/env python3
"""Idle proxied connections and the proxy's memory: starts `irtcp serve` with one plain route to
a loopback backend held by this script, opens N connections through it, waits until the proxy
has dialed all of them, and prints the proxy's RSS (VmRSS) and its open pipes (splice pipes must
not exist while idle).

usage: bench/proxy_idle.py IRTCP_BINARY [N=9000]
Loopback only; every wait is bounded; the proxy is stopped by its pid (SIGTERM)."""
import os
import resource
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import time

MANIFEST = """apiVersion: traefik.io/v1alpha1
kind: IngressRouteTCP
metadata: {name: idle, namespace: bench}
spec:
  entryPoints: [plain]
  routes:
    - match: HostSNI(`*`)
      services: [{name: hold, port: 1}]
"""


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def pipes(pid):
    n = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}").startswith("pipe:"):
                n += 1
        except OSError:
            pass
    return n


def main():
    binary = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 9000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    backend = socket.socket()
    backend.bind(("127.0.0.1", 0))
    backend.listen(4096)
    backend.setblocking(False)
    port = backend.getsockname()[1]
    tmp = tempfile.mkdtemp(prefix="irtcp-idle-")
    manifest = os.path.join(tmp, "idle.yaml")
    ready = os.path.join(tmp, "ready")
    with open(manifest, "w") as f:
        f.write(MANIFEST)
    proc = subprocess.Popen(
        [binary, "serve", manifest, "--entrypoint", "plain=127.0.0.1:0", "--backend",
         f"bench/hold:1=127.0.0.1:{port}", "--ready-file", ready],
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard)))
    try:
        deadline = time.time() + 20
        while not os.path.exists(ready) and time.time() < deadline:
            time.sleep(0.05)
        addr = open(ready).read().split()[1]
        host, pport = addr.rsplit(":", 1)
        base = rss_kib(proc.pid)
        sel = selectors.DefaultSelector()
        sel.register(backend, selectors.EVENT_READ)
        clients, accepted = [], []
        deadline = time.time() + 120
        while (len(clients) < n or len(accepted) < n) and time.time() < deadline:
            if len(clients) < n and len(clients) - len(accepted) < 512:
                c = socket.socket()
                c.setblocking(False)
                c.connect_ex((host, int(pport)))
                clients.append(c)
            for _key, _ in sel.select(timeout=0 if len(clients) < n else 0.1):
                while True:
                    try:
                        s, _a = backend.accept()
                        accepted.append(s)
                    except BlockingIOError:
                        break
        time.sleep(1.0)
        rss = rss_kib(proc.pid)
        print(f"idle connections: {len(accepted)} of {n} proxied; proxy RSS {rss/1024:.1f} MiB "
              f"(at start {base/1024:.1f} MiB, {(rss-base)*1024/max(len(accepted),1):.0f} B per "
              f"connection); pipes while idle: {pipes(proc.pid)}")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        os.remove(manifest)
        if os.path.exists(ready):
            os.remove(ready)
        os.rmdir(tmp)


if __name__ == "__main__":
    main()
