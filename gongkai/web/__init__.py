"""The review web UI (FastAPI + Jinja2, server-rendered, in Chinese): `create_app()`."""
