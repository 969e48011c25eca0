"""Photos: uploads checked, their model field (`fields.PhotoField`) and resized renditions."""
