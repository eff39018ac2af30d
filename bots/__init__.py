"""Chat channels: thin adapters that parse a message, call one service, and reply."""
