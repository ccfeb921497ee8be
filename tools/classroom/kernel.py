"""A student's kernel on the hub, driven over the Jupyter Server's REST and websocket APIs, as JupyterLab does.

A session is opened for the notebook (so the kernel starts in the notebook's folder, as when a student opens
it), and code runs through the kernel's websocket with Jupyter's message protocol; no client library beyond
``websocket-client`` (which Jupyter Server itself depends on).
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from dataclasses import dataclass, field

import websocket

IDLE_S = 15  # seconds a kernel's socket may sit unused before the next cell reconnects it


class KernelError(RuntimeError):
    """Code a student's kernel could not run: the message names the student, the notebook and the error."""


@dataclass
class Kernel:
    hub: object  # hub.Hub
    student: str
    path: str  # the notebook, from the student's home
    token: str  # the student's own API token
    session: str = field(default_factory=lambda: uuid.uuid4().hex)
    kernel_id: str = ""
    socket: websocket.WebSocket | None = None
    used: float = 0.0  # when the socket last carried a cell

    def open(self) -> Kernel:
        status, made = self.hub.api("POST", "/api/sessions", {"path": self.path, "type": "notebook", "name": "",
                                                              "kernel": {"name": "python3"}},
                                    base=f"/user/{self.student}", token=self.token)
        if status not in (200, 201) or not isinstance(made, dict):
            raise KernelError(f"{self.student}: no kernel for {self.path}: {status} {made}")
        self.kernel_id = made["kernel"]["id"]
        self.connect()
        return self

    def connect(self) -> None:
        """(Re)open the kernel's websocket, as JupyterLab does after a dropped connection: the kernel and everything
        in it stay as they were."""
        if self.socket is not None:
            self.socket.close()
        url = self.hub.url.replace("http", "ws", 1) + f"/user/{self.student}/api/kernels/{self.kernel_id}/channels"
        self.socket = websocket.create_connection(f"{url}?session_id={self.session}", timeout=300,
                                                  header=[f"Authorization: token {self.token}"])

    def run(self, code: str, timeout: float = 300) -> str:
        """Run ``code`` as one cell; return what it printed and its result's text. An error raises KernelError."""
        # Between cells nobody answers the server's pings, so a socket left idle (a student waiting for the class)
        # may have been closed by the server; reconnect first, as JupyterLab does. The kernel keeps its state.
        if self.socket is None or not self.socket.connected or time.monotonic() - self.used > IDLE_S:
            self.connect()
        self.used = time.monotonic()
        msg_id = uuid.uuid4().hex
        self.socket.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.student, "session": self.session, "version": "5.3",
                       "msg_type": "execute_request", "date": dt.datetime.now(dt.UTC).isoformat()},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        said, replied, idle = [], False, False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise KernelError(f"{self.student}: {self.path} did not finish a cell within {timeout:.0f} s")
            raw = self.socket.recv()
            if not raw or isinstance(raw, bytes):  # a control frame, or a binary message nobody here asked for
                if not self.socket.connected:
                    raise KernelError(f"{self.student}: the connection to {self.path}'s kernel closed mid-cell")
                continue
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                said.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                said.append(content.get("data", {}).get("text/plain", ""))
            elif kind == "error":
                raise KernelError(f"{self.student}: {self.path}: {content['ename']}: {content['evalue']}")
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
        self.used = time.monotonic()
        return "".join(said)

    def close(self) -> None:
        if self.socket is not None:
            self.socket.close()
        if self.kernel_id:
            self.hub.api("DELETE", f"/api/kernels/{self.kernel_id}", base=f"/user/{self.student}", token=self.token)
