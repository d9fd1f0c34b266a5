"""Abusive clients on loopback, each loop bounded in count and time, for the tests and `make attack`."""
