"""Extraction: per article, the incidents it reports and every value with its span.

The stage list lives in :mod:`sitrep.extract.stages`; each extractor is its own module.
"""
