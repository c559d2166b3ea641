"""Helpers shared by the benchmark scripts (run as `python bench/<script>.py`, so this
directory is on sys.path)."""

import resource
import statistics

from odoo import SUPERUSER_ID, api


def env_for(cr, uid=SUPERUSER_ID, context=None):
    return api.Environment(cr, uid, context or {})


def percentiles(samples):
    """Count, median and 95th percentile (nearest rank) of durations in seconds, in ms."""
    samples = sorted(samples)
    p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]
    return {
        "n": len(samples),
        "p50_ms": round(statistics.median(samples) * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
    }


def peak_rss_mib():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
