"""Use cases: each public function opens a transaction, calls the core, writes.

Channels (web pages, the chatbot, the command line) call these and nothing
below them, so a rule lives in one place whatever the channel.
"""
