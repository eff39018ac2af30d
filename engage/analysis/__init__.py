"""Text analysis: plain functions from text to flags and scores.

No database, no request: fast to test, to benchmark and to run in a worker.
"""
