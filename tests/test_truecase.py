"""Recasing all-capitals wire copy (issue 12): acronyms the text introduces, initials, Romance articles."""

from __future__ import annotations

import pytest

from factionmap.extract import Extractor
from factionmap.extract.truecase import Truecaser

pytestmark = pytest.mark.issue(12)
FILLER = " THE POLICE SAID THE MEN FLED IN A CAR AND THAT AN INVESTIGATION WAS UNDER WAY IN THE AREA."


@pytest.mark.parametrize(("caps", "expected"), [
    ("THE MAYOR WAS SEIZED BY THE ARMY OF NATIONAL LIBERATION (ELN). LATER ELN GUERRILLAS FREED HIM.",
     "Later ELN guerrillas freed him."),
    ("A BOMB WENT OFF AT THE U.S. EMBASSY AND NEAR THE U.N. OFFICE IN THE CITY.",
     "A bomb went off at the U.S. embassy and near the U.N. office in the city."),
    ("THE FPMR [PATRIOTIC FRONT MANUEL RODRIGUEZ] CLAIMED THE BOMBING.",
     "The FPMR [Patriotic Front Manuel Rodriguez] claimed the bombing."),
    ('A GROUP CALLING ITSELF THE "NEW DAWN LIBERATION FRONT" CLAIMED THE BOMBING.',
     'A group calling itself the "New Dawn Liberation Front" claimed the bombing.'),
    ("A BOMB WENT OFF IN LA PAZ AND SOLDIERS FIRED ON A BUS NEAR EL ALTO AND LOS ANGELES.",
     "A bomb went off in La Paz and soldiers fired on a bus near El Alto and Los Angeles."),
])
def test_wire_copy_recases_acronyms_initials_and_article_names(extractor: Extractor, caps: str, expected: str) -> None:
    text = caps + FILLER
    r = extractor.resources
    cased = Truecaser.from_resources(r.nlp, r.kb, r.gazetteer)(text)
    assert len(cased) == len(text)
    assert expected in cased, cased
