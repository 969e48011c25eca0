"""Photos: uploads checked and normalised (`uploads`), their model field (`fields.PhotoField`),
and the resized copies that pages show instead of originals (`entry.image.renditions`)."""
