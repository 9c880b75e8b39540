"""What the program knows before it reads an article: the knowledge base of actors (``kb``), the office book of who
held which office when (``offices``), the gazetteer of places (``gazetteer``), and the rules that fold names for
lookup (``folding``). Extraction looks names up here; nothing here depends on extraction or the store.
"""
