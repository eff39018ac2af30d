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
# Two threads: enough to overlap a database wait, few enough that threads do not
# fight over the interpreter. bench/submit.py, 200 young people with no pauses, on 2
# cores, runs alternated: SQLite 370–411 requests/s with two threads against 334–368
# with four, PostgreSQL 339–341 against 295–308, and 8% less CPU a request.
threads = int(os.environ.get("THREADS", 2))
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = os.environ.get("ACCESS_LOG") or None
access_log_format = '"%(r)s" %(s)s %(b)s %(M)sms'
preload_app = True  # workers fork ready together, and share the parsed code
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
