"""The central server: FastAPI over SQLAlchemy (SQLite embedded, PostgreSQL in production).

Stateless by design: every process reads and writes only the database, so many processes can run
behind a load balancer on one PostgreSQL.
"""
