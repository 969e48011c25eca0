"""The staff's editing tool for regions, agreements, visits, news photos, the section's page and
the partner search board's requests: a module per entity, on the editorial layer's history,
publication and language tools."""

from . import agreements, news, overview, partners, regions, visits

__all__ = ["agreements", "news", "overview", "partners", "regions", "visits"]
