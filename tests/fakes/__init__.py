"""Loopback fakes of the platforms the adapters talk to."""
