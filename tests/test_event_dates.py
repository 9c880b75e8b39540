"""The day of an event as a coder dates it (issue 12): a designation or a sanction over an attack is dated by the
announcement, not by the attack its phrase recalls; an incident's own cue keeps the date of the attack that is
itself; an anniversary is the day it recalls, in the report's year. Sentences written for these tests, from
several wars."""

from __future__ import annotations

import pytest

from factionmap.extract import Extractor
from factionmap.records import Document

pytestmark = pytest.mark.issue(12)


def event_dates(extractor: Extractor, text: str, published: str) -> dict[str, str | None]:
    ex = extractor.extract(Document("t", text, "test", published=published, published_from="metadata"))
    return {e.type: e.date for e in ex.events}


@pytest.mark.parametrize(("text", "published", "kind", "day"), [
    (("The United States designated Jamaat Nusrat al-Islam wal-Muslimin a terrorist organisation over the "
      "2 March attack in Ouagadougou, the State Department said on Tuesday."), "2018-09-06", "designation",
     "2018-09-04"),
    (("The European Union sanctioned the Wagner Group over the killing of civilians in Moura in March, "
      "officials said on Friday."), "2023-02-27", "designation", "2023-02-24"),
])
def test_a_designation_over_an_attack_is_dated_by_its_announcement(extractor: Extractor, text: str,
                                                                   published: str, kind: str, day: str) -> None:
    assert event_dates(extractor, text, published)[kind] == day


@pytest.mark.parametrize(("text", "published", "kind", "day"), [
    ("The United States designated Jamaat Nusrat al-Islam wal-Muslimin over the 2 March attack in Ouagadougou.",
     "2018-09-06", "attack", "2018-03-02"),
    ("Al-Shabaab released a video on the first anniversary of the 21 September attack.", "2014-09-24",
     "propaganda", "2014-09-21"),
    ("Gunmen killed three soldiers in an ambush on 3 May near Gao.", "2019-05-06", "killing", "2019-05-03"),
])
def test_the_attack_keeps_its_day_and_an_anniversary_is_the_day_it_recalls(
        extractor: Extractor, text: str, published: str, kind: str, day: str) -> None:
    assert event_dates(extractor, text, published)[kind] == day


def test_a_date_line_and_a_picture_caption_do_not_push_the_lede_out_of_the_opening(extractor: Extractor) -> None:
    text = ("Two Shabaab commanders killed in Somalia\n\nTuesday, March 3, 2015\n\nFile:Somali_soldiers.jpg\n\n"
            "Somali soldiers on patrol\n\nSomali and African Union forces have killed two senior al-Shabaab "
            "commanders in a raid near Barawe, according to officials.\n\nThe men, who had led attacks since 2009, "
            "were buried on the spot.")
    ex = extractor.extract(Document("t", text, "test"))
    lede = [e.date for e in ex.events if e.evidence.text.startswith("Somali and African Union forces")]
    assert lede and set(lede) == {"2015-03-03"}
