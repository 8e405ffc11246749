"""Run a function over a stream of items, here or on a Dask cluster, results in input order.

One process by default. With ``workers`` > 1 a local Dask cluster of that many single-threaded
worker processes is started (Python's checks hold the GIL, so processes, not threads), or an
existing scheduler is used when its address is given. Items go out in batches, with a bounded
number in flight, so memory stays flat however long the stream; results come back in the order
the items came in, so what is built from them is identical to the single-process run.

    >>> list(ordered_map(len, iter(["ab", "c"])))
    [2, 1]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

BATCH = 32  # items per task: a document takes milliseconds, a task's overhead about one
IN_FLIGHT_PER_WORKER = 4


def ordered_map(fn: Callable, items: Iterable, *args, workers: int = 1, scheduler: str | None = None) -> Iterator:
    if workers <= 1 and scheduler is None:
        for item in items:
            yield fn(item, *args)
        return
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        from mtcheck.io.readers import InputError

        raise InputError("--workers and --scheduler need Dask: pip install 'mtcheck[dask]'") from None
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        limit = IN_FLIGHT_PER_WORKER * max(workers, len(client.scheduler_info()["workers"]) or 1)
        pending: deque = deque()
        stream = iter(items)
        while True:
            while len(pending) < limit:
                batch = list(islice(stream, BATCH))
                if not batch:
                    break
                pending.append(client.submit(_apply, fn, batch, args, pure=False))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _apply(fn: Callable, batch: list, args: tuple) -> list:
    return [fn(item, *args) for item in batch]
