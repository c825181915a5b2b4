"""A batch rendered on a Dask cluster (`xbrlify convert --engine dask [--scheduler ADDRESS]`): the same
outputs, report and up-to-date skipping as a local batch, because only the rendering moves.

This process plans the batch, skips what is up to date, reads each input's bytes (workers need not see
its files) and hands (job, bytes) to the cluster, a bounded number at a time (a batch of half a million
releases is never all in memory); workers run `render_file`, exactly what a local worker
process runs, and send back the rendered files; this process writes each and records it in the manifest
as it arrives (batch.py `done`). A stop cancels what is still queued on the cluster. Workers need xbrlify,
at the same version, importable: `pip install 'xbrlify[dask]'` where they run.
"""
from __future__ import annotations

import itertools
from typing import Callable, Optional

from .conversion import EXIT_INTERNAL, Job, Outcome, _one_line, render_file


IN_FLIGHT = 64   # files sent to the cluster and not yet back, at most (or 4 per local worker, if more)


class DaskUnavailable(Exception):
    """dask.distributed is not installed: one line saying how to get it."""


def _distributed():
    try:
        import distributed
    except ImportError:
        raise DaskUnavailable("--engine dask needs Dask: pip install 'xbrlify[dask]'") from None
    return distributed


def _render(job: Job, data: Optional[bytes]) -> Outcome:
    return render_file(job, data)


def _read(job: Job) -> Optional[bytes]:
    """The input's bytes, or None when reading fails: the worker then reads it itself and reports the
    failure exactly as a local batch would."""
    from .readers.source import read_bytes
    try:
        return read_bytes(job.source)
    except Exception:
        return None


def run_on_dask(todo: list[tuple[int, Job, str]], done: Callable[[int, str, Outcome], None],
                scheduler: Optional[str] = None, workers: int = 1) -> None:
    """Render every job on the cluster at `scheduler` (a LocalCluster of `workers` processes when None),
    calling `done(i, fingerprint, outcome)` here as each comes back."""
    distributed = _distributed()
    cluster = None
    if scheduler is None:
        cluster = distributed.LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        scheduler = cluster.scheduler_address
    client = distributed.Client(scheduler)
    futures = {}
    waiting = iter(todo)

    def submit_next(completed) -> None:
        for i, job, fp in itertools.islice(waiting, 1):
            future = client.submit(_render, job, _read(job), pure=False)
            futures[future] = (i, job, fp)
            completed.add(future)

    try:
        completed = distributed.as_completed()
        for _ in range(max(IN_FLIGHT, 4 * max(1, workers))):   # a bounded window: inputs are read as sent
            submit_next(completed)
        for future in completed:
            submit_next(completed)
            i, job, fp = futures.pop(future)
            try:
                outcome = future.result()
            except Exception as e:   # a worker lost, a pickling problem: the file fails, the batch goes on
                outcome = Outcome(str(job.source), str(job.output), EXIT_INTERNAL,
                                  f"internal error on the Dask cluster: {type(e).__name__}: {_one_line(e)}")
            done(i, fp, outcome)
    finally:
        if futures:   # stopped: nothing more is rendered for us
            client.cancel(list(futures))
        client.close()
        if cluster is not None:
            cluster.close()
