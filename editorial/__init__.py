"""The editorial layer: drafts, review, history, the page cache, rich text, imports and the staff
roles. It knows nothing of the apps that use it: they name their content in settings."""
