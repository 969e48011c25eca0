"""The section's admin, a module per entity, and its lines of the staff member's desk."""

from . import agreements, desk, news, overview, regions, visits

__all__ = ["agreements", "desk", "news", "overview", "regions", "visits"]
