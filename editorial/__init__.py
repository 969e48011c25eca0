"""
The editorial layer: drafts and scheduling (models), history (revisions, admin.history), the
page cache (cache, signals), rich text, imports (spreadsheets, tasks, resources) and the staff
roles. It knows nothing of the apps that use it: they name their content in settings.
"""
