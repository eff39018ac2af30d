"""A bare Flask app: the floor that Engage's load figures are compared with.

Served by bench/submit.py under the same gunicorn settings as Engage.
"""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello, World!"
