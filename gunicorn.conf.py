"""gunicorn settings for Engage: ``gunicorn -c gunicorn.conf.py wsgi:app``.

One process per core with threads: the work is CPU-bound Python plus short
database waits. No access log by default, and never the client's address:
answers are anonymous and the logs should not undo that.
"""
import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", 4))
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = os.environ.get("ACCESS_LOG") or None
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
preload_app = True  # workers fork ready together, and share the parsed code
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
