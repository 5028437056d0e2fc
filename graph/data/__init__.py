"""The data set: files, CSV, schema, validation, loading and safe edits."""
