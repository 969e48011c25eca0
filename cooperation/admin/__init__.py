"""The staff's editing tool for regions, agreements, visits, news photos and the section's page:
a module per entity, on the editorial layer's history, publication and language tools."""

from . import agreements, news, overview, regions, visits

__all__ = ["agreements", "news", "overview", "regions", "visits"]
