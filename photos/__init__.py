"""
Photos: uploads checked and normalised, and the renditions pages show instead of originals.

- `fields.PhotoField`: the model field; `entry.image.renditions` is the one door to a photo's
  resized copies (`renditions.Renditions`: all of them, by format, the closest to a width, the
  one to share, `make()`).
- `uploads`: the checks an upload passes before anything is stored, and its normalisation.
- `templatetags/photos.py`: `{% picture entry.image alt=... sizes=... %}` for pages.
- `make_renditions` (management command): renditions of files stored by other ways.
"""
