"""Many people confirming "Regenerate" on one channel at the same moment, over real HTTP.

Speaks HTTP only and imports nothing of the app, so that worker processes start quickly.
"""

import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context
from multiprocessing.synchronize import Barrier
from typing import TYPE_CHECKING, NamedTuple

from testkit.http_client import HttpSession, key_shown_on

if TYPE_CHECKING:
    from mock_app.seed import DemoAccount

LINE_UP_TIMEOUT_S = 60
_process_start_line: Barrier | None = None


class Outcome(NamedTuple):
    """One confirmation: the answers to the POST and to the page it leads to, and the key shown there."""

    confirm_status: int
    page_status: int
    shown_key: str
    bodies: str


def _confirm_repeatedly(
    session: HttpSession, channel_path: str, rounds: int, start: threading.Barrier
) -> list[Outcome]:
    start.wait(timeout=LINE_UP_TIMEOUT_S)
    outcomes = []
    for _ in range(rounds):
        confirm = session.post_form(f"{channel_path}/regenerate", {})
        page = session.get(channel_path)
        shown = key_shown_on(page.body, channel_path) or ""
        outcomes.append(Outcome(confirm.status, page.status, shown, confirm.body + page.body))
    return outcomes


def burst_in_threads(
    base_url: str, account: "DemoAccount", channel_path: str, threads: int, rounds: int
) -> list[Outcome]:
    """`threads` people sharing one login each confirm `rounds` times, all starting together."""
    session = HttpSession(base_url)
    session.log_in(account.email, account.password)
    start = threading.Barrier(threads)
    with ThreadPoolExecutor(threads) as pool:
        futures = [pool.submit(_confirm_repeatedly, session, channel_path, rounds, start) for _ in range(threads)]
        return [outcome for future in futures for outcome in future.result()]


def _remember_start_line(barrier: Barrier) -> None:
    global _process_start_line
    _process_start_line = barrier


def _burst_in_this_process(
    base_url: str, account: "DemoAccount", channel_path: str, threads: int, rounds: int
) -> list[Outcome]:
    assert _process_start_line is not None
    _process_start_line.wait(timeout=LINE_UP_TIMEOUT_S)  # every process has started and imported
    return burst_in_threads(base_url, account, channel_path, threads, rounds)


def burst_in_processes(
    base_url: str, account: "DemoAccount", channel_path: str, processes: int, threads: int, rounds: int
) -> list[Outcome]:
    """The same from several processes, each with its own login and its own threads."""
    context = get_context("spawn")  # no fork of a process that runs threads
    start_line = context.Barrier(processes)
    with ProcessPoolExecutor(
        processes, mp_context=context, initializer=_remember_start_line, initargs=(start_line,)
    ) as pool:
        futures = [
            pool.submit(_burst_in_this_process, base_url, account, channel_path, threads, rounds)
            for _ in range(processes)
        ]
        return [outcome for future in futures for outcome in future.result(timeout=LINE_UP_TIMEOUT_S * 2)]
