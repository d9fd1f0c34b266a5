"""Gunicorn settings for `make serve`: `gunicorn -c python:mock_app.gunicorn_conf 'mock_app:create_app()'`."""
import os

bind = [os.environ.get("BIND", "127.0.0.1:8000")]
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Build the app once in the master: the database and the instance secret are created a
# single time, before any worker exists, and every worker inherits the same secret.
preload_app = True
timeout = 30
graceful_timeout = 5
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")

# The app's own log lines (regenerations, by key fingerprint) go to the error log too.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "loggers": {"mock_app": {"level": "INFO", "handlers": ["error_console"], "propagate": False}},
}
