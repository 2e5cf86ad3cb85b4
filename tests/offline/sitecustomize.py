"""Loaded by every Python started with this folder on PYTHONPATH (tests/test_offline.py):
refuses any network connection that is not to this machine, and logs the attempt to
$NETWORK_BLOCK_LOG so a caller that swallows the error still fails the test."""

import os
import socket

_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")


def _record(what):
    log = os.environ.get("NETWORK_BLOCK_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {what}\n")
    raise OSError(f"network access blocked by tests/offline/sitecustomize.py: {what}")


def _is_local(address):
    if isinstance(address, tuple) and address:
        return str(address[0]).startswith(_LOCAL)
    return True  # unix sockets


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_getaddrinfo = socket.getaddrinfo


def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address):
        _record(f"connect {address!r}")
    return _connect(self, address)


def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address):
        _record(f"connect_ex {address!r}")
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if host is not None and not str(host).startswith(_LOCAL):
        _record(f"getaddrinfo {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo
