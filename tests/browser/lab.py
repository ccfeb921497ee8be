"""A JupyterLab server and a Chromium page for the browser tests (recipe: shared stack notes, §4)."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[2]
CHROMIUM = os.environ.get("BRINK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # other tabs stay in the DOM, hidden
NO_NEWS = {"fetchNews": "false", "checkForUpdates": False}
ALL_CELLS = {"windowingMode": "none"}  # render every cell, so checks and screenshots see the whole notebook


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return (f"Chromium not found at {CHROMIUM}. Install Debian's package (sudo apt-get install chromium) "
                "or point BRINK_CHROMIUM at a Chromium binary.")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "The Python package playwright is not installed: pip install -e '.[test]'"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    base: str
    token: str
    home: Path
    answers: Path
    app: str = "lab"

    def url(self, notebook: str) -> str:
        if self.app == "notebook":  # Notebook 7 opens one notebook per page
            return f"{self.base}/notebooks/notebooks/{notebook}?token={self.token}"
        return f"{self.base}/lab/tree/notebooks/{notebook}?reset&token={self.token}"


@contextlib.contextmanager
def lab_server(app: str = "lab") -> Iterator[Lab]:
    """A fresh JupyterLab (or, with ``app="notebook"``, Notebook 7) on 127.0.0.1 with a random port and token,
    and its own config folders."""
    home = Path(tempfile.mkdtemp(prefix="brink-lab-"))
    port, token = _free_port(), secrets.token_hex(16)
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(json.dumps(NO_NEWS))
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps(ALL_CELLS))
    env = dict(os.environ, HOME=str(home), JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), IPYTHONDIR=str(home / "ipython"),
               MPLCONFIGDIR=str(home / "mpl"), BRINK_JOURNAL_DIR=str(home / "answers"), XDG_CONFIG_HOME=str(home / "xdg"))
    env.pop("BRINK_MODE", None)
    command = [sys.executable, "-m", "jupyter", app, "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={token}", "--ServerApp.password=", f"--ServerApp.root_dir={ROOT}",
               f"--LabServerApp.user_settings_dir={home / 'settings'}", f"--LabServerApp.workspaces_dir={home / 'workspaces'}"]
    if app == "lab":
        command.append("--LabApp.news_url=None")
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    log = open(home / "server.log", "wb")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"jupyter {app} did not start:\n" + (home / "server.log").read_text(errors="replace")[-3000:])
            time.sleep(0.3)
        yield Lab(base, token, home, home / "answers", app)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(home, ignore_errors=True)
