"""Reading inputs (text, HTML and JSON Lines files, or folders of them) into ``Document`` records.

One module per input format (``text``, ``html``, ``jsonl``), each a :class:`~factionmap.ingest.reader.Reader`
listed in ``registry``; ``batch`` walks files and folders and turns every bad input into an ``IngestProblem``
without stopping; ``decoding`` turns bytes into text, ``document`` text into a ``Document`` (boilerplate removed
by ``boilerplate``, the publication date found by ``published``); ``gold`` reads gold files for scoring.
"""

from factionmap.ingest.batch import MAX_BYTES, count_inputs, read_documents
from factionmap.ingest.decoding import decode_bytes, repair_mojibake, utf16_without_bom
from factionmap.ingest.document import headline
from factionmap.ingest.gold import read_gold
from factionmap.ingest.published import normalise_date
from factionmap.ingest.registry import READERS, SUPPORTED_SUFFIXES

__all__ = [
    "MAX_BYTES",
    "READERS",
    "SUPPORTED_SUFFIXES",
    "count_inputs",
    "decode_bytes",
    "headline",
    "normalise_date",
    "read_documents",
    "read_gold",
    "repair_mojibake",
    "utf16_without_bom",
]
