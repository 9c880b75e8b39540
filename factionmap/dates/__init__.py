"""Dates: the expressions a text writes (``expressions``: absolute, relative, ranges, resolved against the
publication date), the patterns that find them (``patterns``) and wire datelines (``datelines``)."""
