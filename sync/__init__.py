"""Shared core of KS Desk: the wire protocol and the business rules both sides import.

Nothing in this package (outside ``sync.server``) imports Qt or the server; the client and the
server import it. A rule lives here exactly once.
"""

__version__ = "0.1.0"
