"""HTTP routers under ``/api/v1``."""
