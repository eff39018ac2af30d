"""WSGI entry point for production servers: gunicorn wsgi:app."""
from engage import create_app
from engage.warm_up import warm_up

app = create_app()
warm_up(app)
