"""KS Desk Desktop — the Qt client. Imports ``sync`` (shared rules, protocol), never ``sync.server``."""

__version__ = "0.1.0"
APP_NAME = "KSDesk"
APP_TITLE = "КС Деск"
