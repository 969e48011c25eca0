"""Photos: uploads checked (`uploads`), their model field (`fields.PhotoField`), and the resized
copies that pages show (`entry.image.renditions`)."""
