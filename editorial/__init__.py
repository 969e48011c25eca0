"""
The editorial layer: what any content of the site needs to be edited safely by a small staff.

- `models`: `Publishable`, an entry that is a draft or published from a moment on, and its
  queryset (`published()`, `visible_to(user)`).
- `rich_text`: the one allow-list of rich text, the `RichTextField` that sanitizes with it and
  the editor that offers only what it keeps.
- `revisions`: restoring one entry to a saved version, comparing two versions.
- `admin`: the admin classes built on those: history (compare, revert, recover), publication
  (the Publisher's actions and fields), languages (four columns side by side, what is missing).
- `roles`: the Editor and Publisher groups, filled by each app's own data migration.
- `cache`: the public pages' cache, emptied whenever content changes.

It knows nothing of the apps that use it: they name their content in settings
(`PUBLIC_CONTENT_APPS`) and grant their permissions to the roles in their migrations.
"""
