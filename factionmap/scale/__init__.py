"""Scaling extraction out: this process, a pool of processes, or a Dask cluster, with the same records.

    from factionmap.scale import Scale, extract_scaled
    for extraction in extract_scaled(documents, settings, Scale(workers=4)):
        ...

``dispatch`` (``Scale``, ``extract_scaled``) picks where the work runs; ``chunks`` cuts the documents into chunks and
gives the records back in input order; ``pool`` runs chunks on local processes, ``cluster`` on Dask workers (the
``[dask]`` extra, imported only when asked for); ``lifeline`` makes workers die with their parent. No module here
imports one that imports it back.
"""

from factionmap.scale.dispatch import IN_PROCESS, POOL_MIN_DOCUMENTS, Scale, extract_scaled
from factionmap.scale.pool import available_cores

__all__ = ["IN_PROCESS", "POOL_MIN_DOCUMENTS", "Scale", "available_cores", "extract_scaled"]
