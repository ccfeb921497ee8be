"""A real JupyterHub on this machine, set up as a teacher would for a class, and torn down afterwards.

JupyterHub from PyPI with its proxy (configurable-http-proxy) from the npm registry, the dummy authenticator and
the local-process spawner: every student gets a real single-user Jupyter server, started by the hub, in a home
folder of their own under a temporary folder. The spawner's environment carries the course's classroom settings
(``BRINK_MODE=classroom`` and ``BRINK_RELEASE_DIR``), and nbgitpuller is installed beside the course, as the README
asks of a hub's user image.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
SERVICE = "classroom-check"
# What the check's service may do: make the students, start and stop their servers, and use those servers' APIs.
SCOPES = ["admin:users", "admin:servers", "access:servers", "tokens", "list:users", "read:users"]


class HubError(RuntimeError):
    """The hub or a student's server did not do what a class needs; the message says what and where to look."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command(work: Path) -> Path:
    """configurable-http-proxy from the npm registry, installed once under build/ and reused."""
    cache = Path(__file__).parents[2] / "build" / "classroom-node"
    binary = cache / "node_modules" / ".bin" / "configurable-http-proxy"
    if not binary.exists():
        if not shutil.which("npm"):
            raise HubError("npm is needed to install JupyterHub's proxy (configurable-http-proxy): install Node.js "
                           "and npm (Debian: sudo apt-get install nodejs npm).")
        cache.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(cache),
                               "configurable-http-proxy@4"], capture_output=True, text=True)
        if done.returncode or not binary.exists():
            raise HubError(f"npm could not install configurable-http-proxy: {done.stderr.strip()[:300]}")
    return binary


ROOT = Path(__file__).parents[2]
NBGITPULLER = "nbgitpuller==1.3.0"
PASSWORD = "class"  # the dummy authenticator's one password: a test hub only
# Set in the hub's environment and every student server's: the proxy, the servers and their kernels inherit it, so
# this run's processes are told apart from anything else on the machine (for the memory and for the teardown).
MARKER = "BRINK_CLASSROOM_RUN"


def user_env() -> Path:
    """The students' environment, as a hub's user image: Binder's pins, nbgitpuller, and JupyterHub's single-user
    server at the hub's version, and NOT the course (the notebooks find it through ``notebooks/brink``, as the
    README's hub route says). Made once under build/ and remade when its requirements change."""
    import hashlib
    from importlib.metadata import version

    venv = ROOT / "build" / "classroom-user-env"
    wanted = [f"-r {ROOT / 'binder' / 'requirements.txt'}", NBGITPULLER, f"jupyterhub=={version('jupyterhub')}"]
    digest = hashlib.sha256("\n".join([*wanted[1:], (ROOT / "binder" / "requirements.txt").read_text()]).encode()
                            ).hexdigest()  # what is installed, wherever the repository is
    stamp = venv / ".brink-user-env"
    if stamp.exists() and stamp.read_text() == digest:
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    requirements = venv / "requirements.txt"
    requirements.write_text("\n".join(wanted) + "\n")
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "-r", str(requirements)],
                          capture_output=True, text=True)
    if done.returncode:
        raise HubError(f"pip could not build the students' environment: {done.stderr.strip()[-300:]}")
    stamp.write_text(digest)
    return venv


@dataclass
class Hub:
    work: Path
    url: str
    token: str
    release: Path
    homes: Path
    users: Path = field(default_factory=Path)  # the students' environment (a venv)
    process: subprocess.Popen | None = None
    log: Path = field(default_factory=Path)

    # -- the REST API -----------------------------------------------------------------------------------
    def api(self, method: str, path: str, body: dict | None = None, *, base: str | None = None,
            token: str | None = None, timeout: float = 60) -> tuple[int, dict | list | str]:
        """One request to the hub's REST API (``/hub/api/...``) or, with ``base="/user/NAME"``, to a student's
        server through the proxy: as the check's service, or with ``token`` as a student."""
        url = f"{self.url}{base or '/hub/api'}{path}"
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method,
                                         headers={"Authorization": f"token {token or self.token}",
                                                  "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = response.read().decode("utf-8", "replace")
                status = response.status
        except urllib.error.HTTPError as error:
            raw, status = error.read().decode("utf-8", "replace"), error.code
        try:
            return status, json.loads(raw) if raw else {}
        except ValueError:
            return status, raw

    def add_student(self, name: str) -> None:
        status, answer = self.api("POST", f"/users/{name}")
        if status not in (201, 409):
            raise HubError(f"the hub would not create {name}: {status} {answer}")

    def student_token(self, name: str) -> str:
        """A token of the student's own, as their browser's login would give them."""
        status, made = self.api("POST", f"/users/{name}/tokens", {"note": "classroom check", "expires_in": 7200})
        if status != 201 or not isinstance(made, dict):
            raise HubError(f"the hub would not make a token for {name}: {status} {made}")
        return made["token"]

    def start(self, name: str) -> None:
        status, answer = self.api("POST", f"/users/{name}/server")
        if status not in (201, 202, 400):  # 400: already running
            raise HubError(f"the hub would not start {name}'s server: {status} {answer}")

    def wait_ready(self, name: str, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            _, user = self.api("GET", f"/users/{name}")
            server = (user.get("servers") or {}).get("", {}) if isinstance(user, dict) else {}
            if server.get("ready"):
                return
            time.sleep(0.5)
        raise HubError(f"{name}'s server was not ready after {timeout:.0f} s; see {self.log}")

    def stop(self, name: str) -> None:
        self.api("DELETE", f"/users/{name}/server")

    def remove(self, name: str) -> None:
        self.api("DELETE", f"/users/{name}")

    def home(self, name: str) -> Path:
        return self.homes / name


def config(work: Path, port: int, token: str, release: Path, homes: Path, proxy: Path, users: Path) -> str:
    """The hub's jupyterhub_config.py: what a teacher's admin sets for a class, on loopback."""
    environment = {"BRINK_MODE": "classroom", "BRINK_RELEASE_DIR": str(release), MARKER: str(work),
                   "PATH": f"{users / 'bin'}{os.pathsep}/usr/local/bin{os.pathsep}/usr/bin{os.pathsep}/bin"}
    root = os.geteuid() == 0 if hasattr(os, "geteuid") else False
    return f"""
c = get_config()  # noqa
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = "sqlite:///{work / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(work / 'cookie_secret')!r}
c.JupyterHub.pid_file = {str(work / 'jupyterhub.pid')!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(homes / '{username}')!r}
c.Spawner.cmd = [{str(users / 'bin' / 'jupyterhub-singleuser')!r}]
c.Spawner.args = {["--allow-root"] if root else []!r} + ["--ServerApp.terminals_enabled=False"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 240
c.Spawner.http_timeout = 240
c.Spawner.environment = {environment!r}
c.JupyterHub.services = [{{"name": {SERVICE!r}, "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": {SERVICE!r}, "scopes": {SCOPES!r}, "services": [{SERVICE!r}]}}]
c.JupyterHub.log_level = "WARN"
"""


@contextlib.contextmanager
def running_hub(work: Path) -> Iterator[Hub]:
    """Start the hub, wait until its API answers, and on the way out stop every server, the proxy and the hub."""
    port, token = free_port(), secrets.token_hex(24)
    release, homes = work / "release", work / "home"
    release.mkdir(parents=True)
    homes.mkdir()
    users = user_env()
    (work / "jupyterhub_config.py").write_text(config(work, port, token, release, homes, proxy_command(work), users))
    log = work / "jupyterhub.log"
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    for name in ("BRINK_MODE", "BRINK_RELEASE_DIR", "BRINK_JOURNAL_DIR", "BRINK_DATA", "PYTHONPATH"):
        env.pop(name, None)  # the spawner's environment is the only place these come from; no course on a path
    env[MARKER] = str(work)
    hub = Hub(work, f"http://127.0.0.1:{port}", token, release, homes, users, log=log)
    with log.open("w") as out:
        hub.process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(work / "jupyterhub_config.py")],
                                       cwd=work, stdout=out, stderr=subprocess.STDOUT, env=env,
                                       start_new_session=True)
        try:
            deadline = time.monotonic() + 90
            while True:
                if hub.process.poll() is not None:
                    raise HubError(f"JupyterHub stopped as it started; see {log}: "
                                   + " ".join(log.read_text().split()[-40:]))
                with contextlib.suppress(OSError):
                    status, _ = hub.api("GET", "/", timeout=5)
                    if status == 200:
                        break
                if time.monotonic() > deadline:
                    raise HubError(f"JupyterHub did not answer within 90 s; see {log}")
                time.sleep(0.5)
            yield hub
        finally:
            teardown(hub)


def teardown(hub: Hub) -> None:
    """Stop every student's server through the hub, then the hub (which stops the proxy), then anything left."""
    with contextlib.suppress(Exception):
        _, users = hub.api("GET", "/users", timeout=10)
        for user in users if isinstance(users, list) else []:
            hub.stop(user["name"])
    if hub.process and hub.process.poll() is None:
        hub.process.send_signal(signal.SIGTERM)
        try:
            hub.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(hub.process.pid, signal.SIGKILL)
    for process in run_processes(hub.work):  # the proxy and servers run in sessions of their own: find them by mark
        with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
            process.kill()


def run_processes(work: Path) -> list:
    """Every process of this run still alive: the hub, its proxy, the students' servers and kernels."""
    import psutil

    found = []
    for process in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            if process.environ().get(MARKER) == str(work):
                found.append(process)
    return found
