"""The platform-neutral core: plain values in, reply values out, no I/O of its own."""
