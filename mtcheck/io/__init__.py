"""Reading inputs and writing results: one reader per input format, one writer per output format."""
