"""The page in a real browser: Debian's headless Chromium against a uvicorn server (factionmap.web).

Needs ``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` (apt packages chromium, chromium-driver) and the
``selenium`` package; skipped with the reason when they are absent. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMEDRIVER, CHROMIUM, chromium, make_records, running_server, wait_for
from web_records import HOSTILE_SENTENCE, HOSTILE_TITLE, build_store

from factionmap.config import Settings
from factionmap.records import Document

pytestmark = [
    pytest.mark.issue(5),
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)",
    ),
]
pytest.importorskip("selenium", reason="needs the selenium package (pip install selenium)")

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
SEEDS = Path(__file__).parents[2] / "shared" / "seeds"
VISIBLE_EDGES = (
    "window.factionmap.cy.edges(':visible').map("
    "e => [e.source().data('name'), e.data('type'), e.target().data('name')])"
)


@pytest.fixture(scope="module")
def hand_made_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the hand-made IMU, IJU and hostile-HTML records."""
    db = build_store(tmp_path_factory.mktemp("web") / "web.db")
    with running_server(Settings(db=str(db))) as base:
        yield base


LARGE_RELATIONS = 2_000  # more than the page draws first (FIRST_DRAW in static/js/network.js)


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a synthetic network of 2,000 relations between 400 actors."""
    from factionmap.store import open_store

    db = tmp_path_factory.mktemp("large") / "large.db"
    with open_store(db) as store:
        for record in make_records(LARGE_RELATIONS, n_actors=400):
            store.add_extraction(record)
    with running_server(Settings(db=str(db))) as base:
        yield base


def api_edges(base: str, as_of: str | None = None) -> set[tuple[str, str, str]]:
    """/api/graph's edges (as of a date, or all), as (subject, type, object) names."""
    import json
    import urllib.request

    with urllib.request.urlopen(f"{base}/api/graph" + (f"?as_of={as_of}" if as_of else "")) as response:
        graph = json.load(response)
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    return {(names[e["subject_id"]], e["type"], names[e["object_id"]]) for e in graph["edges"]}


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a store ingested from the seed articles with the real extractor."""
    if not SEEDS.is_dir():
        pytest.skip(f"needs the seed articles in {SEEDS}")
    from factionmap.extract import Extractor
    from factionmap.ingest import read_documents
    from factionmap.store import open_store

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    documents = [d for d in read_documents([SEEDS]) if isinstance(d, Document)]
    with open_store(db) as store:
        for record in Extractor.from_settings(Settings()).extract_all(documents):
            store.add_extraction(record)
    with running_server(Settings(db=str(db))) as base:
        yield base


def open_page(driver: Any, base: str) -> None:
    """Load the page and wait until the network has rendered."""
    driver.get(f"{base}/")
    assert wait_for(driver, "document.body.dataset.state") == "ready"


def move_slider(driver: Any, date: str) -> None:
    """Drag the "as of" slider to a day (as a user's input events would)."""
    driver.execute_script(
        "const s = document.getElementById('slider');"
        "s.value = String(Math.round(Date.parse(arguments[0] + 'T00:00:00Z') / 86400000));"
        "s.dispatchEvent(new Event('input', {bubbles: true}));",
        date,
    )


def shown(driver: Any) -> set[tuple[str, str, str]]:
    """The edges the network shows once it has drawn the next frame, as (subject, type, object) labels."""
    edges = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"requestAnimationFrame(() => requestAnimationFrame(() => done({VISIBLE_EDGES})));"
    )
    return {tuple(edge) for edge in edges}


def screenshot(driver: Any, name: str) -> Path:
    """Save a screenshot under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    return path


def test_slider_back_from_2016_to_2015_01_brings_back_the_imu_taliban_alliance(
    hand_made_site: str, tmp_path: Path
) -> None:
    with chromium(tmp_path / "profile") as driver:
        open_page(driver, hand_made_site)
        move_slider(driver, "2016-06-01")
        in_2016 = shown(driver)
        assert driver.find_element("id", "as-of").get_attribute("value") == "2016-06-01"
        move_slider(driver, "2015-01-15")
        in_2015 = shown(driver)
        screenshot(driver, "network-hand-made-2015-01.png")
    imu_taliban = ("Islamic Movement of Uzbekistan", "alliance", "Taliban")
    imu_is = ("Islamic Movement of Uzbekistan", "allegiance", "Islamic State")
    assert imu_is in in_2016 and imu_taliban not in in_2016
    assert imu_taliban in in_2015 and imu_is not in in_2015


def test_date_box_sets_as_of(hand_made_site: str, tmp_path: Path) -> None:
    with chromium(tmp_path / "profile") as driver:
        open_page(driver, hand_made_site)
        box = driver.find_element("id", "as-of")
        box.send_keys("2015-08-07\n")
        status = driver.find_element("id", "graph-status").text
    assert "relations · as of 2015-08-07" in status


def test_hostile_article_shows_script_as_text_and_runs_nothing(hand_made_site: str, tmp_path: Path) -> None:
    with chromium(tmp_path / "profile") as driver:
        open_page(driver, hand_made_site)
        driver.execute_script(
            "window.factionmap.cy.edges().filter(e => e.data('type') === 'joint_operation').emit('tap')"
        )
        wait_for(driver, "document.querySelector('#details .evidence')")
        details = driver.find_element("id", "details")
        text = details.text
        injected = driver.execute_script("return document.querySelectorAll('#details script, #details img').length")
        dialogs = driver.execute_script("return window.__dialogs")
        screenshot(driver, "evidence-hostile-text.png")
    assert HOSTILE_SENTENCE in text
    assert HOSTILE_TITLE in text
    assert "claimed by Islamic Jihad Union" in text
    assert injected == 0
    assert dialogs == []


def test_clicking_a_node_opens_the_actor_page_and_search_finds_aliases(hand_made_site: str, tmp_path: Path) -> None:
    with chromium(tmp_path / "profile") as driver:
        open_page(driver, hand_made_site)
        search = driver.find_element("id", "search-input")
        search.send_keys("Islamic Jihad Group")
        wait_for(driver, "document.querySelector('#search-results button')")
        driver.find_element("css selector", "#search-results button").click()
        wait_for(driver, "document.querySelector('#details h2')")
        heading = driver.find_element("css selector", "#details h2").text
        page = driver.find_element("id", "details").text
    assert heading == "Islamic Jihad Union"
    assert "Also known as: IJU, Islamic Jihad Group" in page
    assert "splinter of" in page and "Kunduz" in page


@pytest.mark.parametrize(("width", "height", "name"), [(1280, 800, "desktop"), (390, 844, "phone")])
def test_layout_fits_desktop_and_phone(hand_made_site: str, tmp_path: Path, width: int, height: int, name: str) -> None:
    with chromium(tmp_path / "profile", width, height) as driver:
        open_page(driver, hand_made_site)
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        net = driver.execute_script("const r = document.getElementById('network').getBoundingClientRect(); return [r.width, r.height]")
        screenshot(driver, f"layout-{name}-network.png")
        driver.find_element("css selector", "[data-tab=map]").click()
        wait_for(driver, "document.body.dataset.map === 'ready'")
        markers = driver.find_element("id", "map-status").text
        screenshot(driver, f"layout-{name}-map.png")
        driver.find_element("css selector", "[data-tab=timeline]").click()
        wait_for(driver, "document.body.dataset.timeline === 'ready'")
        events = driver.find_elements("css selector", "#timeline .vis-item .item-text")
        screenshot(driver, f"layout-{name}-timeline.png")
    assert overflow <= 0
    assert net[0] >= min(width, 1280) * 0.5 and net[1] >= 300
    assert markers.startswith("2 place markers")
    assert len(events) == 2


@pytest.mark.shared
def test_seeds_network_shows_the_seed_actors_and_follows_the_date(seeds_site: str, tmp_path: Path) -> None:
    with chromium(tmp_path / "profile") as driver:
        open_page(driver, seeds_site)
        labels = set(driver.execute_script("return window.factionmap.cy.nodes().map(n => n.data('name'))"))
        screenshot(driver, "network-seeds.png")
        move_slider(driver, "2016-01-01")
        in_2016 = shown(driver)
        move_slider(driver, "2013-01-01")
        in_2013 = shown(driver)
        screenshot(driver, "network-seeds-2013.png")
    assert {"Islamic Jihad Union", "Taliban", "al Qaeda", "Islamic State"} <= labels
    assert in_2016 == api_edges(seeds_site, "2016-01-01")
    assert in_2013 == api_edges(seeds_site, "2013-01-01")
    assert in_2016 != in_2013


def test_large_network_shows_the_strongest_relations_first_then_all_of_them(large_site: str, tmp_path: Path) -> None:
    with chromium(tmp_path / "profile") as driver:
        open_page(driver, large_site)
        first = driver.execute_script("return window.factionmap.progress[0]")
        assert wait_for(driver, "document.body.dataset.loaded === 'all' && document.body.dataset.allMs")
        drawn = driver.execute_script("return window.factionmap.cy.edges().length")
        status = driver.find_element("id", "graph-status").text
        show_all_hidden = driver.execute_script("return document.getElementById('show-all').hidden")
        every = shown(driver)
        screenshot(driver, "network-large-all.png")
        move_slider(driver, "2010-06-01")
        in_2010 = shown(driver)
        status_2010 = driver.find_element("id", "graph-status").text
    assert 0 < first["drawn"] < first["edges"] == LARGE_RELATIONS and not first["done"]
    assert first["status"] == f"Showing {first['drawn']} of {LARGE_RELATIONS} relations (strongest first) · all dates — loading…"
    assert drawn == LARGE_RELATIONS and show_all_hidden
    assert status.endswith(f", {LARGE_RELATIONS} relations · all dates")
    assert every == api_edges(large_site)
    assert in_2010 == api_edges(large_site, "2010-06-01") and len(in_2010) < LARGE_RELATIONS
    assert f"{len(in_2010)} relations · as of 2010-06-01" in status_2010


def test_show_all_draws_every_relation_at_once(large_site: str, tmp_path: Path) -> None:
    with chromium(tmp_path / "profile") as driver:
        driver.get(f"{large_site}/")
        # Click "show all" as soon as it appears (before the idle batches have finished, if the page is quick).
        wait_for(driver, "document.body.dataset.state === 'ready'")
        before = driver.execute_script(
            "const b = document.body.dataset.loaded; document.getElementById('show-all').click(); return b"
        )
        assert wait_for(driver, "document.body.dataset.loaded") == "all"
        drawn = driver.execute_script("return window.factionmap.cy.edges().length")
        hidden = driver.execute_script("return document.getElementById('show-all').hidden")
        steps = driver.execute_script("return window.factionmap.progress.map(p => p.drawn)")
    assert drawn == LARGE_RELATIONS and hidden
    if before == "partial":  # clicked while loading: everything came in one step
        assert steps[-1] == LARGE_RELATIONS and len(steps) == 2
