"""Helpers for the browser tests and the benchmark: a uvicorn server in a thread, Debian's headless Chromium
driven through chromedriver (selenium, offline: both binaries come from apt), and records of a large synthetic
network (``make_records``)."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from factionmap.config import Settings
from factionmap.records import Actor, Document, Extraction, Relation, Span
from factionmap.vocabulary import ACTOR_KINDS, SYMMETRIC_RELATIONS
from factionmap.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(settings: Settings) -> Iterator[str]:
    """Serve ``settings.db`` on a free 127.0.0.1 port in a thread; yields the base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(profile_dir: Path, width: int = 1280, height: int = 800) -> Iterator[Any]:
    """A headless Chromium session with a fresh profile; ``window.alert`` and friends are recorded, not shown."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd(  # headless windows have a minimum width; emulate the exact viewport instead
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {
            "source": "window.__dialogs = [];"
            "for (const name of ['alert', 'confirm', 'prompt']) {"
            "  window[name] = (...args) => { window.__dialogs.push([name, String(args[0])]); };"
            "}"
        },
    )
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver: Any, script: str, timeout: float = 20.0) -> Any:
    """Poll ``return <script>`` in the page until it is truthy; return its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script(f"return {script}")
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for: {script}")
        time.sleep(0.05)


TYPES = ("allegiance", "branch_of", "alliance", "joint_operation", "rivalry", "conflict", "splinter_of", "merger")


def _date(rng: random.Random) -> str | None:
    return rng.choice([None, f"{rng.randint(2000, 2020)}", f"{rng.randint(2000, 2020)}-{rng.randint(1, 12):02d}"])


def make_records(n_relations: int, n_actors: int = 2000, per_doc: int = 20, seed: int = 5) -> list[Extraction]:
    """Deterministic records holding ``n_relations`` distinct relations."""
    rng = random.Random(seed)
    actors = [Actor(f"x{i}", f"Group {i}", ACTOR_KINDS[i % 4], (f"G{i}",), f"name:group {i}") for i in range(n_actors)]
    facts: set[tuple[int, str, int]] = set()
    while len(facts) < n_relations:
        a, b = rng.sample(range(n_actors), 2)
        kind = rng.choice(TYPES)
        if kind in SYMMETRIC_RELATIONS:  # the store keeps one fact per unordered pair
            a, b = min(a, b), max(a, b)
        facts.add((a, kind, b))
    ordered = sorted(facts)
    rng.shuffle(ordered)
    records = []
    for d in range(0, len(ordered), per_doc):
        chunk = ordered[d : d + per_doc]
        sentences = [f"Group {a} and Group {b} ({t.replace('_', ' ')})." for a, t, b in chunk]
        text = " ".join(sentences)
        relations, pos = [], 0
        for (a, t, b), sentence in zip(chunk, sentences, strict=True):
            start = text.index(sentence, pos)
            pos = start + len(sentence)
            end = _date(rng)
            relations.append(Relation(f"x{a}", t, f"x{b}", Span(sentence, start, pos), _date(rng), end))
        used = sorted({i for a, _, b in chunk for i in (a, b)})
        doc = Document(f"doc{d}", text, f"doc{d}.txt", f"Article {d}", "2020-01-01", "metadata",
                       f"https://outlet{d % 50}.example/a{d}")
        records.append(Extraction(doc, tuple(actors[i] for i in used), relations=tuple(relations)))
    return records
