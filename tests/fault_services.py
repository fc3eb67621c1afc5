"""Real services to break on purpose: a private Redis, a private PostgreSQL, a TCP gate.

Used by tests/test_faults.py and bench/faults.py. Nothing here touches the
shared PostgreSQL (5432) or Redis (6379) that other runs use: faults are
injected into private instances on free ports, or into a gate (a TCP relay
this process controls) between a worker and the shared database, which is
the same as the database's port closing and its connections dropping.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise RuntimeError(f"{what}: not within {timeout} s")


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class PrivateRedis:
    """redis-server on its own port, no persistence: stopping it loses what it held."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
        )
        wait_until(lambda: port_open(self.port), 10, "private redis-server start")

    def stop(self) -> None:
        """Kill it outright, as a crash or an OOM kill would."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None
        wait_until(lambda: not port_open(self.port), 10, "private redis-server stop")

    def cli(self, *args: str) -> str:
        out = subprocess.run(["redis-cli", "-p", str(self.port), *args],
                             capture_output=True, text=True, timeout=10)
        return out.stdout.strip()


class TcpGate:
    """A TCP relay 127.0.0.1:port -> target. close() shuts the port and drops every
    connection through it (clients see "connection refused" and "server closed the
    connection"), open() lets traffic through again."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._links: set[socket.socket] = set()
        self._lock = threading.Lock()

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def close(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            links, self._links = self._links, set()
        for link in links:
            # SO_LINGER 0: a reset, like a server that went away. shutdown() first: a
            # close() alone does not wake the relay thread blocked reading the socket, and
            # the kernel keeps the connection open for as long as that read holds it.
            with contextlib.suppress(OSError):
                link.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                link.shutdown(socket.SHUT_RDWR)
            link.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                if self._listener is not listener:
                    client.close()
                    upstream.close()
                    return
                self._links |= {client, upstream}
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            with self._lock:
                self._links -= {source, sink}


class PrivatePostgres:
    """A throwaway PostgreSQL cluster under /tmp, run as the postgres user when we are root."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--no-sync", "-E", "UTF8")

    def start(self) -> None:
        # fsync off is safe here: a killed server's writes are still in the OS page cache.
        # synchronous_commit stays on: commits acknowledged but still in the WAL buffers
        # (shared memory) would be lost by an immediate stop, as by a real crash.
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                  "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        """immediate: the server dies at once, as a crash would; its sessions are cut."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self, name: str) -> None:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Worker:
    """A real Celery worker process (and optionally its embedded beat) on its own queue."""

    def __init__(self, env: dict[str, str], queue: str, log: Path, *, beat: bool = False,
                 pool: str = "solo", concurrency: int = 1) -> None:
        self.env, self.queue, self.log = env, queue, log
        self.args = [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "-Q", queue,
                     f"--pool={pool}", f"--concurrency={concurrency}", "--loglevel=INFO",
                     "--without-gossip", "--without-mingle", "--without-heartbeat",
                     "-n", f"{queue}-%h-{os.getpid()}-{time.monotonic_ns()}"]
        if beat:
            self.args.append("-B")
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        with self.log.open("a") as out:
            # Its own process group, so that killing it also reaches its pool children.
            self.proc = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        wait_until(self._ready, timeout, f"worker ready (see {self.log})")

    def _ready(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"worker exited early:\n{self.log.read_text()[-3000:]}")
        return " ready." in self.log.read_text()

    def kill(self) -> None:
        """SIGKILL the main process only: no warm shutdown, nothing given back to the broker."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # children orphaned by a SIGKILL
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc = None
