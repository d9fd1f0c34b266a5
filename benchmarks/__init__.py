"""Benchmarks: the browser suite against its floor, the whole suite's parts, and the server under load."""
