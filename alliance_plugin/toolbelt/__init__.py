"""Small helpers shared by the glue: dependencies, translation, resource paths."""
