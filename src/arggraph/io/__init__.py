"""Reading and writing graphs: one module per format, the same verbs in each."""
