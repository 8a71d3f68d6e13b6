"""Imported only by the forkserver of ``newsfuse serve``'s worker processes (``serve_pool.PRELOAD``): runs the
pipeline once there, so that every worker process forked from it starts warm (in milliseconds, sharing what the
warm-up loaded) instead of spending half a second of its first request's time on it."""

from newsfuse.serve_pool import warm_up

warm_up(None)
