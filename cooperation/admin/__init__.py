"""The staff's editing tool for regions, agreements, visits, news photos and the section's page: a
module per entity, on the editorial layer's history,
publication and language tools; and the section's lines of the staff member's desk."""

from . import agreements, desk, news, overview, regions, visits

__all__ = ["agreements", "desk", "news", "overview", "regions", "visits"]
