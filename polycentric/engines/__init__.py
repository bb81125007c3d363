"""Pure-Python engines: plain typed data in, plain typed data out. Never import Django here."""
