"""The page as an analyst's workbench (issue 14), in a real browser: Debian's headless Chromium against a uvicorn
server over real stores. One section per point of the issue: readable, time, explore, shareable, tables, map
and timeline, phone, and safety (escaping, CSP, accessibility with axe-core).

Screenshots go to ``test-artifacts/workbench/`` (ignored by git); ``scripts/update_screenshots`` copies them to
``docs/screenshots/`` when the page has changed on purpose.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMEDRIVER, CHROMIUM, chromium, running_server, wait_for
from web_records import HOSTILE_SENTENCE, HOSTILE_TITLE, build_workbench_store

from factionmap.config import Settings
from factionmap.records import Actor, Document, Extraction, Relation, Span

pytestmark = [
    pytest.mark.issue(14),
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)",
    ),
]
pytest.importorskip("selenium", reason="needs the selenium package (pip install selenium)")

ROOT = Path(__file__).parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "workbench"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
STATIC_JS = ROOT / "factionmap" / "web" / "static" / "js"
IMU, TALIBAN, IS, IJU, GHAZI = (
    "Islamic Movement of Uzbekistan", "Taliban", "Islamic State", "Islamic Jihad Union", "Uthman Ghazi")
VISIBLE_EDGES = (
    "window.factionmap.cy.edges(':visible').map("
    "e => [e.source().data('name'), e.data('type'), e.target().data('name')])"
)


# --- fixtures and helpers ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the hand-made records plus a second article telling the IJU's attack (and Baghlan)."""
    db = build_workbench_store(tmp_path_factory.mktemp("workbench") / "web.db")
    with running_server(Settings(db=str(db))) as base:
        yield base


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One 1280x800 Chromium for the module (each test loads the page afresh)."""
    with chromium(tmp_path_factory.mktemp("desktop"), 1280, 800) as driver:
        yield driver


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One 390x844 Chromium (a phone's viewport, touch) for the module."""
    with chromium(tmp_path_factory.mktemp("phone"), 390, 844) as driver:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
        yield driver


def load(driver: Any, base: str, fragment: str = "") -> None:
    """Load the page (a fresh document, even when only the fragment differs) and wait until it is drawn and its
    side panel has been filled once."""
    driver.get("about:blank")
    driver.get(f"{base}/{'#' + fragment if fragment else ''}")
    assert wait_for(driver, "document.body.dataset.state") == "ready"
    wait_for(driver, "document.body.dataset.side")


def settle(driver: Any) -> None:
    """Wait for two animation frames (the network redraws on the next one)."""
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));"
    )


def shown(driver: Any) -> set[tuple[str, str, str]]:
    """The edges the network shows, as (subject, type, object) names."""
    settle(driver)
    return {tuple(edge) for edge in driver.execute_script(f"return {VISIBLE_EDGES}")}


def shown_nodes(driver: Any) -> set[str]:
    """Names of the actors the network shows."""
    settle(driver)
    return set(driver.execute_script("return window.factionmap.cy.nodes(':visible').map(n => n.data('name'))"))


def status(driver: Any) -> str:
    return str(driver.find_element("id", "graph-status").text)


def screenshot(driver: Any, name: str) -> Path:
    """Save a screenshot under test-artifacts/workbench/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    return path


def api(base: str, path: str) -> Any:
    with urllib.request.urlopen(f"{base}{path}") as response:
        return json.load(response)


def actor_id(base: str, name: str) -> int:
    return int(api(base, f"/api/actors?q={urllib.request.quote(name)}")[0]["id"])


def tab(driver: Any, name: str) -> None:
    driver.find_element("css selector", f"[data-tab={name}]").click()
    wait_for(driver, f"document.querySelector('#tab-{name}').hidden === false")


def set_date(driver: Any, element_id: str, value: str) -> None:
    box = driver.find_element("id", element_id)
    box.clear()
    box.send_keys(value + "\n")


def rendered_point(driver: Any, selector: str) -> tuple[float, float]:
    """Viewport coordinates of a node's centre or an edge's midpoint."""
    return tuple(driver.execute_script(
        "const ele = window.factionmap.cy.$(arguments[0]);"
        "const p = ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint();"
        "const box = document.getElementById('network').getBoundingClientRect();"
        "return [box.left + p.x, box.top + p.y];",
        selector,
    ))


def edge_selector(driver: Any, subject: str, kind: str, obj: str) -> str:
    return "#" + str(driver.execute_script(
        "return window.factionmap.cy.edges().filter(e => e.source().data('name') === arguments[0]"
        " && e.data('type') === arguments[1] && e.target().data('name') === arguments[2])[0].id()",
        subject, kind, obj,
    ))


def node_selector(driver: Any, name: str) -> str:
    return "#" + str(driver.execute_script(
        "return window.factionmap.cy.nodes().filter(n => n.data('name') === arguments[0])[0].id()", name))


def hover(driver: Any, point: tuple[float, float]) -> None:
    """Move the real mouse pointer to a viewport point."""
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": point[0], "y": point[1]})
    settle(driver)


def click(driver: Any, point: tuple[float, float]) -> None:
    """A real left click at a viewport point."""
    for kind in ("mousePressed", "mouseReleased"):
        driver.execute_cdp_cmd("Input.dispatchMouseEvent",
                               {"type": kind, "x": point[0], "y": point[1], "button": "left", "clickCount": 1})


def tap(driver: Any, point: tuple[float, float]) -> None:
    """A finger's tap at a viewport point."""
    x, y = point
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


# --- 1. readable ---------------------------------------------------------------------------------------------


def test_legend_shows_every_relation_type_status_and_kind_from_the_vocabulary(site: str, desktop: Any) -> None:
    load(desktop, site)
    vocab = api(site, "/api/vocabulary")
    legend = desktop.find_element("id", "legend")
    types = [li.get_attribute("data-type") for li in legend.find_elements("css selector", "li[data-type]")]
    kinds = [li.get_attribute("data-kind") for li in legend.find_elements("css selector", "li[data-kind]")]
    statuses = [li.get_attribute("data-status") for li in legend.find_elements("css selector", "li[data-status]")]
    text = legend.text
    colour = desktop.execute_script(
        "return getComputedStyle(document.querySelector('#legend [data-type=allegiance] .swatch-line')).borderTopColor")
    screenshot(desktop, "legend-desktop.png")
    assert sorted(types) == sorted(t["name"] for t in vocab["relation_types"] if not t["place"])
    assert kinds == [k["name"] for k in vocab["actor_kinds"]]
    assert statuses == ["asserted", "claimed", "uncertain"]
    assert "alliance: “allied with”" in text and "allegiance: “pledged to” →" in text
    assert colour == "rgb(123, 50, 148)"  # #7b3294, the vocabulary's colour for allegiance


def test_hovering_an_edge_shows_its_phrase_and_a_selected_actor_labels_its_edges(site: str, desktop: Any) -> None:
    load(desktop, site)
    label = "return window.factionmap.cy.$(arguments[0]).style('label')"
    pledge = edge_selector(desktop, IMU, "allegiance", IS)
    alliance = edge_selector(desktop, IMU, "alliance", TALIBAN)
    before = desktop.execute_script(label, pledge)
    hover(desktop, rendered_point(desktop, pledge))
    hovered = desktop.execute_script(label, pledge)
    hover(desktop, (5, 790))
    desktop.execute_script("window.factionmap.cy.$(arguments[0]).emit('tap')", node_selector(desktop, IJU))
    wait_for(desktop, "document.querySelector('#details h2')?.textContent === 'Islamic Jihad Union'")
    settle(desktop)
    around = desktop.execute_script(
        "return window.factionmap.cy.edges('.around').map(e => [e.data('type'), e.style('label')])")
    other = desktop.execute_script(label, alliance)
    assert before == "" and hovered == "pledged to"
    assert sorted(around) == [["allegiance", "pledged to"], ["joint_operation", "fought alongside"],
                              ["splinter_of", "splinter of"]]
    assert other == ""


def test_no_null_undefined_or_object_text_on_any_actor_or_relation_page(site: str, desktop: Any) -> None:
    load(desktop, site)
    bad = re.compile(r"\bnull\b|\bundefined\b|\[object Object\]|\bNaN\b")
    pages: dict[str, str] = {}
    for actor in api(site, "/api/actors?limit=1000"):
        desktop.execute_script("window.factionmap.cy.$(arguments[0]).emit('tap')", f"#a{actor['id']}")
        wait_for(desktop, "document.querySelector('#details h2')?.textContent === arguments[0]".replace(
            "arguments[0]", json.dumps(actor["name"])))
        pages[actor["name"]] = desktop.find_element("tag name", "body").text
    for rel in api(site, "/api/relations?include_denied=true"):
        desktop.execute_script(f"window.factionmap.cy.$('#r{rel['id']}').emit('tap')")
        if rel["object_is_place"]:
            continue
        wait_for(desktop, "document.querySelector('#details .evidence-list')")
        pages[f"relation {rel['id']}"] = desktop.find_element("tag name", "body").text
    for name in ("relations", "events", "sources", "map", "timeline"):
        tab(desktop, name)
        time.sleep(0.3)
        pages[name] = desktop.find_element("tag name", "body").text
    assert len(pages) >= 5 + 5 + 5
    assert {name: bad.findall(text) for name, text in pages.items() if bad.search(text)} == {}


@pytest.mark.shared
def test_no_null_on_any_actor_page_of_the_seed_articles(shared_dir: Path, extractor: Any, tmp_path: Path,
                                                         desktop: Any) -> None:
    from factionmap.ingest import read_documents
    from factionmap.store import open_store

    db = tmp_path / "seeds.db"
    documents = [d for d in read_documents([shared_dir / "seeds"]) if isinstance(d, Document)]
    with open_store(db) as store:
        for record in extractor.extract_all(documents):
            store.add_extraction(record)
    bad = re.compile(r"\bnull\b|\bundefined\b|\[object Object\]|\bNaN\b")
    found = {}
    with running_server(Settings(db=str(db))) as base:
        actors = api(base, "/api/actors?limit=1000")
        load(desktop, base)
        for actor in actors:
            node = f"#a{actor['id']}"
            if desktop.execute_script("return window.factionmap.cy.$(arguments[0]).length", node):
                desktop.execute_script("window.factionmap.cy.$(arguments[0]).emit('tap')", node)
            else:  # an actor in no relation: opened by a link to it
                load(desktop, base, f"actor={actor['id']}")
            wait_for(desktop, f"document.querySelector('#details h2')?.textContent === {json.dumps(actor['name'])}")
            found[actor["name"]] = bad.findall(desktop.find_element("id", "details").text)
    assert len(actors) >= 20
    assert {name: words for name, words in found.items() if words} == {}


def long_named_records(n_actors: int) -> list[Extraction]:
    """A network of ``n_actors`` groups with long names and acronyms, each allied with the next three."""
    actors = [Actor(f"g{i}", f"Liberation Front of the Northern Province Number {i}", "armed_group", (f"LFN{i}",),
                    f"name:lfn{i}") for i in range(n_actors)]
    records = []
    for i in range(n_actors):
        sentences = [f"LFN{i} is allied with LFN{(i + k) % n_actors}." for k in (1, 2, 3)]
        text = " ".join(sentences)
        relations = []
        for k, sentence in zip((1, 2, 3), sentences, strict=True):
            start = text.index(sentence)
            relations.append(Relation(f"g{i}", "alliance", f"g{(i + k) % n_actors}", Span(sentence, start,
                                                                                       start + len(sentence))))
        used = sorted({i, *((i + k) % n_actors for k in (1, 2, 3))})
        doc = Document(f"d{i}", text, f"d{i}.txt", f"Report {i}", "2020-01-01", "metadata")
        records.append(Extraction(doc, tuple(actors[j] for j in used), relations=tuple(relations)))
    return records


def test_labels_are_readable_at_a_hundred_actors(tmp_path: Path, desktop: Any) -> None:
    from factionmap.store import open_store

    db = tmp_path / "hundred.db"
    with open_store(db) as store:
        for record in long_named_records(100):
            store.add_extraction(record)
    labels = (
        "return window.factionmap.cy.nodes(':visible').filter(n => n.style('label') !== '')"
        ".map(n => [n.style('label'), n.numericStyle('font-size') * window.factionmap.cy.zoom()])"
    )
    with running_server(Settings(db=str(db))) as base:
        load(desktop, base)
        default = desktop.execute_script(labels)
        desktop.find_element("id", "labels-all").click()
        time.sleep(0.2)
        every = desktop.execute_script(labels)
        screenshot(desktop, "labels-100-actors-desktop.png")
        desktop.execute_script("window.factionmap.cy.zoom(window.factionmap.cy.zoom() / 2)")
        time.sleep(0.3)
        zoomed_out = desktop.execute_script(labels)
    assert 0 < len(default) <= 40  # the best-known actors only, until "All labels"
    assert len(every) == 100
    assert all(re.fullmatch(r"LFN\d+", text) for text, _ in every)  # acronyms for long names
    assert min(size for _, size in every) >= 11.5 and min(size for _, size in zoomed_out) >= 11.5


# --- 2. time you can see -------------------------------------------------------------------------------------


def test_range_with_year_ticks_marks_what_began_and_ended(site: str, desktop: Any) -> None:
    load(desktop, site)
    ticks = desktop.find_element("id", "year-ticks").text.split()
    desktop.find_element("id", "range-mode").click()
    set_date(desktop, "from", "2015")
    set_date(desktop, "as-of", "2016")
    settle(desktop)
    marks = desktop.execute_script(
        "return window.factionmap.cy.edges(':visible').map(e => [e.source().data('name'), e.data('type'),"
        " e.hasClass('began') ? 'began' : e.hasClass('ended') ? 'ended' : '', e.style('label')])")
    line = status(desktop)
    screenshot(desktop, "range-changes-desktop.png")
    assert ticks == ["2015", "2016", "2017", "2018"]
    assert "from 2015 to 2016 · 2 began, 1 ended" in line
    changed = {(s, t, mark) for s, t, mark, _ in marks if mark}
    assert changed == {(IMU, "allegiance", "began"), (IJU, "allegiance", "began"), (IMU, "alliance", "ended")}
    assert [label for s, t, _, label in marks if (s, t) == (IMU, "alliance")] == ["allied with · ended 2015-08-06"]
    assert (IJU, "joint_operation", TALIBAN) not in shown(desktop)  # 2017-10: after the range


def test_undated_relations_are_counted_and_can_be_hidden(site: str, desktop: Any) -> None:
    load(desktop, site)
    undated = [r for r in api(site, "/api/graph")["edges"] if not r["start"] and not r["effective_end"]]
    count = desktop.find_element("id", "undated-count").text
    with_undated = shown(desktop)
    desktop.find_element("id", "undated").click()
    without = shown(desktop)
    line = status(desktop)
    assert int(count) == len(undated) == 2
    assert with_undated - without == {(IJU, "splinter_of", IMU), (GHAZI, "leader_of", IMU)}
    assert line.endswith("2 undated relations hidden")


def test_play_steps_a_year_at_a_time_at_the_chosen_speed(site: str, desktop: Any) -> None:
    load(desktop, site)
    from selenium.webdriver.support.select import Select

    Select(desktop.find_element("id", "speed")).select_by_value("400")
    desktop.find_element("id", "play").click()
    seen: list[tuple[float, str]] = []
    started = time.monotonic()
    while time.monotonic() - started < 4:
        value = desktop.find_element("id", "as-of").get_attribute("value")
        if not seen or seen[-1][1] != value:
            seen.append((time.monotonic() - started, value))
        if desktop.find_element("id", "play").get_attribute("aria-pressed") == "false":
            break
        time.sleep(0.05)
    years = [value for _, value in seen]
    steps = [b - a for (a, _), (b, _) in itertools.pairwise(seen[1:])]  # the first step starts at the click
    assert years == ["2015", "2016", "2017", "2018"]
    assert steps and all(0.2 < step < 0.95 for step in steps)  # 0.4 s a year (1 s by default), on a busy machine


# --- 3. explore ----------------------------------------------------------------------------------------------


def test_hovering_a_node_highlights_its_links_and_fades_the_rest(site: str, desktop: Any) -> None:
    load(desktop, site)
    hover(desktop, rendered_point(desktop, node_selector(desktop, GHAZI)))
    lit = desktop.execute_script("return window.factionmap.cy.elements('.hl').map(e => e.isNode() ? e.data('name') : e.data('type'))")
    faded = desktop.execute_script("return window.factionmap.cy.nodes('.faded').map(n => n.data('name'))")
    hover(desktop, (5, 790))
    after = desktop.execute_script("return window.factionmap.cy.elements('.hl, .faded').length")
    assert sorted(lit) == sorted([GHAZI, IMU, "leader_of"])
    assert sorted(faded) == sorted([TALIBAN, IS, IJU])
    assert after == 0


def test_focus_on_one_and_two_steps_then_expand(site: str, desktop: Any) -> None:
    ghazi = actor_id(site, GHAZI)
    load(desktop, site, f"actor={ghazi}")
    wait_for(desktop, "document.querySelector('#details .focus')")
    desktop.find_element("css selector", "#details .focus[data-depth='1']").click()
    one = shown_nodes(desktop)
    screenshot(desktop, "focus-neighbourhood-desktop.png")
    desktop.find_element("id", "expand").click()
    two = shown_nodes(desktop)
    desktop.find_element("id", "reset").click()
    reset = shown_nodes(desktop)
    assert one == {GHAZI, IMU}
    assert two == {GHAZI, IMU, TALIBAN, IS, IJU}
    assert reset == two and "focus" not in desktop.current_url


def test_fit_brings_every_shown_actor_into_view(site: str, desktop: Any) -> None:
    load(desktop, site)
    inside = (
        "const w = window.factionmap.cy.width(), h = window.factionmap.cy.height();"
        "return window.factionmap.cy.nodes(':visible').every(n => { const b = n.renderedBoundingBox();"
        " return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= w && b.y2 <= h; })"
    )
    desktop.execute_script("window.factionmap.cy.zoom(3); window.factionmap.cy.pan({x: -900, y: -900})")
    away = desktop.execute_script(inside)
    desktop.find_element("id", "fit").click()
    settle(desktop)
    assert not away and desktop.execute_script(inside)


def test_the_same_store_gives_the_same_picture_and_a_click_moves_nothing(site: str, desktop: Any) -> None:
    positions = "return window.factionmap.cy.nodes().map(n => [n.data('name'), Math.round(n.position('x')), Math.round(n.position('y'))]).sort()"
    load(desktop, site)
    first = desktop.execute_script(positions)
    viewport = desktop.execute_script("return [window.factionmap.cy.zoom(), window.factionmap.cy.pan()]")
    desktop.execute_script("window.factionmap.cy.$(arguments[0]).emit('tap')", node_selector(desktop, IJU))
    wait_for(desktop, "document.querySelector('#details h2')")
    time.sleep(0.4)
    after_click = desktop.execute_script(positions)
    viewport_after = desktop.execute_script("return [window.factionmap.cy.zoom(), window.factionmap.cy.pan()]")
    load(desktop, site)
    second = desktop.execute_script(positions)
    assert first == second == after_click
    assert viewport == viewport_after


# --- 4. shareable --------------------------------------------------------------------------------------------


def test_the_url_holds_the_view_and_a_link_reproduces_it(site: str, desktop: Any, tmp_path: Path) -> None:
    load(desktop, site)
    set_date(desktop, "as-of", "2015-09")
    desktop.find_element("id", "filters").click()
    desktop.find_element("css selector", "#f-types input[value=leader_of]").click()
    desktop.find_element("id", "filters-close").click()
    desktop.execute_script("window.factionmap.cy.$(arguments[0]).emit('tap')", node_selector(desktop, IMU))
    wait_for(desktop, "document.querySelector('#details h2')")
    tab(desktop, "map")
    url = desktop.current_url
    edges, line = shown(desktop), status(desktop)
    with chromium(tmp_path / "other", 1280, 800) as other:
        other.get(url)
        assert wait_for(other, "document.body.dataset.state") == "ready"
        wait_for(other, "document.querySelector('#tab-map').hidden === false && document.body.dataset.map")
        wait_for(other, "document.querySelector('#details h2')")
        assert shown(other) == edges and status(other) == line
        assert other.find_element("id", "as-of").get_attribute("value") == "2015-09"
        assert not other.find_element("css selector", "#f-types input[value=leader_of]").is_selected()
        assert other.execute_script("return window.factionmap.cy.$(':selected').data('name')") == IMU
        assert other.find_element("css selector", "#details h2").get_attribute("textContent") == IMU
    fragment = url.split("#", 1)[1]
    assert "as_of=2015-09" in fragment and "tab=map" in fragment and f"actor={actor_id(site, IMU)}" in fragment
    assert "leader_of" not in fragment.split("types=")[1].split("&")[0]
    assert edges == {(IMU, "allegiance", IS), (IJU, "allegiance", TALIBAN), (IJU, "splinter_of", IMU)}


def test_downloads_hold_the_current_view(site: str, desktop: Any) -> None:
    load(desktop, site, "as_of=2016&types=allegiance,splinter_of,joint_operation")
    hrefs = {fmt: desktop.find_element("id", f"export-{fmt}").get_attribute("href")
             for fmt in ("graphml", "stix", "mmp", "acled")}
    edges = shown(desktop)
    with urllib.request.urlopen(hrefs["graphml"]) as response:
        graphml = ET.fromstring(response.read())
        disposition = response.headers["content-disposition"]
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    keys = {k.get("id"): k.get("attr.name") for k in graphml.iter(f"{ns}key")}
    nodes = {n.get("id"): {keys[d.get("key")]: d.text for d in n.iter(f"{ns}data")} for n in graphml.iter(f"{ns}node")}
    names = {key: data.get("name") or data.get("label") for key, data in nodes.items()}
    exported = set()
    for e in graphml.iter(f"{ns}edge"):
        data = {keys[d.get("key")]: d.text for d in e.iter(f"{ns}data")}
        exported.add((names[e.get("source")], data["relation"], names[e.get("target")]))
    with urllib.request.urlopen(hrefs["stix"]) as response:
        stix = json.load(response)
    with urllib.request.urlopen(hrefs["mmp"]) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    assert hrefs["graphml"].endswith("/api/export/graphml?as_of=2016&types=allegiance%2Cjoint_operation%2Csplinter_of")
    assert disposition == 'attachment; filename="factionmap-2016.graphml"'
    assert exported == edges == {(IMU, "allegiance", IS), (IJU, "allegiance", TALIBAN), (IJU, "splinter_of", IMU)}
    assert stix["type"] == "bundle" and len([o for o in stix["objects"] if o["type"] == "relationship"]) == 3
    assert {(r["group1"], r["relation"], r["group2"]) for r in rows} == edges


# --- 5. sources and tables -----------------------------------------------------------------------------------


def table_rows(driver: Any, table: str) -> list[list[str]]:
    return [[td.text for td in tr.find_elements("css selector", "td")]
            for tr in driver.find_elements("css selector", f"#{table} tbody tr")]


def test_relations_table_sorts_filters_and_follows_the_view(site: str, desktop: Any) -> None:
    load(desktop, site, "as_of=2016")
    tab(desktop, "relations")
    header = [th.text.rstrip(" ▲▼") for th in desktop.find_elements("css selector", "#relations-table th")]
    rows = table_rows(desktop, "relations-table")
    desktop.find_element("css selector", "#relations-table .sort[data-key=confidence]").click()
    by_confidence = [row[7] for row in table_rows(desktop, "relations-table")]
    desktop.find_element("css selector", "#relations-table .table-filter").send_keys("Uthman")
    filtered = table_rows(desktop, "relations-table")
    count = desktop.find_element("css selector", "#relations-table .table-count").text
    desktop.find_element("css selector", "#relations-table tbody tr td[data-key=type]").click()
    wait_for(desktop, "document.querySelector('#details .evidence-list')")
    evidence = desktop.find_element("id", "details").text
    tab(desktop, "relations")
    screenshot(desktop, "relations-table-desktop.png")
    assert header == ["Subject", "Relation", "Object", "From", "To", "Change", "Status", "Conf.", "Sources"]
    assert len(rows) == len(shown(desktop)) == 4  # the 2017 joint raid is not in force yet
    assert rows[0][:3] == [IJU, "allegiance", TALIBAN] and rows[0][8] == "2"  # most sources first
    assert by_confidence == sorted(by_confidence, key=lambda c: int(c.rstrip("%")))
    assert [row[:3] for row in filtered] == [[GHAZI, "leader", IMU]] and count == "1 of 4 relations"
    assert "Uthman Ghazi leads Islamic Movement of Uzbekistan" in evidence and "confidence 70%" in evidence


def test_events_table_has_one_row_per_incident_with_its_sources(site: str, desktop: Any) -> None:
    load(desktop, site)
    tab(desktop, "events")
    wait_for(desktop, "document.querySelectorAll('#events-table tbody tr').length === 2")
    rows = table_rows(desktop, "events-table")
    desktop.find_element("css selector", "#events-table tbody tr").click()
    wait_for(desktop, "document.querySelector('#details .evidence-list')")
    details = desktop.find_element("id", "details").text
    assert rows == [["2015", "attack", f"{IJU}, {TALIBAN}", "Kunduz", "2"],
                    ["2015-08-06", "pledge", f"{IMU}, {IS}", "", "1"]]
    assert "2 sources" in details and "Central Asian jihadists in Kunduz" in details


def test_documents_list_titles_outlets_dates_links_and_what_was_extracted(site: str, desktop: Any) -> None:
    load(desktop, site)
    tab(desktop, "sources")
    wait_for(desktop, "document.querySelectorAll('#documents-table tbody tr').length === 4")
    rows = table_rows(desktop, "documents-table")
    links = [a.get_attribute("href") for a in desktop.find_elements("css selector", "#documents-table tbody a")]
    injected = desktop.execute_script("return document.querySelectorAll('#documents-table script, #documents-table img').length")
    screenshot(desktop, "documents-list-desktop.png")
    assert [row[2] for row in rows] == ["2018-02-01", "2017-11-01", "2017-10-20", "2015-08-24"]
    assert rows[2][:2] == [HOSTILE_TITLE, "example.org"] and injected == 0
    assert rows[1][3] == "3 relations, 1 event"
    assert rows[1][4] == f"{IJU}, {IMU}, {TALIBAN}"
    assert all(link.startswith("https://") for link in links) and len(links) == 4


# --- 6. map and timeline -------------------------------------------------------------------------------------


def test_map_works_offline_with_outlines_labels_legend_and_clusters(site: str, desktop: Any) -> None:
    load(desktop, site)
    tab(desktop, "map")
    wait_for(desktop, "document.body.dataset.map === 'ready'")
    time.sleep(0.5)
    origins = desktop.execute_script(
        "return [...new Set(performance.getEntriesByType('resource').map(r => new URL(r.name).origin))]")
    legend = desktop.find_element("css selector", ".map-legend").text
    labels = desktop.execute_script("return [...document.querySelectorAll('.country-label')].map(e => e.textContent)")
    counts = "return [...document.querySelectorAll('.cluster-count')].map(e => e.textContent)"
    close = desktop.execute_script(counts)
    screenshot(desktop, "map-offline-desktop.png")
    for _ in range(2):  # one zoom step at a time: a click during the zoom animation is ignored
        desktop.find_element("css selector", ".leaflet-control-zoom-out").click()
        time.sleep(0.3)
        wait_for(desktop, "!document.querySelector('.leaflet-zoom-anim')")
        time.sleep(0.3)
    clusters = desktop.execute_script(counts)
    assert origins == [site]
    assert "operates in" in legend and "event: attack" in legend
    assert "Afghanistan" in labels
    assert close == ["3"]  # Kunduz: the IJU operates there, and two articles tell of the attack there
    assert clusters == ["4"]  # and Baghlan, close by, crowded together at a country's zoom


def test_timeline_has_a_time_axis_one_item_per_incident_and_follows_the_window(site: str, desktop: Any) -> None:
    load(desktop, site)
    tab(desktop, "timeline")
    wait_for(desktop, "document.body.dataset.timeline === 'ready'")
    time.sleep(0.5)
    items = desktop.execute_script("return [...document.querySelectorAll('#timeline .vis-item .item-text')].map(e => e.textContent)")
    axis = desktop.execute_script(
        "return [...document.querySelectorAll('#timeline .vis-time-axis .vis-text')].map(e => e.textContent).join(' ')")
    set_date(desktop, "as-of", "2015-03")
    wait_for(desktop, "document.querySelector('#timeline .vis-custom-time')")
    time.sleep(0.5)
    later = desktop.execute_script("return [...document.querySelectorAll('#timeline .vis-item.later .item-text')].map(e => e.textContent)")
    screenshot(desktop, "timeline-desktop.png")
    box = desktop.execute_script(
        "const r = document.querySelector('#timeline .vis-item.ev-attack').getBoundingClientRect();"
        "return [r.left, r.top + r.height / 2]")
    click(desktop, (box[0] + 6, box[1]))  # its left end: the "as of" line lies across it
    wait_for(desktop, "document.querySelector('#timeline-detail .evidence-list')")
    detail = desktop.find_element("id", "timeline-detail").text
    assert sorted(items) == [f"attack: {IJU}, {TALIBAN} · 2 sources", f"pledge: {IMU}, {IS}"]
    assert re.search(r"\b2015\b", axis)
    assert later == [f"pledge: {IMU}, {IS}"]
    assert "2 sources" in detail


# --- 7. phone ------------------------------------------------------------------------------------------------


def test_phone_filters_open_on_screen_and_work(site: str, phone: Any) -> None:
    load(phone, site)
    phone.find_element("css selector", "#filters summary").click()
    boxes = phone.execute_script(
        "return [...document.querySelectorAll('#filters input')].map(i => { const r = i.getBoundingClientRect();"
        " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        " return [r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight,"
        " hit === i || hit?.contains(i) || i.labels[0]?.contains(hit)]; })")
    screenshot(phone, "filters-phone.png")
    phone.find_element("css selector", "#f-types input[value=allegiance]").click()
    without = shown(phone)
    assert boxes and all(on_screen and hit for on_screen, hit in boxes)
    assert not any(kind == "allegiance" for _, kind, _ in without)


def test_phone_tap_on_an_edge_opens_its_evidence(site: str, phone: Any) -> None:
    load(phone, site)
    point = rendered_point(phone, edge_selector(phone, IMU, "allegiance", IS))
    tap(phone, point)
    wait_for(phone, "document.querySelector('#details .evidence-list')")
    heading = phone.find_element("css selector", "#details h2").text
    assert heading == f"{IMU} pledged to {IS}"


def test_phone_actor_page_is_in_view_when_opened(site: str, phone: Any) -> None:
    load(phone, site)
    tap(phone, rendered_point(phone, node_selector(phone, TALIBAN)))
    wait_for(phone, "document.querySelector('#details h2')?.textContent === 'Taliban'")
    time.sleep(0.5)
    top = phone.execute_script("return document.querySelector('#details h2').getBoundingClientRect().top")
    overflow = phone.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    screenshot(phone, "actor-page-phone.png")
    assert 0 <= top <= 844 - 40
    assert overflow <= 0


# --- 8. read-only, escaped, strict CSP, accessible -----------------------------------------------------------


def test_page_scripts_never_write_html() -> None:
    code = {path.name: re.sub(r"//.*", "", path.read_text(encoding="utf-8")) for path in STATIC_JS.glob("*.js")}
    pattern = r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function"
    offenders = [f"{name}: {m.group(0)}" for name, text in code.items() for m in re.finditer(pattern, text)]
    assert len(code) >= 10 and offenders == []


def test_hostile_text_shows_as_text_everywhere_and_nothing_runs(site: str, desktop: Any) -> None:
    load(desktop, site)
    desktop.execute_script("window.factionmap.cy.edges().filter(e => e.data('type') === 'joint_operation').emit('tap')")
    wait_for(desktop, "document.querySelector('#details .evidence')")
    details = desktop.find_element("id", "details").text
    for name in ("relations", "events", "sources", "map", "timeline"):
        tab(desktop, name)
    time.sleep(0.5)
    injected = desktop.execute_script("return document.querySelectorAll('main script, main img:not(.leaflet-tile)').length")
    dialogs = desktop.execute_script("return window.__dialogs")
    assert HOSTILE_SENTENCE in details and HOSTILE_TITLE in details
    assert injected == 0 and dialogs == []


def test_no_console_errors_on_any_tab_and_the_csp_is_kept(site: str, desktop: Any) -> None:
    load(desktop, site, "as_of=2016")
    desktop.get_log("browser")  # start afresh
    for name in ("relations", "events", "sources", "map", "timeline", "details"):
        tab(desktop, name)
        time.sleep(0.3)
    errors = [e["message"] for e in desktop.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    with urllib.request.urlopen(f"{site}/") as response:
        csp = response.headers["content-security-policy"]
    assert errors == []
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe" not in csp


def axe_violations(driver: Any) -> list[str]:
    """Serious and critical violations axe-core finds in the page as it is now."""
    driver.execute_cdp_cmd("Runtime.evaluate", {"expression": AXE.read_text(encoding="utf-8")})
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v =>"
        " [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')])));"
    )
    return [f"{rule} ({impact}): {where}" for rule, impact, where in result if impact in ("serious", "critical")]


def test_the_accessibility_check_can_fail(site: str, desktop: Any) -> None:
    load(desktop, site)
    desktop.execute_script("const b = document.createElement('button'); document.body.append(b);"
                           "const p = document.createElement('p'); p.textContent = 'pale'; p.style.color = '#eee';"
                           "document.body.append(p);")
    found = axe_violations(desktop)
    assert any(v.startswith("button-name (critical)") for v in found)
    assert any(v.startswith("color-contrast (serious)") for v in found)


@pytest.mark.parametrize("view", ["details", "relations", "events", "sources", "map", "timeline"])
def test_accessibility_no_serious_or_critical_violations(site: str, desktop: Any, phone: Any, view: str) -> None:
    found = {}
    for name, driver in (("desktop", desktop), ("phone", phone)):
        load(driver, site, f"actor={actor_id(site, IJU)}&tab={view}")
        wait_for(driver, f"document.querySelector('#tab-{view}').hidden === false")
        time.sleep(0.6)
        found[name] = axe_violations(driver)
    assert found == {"desktop": [], "phone": []}


# --- screenshots the issue asks for ----------------------------------------------------------------------------


@pytest.mark.parametrize(("width", "height", "size"), [(1280, 800, "desktop"), (390, 844, "phone")])
def test_screenshots_of_every_view(site: str, tmp_path: Path, width: int, height: int, size: str) -> None:
    imu, ghazi = actor_id(site, IMU), actor_id(site, GHAZI)
    views = {
        "network": "",
        "legend": "",
        "focus": f"actor={ghazi}&focus={ghazi}&depth=1",
        "range-changes": "from=2015&to=2016&range=1",
        "relations-table": "as_of=2016&tab=relations",
        "documents-list": "tab=sources",
        "map-offline": f"actor={imu}&tab=map",
        "timeline": "tab=timeline",
    }
    saved = []
    with chromium(tmp_path / "profile", width, height) as driver:
        for name, fragment in views.items():
            load(driver, site, fragment)
            time.sleep(0.6)
            if name == "legend":
                driver.execute_script("document.getElementById('legend-box').open = true;"
                                      "document.getElementById('legend-box').scrollIntoView()")
            elif "tab=" in fragment and size == "phone":
                driver.execute_script("document.querySelector('.side').scrollIntoView()")
            saved.append(screenshot(driver, f"{name}-{size}.png"))
    assert all(path.stat().st_size > 5000 for path in saved)
