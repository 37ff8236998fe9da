"""Benchmarks for dxcheck: a deterministic data generator (``generate``) and the runner (``run``)."""
